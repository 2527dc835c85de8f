/**
 * Horizontal and vertical equity in plain words (the Strategic School Funding for Results guidebook (AIR and Pivot Learning, 2013): horizontal equity = similar students treated alike;
 * vertical equity = students with greater needs get systematically more). Every sentence is built from the
 * computed statistics, so the words cannot drift from the numbers. Money arrives in cents per pupil.
 */
import type { Decile } from "../analysis/equity/deciles";
import type { EquitySummary } from "../analysis/equity/index";
import type { MultiFit, SimpleFit } from "../analysis/equity/regression";
import { isSizeTerm, type FitProblem, type TermName } from "../analysis/equity/terms";
import type { StatKey, Stats } from "../analysis/equity/stats";
import { dollarsAndCents, signedChange, wholeDollars } from "../engine/money";

/** The school-size control's name in the regressions (JSON, sheets). */
export const SIZE_TERM_NAME = "School size (ln of Students)";

/** A regressor's name as printed: the need share's, or the school-size control's. */
export function termName(t: TermName): string {
  return isSizeTerm(t) ? SIZE_TERM_NAME : t;
}

/** Why a line or a regression could not be fitted, as printed after "Not fitted: " (CLI, sheets, JSON). */
export function fitProblemText(p: FitProblem): string {
  switch (p.code) {
    case "lineTooFew":
      return `a fitted line needs at least 2 schools; found ${p.n}`;
    case "sameShare":
      return "every school has the same share, so no line can be fitted";
    case "tooFewSchools":
      return `not enough schools: ${p.n} school(s) for ${p.p} coefficients (the intercept and ${p.shares} share(s))`;
    case "noWeight":
      return "the design is singular: there are no schools with a positive weight";
    case "collinear":
      return `the design is singular: "${termName(p.term)}" is a linear combination of the intercept and the shares before it (for example the same share in every school, or two shares that always move together), so its separate effect cannot be measured`;
    case "noNeeds":
      return "Enrollment has no need category";
  }
}

/** How a regression fitted without the school-size control says so ("The regression was …"). */
export function sizeLeftOutText(p: FitProblem): string {
  return `fitted without the school-size control: ${fitProblemText(p)}`;
}

/** Benchmarks commonly used in school-finance equity studies (Odden & Picus). */
export const BENCHMARKS = { cv: 0.1, mcloone: 0.95 } as const;

/** Cents to "$1,234" (or with cents when decimals = 2); negative as "−$1,234" (src/engine/money.ts). */
export function dollars(cents: number, decimals = 0): string {
  return decimals === 2 ? dollarsAndCents(cents) : wholeDollars(cents);
}

/** 0.1234 to "12.3%". */
export function pct(ratio: number, decimals = 1): string {
  return `${(ratio * 100).toFixed(decimals)}%`;
}

export const STAT_LABELS: Record<StatKey, string> = {
  mean: "Average $ per pupil",
  median: "Median $ per pupil",
  min: "Lowest school",
  max: "Highest school",
  range: "Range (highest − lowest)",
  restrictedRange: "Restricted range (95th − 5th percentile)",
  p5: "5th percentile",
  p95: "95th percentile",
  frr: "Federal range ratio",
  cv: "Coefficient of variation",
  mcloone: "McLoone index",
  verstegen: "Verstegen index",
  gini: "Gini coefficient",
  theil: "Theil index",
  slope: "Slope: $ per pupil per point of poverty",
  r2: "R² of the poverty line",
};

