/**
 * Splitting a whole amount (cents, or whole students) into parts that add up exactly: the engine's one
 * largest-remainder rule (allocate/largestRemainder.ts) — floors of the exact quotas, the units left over one
 * each to the largest remainders, ties to the earlier part. Here, when every weight is 0 the amount is split
 * evenly (an A-ROI cost with no students to weigh by is shared equally).
 */
import { largestRemainder } from "../../engine/allocate/largestRemainder";

/** Split `total` (an integer) in proportion to non-negative `weights`; the parts sum to `total` exactly. */
export function splitInProportion(total: number, weights: readonly number[]): number[] {
  const n = weights.length;
  if (n === 0) return [];
  if (!Number.isInteger(total)) throw new RangeError(`splitInProportion needs a whole amount, got ${total}`);
  const clean = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  const use = clean.some((w) => w > 0) ? clean : clean.map(() => 1);
  return Array.from(largestRemainder(total, use, 1), (x) => (x === 0 ? 0 : x));
}

/** Split `total` (an integer) into `n` parts as evenly as possible; the first parts get the extra units. */
export function splitEvenly(total: number, n: number): number[] {
  if (n <= 0) return [];
  return splitInProportion(total, new Array<number>(n).fill(1));
}
