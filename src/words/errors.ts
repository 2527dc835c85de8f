/**
 * Input problems as one line of text each, e.g.
 * `Revenue row 7, column "Amount" (C7): expected a dollar amount ≥ 0, found "abc"`.
 * The sheet is named only when it differs from the table's name (an Excel table on another sheet).
 */
import { quoteSheet } from "../engine/excelNames";
import type { InputError } from "../engine/types";

function otherSheet(e: InputError): string | null {
  return e.sheet && e.sheet.trim().toLowerCase() !== e.table.trim().toLowerCase() ? e.sheet : null;
}

/** Where the problem is: `Revenue row 7, column "Amount" (C7)`, `Weights, column "Level"`, `Policy`. */
export function errorLocation(e: InputError): string {
  const sheet = otherSheet(e);
  let where = e.table;
  if (e.row !== null) where += ` row ${e.row}`;
  if (e.column !== null) where += `, column "${e.column}"`;
  if (e.cell) where += ` (${sheet !== null ? `${quoteSheet(sheet)}!` : ""}${e.cell})`;
  else if (sheet !== null) where += ` (sheet ${quoteSheet(sheet)})`;
  return where;
}

/** One line: location, what was expected, what was found. */
export function formatError(e: InputError): string {
  return `${errorLocation(e)}: expected ${e.expected}, found ${e.found}`;
}

/** Every error, one per line. */
export function formatErrors(errors: InputError[]): string {
  return errors.map(formatError).join("\n");
}
