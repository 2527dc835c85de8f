/// <reference types="office-js" />
import type { RenderOptions, RenderResult } from "../host/types";
import type { CellStyle, PlanCell, PlanTable, PlanValue, SheetPlan } from "../report/plan";
import { excelName, sanitizeSheetName, uniqueExcelName, uniqueSheetName } from "../report/names";
import { REGISTRY_SHEET, SCENARIO_SHEET } from "../report/registry";
import { effectiveWidths, printSetup, textLayout, usedBounds } from "../report/print";
import { MARK_PREFIX, REGISTRY_NAME, newRunId, nextRegistry, planReplacement, referenceSheet, registrySheetName, type Ownership, type RegistryEntry, type Replacement } from "../host/ownership";
import { queueMark, queueRegistry, surveyWorkbook, type WorkbookSurvey } from "./registry";
import type { Rect } from "./address";
import { queueChart } from "./charts";
import { API_SETS, supports, type ExcelEnv } from "./env";
import { NUMBER_FORMATS, STYLE_BYTES, applyStyle, widthPoints } from "./formats";
import { groupRects, splitRows } from "./rectangles";
import { rewriteRefs } from "./refs";
import { asTypedText, toCellInput } from "./text";
import { MAX_BLOCK_BYTES, MAX_REQUEST_BYTES, OP_BYTES, TABLE_STYLE, TEMP_PREFIX, jsonBytes } from "./limits";

export interface RenderEnv extends ExcelEnv {
  /** Override the request budget (tests). */
  maxRequestBytes?: number;
}

export interface ExcelRenderResult extends RenderResult {
  /** Things drawn differently than planned, in words for the pane (always present here). */
  notes: string[];
}

/** One queued piece of work on one sheet, with its estimated request size. */
interface Op {
  plan: number;
  bytes: number;
  run(ws: Excel.Worksheet): void;
}

class Cancelled extends Error {}

const key = (r: number, c: number) => `${r},${c}`;

/** Write a 2-D block of values and/or formulas, split into row bands when large. */
function blockOps(plan: number, rect: Rect, data: (string | number | boolean | null)[][], formulas: boolean, out: Op[], blockBytes: number): void {
  const rowBytes = data.map((row) => jsonBytes(row) + 1);
  const bands = splitRows(rect, (r) => rowBytes[r - rect.r], blockBytes);
  for (const band of bands) {
    const slice = data.slice(band.r - rect.r, band.r - rect.r + band.rows);
    const bytes = OP_BYTES + rowBytes.slice(band.r - rect.r, band.r - rect.r + band.rows).reduce((a, b) => a + b, 2);
    out.push({
      plan,
      bytes,
      run: (ws) => {
        const range = ws.getRangeByIndexes(band.r, band.c, band.rows, band.cols);
        if (formulas) range.formulas = slice;
        else range.values = slice;
      },
    });
  }
}

function valueInput(v: PlanValue | undefined): string | number | boolean | null {
  return toCellInput(v === undefined ? null : v);
}

interface Names {
  sheetMap: Map<string, string>;
  tableMap: Map<string, string>;
  /** Largest single block write. */
  blockBytes: number;
}

