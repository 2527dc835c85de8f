/**
 * Reading the contract's input tables from an .xlsx file with ExcelJS.
 *
 * Lookup (workbook contract, "Finding a table"): for each name, (1) an Excel table with that name,
 * case-insensitive, also accepting the name without spaces / underscores / hyphens; (2) else a worksheet with
 * that name (same loose match) whose first non-empty row is the header row. The tool's own sheets (listed in
 * the registry) and its hidden helper sheets are never taken as input.
 */
import { promises as fs } from "fs";
import ExcelJS from "exceljs";
import type { Cell, InputError, RawTable, RawTables } from "../engine/types";
import { columnLetter } from "../report/names";
import { repairLoadedTables, tableBox, worksheetTables, type TableModelLike } from "./loaded-tables";
import { toolSheets } from "../host/ownership";
import { workbookOwnership } from "./registry-sheet";
import { cellText, cellToCell } from "./values";
import { INPUT_TABLES } from "../engine/tables";

/** The contract's input table names, in contract order. */
export const DEFAULT_TABLE_NAMES: readonly string[] = Object.freeze([...INPUT_TABLES]);

/** Where an input table was found. */
export interface FoundTable {
  /** Contract name asked for, e.g. "Initiative Segments". */
  name: string;
  kind: "table" | "sheet";
  sheet: string;
  /** Number of data rows read (trailing blank rows not counted). */
  rows: number;
  /** The Excel table's or the worksheet's own name as it is in the file, e.g. "Initiative_Segments". */
  source: string;
  /** Range read, header row included, e.g. "B3:E40" (empty string for an empty sheet). */
  range: string;
}

export type ReadResult =
  | { ok: true; workbook: ExcelJS.Workbook; tables: RawTables; found: FoundTable[] }
  | { ok: false; errors: InputError[] };

export type LoadResult = { ok: true; workbook: ExcelJS.Workbook } | { ok: false; errors: InputError[] };

/** Exact key: trimmed, lower case. */
function exactKey(s: string): string {
  return s.trim().toLowerCase();
}

/** Loose key: lower case without spaces, underscores or hyphens ("Initiative_Segments" = "initiativesegments"). */
export function looseName(s: string): string {
  return s.toLowerCase().replace(/[\s_-]+/g, "");
}

function notWorkbook(found: string): { ok: false; errors: InputError[] } {
  return { ok: false, errors: [{ table: "(workbook)", row: null, column: null, expected: "an Excel workbook (.xlsx)", found }] };
}

/**
 * What a file is when it is not a workbook (null when it may be one: a zip archive, for ExcelJS to judge). Works on
 * plain bytes, so the browser preview gives the same located message as the command line.
 */
export function describeBytes(buf: Uint8Array): string | null {
  if (buf.length === 0) return "an empty file";
  if (buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && (buf[2] === 0x03 || buf[2] === 0x05) && (buf[3] === 0x04 || buf[3] === 0x06)) {
    return null; // a zip archive: let ExcelJS judge
  }
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (buf.length >= 8 && ole.every((b, i) => buf[i] === b)) {
    return "an old-format .xls workbook or a password-protected workbook (save it as an unprotected .xlsx)";
  }
  const head = buf.subarray(0, Math.min(buf.length, 512));
  let printable = 0;
  for (const b of head) if (b === 9 || b === 10 || b === 13 || (b >= 32 && b !== 127)) printable++;
  if (printable / head.length > 0.95) {
    const text = new TextDecoder("utf-8").decode(head);
    if (/^\s*</.test(text)) return "a text file with markup (HTML or XML), not a workbook";
    return /[,;\t]/.test(text.split(/\r?\n/)[0] ?? "") ? "a text file (CSV?), not a workbook" : "a text file, not a workbook";
  }
  return "a file that is not a zip archive";
}

function shortMessage(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.length > 120 ? msg.slice(0, 117) + "..." : msg;
}

/** Load a workbook from bytes or a path; a file that is not a workbook is an error value, never a throw. */
export async function loadWorkbook(input: Buffer | ArrayBuffer | Uint8Array | string): Promise<LoadResult> {
  let buf: Uint8Array;
  if (typeof input === "string") {
    try {
      buf = await fs.readFile(input);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOENT") return notWorkbook(`no file at ${input}`);
      if (code === "EISDIR") return notWorkbook(`a folder, not a file: ${input}`);
      if (code === "EACCES" || code === "EPERM") return notWorkbook(`a file that cannot be read (permission denied): ${input}`);
      return notWorkbook(`a file that cannot be read: ${shortMessage(e)}`);
    }
  } else if (input instanceof ArrayBuffer) {
    buf = new Uint8Array(input);
  } else {
    // A Buffer is a Uint8Array; in the browser there is no Buffer at all.
    buf = input;
  }
  const problem = describeBytes(buf);
  if (problem) return notWorkbook(problem);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch (e) {
    return notWorkbook(`a damaged or unsupported file (${shortMessage(e)})`);
  }
  if (workbook.worksheets.length === 0) return notWorkbook("a zip archive without worksheets");
  repairLoadedTables(workbook);
  return { ok: true, workbook };
}

