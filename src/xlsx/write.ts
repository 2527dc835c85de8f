/**
 * Rendering SheetPlans into an ExcelJS workbook, and saving it.
 *
 * - Only the tool's own sheets (listed in the very hidden registry sheet) are removed and replaced; every other
 *   sheet is left as it is. New sheets go after the user's sheets; the registry is rewritten last.
 * - A plan whose name is taken by a user sheet gets another name (uniqueSheetName); table and defined names are
 *   made unique in the workbook (uniqueExcelName). Formulas in the plans follow those renames.
 * - Strings are always written as text. Charts are not written (ExcelJS cannot): see SKIPS_CHARTS.
 * - Saving to a path writes a temporary file in the same folder and renames it, so a failure never leaves a
 *   half-written workbook.
 */
import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { PlanCell, PlanTable, SheetPlan } from "../report/plan";
import { a1, quoteSheet, uniqueExcelName } from "../report/names";
import { effectiveWidths, printSetup, textLayout, usedBounds, type PrintSetup } from "../report/print";
import { REGISTRY_NAME, newRunId, nextRegistry, planReplacement, registrySheetName } from "../host/ownership";
import { renameReferences, type Renames } from "./formula";
import { decodeRange, repairLoadedTables, worksheetTables } from "./loaded-tables";
import { addMark, addRegistryWorksheet, removeDefinedName, workbookOwnership } from "./registry-sheet";
import { StyleCache } from "./styles";
import { planResultToExcel, planValueToExcel } from "./values";

/** ExcelJS cannot write charts: `plan.charts` are left out of .xlsx output (the CLI tells the user). */
export const SKIPS_CHARTS = true;

/** Where the charts are, since this file cannot hold them: a note where each chart would be, and one on the Summary. */
export const CHARTS_NOTE =
  "Charts: this workbook was written by the command line, which cannot draw Excel charts; the tables they plot are on their sheets. " +
  "The School Funding Studio add-in draws them in Excel, and the board pack (sfs report <district.xlsx> --out <board-pack.html>) prints them.";

function chartNotes(plan: SheetPlan): PlanCell[] {
  if (!SKIPS_CHARTS) return [];
  const notes: PlanCell[] = plan.charts.map((ch) => ({ r: ch.at.r, c: ch.at.c, v: `Chart "${ch.title}": drawn here by the add-in in Excel; printed in the board pack (sfs report).`, style: "note" }));
  if (plan.role === "summary") notes.push({ r: usedBounds(plan).rows + 1, c: 0, v: CHARTS_NOTE, style: "note" });
  return notes;
}

/** Excel's sheet size limits (1-based maxima). */
const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

export interface RenderPlansOptions {
  /** Time written into the registry (default: now). */
  now?: Date;
  /** Id of this run in the sheets' marks (default: a fresh random id). */
  runId?: string;
}

export interface RenderPlansResult {
  /** Final sheet names, in plan order. */
  sheets: string[];
  /** Table names that had to change: plan name → name used. */
  tables: Record<string, string>;
  /** Defined names that had to change: plan name → name used. */
  names: Record<string, string>;
  /** What the user should know: a sheet of theirs kept under a name the tool wanted, a registry not obeyed. */
  notes: string[];
}

/** A plan problem the renderer refuses before touching the workbook (a bug in a plan builder, not user input). */
export class PlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlanError";
  }
}

function checkCell(plan: SheetPlan, r: number, c: number, what: string): void {
  if (!Number.isInteger(r) || !Number.isInteger(c) || r < 0 || c < 0 || r >= MAX_ROWS || c >= MAX_COLS) {
    throw new PlanError(`Plan "${plan.name}": ${what} at row ${r}, column ${c} is outside the sheet`);
  }
}

