/**
 * Largest-remainder (Hamilton) rounding, the one split of whole amounts used everywhere (allocation, A-ROI,
 * planning): split an integer `total` into integer parts proportional to `weights`, in multiples of `unit`
 * (1 = cents, 100 = whole dollars). The parts always add up to exactly `total - (total mod unit)`; the caller
 * keeps the `total mod unit` left over (e.g. as a central surplus).
 *
 * Each part first gets the floor of its quota units × weight ÷ Σ weights; the units left over go one each to the
 * parts with the largest remainders, ties to the earlier part, so the result is deterministic. Negative weights
 * count as 0; when every weight is 0 nothing is distributed. A negative total splits like its absolute value,
 * negated. The parts are written to `into` when given (length n), else to a new array. No state is kept between
 * calls.
 */
export function largestRemainder(total: number, weights: ArrayLike<number>, unit = 1, into?: Float64Array): Float64Array {
  const n = weights.length;
  const out = into && into.length === n ? into.fill(0) : new Float64Array(n);
  if (!Number.isInteger(total) || !Number.isInteger(unit) || unit <= 0) {
    throw new RangeError(`largestRemainder needs integer total and unit, got ${total} / ${unit}`);
  }
  const sign = total < 0 ? -1 : 1;
  const units = Math.floor(Math.abs(total) / unit);
  let sum = 0;
  let integral = true;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (w > 0) {
      sum += w;
      if (!Number.isInteger(w)) integral = false;
    }
  }
  if (units === 0 || !(sum > 0)) return out;
  // Whole weights (cents, pupils) are split in exact integer arithmetic, so equal remainders really tie; other
  // weights use the quotas in floating point.
  const exact = integral && Number.isSafeInteger(units * sum);
  const rem = new Float64Array(n);
  let given = 0;
  let eligible = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (!(w > 0)) {
      rem[i] = -1;
      continue;
    }
    let f: number;
    if (exact) {
      const num = units * w;
      f = Math.floor(num / sum);
      let r = num - f * sum;
      // The division is rounded; the integer remainder says which way.
      if (r < 0) {
        f -= 1;
        r += sum;
      } else if (r >= sum) {
        f += 1;
        r -= sum;
      }
      rem[i] = r;
    } else {
      const q = units * (w / sum);
      f = Math.floor(q);
      rem[i] = q - f;
    }
    out[i] = f;
    given += f;
    eligible++;
  }
  settle(out, rem, units - given, eligible);
  if (unit !== 1 || sign !== 1) for (let i = 0; i < n; i++) out[i] = out[i] * unit * sign;
  return out;
}

/**
 * Hand out (or, after floating-point error on huge inputs, take back) the `left` units after the floors.
 * `eligible` entries have a remainder ≥ 0 (the others are marked -1).
 */
function settle(out: Float64Array, rem: Float64Array, left: number, eligible: number): void {
  const n = out.length;
  if (left >= eligible && left > 0) {
    // Only with float error: one more unit to every positive weight.
    for (let i = 0; i < n && left > 0; i++) {
      if (rem[i] >= 0) {
        out[i] += 1;
        left--;
      }
    }
    return;
  }
  if (left > 0) {
    // One more unit to the `left` largest remainders; at the threshold, the earlier entries first.
    const threshold = kthSmallest(rem.slice(), n - left);
    let above = 0;
    for (let i = 0; i < n; i++) if (rem[i] > threshold) above++;
    let atThreshold = left - above;
    for (let i = 0; i < n; i++) {
      if (rem[i] > threshold) out[i] += 1;
      else if (rem[i] === threshold && atThreshold > 0) {
        out[i] += 1;
        atThreshold--;
      }
    }
    return;
  }
  // Only through floating-point error on huge inputs: take back from the last entries.
  for (let i = n - 1; i >= 0 && left < 0; i--) {
    if (out[i] > 0) {
      out[i] -= 1;
      left += 1;
    }
  }
}

/** The k-th smallest value (0-based) of `a`, by in-place quickselect (median-of-three pivot). */
export function kthSmallest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
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
