/// <reference types="office-js" />
import type { ChartKind, PlanChart } from "../report/plan";
import { a1 } from "../report/names";
import { parseAddress } from "./address";

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
};

/**
 * Queue one native chart on a worksheet: the chart is created from the first series' values, then every
 * series gets its name, values, X values / categories, bubble sizes and linear trendline from the plan.
 * Returns a note when the chart had to be drawn differently (bubble without ExcelApi 1.12, no series).
 */
export function queueChart(ws: Excel.Worksheet, chart: PlanChart, bubbleSupported: boolean): string | null {
  if (chart.series.length === 0) return `Chart "${chart.title}" has no data series and was not drawn.`;
  let note: string | null = null;
  let kind = chart.kind;
  if (kind === "bubble" && !bubbleSupported) {
    kind = "scatter";
    note = `Chart "${chart.title}" is drawn as a scatter chart: bubble charts need ExcelApi 1.12, which this version of Excel does not have.`;
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
  });
  if (kind !== "pie") {
    if (chart.xTitle) ch.axes.categoryAxis.title.text = chart.xTitle;
    if (chart.yTitle) ch.axes.valueAxis.title.text = chart.yTitle;
  }
  const { r, c, width, height } = chart.at;
  ch.setPosition(a1(r, c), a1(r + Math.max(1, height) - 1, c + Math.max(1, width) - 1));
  return note;
}
