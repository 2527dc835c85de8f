/**
 * Print setup of every sheet the tool writes, derived from its plan so report builders need not say anything:
 * orientation by the width of the used range, fitted to one page wide, the main table's header row repeated on
 * every page, the used range (tables, cells and charts) as print area, a header naming the workbook (the district's
 * file) and the sheet, a footer with the page number; column widths wide enough for their table headers.
 * Plain data; the .xlsx writer and the Office.js renderer apply it.
 */
import { a1 } from "./names";
import type { CellStyle, NumberFormat, PlanCell, SheetPlan } from "./plan";

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

/** Points a column `chars` characters wide takes at 100% (Calibri 11: 7 px a character and 5 px of padding, 96 px an inch). */
export function columnPoints(chars: number): number {
  return (chars * 7 + 5) * 0.75;
}

/** Width of a Letter page between the margins, in points. */
export function pageWidth(orientation: "portrait" | "landscape"): number {
  return ((orientation === "landscape" ? 11 : 8.5) - PRINT_MARGINS.left - PRINT_MARGINS.right) * 72;
}

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
  // Header cells outside tables (the calculator's, no filter button): every word fits its column; the header wraps (textLayout).
  for (const cell of p.cells)
    if (cell.style === "header" && typeof cell.v === "string") {
      const longest = Math.max(0, ...cell.v.split(/\s+/).map((w) => textWidth(w, "header")));
      widths[cell.c] = Math.max(widths[cell.c] ?? 8.43, Math.ceil(longest) + 1);
    }
  return widths;
}

/** Rows and columns the plan uses (cells, tables with their totals rows, charts), as exclusive bounds. */
export function usedBounds(p: SheetPlan): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const c of p.cells) {
    rows = Math.max(rows, c.r + 1);
    // a long text spills to the right over empty cells or wraps (textLayout); it does not widen the print area
    cols = Math.max(cols, c.c + 1);
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

/** A text cell laid out to stay inside the printed width: wrapped, across `last` (merged with the empty cells to its right) when last > c. */
export interface WrappedCell {
  r: number;
  c: number;
  last: number;
}

/** How a sheet's long texts print: the cells that wrap, and the rows' heights in points with the vertical alignment of their cells. */
export interface TextLayout {
  wrapped: WrappedCell[];
  rows: { r: number; height: number; align: "top" | "bottom" }[];
}

const BOLD: ReadonlySet<CellStyle | undefined> = new Set<CellStyle | undefined>(["title", "subtitle", "header", "label", "total"]);
const SIZE: Partial<Record<CellStyle, number>> = { title: 16, subtitle: 12 };

/** Points per line of wrapped text in a style (Calibri 11: a 15 pt row). */
export function lineHeight(style?: CellStyle): number {
  return Math.ceil(((SIZE[style as CellStyle] ?? 11) * 15) / 11);
}

/**
 * Estimated width of a text in column-width units (Calibri 11's digit width), on the safe side: a character is
 * counted at 0.9 of a digit (Calibri's letters average about 0.85), bold at 0.95, titles and subtitles by their
 * size.
 */
export function textWidth(text: string, style?: CellStyle): number {
  return text.length * ((SIZE[style as CellStyle] ?? 11) / 11) * (BOLD.has(style) ? 0.95 : 0.9);
}

/** Lines a text takes when wrapped at word boundaries in `room` column-width units (a word wider than the room is broken). */
export function wrappedLines(text: string, room: number, style?: CellStyle): number {
  const space = textWidth(" ", style);
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    const w = textWidth(word, style);
    if (used > 0 && used + space + w <= room) {
      used += space + w;
      continue;
    }
    if (used > 0) lines++;
    if (w <= room) used = w;
    else {
      lines += Math.ceil(w / room) - 1;
      used = w - (Math.ceil(w / room) - 1) * room;
    }
  }
  return lines;
}

/** The text a cell shows: its string, or for a formula the longest of its cached text and the texts it can choose. */
export function shownText(cell: PlanCell): string | null {
  if (typeof cell.v === "string") return cell.v;
  if (!cell.f) return null;
  const options = [...cell.f.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replace(/""/g, '"'));
  if (typeof cell.result === "string") options.push(cell.result);
  return options.length ? options.reduce((x, y) => (y.length > x.length ? y : x)) : null;
}

/**
 * Long texts stay inside the printed columns and never run under the next cell: a text wider than its room (its
 * column and the empty columns to its right within the used range) wraps there, merged across those columns, and
 * its row is made tall enough for its lines. A text that fits across empty neighbours is left to spill over them
 * (a header is merged across them).
 * Table cells are left to the writers' table rules. Both writers apply this layout.
 */
export function textLayout(p: SheetPlan, widths: Record<number, number> = effectiveWidths(p)): TextLayout {
  const last = Math.max(1, usedBounds(p).cols) - 1;
  const occupied = new Map<number, number[]>();
  const take = (r: number, c: number) => occupied.set(r, [...(occupied.get(r) ?? []), c]);
  for (const c of p.cells) if ((c.v !== null && c.v !== undefined && c.v !== "") || c.f || c.unlocked) take(c.r, c.c);
  const inTable = (r: number, c: number) => p.tables.some((t) => r >= t.r && r <= t.r + 1 + Math.max(1, t.rows.length) + (t.totals?.length ? 1 : 0) && c >= t.c && c < t.c + t.headers.length);
  for (const t of p.tables) for (let r = t.r; r <= t.r + 1 + Math.max(1, t.rows.length) + (t.totals?.length ? 1 : 0); r++) for (let c = t.c; c < t.c + t.headers.length; c++) take(r, c);
  const room = (from: number, to: number) => {
    let w = 0;
    for (let c = from; c <= to; c++) w += widths[c] ?? 8.43;
    return w - 1;
  };
  const wrapped: WrappedCell[] = [];
  const heights = new Map<number, { height: number; align: "top" | "bottom" }>();
  for (const cell of p.cells) {
    const text = shownText(cell);
    if (text === null || text === "" || inTable(cell.r, cell.c)) continue;
    const width = textWidth(text, cell.style);
    if (width <= room(cell.c, cell.c)) continue;
    const next = Math.min(...(occupied.get(cell.r) ?? []).filter((c) => c > cell.c), Infinity);
    const end = Math.max(cell.c, Math.min(next - 1, last));
    // a header spanning empty cells is merged across them, so its fill and border go under the whole text
    if (width <= room(cell.c, end) && cell.style !== "header") continue;
    wrapped.push({ r: cell.r, c: cell.c, last: end });
    const height = wrappedLines(text, room(cell.c, end), cell.style) * lineHeight(cell.style);
    const row = heights.get(cell.r);
    const align = cell.style === "header" && row?.align !== "top" ? "bottom" : "top";
    heights.set(cell.r, { height: Math.max(height, row?.height ?? 0), align });
  }
  return { wrapped, rows: [...heights].map(([r, x]) => ({ r, ...x })).sort((x, y) => x.r - y.r) };
}