/** Read the named input tables (default: all contract tables) from a workbook file or its bytes. */
export async function readWorkbook(input: Buffer | ArrayBuffer | Uint8Array | string, names: readonly string[] = DEFAULT_TABLE_NAMES): Promise<ReadResult> {
  const loaded = await loadWorkbook(input);
  if (!loaded.ok) return loaded;
  const { tables, found, errors } = extractTables(loaded.workbook, names);
  if (errors.length) return { ok: false, errors };
  return { ok: true, workbook: loaded.workbook, tables, found };
}

interface Candidate<T> {
  name: string;
  item: T;
}

/** Exact (case-insensitive) match first, then the loose match; first in workbook order wins. */
function pick<T>(wanted: string, candidates: Candidate<T>[]): T | undefined {
  const exact = candidates.find((c) => exactKey(c.name) === exactKey(wanted));
  if (exact) return exact.item;
  const loose = looseName(wanted);
  return candidates.find((c) => looseName(c.name) === loose)?.item;
}

/** Drop trailing rows whose cells are all empty (row numbers of the rows kept do not change). */
function trimTrailing(rows: Cell[][]): Cell[][] {
  let n = rows.length;
  while (n > 0 && rows[n - 1].every((c) => c === null)) n--;
  return n === rows.length ? rows : rows.slice(0, n);
}

function readBlock(ws: ExcelJS.Worksheet, top: number, bottom: number, left: number, right: number): Cell[][] {
  const rows: Cell[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row = ws.findRow(r);
    const values: Cell[] = new Array<Cell>(right - left + 1);
    for (let c = left; c <= right; c++) values[c - left] = row ? cellToCell(row.findCell(c)) : null;
    rows.push(values);
  }
  return rows;
}

function rangeText(top: number, left: number, bottom: number, right: number): string {
  return `${columnLetter(left)}${top}:${columnLetter(right)}${Math.max(bottom, top)}`;
}

function readExcelTable(name: string, ws: ExcelJS.Worksheet, model: TableModelLike): { raw: RawTable; found: FoundTable } | null {
  const box = tableBox(model);
  if (!box) return null;
  const hasHeader = model.headerRow !== false;
  const width = Math.min(box.right - box.left + 1, Math.max(model.columns.length, 1));
  const right = box.left + width - 1;
  let headers: string[];
  if (hasHeader) {
    const row = ws.findRow(box.top);
    headers = Array.from({ length: width }, (_, i) => {
      const t = cellText(cellToCell(row?.findCell(box.left + i)));
      return t !== "" ? t : (model.columns[i]?.name ?? "");
    });
  } else {
    headers = Array.from({ length: width }, (_, i) => model.columns[i]?.name ?? "");
  }
  const firstData = hasHeader ? box.top + 1 : box.top;
  const lastData = box.bottom - (model.totalsRow ? 1 : 0);
  const rows = trimTrailing(readBlock(ws, firstData, lastData, box.left, right));
  const headerRow = firstData - 1;
  return {
    raw: { name, headers, rows, origin: { sheet: ws.name, headerRow, firstColumn: box.left, kind: "table" } },
    found: { name, kind: "table", sheet: ws.name, rows: rows.length, source: model.name, range: rangeText(box.top, box.left, box.bottom, right) },
  };
}

