import { benchmark, benchmarkJson, isCentralOffice } from "../../../src/analysis/benchmark";
import { benchmarkReadingText } from "../../../src/words/benchmark";
import { formatError } from "../../../src/words/errors";
import { sortErrors } from "../../../src/engine/parse";
import type { ParseContext } from "../../../src/engine/parse/headers";
import { parsePeers, type PeersData } from "../../../src/engine/parse/peers";
import type { BudgetLine } from "../../../src/analysis/plan/types";
import { rawTables, type Grid } from "../../helpers/raw";

const HEAD = ["District", "Enrollment", "Function", "Amount", "FTE"];

function peers(grid: Grid): { data: PeersData | null; ctx: ParseContext } {
  const ctx: ParseContext = { errors: [], warnings: [] };
  return { data: parsePeers(rawTables({ Peers: grid }), ctx), ctx };
}

function line(fn: string, area: string, amountDollars: number, fte: number | null = null): BudgetLine {
  return { fund: "", area, function: fn, object: "", schoolId: null, schoolIndex: null, amount: amountDollars * 100, fte, sheetRow: 2 };
}

describe("peer benchmarking by hand", () => {
  // Four peers, $ per pupil in Transportation: A 400, B 500, C 600, D 1000 (Amount ÷ Enrollment).
  // PERCENTILE.INC: n = 4 -> P25 at position 0.75: 400 + 0.75·100 = 475; median at 1.5: 550; P75 at 2.25: 600 + 0.25·400 = 700.
  // District: 1,000 students, Transportation $520,000 in two lines -> $520 per pupil; gap −$30, total −$30,000; rank 3 of 5.
  const grid: Grid = [
    HEAD,
    ["A", 1000, "Transportation", 400_000, 10],
    ["B", 2000, "Transportation", 1_000_000, 16],
    ["C", 500, "Transportation", 300_000, null],
    ["D", 100, "Transportation", 100_000, 2],
    ["A", 1000, "Central Office", 80_000, null],
    ["B", null, "Central Office", 100_000, null],
    ["C", 500, "Central Office", 50_000, null],
    ["D", 100, "Central Office", 30_000, null],
  ];
  const { data, ctx } = peers(grid);
  const lines = [line("Buses", "Transportation", 300_000, 6), line("Fuel", "Transportation", 220_000), line("Superintendent", "Central Office", 90_000)];
  const b = benchmark(data as PeersData, lines, 1000);
  const t = b.functions[0];

  test("reads every row without problems", () => {
    expect(ctx.errors).toEqual([]);
    expect(data?.districts.map((d) => [d.name, d.enrollment])).toEqual([["A", 1000], ["B", 2000], ["C", 500], ["D", 100]]);
    expect(data?.functions).toEqual(["Transportation", "Central Office"]);
  });

  test("per pupil, percentiles (PERCENTILE.INC), gap, total and rank", () => {
    expect(t.matchedBy).toBe("area");
    expect(t.perPupil).toBe(52000); // cents
    expect(t.peerP25).toBeCloseTo(47500, 9);
    expect(t.peerMedian).toBeCloseTo(55000, 9);
    expect(t.peerP75).toBeCloseTo(70000, 9);
    expect(t.gapPerPupil).toBeCloseTo(-3000, 9);
    expect(t.gapTotal).toBe(-3_000_000); // −$30,000
    expect([t.rank, t.rankOf]).toEqual([3, 5]);
  });

  test("students per FTE: the district's and the median of the peers that give FTE", () => {
    // District: 1000 / 6. Peers: A 1000/10 = 100, B 2000/16 = 125, D 100/2 = 50 -> median 100.
    expect(t.studentsPerFte).toBeCloseTo(1000 / 6, 12);
    expect(t.peerMedianStudentsPerFte).toBe(100);
  });

  test("central office share against the peers'", () => {
    expect(isCentralOffice("Central Office")).toBe(true);
    expect(isCentralOffice("Transportation")).toBe(false);
    // District 90,000 / 610,000; peers: A 80/480, B 100/1100, C 50/350, D 30/130
    expect(b.central.share).toBeCloseTo(90 / 610, 12);
    const shares = [80 / 480, 100 / 1100, 50 / 350, 30 / 130].sort((x, y) => x - y);
    expect(b.central.peerMedian).toBeCloseTo((shares[1] + shares[2]) / 2, 12);
    // $ per pupil: district 90; peers 80, 50, 100, 300 -> median 90
    expect(b.central.perPupil).toBe(9000);
    expect(b.central.peerMedianPerPupil).toBe(9000);
  });

  test("plain words", () => {
    expect(benchmarkReadingText(b.readings[0])).toBe("Transportation: $520 per pupil, $30 below the peer median of $550; reaching the median would take $30,000 more (3rd lowest of 5).");
    expect(b.readings.map(benchmarkReadingText)).toContain("Central Office: $90 per pupil, at the peer median of $90 (3rd lowest of 5).".replace(", at the peer median of $90", ", at the peer median"));
  });

  test("summary.json shape, exactly; FTE fields null without FTE", () => {
    const j = benchmarkJson(b);
    expect(Object.keys(j)).toEqual(["peers", "functions"]);
    expect(j.peers).toBe(4);
    expect(j.functions[0]).toEqual({
      function: "Transportation",
      perPupil: 520,
      peerMedian: 550,
      peerP25: 475,
      peerP75: 700,
      gapPerPupil: -30,
      gapTotal: -30000,
      rank: 3,
      studentsPerFte: 1000 / 6,
      peerMedianStudentsPerFte: 100,
    });
    expect(j.functions[1]).toMatchObject({ function: "Central Office", studentsPerFte: null, peerMedianStudentsPerFte: null });
  });

  test("a function matched by name first, by area only when no line has that function", () => {
    const byFn = benchmark(data as PeersData, [line("Transportation", "Operations", 100_000), line("Buses", "Transportation", 999_000)], 1000);
    expect(byFn.functions[0]).toMatchObject({ matchedBy: "function", perPupil: 10000, rank: 1 });
    const none = benchmark(data as PeersData, [], 1000);
    expect(none.functions[0]).toMatchObject({ matchedBy: null, perPupil: null, gapPerPupil: null, rank: null });
    expect(none.readings[0]).toEqual({ code: "notInBudgetLines", function: "Transportation" });
    expect(benchmarkReadingText(none.readings[0])).toMatch(/not in Budget Lines/);
  });

  test("the gap is taken between the figures as printed (to the cent), and the total is that gap × students", () => {
    // Peers at $100.004, $100.006 and $200 per pupil: median $100.006 prints $100.01; the district's $100.004 prints
    // $100.00: gap −1 cent (not −0.2), total −1 cent × 3,000 = −$30.
    const d = peers([HEAD, ["A", 1000, "X", 100_004, null], ["B", 1000, "X", 100_006, null], ["C", 1000, "X", 200_000, null]]).data as PeersData;
    const r = benchmark(d, [line("X", "X", 300_012)], 3000);
    expect(r.functions[0].perPupil).toBeCloseTo(10000.4, 9);
    expect(r.functions[0].gapPerPupil).toBe(-1);
    expect(r.functions[0].gapTotal).toBe(-3000);
  });
});