/** Cells: constants and formulas per rectangle, number formats, styles, unlocked cells. */
function cellOps(plan: number, p: SheetPlan, names: Names, out: Op[]): void {
  const grid = new Map<string, PlanCell>();
  for (const cell of p.cells) grid.set(key(cell.r, cell.c), cell);
  const written = p.cells.filter((c) => c.v !== undefined || c.f !== undefined);
  for (const rect of groupRects(written, 2)) {
    let hasFormula = false;
    const data: (string | number | boolean | null)[][] = [];
    for (let r = rect.r; r < rect.r + rect.rows; r++) {
      const row: (string | number | boolean | null)[] = [];
      for (let c = rect.c; c < rect.c + rect.cols; c++) {
        const cell = grid.get(key(r, c));
        if (cell?.f !== undefined) {
          hasFormula = true;
          row.push("=" + rewriteRefs(cell.f, names.sheetMap, names.tableMap));
        } else row.push(valueInput(cell?.v));
      }
      data.push(row);
    }
    blockOps(plan, rect, data, hasFormula, out, names.blockBytes);
  }
  const formatted = p.cells.filter((c) => c.fmt !== undefined);
  for (const rect of groupRects(formatted, 2)) {
    const data: (string | null)[][] = [];
    for (let r = rect.r; r < rect.r + rect.rows; r++) {
      const row: (string | null)[] = [];
      for (let c = rect.c; c < rect.c + rect.cols; c++) {
        const fmt = grid.get(key(r, c))?.fmt;
        row.push(fmt ? NUMBER_FORMATS[fmt] : null);
      }
      data.push(row);
    }
    const rowBytes = data.map((row) => jsonBytes(row) + 1);
    for (const band of splitRows(rect, (r) => rowBytes[r - rect.r], names.blockBytes)) {
      const slice = data.slice(band.r - rect.r, band.r - rect.r + band.rows);
      out.push({
        plan,
        bytes: OP_BYTES + jsonBytes(slice),
        run: (ws) => {
          ws.getRangeByIndexes(band.r, band.c, band.rows, band.cols).numberFormat = slice;
        },
      });
    }
  }
  const byStyle = new Map<CellStyle, PlanCell[]>();
  for (const cell of p.cells) {
    if (!cell.style) continue;
    const list = byStyle.get(cell.style) ?? [];
    list.push(cell);
    byStyle.set(cell.style, list);
  }
  for (const [style, cells] of byStyle) {
    for (const rect of groupRects(cells, 0)) {
      out.push({ plan, bytes: STYLE_BYTES, run: (ws) => applyStyle(ws.getRangeByIndexes(rect.r, rect.c, rect.rows, rect.cols), style) });
    }
  }
  for (const rect of groupRects(p.cells.filter((c) => c.unlocked), 0)) {
    out.push({
      plan,
      bytes: OP_BYTES,
      run: (ws) => {
        ws.getRangeByIndexes(rect.r, rect.c, rect.rows, rect.cols).format.protection.locked = false;
      },
    });
  }
}

/** Escape a header for use inside a structured reference: [Col], with ' before [ ] # and '. */
function structuredColumn(header: string): string {
  return `[${header.replace(/(['#[\]])/g, "'$1")}]`;
}

/** A real Excel table: header + rows, column formats, the table itself (under its temporary name), totals. */
function tableOps(plan: number, t: PlanTable, tempName: string, out: Op[], blockBytes: number): void {
  const cols = t.headers.length;
  if (cols === 0) return;
  const dataRows = Math.max(1, t.rows.length);
  const data: (string | number | boolean | null)[][] = [t.headers.map((h) => asTypedText(String(h)))];
  for (let i = 0; i < dataRows; i++) {
    const row = t.rows[i] ?? [];
    const out2: (string | number | boolean | null)[] = [];
    for (let c = 0; c < cols; c++) out2.push(valueInput(row[c]));
    data.push(out2);
  }
  blockOps(plan, { r: t.r, c: t.c, rows: data.length, cols }, data, false, out, blockBytes);
  const withTotals = (t.totals?.length ?? 0) > 0;
  (t.formats ?? []).forEach((fmt, i) => {
    if (!fmt || i >= cols) return;
    const rows = dataRows + (withTotals ? 1 : 0);
    const cellBytes = jsonBytes(NUMBER_FORMATS[fmt]) + 3;
    const band = Math.max(1, Math.floor(blockBytes / cellBytes));
    for (let start = 0; start < rows; start += band) {
      const n = Math.min(band, rows - start);
      const column = Array.from({ length: n }, () => [NUMBER_FORMATS[fmt]]);
      out.push({
        plan,
        bytes: OP_BYTES + n * cellBytes,
        run: (ws) => {
          ws.getRangeByIndexes(t.r + 1 + start, t.c + i, n, 1).numberFormat = column;
        },
      });
    }
  });
  const totalsRow: (string | null)[] = [];
  if (withTotals) {
    for (let c = 0; c < cols; c++) {
      if (t.totals?.includes(c)) totalsRow.push(`=SUBTOTAL(109,${structuredColumn(t.headers[c])})`);
      else totalsRow.push(c === 0 ? "Total" : null);
    }
  }
  out.push({
    plan,
    bytes: OP_BYTES * 4 + jsonBytes(totalsRow),
    run: (ws) => {
      const table = ws.tables.add(ws.getRangeByIndexes(t.r, t.c, 1 + dataRows, cols), true);
      table.name = tempName;
      table.style = TABLE_STYLE;
      if (withTotals) {
        table.showTotals = true;
        ws.getRangeByIndexes(t.r + 1 + dataRows, t.c, 1, cols).formulas = [totalsRow];
      }
    },
  });
}

