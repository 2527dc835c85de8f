/**
 * The optional `Outcomes` table: school results by year, e.g. proficiency % or growth.
 *
 * | column    | required | meaning                                                        |
 * |-----------|----------|----------------------------------------------------------------|
 * | School ID | yes      | a School ID of the Schools table                               |
 * | Year      | yes      | e.g. 2025 or 2024-25                                           |
 * | Measure   | yes      | e.g. Reading Proficiency %, Math Growth                        |
 * | Value     | yes      | a number (a percentage may be written 62 or 62%, read as 62)   |
 *
 * One value per school, year and measure. Rows whose School ID is blank are skipped. Every problem is a located
 * error, collected in one pass.
 */
import type { RawTables } from "../types";
import { findTable, labelKey, TableReader, type ParseContext, type TableName } from "./headers";
import { readNumeric } from "./values";

export const OUTCOMES_TABLE = "Outcomes" satisfies TableName;

export const OUTCOME_COLUMNS = [
  { name: "School ID", required: true, aliases: ["School"] },
  { name: "Year", required: true, aliases: ["School Year", "Fiscal Year"] },
  { name: "Measure", required: true, aliases: ["Outcome", "Metric"] },
  { name: "Value", required: true, aliases: ["Result", "Score"] },
];

export interface OutcomeRow {
  schoolId: string;
  year: string;
  measure: string;
  value: number;
  sheetRow: number;
}

/** Parse the Outcomes table; null when the workbook has none. */
export function parseOutcomes(raw: RawTables, ctx: ParseContext, schoolIds?: readonly string[]): OutcomeRow[] | null {
  const table = findTable(raw, OUTCOMES_TABLE);
  if (!table) return null;
  const t = new TableReader(OUTCOMES_TABLE, table, OUTCOME_COLUMNS, ctx);
  if (!t.complete) return [];
  const known = schoolIds ? new Map(schoolIds.map((id) => [labelKey(id), id])) : null;
  const c = { id: t.col("School ID"), year: t.col("Year"), measure: t.col("Measure"), value: t.col("Value") };
  const out: OutcomeRow[] = [];
  const seen = new Map<string, number>();
  const measures = new Map<string, string>();
  for (let k = 0; k < t.length; k++) {
    if (t.skipKeyless(k, c.id)) continue;
    const before = ctx.errors.length;
    let schoolId = t.text(k, c.id);
    if (known) {
      const found = known.get(labelKey(schoolId));
      if (found === undefined) t.error(k, c.id, { code: "outcomeSchool" });
      else schoolId = found;
    }
    const year = t.requiredText(k, c.year, { code: "year" });
    const measureText = t.requiredText(k, c.measure, { code: "measure" });
    const n = readNumeric(t.cell(k, c.value));
    if (n === null || n.dollar) t.error(k, c.value, { code: "outcomeValue" });
    if (ctx.errors.length > before) continue;
    const measure = measures.get(labelKey(measureText as string)) ?? (measureText as string);
    measures.set(labelKey(measure), measure);
    const key = `${labelKey(schoolId)}\u0000${labelKey(year as string)}\u0000${labelKey(measure)}`;
    const dup = seen.get(key);
    if (dup !== undefined) {
      t.error(k, c.value, { code: "valueOnce" }, { code: "secondValue", school: schoolId, year: year as string, measure, row: dup });
      continue;
    }
    seen.set(key, t.sheetRow(k));
    const value = (n as { value: number; percent: boolean }).percent ? (n as { value: number }).value * 100 : (n as { value: number }).value;
    out.push({ schoolId, year: year as string, measure, value, sheetRow: t.sheetRow(k) });
  }
  return out;
}
