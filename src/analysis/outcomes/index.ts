/**
 * Achievement against poverty and against per-pupil $ (the equity monitor's outcome views): for one measure and year
 * of the Outcomes table, each school's value beside its poverty share and its dollars per pupil, with a least-squares
 * line for each (each school one observation). Correlation, not cause: the readings say so. Pure.
 */
import type { EquitySummary } from "../equity";
import { simpleOls, type SimpleFit } from "../equity/regression";
import { labelKey } from "../../engine/parse/headers";
import type { OutcomeRow } from "../../engine/parse/outcomes";

export interface OutcomeSchool {
  id: string;
  name: string;
  students: number;
  /** Poverty share, percent points; null without a need category. */
  poverty: number | null;
  /** Cents per pupil. */
  perPupil: number;
  value: number;
}

export interface OutcomesAnalysis {
  measure: string;
  year: string;
  measures: string[];
  years: string[];
  schools: OutcomeSchool[];
  /** Schools of the equity analysis without a value for this measure and year. */
  missing: string[];
  /** value on poverty share (percent points). */
  onPoverty: SimpleFit;
  /** value on $ per pupil, in dollars (slope: points per dollar). */
  onPerPupil: SimpleFit;
  readings: string[];
}

/** Years in a sensible order: numerically when they start with a number, else as written. */
function sortYears(years: string[]): string[] {
  return [...years].sort((a, b) => (parseFloat(a) || 0) - (parseFloat(b) || 0) || a.localeCompare(b));
}

/** The outcome views for `measure` (default: the first in the table) in `year` (default: its latest year). */
export function analyseOutcomes(rows: readonly OutcomeRow[], equity: EquitySummary, opts: { measure?: string; year?: string } = {}): OutcomesAnalysis | null {
  if (rows.length === 0) return null;
  const measures = [...new Set(rows.map((r) => r.measure))];
  const measure = (opts.measure && measures.find((m) => labelKey(m) === labelKey(opts.measure as string))) || measures[0];
  const mine = rows.filter((r) => r.measure === measure);
  const years = sortYears([...new Set(mine.map((r) => r.year))]);
  const year = (opts.year && years.find((y) => labelKey(y) === labelKey(opts.year as string))) || years[years.length - 1];
  const byId = new Map(mine.filter((r) => r.year === year).map((r) => [r.schoolId, r.value]));
  const schools: OutcomeSchool[] = [];
  const missing: string[] = [];
  for (const s of equity.schools) {
    const v = byId.get(s.id);
    if (v === undefined) missing.push(s.id);
    else schools.push({ id: s.id, name: s.name, students: s.students, poverty: s.poverty, perPupil: s.perPupil, value: v });
  }
  const onPoverty: SimpleFit =
    equity.povertyNeed === null ? { ok: false, reason: "Enrollment has no need category" } : simpleOls(schools.map((s) => s.poverty ?? NaN), schools.map((s) => s.value));
  const onPerPupil = simpleOls(schools.map((s) => s.perPupil / 100), schools.map((s) => s.value));
  const readings: string[] = [];
  const pov = equity.povertyNeed ?? "poverty";
  const r2 = (f: SimpleFit) => (f.ok && f.r2 !== null ? ` (R² ${f.r2.toFixed(2)})` : "");
  const clear = (f: SimpleFit & { ok: true }) => (f.seSlope === null ? true : Math.abs(f.slope) > 2 * f.seSlope);
  if (onPoverty.ok) {
    const per10 = onPoverty.slope * 10;
    readings.push(
      `${measure} (${year}): each 10 more points of ${pov} go with ${Math.abs(per10).toFixed(1)} ${per10 <= 0 ? "lower" : "higher"}${r2(onPoverty)}` +
        (clear(onPoverty) ? "." : ", within the noise between schools."),
    );
  } else readings.push(`${measure} against ${pov}: no line — ${onPoverty.reason}.`);
  if (onPerPupil.ok) {
    const per1000 = onPerPupil.slope * 1000;
    readings.push(
      `Each $1,000 more per pupil goes with ${Math.abs(per1000).toFixed(1)} ${per1000 < 0 ? "lower" : "higher"} ${measure}${r2(onPerPupil)}` +
        (clear(onPerPupil) ? "" : ", within the noise") +
        ". Money follows need in a weighted formula, so this line mixes need and effect: read it beside the poverty line, not as what money buys.",
    );
  } else readings.push(`${measure} against $ per pupil: no line — ${onPerPupil.reason}.`);
  if (missing.length) readings.push(`No ${measure} for ${year} at: ${missing.join(", ")} (left out).`);
  return { measure, year, measures, years, schools, missing, onPoverty, onPerPupil, readings };
}

function fitJson(f: SimpleFit): Record<string, unknown> {
  return f.ok ? { ok: true, n: f.n, slope: f.slope, intercept: f.intercept, r2: f.r2, seSlope: f.seSlope } : { ok: false, reason: f.reason };
}

/** The `outcomes` object of summary.json's equity: slopes per point of poverty and per dollar per pupil. */
export function outcomesJson(o: OutcomesAnalysis): Record<string, unknown> {
  return { measure: o.measure, year: o.year, schools: o.schools.length, missing: o.missing, onPoverty: fitJson(o.onPoverty), onPerPupil: fitJson(o.onPerPupil) };
}