function readSheetTable(name: string, ws: ExcelJS.Worksheet): { raw: RawTable; found: FoundTable } {
  const last = ws.rowCount;
  let headerRow = 0;
  let left = 0;
  let right = 0;
  for (let r = 1; r <= last && headerRow === 0; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    const n = row.cellCount;
    for (let c = 1; c <= n; c++) {
      if (cellToCell(row.findCell(c)) !== null) {
        if (headerRow === 0) {
          headerRow = r;
          left = c;
        }
        right = c;
      }
    }
  }
  if (headerRow === 0) {
    return {
      raw: { name, headers: [], rows: [], origin: { sheet: ws.name, headerRow: 1, firstColumn: 1, kind: "sheet" } },
      found: { name, kind: "sheet", sheet: ws.name, rows: 0, source: ws.name, range: "" },
    };
  }
  const headerCells = readBlock(ws, headerRow, headerRow, left, right)[0];
  const headers = headerCells.map(cellText);
  // Data runs to the last row with any value in the header's columns.
  let bottom = headerRow;
  for (let r = last; r > headerRow; r--) {
    const row = ws.findRow(r);
    if (!row) continue;
    let any = false;
    for (let c = left; c <= right && !any; c++) any = cellToCell(row.findCell(c)) !== null;
    if (any) {
      bottom = r;
      break;
    }
  }
  const rows = readBlock(ws, headerRow + 1, bottom, left, right);
  return {
    raw: { name, headers, rows, origin: { sheet: ws.name, headerRow, firstColumn: left, kind: "sheet" } },
    found: { name, kind: "sheet", sheet: ws.name, rows: rows.length, source: ws.name, range: rangeText(headerRow, left, bottom, right) },
  };
}

/** Merged ranges of a worksheet as boxes (1-based, inclusive), from ExcelJS's merge index (not `ws.model`, which rebuilds the sheet). */
function mergedBoxes(ws: ExcelJS.Worksheet): { text: string; top: number; left: number; bottom: number; right: number }[] {
  const merges = (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number; range?: string }> })._merges ?? {};
  return Object.values(merges).map((m) => ({
    text: `${columnLetter(m.left)}${m.top}:${columnLetter(m.right)}${m.bottom}`,
    top: m.top,
    left: m.left,
    bottom: m.bottom,
    right: m.right,
  }));
}

/**
 * Merged cells inside an input table are refused: a merged range keeps its value in the first cell only, so the
 * other rows would be read as blank (a merged School ID over two rows would silently drop a row's students).
 */
function mergedCellErrors(name: string, found: FoundTable, headers: string[], ws: ExcelJS.Worksheet | undefined): InputError[] {
  if (!ws || found.range === "") return [];
  const box = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(found.range);
  if (!box) return [];
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [top, left, bottom, right] = [Number(box[2]), col(box[1]), Number(box[4]), col(box[3])];
  return mergedBoxes(ws)
    .filter((m) => m.top <= bottom && top <= m.bottom && m.left <= right && left <= m.right)
    .map((m) => ({
      table: name,
      row: m.top,
      column: m.left >= left && m.left - left < headers.length && headers[m.left - left] ? headers[m.left - left] : null,
      cell: m.text,
      sheet: ws.name,
      expected: "no merged cells inside an input table (one value in every cell: unmerge the cells and fill each row)",
      found: `the merged range ${m.text}`,
    }));
}

/**
 * Find and read the named input tables in a loaded workbook. Keys of `tables` are the names lower-cased.
 * Names that are not found are simply absent (the parser reports missing required tables).
 */
export function extractTables(
  workbook: ExcelJS.Workbook,
  names: readonly string[] = DEFAULT_TABLE_NAMES,
): { tables: RawTables; found: FoundTable[]; errors: InputError[] } {
  const own = toolSheets(workbookOwnership(workbook));
  const sheets = workbook.worksheets.filter((ws) => !own.has(ws.name.toLowerCase()));
  const tableCandidates: Candidate<{ ws: ExcelJS.Worksheet; model: TableModelLike }>[] = [];
  for (const ws of sheets) {
    for (const model of worksheetTables(ws)) {
      tableCandidates.push({ name: model.name, item: { ws, model } });
      if (model.displayName && model.displayName !== model.name) tableCandidates.push({ name: model.displayName, item: { ws, model } });
    }
  }
  const sheetCandidates: Candidate<ExcelJS.Worksheet>[] = sheets.map((ws) => ({ name: ws.name, item: ws }));

  const tables: RawTables = {};
  const found: FoundTable[] = [];
  const errors: InputError[] = [];
  for (const name of names) {
    const key = name.toLowerCase();
    if (tables[key]) continue;
    const t = pick(name, tableCandidates);
    let read = t ? readExcelTable(name, t.ws, t.model) : null;
    if (!read) {
      const ws = pick(name, sheetCandidates);
      if (ws) read = readSheetTable(name, ws);
    }
    if (read) {
      tables[key] = read.raw;
      found.push(read.found);
      errors.push(...mergedCellErrors(name, read.found, read.raw.headers, workbook.getWorksheet(read.found.sheet)));
    }
  }
  return { tables, found, errors };
}
