/**
 * Choosing and shaping the input tables, shared by the Office.js host and the in-memory host (the .xlsx reader in
 * src/xlsx/read.ts applies the same contract): for each contract name an Excel table with that name
 * (case-insensitive, spaces/underscores/hyphens ignored), else a sheet with that name whose first non-empty row is
 * the header. The tool's own sheets are never read as input. Hosts gather the candidates; this decides.
 */
import type { Cell, InputError, RawTable } from "../engine/types";
import { CONTRACT_TABLES, EXTRA_TABLES } from "../engine/tables";
import type { TableStatus } from "./types";

/** Lower case without spaces, underscores and hyphens: "Initiative_Segments" and "InitiativeSegments" both match. */
export function tableKey(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, "");
}

/** A table or sheet that may hold an input table, with what was read from it. */
export interface Candidate {
  kind: "table" | "sheet";
  /** Excel table name (tables) or sheet name. */
  label: string;
  sheet: string;
  /** Values of the table's range or the sheet's used range (header first); null for an empty sheet. */
  values: readonly (readonly unknown[])[] | null;
  /** 0-based position of the range's top-left cell. */
  r: number;
  c: number;
  showHeaders: boolean;
  showTotals: boolean;
  /** Merged areas on the sheet (A1 addresses, e.g. "A4:A5"), when the host can tell; those inside the range are refused. */
  merged?: readonly string[];
}

export interface TablesRead {
  tables: Record<string, RawTable>;
  status: TableStatus[];
  errors: InputError[];
}

/** Every name read: the contract's tables (always reported in status), then the further optional ones. */
export const WANTED_TABLES: readonly string[] = [...CONTRACT_TABLES, ...EXTRA_TABLES];

export function toCell(v: unknown): Cell {
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  // Office.js sends dates as serial numbers; the .xlsx reader and the in-memory host hold Date objects: kept as they are.
  if (v instanceof Date) return v;
  return String(v);
}

function isEmptyRow(row: readonly Cell[]): boolean {
  return row.every((v) => v === null || (typeof v === "string" && v.trim() === ""));
}

/** The candidates a host should read for one contract name (before ownership filtering). */
export function matches(name: string, label: string): boolean {
  return tableKey(name) === tableKey(label);
}

/** Pick and shape the input tables from the candidates; `own` are the tool's sheets (lower case), never input. */
export function assembleTables(candidates: readonly Candidate[], own: ReadonlySet<string>): TablesRead {
  const result: TablesRead = { tables: {}, status: [], errors: [] };
  const always = new Set<string>(CONTRACT_TABLES);
  for (const name of WANTED_TABLES) {
    const list = candidates.filter((c) => matches(name, c.label) && !own.has(c.sheet.toLowerCase()));
    const found = list.filter((c) => c.kind === "table");
    if (found.length > 1) {
      result.errors.push({
        table: name,
        row: null,
        column: null,
        expected: `one table named "${name}"`,
        found: `${found.length} tables: ${found.map((c) => `"${c.label}" on sheet "${c.sheet}"`).join(", ")}`,
      });
    }
    const pick = found[0] ?? list.find((c) => c.kind === "sheet");
    if (!pick) {
      if (always.has(name)) result.status.push({ name, found: false, rows: 0, where: null });
      continue;
    }
    const raw = toRawTable(name, pick, result.errors);
    if (!raw) {
      result.status.push({ name, found: false, rows: 0, where: describe(pick) });
      continue;
    }
    result.tables[name.toLowerCase()] = raw;
    result.status.push({ name, found: true, rows: raw.rows.filter((r) => !isEmptyRow(r)).length, where: describe(pick) });
  }
  return result;
}

function describe(c: Candidate): string {
  return c.kind === "table" ? `table "${c.label}" on sheet "${c.sheet}"` : `sheet "${c.sheet}"`;
}

function toRawTable(name: string, c: Candidate, errors: InputError[]): RawTable | null {
  if (c.values === null) {
    errors.push({ table: name, row: null, column: null, sheet: c.sheet, expected: "a header row followed by data rows", found: `an empty sheet "${c.sheet}"` });
    return null;
  }
  if (!c.showHeaders) {
    errors.push({ table: name, row: null, column: null, sheet: c.sheet, expected: `table "${c.label}" with its header row shown`, found: "the header row hidden" });
    return null;
  }
  const values = c.values.map((row) => row.map(toCell));
  if (c.showTotals) values.pop();
  const headerCells = values.shift() ?? [];
  const headers = headerCells.map((h) => (h === null ? "" : String(h)));
  while (values.length > 0 && isEmptyRow(values[values.length - 1])) values.pop();
  errors.push(...mergedCellErrors(name, c, headers, 1 + values.length + (c.showTotals ? 1 : 0)));
  return { name, headers, rows: values, origin: { sheet: c.sheet, headerRow: c.r + 1, firstColumn: c.c + 1, kind: c.kind } };
}

function parseArea(text: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(text.trim());
  if (!m) return null;
  const col = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [l, t] = [col(m[1]), Number(m[2])];
  const [r, b] = m[3] ? [col(m[3]), Number(m[4])] : [l, t];
  return { top: Math.min(t, b), left: Math.min(l, r), bottom: Math.max(t, b), right: Math.max(l, r) };
}

/**
 * Merged cells inside an input table are refused, one message per merged range (the same as the .xlsx reader): a
 * merged range keeps its value in its first cell only, so the other rows would be read as blank (a merged School ID
 * over two rows would silently drop a row's students).
 */
function mergedCellErrors(name: string, c: Candidate, headers: readonly string[], rows: number): InputError[] {
  const [top, left] = [c.r + 1, c.c + 1];
  const [bottom, right] = [top + rows - 1, left + headers.length - 1];
  const out: InputError[] = [];
  for (const text of c.merged ?? []) {
    const m = parseArea(text);
    if (!m || m.top > bottom || top > m.bottom || m.left > right || left > m.right) continue;
    const area = text.replace(/\$/g, "").toUpperCase();
    out.push({
      table: name,
      row: m.top,
      column: m.left >= left && headers[m.left - left] ? headers[m.left - left] : null,
      cell: area,
      sheet: c.sheet,
      expected: "no merged cells inside an input table (one value in every cell: unmerge the cells and fill each row)",
      found: `the merged range ${area}`,
    });
  }
  return out;
}
