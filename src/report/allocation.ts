/**
 * Sheet plans for an allocation: Summary, Matrix, School Budgets and one sheet per school.
 * Plain data only; every renderer (ExcelJS, Office.js, preview) draws these.
 */
import { adaLevelNames, schoolAttendance, type SchoolAttendance } from "../engine/allocate/attendance";
import { boundsNotes } from "../engine/allocate/bounds";
import { carryOverTotals } from "../engine/allocate/carryOver";
import { explainer } from "../engine/allocate/explain";
import { describeEligibility } from "../words/eligibility";
import type { Allocation, Line } from "../engine/types";
import { allocationWarningText, AVAILABLE_LABEL, adjustmentWords, CARRIED_LABEL, carriedWords, lineText, ruleNoteWords } from "../words/allocation";
import { budgetChangeChart } from "./charts/describe";
import { placeChart } from "./charts/native";
import { a1, columnLetter, excelName } from "./names";
import type { NumberFormat, PlanCell, PlanChart, PlanTable, PlanValue, SheetPlan } from "./plan";
import { settingValue, SUMMARY_SETTINGS } from "./settings";
import { dollars } from "./sheetParts";
import { WEIGHT_LABELS } from "./labels";

export interface AllocationPlanOptions {
  /** Indexes of the schools that get their own sheet (default: all). */
  schools?: number[];
  /** Title of the run shown on the Summary (e.g. a scenario name). */
  title?: string;
}

const $ = dollars;
const BLUE = "1F6FB2";

/** Every sheet of an allocation, in workbook order. */
export function allocationPlans(a: Allocation, opts: AllocationPlanOptions = {}): SheetPlan[] {
  const which = opts.schools ?? a.schools.map((_, i) => i);
  const explain = explainer(a);
  const attendance = schoolAttendance(a.district);
  return [summaryPlan(a, opts.title), matrixPlan(a), schoolBudgetsPlan(a), ...which.map((i) => schoolPlan(a, i, explain(i), attendance[i]))];
}

function text(r: number, c: number, v: PlanValue, style?: PlanCell["style"]): PlanCell {
  return style ? { r, c, v, style } : { r, c, v };
}

function money(r: number, c: number, cents: number, style?: PlanCell["style"]): PlanCell {
  return { r, c, v: $(cents), fmt: "currency", ...(style ? { style } : {}) };
}

/** Label / value rows of the Summary, in order: `null` leaves an empty row; a string alone is a subtitle. */
type SummaryRow = null | string | [string, (r: number) => PlanCell];

function summaryRows(a: Allocation): SummaryRow[] {
  const p = a.district.policy;
  const students = a.schools.reduce((x, s) => x + s.students, 0);
  const m = (cents: number, style?: PlanCell["style"]) => (r: number) => money(r, 1, cents, style);
  const v = (value: PlanValue, fmt?: PlanCell["fmt"]) => (r: number): PlanCell => (fmt ? { r, c: 1, v: value, fmt } : text(r, 1, value));
  return [
    ["Total revenue", m(a.totals.revenue)],
    ["Held centrally (locked sources and school shares)", m(a.totals.central - a.totals.surplus)],
    ["Kept centrally as surplus (unspent pool, caps, rounding)", m(a.totals.surplus)],
    ["  of which central rounding remainder (whole-cent rates, each school rounded alone)", m(a.totals.remainder)],
    ["Distributed to schools", m(a.totals.schools, "total")],
    ["Unfunded formula cost (fixed $ per pupil)", m(a.totals.unfunded)],
    ["Schools", v(a.schools.length, "integer")],
    ["Students", v(students, "integer")],
    ["Average $ per pupil (schools)", v(students > 0 ? Math.round(a.totals.schools / students) / 100 : 0, "currency")],
    ...carryOverRows(a, m, v),
    null,
    "Policy",
    // Every setting the registry prints on the Summary, then what the engine made of them.
    ...SUMMARY_SETTINGS.map((spec): SummaryRow => {
      const { v: value, fmt } = settingValue(spec, p);
      return [spec.label, v(value, fmt)];
    }),
    ["Weights turned on", v(a.weightsOn ? "Yes" : "No: the unlocked pool is below the revenue trigger")],
    ["Budget-neutral factor on unconstrained schools", v(Math.round(a.neutralityFactor * 1e6) / 1e6, "decimal4")],
  ];
}

