/**
 * Salary averaging (the LAUSD and TRUSD presentation (2011), LAUSD): schools are budgeted at district-average salaries, but their actual staff
 * cost more or less. The gap, spread over pupils, is hidden per-pupil money:
 * $ per pupil = (actual salaries − average salaries) ÷ enrollment, e.g. Franklin SH $255,636 ÷ 2,236 = $114.
 *
 * `salaryAdjustment` shows that gap per school and the equity statistics with it (spending at actual salaries,
 * as recorded in the Spending table) and without it (the same spending with salaries at the district average).
 */
import type { Cents } from "../../engine/types";
import type { EquityInput } from "./inputs";
import { equityStats, type Stats } from "./stats";

/** (actual − average) ÷ students in cents per pupil; 0 when there are no students. */
export function salaryPerPupil(actual: Cents, average: Cents, students: number): number {
  return students > 0 ? (actual - average) / students : 0;
}

export interface SalaryRow {
  id: string;
  name: string;
  students: number;
  /** Actual − average salaries, cents (positive: staff cost more than the average budgeted). */
  adjustment: Cents;
  /** Cents per pupil. */
  perPupil: number;
  /** Per-pupil spending at actual salaries, and at average salaries (cents per pupil). */
  withActual: number;
  withAverage: number;
}

export interface SalaryResult {
  rows: SalaryRow[];
  totalAdjustment: Cents;
  withActual: { unweighted: Stats; pupilWeighted: Stats };
  withAverage: { unweighted: Stats; pupilWeighted: Stats };
}

/** Null when no school carries salary figures. Schools without salary figures count as no adjustment. */
export function salaryAdjustment(inputs: readonly EquityInput[]): SalaryResult | null {
  if (!inputs.some((s) => s.salaryAdjustment !== null)) return null;
  const schools = inputs.filter((s) => s.students > 0);
  const rows = schools.map((s) => {
    const adjustment = s.salaryAdjustment ?? 0;
    const perPupil = s.students > 0 ? adjustment / s.students : 0;
    return { id: s.id, name: s.name, students: s.students, adjustment, perPupil, withActual: s.perPupil, withAverage: s.perPupil - perPupil };
  });
  const students = rows.map((r) => r.students);
  const poverty = schools.map((s) => (s.needs.length ? s.needs[0].pct : NaN));
  const both = (values: number[]) => ({
    unweighted: equityStats(values, null, poverty),
    pupilWeighted: equityStats(values, students, poverty),
  });
  return {
    rows,
    totalAdjustment: rows.reduce((t, r) => t + r.adjustment, 0),
    withActual: both(rows.map((r) => r.withActual)),
    withAverage: both(rows.map((r) => r.withAverage)),
  };
}
