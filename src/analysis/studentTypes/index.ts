/**
 * Per-pupil $ by student type, district-wide: what the allocation gives for every student (the Base category's
 * formula lines ÷ all students) and, on top, for each student in a need category (that category's formula lines ÷
 * the students counted in it), from each school's explanation lines. Foundation and adjustments (floors, caps,
 * phase-in, rescaling) belong to no student type: they are their own line, per pupil over all students, so the
 * amounts add up to the schools' total. Pure; cents.
 */
import { explainer } from "../../engine/allocate/explain";
import type { Allocation } from "../../engine/types";

export interface StudentTypeRow {
  /** "Base" or a need category; null for the rest (foundation and adjustments, worded in src/words/outcomes.ts). */
  type: string | null;
  /** Students counted (all students for Base and the last line). */
  students: number;
  /** Formula dollars of the category over all schools (cents). */
  amount: number;
  /** amount ÷ students (cents, unrounded); null when no student is counted. */
  perPupil: number | null;
}

export interface StudentTypes {
  rows: StudentTypeRow[];
  /** Sum of the rows' amounts = the schools' total. */
  total: number;
  students: number;
}

export function perPupilByStudentType(a: Allocation): StudentTypes {
  const d = a.district;
  const categories = a.matrix.categories;
  const byCat = new Map<string, number>(categories.map((c) => [c, 0]));
  let other = 0;
  const explain = explainer(a);
  a.schools.forEach((_, i) => {
    for (const line of explain(i)) {
      // An attendance line (Base funded on attendance) is Base money: the students' type is their category.
      if ((line.kind === "formula" || line.kind === "attendance") && line.category !== null && byCat.has(line.category)) byCat.set(line.category, (byCat.get(line.category) as number) + line.amount);
      else other += line.amount;
    }
  });
  const students = d.enrollment.reduce((t, r) => t + r.students, 0);
  const needCounts = d.needs.map((_, k) => d.enrollment.reduce((t, r) => t + (r.needs[k] ?? 0), 0));
  const rows: StudentTypeRow[] = categories.map((c, k) => {
    const n = k === 0 ? students : needCounts[k - 1] ?? 0;
    const amount = byCat.get(c) as number;
    return { type: c, students: n, amount, perPupil: n > 0 ? amount / n : null };
  });
  rows.push({ type: null, students, amount: other, perPupil: students > 0 ? other / students : null });
  return { rows, total: rows.reduce((t, r) => t + r.amount, 0), students };
}