/**
 * The schools' own balances carried from the prior year (never part of the money above): surpluses, deficits and
 * how many schools carry a deficit. Nothing when the Schools table has no Prior Year Balance column.
 */
function carryOverRows(a: Allocation, m: (cents: number) => (r: number) => PlanCell, v: (value: PlanValue, fmt?: PlanCell["fmt"]) => (r: number) => PlanCell): SummaryRow[] {
  const t = carryOverTotals(a.schools);
  if (!t) return [];
  return [
    null,
    `${CARRIED_LABEL} (not part of the allocation)`,
    ["Surplus carried", m(t.surplus)],
    ["Deficit carried", m(t.deficit)],
    ["Net carried", m(t.net)],
    ["Schools in deficit", v(t.schoolsInDeficit, "integer")],
    ["Schools with a surplus", v(t.schoolsInSurplus, "integer")],
    [`${AVAILABLE_LABEL} (to schools + net carried)`, m(a.totals.schools + t.net)],
  ];
}

export function summaryPlan(a: Allocation, title?: string): SheetPlan {
  const d = a.district;
  const cells: PlanCell[] = [
    text(0, 0, title ? `Allocation summary — ${title}` : "Allocation summary", "title"),
    text(1, 0, "School Funding Studio: how this year's revenue reaches schools. Money in dollars; every source adds up to the cent.", "note"),
  ];
  let row = 3;
  for (const item of summaryRows(a)) {
    if (typeof item === "string") cells.push(text(row, 0, item, "subtitle"));
    else if (item) cells.push(text(row, 0, item[0], "label"), item[1](row));
    row++;
  }
  const top = row + 2;
  cells.push(text(top - 1, 0, "Revenue by source", "subtitle"));
  const headers = ["Source", "Type", "Status", "Restricted", "Funds", "Eligible", "Amount", "School Share", "Held Centrally", "School Pool", "Foundation", "Surplus", "To Schools", "Base per Weighted Pupil", "Rounding Remainder"];
  const rows: PlanValue[][] = a.sources.map((s, k) => {
    const src = d.sources[k];
    return [
      s.name,
      src.type ?? "",
      s.status,
      src.restricted ? "Yes" : "No",
      s.funds,
      describeEligibility(src.eligible),
      $(s.amount),
      s.status === "Locked" ? 0 : src.schoolShare,
      $(s.central),
      $(s.schoolPool),
      $(s.foundation),
      $(s.surplus),
      $(s.toSchools),
      s.base === null ? null : Math.round(s.base * 1e6) / 1e8,
      $(s.remainder),
    ];
  });
  const table: PlanTable = {
    name: "SourcesSummary",
    r: top,
    c: 0,
    headers,
    rows,
    formats: [undefined, undefined, undefined, undefined, undefined, undefined, "currency", "percent", "currency", "currency", "currency", "currency", "currency", "decimal4", "currency"],
    totals: [6, 8, 9, 10, 11, 12, 14],
  };
  const last = top + rows.length;
  const charts: PlanChart[] = [
    {
      kind: "barStacked",
      title: "Revenue by source: held centrally vs to schools",
      series: [
        { name: "Held centrally", values: `I${top + 2}:I${last + 1}`, categories: `A${top + 2}:A${last + 1}` },
        { name: "Surplus", values: `L${top + 2}:L${last + 1}`, categories: `A${top + 2}:A${last + 1}` },
        { name: "To schools", values: `M${top + 2}:M${last + 1}`, categories: `A${top + 2}:A${last + 1}` },
      ],
      xTitle: "Dollars",
      at: { r: last + 4, c: 0, width: 8, height: 18 },
    },
  ];
  let r = last + 4 + 19;
  if (a.warnings.length) {
    cells.push(text(r, 0, "Notes", "subtitle"));
    for (const w of a.warnings) cells.push(text(++r, 0, allocationWarningText(w), "note"));
  }
  return {
    name: "Summary",
    role: "summary",
    cells,
    tables: [table],
    charts,
    widths: { 0: 46, 1: 18, 2: 11, 3: 11, 4: 18, 5: 30, 6: 16, 7: 12, 8: 16, 9: 16, 10: 14, 11: 12, 12: 16, 13: 14, 14: 14 },
    tabColor: BLUE,
    print: { landscape: true, fitToPage: true },
  };
}

export { WEIGHT_LABELS };

