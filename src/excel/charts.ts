/// <reference types="office-js" />
import type { ChartKind, PlanChart } from "../report/plan";
import { a1 } from "../report/names";
import { parseAddress } from "./address";
import { API_SETS, officeEnv, supports } from "./env";

/** Treemap charts need ExcelApi 1.9. */
export const TREEMAP_API = "1.9";

/** Office.js chart types (string values of Excel.ChartType, so the module needs no runtime `Excel` global). */
export const CHART_TYPES: Record<ChartKind, Excel.ChartType> = {
  columnClustered: "ColumnClustered" as Excel.ChartType,
  barClustered: "BarClustered" as Excel.ChartType,
  columnStacked: "ColumnStacked" as Excel.ChartType,
  barStacked: "BarStacked" as Excel.ChartType,
  scatter: "XYScatter" as Excel.ChartType,
  bubble: "Bubble" as Excel.ChartType,
  pie: "Pie" as Excel.ChartType,
  line: "Line" as Excel.ChartType,
  treemap: "Treemap" as Excel.ChartType,
};

/**
 * Queue one native chart on a worksheet: the chart is created from the first series' values, then every
 * series gets its name, values, X values / categories, bubble sizes and linear trendline from the plan.
 * Returns a note when the chart had to be drawn differently (bubble without ExcelApi 1.7 — the bubble type is 1.1,
 * `setBubbleSizes` 1.7 — treemap without ExcelApi 1.9, no series). A treemap is drawn from the block spanning its category (hierarchy) columns and its values.
 */
export function queueChart(
  ws: Excel.Worksheet,
  chart: PlanChart,
  bubbleSupported: boolean,
  treemapSupported: boolean = supports(officeEnv(), TREEMAP_API),
): string | null {
  if (chart.series.length === 0) return `Chart "${chart.title}" has no data series and was not drawn.`;
  if (chart.kind === "treemap") {
    if (!treemapSupported) {
      const fallback = chart.fallback ?? { ...chart, kind: "barStacked" as const };
      queueChart(ws, fallback, bubbleSupported, false);
      return `Chart "${chart.title}" is drawn as stacked bars: treemap charts need ExcelApi ${TREEMAP_API}, which this version of Excel does not have.`;
    }
    const s = chart.series[0];
    const cats = parseAddress(s.categories ?? s.values);
    const vals = parseAddress(s.values);
    const top = Math.min(cats.r, vals.r);
    const left = Math.min(cats.c, vals.c);
    const bottom = Math.max(cats.r + cats.rows, vals.r + vals.rows) - 1;
    const right = Math.max(cats.c + cats.cols, vals.c + vals.cols) - 1;
    const tm = ws.charts.add(CHART_TYPES.treemap, ws.getRange(`${a1(top, left)}:${a1(bottom, right)}`), "Columns" as Excel.ChartSeriesBy);
    tm.title.text = chart.title;
    const { r, c, width, height } = chart.at;
    tm.setPosition(a1(r, c), a1(r + Math.max(1, height) - 1, c + Math.max(1, width) - 1));
    return null;
  }
  let note: string | null = null;
  let kind = chart.kind;
  if (kind === "bubble" && !bubbleSupported) {
    kind = "scatter";
    note = `Chart "${chart.title}" is drawn as a scatter chart: bubble sizes need ExcelApi ${API_SETS.bubble}, which this version of Excel does not have.`;
  }
  const first = chart.series[0];
  const shape = parseAddress(first.values);
  const seriesBy: Excel.ChartSeriesBy = (shape.cols > 1 && shape.rows === 1 ? "Rows" : "Columns") as Excel.ChartSeriesBy;
  const ch = ws.charts.add(CHART_TYPES[kind], ws.getRange(first.values), seriesBy);
  ch.title.text = chart.title;
  chart.series.forEach((s, i) => {
    const series = i === 0 ? ch.series.getItemAt(0) : ch.series.add(s.name);
    series.name = s.name;
    if (i > 0) series.setValues(ws.getRange(s.values));
    if (s.categories) series.setXAxisValues(ws.getRange(s.categories));
    if (kind === "bubble" && s.sizes) series.setBubbleSizes(ws.getRange(s.sizes));
    if (s.trendline === "linear") series.trendlines.add("Linear");
    if (s.line && kind === "scatter") {
      // A fitted line drawn from its own points (series chart type: ExcelApi 1.7, the minimum).
      series.chartType = "XYScatterLinesNoMarkers" as Excel.ChartType;
      if (s.color) series.format.line.color = `#${s.color}`;
    } else if (s.color) {
      if (kind === "line") series.format.line.color = `#${s.color}`;
      else series.format.fill.setSolidColor(`#${s.color}`);
    }
    s.pointColors?.forEach((c, k) => series.points.getItemAt(k).format.fill.setSolidColor(`#${c}`));
  });
  if (kind !== "pie") {
    if (chart.xTitle) ch.axes.categoryAxis.title.text = chart.xTitle;
    if (chart.yTitle) ch.axes.valueAxis.title.text = chart.yTitle;
  }
  const { r, c, width, height } = chart.at;
  ch.setPosition(a1(r, c), a1(r + Math.max(1, height) - 1, c + Math.max(1, width) - 1));
  return note;
}
