/**
 * Percentiles as Excel's PERCENTILE.INC, unweighted and weighted by pupils.
 *
 * PERCENTILE.INC(x, p) on n sorted values takes the (n − 1)·p-th position (0-based) and interpolates
 * linearly between its neighbours. simple-statistics' `quantileSorted` implements exactly this rule
 * (R/numpy type 7), so the unweighted form delegates to it.
 *
 * Pupil-weighted form (frequency weights): a school with weight w stands for w pupils who all have the
 * school's per-pupil value. With integer weights this is PERCENTILE.INC on the expanded list in which every
 * value is repeated w times: N = Σw, position h = (N − 1)·p, and the result interpolates between the
 * expanded values at floor(h) and floor(h) + 1. The expanded value at position t is the value of the first
 * school (in ascending order) whose cumulative weight exceeds t. Non-integer weights use the same cumulative
 * definition unchanged (positions h, floor(h) + 1 on the cumulative weight scale). Schools with weight ≤ 0 are left out.
 * (simple-statistics' `weightedQuantile` returns the first value whose cumulative weight reaches p·N, with no
 * interpolation, so it does not match PERCENTILE.INC and is not used.)
 */
import { quantileSorted } from "simple-statistics";

/** Excel PERCENTILE.INC of `values` at p in [0, 1]; null for an empty list or p outside [0, 1]. */
export function percentileInc(values: readonly number[], p: number): number | null {
  if (values.length === 0 || !(p >= 0 && p <= 1)) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return quantileSorted(sorted, p);
}

/** Value/weight pairs sorted by value, weights ≤ 0 (or not finite) dropped. */
export function sortedWeighted(values: readonly number[], weights: readonly number[]): { x: number[]; w: number[] } {
  const idx: number[] = [];
  for (let i = 0; i < values.length; i++) if (weights[i] > 0 && Number.isFinite(weights[i])) idx.push(i);
  idx.sort((a, b) => values[a] - values[b]);
  return { x: idx.map((i) => values[i]), w: idx.map((i) => weights[i]) };
}

/** PERCENTILE.INC generalised to frequency weights on pairs already sorted by value (see the file comment). */
export function weightedPercentileSorted(x: readonly number[], w: readonly number[], p: number): number | null {
  if (x.length === 0 || !(p >= 0 && p <= 1)) return null;
  let total = 0;
  for (const wi of w) total += wi;
  const h = Math.max(0, (total - 1) * p);
  const k = Math.floor(h);
  const frac = h - k;
  // Expanded value at position t: first school whose cumulative weight exceeds t.
  let i = 0;
  let cum = w[0];
  while (cum <= k && i < x.length - 1) cum += w[++i];
  const lower = x[i];
  if (frac === 0) return lower;
  let j = i;
  let cumJ = cum;
  while (cumJ <= k + 1 && j < x.length - 1) cumJ += w[++j];
  return lower + frac * (x[j] - lower);
}

/** PERCENTILE.INC weighted by `weights` (e.g. pupils); null when there is no positive weight. */
export function weightedPercentileInc(values: readonly number[], weights: readonly number[], p: number): number | null {
  const { x, w } = sortedWeighted(values, weights);
  return weightedPercentileSorted(x, w, p);
}