/** Validate every plan before anything is changed, so rendering is all-or-nothing. */
function validatePlans(plans: SheetPlan[]): void {
  for (const plan of plans) {
    for (const cell of plan.cells) checkCell(plan, cell.r, cell.c, "a cell");
    for (const t of plan.tables) {
      checkCell(plan, t.r, t.c, `table "${t.name}"`);
      if (t.headers.length === 0) throw new PlanError(`Plan "${plan.name}": table "${t.name}" has no columns`);
      checkCell(plan, t.r + Math.max(t.rows.length, 1) + (t.totals?.length ? 1 : 0), t.c + t.headers.length - 1, `table "${t.name}"`);
    }
    const boxes = plan.tables.map((t) => ({ name: t.name, top: t.r, left: t.c, bottom: t.r + Math.max(t.rows.length, 1) + (t.totals?.length ? 1 : 0), right: t.c + t.headers.length - 1 }));
    boxes.forEach((a, i) =>
      boxes.slice(i + 1).forEach((b) => {
        if (a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right) {
          throw new PlanError(`Plan "${plan.name}": tables "${a.name}" and "${b.name}" overlap`);
        }
      }),
    );
    for (const n of plan.names ?? []) {
      if (!decodeRange(n.ref)) throw new PlanError(`Plan "${plan.name}": defined name "${n.name}" has a bad reference "${n.ref}"`);
    }
    if (plan.tabColor !== undefined && !/^#?[0-9A-Fa-f]{6}$/.test(plan.tabColor)) {
      throw new PlanError(`Plan "${plan.name}": tab colour "${plan.tabColor}" is not a hex RGB colour`);
    }
  }
}

/** Sheet name of a defined-name range such as "'O''Brien'!$C$5" (unquoted, unescaped), or null. */
function rangeSheet(range: string): string | null {
  const m = /^(?:'((?:[^']|'')*)'|([^'!]*))!/.exec(range);
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? null);
}

/** Remove the workbook-level defined names that point into the given sheets. */
function removeNamesOnSheets(workbook: ExcelJS.Workbook, sheets: Set<string>): void {
  const dn = workbook.definedNames as unknown as { model: { name: string; ranges: string[] }[] };
  const model = dn.model;
  let changed = false;
  const kept = model
    .map((d) => {
      const ranges = d.ranges.filter((r) => {
        const s = rangeSheet(r);
        return s === null || !sheets.has(s.toLowerCase());
      });
      if (ranges.length !== d.ranges.length) changed = true;
      return { name: d.name, ranges };
    })
    .filter((d) => d.ranges.length > 0);
  if (changed) dn.model = kept;
}

/** Names of all tables and defined names in the workbook (one namespace in Excel). */
function takenExcelNames(workbook: ExcelJS.Workbook): Set<string> {
  const taken = new Set<string>();
  for (const ws of workbook.worksheets) for (const t of worksheetTables(ws)) taken.add(t.name);
  const dn = workbook.definedNames as unknown as { model: { name: string }[] };
  for (const d of dn.model) taken.add(d.name);
  return taken;
}

interface Layout {
  sheet: string;
  tables: string[];
  names: string[];
}

/** Protection hashes are slow (100,000 SHA-512 rounds): compute once per password and share. */
class ProtectionCache {
  private readonly hashed = new Map<string, Record<string, unknown>>();

  apply(ws: ExcelJS.Worksheet, password: string): void {
    const options: Partial<ExcelJS.WorksheetProtection> = {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
    };
    const known = this.hashed.get(password);
    const target = ws as unknown as { sheetProtection: Record<string, unknown> | null };
    if (known) {
      target.sheetProtection = { ...known };
      return;
    }
    // Worksheet.protect does its work synchronously inside the promise executor.
    void ws.protect(password, options);
    if (target.sheetProtection) this.hashed.set(password, { ...target.sheetProtection });
  }
}

function writeCell(ws: ExcelJS.Worksheet, cell: PlanCell, styles: StyleCache, renames: Renames): void {
  const target = ws.getRow(cell.r + 1).getCell(cell.c + 1);
  if (cell.f !== undefined && cell.f !== "") {
    const formula = renameReferences(cell.f.replace(/^=/, ""), renames);
    const result = planResultToExcel(cell.result);
    target.value = result === undefined ? { formula } : { formula, result };
  } else {
    target.value = planValueToExcel(cell.v);
  }
  const style = styles.get(cell.style, cell.fmt, cell.unlocked);
  if (style) target.style = style;
}

