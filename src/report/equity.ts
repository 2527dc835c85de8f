/**
 * Equity sheets (the DBOM views) as plans: "Equity" (both statistics forms side by side with what each means,
 * horizontal / vertical equity in words, the multivariate regression), "Equity Data" (per school, with the scatter
 * of per-pupil $ against poverty: all schools, high-EL schools as a second series, the pupil-weighted fitted line),
 * "Poverty Deciles" (restricted / unrestricted $ per pupil as stacked columns) and, when two snapshots are
 * compared, "Equity Snapshots". Charts come from the chart descriptions (./charts): each chart's data is written
 * beside it as a small table and the native chart references that table.
 */
import type { EquitySummary } from "../analysis/equity/index";
import { isSizeTerm, type MultiFit } from "../analysis/equity/regression";
import type { SnapshotComparison } from "../analysis/equity/snapshot";
import { MONEY_STATS, STAT_KEYS, type StatKey, type Stats } from "../analysis/equity/stats";
import { equityWordsOf, fitProblemText, sizeLeftOutText, STAT_LABELS, statisticMeaning } from "../words/equity";
import { excelName } from "./names";
import type { NumberFormat, PlanCell, PlanChart, PlanTable, PlanValue, SheetPlan } from "./plan";
import { decileChart, equityScatterChart } from "./charts/describe";
import { placeChart } from "./charts/native";
import { columnRange } from "./sheetParts";
import { countOf, dollarsAndCents } from "../engine/money";

/** Cents to dollars for a cell (full precision; the cell format shows cents). */
const usd = (c: number | null): number | null => (c === null ? null : c / 100);

/** Header row (0-based) of the main table on every equity sheet. */
export const EQUITY_HEADER_ROW = 3;

const RATIO_FORMAT: Partial<Record<StatKey, NumberFormat>> = { frr: "percent1", cv: "percent1", r2: "percent1" };

/** The cell value and format of a statistic (money in dollars). */
export function statCell(key: StatKey, v: number | null): { v: PlanValue; fmt: NumberFormat } {
  if (MONEY_STATS.has(key)) return { v: usd(v), fmt: "currency" };
  return { v, fmt: RATIO_FORMAT[key] ?? "decimal4" };
}

function statLabel(key: StatKey, poverty: string | null): string {
  if (key === "slope") return `Slope: $ per pupil per point of ${poverty ?? "poverty"}`;
  if (key === "r2") return `R² of the ${poverty ?? "poverty"} line`;
  return STAT_LABELS[key];
}

/** A1 range of one table column's data rows, e.g. "D5:D12". */
export { columnRange };

function regressionCells(cells: PlanCell[], r0: number, title: string, pw: MultiFit, un: MultiFit): number {
  let r = r0;
  cells.push({ r: r++, c: 0, v: title, style: "subtitle" });
  if (!pw.ok || !un.ok) {
    cells.push({ r: r++, c: 0, v: `Not fitted: ${!pw.ok ? fitProblemText(pw.problem) : !un.ok ? fitProblemText(un.problem) : ""}.`, style: "note" });
    return r;
  }
  const headers = ["Term", "Pupil-weighted $", "Std. error", "t", "Unweighted $", "Std. error", "t"];
  headers.forEach((h, c) => cells.push({ r, c, v: h, style: "header" }));
  r++;
  pw.names.forEach((name, j) => {
    const label = j === 0 ? "Intercept (school with none of these needs)" : isSizeTerm(name) ? "School size: per unit of ln(Students) (a doubling is × 0.693)" : `per point of ${name}`;
    cells.push({ r, c: 0, v: label, style: "label" });
    const put = (c: number, v: number | null, fmt: NumberFormat) => cells.push({ r, c, v, fmt });
    put(1, usd(pw.coefficients[j]), "currency");
    put(2, usd(pw.standardErrors[j]), "currency");
    put(3, pw.tStats[j], "decimal2");
    put(4, usd(un.coefficients[j]), "currency");
    put(5, usd(un.standardErrors[j]), "currency");
    put(6, un.tStats[j], "decimal2");
    r++;
  });
  cells.push({ r, c: 0, v: "R²", style: "label" }, { r, c: 1, v: pw.r2, fmt: "percent1" }, { r, c: 4, v: un.r2, fmt: "percent1" });
  r++;
  cells.push({
    r: r++,
    c: 0,
    v:
      "|t| above 2 means the effect is unlikely to be chance. Coefficients are $ per pupil per percentage point of each need, holding the others" +
      (pw.names.some(isSizeTerm) ? " and school size" : "") +
      " fixed." +
      (pw.sizeLeftOut ? ` The regression was ${sizeLeftOutText(pw.sizeLeftOut)}.` : ""),
    style: "note",
  });
  return r;
}

