/**
 * What the equity analysis looks at, per school: pupils, money (total, restricted, unrestricted) and need shares.
 * Built either from an allocation (the formula's result) or from a `Spending` table of actual spending by year.
 * Money stays in integer cents; per-pupil amounts are cents per pupil (not rounded).
 */
import type { Allocation, Cents, District, InputError } from "../../engine/types";

export interface NeedShare {
  name: string;
  /** Share of the school's Students in this need category, in percent points 0–100. */
  pct: number;
}

export interface EquityInput {
  id: string;
  name: string;
  students: number;
  total: Cents;
  /** Restricted money: sources marked Restricted or with status Grant (allocation), or the Restricted $ column (spending). */
  restricted: Cents;
  unrestricted: Cents;
  /** total ÷ students in cents per pupil; 0 when the school has no students. */
  perPupil: number;
  restrictedPerPupil: number;
  unrestrictedPerPupil: number;
  /** Aligned with District.needs; the first one is the poverty measure. */
  needs: NeedShare[];
  /** Actual − average salaries (cents) from the Spending table, when given. */
  salaryAdjustment: Cents | null;
}

/** One already-parsed row of the optional `Spending` table. */
export interface SpendingRow {
  schoolId: string;
  year: string;
  restricted: Cents;
  unrestricted: Cents;
  actualSalaries: Cents | null;
  averageSalaries: Cents | null;
  /** Sheet row, for located messages. */
  sheetRow: number | null;
}

/** Per school: students and need shares (percent points) from the enrollment rows. */
export function needShares(district: District): { students: number[]; shares: NeedShare[][] } {
  const students = district.schools.map(() => 0);
  const counts = district.schools.map(() => district.needs.map(() => 0));
  for (const row of district.enrollment) {
    students[row.schoolIndex] += row.students;
    row.needs.forEach((n, k) => (counts[row.schoolIndex][k] += n));
  }
  const shares = counts.map((c, i) => c.map((n, k) => ({ name: district.needs[k], pct: students[i] > 0 ? (100 * n) / students[i] : 0 })));
  return { students, shares };
}

function input(id: string, name: string, students: number, restricted: Cents, unrestricted: Cents, needs: NeedShare[], salaryAdjustment: Cents | null): EquityInput {
  const total = restricted + unrestricted;
  const per = (c: number) => (students > 0 ? c / students : 0);
  return {
    id,
    name,
    students,
    total,
    restricted,
    unrestricted,
    perPupil: per(total),
    restrictedPerPupil: per(restricted),
    unrestrictedPerPupil: per(unrestricted),
    needs,
    salaryAdjustment,
  };
}

/** Equity inputs from the formula's result: one per school, in District.schools order. */
export function equityInputs(alloc: Allocation): EquityInput[] {
  const { shares } = needShares(alloc.district);
  return alloc.schools.map((s, i) => {
    let restricted = 0;
    for (const src of alloc.sources) if (src.restricted || src.status === "Grant") restricted += src.bySchool[i] ?? 0;
    return input(s.id, s.name, s.students, restricted, s.total - restricted, shares[i] ?? [], null);
  });
}

export interface SpendingInputs {
  inputs: EquityInput[];
  /** The year analysed (null when there are no rows). */
  year: string | null;
  /** Every year present, oldest first. */
  years: string[];
  /** Schools with no spending row for the year (left out of the analysis). */
  missing: string[];
  errors: InputError[];
}

function compareYears(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  return Number.isFinite(na) && Number.isFinite(nb) ? na - nb : a.localeCompare(b);
}

/**
 * Equity inputs from actual spending (the `Spending` table) for one year (default: the latest). Several rows for
 * the same school and year are added together. Students and need shares come from Enrollment.
 * Problems (unknown School ID, a salary pair half filled, a year that is not in the table) are returned as
 * located errors and the inputs are then empty.
 */
export function equityInputsFromSpending(district: District, rows: readonly SpendingRow[], opts: { year?: string } = {}): SpendingInputs {
  const errors: InputError[] = [];
  const index = new Map(district.schools.map((s, i) => [s.id.toLowerCase(), i]));
  const years = Array.from(new Set(rows.map((r) => r.year))).sort(compareYears);
  rows.forEach((r) => {
    if (!index.has(r.schoolId.toLowerCase()))
      errors.push({ table: "Spending", row: r.sheetRow, column: "School ID", expected: "a School ID listed in Schools", found: JSON.stringify(r.schoolId) });
    if ((r.actualSalaries === null) !== (r.averageSalaries === null))
      errors.push({
        table: "Spending",
        row: r.sheetRow,
        column: r.actualSalaries === null ? "Actual Salaries" : "Average Salaries",
        expected: "both Actual Salaries and Average Salaries, or neither",
        found: "only one of the two",
      });
  });
  const year = opts.year ?? (years.length ? years[years.length - 1] : null);
  if (opts.year !== undefined && !years.includes(opts.year))
    errors.push({ table: "Spending", row: null, column: "Year", expected: `a row for year ${opts.year}`, found: years.length ? years.join(", ") : "no rows" });
  if (errors.length) return { inputs: [], year, years, missing: [], errors };

  const { students, shares } = needShares(district);
  const sums = district.schools.map(() => ({ seen: false, restricted: 0, unrestricted: 0, salary: null as number | null }));
  for (const r of rows) {
    if (r.year !== year) continue;
    const s = sums[index.get(r.schoolId.toLowerCase()) as number];
    s.seen = true;
    s.restricted += r.restricted;
    s.unrestricted += r.unrestricted;
    if (r.actualSalaries !== null && r.averageSalaries !== null) s.salary = (s.salary ?? 0) + r.actualSalaries - r.averageSalaries;
  }
  const inputs: EquityInput[] = [];
  const missing: string[] = [];
  district.schools.forEach((school, i) => {
    const s = sums[i];
    if (!s.seen) missing.push(school.id);
    else inputs.push(input(school.id, school.name, students[i], s.restricted, s.unrestricted, shares[i], s.salary));
  });
  return { inputs, year, years, missing, errors };
}
