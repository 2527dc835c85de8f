/// <reference types="office-js" />
import type { ScenarioRecord } from "../host/types";
import { SCENARIO_SHEET, chunkText } from "../report/registry";
import { parseAddress } from "./address";
import { readBlocks } from "./chunks";
import { MAX_REQUEST_BYTES, OP_BYTES, TEMP_PREFIX, jsonBytes } from "./limits";
import { asTypedText } from "./text";

/**
 * Named scenarios live in a very hidden sheet (never in document settings): one row per scenario,
 * (Name, Saved At, JSON chunk 1, chunk 2, ...), chunks short enough for Excel's 32,767-character cells.
 * Every text is written with the quote prefix so Excel keeps it exactly (a chunk may start with "-" or "=").
 *
 * Reading goes in pieces of bounded size (Excel on the web refuses responses over 5 MB). Saving writes the whole
 * list to a new sheet first, in requests under the budget (counted in UTF-8 bytes; a row larger than one request is
 * sent a few cells at a time), and only then swaps it for the old sheet in one request: a failure part-way loses
 * no saved scenario.
 */
export const SCENARIO_HEADERS = ["Name", "Saved At", "JSON"];
/** Cells per read request of the scenario sheet. */
export const SCENARIO_READ_CELLS = 20;
const NEW_SHEET = `${TEMP_PREFIX}scenarios`;
const OLD_SHEET = `${TEMP_PREFIX}scenarios old`;

function rowsToRecords(values: readonly (readonly unknown[])[]): ScenarioRecord[] {
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
  used.load("address,rowCount,columnCount");
  await context.sync();
  if (used.isNullObject) return { exists: true, records: [] };
  const at = parseAddress(used.address);
  // A cell may hold 32,767 characters (about 100 KB of JSON): 20 cells per request stay near 2 MB at worst.
  const [values] = await readBlocks(context, [{ sheet: SCENARIO_SHEET, r: at.r, c: at.c, rows: used.rowCount, cols: used.columnCount }], SCENARIO_READ_CELLS);
  // Rows start at the used range's first row; scenarios always start in A1, so the header is its first row.
  return { exists: true, records: rowsToRecords(values) };
}

export async function listScenarios(context: Excel.RequestContext): Promise<ScenarioRecord[]> {
  return (await readSheet(context)).records;
}

/** Queue the rows' writes on `ws`, syncing whenever the next write would pass the request budget. */
async function writeRows(context: Excel.RequestContext, ws: Excel.Worksheet, rows: string[][], limit: number): Promise<void> {
  let bytes = 0;
  const put = async (r: number, c: number, cells: string[]) => {
    const size = OP_BYTES + jsonBytes(cells);
    if (bytes > 0 && bytes + size > limit) {
      // One sync per request-budget of scenario text, not per row.
      await context.sync();
      bytes = 0;
    }
    ws.getRangeByIndexes(r, c, 1, cells.length).values = [cells];
    bytes += size;
  };
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i].map((v) => asTypedText(v, true));
    if (OP_BYTES + jsonBytes(row) <= limit) {
      await put(i, 0, row);
      continue;
    }
    // A row larger than one request: its cells go in groups that fit (one cell is at most ~100 KB).
    let start = 0;
    while (start < row.length) {
      let end = start + 1;
      while (end < row.length && OP_BYTES + jsonBytes(row.slice(start, end + 1)) <= limit) end++;
      await put(i, start, row.slice(start, end));
      start = end;
    }
  }
  await context.sync();
}

/** Delete a sheet if it is there (a very hidden one is made hidden first: Excel refuses to delete it). */
function queueDelete(sheets: Excel.WorksheetCollection, name: string): void {
  const ws = sheets.getItem(name);
  ws.visibility = "Hidden" as Excel.SheetVisibility;
  ws.delete();
}

/** Rewrite the scenario list: a new sheet written in full, then swapped for the old one in one request. */
async function writeSheet(context: Excel.RequestContext, exists: boolean, records: ScenarioRecord[], limit = MAX_REQUEST_BYTES): Promise<void> {
  const sheets = context.workbook.worksheets;
  const stale = [sheets.getItemOrNullObject(NEW_SHEET), sheets.getItemOrNullObject(OLD_SHEET)];
  await context.sync();
  // Left over from an interrupted save: only ever the tool's temporary sheets.
  stale.forEach((ws, i) => {
    if (!ws.isNullObject) queueDelete(sheets, i === 0 ? NEW_SHEET : OLD_SHEET);
  });
  const fresh = sheets.add(NEW_SHEET);
  fresh.visibility = "VeryHidden" as Excel.SheetVisibility;
  try {
    await writeRows(context, fresh, [SCENARIO_HEADERS, ...records.map((r) => [r.name, r.savedAt, ...chunkText(r.json)])], limit);
    if (exists) sheets.getItem(SCENARIO_SHEET).name = OLD_SHEET;
    fresh.name = SCENARIO_SHEET;
    if (exists) queueDelete(sheets, OLD_SHEET);
    await context.sync();
  } catch (err) {
    await restore(context, exists);
    throw err;
  }
}

/** After a failed save: the old list back under its name, the new sheet gone. */
async function restore(context: Excel.RequestContext, existed: boolean): Promise<void> {
  try {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const present = new Set(sheets.items.map((s) => s.name));
    if (existed && present.has(OLD_SHEET)) {
      if (present.has(SCENARIO_SHEET)) queueDelete(sheets, SCENARIO_SHEET);
      const old = sheets.getItem(OLD_SHEET);
      old.name = SCENARIO_SHEET;
      old.visibility = "VeryHidden" as Excel.SheetVisibility;
    } else if (present.has(NEW_SHEET)) queueDelete(sheets, NEW_SHEET);
    await context.sync();
  } catch {
    // The original error is the one to report; a left-over temporary sheet is removed by the next save.
  }
}

/** Save a scenario, replacing one with the same name (case-insensitive). */
export async function saveScenario(context: Excel.RequestContext, record: ScenarioRecord, limit?: number): Promise<void> {
  if (record.name.trim() === "") throw new Error("A scenario needs a name.");
  const { exists, records } = await readSheet(context);
  const same = (r: ScenarioRecord) => r.name.trim().toLowerCase() === record.name.trim().toLowerCase();
  const index = records.findIndex(same);
  const next = records.filter((r) => !same(r));
  next.splice(index >= 0 ? index : next.length, 0, record);
  await writeSheet(context, exists, next, limit);
}

export async function deleteScenario(context: Excel.RequestContext, name: string, limit?: number): Promise<void> {
  const { exists, records } = await readSheet(context);
  if (!exists) return;
  const next = records.filter((r) => r.name.trim().toLowerCase() !== name.trim().toLowerCase());
  if (next.length === records.length) return;
  await writeSheet(context, exists, next, limit);
}
