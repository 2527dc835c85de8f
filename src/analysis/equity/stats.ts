/**
 * Horizontal-equity statistics over schools' per-pupil amounts, exactly as the workbook contract pins them
 * (`sfs equity`): unweighted forms treat each school as one unit; pupil-weighted forms treat each pupil as one
 * unit (weights = Students). Values are in whatever unit the caller passes (the engine passes cents per pupil);
 * ratios (frr, cv, mcloone, verstegen, gini, theil, r2) are unit-free.
 *
 * A statistic that is not defined for the data (e.g. frr when p5 = 0, slope when every school has the same
 * poverty share) is null, never a made-up number.
 */
import { mean, standardDeviation, weightedMean, weightedStandardDeviation } from "simple-statistics";
import { percentileInc, sortedWeighted, weightedPercentileSorted } from "./percentile";
import { simpleOls } from "./regression";

export const STAT_KEYS = [
  "mean",
  "median",
  "min",
  "max",
  "range",
  "restrictedRange",
  "p5",
  "p95",
  "frr",
  "cv",
  "mcloone",
  "verstegen",
  "gini",
  "theil",
  "slope",
  "r2",
] as const;
export type StatKey = (typeof STAT_KEYS)[number];

/** The contract's S (plus restrictedRange = p95 − p5). */
export type Stats = Record<StatKey, number | null>;

/** Statistics measured in money (the rest are ratios). slope is money per percentage point. */
export const MONEY_STATS: ReadonlySet<StatKey> = new Set<StatKey>(["mean", "median", "min", "max", "range", "restrictedRange", "p5", "p95", "slope"]);

/** max − min. */
export function range(min: number, max: number): number {
  return max - min;
}

/** Restricted range: p95 − p5. */
export function restrictedRange(p5: number, p95: number): number {
  return p95 - p5;
}

/** Federal range ratio (p95 − p5) / p5; null when p5 ≤ 0. */
export function frr(p5: number, p95: number): number | null {
  return p5 > 0 ? (p95 - p5) / p5 : null;
}

/** Coefficient of variation: population SD / mean; null when the mean is 0. */
export function cv(sd: number, mu: number): number | null {
  return mu !== 0 ? sd / mu : null;
}

/**
 * McLoone index on sorted (value, weight) pairs: Σ w·x over units strictly below the median ÷ (median × Σ w of
 * those units). 1 when no unit lies below the median (nobody needs levelling up). Null when median ≤ 0.
 */
export function mcloone(x: readonly number[], w: readonly number[], median: number): number | null {
  return sideIndex(x, w, median, (v) => v < median);
}

/** Verstegen index: the same as McLoone for units strictly above the median (1 when none). */
export function verstegen(x: readonly number[], w: readonly number[], median: number): number | null {
  return sideIndex(x, w, median, (v) => v > median);
}

function sideIndex(x: readonly number[], w: readonly number[], median: number, side: (v: number) => boolean): number | null {
  if (!(median > 0)) return null;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < x.length; i++) {
    if (side(x[i])) {
      sum += w[i] * x[i];
      count += w[i];
    }
  }
  return count > 0 ? sum / (median * count) : 1;
}

/**
 * Population Gini coefficient with frequency weights, on pairs sorted by value:
 * G = Σᵢ Σⱼ wᵢ wⱼ |xᵢ − xⱼ| / (2 W² μ). Computed in one pass over the sorted pairs
 * (each unordered pair counted once: D = Σᵢ wᵢ (xᵢ·Σ_{j<i} wⱼ − Σ_{j<i} wⱼ xⱼ), G = D / (W² μ)).
 * 0 when every value is equal; null when the mean is ≤ 0.
 */
export function gini(x: readonly number[], w: readonly number[]): number | null {
  let W = 0;
  let S = 0;
  let D = 0;
  for (let i = 0; i < x.length; i++) {
    D += w[i] * (x[i] * W - S);
    W += w[i];
    S += w[i] * x[i];
  }
  if (W <= 0) return null;
  const mu = S / W;
  if (!(mu > 0)) return null;
  return D / (W * W * mu);
}

/**
 * Population Theil T index with frequency weights: T = (1/W) Σ wᵢ (xᵢ/μ) ln(xᵢ/μ), with 0·ln 0 = 0.
 * 0 when every value is equal; null when the mean is ≤ 0 or a value is negative.
 */
export function theil(x: readonly number[], w: readonly number[]): number | null {
  let W = 0;
  let S = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] < 0) return null;
    W += w[i];
    S += w[i] * x[i];
  }
  if (W <= 0) return null;
  const mu = S / W;
  if (!(mu > 0)) return null;
  let t = 0;
  for (let i = 0; i < x.length; i++) {
    const r = x[i] / mu;
    if (r > 0) t += w[i] * r * Math.log(r);
  }
  return t / W;
}

/** Every statistic null (no usable data). */
export function emptyStats(): Stats {
  const s = {} as Stats;
  for (const k of STAT_KEYS) s[k] = null;
  return s;
}

/**
 * The contract's statistics S over `values` (per-pupil amounts). With `weights` (Students) the pupil-weighted
 * forms are computed; without, each value is one unit. `poverty` (percent points 0–100, aligned with values)
 * gives slope and r2 of the OLS fit of value on poverty (weighted least squares for the weighted form).
 * Entries whose value or poverty share is not a finite number, or whose weight is not > 0, are left out.
 */
export function equityStats(values: readonly number[], weights?: readonly number[] | null, poverty?: readonly number[] | null): Stats {
  const keep: number[] = [];
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) continue;
    if (weights && !(weights[i] > 0 && Number.isFinite(weights[i]))) continue;
    keep.push(i);
  }
  if (keep.length === 0) return emptyStats();
  const v = keep.map((i) => values[i]);
  const wRaw = weights ? keep.map((i) => weights[i]) : v.map(() => 1);
  const { x, w } = sortedWeighted(v, wRaw);

  let mu: number;
  let sd: number;
  let median: number;
  let p5: number;
  let p95: number;
  if (weights) {
    mu = weightedMean(v, wRaw);
    sd = weightedStandardDeviation(v, wRaw);
    median = weightedPercentileSorted(x, w, 0.5) as number;
    p5 = weightedPercentileSorted(x, w, 0.05) as number;
    p95 = weightedPercentileSorted(x, w, 0.95) as number;
  } else {
    mu = mean(v);
    sd = standardDeviation(v);
    median = percentileInc(x, 0.5) as number;
    p5 = percentileInc(x, 0.05) as number;
    p95 = percentileInc(x, 0.95) as number;
  }
  const min = x[0];
  const max = x[x.length - 1];

  let slope: number | null = null;
  let r2: number | null = null;
  if (poverty) {
    const px: number[] = [];
    const py: number[] = [];
    const pw: number[] = [];
    for (const i of keep) {
      if (!Number.isFinite(poverty[i])) continue;
      px.push(poverty[i]);
      py.push(values[i]);
      pw.push(weights ? weights[i] : 1);
    }
    const fit = simpleOls(px, py, weights ? pw : null);
    if (fit.ok) {
      slope = fit.slope;
      r2 = fit.r2;
    }
  }

  return {
    mean: mu,
    median,
    min,
    max,
    range: range(min, max),
    restrictedRange: restrictedRange(p5, p95),
    p5,
    p95,
    frr: frr(p5, p95),
    cv: cv(sd, mu),
    mcloone: mcloone(x, w, median),
    verstegen: verstegen(x, w, median),
    gini: gini(x, w),
    theil: theil(x, w),
    slope,
    r2,
  };
}
