/**
 * Writes input RawTables (the sample district, a synthetic district, or any other) to an .xlsx the way
 * a district would keep them: an "About" sheet first, then one sheet per table holding a real Excel
 * table (ListObject) at A1, with $ and % number formats, drop-down lists for Status / Type / Yes-No
 * columns, column widths and a frozen header row. The output is byte-stable for the same tables.
 */
import { writeFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Cell, RawTable, RawTables } from "../src/engine/types";
import { columnLetter, excelName } from "../src/report/names";
import { TABLE_NAMES } from "../src/sample/tables";

/** A fixed timestamp so that the same tables always give the same bytes. */
export const FIXED_DATE = new Date(Date.UTC(2026, 0, 1, 0, 0, 0));

export interface WriteOptions {
  /** Title on the About sheet. */
  title?: string;
  /** Paragraphs on the About sheet, before the list of tables. */
  about?: string[];
}

const CURRENCY = '"$"#,##0';
const CURRENCY_CENTS = '"$"#,##0.00';
const COUNT = "#,##0";
const DECIMAL = "0.00";

const STATUS_LIST = ["Unlocked", "Locked", "Grant"];
const TYPE_LIST = ["Federal", "State", "Local", "Private", "Other"];
const YES_NO = ["Yes", "No"];

/** Header normalisation of the workbook contract: case-insensitive, ignoring spaces, _, - and a trailing %/($). */
export function normalizeHeader(h: string): string {
  return h
    .toLowerCase()
    .replace(/\(\$\)\s*$|%\s*$/, "")
    .replace(/[\s_-]+/g, "");
}

const CURRENCY_HEADERS = new Set(["currentbudget", "minimumbudget", "prioryearbalance", "normbudget", "amount", "directcost", "indirectcost", "cost", "perpupil"]);
const PERCENT_HEADERS = new Set(["schoolshare"]);
const COUNT_HEADERS = new Set(["students", "staffhours", "studentsserved"]);
const DECIMAL_HEADERS = new Set(["weight", "learninggain"]);
const POLICY_CURRENCY = new Set(["foundationperschool", "baseamount"]);
const POLICY_PERCENT = new Set(["holdharmless", "gaincap", "phasein"]);

function percentFormat(value: Cell): string {
  return typeof value === "number" && Number.isInteger(Math.round(value * 1e6) / 1e4) ? "0%" : "0.0%";
}

/** The number format of one cell, or null for none. */
function numberFormat(table: RawTable, header: string, row: Cell[], value: Cell): string | null {
  if (typeof value !== "number") return null;
  const key = normalizeHeader(header);
  const tableKey = normalizeHeader(table.name);
  if (tableKey === "policy" && key === "value") {
    const setting = normalizeHeader(String(row[0] ?? ""));
    if (POLICY_CURRENCY.has(setting)) return CURRENCY;
    if (POLICY_PERCENT.has(setting)) return percentFormat(value);
    return null;
  }
  if (key === "hourlycost") return CURRENCY_CENTS;
  if (CURRENCY_HEADERS.has(key)) return Number.isInteger(value) ? CURRENCY : CURRENCY_CENTS;
  if (PERCENT_HEADERS.has(key)) return percentFormat(value);
  // Attendance rates are given to two decimals of a percent (91.25%): show what was given.
  if (key === "attendancerate") return Number.isInteger(Math.round(value * 1e6) / 1e3) ? "0.0%" : "0.00%";
  if (DECIMAL_HEADERS.has(key)) return DECIMAL;
  if (key === "yearopened") return "0";
  if (COUNT_HEADERS.has(key)) return COUNT;
  // Need counts: every other numeric column of Enrollment.
  if (tableKey === "enrollment" && key !== "schoolid" && key !== "level") return COUNT;
  return null;
}

/** Drop-down choices for a column, or null. */
function listFor(table: RawTable, col: number): string[] | null {
  const key = normalizeHeader(table.headers[col] ?? "");
  if (key === "status") return STATUS_LIST;
  if (key === "type" && normalizeHeader(table.name) === "revenue") return TYPE_LIST;
  const values = table.rows.map((r) => r[col]).filter((v) => v !== null && v !== "");
  const yesNo = values.length > 0 && values.every((v) => typeof v === "string" && /^(yes|no)$/i.test(v));
  if (key === "restricted" || key === "titlei" || yesNo) return YES_NO;
  return null;
}

function displayLength(value: Cell, format: string | null): number {
  if (value === null) return 0;
  if (typeof value === "number") {
    const digits = Math.abs(value) >= 1 ? Math.floor(Math.log10(Math.abs(value))) + 1 : 1;
    // Digits, group separators, "$" and decimals.
    return digits + Math.floor((digits - 1) / 3) + (format?.includes("$") ? 1 : 0) + (format?.includes(".00") ? 3 : 0) + 1;
  }
  return String(value).length;
}

function aboutLines(raw: RawTables, options: WriteOptions): string[] {
  const lines = [
    ...(options.about ?? [
      "This workbook holds the inputs of a school funding model: each table below is an Excel table on its own sheet.",
    ]),
    "",
    "Tables in this workbook:",
  ];
  for (const table of orderedTables(raw)) {
    const rows = table.rows.length;
    lines.push(`  ${table.name}: ${rows} row${rows === 1 ? "" : "s"} (sheet "${table.origin.sheet}", table "${tableName(table)}")`);
  }
  lines.push(
    "",
    "Edit the tables freely: add rows at the bottom of a table, add your own columns, change numbers.",
    "School Funding Studio reads these tables and never changes them. It writes its results to its own",
    "sheets (Summary, Matrix, School Budgets and one sheet per school) and replaces only those on a re-run.",
  );
  return lines;
}

