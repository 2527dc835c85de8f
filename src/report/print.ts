/**
 * Print setup of every sheet the tool writes, derived from its plan so report builders need not say anything:
 * orientation by the width of the used range, fitted to one page wide, the main table's header row repeated on
 * every page, the used range (tables, cells and charts) as print area, a header naming the workbook (the district's
 * file) and the sheet, a footer with the page number; column widths wide enough for their table headers.
 * Plain data; the .xlsx writer and the Office.js renderer apply it.
 */
import { a1 } from "./names";
import type { SheetPlan } from "./plan";

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
}

/** Character width of a column that shows its header in full (plus room for the table's filter button). */
export function headerWidth(header: string): number {
  return Math.min(60, Math.ceil(header.length * 1.1) + 4);
}

/** Column widths: the plan's, widened where a table header would not fit (headers never overlap or get cut). */
export function effectiveWidths(p: SheetPlan): Record<number, number> {
  const widths: Record<number, number> = { ...(p.widths ?? {}) };
  for (const t of p.tables) {
    t.headers.forEach((h, k) => {
      const c = t.c + k;
      const need = headerWidth(String(h ?? ""));
      if ((widths[c] ?? 8.43) < need) widths[c] = need;
    });
  }
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
  };
}
