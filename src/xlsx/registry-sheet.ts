/**
 * The tool's ownership facts inside an ExcelJS workbook: the very hidden registry sheet (found through the defined
 * name REGISTRY_NAME) and the `_sfs_own_<mark>` names on the tool's sheets. The rule itself is src/host/ownership.ts.
 */
import type ExcelJS from "exceljs";
import {
  REGISTRY_NAME,
  decideOwnership,
  markName,
  referenceSheet,
  registryRows,
  registrySheetOf,
  type Ownership,
  type RegistryEntry,
  type WorkbookFacts,
} from "../host/ownership";
import { quoteSheet } from "../report/names";
import { cellToCell } from "./values";

interface DefinedNameModel {
  name: string;
  ranges: string[];
}

function definedNames(workbook: ExcelJS.Workbook): { model: DefinedNameModel[] } {
  return workbook.definedNames as unknown as { model: DefinedNameModel[] };
}

/** Workbook-level defined names with the sheet each refers to (null unless exactly one range on one sheet). */
export function namedSheets(workbook: ExcelJS.Workbook): { name: string; sheet: string | null }[] {
  return definedNames(workbook).model.map((d) => ({ name: d.name, sheet: d.ranges.length === 1 ? referenceSheet(d.ranges[0]) : null }));
}

function sheetRows(ws: ExcelJS.Worksheet, cols: number): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    rows.push(row ? Array.from({ length: cols }, (_, c) => cellToCell(row.findCell(c + 1))) : []);
  }
  return rows;
}

/** What ownership is decided from. */
export function workbookFacts(workbook: ExcelJS.Workbook): WorkbookFacts {
  const names = namedSheets(workbook);
  const target = registrySheetOf(names);
  const ws = target === null ? undefined : workbook.worksheets.find((w) => w.name.toLowerCase() === target.toLowerCase());
  return { sheets: workbook.worksheets.map((w) => w.name), names, registryRows: ws ? sheetRows(ws, 4) : null };
}

/** Which sheets of the workbook are the tool's (see src/host/ownership.ts). */
export function workbookOwnership(workbook: ExcelJS.Workbook): Ownership {
  return decideOwnership(workbookFacts(workbook));
}

/** The registry sheet the tool wrote, if the workbook has one. */
export function registryWorksheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  const name = workbookOwnership(workbook).registrySheet;
  return name === null ? undefined : workbook.worksheets.find((ws) => ws.name === name);
}

/** The verified entries of the registry (empty when there is none the tool wrote). */
export function readRegistry(workbook: ExcelJS.Workbook): RegistryEntry[] {
  return workbookOwnership(workbook).own;
}

/** The tool's own worksheets: listed in the registry and carrying their mark. */
export function ownWorksheets(workbook: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  const own = new Set(readRegistry(workbook).map((e) => e.sheet));
  return workbook.worksheets.filter((ws) => own.has(ws.name));
}

/** Remove a workbook-level defined name (all its ranges). */
export function removeDefinedName(workbook: ExcelJS.Workbook, name: string): void {
  const dn = definedNames(workbook);
  const kept = dn.model.filter((d) => d.name.toLowerCase() !== name.toLowerCase());
  if (kept.length !== dn.model.length) dn.model = kept;
}

/** Point the sheet's mark name at its cell A1. */
export function addMark(workbook: ExcelJS.Workbook, sheet: string, mark: string): void {
  workbook.definedNames.add(`${quoteSheet(sheet)}!$A$1`, markName(mark));
}

/**
 * Add a fresh, very hidden registry sheet named `sheetName` listing `entries`, and the defined name that finds it
 * (any previous registry and its name must have been removed). Marks of the entries are added by the caller.
 */
export function addRegistryWorksheet(workbook: ExcelJS.Workbook, sheetName: string, entries: readonly RegistryEntry[]): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(sheetName, { state: "veryHidden" });
  registryRows(entries).forEach((values, i) => {
    const row = ws.getRow(i + 1);
    values.forEach((v, j) => {
      row.getCell(j + 1).value = v;
    });
  });
  removeDefinedName(workbook, REGISTRY_NAME);
  workbook.definedNames.add(`${quoteSheet(sheetName)}!$A$1`, REGISTRY_NAME);
  return ws;
}