function equitySheet(s: EquitySummary): SheetPlan {
  const pupils = s.schools.reduce((t, x) => t + x.students, 0);
  const cells: PlanCell[] = [
    { r: 0, c: 0, v: "Equity: how evenly and how fairly money reaches pupils", style: "title" },
    {
      r: 1,
      c: 0,
      v:
        `Per-pupil $ = school total ÷ Students, over ${countOf(s.schools.length, "school")} and ${countOf(pupils, "pupil")}. ` +
        "Unweighted: each school counts once. Pupil-weighted: each pupil counts once." +
        (s.excluded.length ? ` Left out (no students): ${s.excluded.map((x) => x.id).join(", ")}.` : ""),
      style: "note",
    },
  ];
  const rows: PlanValue[][] = STAT_KEYS.map((k) => [
    statLabel(k, s.povertyNeed),
    statCell(k, s.unweighted[k]).v,
    statCell(k, s.pupilWeighted[k]).v,
    statisticMeaning(k, s.pupilWeighted, s.povertyNeed ?? "poverty"),
  ]);
  const table: PlanTable = {
    name: excelName("Equity_Statistics"),
    r: EQUITY_HEADER_ROW,
    c: 0,
    headers: ["Statistic", "Unweighted", "Pupil-weighted", "What it means"],
    rows,
    formats: ["text", undefined, undefined, "text"],
  };
  // Each row has its own unit: the format goes on the cells.
  STAT_KEYS.forEach((k, i) => {
    for (const [c, stats] of [[1, s.unweighted], [2, s.pupilWeighted]] as [number, Stats][]) {
      const cell = statCell(k, stats[k]);
      cells.push({ r: EQUITY_HEADER_ROW + 1 + i, c, v: cell.v, fmt: cell.fmt });
    }
  });
  let r = EQUITY_HEADER_ROW + STAT_KEYS.length + 2;
  for (const [title, lines] of [
    ["Horizontal equity (similar pupils treated alike)", equityWordsOf(s).horizontal],
    ["Vertical equity (more for pupils with more needs)", equityWordsOf(s).vertical],
  ] as const) {
    cells.push({ r: r++, c: 0, v: title, style: "subtitle" });
    for (const line of lines) cells.push({ r: r++, c: 0, v: line });
    r++;
  }
  r = regressionCells(cells, r, "Per-pupil $ on every need share at once (multivariate regression)", s.regression.multivariate.pupilWeighted, s.regression.multivariate.unweighted);
  if (s.salary) {
    r++;
    cells.push({ r: r++, c: 0, v: "Salary averaging: spending at actual salaries vs at district-average salaries (pupil-weighted)", style: "subtitle" });
    ["Statistic", "At actual salaries", "At average salaries"].forEach((h, c) => cells.push({ r, c, v: h, style: "header" }));
    r++;
    for (const k of ["mean", "range", "cv", "mcloone", "gini", "slope"] as StatKey[]) {
      cells.push({ r, c: 0, v: statLabel(k, s.povertyNeed), style: "label" });
      cells.push({ r, c: 1, ...statCell(k, s.salary.withActual.pupilWeighted[k]) }, { r, c: 2, ...statCell(k, s.salary.withAverage.pupilWeighted[k]) });
      r++;
    }
    cells.push({ r: r++, c: 0, v: `Salary gap over all schools (actual − average): ${dollarsAndCents(s.salary.totalAdjustment)}.`, style: "note" });
  }
  return {
    name: "Equity",
    role: "equity",
    cells,
    tables: [table],
    charts: [],
    widths: { 0: 44, 1: 16, 2: 16, 3: 110, 4: 14, 5: 12, 6: 10 },
    freeze: { rows: EQUITY_HEADER_ROW + 1, cols: 1 },
    tabColor: "107C41",
    print: { landscape: true, fitToPage: true },
  };
}

/** Column layout of the Equity Data table, so charts and tests find their columns by name. */
export interface EquityDataColumns {
  perPupil: number;
  poverty: number | null;
  highElPerPupil: number | null;
}

