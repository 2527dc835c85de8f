/**
 * Projecting enrollment and revenue year by year (the Strategic School Funding for Results guidebook (AIR and Pivot Learning, 2013): "the central office first projects enrollments and
 * revenues"). Year 1 is the workbook as it is; each later year grows from the year before:
 * - Enrollment, per level: the level's total grows by `Enrollment Growth <Level>` (else `Enrollment Growth`, else
 *   0%), rounded to a whole student, and is shared among the level's rows in proportion to last year's students by
 *   largest remainder, so the rows add up to the total exactly. A Projections row with a School ID fixes that
 *   school's students at the level; one without fixes the level's district total (the schools without their own
 *   row share what is left). Need counts keep each row's year-1 shares of its students (rounded, never above the
 *   students).
 * - Revenue, per source: Amount × (1 + `Revenue Growth <Source>`, else `Revenue Growth`, else 0%), rounded to the
 *   cent, unless a Projections row gives that year's amount.
 * Overrides feed the years after them: growth compounds from the projected value.
 */
import { splitInProportion } from "../aroi/split";
import type { District, EnrollmentRow, Source } from "../../engine/types";
import type { Planning, Projection } from "./types";

export interface ProjectionStep {
  district: District;
  warnings: ProjectionWarning[];
}

/**
 * A level total of a Projections row below the students of the schools given their own rows (`fixed`): the other
 * rows of the level get 0 students. Data; in words by planWarningText (src/words/plan.ts).
 */
export interface ProjectionWarning {
  code: "levelTotalBelowSchools";
  row: number;
  level: string;
  year: number;
  total: number;
  fixed: number;
}

/** The overrides of one year, by kind/key/school. */
function overridesOf(projections: readonly Projection[], year: number) {
  const levelTotal = new Map<number, Projection>();
  const schoolLevel = new Map<string, Projection>();
  const revenue = new Map<number, Projection>();
  for (const p of projections) {
    if (p.year !== year) continue;
    if (p.kind === "Revenue") revenue.set(p.key, p);
    else if (p.schoolIndex === null) levelTotal.set(p.key, p);
    else schoolLevel.set(`${p.schoolIndex}:${p.key}`, p);
  }
  return { levelTotal, schoolLevel, revenue };
}

/** Need counts of a row re-scaled to new students with the base row's shares. */
export function scaleNeeds(base: EnrollmentRow, students: number): number[] {
  if (base.students <= 0) return base.needs.map(() => 0);
  return base.needs.map((n) => Math.min(students, Math.max(0, Math.round((n * students) / base.students))));
}

/**
 * The district of `year` from the district of the year before. `base` is year 1 (for need shares); `prev` the year
 * before `year`. Rates and policy are carried over unchanged (multiyear.ts sets them).
 */
export function projectYear(base: District, prev: District, planning: Planning, year: number): ProjectionStep {
  const warnings: ProjectionWarning[] = [];
  const o = overridesOf(planning.projections, year);
  const students = prev.enrollment.map((r) => r.students);
  base.levels.forEach((level, li) => {
    const rows: number[] = [];
    prev.enrollment.forEach((r, k) => {
      if (r.levelIndex === li) rows.push(k);
    });
    const fixed = rows.filter((k) => o.schoolLevel.has(`${prev.enrollment[k].schoolIndex}:${li}`));
    const free = rows.filter((k) => !fixed.includes(k));
    let fixedSum = 0;
    for (const k of fixed) {
      students[k] = o.schoolLevel.get(`${prev.enrollment[k].schoolIndex}:${li}`)?.value ?? students[k];
      fixedSum += students[k];
    }
    const prevFree = free.reduce((s, k) => s + prev.enrollment[k].students, 0);
    const total = o.levelTotal.get(li);
    let target: number;
    if (total !== undefined) {
      target = total.value - fixedSum;
      if (target < 0) {
        warnings.push({ code: "levelTotalBelowSchools", row: total.sheetRow, level, year, total: total.value, fixed: fixedSum });
        target = 0;
      }
    } else target = Math.round(prevFree * (1 + planning.settings.enrollmentGrowth[li]));
    const parts = free.length ? splitInProportion(Math.max(0, target), free.map((k) => prev.enrollment[k].students)) : [];
    free.forEach((k, j) => (students[k] = parts[j]));
  });
  const enrollment: EnrollmentRow[] = prev.enrollment.map((r, k) => ({ ...r, students: students[k], needs: scaleNeeds(base.enrollment[k], students[k]) }));
  const sources: Source[] = prev.sources.map((s, i) => {
    const given = o.revenue.get(i);
    const amount = given !== undefined ? given.value : Math.max(0, Math.round(s.amount * (1 + planning.settings.revenueGrowth[i])));
    return { ...s, amount };
  });
  return { district: { ...prev, enrollment, sources }, warnings };
}

/** Years 1..n of projected districts (year 1 is `district` itself). */
export function projectDistricts(district: District, planning: Planning, n: number): ProjectionStep[] {
  const out: ProjectionStep[] = [{ district, warnings: [] }];
  for (let y = 2; y <= n; y++) out.push(projectYear(district, out[y - 2].district, planning, y));
  return out;
}