/** Charts, column widths, freeze panes, tab colour, visibility, page layout. */
function sheetOps(plan: number, p: SheetPlan, env: RenderEnv, notes: string[], out: Op[]): void {
  chartOps(plan, p, env, notes, out);
  columnOps(plan, p, out);
  textOps(plan, p, out);
  const freeze = p.freeze;
  if (freeze && (freeze.rows > 0 || freeze.cols > 0)) {
    out.push({
      plan,
      bytes: OP_BYTES,
      run: (ws) => {
        if (freeze.rows > 0 && freeze.cols > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, freeze.rows, freeze.cols));
        else if (freeze.rows > 0) ws.freezePanes.freezeRows(freeze.rows);
        else ws.freezePanes.freezeColumns(freeze.cols);
      },
    });
  }
  const tab = p.tabColor;
  // Page layout is ExcelApi 1.9: without it the sheets are written unchanged and capabilities() says so.
  const print = !p.hidden && supports(env, API_SETS.pageLayout) ? printSetup(p) : undefined;
  if (tab || p.hidden || print) {
    out.push({
      plan,
      bytes: OP_BYTES * 12,
      run: (ws) => {
        if (tab) ws.tabColor = tab.startsWith("#") ? tab : `#${tab}`;
        if (p.hidden) ws.visibility = "Hidden" as Excel.SheetVisibility;
        if (print) setPageLayout(ws, print);
      },
    });
  }
}

/** One op per chart; a chart the host cannot draw leaves a note naming the sheet. */
function chartOps(plan: number, p: SheetPlan, env: RenderEnv, notes: string[], out: Op[]): void {
  const bubble = supports(env, API_SETS.bubble);
  for (const chart of p.charts) {
    out.push({
      plan,
      bytes: OP_BYTES * (6 + 6 * chart.series.length + chart.series.reduce((n, x) => n + (x.pointColors?.length ?? 0), 0)),
      run: (ws) => {
        const note = queueChart(ws, chart, bubble);
        if (note) notes.push(`${note} (sheet "${p.name}")`);
      },
    });
  }
}

/** Wrapped table header rows and the column widths. */
function columnOps(plan: number, p: SheetPlan, out: Op[]): void {
  if (p.tables.length > 0) {
    // Table header rows wrap (as in the .xlsx writer): long headers take more lines, never overlap.
    out.push({
      plan,
      bytes: OP_BYTES * p.tables.length,
      run: (ws) => {
        for (const t of p.tables) ws.getRangeByIndexes(t.r, t.c, 1, t.headers.length).format.wrapText = true;
      },
    });
  }
  const widths = Object.entries(effectiveWidths(p));
  if (widths.length > 0) {
    out.push({
      plan,
      bytes: OP_BYTES * widths.length,
      run: (ws) => {
        for (const [col, chars] of widths) ws.getRangeByIndexes(0, Number(col), 1, 1).format.columnWidth = widthPoints(chars);
      },
    });
  }
}

/**
 * Long texts wrap inside the printed columns, as in the .xlsx writer (src/report/print.ts textLayout); runs of
 * consecutive rows alike go out as one range (merged row by row).
 */
