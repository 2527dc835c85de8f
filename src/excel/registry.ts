/// <reference types="office-js" />
/**
 * The Office.js side of ownership: gather the facts src/host/ownership.ts decides from (sheets, workbook-level
 * names, the registry sheet's rows) and queue the registry and the sheets' marks when writing. ExcelApi 1.7:
 * `NamedItem.formula` (1.7), `names.add` (1.4), `NamedItem.visible` (1.1).
 */
import { REGISTRY_NAME, decideOwnership, markName, referenceSheet, registryRows, registrySheetOf, type Ownership, type RegistryEntry } from "../host/ownership";
import { asTypedText } from "./text";

export interface WorkbookSurvey {
  /** Every sheet's name, in tab order. */
  sheets: string[];
  /** Workbook-level defined names with their formulas ("=Summary!$A$1"). */
  names: { name: string; formula: string }[];
  ownership: Ownership;
}

/**
 * Load the sheets and workbook-level names (in the same request as whatever the caller queued before), then, when
 * the registry name leads to a sheet, that sheet's rows: two syncs at most.
 */
export async function surveyWorkbook(context: Excel.RequestContext): Promise<WorkbookSurvey> {
  const wb = context.workbook;
  wb.worksheets.load("items/name");
  wb.names.load("items/name,items/formula");
  await context.sync();
  const sheets = wb.worksheets.items.map((s) => s.name);
  const names = wb.names.items.map((n) => ({ name: n.name, formula: String(n.formula ?? "") }));
  const named = names.map((n) => ({ name: n.name, sheet: referenceSheet(n.formula) }));
  const target = registrySheetOf(named);
  const actual = target === null ? undefined : sheets.find((s) => s.toLowerCase() === target.toLowerCase());
  let registryRowsRead: unknown[][] | null = null;
  if (actual !== undefined) {
    // Four columns only: a registry is a few hundred bytes a row, far below the response limit.
    const used = wb.worksheets.getItem(actual).getUsedRangeOrNullObject(true);
    used.load("values");
    await context.sync();
    registryRowsRead = used.isNullObject ? [] : used.values.map((row) => row.slice(0, 4));
  }
  return { sheets, names, ownership: decideOwnership({ sheets, names: named, registryRows: registryRowsRead }) };
}

/** Queue (re)writing the registry sheet and, for a new one, the name that finds it. Returns the names added. */
export function queueRegistry(wb: Excel.Workbook, sheet: string, existing: boolean, entries: readonly RegistryEntry[]): string[] {
  const reg = existing ? wb.worksheets.getItem(sheet) : wb.worksheets.add(sheet);
  if (existing) reg.getRange().clear();
  const rows = registryRows(entries).map((row) => row.map((v) => asTypedText(v, true)));
  reg.getRangeByIndexes(0, 0, rows.length, rows[0].length).values = rows;
  reg.visibility = "VeryHidden" as Excel.SheetVisibility;
  if (existing) return [];
  wb.names.add(REGISTRY_NAME, reg.getRange("A1")).visible = false;
  return [REGISTRY_NAME];
}

/** Queue the mark of a sheet the tool just wrote: a hidden workbook-level name pointing at its A1. */
export function queueMark(wb: Excel.Workbook, ws: Excel.Worksheet, mark: string): string {
  const name = markName(mark);
  wb.names.add(name, ws.getRange("A1")).visible = false;
  return name;
}
