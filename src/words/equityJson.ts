/**
 * The equity analysis as summary.json writes it (`sfs equity`, the board pack's JSON): money in dollars, ratios to
 * 6 decimals, regressors by name and a fit's problem in words (src/words/equity.ts), so JSON says what the sheets say.
 */
import type { EquitySummary } from "../analysis/equity/index";
import { ratioJson, statsJson } from "../analysis/equity/index";
import type { MultiFit, SimpleFit } from "../analysis/equity/regression";
import type { OutcomesAnalysis } from "../analysis/outcomes/index";
import type { StudentTypes } from "../analysis/studentTypes";
import { dollarsFromCents } from "../engine/money";
import { fitProblemText, sizeLeftOutText, termName } from "./equity";
import { studentTypeText } from "./outcomes";

function fitJson(f: SimpleFit | MultiFit): Record<string, unknown> {
  if (!f.ok) return { ok: false, reason: fitProblemText(f.problem) };
  if ("slope" in f)
    return {
      ok: true,
      n: f.n,
      slope: dollarsFromCents(f.slope),
      intercept: dollarsFromCents(f.intercept),
      r2: f.r2 === null ? null : ratioJson(f.r2),
      seSlope: f.seSlope === null ? null : dollarsFromCents(f.seSlope),
    };
  return {
    ok: true,
    n: f.n,
    coefficients: f.names.map((name, j) => ({
      name: termName(name),
      coefficient: dollarsFromCents(f.coefficients[j]),
      standardError: f.standardErrors[j] === null ? null : dollarsFromCents(f.standardErrors[j] as number),
      t: f.tStats[j] === null ? null : ratioJson(f.tStats[j] as number),
    })),
    r2: f.r2 === null ? null : ratioJson(f.r2),
    ...(f.sizeLeftOut ? { note: sizeLeftOutText(f.sizeLeftOut) } : {}),
  };
}

/** The `equity` object of summary.json: the contract's unweighted / pupilWeighted S plus the DBOM views. */
export function equityJson(summary: EquitySummary): Record<string, unknown> {
  return {
    unweighted: statsJson(summary.unweighted),
    pupilWeighted: statsJson(summary.pupilWeighted),
    povertyNeed: summary.povertyNeed,
    regression: {
      simple: { unweighted: fitJson(summary.regression.simple.unweighted), pupilWeighted: fitJson(summary.regression.simple.pupilWeighted) },
      multivariate: {
        unweighted: fitJson(summary.regression.multivariate.unweighted),
        pupilWeighted: fitJson(summary.regression.multivariate.pupilWeighted),
      },
    },
    deciles: summary.deciles.map((d) => ({
      decile: d.decile,
      schools: d.schools,
      students: d.students,
      restrictedPerPupil: d.restrictedPerPupil === null ? null : dollarsFromCents(d.restrictedPerPupil),
      unrestrictedPerPupil: d.unrestrictedPerPupil === null ? null : dollarsFromCents(d.unrestrictedPerPupil),
      perPupil: d.perPupil === null ? null : dollarsFromCents(d.perPupil),
    })),
    highEl: summary.highEl,
    excluded: summary.excluded,
  };
}

function outcomeFitJson(f: SimpleFit): Record<string, unknown> {
  return f.ok ? { ok: true, n: f.n, slope: f.slope, intercept: f.intercept, r2: f.r2, seSlope: f.seSlope } : { ok: false, reason: fitProblemText(f.problem) };
}

/** The `outcomes` object of summary.json's equity: slopes per point of poverty and per dollar per pupil. */
export function outcomesJson(o: OutcomesAnalysis): Record<string, unknown> {
  return { measure: o.measure, year: o.year, schools: o.schools.length, missing: o.missing, onPoverty: outcomeFitJson(o.onPoverty), onPerPupil: outcomeFitJson(o.onPerPupil) };
}

/** summary.json's `studentTypes`: dollars (to the cent), the line that is no student type by its name. */
export function studentTypesJson(s: StudentTypes): Record<string, unknown>[] {
  const usd = (c: number | null) => (c === null ? null : Math.round(c) / 100 || 0);
  return s.rows.map((r) => ({ type: studentTypeText(r.type), students: r.students, amount: usd(r.amount), perPupil: usd(r.perPupil) }));
}