function textOps(plan: number, p: SheetPlan, out: Op[]): void {
  const text = textLayout(p);
  const wraps = runs(text.wrapped, (x, y) => x.c === y.c && x.last === y.last);
  const rows = runs(text.rows, (x, y) => x.height === y.height && x.align === y.align);
  if (wraps.length > 0 || rows.length > 0) {
    const cols = Math.max(1, usedBounds(p).cols);
    out.push({
      plan,
      bytes: OP_BYTES * (wraps.length + rows.length),
      run: (ws) => {
        for (const { first: w, count } of wraps) {
          const range = ws.getRangeByIndexes(w.r, w.c, count, w.last - w.c + 1);
          if (w.last > w.c) range.merge(true);
          range.format.wrapText = true;
        }
        for (const { first: row, count } of rows) {
          const range = ws.getRangeByIndexes(row.r, 0, count, cols);
          range.format.rowHeight = row.height;
          range.format.verticalAlignment = (row.align === "top" ? "Top" : "Bottom") as Excel.VerticalAlignment;
        }
      },
    });
  }
}

/**
 * Orientation, fit to pages, print area, margins (inches to points), title rows, headers and footers. Page layout is
 * ExcelApi 1.9: called only once the caller has checked it.
 */
function setPageLayout(ws: Excel.Worksheet, print: NonNullable<ReturnType<typeof printSetup>>): void {
  const layout = ws.pageLayout;
  layout.orientation = (print.orientation === "landscape" ? "Landscape" : "Portrait") as Excel.PageOrientation;
  layout.zoom = { horizontalFitToPages: print.fitWidth, verticalFitToPages: print.fitHeight };
  if (print.area) layout.setPrintArea(print.area);
  const m = print.margins;
  layout.leftMargin = m.left * 72;
  layout.rightMargin = m.right * 72;
  layout.topMargin = m.top * 72;
  layout.bottomMargin = m.bottom * 72;
  layout.headerMargin = m.header * 72;
  layout.footerMargin = m.footer * 72;
  if (print.titleRows) layout.setPrintTitleRows(print.titleRows);
  const all = layout.headersFooters.defaultForAllPages;
  all.leftHeader = "&F";
  all.rightHeader = "&A";
  all.leftFooter = "School Funding Studio";
  all.rightFooter = "Page &P of &N";
}

/** Runs of items on consecutive rows that `same` says are alike (items sorted by row, at most one per row and kind). */
function runs<T extends { r: number }>(items: T[], same: (x: T, y: T) => boolean): { first: T; count: number }[] {
  const out: { first: T; count: number }[] = [];
  for (const x of [...items].sort((a, b) => a.r - b.r)) {
    const last = out[out.length - 1];
    if (last && last.first.r + last.count === x.r && same(last.first, x)) last.count++;
    else out.push({ first: x, count: 1 });
  }
  return out;
}

/**
 * Render sheet plans into the open workbook, all-or-nothing.
 *
 * 1. survey: one sync lists sheets, tables and names (a second reads the registry, when there is one); which
 *    sheets are the tool's and which the plans replace is decided by src/host/ownership.ts.
 * 2. writeTemporarySheets: every plan is written to a new sheet under a temporary name ("~sfs 1"...), its tables
 *    under temporary names; cells go out as 2-D blocks per rectangle. Work is queued across sheets and synced once
 *    per batch of about 3.5 MB (estimated in UTF-8 bytes), with calculation suspended. Cancellation is checked and
 *    progress reported between batches.
 * 3. swap: only when everything is written, in one request: the replaced own sheets and their tables are parked
 *    under temporary names, the new sheets and tables get their final names (a user's sheet is never replaced: ours
 *    becomes "Summary (2)" and a note says so), defined names, marks and protection are applied, the registry is
 *    rewritten (very hidden), and the old sheets are deleted as the very last actions.
 * On cancel or error the temporary sheets are deleted and the workbook is left as it was; a swap request that
 * failed part-way is undone (old sheets, tables, names and registry put back).
 */
