import { allocate } from "../../../src/engine/allocate";
import { makeDistrict } from "../../helpers/district";

/**
 * Golden test: the Strategic School Funding for Results guidebook (AIR and Pivot Learning, 2013), Table 2.2 (per-pupil $ by schooling level and need category).
 * We choose counts, express the table as weights relative to Elementary/All ($3,741), and give one general
 * source exactly the pool the table implies. The engine must SOLVE the base and reproduce every cell.
 */
const TABLE: Record<string, [number, number, number, number]> = {
  Elementary: [3741, 1272, 636, 3442],
  Middle: [3667, 1247, 513, 3154],
  High: [4683, 1077, 749, 3887],
};
const NEEDS = ["Poverty", "English Learner", "Special Education"];

test("reproduces the guidebook's Table 2.2 from weights and a solved base", () => {
  const counts: Record<string, number[]> = {
    // students, poverty, EL, SpEd
    E1: [420, 250, 90, 48],
    E2: [510, 120, 30, 60],
    M1: [780, 400, 70, 95],
    H1: [1450, 520, 110, 170],
  };
  const levelOf: Record<string, string> = { E1: "Elementary", E2: "Elementary", M1: "Middle", H1: "High" };
  const rates: Record<string, Record<string, number>> = {};
  for (const [level, row] of Object.entries(TABLE)) {
    rates[level] = { Base: row[0] / 3741 };
    NEEDS.forEach((n, k) => (rates[level][n] = row[k + 1] / 3741));
  }
  // Pool implied by the table: sum over schools of count x $ per pupil.
  let pool = 0;
  for (const [id, c] of Object.entries(counts)) {
    const t = TABLE[levelOf[id]];
    pool += c[0] * t[0] + c[1] * t[1] + c[2] * t[2] + c[3] * t[3];
  }
  const d = makeDistrict({
    schools: Object.keys(counts).map((id) => ({ id })),
    needs: NEEDS,
    levels: ["Elementary", "Middle", "High"],
    enrollment: Object.entries(counts).map(([id, c]) => [id, levelOf[id], ...c]),
    rates,
    sources: [{ name: "General Fund", amount: pool }],
  });
  const a = allocate(d);
  expect(a.errors).toEqual([]);
  expect(a.sources[0].base).toBeCloseTo(374100, 6); // $3,741.00 per weighted pupil, in cents
  for (const [l, level] of a.matrix.levels.entries()) {
    TABLE[level].forEach((dollarsPerPupil, c) => {
      expect(Math.round(a.matrix.perPupil[l][c])).toBe(dollarsPerPupil * 100);
    });
  }
  // Weights relative to Elementary base, e.g. Elementary poverty 1272/3741 = 0.34.
  expect(a.matrix.weights[0][1]).toBeCloseTo(0.34, 4);
  expect(a.matrix.weights[2][0]).toBeCloseTo(4683 / 3741, 10);
  // Each school's budget is exactly count x table $.
  a.schools.forEach((s) => {
    const c = counts[s.id];
    const t = TABLE[levelOf[s.id]];
    expect(s.total).toBe((c[0] * t[0] + c[1] * t[1] + c[2] * t[2] + c[3] * t[3]) * 100);
  });
});

test("the same table as fixed $ per pupil: formula cost equals the table, surplus kept centrally", () => {
  const d = makeDistrict({
    schools: [{ id: "E1" }, { id: "H1" }],
    needs: NEEDS,
    levels: ["Elementary", "High"],
    enrollment: [
      ["E1", "Elementary", 100, 50, 10, 12],
      ["H1", "High", 200, 60, 20, 25],
    ],
    rates: {
      Elementary: { Base: { pp: 3741 }, Poverty: { pp: 1272 }, "English Learner": { pp: 636 }, "Special Education": { pp: 3442 } },
      High: { Base: { pp: 4683 }, Poverty: { pp: 1077 }, "English Learner": { pp: 749 }, "Special Education": { pp: 3887 } },
    },
    sources: [{ name: "General Fund", amount: 3_000_000 }],
  });
  const a = allocate(d);
  const e1 = 100 * 3741 + 50 * 1272 + 10 * 636 + 12 * 3442;
  const h1 = 200 * 4683 + 60 * 1077 + 20 * 749 + 25 * 3887;
  expect(a.schools[0].total).toBe(e1 * 100);
  expect(a.schools[1].total).toBe(h1 * 100);
  expect(a.sources[0].surplus).toBe((3_000_000 - e1 - h1) * 100);
  expect(a.matrix.perPupil[1][3]).toBe(388700);
});