describe("Peers: located errors", () => {
  test("negative Amount, a district without Enrollment, Enrollments that disagree, a bad FTE", () => {
    const { ctx, data } = peers([
      HEAD,
      ["A", 1000, "Transportation", -5, null],
      ["B", null, "Transportation", 100, null],
      ["B", null, "Food Service", 100, null],
      ["C", 500, "Transportation", 100, null],
      ["C", 600, "Food Service", 100, null],
      ["D", 0, "Transportation", 100, "many"],
    ]);
    // as the commands print them: by row, then column
    expect(sortErrors(ctx.errors).map(formatError)).toEqual([
      `Peers row 2, column "Amount" (D2): expected a dollar amount ≥ 0, found -5`,
      `Peers row 3, column "Enrollment" (B3): expected the students of "B" (a number > 0 on at least one of its rows), found a blank cell`,
      `Peers row 6, column "Enrollment" (B6): expected the same Enrollment on every row of "C" (500 on row 5), or blank, found 600`,
      `Peers row 7, column "Enrollment" (B7): expected the district's students, a number > 0, found 0`,
      `Peers row 7, column "FTE" (E7): expected a number of full-time equivalents ≥ 0, or blank, found "many"`,
    ]);
    expect(data?.districts).toEqual([]);
  });

  test("a missing required column", () => {
    const { ctx } = peers([["District", "Function", "Amount"], ["A", "X", 1]]);
    expect(ctx.errors.map(formatError)).toEqual([`Peers, column "Enrollment": expected a column "Enrollment", found no such column; the columns are "District", "Function", "Amount"`]);
  });
});
