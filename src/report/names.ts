/**
 * Excel naming rules shared by every renderer: sheet names (<= 31 chars, none of : \ / ? * [ ],
 * not starting or ending with an apostrophe, unique case-insensitively) and table / defined names.
 */

export { a1, columnLetter, excelName, ExcelNames, quoteSheet, uniqueExcelName } from "../engine/excelNames";

const SHEET_FORBIDDEN = /[:\\/?*[\]]/g;

/** A legal Excel sheet name close to `name` (not yet de-duplicated). */
export function sanitizeSheetName(name: string): string {
  let s = name.replace(SHEET_FORBIDDEN, " ").replace(/\s+/g, " ").trim();
  s = s.replace(/^'+|'+$/g, "").trim();
  if (s === "" || s.toLowerCase() === "history") s = s === "" ? "Sheet" : "History sheet";
  if (s.length > 31) s = s.slice(0, 31).trim();
  return s;
}

/**
 * A legal sheet name not in `taken` (compared case-insensitively). Adds " (2)", " (3)"... shortening the
 * base so the result stays within 31 characters. Adds the result to `taken`.
 */
export function uniqueSheetName(name: string, taken: Set<string>): string {
  const base = sanitizeSheetName(name);
  const lower = new Set(Array.from(taken, (t) => t.toLowerCase()));
  let candidate = base;
  for (let n = 2; lower.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    candidate = base.slice(0, 31 - suffix.length).trim() + suffix;
  }
  taken.add(candidate);
  return candidate;
}

/** True when text would be taken as a formula by Excel if typed: it must be written as text. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}
