/**
 * Helpers shared by the sample and synthetic districts: building RawTables the way a host would
 * return them for a workbook that holds each contract table as an Excel table at A1 of its own sheet.
 */
import { CONTRACT_TABLES } from "../engine/tables";
import type { Cell, RawTable, RawTables } from "../engine/types";

/** Contract table names in the order a workbook shows them. */
export const TABLE_NAMES = CONTRACT_TABLES;

/** The RawTables key of a contract table: its contract name, lower-cased ("initiative segments"). */
export function tableKey(name: string): string {
  return name.toLowerCase();
}

/** A RawTable placed at A1 of a sheet named like the table, read as an Excel table. */
export function rawTable(name: string, headers: string[], rows: Cell[][]): RawTable {
  for (const [i, row] of rows.entries()) {
    if (row.length !== headers.length) {
      throw new Error(`${name} row ${i + 1} has ${row.length} cells for ${headers.length} headers`);
    }
  }
  return { name, headers, rows, origin: { sheet: name, headerRow: 1, firstColumn: 1, kind: "table" } };
}

/** Collect tables into RawTables keyed by lower-cased contract name. */
export function toRawTables(tables: RawTable[]): RawTables {
  const out: RawTables = {};
  for (const t of tables) out[tableKey(t.name)] = t;
  return out;
}

/** Round to a whole number of dollars (half away from zero). */
export function dollars(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

/** Round to a multiple of `step` dollars. */
export function roundTo(x: number, step: number): number {
  return Math.round(x / step) * step;
}
