/**
 * Largest-remainder (Hamilton) rounding: split an integer `total` into integer parts proportional to `weights`,
 * in multiples of `unit` (1 = cents, 100 = whole dollars). The parts always add up to exactly
 * `total - (total mod unit)`; the caller keeps the `total mod unit` left over (e.g. as a central surplus).
 *
 * Ties are broken by position (earlier first), so the result is deterministic. Negative weights are treated as 0.
 * When every weight is 0 nothing is distributed (all parts 0) and the whole total is left over.
 * The parts are written to `into` when given (length n), else to a new array.
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
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (w > 0) sum += w;
  }
  if (units === 0 || !(sum > 0)) return out;
  const rem = scratchRem(n);
  const B = bucketsFor(n);
  const { head, count, next } = buckets(B, n);
  let given = 0;
  let eligible = 0;
  let regular = true;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (!(w > 0)) {
      rem[i] = -1;
      continue;
    }
    const q = units * (w / sum);
    const f = Math.floor(q);
    const r = q - f;
    out[i] = f;
    rem[i] = r;
    given += f;
    eligible++;
    if (r >= 0 && r < 1) {
      const b = (r * B) | 0;
      count[b]++;
      next[i] = head[b];
      head[b] = i;
    } else regular = false;
  }
  settle(out, rem, n, units - given, eligible, regular ? B : 0);
  if (unit !== 1 || sign !== 1) for (let i = 0; i < n; i++) out[i] = out[i] * unit * sign;
  return out;
}

/**
 * The same rounding for a list of entries that all have positive weights, given as shares
 * (weight / sum of the weights, the sum taken in list order), left for the caller to finish in its own pass
 * over the entries. With q = units x shares[j], entry j's part, in units, is
 *     parts[j]                                                  when `parts` is set (rare cases), else
 *     Math.floor(q) + Math.ceil(q - Math.floor(q) - threshold)  (the ceiling is 0 or 1),
 *     plus one for the entries listed in `ties` (indexes, ascending)
 * exactly what largestRemainder(units x unit, weights, unit) / unit gives those entries. Callers that split
 * several totals over the same weights compute the shares once; entries with no weight are left out of the list.
 * The arrays are scratch, valid until the next call.
 */
export interface ShareSplit {
  parts: Float64Array | null;
  threshold: number;
  ties: Int32Array;
}

/** The largest double below 1: with it, rem - threshold is in [-threshold, 0] for every rem in [0, 1). */
const NO_MORE = 1 - Number.EPSILON / 2;

const SPLIT: ShareSplit = { parts: null, threshold: NO_MORE, ties: new Int32Array(0) };

export function splitShares(units: number, shares: ArrayLike<number>, m: number): ShareSplit {
  SPLIT.parts = null;
  SPLIT.threshold = NO_MORE;
  SPLIT.ties = TIES.subarray(0, 0);
  if (units === 0 || m === 0) return SPLIT;
  const B = bucketsFor(m);
  const { head, count, next } = buckets(B, m);
  let given = 0;
  let regular = true;
  for (let j = 0; j < m; j++) {
    const q = units * shares[j];
    const f = Math.floor(q);
    const r = q - f;
    given += f;
    if (r >= 0 && r < 1) {
      const b = (r * B) | 0;
      count[b]++;
      next[j] = head[b];
      head[b] = j;
    } else regular = false;
  }
  const left = units - given;
  if (left === 0 && regular) return SPLIT;
  if (left > 0 && regular && left < m) {
    // The left-th largest remainder: find the bucket that holds it, then select within that bucket only.
    let b = B - 1;
    let higher = 0;
    for (; b > 0; b--) {
      if (higher + count[b] >= left) break;
      higher += count[b];
    }
    const inBucket = scratchBucket(count[b]);
    let n = 0;
    for (let j = head[b]; j >= 0; j = next[j]) inBucket[n++] = quotaRemainder(units * shares[j]);
    const threshold = kthSmallest(inBucket.subarray(0, n), n - (left - higher));
    let above = higher;
    for (let k = 0; k < n; k++) if (inBucket[k] > threshold) above++;
    // Of the entries at the threshold, the first ones (ties go to the lower index) get one more unit.
    const atThreshold = left - above;
    if (atThreshold > 0) {
      const ties = scratchTies(n);
      let nt = 0;
      for (let j = head[b]; j >= 0; j = next[j]) if (quotaRemainder(units * shares[j]) === threshold) ties[nt++] = j;
      SPLIT.ties = ties.subarray(0, nt).sort().subarray(0, atThreshold);
    }
    SPLIT.threshold = threshold;
    return SPLIT;
  }
  // Float error on huge inputs, or remainders outside [0, 1): the plain computation.
  const out = scratchParts(m);
  const rem = scratchRem(m);
  for (let j = 0; j < m; j++) {
    const q = units * shares[j];
    const f = Math.floor(q);
    out[j] = f;
    rem[j] = q - f;
  }
  settle(out, rem, m, left, m, 0);
  SPLIT.parts = out;
  return SPLIT;
}

