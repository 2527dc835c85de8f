import fc from "fast-check";
import { allocate } from "../../../src/engine/allocate";
import { explainer } from "../../../src/engine/allocate/explain";
import type { Allocation, District, Source } from "../../../src/engine/types";
import { randomDistrict } from "../../helpers/randomDistrict";

/** count × rate rounded half-up to the unit, by integer arithmetic (the counts of these districts are whole). */
function byHand(count: number, rate: number, unit: number): number {
  const x = count * rate;
  if (!Number.isSafeInteger(x)) throw new Error(`not exact: ${count} × ${rate}`);
  return Math.floor((x + unit / 2) / unit) * unit;
}

/** Every problem with the lines of an allocation: a line a person cannot reproduce, or lines that do not add up. */
function lineProblems(a: Allocation): string[] {
  const unit = a.district.policy.rounding === "dollar" ? 100 : 1;
  const explain = explainer(a);
  const out: string[] = [];
  a.schools.forEach((school, i) => {
    const lines = explain(i);
    const bySource = new Map<string, number>();
    for (const l of lines) {
      bySource.set(l.source, (bySource.get(l.source) ?? 0) + l.amount);
      if (l.kind !== "formula") continue;
      if (l.rate === null || l.count === null || !Number.isInteger(l.rate) || l.rate <= 0) out.push(`${school.id}: rate ${l.rate} is not whole cents`);
      else if (byHand(l.count, l.rate, unit) !== l.amount) out.push(`${school.id}: ${l.count} × ${l.rate} ≠ ${l.amount}`);
    }
    a.sources.forEach((s) => {
      if ((bySource.get(s.name) ?? 0) !== s.bySchool[i]) out.push(`${school.id} ${s.name}: lines ${bySource.get(s.name) ?? 0} ≠ ${s.bySchool[i]}`);
    });
    const sum = lines.reduce((x, l) => x + l.amount, 0);
    if (sum !== school.total) out.push(`${school.id}: lines ${sum} ≠ total ${school.total}`);
  });
  return out;
}

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
