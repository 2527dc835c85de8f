/** Blank input tables (headers only) built from the input-tables registry (src/engine/tables.ts). */
import { CONTRACT_TABLES, templateHeaders } from "../../../engine/tables";
import type { RawTable, RawTables } from "../../../engine/types";

/** The contract tables' columns, from the input-tables registry. */
export const CONTRACT_COLUMNS: Record<string, string[]> = Object.fromEntries(CONTRACT_TABLES.map((t) => [t, templateHeaders(t)]));

/** Header-only tables for every contract table not in `present` (lower-cased names already in the workbook). */
export function blankTemplates(present: Set<string> = new Set()): RawTables {
  const out: RawTables = {};
  for (const [name, headers] of Object.entries(CONTRACT_COLUMNS)) {
    const key = name.toLowerCase();
    if (present.has(key)) continue;
    const t: RawTable = { name, headers: [...headers], rows: [], origin: { sheet: name, headerRow: 1, firstColumn: 1, kind: "table" } };
    out[key] = t;
  }
  return out;
}

/** The A-ROI input tables, in the order the template inserts them. */
export const INITIATIVE_TABLES = ["Initiatives", "Initiative Segments"] as const;

/** Header-only Initiatives and Initiative Segments tables, leaving out those in `present` (lower-cased names). */
export function initiativesTemplate(present: Set<string> = new Set()): RawTables {
  const all = blankTemplates(present);
  const out: RawTables = {};
  for (const name of INITIATIVE_TABLES) {
    const t = all[name.toLowerCase()];
    if (t) out[name.toLowerCase()] = t;
  }
  return out;
}
