/**
 * Excel naming rules shared by every renderer: sheet names (<= 31 chars, none of : \ / ? * [ ],
 * not starting or ending with an apostrophe, unique case-insensitively) and table / defined names.
 */

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

/** A legal Excel table or defined name: letters, digits, _ and .; starts with a letter or _; not a cell reference. */
export function excelName(name: string): string {
  let s = name.replace(/[^A-Za-z0-9_.]+/g, "_").replace(/_+/g, "_").replace(/^_+|_+$/g, "");
  if (s === "") s = "T";
  if (!/^[A-Za-z_]/.test(s)) s = "_" + s;
  // Names that look like cell references (A1, XFD1048576, R1C1) are not allowed.
  if (/^[A-Za-z]{1,3}\d+$/.test(s) || /^[Rr]\d*[Cc]\d*$/.test(s) || /^[RrCc]$/.test(s)) s = "_" + s;
  return s.slice(0, 250);
}

/** A unique table/defined name (case-insensitive). Adds the result to `taken`. */
export function uniqueExcelName(name: string, taken: Set<string>): string {
  const base = excelName(name);
  const lower = new Set(Array.from(taken, (t) => t.toLowerCase()));
  let candidate = base;
  for (let n = 2; lower.has(candidate.toLowerCase()); n++) candidate = `${base}_${n}`;
  taken.add(candidate);
  return candidate;
}

/** 1-based column number to letters (1 -> A, 27 -> AA). */
export function columnLetter(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** 0-based (row, col) to an A1 address; absolute with $ when asked. */
export function a1(r: number, c: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetter(c + 1)}${d}${r + 1}`;
}

/** Quote a sheet name for use in a formula or range reference: 'My Sheet'!A1. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** True when text would be taken as a formula by Excel if typed: it must be written as text. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}
