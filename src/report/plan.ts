/**
 * Sheet plans: the single, renderer-independent description of an output sheet.
 * Plain data only. The ExcelJS writer (src/xlsx), the Office.js host (src/excel) and the
 * browser preview all render the same plans.
 */
import type { ChartDescription } from "./charts/types";

export type NumberFormat = "currency" | "currency0" | "percent" | "percent1" | "percent2" | "integer" | "decimal2" | "decimal4" | "text" | "date";

/** A value written into a cell. Strings are always written as text (never as formulas). */
export type PlanValue = string | number | boolean | null;

export interface PlanCell {
  /** 0-based row within the sheet. */
  r: number;
  /** 0-based column within the sheet. */
  c: number;
  /** A literal value. */
  v?: PlanValue;
  /** An Excel formula without the leading "=", e.g. "SUM(B2:B9)". Only the report layer writes these. */
  f?: string;
  /** Cached result for the formula (so viewers without recalculation show the right number). */
  result?: PlanValue;
  fmt?: NumberFormat;
  style?: CellStyle;
  /** Unlocked for editing when the sheet is protected. */
  unlocked?: boolean;
}

export type CellStyle = "title" | "subtitle" | "header" | "total" | "note" | "input" | "good" | "bad" | "label";

export interface PlanTable {
  /** Excel table name (letters, digits, _; unique in the workbook). */
  name: string;
  /** 0-based top-left (the header row). */
  r: number;
  c: number;
  headers: string[];
  rows: PlanValue[][];
  /** Number format per column (aligned with headers). */
  formats?: (NumberFormat | undefined)[];
  /** Add a totals row that sums these column indexes. */
  totals?: number[];
}

export type ChartKind = "columnClustered" | "barClustered" | "columnStacked" | "barStacked" | "scatter" | "bubble" | "pie" | "line" | "treemap";

export interface ChartSeries {
  name: string;
  /** Ranges on the same sheet, A1 style without sheet name, e.g. "B2:B41". */
  values: string;
  categories?: string;
  /** Bubble sizes (bubble charts). */
  sizes?: string;
  trendline?: "linear";
  /** Fill / line colour, hex RGB without "#" (from the chart description's tone). */
  color?: string;
  /** One colour per point (e.g. gains green, losses red), hex RGB without "#". */
  pointColors?: string[];
  /** Scatter/bubble: draw this series as a line through its points without markers (e.g. a fitted line). */
  line?: boolean;
}

export interface PlanChart {
  kind: ChartKind;
  title: string;
  series: ChartSeries[];
  xTitle?: string;
  yTitle?: string;
  /** Placement, 0-based cell of the top-left corner, and size in columns/rows. */
  at: { r: number; c: number; width: number; height: number };
  /**
   * The chart to draw instead when the host cannot draw this kind (e.g. a treemap needs ExcelApi 1.9: its fallback
   * is stacked bars). A treemap's single series has `categories` spanning the hierarchy columns (outermost first).
   */
  fallback?: PlanChart;
  /** The chart description it was drawn from (src/report/charts): the pane and the preview draw the same chart. */
  description?: ChartDescription;
}

export interface DefinedName {
  name: string;
  /** A1 address on this sheet, e.g. "$C$5". */
  ref: string;
}

export interface SheetPlan {
  /** Desired sheet name (the renderer sanitises and de-duplicates it). */
  name: string;
  /** What the sheet is, e.g. "summary", "matrix", "school-budgets", "school", "input-copy". Own sheets carry this as their marker. */
  role: string;
  cells: PlanCell[];
  tables: PlanTable[];
  charts: PlanChart[];
  /** Column widths in characters, by 0-based column. */
  widths?: Record<number, number>;
  /** Freeze panes above this many rows / left of this many columns. */
  freeze?: { rows: number; cols: number };
  names?: DefinedName[];
  protect?: { password?: string };
  hidden?: boolean;
  /** Tab colour as hex RGB, e.g. "1F6FB2". */
  tabColor?: string;
  /**
   * Page setup choices that differ from the defaults `printSetup` (./print.ts) derives from the plan (orientation
   * from the width of the used range, fit to one page wide, the main table's header row repeated, the used range as
   * print area, header and footer). Every writer applies the derived setup to every visible sheet.
   */
  print?: {
    landscape?: boolean;
    portrait?: boolean;
    /** Kept for plans that asked for it; every sheet is fitted to one page wide anyway. */
    fitToPage?: boolean;
    /** Pages tall to fit into (default 0: as many as needed). */
    fitHeight?: number;
    /** 0-based rows repeated at the top of every page (default: the header row of the largest table). */
    titleRows?: { first: number; last: number } | null;
  };
}