export async function renderPlans(context: Excel.RequestContext, plans: SheetPlan[], options: RenderOptions, env: RenderEnv): Promise<ExcelRenderResult> {
  if (options.signal?.aborted) return { sheets: [], cancelled: true, notes: [] };
  let layout: Layout;
  try {
    layout = planLayout(plans, await survey(context));
  } catch (err) {
    throw new RenderError(`Reading the workbook before writing the report failed (${message(err)}); nothing was changed.`);
  }
  const notes = [...layout.notes];
  const created: string[] = [];
  try {
    const ws = await writeTemporarySheets(context, plans, layout, options, env, notes, created);
    if (options.signal?.aborted) throw new Cancelled();
    await swap(context, plans, layout, ws, env, notes);
  } catch (err) {
    if (err instanceof RenderError) throw err;
    const cleanup = await deleteSheets(context, created);
    if (err instanceof Cancelled) {
      if (cleanup) throw new RenderError(`Writing was cancelled, but the temporary sheets could not all be removed: ${cleanup}`);
      return { sheets: [], cancelled: true, notes };
    }
    throw new RenderError(
      `Writing the report sheets failed (${message(err)}). The workbook was left as it was; the temporary sheets were removed` +
        (cleanup ? `, except that removing them also failed: ${cleanup}` : "."),
    );
  }
  options.onProgress?.({ done: plans.length, total: plans.length, label: "Done" });
  return { sheets: layout.finals, cancelled: false, notes };
}

/** A render failure already explained in words for the user. */
export class RenderError extends Error {}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

interface Survey extends WorkbookSurvey {
  tables: { name: string; sheet: string }[];
}

/** What is in the workbook: sheets, tables, names and which sheets are the tool's (two syncs at most). */
async function survey(context: Excel.RequestContext): Promise<Survey> {
  const tables = context.workbook.tables;
  tables.load("items/name,items/worksheet/name");
  const found = await surveyWorkbook(context);
  return { ...found, tables: tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })) };
}

/** Every name a render uses, decided before anything is written. */
interface Layout {
  rep: Replacement;
  ownership: Ownership;
  /** Sheets being replaced, lower case. */
  replaced: Set<string>;
  lowerExisting: Map<string, string>;
  finals: string[];
  temps: string[];
  tableFinal: string[][];
  tableTemp: string[][];
  sheetMap: Map<string, string>;
  tableMap: Map<string, string>;
  tables: { name: string; sheet: string }[];
  /** Names removed at the swap (they point into replaced sheets, or are a registry name the tool did not write). */
  stale: { name: string; formula: string }[];
  /** Table and defined names in use after the swap. */
  tableTaken: Set<string>;
  /** Every sheet, table and name in use while writing (temporary names avoid them). */
  allSheets: Set<string>;
  everyName: Set<string>;
  registrySheet: string;
  notes: string[];
}

function planLayout(plans: SheetPlan[], s: Survey): Layout {
  const ownership = s.ownership;
  const rep = planReplacement(ownership, s.sheets, plans);
  const replaced = new Set(rep.replaced.map((e) => e.sheet.toLowerCase()));
  const finals = rep.finals;
  const registrySheet = registrySheetName(ownership, s.sheets, finals);
  const allSheets = new Set([...s.sheets, ...finals, REGISTRY_SHEET, SCENARIO_SHEET, registrySheet]);
  const temps = plans.map((_, i) => uniqueSheetName(`${TEMP_PREFIX}${i + 1}`, allSheets));
  // Removed at the swap: names into replaced sheets, a registry name the tool did not write, and marks of sheets the
  // user deleted (Excel leaves them as =#REF!).
  const stale = s.names.filter((n) => {
    const sheet = referenceSheet(n.formula);
    const lower = n.name.toLowerCase();
    if (sheet === null) return lower.startsWith(MARK_PREFIX);
    return replaced.has(sheet.toLowerCase()) || (ownership.registryNameStale && lower === REGISTRY_NAME);
  });
  const staleLower = new Set(stale.map((n) => n.name.toLowerCase()));
  const keptDefined = s.names.map((n) => n.name).filter((n) => !staleLower.has(n.toLowerCase()));
  const tableTaken = new Set([...s.tables.filter((t) => !replaced.has(t.sheet.toLowerCase())).map((t) => t.name), ...keptDefined]);
  const everyName = new Set([...s.tables.map((t) => t.name), ...s.names.map((n) => n.name)]);
  const tableMap = new Map<string, string>();
  const tableFinal = plans.map((p) => p.tables.map((t) => uniqueExcelName(t.name, tableTaken)));
  const tableTemp = plans.map((p, i) =>
    p.tables.map((t) => {
      const tmp = uniqueExcelName(`sfs_tmp_${i + 1}_${excelName(t.name)}`, everyName);
      tableMap.set(t.name.toLowerCase(), tmp);
      return tmp;
    }),
  );
  const sheetMap = new Map<string, string>();
  plans.forEach((p, i) => {
    sheetMap.set(p.name.toLowerCase(), temps[i]);
    sheetMap.set(sanitizeSheetName(p.name).toLowerCase(), temps[i]);
  });
  const lowerExisting = new Map(s.sheets.map((n) => [n.toLowerCase(), n]));
  const notes = [...ownership.notes, ...rep.notes];
  return { rep, ownership, replaced, lowerExisting, finals, temps, tableFinal, tableTemp, sheetMap, tableMap, tables: s.tables, stale, tableTaken, allSheets, everyName, registrySheet, notes };
}