function dataSheet(s: EquitySummary): { plan: SheetPlan; columns: EquityDataColumns } {
  const el = s.highEl.need;
  const headers = ["School ID", "School", "Students", "Per Pupil $", "Restricted $ per Pupil", "Unrestricted $ per Pupil", ...s.needs.map((n) => `${n} %`)];
  const formats: NumberFormat[] = ["text", "text", "integer", "currency", "currency", "currency", ...s.needs.map((): NumberFormat => "decimal2")];
  let highElCol: number | null = null;
  if (el !== null) {
    headers.push("High EL", "High-EL Per Pupil $");
    formats.push("text", "currency");
    highElCol = headers.length - 1;
  }
  if (s.salary) {
    headers.push("Salary Gap $", "Salary Gap $ per Pupil", "Per Pupil $ at Average Salaries");
    formats.push("currency", "currency", "currency");
  }
  const salaryById = new Map((s.salary?.rows ?? []).map((x) => [x.id, x]));
  const rows: PlanValue[][] = s.schools.map((x) => {
    const row: PlanValue[] = [x.id, x.name, x.students, usd(x.perPupil), usd(x.restrictedPerPupil), usd(x.unrestrictedPerPupil), ...x.needs.map((n) => n.pct)];
    if (el !== null) row.push(x.highEl ? "Yes" : "No", x.highEl ? usd(x.perPupil) : null);
    if (s.salary) {
      const sal = salaryById.get(x.id);
      row.push(usd(sal?.adjustment ?? null), usd(sal?.perPupil ?? null), usd(sal?.withAverage ?? null));
    }
    return row;
  });
  const table: PlanTable = { name: excelName("Equity_Data"), r: EQUITY_HEADER_ROW, c: 0, headers, rows, formats, totals: [2] };
  const columns: EquityDataColumns = { perPupil: 3, poverty: s.needs.length ? 6 : null, highElPerPupil: highElCol };
  // The scatter's own data (sorted by poverty, with the fitted line) beside the table, the chart beside that.
  const charts: PlanChart[] = [];
  const tables: PlanTable[] = [table];
  const scatter = equityScatterChart(s);
  const dataCol = headers.length + 1;
  const placed = scatter && placeChart(scatter, EQUITY_HEADER_ROW, dataCol, { r: EQUITY_HEADER_ROW, c: dataCol + scatter.columns.length + 1, width: 9, height: 20 });
  if (placed?.chart) {
    tables.push(placed.table);
    charts.push(placed.chart);
  }
  const cells: PlanCell[] = [
    { r: 0, c: 0, v: "Equity data: per-pupil $ and need shares by school", style: "title" },
    {
      r: 1,
      c: 0,
      v:
        `Need shares are % of the school's students (0–100), so the trendline's slope is $ per pupil per percentage point. ` +
        (el !== null ? `High EL: ${el} at or above ${s.highEl.thresholdPct}% of students.` : "No need category counts English learners, so no school is marked high-EL."),
      style: "note",
    },
  ];
  const widths: Record<number, number> = { 0: 12, 1: 28 };
  for (let c = 2; c < headers.length; c++) widths[c] = 16;
  return {
    plan: {
      name: "Equity Data",
      role: "equity-data",
      cells,
      tables,
      charts,
      widths,
      freeze: { rows: EQUITY_HEADER_ROW + 1, cols: 2 },
      tabColor: "107C41",
    },
    columns,
  };
}

function decileSheet(s: EquitySummary): SheetPlan {
  const pov = s.povertyNeed ?? "Poverty";
  const headers = ["Decile", "Schools", "Students", `${pov} % from`, `${pov} % to`, ...s.needs.map((n) => `Average ${n} %`), "Restricted $ per Pupil", "Unrestricted $ per Pupil", "Total $ per Pupil"];
  const rows: PlanValue[][] = s.deciles.map((d) => [
    d.label,
    d.schools,
    d.students,
    d.povertyMin,
    d.povertyMax,
    ...d.needs.map((n) => (d.students > 0 ? n.pct : null)),
    usd(d.restrictedPerPupil),
    usd(d.unrestrictedPerPupil),
    usd(d.perPupil),
  ]);
  const formats: NumberFormat[] = ["text", "integer", "integer", "decimal2", "decimal2", ...s.needs.map((): NumberFormat => "decimal2"), "currency", "currency", "currency"];
  const table: PlanTable = { name: excelName("Poverty_Deciles"), r: EQUITY_HEADER_ROW, c: 0, headers, rows, formats };
  // The chart's own data under the table (decile numbers as categories), the chart beside it.
  const charts: PlanChart[] = [];
  const tables: PlanTable[] = [table];
  const dec = decileChart(s);
  const dataRow = EQUITY_HEADER_ROW + rows.length + 3;
  const placed = dec && placeChart(dec, dataRow, 0, { r: dataRow, c: dec.columns.length + 1, width: 9, height: 20 });
  if (placed?.chart) {
    tables.push(placed.table);
    charts.push(placed.chart);
  }
  const widths: Record<number, number> = { 0: 22 };
  for (let c = 1; c < headers.length; c++) widths[c] = 15;
  return {
    name: "Poverty Deciles",
    role: "poverty-deciles",
    cells: [
      { r: 0, c: 0, v: `$ per pupil by ${pov} decile`, style: "title" },
      {
        r: 1,
        c: 0,
        v: `Schools sorted by ${pov} share and grouped so that each decile holds about a tenth of the pupils (a school is never split). Averages are per pupil: the group's money ÷ its students. If vertical equity improves, the bars rise toward decile 10.`,
        style: "note",
      },
    ],
    tables,
    charts,
    widths,
    freeze: { rows: EQUITY_HEADER_ROW + 1, cols: 1 },
    tabColor: "107C41",
  };
}

