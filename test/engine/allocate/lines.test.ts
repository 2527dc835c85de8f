import fc from "fast-check";
import { allocate } from "../../../src/engine/allocate";
import { explainer } from "../../../src/engine/allocate/explain";
import type { Allocation, District, Source } from "../../../src/engine/types";
import { lineProblems } from "../../helpers/lines";
import { randomDistrict } from "../../helpers/randomDistrict";

describe("every line reproduces with a desktop calculator (issue 11, item 1)", () => {
  test("count × printed rate = amount; rates whole cents; lines add up to each source and total", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const a = allocate(randomDistrict(seed));
        const problems = lineProblems(a);
        if (problems.length) throw new Error(`seed ${seed}: ${problems.slice(0, 3).join("; ")}`);
        // Solved rates are one per cell: the matrix prints the rate every line of that cell uses.
        for (const s of a.sources) if (s.remainder < 0 || s.remainder > s.surplus) throw new Error(`seed ${seed}: remainder ${s.remainder} of ${s.name}`);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  test("the checker finds a line that does not reproduce and lines that do not add up", () => {
    const d = randomDistrict(7);
    const a = allocate({ ...d, policy: { ...d.policy, rounding: "cent" } });
    expect(lineProblems(a)).toEqual([]);
    // One cent more in a source for the first school than its total says: its lines no longer add up to the total.
    const moved = { ...a, sources: a.sources.map((s, k) => (k === 0 ? { ...s, bySchool: s.bySchool.map((v, i) => (i === 0 ? v + 1 : v)) } : s)) };
    expect(lineProblems(moved)).toEqual([`${a.schools[0].id}: lines ${a.schools[0].total + 1} ≠ total ${a.schools[0].total}`]);
    // A formula line one cent off does not reproduce count × rate, nor add up to its source or the total.
    const explain = explainer(a);
    const at = a.schools.findIndex((_, i) => explain(i).some((l) => l.kind === "formula"));
    const k = explain(at).findIndex((l) => l.kind === "formula");
    const l = explain(at)[k];
    const off = (i: number) => explain(i).map((x, j) => (i === at && j === k ? { ...x, amount: x.amount + 1 } : x));
    const id = a.schools[at].id;
    const money = a.sources.find((s) => s.name === l.source)?.bySchool[at] as number;
    expect(lineProblems(a, off)).toEqual([
      `${id}: ${l.count} × ${l.rate} = ${l.amount + 1}, not ${l.amount}`,
      `${id} ${l.source}: lines ${money + 1} ≠ ${money}`,
      `${id}: lines ${a.schools[at].total + 1} ≠ total ${a.schools[at].total}`,
    ]);
    // An attendance line whose count is not funded − enrolled is caught too.
    const ada = { ...l, kind: "attendance" as const, count: -2, amount: -2 * (l.rate as number), attendance: { enrolled: 100, rate: 0.97, funded: 97 } };
    const withAda = (i: number) => (i === at ? [...explain(i), ada, { ...ada, count: 2, amount: 2 * (l.rate as number) }] : explain(i));
    expect(lineProblems(a, withAda)).toEqual([`${id}: attendance count -2 is not funded − enrolled`, `${id}: attendance difference 2 > 0`, `${id}: attendance count 2 is not funded − enrolled`]);
  });
});

/** A Grant source drawn at random: funds All or one need, eligible for all, one level, or a need-share rule. */
function randomGrant(d: District, seed: number): Source {
  const r = (k: number) => ((Math.imul(seed ^ (k * 0x9e3779b1), 2654435761) >>> 0) % 1000) / 1000;
  const need = d.needs.length && r(1) < 0.6 ? d.needs[Math.floor(r(2) * d.needs.length)] : null;
  const level = r(3) < 0.3 ? d.levels[Math.floor(r(4) * d.levels.length)] : null;
  const rule = need !== null && r(5) < 0.4;
  return {
    name: "Random grant",
    type: "Federal",
    restricted: true,
    amount: Math.round(r(6) * 2_000_000_00) + Math.floor(r(7) * 100),
    status: "Grant",
    schoolShare: r(8) < 0.5 ? 1 : r(9),
    funds: need ?? "All",
    eligible: {
      text: "random",
      levels: level === null ? null : [level],
      schoolIds: null,
      rules: rule ? [{ kind: "share", key: need as string, label: `${need} %`, op: ">=", value: Math.floor(r(10) * 60) }] : [],
    },
    sheetRow: 99,
  };
}

/** Each source's money by school, by source name, for the sources of `names`. */
function moneyOf(a: Allocation, names: string[]): Record<string, readonly number[]> {
  return Object.fromEntries(a.sources.filter((s) => names.includes(s.name)).map((s) => [s.name, s.bySchool]));
}

describe("grants supplement, never supplant (issue 11, item 3)", () => {
  test("adding, removing or resizing a grant changes no school's money from any other source", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 2 }), (seed, what) => {
        const d = randomDistrict(seed);
        const grant = randomGrant(d, seed);
        const others = d.sources.map((s) => s.name);
        const before = allocate(d);
        let after: Allocation;
        if (what === 0) after = allocate({ ...d, sources: [...d.sources, grant] });
        else if (what === 1) {
          // Remove the first grant, if any (else add one: the same property seen from the other side).
          const k = d.sources.findIndex((s) => s.status === "Grant");
          const without = k < 0 ? d.sources : d.sources.filter((_, j) => j !== k);
          const b = allocate({ ...d, sources: k < 0 ? [...d.sources, grant] : without });
          const names = without.map((s) => s.name);
          if (before.errors.length || b.errors.length) return;
          expect(moneyOf(b, names)).toEqual(moneyOf(before, names));
          return;
        } else after = allocate({ ...d, sources: [...d.sources.map((s) => s), { ...grant, amount: grant.amount * 3 + 17 }] });
        if (before.errors.length || after.errors.length) return;
        expect(moneyOf(after, others)).toEqual(moneyOf(before, others));
        const g = after.sources[after.sources.length - 1];
        expect(g.central + g.surplus + g.toSchools).toBe(g.amount);
      }),
      { numRuns: 400 },
    );
  }, 120_000);
});