/** Queue every sheet's work: all tables first (so formulas can refer to any of them), then cells and sheet settings. */
function queueOps(plans: SheetPlan[], layout: Layout, env: RenderEnv, notes: string[], blockBytes: number): Op[] {
  const ops: Op[] = [];
  plans.forEach((p, i) => p.tables.forEach((t, k) => tableOps(i, t, layout.tableTemp[i][k], ops, blockBytes)));
  plans.forEach((p, i) => {
    cellOps(i, p, { sheetMap: layout.sheetMap, tableMap: layout.tableMap, blockBytes }, ops);
    sheetOps(i, p, env, notes, ops);
  });
  return ops;
}

/**
 * Write every plan to its temporary sheet in batches under the request budget; `created` lists the temporary
 * sheets (for the cleanup on failure). Throws Cancelled when the signal fires between batches.
 */
async function writeTemporarySheets(
  context: Excel.RequestContext,
  plans: SheetPlan[],
  layout: Layout,
  options: RenderOptions,
  env: RenderEnv,
  notes: string[],
  created: string[],
): Promise<Excel.Worksheet[]> {
  const limit = env.maxRequestBytes ?? MAX_REQUEST_BYTES;
  const ops = queueOps(plans, layout, env, notes, Math.min(MAX_BLOCK_BYTES, Math.floor(limit / 4)));
  const lastOp = new Array<number>(plans.length).fill(-1);
  ops.forEach((op, k) => (lastOp[op.plan] = k));
  const screen = supports(env, API_SETS.screenUpdating);
  const ws: Excel.Worksheet[] = [];
  let queuedBytes = 0;
  let queuedOps = 0;
  let firstBatch = true;
  const flush = async (upTo: number) => {
    if (queuedOps === 0) return;
    await context.sync();
    queuedBytes = 0;
    queuedOps = 0;
    // A sheet is done when its last queued operation has been sent (tables go first, cells after).
    options.onProgress?.({ done: lastOp.filter((k) => k <= upTo).length, total: plans.length, label: "Writing sheets" });
    if (options.signal?.aborted) throw new Cancelled();
  };
  const queue = async (bytes: number, upTo: number, run: () => void) => {
    if (queuedOps > 0 && queuedBytes + bytes > limit) await flush(upTo);
    if (queuedOps === 0) {
      context.application.suspendApiCalculationUntilNextSync();
      if (firstBatch && screen) context.application.suspendScreenUpdatingUntilNextSync();
      firstBatch = false;
    }
    run();
    queuedBytes += bytes;
    queuedOps++;
  };
  // Create every temporary sheet up front (cheap), so cross-sheet formulas always find their target.
  for (let i = 0; i < plans.length; i++) {
    await queue(OP_BYTES, -1, () => {
      ws[i] = context.workbook.worksheets.add(layout.temps[i]);
      created.push(layout.temps[i]);
    });
  }
  for (let k = 0; k < ops.length; k++) await queue(ops[k].bytes, k - 1, () => ops[k].run(ws[ops[k].plan]));
  await flush(ops.length - 1);
  return ws;
}

