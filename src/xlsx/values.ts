/**
 * Conversions between ExcelJS cell values and the engine's `Cell` / the plan's `PlanValue`.
 */
import ExcelJS from "exceljs";
import type { Cell } from "../engine/types";
import type { PlanValue } from "../report/plan";
import { CELL_TEXT_LIMIT } from "../report/registry";

/** Plain text of a rich-text value. */
function richTextToString(v: { richText: { text?: unknown }[] }): string {
  return v.richText.map((run) => (typeof run.text === "string" ? run.text : "")).join("");
}

/** Text that is empty or only whitespace reads as an empty cell. */
function textOrNull(s: string): string | null {
  return s.trim() === "" ? null : s;
}

/**
 * An ExcelJS value (as found in `cell.value`) as an engine Cell:
 * numbers, text (blank text → null), booleans and dates as they are; a formula → its cached result;
 * rich text → its plain text; a hyperlink → its text; an error → its text ("#N/A").
 */
export function valueToCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "number":
      return Number.isFinite(value) ? value : null;
    case "string":
      return textOrNull(value);
    case "boolean":
      return value;
    case "object":
      break;
    default:
      return null;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  const o = value as Record<string, unknown>;
  if (Array.isArray(o.richText)) return textOrNull(richTextToString(o as { richText: { text?: unknown }[] }));
  if ("formula" in o || "sharedFormula" in o) return valueToCell(o.result);
  if (typeof o.error === "string") return o.error;
  if ("hyperlink" in o || "text" in o) return valueToCell(o.text);
  return null;
}

/** The engine value of an ExcelJS cell: merged-away cells read as empty (only the merge's top-left holds the value). */
export function cellToCell(cell: ExcelJS.Cell | undefined): Cell {
  if (!cell) return null;
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  return valueToCell(cell.value);
}

/** Text of a header cell ("" for empty). Numbers and booleans become their text; dates their ISO day. */
export function cellText(c: Cell): string {
  if (c === null) return "";
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c);
}

/**
 * A plan value as an ExcelJS cell value. Strings always stay text: ExcelJS stores a JS string as a string
 * cell (shared string) whatever it starts with, so "=1+2" or "@home" never becomes a formula.
 * Text longer than Excel's cell limit is cut; a non-finite number (which has no Excel representation)
 * is written as the #NUM! error so it is visible rather than silently blank.
 */
export function planValueToExcel(v: PlanValue | undefined): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : { error: "#NUM!" as ExcelJS.CellErrorValue["error"] };
  if (typeof v === "string") return v.length > CELL_TEXT_LIMIT ? v.slice(0, CELL_TEXT_LIMIT) : v;
  return v;
}

/** A cached formula result in the form ExcelJS writes (`undefined` when there is none). */
export function planResultToExcel(v: PlanValue | undefined): ExcelJS.CellFormulaValue["result"] {
  if (v === null || v === undefined) return undefined;
  const x = planValueToExcel(v);
  if (x === null) return undefined;
  return x as ExcelJS.CellFormulaValue["result"];
}
