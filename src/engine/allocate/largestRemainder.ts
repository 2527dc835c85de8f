/**
 * Largest-remainder (Hamilton) rounding: split an integer `total` into integer parts proportional to `weights`,
 * in multiples of `unit` (1 = cents, 100 = whole dollars). The parts always add up to exactly
 * `total - (total mod unit)`; the caller keeps the `total mod unit` left over (e.g. as a central surplus).
 *
 * Ties are broken by position (earlier first), so the result is deterministic. Negative weights are treated as 0.
 * When every weight is 0 nothing is distributed (all parts 0) and the whole total is left over.
 */
export function largestRemainder(total: number, weights: ArrayLike<number>, unit = 1): Float64Array {
  const n = weights.length;
  const out = new Float64Array(n);
  if (!Number.isInteger(total) || !Number.isInteger(unit) || unit <= 0) {
    throw new RangeError(`largestRemainder needs integer total and unit, got ${total} / ${unit}`);
  }
  const sign = total < 0 ? -1 : 1;
  const units = Math.floor(Math.abs(total) / unit);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (w > 0) sum += w;
  }
  if (units === 0 || !(sum > 0)) return out;
  const rem = new Float64Array(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (!(w > 0)) {
      rem[i] = -1;
      continue;
    }
    const q = units * (w / sum);
    const f = Math.floor(q);
    out[i] = f;
    rem[i] = q - f;
    given += f;
  }
  let left = units - given;
  if (left > 0) giveToLargest(out, rem, left);
  else if (left < 0) {
    // Only possible through floating-point error on huge inputs: take back from the smallest remainders.
    for (let i = n - 1; i >= 0 && left < 0; i--) {
      if (out[i] > 0) {
        out[i] -= 1;
        left += 1;
      }
    }
  }
  if (unit !== 1 || sign !== 1) for (let i = 0; i < n; i++) out[i] = out[i] * unit * sign;
  return out;
}

/** Add 1 to the `k` entries with the largest remainders (ties: lower index first). */
function giveToLargest(out: Float64Array, rem: Float64Array, k: number): void {
  const n = rem.length;
  let eligible = 0;
  for (let i = 0; i < n; i++) if (rem[i] >= 0) eligible++;
  if (k >= eligible) {
    // Can only happen with float error; spread one round over every positive weight.
    for (let i = 0; i < n && k > 0; i++) {
      if (rem[i] >= 0) {
        out[i] += 1;
        k--;
      }
    }
    return;
  }
  // Threshold = k-th largest remainder, found by selection on a copy in O(n).
  const threshold = kthSmallest(Float64Array.from(rem), n - k);
  let above = 0;
  for (let i = 0; i < n; i++) if (rem[i] > threshold) above++;
  let atThreshold = k - above;
  for (let i = 0; i < n; i++) {
    const r = rem[i];
    if (r > threshold) out[i] += 1;
    else if (r === threshold && atThreshold > 0) {
      out[i] += 1;
      atThreshold--;
    }
  }
}

/** Round a cents amount down to a multiple of `unit`. */
export function floorToUnit(cents: number, unit: number): number {
  return Math.floor(cents / unit) * unit;
}

/** The k-th smallest value (0-based) of `a`, by in-place quickselect (median-of-three pivot). */
export function kthSmallest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three as pivot.
    let x = a[lo];
    let y = a[mid];
    let z = a[hi];
    if (x > y) [x, y] = [y, x];
    if (y > z) [y, z] = [z, y];
    if (x > y) [x, y] = [y, x];
    const pivot = y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}