/**
 * The swap, in one request. Everything reversible comes first: the old sheets and their tables are parked under
 * temporary names, the new ones take their final names, names/marks/protection/registry are written; the old sheets
 * are deleted as the very last actions. If the request fails, undoSwap puts things back and a RenderError is thrown.
 */
async function swap(context: Excel.RequestContext, plans: SheetPlan[], layout: Layout, ws: Excel.Worksheet[], env: RenderEnv, notes: string[]): Promise<void> {
  const wb = context.workbook;
  const parkedNames = new Set([...layout.allSheets, ...layout.temps]);
  const parkedTables = new Set([...layout.everyName, ...layout.tableTemp.flat()]);
  const oldSheets = layout.rep.replaced.map((e, k) => ({
    name: e.sheet,
    proxy: wb.worksheets.getItem(e.sheet),
    parked: uniqueSheetName(`${TEMP_PREFIX}old ${k + 1}`, parkedNames),
  }));
  const oldTables = layout.tables
    .filter((t) => layout.replaced.has(t.sheet.toLowerCase()))
    .map((t, k) => ({ name: t.name, sheet: t.sheet, proxy: wb.tables.getItem(t.name), parked: uniqueExcelName(`sfs_old_${k + 1}`, parkedTables) }));
  const registryExists = layout.ownership.registrySheet !== null;
  const state: SwapState = { oldSheets, oldTables, stale: layout.stale, added: [], newSheets: ws, registryName: layout.registrySheet, registryExists, registry: layout.ownership.own };
  try {
    if (supports(env, API_SETS.screenUpdating)) context.application.suspendScreenUpdatingUntilNextSync();
    for (const o of oldSheets) o.proxy.name = o.parked;
    for (const o of oldTables) o.proxy.name = o.parked;
    for (const n of state.stale) wb.names.getItem(n.name).delete();
    plans.forEach((p, i) => {
      ws[i].name = layout.finals[i];
      p.tables.forEach((_, k) => {
        ws[i].tables.getItem(layout.tableTemp[i][k]).name = layout.tableFinal[i][k];
      });
    });
    state.added = queueNames(wb, plans, ws, layout.finals, new Set([...layout.tableTaken, ...layout.tableFinal.flat()]), notes);
    plans.forEach((p, i) => {
      if (p.protect) ws[i].protection.protect({ allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true, allowSort: true }, p.protect.password);
    });
    const entries = nextRegistry(layout.rep, plans, newRunId(), env.now().toISOString());
    plans.forEach((_, i) => state.added.push(queueMark(wb, ws[i], entries[layout.rep.kept.length + i].mark)));
    state.added.push(...queueRegistry(wb, layout.registrySheet, registryExists, entries));
    const firstVisible = plans.findIndex((p) => !p.hidden);
    if (firstVisible >= 0) ws[firstVisible].activate();
    for (const o of oldSheets) o.proxy.delete();
    await context.sync();
  } catch (err) {
    const undo = await undoSwap(context, state);
    throw new RenderError(
      `Writing the report sheets failed (${message(err)}). ` +
        (undo ? `Putting the previous report sheets back also failed (${undo}); check the workbook.` : "The workbook was left as it was; the new sheets were removed."),
    );
  }
}

/**
 * Defined names, added after the renames with Range references. A name used by exactly one plan and free in
 * the workbook is workbook-level; one used by several plans, or already taken by the user, is sheet-level.
 */
