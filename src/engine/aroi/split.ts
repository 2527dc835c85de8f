/**
 * Largest-remainder split of a whole amount (cents, or whole students) into parts that add up exactly.
 *
 * Each part first gets the floor of its exact quota `total × weight ÷ sum of weights`; the units left
 * over go one each to the parts with the largest fractional remainders, ties to the earlier part.
 * An even split (equal weights) therefore gives the extra cents to the first parts in listed order.
 * When every weight is 0 the amount is split evenly. Integer inputs use exact (BigInt) arithmetic.
 */

/** Split `total` (an integer) in proportion to non-negative `weights`; the parts sum to `total` exactly. */
export function splitInProportion(total: number, weights: readonly number[]): number[] {
  const n = weights.length;
  if (n === 0) return [];
  if (!Number.isInteger(total)) throw new RangeError(`splitInProportion needs a whole amount, got ${total}`);
  if (total < 0) return splitInProportion(-total, weights).map((x) => (x === 0 ? 0 : -x));
  const clean = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  const sum = clean.reduce((a, b) => a + b, 0);
  const use = sum > 0 ? clean : clean.map(() => 1);
  const floors: number[] = new Array<number>(n);
  const rema: number[] = new Array<number>(n);
  if (use.every((w) => Number.isInteger(w))) {
    const W = use.reduce((a, b) => a + BigInt(b), BigInt(0));
    const T = BigInt(total);
    for (let i = 0; i < n; i++) {
      const num = T * BigInt(use[i]);
      floors[i] = Number(num / W);
      // Remainders compared as fractions of the same denominator W: keep the numerator remainder.
      rema[i] = Number(num % W);
    }
  } else {
    const W = use.reduce((a, b) => a + b, 0);
    for (let i = 0; i < n; i++) {
      const q = (total * use[i]) / W;
      floors[i] = Math.floor(q);
      rema[i] = q - floors[i];
    }
  }
  let left = total - floors.reduce((a, b) => a + b, 0);
  const order = floors.map((_, i) => i).sort((a, b) => rema[b] - rema[a] || a - b);
  const out = floors.slice();
  for (let k = 0; left > 0; k = (k + 1) % n, left--) out[order[k]] += 1;
  // Floating quotas can overshoot by a unit; take it back from the smallest remainders that have one.
  for (let k = n - 1; left < 0; k = (k - 1 + n) % n) {
    if (out[order[k]] > 0) {
      out[order[k]] -= 1;
      left++;
    }
  }
  return out;
}

/** Split `total` (an integer) into `n` parts as evenly as possible; the first parts get the extra units. */
export function splitEvenly(total: number, n: number): number[] {
  if (n <= 0) return [];
  if (!Number.isSafeInteger(total) || total < 0) return splitInProportion(total, new Array<number>(n).fill(1));
  // Same result as the proportional split with equal weights, without the general machinery.
  const base = Math.floor(total / n);
  const extra = total - base * n;
  return Array.from({ length: n }, (_, k) => (k < extra ? base + 1 : base));
}
