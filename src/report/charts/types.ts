/**
 * Chart descriptions: one plain-data description per chart (its data as a table, series by column, axes, colours by
 * role, caption and data source). Three renderers draw the same description: native Excel charts (src/excel/charts.ts
 * through `nativeChart`), the pane (src/taskpane/charts) and static SVG for the board pack (./svg.ts). No I/O here.
 */

/** How a column's values are shown (the table on demand, axis labels, tooltips, the sheet's number format). */
export type ValueFormat = "currency" | "percentPoints" | "integer" | "decimal" | "text";

/** Colour roles; each renderer maps them to its light or dark palette (./palette.ts). */
export type Tone = "gain" | "loss" | "blue" | "teal" | "orange" | "purple" | "grey" | "fit";

export interface ChartColumn {
  header: string;
  format: ValueFormat;
}

export type ChartCell = string | number | null;

export interface ChartSeriesDescription {
  name: string;
  /** bar: bars/columns by category; point: markers at (x, y); line: a line through (x, y) points in row order. */
  mark: "bar" | "point" | "line";
  /** Column of the x values (point/line on a value x axis). Bars and category lines use the chart's category column. */
  x?: number;
  /** Column of the plotted values. */
  y: number;
  /** Column of the bubble sizes (bubble charts). */
  size?: number;
  tone: Tone;
  /** Bars: gain tone at or above zero, loss tone below (the series tone is then unused). */
  bySign?: boolean;
}

export type ChartKind = "bar" | "column" | "scatter" | "bubble" | "line" | "treemap";

export interface ChartAxis {
  title: string;
  format: ValueFormat;
}

export interface ChartDescription {
  /** Stable id (also names the chart's data table on a sheet). */
  id: string;
  /** bar: horizontal bars (categories down the side); column: vertical; scatter/bubble: value axes; line: by category. */
  kind: ChartKind;
  stacked?: boolean;
  title: string;
  /** What the chart shows, in one or two plain sentences (printed under it). */
  caption: string;
  /** Where the data comes from (table and workbook). */
  source: string;
  /** The text alternative: what a reader would take from the chart, with the key figures. */
  alt: string;
  /** The chart's data: what the table on demand shows and what native charts reference on the sheet. */
  columns: ChartColumn[];
  rows: ChartCell[][];
  /** Column of the category / point labels. */
  category: number;
  series: ChartSeriesDescription[];
  /** Axis along which categories or x values run, and the value axis. */
  xAxis: ChartAxis;
  yAxis: ChartAxis;
  /** Bubble size meaning (bubble charts). */
  sizeLabel?: string;
  /** Treemap: hierarchy columns, outermost first; the first series' y column is the value. */
  path?: number[];
}
