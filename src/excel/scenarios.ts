/// <reference types="office-js" />
import type { ScenarioRecord } from "../host/types";
import { SCENARIO_SHEET, chunkText } from "../report/registry";
import { MAX_REQUEST_BYTES, OP_BYTES } from "./render";
import { asTypedText } from "./text";

/**
 * Named scenarios live in a very hidden sheet (never in document settings): one row per scenario,
 * (Name, Saved At, JSON chunk 1, chunk 2, ...), chunks short enough for Excel's 32,767-character cells.
 * Every text is written with the quote prefix so Excel keeps it exactly (a chunk may start with "-" or "=").
 */
export const SCENARIO_HEADERS = ["Name", "Saved At", "JSON"];

function rowsToRecords(values: unknown[][]): ScenarioRecord[] {
  const out: ScenarioRecord[] = [];
  for (const row of values.slice(1)) {
    const name = row[0] == null ? "" : String(row[0]);
    if (name.trim() === "") continue;
    const json = row
      .slice(2)
      .map((v) => (v == null ? "" : String(v)))
      .join("");
    out.push({ name, savedAt: row[1] == null ? "" : String(row[1]), json });
  }
  return out;
}

async function readSheet(context: Excel.RequestContext): Promise<{ exists: boolean; records: ScenarioRecord[] }> {
  const ws = context.workbook.worksheets.getItemOrNullObject(SCENARIO_SHEET);
  await context.sync();
  if (ws.isNullObject) return { exists: false, records: [] };
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("values");
  await context.sync();
  return { exists: true, records: used.isNullObject ? [] : rowsToRecords(used.values) };
}

export async function listScenarios(context: Excel.RequestContext): Promise<ScenarioRecord[]> {
  return (await readSheet(context)).records;
}

/** Rewrite the scenario sheet with these records, in requests that stay under the payload budget. */
async function writeSheet(context: Excel.RequestContext, exists: boolean, records: ScenarioRecord[]): Promise<void> {
  const sheets = context.workbook.worksheets;
  const ws = exists ? sheets.getItem(SCENARIO_SHEET) : sheets.add(SCENARIO_SHEET);
  if (exists) ws.getRange().clear();
  ws.visibility = "VeryHidden" as Excel.SheetVisibility;
  const rows: string[][] = [SCENARIO_HEADERS, ...records.map((r) => [r.name, r.savedAt, ...chunkText(r.json)])];
  let bytes = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i].map((v) => asTypedText(v, true));
    const size = OP_BYTES + JSON.stringify(row).length;
    if (bytes > 0 && bytes + size > MAX_REQUEST_BYTES) {
      // One sync per ~3.5 MB of scenario text (the request size limit), not per row.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      bytes = 0;
    }
    ws.getRangeByIndexes(i, 0, 1, row.length).values = [row];
    bytes += size;
  }
  await context.sync();
}

/** Save a scenario, replacing one with the same name (case-insensitive). */
export async function saveScenario(context: Excel.RequestContext, record: ScenarioRecord): Promise<void> {
  if (record.name.trim() === "") throw new Error("A scenario needs a name.");
  const { exists, records } = await readSheet(context);
  const same = (r: ScenarioRecord) => r.name.trim().toLowerCase() === record.name.trim().toLowerCase();
  const index = records.findIndex(same);
  const next = records.filter((r) => !same(r));
  next.splice(index >= 0 ? index : next.length, 0, record);
  await writeSheet(context, exists, next);
}

export async function deleteScenario(context: Excel.RequestContext, name: string): Promise<void> {
  const { exists, records } = await readSheet(context);
  if (!exists) return;
  const next = records.filter((r) => r.name.trim().toLowerCase() !== name.trim().toLowerCase());
  if (next.length === records.length) return;
  await writeSheet(context, exists, next);
}
