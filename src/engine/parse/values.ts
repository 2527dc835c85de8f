/**
 * Reading one cell value: numbers that arrive as numbers or as text ("$1,234.50", "1,200", "40%"),
 * dollars to integer cents, percentages (40%, 0.4 and 40 all mean 40%), Yes/No, and text.
 * Pure functions; no error collection here (see headers.ts for the located reader).
 */
import type { Dollars } from "../money";
import type { Cell, Cents } from "../types";

/** A number read from a cell, with the unit marks the user typed. */
export interface NumberText {
  value: number;
  /** The text ended with "%" (the value is already divided by 100). */
  percent: boolean;
  /** The text held a "$". */
  dollar: boolean;
}

/** True for an empty cell: null, undefined or text made only of spaces. */
export function isBlank(c: Cell | undefined): boolean {
  return c === null || c === undefined || (typeof c === "string" && c.trim() === "");
}

/** A date as 2024-01-31 (UTC), or null for an invalid date (src/words/parseErrors.ts words it). */
export function isoDate(d: Date): string | null {
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

/**
 * The text of a cell, trimmed: numbers as written by JavaScript (101 -> "101"), booleans as TRUE/FALSE, dates as
 * 2024-01-31; no text for an invalid date or number (as the .xlsx reader reads an invalid date: a blank cell).
 */
export function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return "";
  if (typeof c === "string") return c.trim();
  if (typeof c === "number") return Number.isFinite(c) ? String(c) : "";
  if (typeof c === "boolean") return c ? "TRUE" : "FALSE";
  if (c instanceof Date) return isoDate(c) ?? "";
  return "";
}

const NUMBER_BODY = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?$|^\.\d+$/;

/**
 * Read a number from a cell. Text may carry a sign, "$", thousands commas, accounting parentheses for a
 * negative, and a trailing "%" (then the value is divided by 100). Returns null when the cell is not numeric.
 */
export function readNumeric(c: Cell | undefined): NumberText | null {
  if (typeof c === "number") return Number.isFinite(c) ? { value: c, percent: false, dollar: false } : null;
  if (typeof c !== "string") return null;
  let s = c.trim().replace(/\u2212/g, "-");
  if (s === "") return null;
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  if (/^[+-]/.test(s)) {
    if (s[0] === "-") negative = !negative;
    s = s.slice(1).trim();
  }
  let dollar = false;
  if (s.startsWith("$")) {
    dollar = true;
    s = s.slice(1).trim();
    if (/^[+-]/.test(s)) {
      if (s[0] === "-") negative = !negative;
      s = s.slice(1).trim();
    }
  }
  if (!NUMBER_BODY.test(s)) return null;
  let value = Number(s.replace(/,/g, ""));
  if (!Number.isFinite(value)) return null;
  if (percent) value = value / 100;
  if (negative) value = -value;
  return { value: value === 0 ? 0 : value, percent, dollar };
}

/** A plain number (no "$" and no "%"), or null. */
export function readPlainNumber(c: Cell | undefined): number | null {
  const n = readNumeric(c);
  return n && !n.percent && !n.dollar ? n.value : null;
}

/** A dollar amount (a "$" is allowed, a "%" is not), or null. */
export function readDollars(c: Cell | undefined): number | null {
  const n = readNumeric(c);
  return n && !n.percent ? n.value : null;
}

/**
 * The largest amount of money any cell may hold, and the largest total: $1 trillion. Beyond it whole cents are no
 * longer exact in a spreadsheet's numbers once amounts are added up, and no school district is that large.
 */
export const MAX_DOLLARS = 1_000_000_000_000;
export const MAX_CENTS = MAX_DOLLARS * 100;
/** The most students one row may count (no school is larger; counts stay exact when added up). */
export const MAX_STUDENTS = 10_000_000;

/**
 * True when a dollar amount is a whole number of cents. A value a formula computed may carry binary noise
 * (3703703.4000000004): a difference from whole cents of up to a few units in the last place is noise, not a
 * fraction of a cent; 1000.005 is a fraction of a cent.
 */
export function isWholeCents(dollars: Dollars): boolean {
  const c = dollars * 100;
  return Math.abs(c - Math.round(c)) <= Math.max(1e-6, Math.abs(c) * 2e-15);
}

/** True when a count is a whole number (allowing a formula's binary noise). */
export function isWholeCount(n: number): boolean {
  return Math.abs(n - Math.round(n)) <= Math.max(1e-9, Math.abs(n) * 2e-15);
}

/** Dollars to integer cents, as Math.round(x * 100). */
export function toCents(dollars: Dollars): Cents {
  const c = Math.round(dollars * 100);
  return c === 0 ? 0 : c;
}

/**
 * A percentage as a fraction: "40%" -> 0.4; a number whose size is above 1 is a percentage (40 -> 0.4);
 * otherwise it is already a fraction (0.4 -> 0.4, 1 -> 1). Null when not numeric or written with "$".
 */
export function readPercent(c: Cell | undefined): number | null {
  const n = readNumeric(c);
  if (!n || n.dollar) return null;
  if (n.percent) return n.value;
  return Math.abs(n.value) > 1 ? n.value / 100 : n.value;
}

const YES = new Set(["yes", "y", "true", "1"]);
const NO = new Set(["no", "n", "false", "0"]);

/** Yes/No/Y/N/True/False/1/0 (any case) or a boolean; null when it is none of these. */
export function readYesNo(c: Cell | undefined): boolean | null {
  if (typeof c === "boolean") return c;
  if (typeof c === "number") return c === 1 ? true : c === 0 ? false : null;
  if (typeof c !== "string") return null;
  const t = c.trim().toLowerCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return null;
}

