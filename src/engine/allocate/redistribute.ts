import { largestRemainder } from "./largestRemainder";

/**
 * Split per-school changes `delta[i]` (integers, in rounding units) across sources in proportion to `shares[s]`,
 * so that each school's changes add up to delta[i] exactly AND each source's changes add up to its prescribed
 * column total exactly (the column totals are sum(delta) split by shares with largest remainders).
 * Uses two-dimensional cumulative rounding: F(i, s) = round(Dcum[i] x Scum[s] / S), x = F's mixed difference.
 * Returns x[s][i].
 */
export function spreadChanges(delta: ArrayLike<number>, shares: ArrayLike<number>): Float64Array[] {
  const n = delta.length;
  const m = shares.length;
  const out: Float64Array[] = [];
  for (let s = 0; s < m; s++) out.push(new Float64Array(n));
  if (m === 0 || n === 0) return out;
  let S = 0;
  for (let s = 0; s < m; s++) S += Math.max(0, shares[s]);
  const frac = new Float64Array(m + 1);
  let acc = 0;
  for (let s = 0; s < m; s++) {
    acc += Math.max(0, shares[s]);
    frac[s + 1] = S > 0 ? acc / S : (s + 1) / m;
  }
  frac[m] = 1;
  let total = 0;
  for (let i = 0; i < n; i++) total += delta[i];
  // Column totals: the overall change split by shares (exact integers).
  const colTotals = total >= 0 ? largestRemainder(total, sharesOrEqual(shares), 1) : largestRemainder(-total, sharesOrEqual(shares), 1).map((v) => -v);
  const colCum = new Float64Array(m + 1);
  for (let s = 0; s < m; s++) colCum[s + 1] = colCum[s] + colTotals[s];
  let prevRow = new Float64Array(m + 1); // F(i-1, s) for s = 0..m
  let row = new Float64Array(m + 1); // F(i, s); F(i, 0) = 0
  let dcum = 0;
  for (let i = 0; i < n; i++) {
    dcum += delta[i];
    for (let s = 1; s <= m; s++) row[s] = i === n - 1 ? colCum[s] : s === m ? dcum : Math.round(dcum * frac[s]);
    for (let s = 1; s <= m; s++) out[s - 1][i] = row[s] - prevRow[s] - row[s - 1] + prevRow[s - 1];
    const t = prevRow;
    prevRow = row;
    row = t;
  }
  return out;
}

function sharesOrEqual(shares: ArrayLike<number>): number[] {
  const a = Array.from(shares, (x) => Math.max(0, x));
  return a.some((x) => x > 0) ? a : a.map(() => 1);
}
