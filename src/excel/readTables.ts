/// <reference types="office-js" />
import type { InputError, RawTables } from "../engine/types";
import type { TableStatus } from "../host/types";
import { toolSheets } from "../host/ownership";
import { WANTED_TABLES, assembleTables, matches, tableKey, type Candidate } from "../host/tables";
import { CONTRACT_TABLES, EXTRA_TABLES } from "../engine/tables";
import { parseAddress } from "./address";
import { readBlocks } from "./chunks";
import { API_SETS, supports, type ExcelEnv } from "./env";
import { surveyWorkbook } from "./registry";

/**
 * The contract's input tables are always reported in `status`; the further optional inputs (src/engine/tables.ts)
 * are read the same way and reported only when present.
 */
export { CONTRACT_TABLES, EXTRA_TABLES, tableKey };

export interface ReadResult {
  tables: RawTables;
  status: TableStatus[];
  errors: InputError[];
}

interface Located {
  kind: "table" | "sheet";
  label: string;
  sheet: string;
  range: Excel.Range;
  merged: Excel.RangeAreas | null;
  showHeaders: boolean;
  showTotals: boolean;
}

/**
 * Read every contract table present in the open workbook: an Excel table with the contract name
 * (case-insensitive, spaces/underscores ignored), else a worksheet with that name whose first non-empty row
 * is the header (the choice is src/host/tables.ts, the same for every host). The tool's own sheets
 * (src/host/ownership.ts) are never read as input. Requests: one to list tables, sheets and names (and one for
 * the registry when there is one), one for the candidates' addresses and sizes, one for their merged cells (ExcelApi
 * 1.13; older Excel reads a merged cell as its first cell's value with blanks below), then the values in pieces of at most READ_CELLS cells, so no response nears Excel's 5 MB limit. Dates arrive
 * as Excel serial numbers and are kept as numbers.
 */
export async function readTables(context: Excel.RequestContext, env?: ExcelEnv): Promise<ReadResult> {
  const wb = context.workbook;
  wb.tables.load("items/name,items/showHeaders,items/showTotals,items/worksheet/name");
  const { ownership } = await surveyWorkbook(context);
  const own = toolSheets(ownership);
  const wanted = (label: string) => WANTED_TABLES.some((n) => matches(n, label));
  // Merged areas need ExcelApi 1.13; older Excel reads merged cells as they are (the top-left cell holds the value).
  const mergedAreas = env ? supports(env, API_SETS.mergedAreas) : false;
  const located: Located[] = [];
  const locate = (kind: Located["kind"], label: string, sheet: string, range: Excel.Range, showHeaders: boolean, showTotals: boolean) => {
    range.load("address,rowCount,columnCount");
    located.push({ kind, label, sheet, range, merged: null, showHeaders, showTotals });
  };
  for (const t of wb.tables.items) {
    if (wanted(t.name) && !own.has(t.worksheet.name.toLowerCase())) locate("table", t.name, t.worksheet.name, t.getRange(), t.showHeaders, t.showTotals);
  }
  for (const s of wb.worksheets.items) {
    if (wanted(s.name) && !own.has(s.name.toLowerCase())) locate("sheet", s.name, s.name, s.getUsedRangeOrNullObject(true), true, false);
  }
  await context.sync();

  const present = located.filter((l) => !l.range.isNullObject);
  if (mergedAreas && present.length > 0) {
    // Asked only of ranges that exist (an empty sheet's used range is a null object).
    for (const l of present) {
      l.merged = l.range.getMergedAreasOrNullObject();
      l.merged.load("address");
    }
    await context.sync();
  }
  const blocks = present.map((l) => {
    const at = parseAddress(l.range.address);
    return { sheet: l.sheet, r: at.r, c: at.c, rows: l.range.rowCount, cols: l.range.columnCount };
  });
  const values = await readBlocks(context, blocks);
  const candidates: Candidate[] = located.map((l) => {
    const i = present.indexOf(l);
    const block = blocks[i];
    const merged = mergedAreas && l.merged && !l.merged.isNullObject ? splitAreas(l.merged.address) : [];
    return { kind: l.kind, label: l.label, sheet: l.sheet, values: i < 0 ? null : values[i], r: block?.r ?? 0, c: block?.c ?? 0, showHeaders: l.showHeaders, showTotals: l.showTotals, merged };
  });
  return assembleTables(candidates, own);
}

/** "Sheet1!A4:A5, Sheet1!C2:D2" → ["A4:A5", "C2:D2"]. */
function splitAreas(address: string): string[] {
  return address
    .split(/,\s*/)
    .map((a) => a.slice(a.lastIndexOf("!") + 1).replace(/\$/g, ""))
    .filter((a) => a !== "");
}
