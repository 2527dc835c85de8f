/**
 * The own-sheet registry inside an ExcelJS workbook: a very hidden sheet (REGISTRY_SHEET) listing the sheets
 * the tool wrote (Sheet / Role / Written). Only sheets listed there are ever replaced.
 */
import type ExcelJS from "exceljs";
import { REGISTRY_SHEET, parseRegistry, registryRows, type RegistryEntry } from "../report/registry";
import { cellToCell } from "./values";

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The registry sheet, if the workbook has one. */
export function registryWorksheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  return workbook.worksheets.find((ws) => sameName(ws.name, REGISTRY_SHEET));
}

/** Entries of the registry (empty when there is none). */
export function readRegistry(workbook: ExcelJS.Workbook): RegistryEntry[] {
  const ws = registryWorksheet(workbook);
  if (!ws) return [];
  const rows: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    rows.push(row ? [1, 2, 3].map((c) => cellToCell(row.findCell(c))) : []);
  }
  return parseRegistry(rows);
}

/** The tool's own worksheets: the ones listed in the registry that still exist (names compared case-insensitively). */
export function ownWorksheets(workbook: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  const listed = new Set(readRegistry(workbook).map((e) => e.sheet.toLowerCase()));
  return workbook.worksheets.filter((ws) => listed.has(ws.name.toLowerCase()) && !sameName(ws.name, REGISTRY_SHEET));
}

/** Add a fresh, very hidden registry sheet listing `entries` (any previous registry must have been removed). */
export function addRegistryWorksheet(workbook: ExcelJS.Workbook, entries: RegistryEntry[]): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(REGISTRY_SHEET, { state: "veryHidden" });
  registryRows(entries).forEach((values, i) => {
    const row = ws.getRow(i + 1);
    values.forEach((v, j) => {
      row.getCell(j + 1).value = v;
    });
  });
  return ws;
}
