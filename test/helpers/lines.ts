/**
 * The one checker of a school's explanation lines (the house rule: every printed line reproduces with a desktop
 * calculator, and the lines add up). Written here, by hand, independently of the engine's rounding code:
 * - every amount is whole cents;
 * - every formula and attendance line: the rate printed is whole cents > 0, the count has at most two decimals,
 *   and count × rate rounded half-up (away from zero for a negative count) to the rounding unit is the amount,
 *   computed exactly in BigInt;
 * - every attendance line: its count is funded − enrolled, ≤ 0;
 * - every line names a source of the allocation; each source's lines add up to that source's money for the
 *   school, and all lines to the school's total;
 * - the norm adjustment lines add up to the school's norm adjustment.
 */
import { explainer } from "../../src/engine/allocate/explain";
import type { Allocation, Line } from "../../src/engine/types";

/** A count in hundredths, or null when it is not a whole number of hundredths. */
function hundredths(count: number): bigint | null {
  const x = Math.round(count * 100);
  return Math.abs(x - count * 100) < 1e-6 ? BigInt(x) : null;
}

/** count × rate rounded half-up (magnitude) to the unit, in cents; the count given in hundredths. */
export function lineAmountByHand(count100: bigint, rate: number, unit: number): bigint {
  const x = count100 * BigInt(rate);
  const u = BigInt(unit) * 100n;
  const a = x < 0n ? -x : x;
  const q = ((a + u / 2n) / u) * BigInt(unit);
  return x < 0n ? -q : q;
}

/** Every problem with an allocation's lines (the engine's explanation by default), as readable text (empty when none). */
export function lineProblems(a: Allocation, explain: (school: number) => readonly Line[] = explainer(a)): string[] {
  const unit = a.district.policy.rounding === "dollar" ? 100 : 1;
  const names = new Set(a.sources.map((s) => s.name));
  const out: string[] = [];
  a.schools.forEach((school, i) => {
    const lines = explain(i);
    const bySource = new Map<string, number>();
    for (const l of lines) {
      if (!Number.isInteger(l.amount)) out.push(`${school.id}: amount ${l.amount} is not whole cents`);
      if (!names.has(l.source)) out.push(`${school.id}: a line of "${l.source}", not a source`);
      bySource.set(l.source, (bySource.get(l.source) ?? 0) + l.amount);
      if (l.kind !== "formula" && l.kind !== "attendance") continue;
      if (l.rate === null || !Number.isInteger(l.rate) || l.rate <= 0) {
        out.push(`${school.id}: rate ${l.rate} is not whole cents`);
        continue;
      }
      const count = l.count === null ? null : hundredths(l.count);
      if (count === null) {
        out.push(`${school.id}: count ${l.count} is not a number of hundredths`);
        continue;
      }
      const want = lineAmountByHand(count, l.rate, unit);
      if (BigInt(l.amount) !== want) out.push(`${school.id}: ${l.count} × ${l.rate} = ${l.amount}, not ${want}`);
      if (l.kind === "attendance") {
        if (count > 0n) out.push(`${school.id}: attendance difference ${l.count} > 0`);
        const at = l.attendance;
        const enrolled = at ? hundredths(at.enrolled) : null;
        const funded = at ? hundredths(at.funded) : null;
        if (enrolled === null || funded === null || funded - enrolled !== count) out.push(`${school.id}: attendance count ${l.count} is not funded − enrolled`);
      }
    }
    a.sources.forEach((s) => {
      const sum = bySource.get(s.name) ?? 0;
      if (sum !== s.bySchool[i]) out.push(`${school.id} ${s.name}: lines ${sum} ≠ ${s.bySchool[i]}`);
    });
    const sum = lines.reduce((x, l) => x + l.amount, 0);
    if (sum !== school.total) out.push(`${school.id}: lines ${sum} ≠ total ${school.total}`);
    const norm = lines.filter((l) => l.rule === "Norm adjustment");
    const normSum = norm.reduce((x, l) => x + l.amount, 0);
    if (norm.length > 0 && normSum !== school.normAdjustment) out.push(`${school.id}: norm adjustment lines ${normSum} ≠ ${school.normAdjustment}`);
  });
  return out;
}