export function matrixPlan(a: Allocation): SheetPlan {
  const m = a.matrix;
  const cells: PlanCell[] = [
    text(0, 0, "Per-pupil funding matrix", "title"),
    text(1, 0, "Dollars a school receives per student in each cell, for a school eligible for every source: the whole-cent rates the school sheets use (students × rate = amount). The foundation per school is paid on top.", "note"),
  ];
  const tables: PlanTable[] = [];
  const cats = m.categories;
  const byLevel = (name: string, r: number, values: (number | null)[][], fmt: "currency" | "decimal4"): PlanTable => ({
    name,
    r,
    c: 0,
    headers: ["Level", ...cats],
    rows: m.levels.map((l, i) => [l, ...values[i]]),
    formats: [undefined, ...cats.map(() => fmt)],
  });
  tables.push(byLevel("MatrixPerPupil", 3, m.perPupil.map((row) => row.map((v) => Math.round(v) / 100)), "currency"));
  let r = 3 + m.levels.length + 3;
  cells.push(text(r - 1, 0, WEIGHT_LABELS.nominal, "subtitle"));
  tables.push(byLevel("MatrixNominalWeights", r, m.nominal, "decimal4"));
  r += m.levels.length + 3;
  cells.push(text(r - 1, 0, `${WEIGHT_LABELS.effective}, relative to the ${m.levels[0] ?? "first level"} Base`, "subtitle"));
  tables.push(byLevel("MatrixWeights", r, m.weights.map((row) => row.map((v) => Math.round(v * 10000) / 10000)), "decimal4"));
  r += m.levels.length + 3;
  cells.push(text(r - 1, 0, "By source ($ per pupil)", "subtitle"));
  const rows: PlanValue[][] = [];
  a.sources.forEach((s, k) => {
    if (s.toSchools === 0) return;
    m.levels.forEach((l, i) => rows.push([s.name, l, ...m.bySource[k][i].map((v) => Math.round(v) / 100)]));
  });
  tables.push({ name: "MatrixBySource", r, c: 0, headers: ["Source", "Level", ...cats], rows, formats: [undefined, undefined, ...cats.map(() => "currency" as const)] });
  const widths: Record<number, number> = { 0: 30, 1: 14 };
  for (let c = 1; c <= cats.length + 1; c++) widths[c] = Math.max(widths[c] ?? 0, 16);
  return { name: "Matrix", role: "matrix", cells, tables, charts: [], widths, tabColor: BLUE, freeze: { rows: 0, cols: 1 } };
}

/** One column of the School Budgets table: its header, each school's value, its format and whether it is totalled. */
interface BudgetColumn {
  header: string;
  value: (s: Allocation["schools"][number], i: number) => PlanValue;
  fmt?: (col: number, rows: PlanValue[][]) => NumberFormat;
  total?: boolean;
}

/**
 * The columns of the School Budgets table. The balance carried from the prior year and what is available to spend
 * appear only when Schools has a Prior Year Balance, the students funded on attendance only with Policy's ADA Levels:
 * the same figures, under the same words, as each school's sheet and summary.json.
 */
function schoolBudgetColumns(a: Allocation, money: (col: number, rows: PlanValue[][]) => NumberFormat): { columns: BudgetColumn[]; carried: boolean; attendance: boolean } {
  const d = a.district;
  const firstNeed = d.needs[0] ?? null;
  const shares = povertyShares(a);
  const carried = a.schools.some((s) => s.carryOver !== null);
  const att = adaLevelNames(d.policy).length > 0 ? schoolAttendance(d) : null;
  const columns: BudgetColumn[] = [
    { header: "School ID", value: (s) => s.id },
    { header: "School Name", value: (s) => s.name },
    { header: "Students", value: (s) => s.students, fmt: () => (wholeCounts(a) ? "integer" : "decimal2"), total: true },
  ];
  if (att) columns.push({ header: "Students funded on attendance", value: (_, i) => att[i].adaStudents, fmt: () => "decimal2", total: true });
  columns.push({ header: "Total", value: (s) => $(s.total), fmt: money, total: true });
  if (carried) {
    columns.push(
      { header: CARRIED_LABEL, value: (s) => (s.carryOver === null ? null : $(s.carryOver)), fmt: money, total: true },
      { header: AVAILABLE_LABEL, value: (s) => (s.available === null ? null : $(s.available)), fmt: money, total: true },
    );
  }
  columns.push(
    { header: "Current Budget", value: (s) => (s.current === null ? null : $(s.current)), fmt: money, total: true },
    { header: "Change", value: (s) => (s.current === null ? null : $(s.total - s.current)), fmt: money, total: true },
    { header: "Change %", value: (s) => (s.current ? (s.total - s.current) / s.current : null), fmt: () => "percent1" },
    { header: "Per Pupil", value: (s) => (s.students > 0 ? Math.round(s.total / s.students) / 100 : null), fmt: () => "currency" },
    { header: firstNeed ? `${firstNeed} %` : "Need %", value: (_, i) => Math.round(shares[i] * 100) / 10000, fmt: () => "percent1" },
  );
  return { columns, carried, attendance: att !== null };
}

