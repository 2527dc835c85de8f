/// <reference types="office-js" />
import type { Cell, RawTable, RawTables } from "../engine/types";
import { normalizeHeader } from "../engine/parse/headers";
import { excelName, uniqueSheetName } from "../report/names";
import { API_SETS, supports, type ExcelEnv } from "./env";
import { NUMBER_FORMATS } from "./formats";
import { TABLE_STYLE } from "./limits";
import { asTypedText, toCellInput } from "./text";

/** Excel table name for a contract table: "Initiative Segments" -> "InitiativeSegments". */
export function contractTableName(name: string): string {
  return excelName(name.replace(/[\s_-]+/g, ""));
}

/** Number format for a column, by its header. */
export function columnFormat(header: string): "currency" | "percent" | null {
  const h = normalizeHeader(header);
  if (h === "schoolshare") return "percent";
  if (/(amount|budget|cost|perpupil)$/.test(h)) return "currency";
  return null;
}

/** Drop-down choices for a column, by its header. */
export function columnChoices(header: string): string[] | null {
  switch (normalizeHeader(header)) {
    case "status":
      return ["Unlocked", "Locked", "Grant"];
    case "type":
      return ["Federal", "State", "Local", "Private", "Other"];
    case "restricted":
    case "titlei":
      return ["Yes", "No"];
    default:
      return null;
  }
}

function cellFor(v: Cell, format: "currency" | "percent" | null): string | number | boolean | null {
  // A percent column may hold 40 for 40% (the contract reads values > 1 as percentages); show it as 40%.
  if (format === "percent" && typeof v === "number" && v > 1) return v / 100;
  return toCellInput(v);
}

/**
 * Create one sheet per input table with a real Excel table named like the contract, currency / percent
 * formats by header and drop-down lists for Status, Type, Restricted and Title I. Never replaces anything:
 * a sheet name already in use gets another name, and an existing table with the same name is an error
 * (thrown before anything is written). Two syncs.
 */
export async function insertTables(context: Excel.RequestContext, raw: RawTables, env: ExcelEnv): Promise<string[]> {
  const wb = context.workbook;
  wb.worksheets.load("items/name");
  wb.tables.load("items/name,items/worksheet/name");
  wb.names.load("items/name");
  await context.sync();
  const taken = new Set(wb.worksheets.items.map((s) => s.name));
  const existingTables = new Map(wb.tables.items.map((t) => [t.name.toLowerCase(), t.worksheet.name]));
  const existingNames = new Set(wb.names.items.map((n) => n.name.toLowerCase()));
  const tables: RawTable[] = Object.values(raw);
  for (const t of tables) {
    const name = contractTableName(t.name);
    const sheet = existingTables.get(name.toLowerCase());
    if (sheet !== undefined) {
      throw new Error(`A table named "${name}" already exists on sheet "${sheet}". Rename or delete it before inserting the "${t.name}" table; nothing was changed.`);
    }
    if (existingNames.has(name.toLowerCase())) {
      throw new Error(`The name "${name}" is already defined in this workbook. Rename or delete it before inserting the "${t.name}" table; nothing was changed.`);
    }
  }
  const validation = supports(env, API_SETS.dataValidation);
  const created: string[] = [];
  for (const t of tables) {
    const sheetName = uniqueSheetName(t.name, taken);
    created.push(sheetName);
    const ws = wb.worksheets.add(sheetName);
    const cols = t.headers.length;
    if (cols === 0) continue;
    const formats = t.headers.map(columnFormat);
    const rows = Math.max(1, t.rows.length);
    const data: (string | number | boolean | null)[][] = [t.headers.map((h) => asTypedText(h))];
    for (let i = 0; i < rows; i++) data.push(t.headers.map((_, c) => cellFor(t.rows[i]?.[c] ?? null, formats[c])));
    ws.getRangeByIndexes(0, 0, rows + 1, cols).values = data;
    formats.forEach((f, c) => {
      if (f) ws.getRangeByIndexes(1, c, rows, 1).numberFormat = Array.from({ length: rows }, () => [NUMBER_FORMATS[f]]);
    });
    const table = ws.tables.add(ws.getRangeByIndexes(0, 0, rows + 1, cols), true);
    table.name = contractTableName(t.name);
    table.style = TABLE_STYLE;
    if (validation) {
      t.headers.forEach((h, c) => {
        const choices = columnChoices(h);
        if (choices) ws.getRangeByIndexes(1, c, rows, 1).dataValidation.rule = { list: { inCellDropDown: true, source: choices.join(",") } };
      });
    }
    ws.getRangeByIndexes(0, 0, 1, cols).format.autofitColumns();
  }
  await context.sync();
  return created;
}
