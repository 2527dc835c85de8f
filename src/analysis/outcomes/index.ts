/**
 * Achievement against poverty and against per-pupil $ (the equity monitor's outcome views): for one measure and year
 * of the Outcomes table, each school's value beside its poverty share and its dollars per pupil, with a least-squares
 * line for each (each school one observation). Correlation, not cause: the readings (src/words/outcomes.ts) say so. Pure.
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
  /** The equity analysis's poverty need (the first need category), or null. */
  povertyNeed: string | null;
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
    equity.povertyNeed === null ? { ok: false, problem: { code: "noNeeds" } } : simpleOls(schools.map((s) => s.poverty ?? NaN), schools.map((s) => s.value));
  const onPerPupil = simpleOls(schools.map((s) => s.perPupil / 100), schools.map((s) => s.value));
  return { measure, year, measures, years, schools, missing, onPoverty, onPerPupil, povertyNeed: equity.povertyNeed };
}
