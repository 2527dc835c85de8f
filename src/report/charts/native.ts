/**
 * A chart description as a native Excel chart: the description's data is written on the sheet as a small table
 * (so the chart, the table on demand and the board pack plot the same figures), and the chart references its columns.
 */
import { excelName } from "../names";
import type { ChartKind as PlanChartKind, ChartSeries, NumberFormat, PlanChart, PlanTable, PlanValue } from "../plan";
import { columnRange } from "../sheetParts";
import { excelColor } from "./palette";
import type { ChartDescription, ValueFormat } from "./types";

const NUMBER_FORMAT: Record<ValueFormat, NumberFormat> = {
  currency: "currency",
  percentPoints: "percent1",
  integer: "integer",
  decimal: "decimal4",
  text: "text",
};

/** The sheet value of a description cell: percent points become fractions (so Excel prints them as percents). */
function sheetValue(v: PlanValue, f: ValueFormat): PlanValue {
  return f === "percentPoints" && typeof v === "number" ? Math.round(v * 1e4) / 1e6 : v;
}

/** The description's data as a sheet table at (r, c), named after the chart. */
export function chartDataTable(d: ChartDescription, r: number, c: number, name = `Chart_${d.id}`): PlanTable {
  return {
    name: excelName(name),
    r,
    c,
    headers: d.columns.map((col) => col.header),
    rows: d.rows.map((row) => row.map((v, k) => sheetValue(v, d.columns[k].format))),
    formats: d.columns.map((col) => NUMBER_FORMAT[col.format]),
  };
}

function kindOf(d: ChartDescription): PlanChartKind {
  switch (d.kind) {
    case "bar":
      return d.stacked ? "barStacked" : "barClustered";
    case "column":
      return d.stacked ? "columnStacked" : "columnClustered";
    default:
      return d.kind;
  }
}

/**
 * The native chart of a description whose data sits in `table` (from `chartDataTable`), placed at `at`.
 * Colours come from the description's tones; bars coloured by sign get one colour per point.
 */
export function nativeChart(d: ChartDescription, table: PlanTable, at: PlanChart["at"]): PlanChart | null {
  if (d.rows.length === 0) return null;
  const kind = kindOf(d);
  const range = (col: number) => columnRange(table, col);
  if (d.kind === "treemap") {
    const path = d.path ?? [d.category];
    const values = range(d.series[0].y);
    return {
      kind,
      title: d.title,
      series: [{ name: d.series[0].name, values, categories: columnRange(table, path[path.length - 1], path[0]) }],
      at,
      fallback: {
        kind: "barClustered",
        title: d.title,
        series: [{ name: d.series[0].name, values, categories: range(path[path.length - 1]), color: excelColor(d.series[0].tone) }],
        xTitle: d.yAxis.title,
        at,
      },
      description: d,
    };
  }
  const series: ChartSeries[] = d.series.map((s) => {
    const out: ChartSeries = { name: s.name, values: range(s.y), categories: range(s.x ?? d.category), color: excelColor(s.tone) };
    if (s.size !== undefined) out.sizes = range(s.size);
    if (s.mark === "line" && (d.kind === "scatter" || d.kind === "bubble")) out.line = true;
    if (s.bySign) out.pointColors = d.rows.map((row) => excelColor(typeof row[s.y] === "number" && (row[s.y] as number) < 0 ? "loss" : "gain"));
    return out;
  });
  // Excel's category axis runs down the side of bar charts: the titles follow the axes, not the page.
  return { kind, title: d.title, series, xTitle: d.xAxis.title, yTitle: d.yAxis.title, at, description: d };
}

/** Data table and chart together: the table at (r, c), the chart at `at`. */
export function placeChart(d: ChartDescription, r: number, c: number, at: PlanChart["at"]): { table: PlanTable; chart: PlanChart | null } {
  const table = chartDataTable(d, r, c);
  return { table, chart: nativeChart(d, table, at) };
}
