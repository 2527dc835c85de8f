/**
 * Equity analysis (`sfs equity`, the DBOM views): statistics of schools' per-pupil $ unweighted and by pupils,
 * poverty regressions, poverty deciles, high-EL schools, salary averaging, snapshots and plain-words readings.
 * Pure: takes the engine's data, returns plain data. Money in cents inside; `equityJson` (src/words/equityJson.ts)
 * turns it into dollars, with the fits' problems in words.
 */
import { dollarsFromCents } from "../../engine/money";
import { deciles, type Decile } from "./deciles";
import type { EquityInput } from "./inputs";
import { multipleOls, simpleOls, SIZE_TERM, type MultiFit, type SimpleFit } from "./regression";
import { salaryAdjustment, type SalaryResult } from "./salary";
import { MONEY_STATS, STAT_KEYS, equityStats, type Stats } from "./stats";

export * from "./percentile";
export * from "./stats";
export * from "./regression";
export * from "./deciles";
export * from "./salary";
export * from "./snapshot";
export * from "./inputs";
export * from "./solve";

/** Default share of English learners (percent points) at or above which a school counts as high-EL. */
export const HIGH_EL_THRESHOLD_PCT = 25;

/** The need category that counts English learners, found by name (English Learner(s), EL, ELL, LEP, Limited English). */
export function findElNeed(needs: readonly string[]): string | null {
  return needs.find((n) => /english\s*(language\s*)?learner|^\s*(el|ell|els|lep)\s*$|limited\s*english/i.test(n)) ?? null;
}

/**
 * Per-pupil $ on every need share plus the size control. When the size control cannot be estimated (too few schools,
 * or every school the same size) the fit is made on the need shares alone and says why in `sizeLeftOut`.
 */
export function needsRegression(rows: readonly (readonly number[])[], values: readonly number[], needs: readonly string[], students: readonly number[], weights?: readonly number[] | null): MultiFit {
  const sized = multipleOls(
    rows.map((r, i) => [...r, Math.log(students[i])]),
    values,
    [...needs, SIZE_TERM],
    weights,
  );
  if (sized.ok) return sized;
  const plain = multipleOls(rows, values, needs, weights);
  return plain.ok ? { ...plain, sizeLeftOut: sized.problem } : plain;
}

export interface EquitySchool extends EquityInput {
  /** Poverty share (first need), percent points; null when there is no need category. */
  poverty: number | null;
  /** English-learner share, percent points; null when no need category counts English learners. */
  el: number | null;
  highEl: boolean;
}

export interface EquitySummary {
  needs: string[];
  /** The first need category (the poverty measure), or null. */
  povertyNeed: string | null;
  schools: EquitySchool[];
  /** Schools left out (no students). */
  excluded: { id: string; name: string; reason: string }[];
  unweighted: Stats;
  pupilWeighted: Stats;
  regression: {
    simple: { unweighted: SimpleFit; pupilWeighted: SimpleFit };
    multivariate: { unweighted: MultiFit; pupilWeighted: MultiFit };
  };
  deciles: Decile[];
  highEl: { need: string | null; thresholdPct: number; schoolIds: string[] };
  salary: SalaryResult | null;
}

export interface SummaryOptions {
  /** Name of the English-learner need (default: found by name). */
  elNeed?: string;
  /** High-EL threshold in percent points (default 25). */
  highElThresholdPct?: number;
}

export function equitySummary(inputs: readonly EquityInput[], opts: SummaryOptions = {}): EquitySummary {
  const used = inputs.filter((s) => s.students > 0);
  const excluded = inputs.filter((s) => !(s.students > 0)).map((s) => ({ id: s.id, name: s.name, reason: "no students" }));
  const needs = (used[0] ?? inputs[0])?.needs.map((n) => n.name) ?? [];
  const povertyNeed = needs.length ? needs[0] : null;
  const elNeed = opts.elNeed !== undefined && needs.includes(opts.elNeed) ? opts.elNeed : findElNeed(needs);
  const elIndex = elNeed === null ? -1 : needs.indexOf(elNeed);
  const threshold = opts.highElThresholdPct ?? HIGH_EL_THRESHOLD_PCT;

  const schools: EquitySchool[] = used.map((s) => {
    const el = elIndex >= 0 ? s.needs[elIndex].pct : null;
    return { ...s, poverty: povertyNeed === null ? null : s.needs[0].pct, el, highEl: el !== null && el >= threshold };
  });
  const values = schools.map((s) => s.perPupil);
  const weights = schools.map((s) => s.students);
  const poverty = schools.map((s) => s.poverty ?? NaN);
  const unweighted = equityStats(values, null, poverty);
  const pupilWeighted = equityStats(values, weights, poverty);

  const noNeeds: SimpleFit & MultiFit = { ok: false, problem: { code: "noNeeds" } };
  const rows = schools.map((s) => s.needs.map((n) => n.pct));
  const regression = {
    simple: povertyNeed === null ? { unweighted: noNeeds, pupilWeighted: noNeeds } : { unweighted: simpleOls(poverty, values), pupilWeighted: simpleOls(poverty, values, weights) },
    multivariate:
      povertyNeed === null
        ? { unweighted: noNeeds, pupilWeighted: noNeeds }
        : { unweighted: needsRegression(rows, values, needs, weights), pupilWeighted: needsRegression(rows, values, needs, weights, weights) },
  };
  const dec = deciles(schools);
  return {
    needs,
    povertyNeed,
    schools,
    excluded,
    unweighted,
    pupilWeighted,
    regression,
    deciles: dec,
    highEl: { need: elNeed, thresholdPct: threshold, schoolIds: schools.filter((s) => s.highEl).map((s) => s.id) },
    salary: salaryAdjustment(used),
  };
}

/** A ratio in JSON units: 6 decimals, never −0. */
export function ratioJson(x: number): number {
  const r = Math.round(x * 1e6) / 1e6;
  return r === 0 ? 0 : r;
}

/** The contract's S in JSON units: money statistics in dollars (2 decimals), ratios to 6 decimals. */
export function statsJson(s: Stats): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const k of STAT_KEYS) {
    const v = s[k];
    out[k] = v === null ? null : MONEY_STATS.has(k) ? dollarsFromCents(v) : ratioJson(v);
  }
  return out;
}