/** What a statistic means, in words, with a reading of the pupil-weighted value where one helps. */
export function statisticMeaning(key: StatKey, pw: Stats, povertyName: string): string {
  const v = pw[key];
  switch (key) {
    case "mean":
      return "Average $ per pupil. Pupil-weighted: all money ÷ all pupils. Unweighted: the average of the schools' amounts, each school counting once.";
    case "median":
      return "Half of the pupils (or schools, unweighted) are in schools that get less than this per pupil, half more.";
    case "min":
      return "The lowest per-pupil amount of any school.";
    case "max":
      return "The highest per-pupil amount of any school.";
    case "range":
      return "Highest minus lowest school. One unusual school can make it large, so read it with the restricted range.";
    case "restrictedRange":
      return "The gap between the 95th and the 5th percentile: the spread once the most extreme 5% at each end are set aside.";
    case "p5":
      return "5% of pupils (schools) are in schools that get less than this per pupil.";
    case "p95":
      return "5% of pupils (schools) are in schools that get more than this per pupil.";
    case "frr":
      return (
        "The restricted range as a share of the 5th percentile: 0 = no gap." +
        (v === null ? " Not defined here (the 5th percentile is 0)." : ` Here the 95th percentile gets ${pct(v)} more per pupil than the 5th.`)
      );
    case "cv":
      return (
        "The typical distance from the average, as a share of it (population standard deviation ÷ mean): 0 = everyone gets the same; 10% or less is the usual benchmark." +
        (v === null ? "" : ` Here ${pct(v)}: ${v <= BENCHMARKS.cv ? "within" : "above"} the benchmark.`)
      );
    case "mcloone":
      return (
        "How close the pupils below the median come to the median (1 = all of them at the median); 0.95 or more is the usual benchmark." +
        (v === null ? "" : ` Here ${v.toFixed(3)}: pupils below the median get ${pct(v)} of it on average.`)
      );
    case "verstegen":
      return (
        "How far the pupils above the median are above it (1 = nobody above it); closer to 1 means less spread at the top." +
        (v === null ? "" : ` Here ${v.toFixed(3)}: pupils above the median get ${pct(v - 1)} more than it on average.`)
      );
    case "gini":
      return "0 = every pupil gets the same, 1 = one school gets everything. Below 0.05 is a narrow spread for school budgets.";
    case "theil":
      return "An inequality measure (0 = equal) that can be split into parts between and within groups; more sensitive to differences at the top.";
    case "slope":
      return (
        `Extra $ per pupil for each extra percentage point of ${povertyName} (straight line fitted through the schools). Positive = higher-need schools get more (vertical equity).` +
        (v === null ? ` Not defined here: every school has the same ${povertyName} share.` : ` Here ${dollars(v * 10)} per pupil for every 10 points.`)
      );
    case "r2":
      return `Share of the differences in per-pupil $ that the ${povertyName} share alone accounts for (0 = none, 1 = all).` + (v === null ? "" : ` Here ${pct(v)}.`);
  }
}

export interface EquityWords {
  horizontal: string[];
  vertical: string[];
}

export interface WordsInput {
  unweighted: Stats;
  pupilWeighted: Stats;
  schools: number;
  povertyName: string | null;
  /** Pupil-weighted simple fit on poverty. */
  simple: SimpleFit | null;
  /** Pupil-weighted multivariate fit on every need share. */
  multi: MultiFit | null;
  deciles: readonly Decile[];
}

/** Sentences on horizontal equity (spread) and vertical equity (more for more need). */
export function equityWords(w: WordsInput): EquityWords {
  const s = w.pupilWeighted;
  if (s.mean === null || s.min === null || s.max === null) {
    return { horizontal: ["No school has students, so there is nothing to compare."], vertical: [] };
  }
  const horizontal = horizontalWords(w, { ...s, mean: s.mean, min: s.min, max: s.max });
  const vertical: string[] = [];
  const pov = w.povertyName;
  if (pov === null) {
    vertical.push("Vertical equity cannot be measured: Enrollment has no need category.");
    return { horizontal, vertical };
  }
  vertical.push(povertySlopeWords(pov, w.simple));
  vertical.push(...decileWords(pov, w.deciles));
  if (w.multi) vertical.push(...regressionWords(w.multi));
  return { horizontal, vertical };
}

/** Horizontal equity: the range, the spread around the average, McLoone, and the spread that needs do not explain. */
function horizontalWords(w: WordsInput, s: Stats & { mean: number; min: number; max: number }): string[] {
  const horizontal: string[] = [];
  horizontal.push(
    `Across ${w.schools} school${w.schools === 1 ? "" : "s"}, funding ranges from ${dollars(s.min)} to ${dollars(s.max)} per pupil; ` +
      `the middle 90% of pupils are in schools getting between ${dollars(s.p5 ?? s.min)} and ${dollars(s.p95 ?? s.max)}.`,
  );
  if (s.cv !== null)
    horizontal.push(
      `The typical pupil's school is ${pct(s.cv)} away from the average of ${dollars(s.mean)} per pupil ` +
        `(coefficient of variation; 10% or less is the usual benchmark): ${s.cv <= BENCHMARKS.cv ? "a narrow spread" : "a wide spread"}.`,
    );
  if (s.mcloone !== null)
    horizontal.push(
      `Pupils in schools below the median get ${pct(s.mcloone)} of the median on average (McLoone index ${s.mcloone.toFixed(3)}; ` +
        `0.95 or more is the usual benchmark${s.mcloone >= BENCHMARKS.mcloone ? ", met" : ", not met"}).`,
    );
  if (w.multi && w.multi.ok && w.multi.residualSd !== null && s.mean > 0 && w.multi.r2 !== null) {
    horizontal.push(
      `Need shares account for ${pct(w.multi.r2)} of the differences between schools. Allowing for them, schools still differ by about ` +
        `${pct(w.multi.residualSd / s.mean)} of the average: that is the part that treats students with similar needs differently.`,
    );
  }
  horizontal.push("Some spread is intended: a weighted formula gives more to schools with more students in need, so read these lines with the vertical-equity ones.");
  return horizontal;
}