function queueNames(wb: Excel.Workbook, plans: SheetPlan[], ws: Excel.Worksheet[], finals: string[], taken: Set<string>, notes: string[]): string[] {
  const added: string[] = [];
  const lowerTaken = new Set(Array.from(taken, (n) => n.toLowerCase()));
  const count = new Map<string, number>();
  for (const p of plans) for (const n of p.names ?? []) count.set(excelName(n.name).toLowerCase(), (count.get(excelName(n.name).toLowerCase()) ?? 0) + 1);
  plans.forEach((p, i) => {
    for (const dn of p.names ?? []) {
      const name = excelName(dn.name);
      const lower = name.toLowerCase();
      const range = ws[i].getRange(dn.ref.replace(/\$/g, ""));
      if ((count.get(lower) ?? 0) === 1 && !lowerTaken.has(lower)) {
        wb.names.add(name, range);
        lowerTaken.add(lower);
        added.push(name);
      } else if (lowerTaken.has(lower) && (count.get(lower) ?? 0) === 1) {
        notes.push(`The name "${name}" is already used in this workbook; it is defined on sheet "${finals[i]}" only.`);
        ws[i].names.add(name, range);
      } else {
        ws[i].names.add(name, range);
      }
    }
  });
  return added;
}

interface SwapState {
  oldSheets: { name: string; proxy: Excel.Worksheet; parked: string }[];
  oldTables: { name: string; sheet: string; proxy: Excel.Table; parked: string }[];
  stale: { name: string; formula: string }[];
  added: string[];
  newSheets: Excel.Worksheet[];
  registryName: string;
  registryExists: boolean;
  registry: RegistryEntry[];
}

/**
 * Undo a swap request that failed part-way (Office.js applies the actions before the failing one): delete
 * the new sheets, give the parked old sheets and tables their names back, restore deleted names and the
 * registry. Excel refuses to delete a very hidden sheet, so a registry sheet this swap created is made
 * visible first. Returns an error message, or null when everything was put back.
 */
async function undoSwap(context: Excel.RequestContext, s: SwapState): Promise<string | null> {
  try {
    const wb = context.workbook;
    wb.worksheets.load("items/name");
    wb.names.load("items/name");
    await context.sync();
    const present = new Set(wb.worksheets.items.map((w) => w.name.toLowerCase()));
    const names = new Set(wb.names.items.map((n) => n.name.toLowerCase()));
    for (const w of s.newSheets) w.delete();
    for (const o of s.oldSheets) if (present.has(o.parked.toLowerCase())) o.proxy.name = o.name;
    for (const o of s.oldTables) {
      const home = s.oldSheets.find((x) => x.name.toLowerCase() === o.sheet.toLowerCase());
      if (home && (present.has(home.parked.toLowerCase()) || present.has(home.name.toLowerCase()))) o.proxy.name = o.name;
    }
    for (const n of s.added) {
      if (names.delete(n.toLowerCase())) wb.names.getItem(n).delete();
    }
    for (const n of s.stale) {
      // A mark of a sheet the user deleted (=#REF!) points nowhere: nothing to put back.
      if (names.has(n.name.toLowerCase()) || referenceSheet(n.formula) === null) continue;
      const item = wb.names.add(n.name, n.formula);
      if (n.name.toLowerCase().startsWith(MARK_PREFIX) || n.name.toLowerCase() === REGISTRY_NAME) item.visible = false;
    }
    if (s.registryExists) queueRegistry(wb, s.registryName, true, s.registry);
    else if (present.has(s.registryName.toLowerCase())) {
      const reg = wb.worksheets.getItem(s.registryName);
      reg.visibility = "Visible" as Excel.SheetVisibility;
      reg.delete();
    }
    await context.sync();
    return null;
  } catch (e) {
    return message(e);
  }
}

/** Delete the given sheets if they exist; returns an error message, or null when all went well. */
async function deleteSheets(context: Excel.RequestContext, names: string[]): Promise<string | null> {
  if (names.length === 0) return null;
  try {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/visibility");
    await context.sync();
    const wantGone = new Set(names.map((n) => n.toLowerCase()));
    let any = false;
    for (const s of sheets.items) {
      if (wantGone.has(s.name.toLowerCase())) {
        // Excel refuses to delete a very hidden sheet.
        if (s.visibility === "VeryHidden") s.visibility = "Hidden" as Excel.SheetVisibility;
        s.delete();
        any = true;
      }
    }
    if (any) await context.sync();
    return null;
  } catch (e) {
    return message(e);
  }
}