/** Money columns of whole dollars print without ".00" (nothing is hidden: a cent would show the cents). */
function wholeDollarFormat(col: number, rows: PlanValue[][]): "currency" | "currency0" {
  return rows.every((r) => r[col] === null || (typeof r[col] === "number" && Number.isInteger(r[col]))) ? "currency0" : "currency";
}

/** The floors, caps and formula amount behind each school's budget, its header row at sheet row `r`. */
function floorsTable(a: Allocation, r: number): PlanTable {
  const rows: PlanValue[][] = a.schools.map((s) => [s.id, s.name, $(s.total), $(s.turnedOn), s.minimum === null ? null : $(s.minimum), s.adjustment ?? "", $(s.unfunded)]);
  const money = (col: number) => wholeDollarFormat(col, rows);
  return {
    name: "SchoolBudgetsFloors",
    r,
    c: 0,
    headers: ["School ID", "School Name", "Total", "Turned-On Amount", "Minimum Budget", "Floor or Cap Applied", "Unfunded"],
    rows,
    formats: [undefined, undefined, money(2), money(3), money(4), undefined, money(6)],
    totals: [2, 3, 4, 6],
  };
}

/** Each school's budget by source (the sources that pay schools anything), its header row at sheet row `r`. */
function bySourceTable(a: Allocation, r: number): PlanTable {
  const sourceCols = a.sources.filter((s) => s.toSchools !== 0 || s.schoolPool !== 0);
  const rows: PlanValue[][] = a.schools.map((s, i) => [s.id, s.name, $(s.total), ...sourceCols.map((src) => $(src.bySchool[i]))]);
  return {
    name: "SchoolBudgetsBySource",
    r,
    c: 0,
    headers: ["School ID", "School Name", "Total", ...sourceCols.map((s) => s.name)],
    rows,
    formats: [undefined, undefined, ...rows[0]?.slice(2).map((_, k) => wholeDollarFormat(k + 2, rows)) ?? []],
    totals: [2, ...sourceCols.map((_, k) => 3 + k)],
  };
}

/**
 * The charts under the tables, from sheet row `top`: the budget change by school (sorted, from its chart
 * description: its data table, the chart beside it) and per-pupil $ against the first need's share, which reads
 * the School Budgets table (`headers`, data on sheet rows `first` to `lastRow`).
 */
function schoolBudgetsCharts(a: Allocation, headers: readonly string[], top: number, first: number, lastRow: number): { charts: PlanChart[]; changeTable: PlanTable | null } {
  const firstNeed = a.district.needs[0] ?? null;
  const col = (k: number) => columnLetter(k + 1);
  const perPupilCol = col(headers.indexOf("Per Pupil"));
  const needCol = col(headers.length - 1);
  const chartWidth = Math.max(4, Math.min(8, headers.length - 5));
  const change = budgetChangeChart(a);
  const placed = change && placeChart(change, top, 0, { r: top, c: 5, width: chartWidth, height: Math.max(20, Math.ceil(change.rows.length * 0.8)) });
  const scatterTop = top + (placed ? Math.max(21, Math.ceil((change?.rows.length ?? 0) * 0.8) + 1) : 0);
  const charts: PlanChart[] = [
    ...(placed?.chart ? [placed.chart] : []),
    {
      kind: "scatter",
      title: `Per-pupil $ vs ${firstNeed ?? "need"} %`,
      series: [{ name: "Schools", values: `${perPupilCol}${first}:${perPupilCol}${lastRow}`, categories: `${needCol}${first}:${needCol}${lastRow}`, trendline: "linear" }],
      xTitle: `${firstNeed ?? "Need"} % of students`,
      yTitle: "$ per pupil",
      at: { r: scatterTop, c: 5, width: chartWidth, height: 18 },
    },
  ];
  return { charts, changeTable: placed ? placed.table : null };
}