/** Contract tables first in contract order, then any other tables in their given order. */
function orderedTables(raw: RawTables): RawTable[] {
  const all = Object.values(raw);
  const rank = (t: RawTable): number => {
    const i = TABLE_NAMES.findIndex((n) => n.toLowerCase() === t.name.toLowerCase());
    return i < 0 ? TABLE_NAMES.length : i;
  };
  return all.map((t, i) => ({ t, i })).sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i).map((x) => x.t);
}

/** The Excel table name of a RawTable: its name without spaces ("Initiative Segments" -> "InitiativeSegments"). */
export function tableName(table: RawTable): string {
  return excelName(table.name.replace(/\s+/g, ""));
}

function cellValue(value: Cell): ExcelJS.CellValue {
  return value === null ? null : value;
}

/**
 * Add one data validation for a whole range. ExcelJS keeps validations per address in
 * `worksheet.dataValidations` (not in its typings); a range key is written as one sqref, whereas
 * per-cell validations are merged by an optimiser that sorts addresses as text (B10 before B2) and
 * can emit overlapping ranges.
 */
function addValidation(ws: ExcelJS.Worksheet, range: string, validation: ExcelJS.DataValidation): void {
  const holder = ws as unknown as { dataValidations?: { add(address: string, v: ExcelJS.DataValidation): void } };
  if (!holder.dataValidations) throw new Error("this ExcelJS version has no worksheet.dataValidations");
  holder.dataValidations.add(range, validation);
}

/** Build the workbook in memory. */
export function buildInputWorkbook(raw: RawTables, options: WriteOptions = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "School Funding Studio";
  wb.lastModifiedBy = "School Funding Studio";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;

  const about = wb.addWorksheet("About", { properties: { tabColor: { argb: "FF2F5597" } } });
  about.getColumn(1).width = 110;
  about.getCell("A1").value = options.title ?? "School Funding Studio: input workbook";
  about.getCell("A1").font = { bold: true, size: 14 };
  aboutLines(raw, options).forEach((line, i) => {
    about.getCell(i + 3, 1).value = line;
  });

  for (const table of orderedTables(raw)) {
    const ws = wb.addWorksheet(table.origin.sheet, { views: [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }] });
    const rows = table.rows.length > 0 ? table.rows : [table.headers.map(() => null)];
    ws.addTable({
      name: tableName(table),
      displayName: tableName(table),
      ref: "A1",
      headerRow: true,
      totalsRow: false,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: table.headers.map((h) => ({ name: h, filterButton: true })),
      rows: rows.map((r) => r.map(cellValue)),
    });

    table.headers.forEach((header, c) => {
      const col = c + 1;
      let width = header.length + 4;
      rows.forEach((row, r) => {
        const value = row[c] ?? null;
        const format = numberFormat(table, header, row, value);
        if (format) ws.getCell(r + 2, col).numFmt = format;
        width = Math.max(width, displayLength(value, format) + 2);
      });
      ws.getColumn(col).width = Math.min(Math.max(width, 8), 48);

      const list = listFor(table, c);
      const key = normalizeHeader(header);
      const range = `${columnLetter(col)}2:${columnLetter(col)}${rows.length + 1}`;
      if (list) {
        addValidation(ws, range, {
          type: "list",
          allowBlank: true,
          formulae: [`"${list.join(",")}"`],
          showErrorMessage: true,
          errorTitle: header,
          error: `Choose one of: ${list.join(", ")}`,
        });
      } else if (key === "importance" || key === "effectiveness") {
        addValidation(ws, range, {
          type: "whole",
          operator: "between",
          allowBlank: true,
          formulae: [1, 5],
          showErrorMessage: true,
          errorTitle: header,
          error: "A rating from 1 to 5",
        });
      }
    });
    if (normalizeHeader(table.name) === "policy") {
      table.rows.forEach((row, r) => {
        if (normalizeHeader(String(row[0] ?? "")) === "rounding") {
          addValidation(ws, `B${r + 2}`, { type: "list", allowBlank: true, formulae: ['"cent,dollar"'] });
        }
      });
    }
    // Wrap long text (e.g. Schools lists of initiatives) instead of widening the column without end.
    table.headers.forEach((_, c) => {
      if ((ws.getColumn(c + 1).width ?? 0) >= 48) ws.getColumn(c + 1).alignment = { wrapText: true, vertical: "top" };
    });
  }
  return wb;
}

/** Re-pack a zip with fixed file dates so that equal content gives equal bytes. */
async function stableZip(buffer: Buffer | ArrayBuffer): Promise<Buffer> {
  const src = await JSZip.loadAsync(buffer);
  const out = new JSZip();
  for (const name of Object.keys(src.files)) {
    const entry = src.files[name];
    if (!entry || entry.dir) continue;
    out.file(name, await entry.async("uint8array"), { date: FIXED_DATE, createFolders: false });
  }
  return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/** The workbook as .xlsx bytes. */
export async function inputWorkbookBuffer(raw: RawTables, options: WriteOptions = {}): Promise<Buffer> {
  const wb = buildInputWorkbook(raw, options);
  const buffer = await wb.xlsx.writeBuffer();
  return stableZip(buffer as ArrayBuffer);
}

/** Write the tables to an .xlsx file at `path`. */
export async function writeInputWorkbook(raw: RawTables, path: string, options: WriteOptions = {}): Promise<void> {
  await writeFile(path, await inputWorkbookBuffer(raw, options));
}