function uniqueHeaders(headers: string[]): string[] {
  const seen = new Set<string>();
  return headers.map((h, i) => {
    let base = String(h ?? "").replace(/[\r\n]+/g, " ").trim();
    if (base === "") base = `Column${i + 1}`;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base} ${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

function writeTable(ws: ExcelJS.Worksheet, t: PlanTable, name: string, styles: StyleCache): void {
  const headers = uniqueHeaders(t.headers);
  const width = headers.length;
  const rows = t.rows.length > 0 ? t.rows : [new Array<null>(width).fill(null)];
  const totals = new Set((t.totals ?? []).filter((i) => Number.isInteger(i) && i >= 0 && i < width));
  const sums = headers.map((_, j) => {
    let s = 0;
    for (const row of rows) {
      const v = row[j];
      if (typeof v === "number" && Number.isFinite(v)) s += v;
    }
    return Math.round(s * 1e6) / 1e6;
  });
  const columns: ExcelJS.TableColumnProperties[] = headers.map((h, j) => {
    const col: ExcelJS.TableColumnProperties = { name: h, filterButton: true };
    if (totals.size > 0 && j > 0) {
      col.totalsRowFunction = totals.has(j) ? "sum" : "none";
      if (totals.has(j)) (col as { totalsRowResult?: number }).totalsRowResult = sums[j];
    }
    return col;
  });
  if (totals.size > 0 && !totals.has(0)) columns[0].totalsRowLabel = "Total";
  ws.addTable({
    name,
    displayName: name,
    ref: a1(t.r, t.c),
    headerRow: true,
    totalsRow: totals.size > 0,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns,
    rows: rows.map((row) => headers.map((_, j) => planValueToExcel(row[j] ?? null))),
  });
  // Header cells wrap, so a long header takes two or three lines instead of overlapping or being cut.
  const headerRow = ws.getRow(t.r + 1);
  headers.forEach((_, j) => {
    const cell = headerRow.getCell(t.c + 1 + j);
    cell.style = { ...cell.style, alignment: { wrapText: true, vertical: "bottom" } };
  });
  const totalsRowNumber = t.r + 1 + rows.length + 1;
  if (totals.has(0)) {
    // ExcelJS always labels the first column of a totals row; a summed first column is set by hand.
    const tableModel = worksheetTables(ws).find((m) => m.name === name) as unknown as { columns: Record<string, unknown>[] };
    const first = tableModel.columns[0];
    delete first.totalsRowLabel;
    first.totalsRowFunction = "sum";
    ws.getRow(totalsRowNumber).getCell(t.c + 1).value = { formula: `SUBTOTAL(109,${name}[${escapeColumn(headers[0])}])`, result: sums[0] };
  }
  const formats = t.formats ?? [];
  for (let j = 0; j < width; j++) {
    const fmt = formats[j];
    if (!fmt) continue;
    const style = styles.get(undefined, fmt, false);
    if (!style) continue;
    const col = t.c + 1 + j;
    for (let k = 0; k < rows.length; k++) ws.getRow(t.r + 2 + k).getCell(col).style = style;
    if (totals.has(j)) ws.getRow(totalsRowNumber).getCell(col).style = style;
  }
}

/** Escape a column name for a structured reference: ' [ ] # must be preceded by '. */
function escapeColumn(name: string): string {
  return name.replace(/(['[\]#])/g, "'$1");
}

function renderSheet(
  workbook: ExcelJS.Workbook,
  plan: SheetPlan,
  layout: Layout,
  styles: StyleCache,
  protection: ProtectionCache,
  renames: Renames,
): void {
  const freeze = plan.freeze && (plan.freeze.rows > 0 || plan.freeze.cols > 0) ? plan.freeze : undefined;
  const ws = workbook.addWorksheet(layout.sheet, {
    state: plan.hidden ? "hidden" : "visible",
    properties: plan.tabColor ? { tabColor: { argb: "FF" + plan.tabColor.replace(/^#/, "").toUpperCase() } } : undefined,
    views: freeze
      ? [{ state: "frozen", xSplit: Math.max(0, freeze.cols), ySplit: Math.max(0, freeze.rows), topLeftCell: a1(Math.max(0, freeze.rows), Math.max(0, freeze.cols)) }]
      : undefined,
  });
  const widths = effectiveWidths(plan);
  for (const [c, w] of Object.entries(widths)) {
    const col = Number(c);
    // ExcelJS leaves out a column of width exactly 9 (its own default), which Excel then shows at 8.43.
    if (Number.isInteger(col) && col >= 0 && col < MAX_COLS && Number.isFinite(w) && w > 0) ws.getColumn(col + 1).width = w === 9 ? 9.01 : Math.min(w, 255);
  }
  for (const cell of plan.cells) writeCell(ws, cell, styles, renames);
  plan.tables.forEach((t, i) => writeTable(ws, t, layout.tables[i], styles));
  applyTextLayout(ws, plan, widths);
  // A table's text longer than its column (a long school name) wraps onto a second line instead of being cut.
  for (const t of plan.tables)
    t.rows.forEach((row, j) =>
      row.forEach((v, k) => {
        if (typeof v !== "string" || v.length <= (widths[t.c + k] ?? 8.43) - 1) return;
        const cell = ws.getRow(t.r + 2 + j).getCell(t.c + 1 + k);
        cell.style = { ...cell.style, alignment: { ...(cell.style.alignment ?? {}), wrapText: true, vertical: "top" } };
      }),
    );
  for (const cell of chartNotes(plan)) writeCell(ws, cell, styles, renames);
  (plan.names ?? []).forEach((n, i) => {
    const box = decodeRange(n.ref);
    if (!box) return;
    const ref = box.top === box.bottom && box.left === box.right ? a1(box.top - 1, box.left - 1, true) : `${a1(box.top - 1, box.left - 1, true)}:${a1(box.bottom - 1, box.right - 1, true)}`;
    workbook.definedNames.add(`${quoteSheet(layout.sheet)}!${ref}`, layout.names[i]);
  });
  if (!plan.hidden) applyPrint(ws, printSetup(plan));
  if (plan.protect) protection.apply(ws, plan.protect.password ?? "");
}

/**
 * Long texts wrap inside the printed columns (src/report/print.ts textLayout): merged across the empty cells to their
 * right where there are some, in rows tall enough for their lines, the row's cells aligned to the top (header rows
 * to the bottom).
 */
function applyTextLayout(ws: ExcelJS.Worksheet, plan: SheetPlan, widths: Record<number, number>): void {
  const layout = textLayout(plan, widths);
  for (const w of layout.wrapped) {
    if (w.last > w.c) ws.mergeCells(w.r + 1, w.c + 1, w.r + 1, w.last + 1);
    const target = ws.getRow(w.r + 1).getCell(w.c + 1);
    target.style = { ...target.style, alignment: { ...(target.style.alignment ?? {}), wrapText: true } };
  }
  for (const row of layout.rows) {
    ws.getRow(row.r + 1).height = row.height;
    for (const cell of plan.cells) {
      if (cell.r !== row.r) continue;
      const target = ws.getRow(cell.r + 1).getCell(cell.c + 1);
      target.style = { ...target.style, alignment: { ...(target.style.alignment ?? {}), vertical: row.align } };
    }
  }
}

/** Page setup (src/report/print.ts): orientation, one page wide, print area, repeated header row, header and footer. */
function applyPrint(ws: ExcelJS.Worksheet, p: PrintSetup): void {
  ws.pageSetup.orientation = p.orientation;
  ws.pageSetup.fitToPage = true;
  ws.pageSetup.fitToWidth = p.fitWidth;
  ws.pageSetup.fitToHeight = p.fitHeight;
  ws.pageSetup.margins = { ...p.margins };
  // ExcelJS writes these names without doubling a quote in the sheet name ('O'Brien'!…), which Excel rejects:
  // a sheet whose name has an apostrophe prints its whole used range, fitted the same way, without them.
  const quoteSafe = !ws.name.includes("'");
  if (p.area && quoteSafe) ws.pageSetup.printArea = p.area;
  if (p.titleRows && quoteSafe) ws.pageSetup.printTitlesRow = p.titleRows.replace(/\$/g, "");
  ws.headerFooter.oddHeader = p.header;
  ws.headerFooter.oddFooter = p.footer;
}

/** Make sure the workbook opens on a visible sheet. */
function fixActiveTab(workbook: ExcelJS.Workbook): void {
  const sheets = workbook.worksheets;
  const firstVisible = sheets.findIndex((ws) => ws.state === "visible" || ws.state === undefined);
  if (firstVisible < 0) return;
  const views = workbook.views as unknown as ({ activeTab?: number; firstSheet?: number } & Record<string, unknown>)[] | undefined;
  if (!views || views.length === 0) {
    if (firstVisible > 0) {
      workbook.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: firstVisible, activeTab: firstVisible, visibility: "visible" }];
    }
    return;
  }
  const view = views[0];
  const active = view.activeTab ?? 0;
  if (!sheets[active] || (sheets[active].state !== "visible" && sheets[active].state !== undefined)) view.activeTab = firstVisible;
  const first = view.firstSheet ?? 0;
  if (!sheets[first] || (sheets[first].state !== "visible" && sheets[first].state !== undefined)) view.firstSheet = firstVisible;
}

/**
 * Replace the tool's own sheets of `workbook` by the given plans (in memory). User sheets are never touched.
 * Throws PlanError (before changing anything) when a plan is malformed.
 */
export function renderPlans(workbook: ExcelJS.Workbook, plans: SheetPlan[], options: RenderPlansOptions = {}): RenderPlansResult {
  validatePlans(plans);
  const now = options.now ?? new Date();
  repairLoadedTables(workbook);

  // 1. Which own sheets these plans replace (src/host/ownership.ts), and every plan's sheet name. Remove the replaced
  //    sheets, their defined names and the registry. Own sheets of other roles (e.g. A-ROI sheets when
  //    re-allocating) are kept and listed again.
  const sheetNames = workbook.worksheets.map((ws) => ws.name);
  const ownership = workbookOwnership(workbook);
  const rep = planReplacement(ownership, sheetNames, plans);
  const registry = ownership.registrySheet === null ? undefined : workbook.worksheets.find((ws) => ws.name === ownership.registrySheet);
  const removed = new Set(rep.replaced.map((e) => e.sheet.toLowerCase()));
  const old = workbook.worksheets.filter((ws) => removed.has(ws.name.toLowerCase()));
  if (registry) removed.add(registry.name.toLowerCase());
  removeNamesOnSheets(workbook, removed);
  if (ownership.registryNameStale) removeDefinedName(workbook, REGISTRY_NAME);
  for (const ws of old) workbook.removeWorksheet(ws.id);
  if (registry) workbook.removeWorksheet(registry.id);

  // 2. Decide every name first, so formulas can follow renames.
  const takenNames = takenExcelNames(workbook);
  const sheetRenames = new Map<string, string>();
  const nameRenames = new Map<string, string>();
  const result: RenderPlansResult = { sheets: [], tables: {}, names: {}, notes: [...ownership.notes, ...rep.notes] };
  const layouts: Layout[] = plans.map((plan, i) => {
    const sheet = rep.finals[i];
    if (sheet !== plan.name) sheetRenames.set(plan.name, sheet);
    const tables = plan.tables.map((t) => {
      const n = uniqueExcelName(t.name, takenNames);
      if (n !== t.name) {
        nameRenames.set(t.name, n);
        result.tables[t.name] = n;
      }
      return n;
    });
    const names = (plan.names ?? []).map((d) => {
      const n = uniqueExcelName(d.name, takenNames);
      if (n !== d.name) {
        nameRenames.set(d.name, n);
        result.names[d.name] = n;
      }
      return n;
    });
    return { sheet, tables, names };
  });
  // In a plan's formulas its own tables and names come first, then those of the other plans.
  const renamesFor = (plan: SheetPlan, layout: Layout): Renames => {
    const own = new Map(nameRenames);
    plan.tables.forEach((t, i) => own.set(t.name, layout.tables[i]));
    (plan.names ?? []).forEach((d, i) => own.set(d.name, layout.names[i]));
    return { sheets: sheetRenames, names: own };
  };

  // 3. Render, then mark each sheet and write the registry (very hidden, last).
  const styles = new StyleCache();
  const protection = new ProtectionCache();
  const entries = nextRegistry(rep, plans, options.runId ?? newRunId(), now.toISOString());
  plans.forEach((plan, i) => {
    renderSheet(workbook, plan, layouts[i], styles, protection, renamesFor(plan, layouts[i]));
    addMark(workbook, layouts[i].sheet, entries[rep.kept.length + i].mark);
    result.sheets.push(layouts[i].sheet);
  });
  addRegistryWorksheet(workbook, registrySheetName(ownership, workbook.worksheets.map((ws) => ws.name), []), entries);
  fixActiveTab(workbook);
  return result;
}

/** A new, empty workbook with the tool as its author. */
export function newWorkbook(now: Date = new Date()): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "School Funding Studio";
  wb.created = now;
  wb.modified = now;
  return wb;
}

async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  const out = await workbook.xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}

/**
 * Render the plans into `base` (modified in place; a new workbook when absent) and return the .xlsx bytes.
 */
export async function writeWorkbook(plans: SheetPlan[], base?: ExcelJS.Workbook, options: RenderPlansOptions = {}): Promise<Buffer> {
  const workbook = base ?? newWorkbook(options.now);
  renderPlans(workbook, plans, options);
  return toBuffer(workbook);
}

/**
 * Render the plans into `base` (or a new workbook) and save to `file`: the bytes go to a temporary file in the
 * same folder which is then renamed over `file`, so a failure never leaves a half-written workbook.
 */
export async function writeWorkbookFile(file: string, plans: SheetPlan[], base?: ExcelJS.Workbook, options: RenderPlansOptions = {}): Promise<RenderPlansResult> {
  const workbook = base ?? newWorkbook(options.now);
  const result = renderPlans(workbook, plans, options);
  const bytes = await toBuffer(workbook);
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
  return result;
}