export function schoolBudgetsPlan(a: Allocation): SheetPlan {
  // Three tables, so that each prints one page wide and legible on Letter landscape: each school's budget against
  // its current budget; the floors, caps and formula amount behind it; the budget by source.
  const { columns, carried, attendance } = schoolBudgetColumns(a, wholeDollarFormat);
  const headers = columns.map((c) => c.header);
  const rows: PlanValue[][] = a.schools.map((s, i) => columns.map((c) => c.value(s, i)));
  const top = 2;
  const table: PlanTable = {
    name: "SchoolBudgets",
    r: top,
    c: 0,
    headers,
    rows,
    formats: columns.map((c, k) => c.fmt?.(k, rows)),
    totals: columns.flatMap((c, k) => (c.total ? [k] : [])),
  };
  const first = top + 2;
  const lastRow = top + 1 + rows.length;
  const floorsTop = lastRow + 4;
  const sourcesTop = floorsTop + 1 + rows.length + 4;
  const chartTop = sourcesTop + 1 + rows.length + 3;
  const { charts, changeTable } = schoolBudgetsCharts(a, headers, chartTop, first, lastRow);
  const widths: Record<number, number> = { 0: 10, 1: 26 };
  const tables = [table, floorsTable(a, floorsTop), bySourceTable(a, sourcesTop)];
  return {
    name: "School Budgets",
    role: "school-budgets",
    cells: [
      text(0, 0, "School budgets", "title"),
      text(1, 0, `Final budget by school, against the current budget${carried ? ", with the balance carried from the prior year (not part of the budget) and what is available to spend" : ""}${attendance ? "; students funded on attendance are the base students at Policy's ADA Levels" : ""}; then the floors and caps behind it (the turned-on amount is the formula result before floors, caps and phase-in), and the budget by source.`, "note"),
      text(floorsTop - 1, 0, "Floors, caps and the formula amount", "subtitle"),
      text(sourcesTop - 1, 0, "Budget by source", "subtitle"),
    ],
    tables: changeTable ? [...tables, changeTable] : tables,
    charts,
    widths,
    freeze: { rows: top + 1, cols: 2 },
    tabColor: BLUE,
    print: { landscape: true, fitToPage: true },
  };
}

/** Whether every enrollment count is a whole number (counts print without decimals then). */
function wholeCounts(a: Allocation): boolean {
  return a.district.enrollment.every((e) => Number.isInteger(e.students) && e.needs.every((n) => Number.isInteger(n)));
}

/** Share of each school's students in the first need category, in percent points. */
export function povertyShares(a: Allocation): number[] {
  const d = a.district;
  const need = new Array<number>(d.schools.length).fill(0);
  const students = new Array<number>(d.schools.length).fill(0);
  for (const e of d.enrollment) {
    students[e.schoolIndex] += e.students;
    need[e.schoolIndex] += e.needs[0] ?? 0;
  }
  return need.map((n, i) => (students[i] > 0 ? (n * 100) / students[i] : 0));
}

/** The Category column of a line: the need (or Base), else what the labelled line is. */
/** One explanation line as a row of a school sheet (and of the School Lines table): Source … Explanation. */
export function schoolLineRow(l: Line): PlanValue[] {
  return [l.source, l.level ?? "", lineCategory(l), l.count, l.rate === null ? null : l.rate / 100, $(l.amount), lineText(l)];
}

function lineCategory(l: Line): string {
  if (l.kind === "formula") return l.category ?? "";
  if (l.kind === "attendance") return `${l.category ?? "Base"} on attendance`;
  if (l.kind === "foundation") return "Foundation";
  if (l.kind === "shortfall") return "Pool shortfall";
  return l.rule === "Revenue trigger" ? "Revenue trigger" : "Adjustment";
}

