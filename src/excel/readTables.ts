/// <reference types="office-js" />
import type { Cell, InputError, RawTable, RawTables } from "../engine/types";
import type { TableStatus } from "../host/types";
import { REGISTRY_SHEET, SCENARIO_SHEET, parseRegistry } from "../report/registry";
import { parseAddress } from "./address";
import { CONTRACT_TABLES, EXTRA_TABLES } from "../engine/tables";

/**
 * The contract's input tables are always reported in `status`; the further optional inputs (src/engine/tables.ts)
 * are read the same way and reported only when present.
 */
export { CONTRACT_TABLES, EXTRA_TABLES };

/** Lower case without spaces, underscores and hyphens: "Initiative_Segments" and "InitiativeSegments" both match. */
export function tableKey(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, "");
}

export interface ReadResult {
  tables: RawTables;
  status: TableStatus[];
  errors: InputError[];
}

interface Candidate {
  kind: "table" | "sheet";
  /** Excel table name (tables) or sheet name. */
  label: string;
  sheet: string;
  range: Excel.Range;
  showHeaders: boolean;
  showTotals: boolean;
}

function toCell(v: unknown): Cell {
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

function isEmptyRow(row: Cell[]): boolean {
  return row.every((v) => v === null || (typeof v === "string" && v.trim() === ""));
}

/**
 * Read every contract table present in the open workbook: an Excel table with the contract name
 * (case-insensitive, spaces/underscores ignored), else a worksheet with that name whose first non-empty row
 * is the header. Two syncs whatever the number or size of the tables: one to list tables and sheets, one to
 * load every candidate's values and address (plus the registry, so the tool's own sheets are never read
 * as input). Dates arrive as Excel serial numbers and are kept as numbers.
 */
export async function readTables(context: Excel.RequestContext): Promise<ReadResult> {
  const wb = context.workbook;
  const sheets = wb.worksheets;
  sheets.load("items/name");
  const tables = wb.tables;
  tables.load("items/name,items/showHeaders,items/showTotals,items/worksheet/name");
  await context.sync();

  const sheetNames = sheets.items.map((s) => s.name);
  const registryName = sheetNames.find((n) => n.toLowerCase() === REGISTRY_SHEET.toLowerCase());
  const registryRanges: Excel.Range[] = [];
  if (registryName !== undefined) {
    const used = sheets.getItem(registryName).getUsedRangeOrNullObject(true);
    used.load("values");
    registryRanges.push(used);
  }

  const wanted: string[] = [...CONTRACT_TABLES, ...EXTRA_TABLES];
  const candidates = new Map<string, Candidate[]>();
  for (const name of wanted) {
    const key = tableKey(name);
    const list: Candidate[] = [];
    for (const t of tables.items) {
      if (tableKey(t.name) !== key) continue;
      const range = t.getRange();
      range.load("values,address");
      list.push({ kind: "table", label: t.name, sheet: t.worksheet.name, range, showHeaders: t.showHeaders, showTotals: t.showTotals });
    }
    for (const s of sheets.items) {
      if (tableKey(s.name) !== key) continue;
      const range = s.getUsedRangeOrNullObject(true);
      range.load("values,address");
      list.push({ kind: "sheet", label: s.name, sheet: s.name, range, showHeaders: true, showTotals: false });
    }
    candidates.set(name, list);
  }
  await context.sync();

  const own = new Set<string>([REGISTRY_SHEET.toLowerCase(), SCENARIO_SHEET.toLowerCase()]);
  for (const used of registryRanges) {
    if (!used.isNullObject) for (const e of parseRegistry(used.values)) own.add(e.sheet.toLowerCase());
  }

  const result: ReadResult = { tables: {}, status: [], errors: [] };
  const always = new Set<string>(CONTRACT_TABLES);
  for (const name of wanted) {
    const list = (candidates.get(name) ?? []).filter((c) => !own.has(c.sheet.toLowerCase()));
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
  if (c.range.isNullObject) {
    errors.push({ table: name, row: null, column: null, sheet: c.sheet, expected: "a header row followed by data rows", found: `an empty sheet "${c.sheet}"` });
    return null;
  }
  if (!c.showHeaders) {
    errors.push({ table: name, row: null, column: null, sheet: c.sheet, expected: `table "${c.label}" with its header row shown`, found: "the header row hidden" });
    return null;
  }
  const where = parseAddress(c.range.address);
  const values = c.range.values.map((row) => row.map(toCell));
  if (c.showTotals) values.pop();
  const headerCells = values.shift() ?? [];
  const headers = headerCells.map((h) => (h === null ? "" : String(h)));
  while (values.length > 0 && isEmptyRow(values[values.length - 1])) values.pop();
  return {
    name,
    headers,
    rows: values,
    origin: { sheet: c.sheet, headerRow: where.r + 1, firstColumn: where.c + 1, kind: c.kind },
  };
}
