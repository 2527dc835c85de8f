/**
 * A1 addresses as Office.js returns them ("Sheet1!B3:F20", "'My Sheet'!B3", "B3:F20") parsed to 0-based
 * positions, and rectangles turned back into addresses.
 */

export interface Rect {
  /** 0-based first row. */
  r: number;
  /** 0-based first column. */
  c: number;
  rows: number;
  cols: number;
}

export interface ParsedAddress extends Rect {
  /** Sheet name without quotes, or null when the address has none. */
  sheet: string | null;
}

/** 1-based column number of letters ("A" -> 1, "AA" -> 27). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

function parseCell(text: string): { r: number; c: number } | null {
  const m = CELL.exec(text.trim());
  if (!m) return null;
  return { r: Number(m[2]) - 1, c: columnNumber(m[1]) - 1 };
}

/** Parse "Sheet!A1:C9" (sheet optional, quotes and $ allowed). Throws on anything else. */
export function parseAddress(address: string): ParsedAddress {
  let sheet: string | null = null;
  let ref = address.trim();
  const bang = ref.lastIndexOf("!");
  if (bang >= 0) {
    let s = ref.slice(0, bang);
    if (s.startsWith("'") && s.endsWith("'")) s = s.slice(1, -1).replace(/''/g, "'");
    sheet = s;
    ref = ref.slice(bang + 1);
  }
  const [a, b] = ref.split(":");
  const start = parseCell(a);
  const end = b === undefined ? start : parseCell(b);
  if (!start || !end) throw new Error(`Not a cell address: "${address}"`);
  const r = Math.min(start.r, end.r);
  const c = Math.min(start.c, end.c);
  return { sheet, r, c, rows: Math.abs(end.r - start.r) + 1, cols: Math.abs(end.c - start.c) + 1 };
}

/** 1-based column to letters. */
export function letters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A rectangle as "B3:F20" (or "B3" for one cell). */
export function rectAddress(rect: Rect): string {
  const tl = `${letters(rect.c + 1)}${rect.r + 1}`;
  if (rect.rows === 1 && rect.cols === 1) return tl;
  return `${tl}:${letters(rect.c + rect.cols)}${rect.r + rect.rows}`;
}