/** One school's sheet; `att`: its attendance figures (allocationPlans computes them once for every sheet). */
export function schoolPlan(a: Allocation, i: number, lines: Line[], att: SchoolAttendance = schoolAttendance(a.district)[i]): SheetPlan {
  const s = a.schools[i];
  const cells: PlanCell[] = [
    text(0, 0, `${s.name} (${s.id})`, "title"),
    text(1, 0, "How this school's budget was calculated: each line is students × $ per pupil from one source, rounded to the rounding unit (a desktop calculator gives the same); labelled lines are the foundation and the adjustments; the lines add up to the total.", "note"),
    text(3, 0, "Students", "label"),
    { r: 3, c: 1, v: s.students, fmt: "integer" },
    text(4, 0, "Total budget", "label"),
    money(4, 1, s.total, "total"),
  ];
  let r = 5;
  // The prior year's balance is the school's own money, not this year's allocation: its own labelled lines below
  // the total, never added into it.
  if (s.carryOver !== null && s.available !== null) {
    cells.push(text(r, 0, CARRIED_LABEL, "label"), money(r, 1, s.carryOver, s.carryOver < 0 ? "bad" : s.carryOver > 0 ? "good" : undefined), text(r, 2, carriedWords(s.carryOver), "note"));
    r++;
    cells.push(text(r, 0, `${AVAILABLE_LABEL} (total budget + carried)`, "label"), money(r, 1, s.available, "total"));
    r++;
  }
  const row = (label: string, value: (r: number) => PlanCell): void => {
    cells.push(text(r, 0, label, "label"), value(r));
    r++;
  };
  // Average daily attendance: the school's rate and the base students it is funded for (the attendance lines below).
  if (att.adaStudents !== null && att.rate !== null) {
    row("Attendance rate", (x) => ({ r: x, c: 1, v: att.rate, fmt: "percent2" }));
    cells.push(text(r, 2, `Policy ADA Levels: ${adaLevelNames(a.district.policy).join(", ")}; base students there are funded on attendance (need counts are not).`, "note"));
    row("Students funded on attendance", (x) => ({ r: x, c: 1, v: att.adaStudents, fmt: "decimal2" }));
  }
  row("Formula (turned-on) amount", (x) => money(x, 1, s.turnedOn));
  row("Current budget", (x) => (s.current === null ? text(x, 1, "Not given") : money(x, 1, s.current)));
  row("Change vs current", (x) => (s.current === null ? text(x, 1, "") : { ...money(x, 1, s.total - s.current), style: s.total >= s.current ? "good" : "bad" }));
  row("Minimum operating budget", (x) => (s.minimum === null ? text(x, 1, "Not given") : money(x, 1, s.minimum)));
  row("Per pupil", (x) => ({ r: x, c: 1, v: s.students > 0 ? Math.round(s.total / s.students) / 100 : 0, fmt: "currency" }));
  row("Floor or cap applied", (x) => text(x, 1, s.adjustment ? adjustmentWords(s.adjustment) : "None"));
  // The norm-based adjustment, when the district uses it: the school's norm budget and its own adjustment line.
  if (s.normBudget !== null) row("Norm budget", (x) => money(x, 1, s.normBudget as number));
  if (s.normAdjustment !== null) row("Norm-based adjustment", (x) => money(x, 1, s.normAdjustment as number));
  if (s.unfunded > 0) cells.push(text(r, 0, "Unfunded formula cost", "label"), money(r, 1, s.unfunded, "bad"));
  r++;
  const p = a.district.policy;
  const notes = boundsNotes(s.current, s.minimum, p.holdHarmless, p.gainCap, p.rounding === "dollar" ? 100 : 1);
  if (notes.length) cells.push(text(r, 0, `${notes.map(ruleNoteWords).join("; ")}. Grants are paid on top.`, "note"));
  const top = r + 1;
  const rows: PlanValue[][] = lines.map(schoolLineRow);
  const table: PlanTable = {
    name: excelName(`School_${s.id}_Lines`),
    r: top,
    c: 0,
    headers: ["Source", "Level", "Category", "Students", "$ per Pupil", "Amount", "Explanation"],
    rows,
    formats: [undefined, undefined, undefined, rows.every((r) => r[3] === null || Number.isInteger(r[3])) ? "integer" : "decimal2", "currency", "currency", undefined],
  };
  const sumRow = top + rows.length + 1;
  cells.push(text(sumRow + 1, 4, "Sum of lines", "total"), {
    r: sumRow + 1,
    c: 5,
    f: rows.length ? `SUM(${a1(top + 1, 5)}:${a1(sumRow, 5)})` : "0",
    result: $(s.total),
    fmt: "currency",
    style: "total",
  });
  return {
    name: `${s.id} ${s.name}`,
    role: "school",
    cells,
    tables: [table],
    charts: [],
    widths: { 0: 30, 1: 14, 2: 20, 3: 11, 4: 13, 5: 15, 6: 70 },
    print: { landscape: true, fitToPage: true },
  };
}
