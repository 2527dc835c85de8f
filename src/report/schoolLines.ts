/**
 * The per-school explanation lines of a large district as ONE table sheet, "School Lines", instead of one sheet per
 * school. Above a threshold (DEFAULT_SCHOOL_SHEETS schools, `sfs allocate --school-sheets <n>`) a workbook with
 * thousands of sheets is slow to write and to open; the same lines, filterable by school, fit one table. Each row is
 * one line of a school sheet: count × $ per pupil = amount, or a named adjustment; a school's rows add up to its total.
 */
import { adjustmentWords, explainer } from "../engine/allocate/explain";
import type { Allocation } from "../engine/types";
import { allocationPlans, schoolLineRow } from "./allocation";
import type { PlanCell, PlanValue, SheetPlan } from "./plan";

/** Up to this many schools get one sheet each; above it the lines go to the one "School Lines" table. */
export const DEFAULT_SCHOOL_SHEETS = 200;

export const SCHOOL_LINES_HEADERS = ["School ID", "School Name", "Source", "Level", "Category", "Students", "$ per Pupil", "Amount", "Explanation"];

/** Every school's explanation lines in one table (school order, then line order). */
export function schoolLinesPlan(a: Allocation): SheetPlan {
  const explain = explainer(a);
  const rows: PlanValue[][] = [];
  a.schools.forEach((s, i) => {
    for (const l of explain(i))
      rows.push([s.id, s.name, ...schoolLineRow(l)]);
  });
  const adjusted = a.schools.filter((s) => s.adjustment).length;
  const cells: PlanCell[] = [
    { r: 0, c: 0, v: "School lines", style: "title" },
    {
      r: 1,
      c: 0,
      v: `How each school's budget was calculated, one row per line (students × $ per pupil from one source, or a named adjustment); filter by School ID to see one school. A school's lines add up to its total on School Budgets.${adjusted ? ` ${adjusted} school${adjusted === 1 ? "" : "s"} had a floor or cap applied (${adjustmentWords(a.schools.find((s) => s.adjustment)!.adjustment!)}…).` : ""}`,
      style: "note",
    },
  ];
  return {
    name: "School Lines",
    // The same role as the per-school sheets: a re-run in either form replaces the other, never leaving stale lines.
    role: "school",
    cells,
    tables: [{ name: "SchoolLines", r: 3, c: 0, headers: SCHOOL_LINES_HEADERS, rows, formats: [undefined, undefined, undefined, undefined, undefined, "decimal2", "currency", "currency", undefined] }],
    charts: [],
    widths: { 0: 11, 1: 28, 2: 24, 3: 14, 4: 20, 5: 11, 6: 13, 7: 15, 8: 70 },
    freeze: { rows: 4, cols: 2 },
  };
}

/**
 * The result workbook's sheets: Summary, Matrix, School Budgets, then one sheet per school — or, when the district
 * has more than `schoolSheets` schools, the one School Lines table instead.
 */
export function resultPlans(a: Allocation, schoolSheets = DEFAULT_SCHOOL_SHEETS): SheetPlan[] {
  if (a.schools.length <= schoolSheets) return allocationPlans(a);
  return [...allocationPlans(a, { schools: [] }), schoolLinesPlan(a)];
}
