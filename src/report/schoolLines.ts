/**
 * The per-school explanation lines of a large district as ONE table sheet, "School Lines", instead of one sheet per
 * school. Above a threshold (DEFAULT_SCHOOL_SHEETS schools, `sfs allocate --school-sheets <n>`) a workbook with
 * thousands of sheets is slow to write and to open; the same lines, filterable by school, fit one table. Each row is
 * one line of a school sheet: count × $ per pupil = amount, or a named adjustment; a school's rows add up to its total.
 */
import { explainer } from "../engine/allocate/explain";
import type { Allocation } from "../engine/types";
import { adjustmentWords } from "../words/allocation";
import { allocationPlans, schoolLineRow } from "./allocation";
import type { PlanCell, PlanValue, SheetPlan } from "./plan";

/** Up to this many schools get one sheet each; above it the lines go to the one "School Lines" table. */
export const DEFAULT_SCHOOL_SHEETS = 200;

export const SCHOOL_LINES_HEADERS = ["School ID", "School Name", "Source", "Level", "Category", "Students", "$ per Pupil", "Amount", "Explanation"];

/** Data rows per School Lines sheet: Excel's 1,048,576 rows less the title, note, blank and header rows. */
export const SCHOOL_LINES_PER_SHEET = 1_048_576 - 4;

/**
 * Every school's explanation lines in one table (school order, then line order); a district with more lines than
 * one sheet holds continues on "School Lines 2", "School Lines 3"… (a school's lines may then span two sheets).
 */
export function schoolLinesPlans(a: Allocation, perSheet = SCHOOL_LINES_PER_SHEET): SheetPlan[] {
  const explain = explainer(a);
  const rows: PlanValue[][] = [];
  a.schools.forEach((s, i) => {
    for (const l of explain(i)) rows.push([s.id, s.name, ...schoolLineRow(l)]);
  });
  const adjusted = a.schools.filter((s) => s.adjustment).length;
  const note = `How each school's budget was calculated, one row per line (students × $ per pupil from one source, or a named adjustment); filter by School ID to see one school. A school's lines add up to its total on School Budgets.${adjusted ? ` ${adjusted} school${adjusted === 1 ? "" : "s"} had a floor or cap applied (${adjustmentWords(a.schools.find((s) => s.adjustment)!.adjustment!)}…).` : ""}`;
  const parts = Math.max(1, Math.ceil(rows.length / perSheet));
  return Array.from({ length: parts }, (_, k): SheetPlan => {
    const cells: PlanCell[] = [
      { r: 0, c: 0, v: parts > 1 ? `School lines (part ${k + 1} of ${parts})` : "School lines", style: "title" },
      { r: 1, c: 0, v: note, style: "note" },
    ];
    return {
      name: k === 0 ? "School Lines" : `School Lines ${k + 1}`,
      // The same role as the per-school sheets: a re-run in either form replaces the other, never leaving stale lines.
      role: "school",
      cells,
      tables: [
        {
          name: k === 0 ? "SchoolLines" : `SchoolLines_${k + 1}`,
          r: 3,
          c: 0,
          headers: SCHOOL_LINES_HEADERS,
          rows: rows.slice(k * perSheet, (k + 1) * perSheet),
          formats: [undefined, undefined, undefined, undefined, undefined, "decimal2", "currency", "currency", undefined],
        },
      ],
      charts: [],
      widths: { 0: 11, 1: 28, 2: 24, 3: 14, 4: 20, 5: 11, 6: 13, 7: 15, 8: 70 },
      freeze: { rows: 4, cols: 2 },
    };
  });
}

/**
 * The result workbook's sheets: Summary, Matrix, School Budgets, then one sheet per school — or, when the district
 * has more than `schoolSheets` schools, the one School Lines table instead.
 */
export function resultPlans(a: Allocation, schoolSheets = DEFAULT_SCHOOL_SHEETS): SheetPlan[] {
  if (a.schools.length <= schoolSheets) return allocationPlans(a);
  return [...allocationPlans(a, { schools: [] }), ...schoolLinesPlans(a)];
}