function snapshotSheet(s: EquitySummary, cmp: SnapshotComparison): SheetPlan {
  const headers = ["Statistic", "Form", cmp.base, cmp.other, "Change", "Better or worse"];
  const stats = cmp.stats;
  const rows: PlanValue[][] = stats.map((x) => [
    statLabel(x.key, s.povertyNeed),
    x.form === "pupilWeighted" ? "Pupil-weighted" : "Unweighted",
    statCell(x.key, x.base).v,
    statCell(x.key, x.other).v,
    statCell(x.key, x.change).v,
    x.verdict ?? "",
  ]);
  const statsTable: PlanTable = { name: excelName("Equity_Snapshot_Stats"), r: EQUITY_HEADER_ROW, c: 0, headers, rows, formats: ["text", "text", undefined, undefined, undefined, "text"] };
  const cells: PlanCell[] = [
    { r: 0, c: 0, v: `Equity snapshots: ${cmp.base} vs ${cmp.other}`, style: "title" },
    {
      r: 1,
      c: 0,
      v: "Change = second − first. Better/worse follows the statistic: less spread is better, a higher McLoone index and a steeper slope toward need are better.",
      style: "note",
    },
  ];
  stats.forEach((x, i) => {
    const r = EQUITY_HEADER_ROW + 1 + i;
    const style = x.verdict === "better" ? "good" : x.verdict === "worse" ? "bad" : undefined;
    cells.push({ r, c: 2, ...statCell(x.key, x.base) }, { r, c: 3, ...statCell(x.key, x.other) }, { r, c: 4, ...statCell(x.key, x.change), ...(style ? { style } : {}) });
  });
  const schoolRow = EQUITY_HEADER_ROW + stats.length + 3;
  const schoolsTable: PlanTable = {
    name: excelName("Equity_Snapshot_Schools"),
    r: schoolRow,
    c: 0,
    headers: ["School ID", "School", `${cmp.base} $ per Pupil`, `${cmp.other} $ per Pupil`, "Change $ per Pupil"],
    rows: cmp.schools.map((x) => [x.id, x.name, usd(x.base), usd(x.other), usd(x.change)]),
    formats: ["text", "text", "currency", "currency", "currency"],
  };
  cells.push({ r: schoolRow - 1, c: 0, v: "Schools in both snapshots", style: "subtitle" });
  const extra = [
    cmp.onlyInBase.length ? `Only in ${cmp.base}: ${cmp.onlyInBase.join(", ")}.` : "",
    cmp.onlyInOther.length ? `Only in ${cmp.other}: ${cmp.onlyInOther.join(", ")}.` : "",
  ].filter(Boolean);
  if (extra.length) cells.push({ r: schoolRow + Math.max(1, cmp.schools.length) + 2, c: 0, v: extra.join(" "), style: "note" });
  return {
    name: "Equity Snapshots",
    role: "equity-snapshots",
    cells,
    tables: [statsTable, schoolsTable],
    charts: [],
    widths: { 0: 44, 1: 28, 2: 18, 3: 18, 4: 18, 5: 16 },
    freeze: { rows: EQUITY_HEADER_ROW + 1, cols: 1 },
    tabColor: "107C41",
  };
}

export interface EquityPlanOptions {
  /** Add the "Equity Snapshots" sheet comparing two snapshots. */
  comparison?: SnapshotComparison;
}

/** The equity sheets for a summary: Equity, Equity Data, Poverty Deciles (when there is a need category), Equity Snapshots (when comparing). */
export function equityPlans(summary: EquitySummary, opts: EquityPlanOptions = {}): SheetPlan[] {
  const plans = [equitySheet(summary), dataSheet(summary).plan];
  if (summary.povertyNeed !== null) plans.push(decileSheet(summary));
  if (opts.comparison) plans.push(snapshotSheet(summary, opts.comparison));
  return plans;
}

/** Where the Equity Data table's charted columns are (0-based, within the table). */
export function equityDataColumns(summary: EquitySummary): EquityDataColumns {
  return dataSheet(summary).columns;
}