function quotaRemainder(q: number): number {
  return q - Math.floor(q);
}

/**
 * Hand out (or, after floating-point error on huge inputs, take back) the `left` units after the floors.
 * `eligible` entries have a remainder >= 0 (the others are marked -1). With B > 0 the eligible remainders are
 * in [0, 1) and listed by bucket (B equal-width buckets: see buckets()); B = 0 means plain selection.
 */
function settle(out: Float64Array, rem: Float64Array, n: number, left: number, eligible: number, B: number): void {
  if (left > 0) {
    if (left >= eligible) {
      // Can only happen with float error; spread one round over every positive weight.
      for (let i = 0; i < n && left > 0; i++) {
        if (rem[i] >= 0) {
          out[i] += 1;
          left--;
        }
      }
      return;
    }
    // Add 1 to the `left` entries with the largest remainders (ties: lower index first).
    if (B > 0) {
      const threshold = thresholdFromBuckets(out, rem, left, B);
      for (let i = 0; i < n; i++) out[i] += rem[i] > threshold ? 1 : 0;
      return;
    }
    const threshold = kthSmallest(rem.slice(0, n), n - left);
    let above = 0;
    for (let i = 0; i < n; i++) if (rem[i] > threshold) above++;
    let atThreshold = left - above;
    for (let i = 0; i < n; i++) {
      const r = rem[i];
      if (r > threshold) out[i] += 1;
      else if (r === threshold && atThreshold > 0) {
        out[i] += 1;
        atThreshold--;
      }
    }
  } else if (left < 0) {
    // Only possible through floating-point error on huge inputs: take back from the smallest remainders.
    for (let i = n - 1; i >= 0 && left < 0; i--) {
      if (out[i] > 0) {
        out[i] -= 1;
        left += 1;
      }
    }
  }
}

/**
 * The left-th largest remainder (1 <= left < number of remainders listed in BUCKETS): find the bucket that
 * holds it, then select within that bucket only. The entries equal to it that get one more unit (ties go to
 * the lower index) get it here; the caller gives one more unit to every entry above it.
 */
function thresholdFromBuckets(out: Float64Array, rem: Float64Array, left: number, B: number): number {
  const { head, count, next } = BUCKETS;
  let b = B - 1;
  let higher = 0;
  for (; b > 0; b--) {
    if (higher + count[b] >= left) break;
    higher += count[b];
  }
  const inBucket = scratchBucket(count[b]);
  let m = 0;
  for (let i = head[b]; i >= 0; i = next[i]) inBucket[m++] = rem[i];
  const threshold = kthSmallest(inBucket.subarray(0, m), m - (left - higher));
  let above = higher;
  for (let j = 0; j < m; j++) if (inBucket[j] > threshold) above++;
  const atThreshold = left - above;
  // Entries at the threshold, in index order (the bucket's list runs backwards).
  const ties = scratchTies(m);
  let nt = 0;
  for (let i = head[b]; i >= 0; i = next[i]) if (rem[i] === threshold) ties[nt++] = i;
  const first = ties.subarray(0, nt).sort();
  for (let k = 0; k < atThreshold; k++) out[first[k]] += 1;
  return threshold;
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

// Scratch buffers, reused across calls: the engine is synchronous and these never escape a call.
let REM = new Float64Array(1024);
let BUCKET = new Float64Array(256);
/**
 * Remainders by bucket: bucket b holds r with b <= r x B < b + 1, i.e. b / B <= r < (b + 1) / B (B is a power
 * of two, so r x B is exact). head[b] is the last entry in bucket b, next[i] the entry before i in its bucket.
 */
const BUCKETS = { head: new Int32Array(4096), count: new Int32Array(4096), next: new Int32Array(1024) };

function bucketsFor(n: number): number {
  let B = 16;
  while (B < 4096 && B * 2 < n) B *= 2;
  return B;
}

function buckets(B: number, n: number): typeof BUCKETS {
  if (BUCKETS.next.length < n) BUCKETS.next = new Int32Array(Math.max(n, 2 * BUCKETS.next.length));
  BUCKETS.head.fill(-1, 0, B);
  BUCKETS.count.fill(0, 0, B);
  return BUCKETS;
}

let PARTS = new Float64Array(1024);
let TIES = new Int32Array(64);

function scratchParts(n: number): Float64Array {
  if (PARTS.length < n) PARTS = new Float64Array(Math.max(n, 2 * PARTS.length));
  return PARTS;
}

function scratchTies(n: number): Int32Array {
  if (TIES.length < n) TIES = new Int32Array(Math.max(n, 2 * TIES.length));
  return TIES;
}

function scratchRem(n: number): Float64Array {
  if (REM.length < n) REM = new Float64Array(Math.max(n, 2 * REM.length));
  return REM;
}

function scratchBucket(n: number): Float64Array {
  if (BUCKET.length < n) BUCKET = new Float64Array(Math.max(n, 2 * BUCKET.length));
  return BUCKET;
}
