/**
 * Access to Excel tables (ListObjects) of a workbook, and repair of what ExcelJS 4.4.0 gets wrong when it
 * LOADS a table written by Excel:
 *
 * - Excel leaves out `headerRowCount` when the table has its (default) header row. ExcelJS reads the missing
 *   attribute as "no header row" (`headerRow: false`) and, if the workbook is saved again, writes
 *   `headerRowCount="0"`, turning the user's header row into data.
 * - Excel writes a bare `<autoFilter ref=…/>` when every filter button shows. ExcelJS reads that as
 *   "no button" and, on save, hides every filter button of the user's table.
 * - A table without filter buttons has no `<autoFilter>` at all; ExcelJS would save an `<autoFilter>` without a ref.
 *
 * `repairLoadedTables` puts the loaded models back to what Excel meant, so that reading sees the right header
 * row and saving leaves the user's tables as they were. It is idempotent.
 */
import type ExcelJS from "exceljs";
import { columnLetter as letters } from "../report/names";
import { cellText, cellToCell } from "./values";

/** The subset of ExcelJS's internal table model used here (the `table.model` object). */
export interface TableModelLike {
  name: string;
  displayName?: string;
  /** Full range (header … totals) once validated or loaded, e.g. "B3:E9". */
  tableRef?: string;
  /** Top-left cell given to addTable (tables created in memory). */
  ref?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  autoFilterRef?: string;
  columns: { name: string; filterButton?: boolean; customFilters?: unknown[] }[];
  rows?: unknown[][];
}

/** A decoded A1 range, 1-based, inclusive. */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Decode "B3:E9" or "B3" (absolute markers allowed); null if it is not an A1 range. */
export function decodeRange(ref: string): Box | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return null;
  const c1 = colNumber(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] ? colNumber(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  if (r1 < 1 || r2 < 1) return null;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

/** The tables of a worksheet with their models (works for loaded tables and for tables added in memory). */
export function worksheetTables(ws: ExcelJS.Worksheet): TableModelLike[] {
  const tables = (ws as unknown as { tables?: Record<string, { model?: TableModelLike; table?: TableModelLike }> }).tables;
  if (!tables) return [];
  const out: TableModelLike[] = [];
  for (const t of Object.values(tables)) {
    const model = t.model ?? t.table;
    if (model && typeof model.name === "string" && Array.isArray(model.columns)) out.push(model);
  }
  return out;
}

/** The full range of a table (header through totals row). */
export function tableBox(model: TableModelLike): Box | null {
  if (model.tableRef) return decodeRange(model.tableRef);
  if (model.ref) {
    const tl = decodeRange(model.ref);
    if (!tl) return null;
    const height = (model.rows?.length ?? 0) + (model.headerRow === false ? 0 : 1) + (model.totalsRow ? 1 : 0);
    return { top: tl.top, left: tl.left, bottom: tl.top + Math.max(height, 1) - 1, right: tl.left + model.columns.length - 1 };
  }
  return null;
}

function norm(s: string): string {
  return s.trim().toLowerCase();
}

/** True when the first row of the table's range holds exactly the column names (i.e. it is the header row). */
export function firstRowIsHeader(ws: ExcelJS.Worksheet, model: TableModelLike, box: Box): boolean {
  const row = ws.findRow(box.top);
  if (!row || model.columns.length === 0) return false;
  return model.columns.every((col, i) => norm(cellText(cellToCell(row.findCell(box.left + i)))) === norm(col.name ?? ""));
}

/** Fix loaded table models (see the file comment). Returns how many tables were changed. */
export function repairLoadedTables(workbook: ExcelJS.Workbook): number {
  let changed = 0;
  for (const ws of workbook.worksheets) {
    for (const model of worksheetTables(ws)) {
      // Tables added in memory (addTable) carry their top-left `ref`; only loaded ones need repair.
      if (model.ref !== undefined) continue;
      const box = tableBox(model);
      if (!box) continue;
      let touched = false;
      if (model.headerRow !== true && firstRowIsHeader(ws, model, box)) {
        model.headerRow = true;
        touched = true;
      }
      if (model.headerRow) {
        if (!model.autoFilterRef) {
          // No <autoFilter> in the file: the user switched the filter buttons off. Keep them off.
          const last = box.bottom - (model.totalsRow ? 1 : 0);
          model.autoFilterRef = `${letters(box.left)}${box.top}:${letters(box.right)}${Math.max(last, box.top)}`;
          for (const c of model.columns) c.filterButton = false;
          touched = true;
        } else {
          for (const c of model.columns) {
            if (c.filterButton === undefined || (c.filterButton === false && Array.isArray(c.customFilters) && c.customFilters.length > 0)) {
              c.filterButton = true;
              touched = true;
            }
          }
        }
      }
      if (touched) changed++;
    }
  }
  return changed;
}

