/**
 * Print setup of every sheet the tool writes, derived from its plan so report builders need not say anything:
 * orientation by the width of the used range, fitted to one page wide, the main table's header row repeated on
 * every page, the used range (tables, cells and charts) as print area, a header naming the workbook (the district's
 * file) and the sheet, a footer with the page number; column widths wide enough for their table headers.
 * Plain data; the .xlsx writer and the Office.js renderer apply it.
 */
import { a1 } from "./names";
import type { NumberFormat, SheetPlan } from "./plan";

export interface PrintSetup {
  orientation: "portrait" | "landscape";
  /** Pages wide / tall to fit into (0 = as many as needed). */
  fitWidth: 1;
  fitHeight: number;
  /** A1 range of the printed part, e.g. "A1:P60"; null for an empty sheet. */
  area: string | null;
  /** Rows repeated at the top of each page, Excel style "$4:$4"; null for none. */
  titleRows: string | null;
  /** Header and footer in Excel's codes: &F file name, &A sheet name, &P page, &N pages. */
  header: string;
  footer: string;
  /** Margins in inches: narrow at the sides (more of the page for the table, so it prints larger). */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
}

export const PRINT_MARGINS = { left: 0.3, right: 0.3, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 };

/**
 * Character width a table column needs for its header: table header rows wrap (both writers), so the longest word
 * (or the whole header when it is short) plus room for the filter button.
 */
export function headerWidth(header: string): number {
  const longest = Math.max(0, ...header.split(/\s+/).map((w) => w.length));
  return Math.min(40, (header.length <= 10 ? header.length : longest) + 2);
}

const COMMAS = (n: number) => Math.max(0, Math.floor((Math.floor(Math.abs(n)).toString().length - 1) / 3));

/** Characters a number takes in a format ("$1,234,567.00", "12.5%", "1,234"). */
export function formattedLength(v: number, fmt: NumberFormat | undefined): number {
  const digits = Math.floor(Math.abs(v)).toString().length;
  const sign = v < 0 ? 1 : 0;
  switch (fmt) {
    case "currency":
      return sign + 1 + digits + COMMAS(v) + 3;
    case "currency0":
      return sign + 1 + digits + COMMAS(v);
    case "percent":
      return sign + Math.floor(Math.abs(v * 100)).toString().length + 1;
    case "percent1":
      return sign + Math.floor(Math.abs(v * 100)).toString().length + 3;
    case "percent2":
      return sign + Math.floor(Math.abs(v * 100)).toString().length + 4;
    case "integer":
      return sign + digits + COMMAS(v);
    case "decimal2":
      return sign + digits + COMMAS(v) + 3;
    case "decimal4":
      return sign + digits + COMMAS(v) + 5;
    default:
      return String(v).length;
  }
}

/**
 * Column widths: number columns of tables fit their longest value (the totals row included) and their header's
 * words; other columns keep the plan's width, widened where a header word would not fit. Headers never overlap or
 * get cut, and no column is wider than its content needs (so sheets print large enough to read).
 */
export function effectiveWidths(p: SheetPlan): Record<number, number> {
  const widths: Record<number, number> = { ...(p.widths ?? {}) };
  const need = new Map<number, number>();
  const text = new Set<number>();
  for (const t of p.tables) {
    t.headers.forEach((h, k) => {
      const c = t.c + k;
      let sum = 0;
      let longest = 0;
      let numbers = 0;
      for (const row of t.rows) {
        const v = row[k];
        if (typeof v === "number" && Number.isFinite(v)) {
          numbers++;
          sum += v;
          longest = Math.max(longest, formattedLength(v, t.formats?.[k]));
        } else if (v !== null && v !== "") text.add(c);
      }
      if (t.totals?.includes(k)) longest = Math.max(longest, formattedLength(sum, t.formats?.[k]));
      need.set(c, Math.max(need.get(c) ?? 0, headerWidth(String(h ?? "")), numbers ? longest + 1 : 0));
    });
  }
  // Number-only columns fit their content; columns holding text keep the plan's width when it is wider.
  for (const [c, w] of need) widths[c] = text.has(c) ? Math.max(widths[c] ?? 8.43, w) : Math.min(60, w);
  return widths;
}

/** Rows and columns the plan uses (cells, tables with their totals rows, charts), as exclusive bounds. */
export function usedBounds(p: SheetPlan): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const c of p.cells) {
    rows = Math.max(rows, c.r + 1);
    // long notes spill to the right over empty cells; they do not widen the print area
    if (!(typeof c.v === "string" && (c.style === "note" || c.style === "title" || c.style === "subtitle"))) cols = Math.max(cols, c.c + 1);
    else cols = Math.max(cols, 1);
  }
  for (const t of p.tables) {
    rows = Math.max(rows, t.r + 1 + Math.max(1, t.rows.length) + (t.totals?.length ? 1 : 0));
    cols = Math.max(cols, t.c + t.headers.length);
  }
  for (const ch of p.charts) {
    rows = Math.max(rows, ch.at.r + Math.max(1, ch.at.height));
    cols = Math.max(cols, ch.at.c + Math.max(1, ch.at.width));
  }
  return { rows, cols };
}

/** The sheet's page setup. */
export function printSetup(p: SheetPlan): PrintSetup {
  const { rows, cols } = usedBounds(p);
  const widths = effectiveWidths(p);
  let chars = 0;
  for (let c = 0; c < cols; c++) chars += widths[c] ?? 8.43;
  const landscape = p.print?.portrait ? false : (p.print?.landscape ?? chars > 95);
  let titleRows: string | null = null;
  const explicit = p.print?.titleRows;
  if (explicit) titleRows = `$${explicit.first + 1}:$${explicit.last + 1}`;
  else if (explicit === undefined && p.tables.length) {
    const main = [...p.tables].sort((x, y) => y.rows.length - x.rows.length || x.r - y.r)[0];
    titleRows = `$${main.r + 1}:$${main.r + 1}`;
  }
  return {
    orientation: landscape ? "landscape" : "portrait",
    fitWidth: 1,
    fitHeight: p.print?.fitHeight ?? 0,
    area: rows > 0 && cols > 0 ? `A1:${a1(rows - 1, cols - 1)}` : null,
    titleRows,
    header: "&L&F&R&A",
    footer: "&LSchool Funding Studio&RPage &P of &N",
    margins: { ...PRINT_MARGINS },
  };
}
