/**
 * The equity monitor's outcome and student-type sheets: "Outcome Analysis" (one measure and year by school beside poverty and
 * $ per pupil, the two fitted lines and their scatter charts) and "Student Types" ($ per pupil by student type,
 * district-wide, with a column chart). Plain data only.
 */
import { analyseOutcomes, type OutcomesAnalysis } from "../analysis/outcomes";
import { perPupilByStudentType } from "../analysis/studentTypes";
import type { EquitySummary } from "../analysis/equity";
import type { ParseContext } from "../engine/parse/headers";
import { parseOutcomes } from "../engine/parse/outcomes";
import type { Allocation, InputError, RawTables } from "../engine/types";
import type { StudentTypes } from "../analysis/studentTypes";
import type { SimpleFit } from "../analysis/equity/regression";
import { fitProblemText } from "../words/equity";
import { outcomesReadings, studentTypeText } from "../words/outcomes";
import { placeChart } from "./charts/native";
import { outcomeChart, studentTypeChart } from "./charts/voices";
import { excelName } from "./names";
import type { PlanCell, PlanChart, PlanTable, SheetPlan } from "./plan";

const TAB = "107C41";
const usd = (c: number | null): number | null => (c === null ? null : Math.round(c) / 100);

function fitRow(label: string, f: SimpleFit, unit: string): (string | number | null)[] {
  if (!f.ok) return [label, null, null, null, null, `Not fitted: ${fitProblemText(f.problem)}`];
  return [label, f.slope, f.seSlope, f.intercept, f.r2, unit];
}

export function outcomesPlan(o: OutcomesAnalysis, povertyName: string | null): SheetPlan {
  const pov = povertyName ?? "Poverty";
  const cells: PlanCell[] = [
    { r: 0, c: 0, v: `Outcomes: ${o.measure} (${o.year}) against ${pov} and against $ per pupil`, style: "title" },
    { r: 1, c: 0, v: `${outcomesReadings(o).join(" ")} Other measures: ${o.measures.filter((m) => m !== o.measure).join(", ") || "none"}; years of this measure: ${o.years.join(", ")}.`, style: "note" },
  ];
  const fits: PlanTable = {
    name: excelName("Outcome_Fits"),
    r: 3,
    c: 0,
    headers: ["Line", "Slope", "Std. Error", "Intercept", "R²", "Slope unit"],
    rows: [fitRow(`${o.measure} on ${pov} %`, o.onPoverty, `points of ${o.measure} per point of ${pov}`), fitRow(`${o.measure} on $ per pupil`, o.onPerPupil, `points of ${o.measure} per $1 per pupil`)],
    formats: ["text", "decimal4", "decimal4", "decimal2", "percent1", "text"],
  };
  const top = 8;
  const table: PlanTable = {
    name: excelName("Outcome_Schools"),
    r: top,
    c: 0,
    headers: ["School ID", "School", "Students", `${pov} %`, "$ per Pupil", o.measure],
    rows: o.schools.map((s) => [s.id, s.name, s.students, s.poverty, usd(s.perPupil), s.value]),
    formats: ["text", "text", "integer", "decimal2", "currency", "decimal2"],
  };
  const tables: PlanTable[] = [fits, table];
  const charts: PlanChart[] = [];
  let r = top;
  for (const d of [outcomeChart(o, "poverty", povertyName), outcomeChart(o, "perPupil", povertyName)]) {
    if (!d) continue;
    const placed = placeChart(d, r, 8, { r, c: 13, width: 8, height: 18 });
    tables.push(placed.table);
    if (placed.chart) charts.push(placed.chart);
    r += Math.max(d.rows.length + 3, 20);
  }
  return {
    name: "Outcome Analysis",
    role: "equity-outcomes",
    cells,
    tables,
    charts,
    widths: { 0: 36, 1: 28, 2: 12, 3: 14, 4: 14, 5: 40, 8: 28, 9: 14, 10: 14, 11: 12 },
    freeze: { rows: 1, cols: 0 },
    tabColor: TAB,
    print: { landscape: true, fitToPage: true },
  };
}

export function studentTypesPlan(s: StudentTypes): SheetPlan {
  const table: PlanTable = {
    name: excelName("Student_Types"),
    r: 3,
    c: 0,
    headers: ["Student Type", "Students", "Amount", "$ per Pupil"],
    rows: s.rows.map((r) => [studentTypeText(r.type), r.students, usd(r.amount), usd(r.perPupil)]),
    formats: ["text", "integer", "currency", "currency"],
  };
  const tables: PlanTable[] = [table];
  const charts: PlanChart[] = [];
  const d = studentTypeChart(s);
  if (d) {
    const placed = placeChart(d, 3, 6, { r: 3 + d.rows.length + 2, c: 6, width: 7, height: 14 });
    tables.push(placed.table);
    if (placed.chart) charts.push(placed.chart);
  }
  const totalRow = 3 + s.rows.length + 1;
  return {
    name: "Student Types",
    role: "equity-student-types",
    cells: [
      { r: 0, c: 0, v: "$ per pupil by student type, district-wide", style: "title" },
      {
        r: 1,
        c: 0,
        v: "Base: the formula's base dollars ÷ all students. Each need: the dollars the formula gives for that need ÷ the students counted in it (on top of base). Foundation and adjustments belong to no student type and are shown over all students. The amounts add up to the schools' total.",
        style: "note",
      },
      { r: totalRow, c: 0, v: "Schools' total", style: "total" },
      { r: totalRow, c: 2, v: usd(s.total), fmt: "currency", style: "total" },
    ],
    tables,
    charts,
    widths: { 0: 30, 1: 12, 2: 18, 3: 14, 6: 28, 7: 14, 8: 12 },
    freeze: { rows: 4, cols: 1 },
    tabColor: TAB,
  };
}

/**
 * The outcome and student-type sheets that go with the equity sheets, from the tables as read and the allocation:
 * `errors` are the Outcomes table's located problems (nothing may be written while there are any).
 */
export function equityExtraPlans(tables: RawTables, a: Allocation, summary: EquitySummary): { plans: SheetPlan[]; errors: InputError[] } {
  const ctx: ParseContext = { errors: [], warnings: [] };
  const rows = parseOutcomes(tables, ctx, a.district.schools.map((s) => s.id));
  const outcomes = rows && ctx.errors.length === 0 ? analyseOutcomes(rows, summary) : null;
  return { plans: [...(outcomes ? [outcomesPlan(outcomes, summary.povertyNeed)] : []), studentTypesPlan(perPupilByStudentType(a))], errors: ctx.errors };
}
