/**
 * Excel's rules for cell addresses and for table / defined names: pure functions the engine needs (an input error
 * names its A1 cell; a calculator input has a defined name) and every layer above re-uses (src/report/names.ts
 * re-exports them beside the sheet-name rules). Unique names are made here, one way, for every caller.
 */

/** Excel's limit on the length of a table or defined name. */
export const EXCEL_NAME_MAX = 255;

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

/** A legal Excel table or defined name: letters, digits, _ and .; starts with a letter or _; not a cell reference. */
export function excelName(name: string): string {
  // Characters Excel refuses become "_" (one for a run); at the ends they are dropped, but an underscore the name
  // itself starts with is kept, so a legal name comes back unchanged ("_R_2" stays "_R_2", not "R_2").
  let s = name
    .replace(/^[^A-Za-z0-9_.]+|[^A-Za-z0-9_.]+$/g, "")
    .replace(/[^A-Za-z0-9_.]+/g, "_")
    .replace(/_+/g, "_")
    .replace(/_+$/g, "");
  if (s === "" || s === "_") s = "T";
  if (!/^[A-Za-z_]/.test(s)) s = "_" + s;
  // Names that look like cell references (A1, XFD1048576, R1C1) are not allowed.
  if (/^[A-Za-z]{1,3}\d+$/.test(s) || /^[Rr]\d*[Cc]\d*$/.test(s) || /^[RrCc]$/.test(s)) s = "_" + s;
  return s.slice(0, 250);
}

/** `base`, or `base_2`, `base_3`… (cut so the result stays within Excel's limit): the first that `isTaken` refuses. */
function firstFree(base: string, isTaken: (lower: string) => boolean): string {
  let candidate = base;
  for (let n = 2; isTaken(candidate.toLowerCase()); n++) {
    const suffix = `_${n}`;
    candidate = base.slice(0, EXCEL_NAME_MAX - suffix.length) + suffix;
  }
  return candidate;
}

/** A unique table/defined name (case-insensitive). Adds the result to `taken`. */
export function uniqueExcelName(name: string, taken: Set<string>): string {
  const lower = new Set(Array.from(taken, (t) => t.toLowerCase()));
  const candidate = firstFree(excelName(name), (n) => lower.has(n));
  taken.add(candidate);
  return candidate;
}

/**
 * The names already given in one workbook (or one sheet plan), compared case-insensitively, and a way to give a
 * new one from parts: `names.take("Rate", "Elementary", "ELL")` gives `Rate_Elementary_ELL`, then `…_2`.
 */
export class ExcelNames {
  private readonly taken = new Set<string>();
  constructor(already: Iterable<string> = []) {
    for (const n of already) this.taken.add(n.toLowerCase());
  }
  /** A legal name made of the parts joined by "_", unique among the names taken so far (and now taken). */
  take(...parts: string[]): string {
    const name = firstFree(excelName(parts.map((p) => excelName(p)).join("_")), (n) => this.taken.has(n));
    this.taken.add(name.toLowerCase());
    return name;
  }
  has(name: string): boolean {
    return this.taken.has(name.toLowerCase());
  }
}