/** The sentence on the fitted line of per-pupil dollars on the poverty share (or why there is none). */
function povertySlopeWords(pov: string, fit: SimpleFit | null): string {
  if (!fit || !fit.ok) return `Vertical equity by ${pov} cannot be measured: ${fit && !fit.ok ? fitProblemText(fit.problem) : "no fitted line"}.`;
  const per10 = fit.slope * 10;
  const significant = fit.seSlope === null ? fit.slope !== 0 : Math.abs(fit.slope) > 2 * fit.seSlope;
  const verdict = !significant
    ? "There is no clear pattern: the slope is within the noise between schools (less than 2 standard errors from zero)."
    : fit.slope > 0
      ? "The pattern is progressive: higher-need schools get more, as vertical equity asks."
      : "The pattern is regressive: higher-need schools get less.";
  return (
    `Each 10 more percentage points of ${pov} go with ${dollars(Math.abs(per10))} ${per10 >= 0 ? "more" : "less"} per pupil; ` +
    `the ${pov} share accounts for ${fit.r2 === null ? "none" : pct(fit.r2)} of the differences. ${verdict}`
  );
}

/** The highest-need decile against the lowest (when at least two deciles have pupils). */
function decileWords(pov: string, deciles: readonly Decile[]): string[] {
  const vertical: string[] = [];
  const filled = deciles.filter((d) => d.perPupil !== null);
  if (filled.length >= 2) {
    const lo = filled[0];
    const hi = filled[filled.length - 1];
    const a = hi.perPupil as number;
    const b = lo.perPupil as number;
    const diff = b > 0 ? ` (${pct(Math.abs(a - b) / b)} ${a >= b ? "more" : "less"})` : "";
    vertical.push(
      `Schools in the highest-${pov} group (decile ${hi.decile}) get ${dollars(a)} per pupil ` +
        `(${dollars(hi.restrictedPerPupil ?? 0)} restricted, ${dollars(hi.unrestrictedPerPupil ?? 0)} unrestricted), against ${dollars(b)} in the lowest (decile ${lo.decile})${diff}.`,
    );
  }
  return vertical;
}

/** The regression on every need share together: each share's dollars per point, school size, the fit's note. */
function regressionWords(multi: MultiFit): string[] {
  const vertical: string[] = [];
  if (!multi.ok) vertical.push(`The regression on all need shares together could not be fitted: ${fitProblemText(multi.problem)}.`);
  else {
    const m = multi;
    const terms = m.names.flatMap((name, j) => (j > 0 && !isSizeTerm(name) ? [{ name, j }] : []));
    if (terms.length > 1) {
      const parts = terms.map(({ name, j }) => {
        const c = m.coefficients[j];
        const se = m.standardErrors[j];
        return `${name} ${signedChange(c, dollarsAndCents)}${se === null ? "" : ` (± ${dollars(se, 2)})`}`;
      });
      vertical.push(`Holding the other need shares${m.names.some(isSizeTerm) ? " and school size" : ""} fixed, each percentage point goes with this much per pupil: ${parts.join("; ")}.`);
    }
    const size = m.names.findIndex(isSizeTerm);
    if (size > 0) {
      const doubling = m.coefficients[size] * Math.LN2;
      const se = m.standardErrors[size];
      const clear = se === null ? doubling !== 0 : Math.abs(m.coefficients[size]) > 2 * se;
      vertical.push(
        `School size: with the same needs, a school twice as large gets ${dollars(Math.abs(doubling))} ${doubling >= 0 ? "more" : "less"} per pupil` +
          (clear ? "." : " (within the noise: less than 2 standard errors from zero)."),
      );
    }
    if (m.sizeLeftOut) vertical.push(`The regression was ${sizeLeftOutText(m.sizeLeftOut)}.`);
  }
  return vertical;
}

/** The equity sentences of a summary (what the pane, the Equity sheet, the board pack and the CLI print). */
export function equityWordsOf(s: EquitySummary): EquityWords {
  return equityWords({
    unweighted: s.unweighted,
    pupilWeighted: s.pupilWeighted,
    schools: s.schools.length,
    povertyName: s.povertyNeed,
    simple: s.regression.simple.pupilWeighted,
    multi: s.povertyNeed === null ? null : s.regression.multivariate.pupilWeighted,
    deciles: s.deciles,
  });
}
