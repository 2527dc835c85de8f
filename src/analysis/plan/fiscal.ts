/**
 * The fiscal calendar: which fiscal year a date falls in, how a fiscal year is written, and which plan year it is.
 * A fiscal year is named by the calendar year in which it ends: with a July start, FY2027 runs from
 * 1 July 2026 to 30 June 2027 and is written "2026-27". With a January start it is the calendar year ("2027").
 */
import type { CalendarDate } from "./types";

/** The fiscal year (named by its ending calendar year) that contains a date. */
export function fiscalYearOf(date: CalendarDate, startMonth: number): number {
  if (startMonth <= 1) return date.y;
  return date.m >= startMonth ? date.y + 1 : date.y;
}

/** "2026-27" for FY2027 with a July start; "2027" with a January start. */
export function fiscalLabel(fiscalYear: number, startMonth: number): string {
  if (startMonth <= 1) return String(fiscalYear);
  return `${fiscalYear - 1}-${String(fiscalYear % 100).padStart(2, "0")}`;
}

/** Plan year (1 = the budget year) of a fiscal year. */
export function planYearOf(fiscalYear: number, budgetYear: number): number {
  return fiscalYear - budgetYear + 1;
}

/** How plan year `year` is written: its fiscal label when the budget year is known, else "Year 3". */
export function yearLabel(year: number, budgetYear: number | null, startMonth: number): string {
  return budgetYear === null ? `Year ${year}` : fiscalLabel(budgetYear + year - 1, startMonth);
}

/**
 * The first plan year in which a Rigid constraint with a contract ending on `end` lets savings start: the fiscal
 * year after the one the contract ends in (a contract ending 30 June 2027 frees money from FY2028 with a July start).
 */
export function firstYearAfterContract(end: CalendarDate, budgetYear: number, startMonth: number): number {
  return planYearOf(fiscalYearOf(end, startMonth) + 1, budgetYear);
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** A month from a number 1-12 or a name ("July", "jul"); null otherwise. */
export function readMonth(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^\d{1,2}$/.test(t)) {
    const n = Number(t);
    return n >= 1 && n <= 12 ? n : null;
  }
  if (t.length < 3) return null;
  const i = MONTHS.findIndex((m) => m.startsWith(t));
  return i < 0 ? null : i + 1;
}

/**
 * A fiscal year as written by a user: 2027, "2027", "FY2027", "FY 27", "2026-27", "2026-2027", "2026/27".
 * Returns the ending calendar year, or null when the text is not a fiscal year.
 */
export function readFiscalYear(text: string): number | null {
  const t = text.trim().toUpperCase().replace(/^FY\s*/, "");
  let m = /^(\d{4})$/.exec(t);
  if (m) return Number(m[1]);
  m = /^(\d{2})$/.exec(t);
  if (m && text.trim().toUpperCase().startsWith("FY")) return 2000 + Number(m[1]);
  m = /^(\d{4})\s*[-/\u2013]\s*(\d{2}|\d{4})$/.exec(t);
  if (m) {
    const start = Number(m[1]);
    const end = m[2].length === 2 ? Math.floor(start / 100) * 100 + Number(m[2]) + (Number(m[2]) < start % 100 ? 100 : 0) : Number(m[2]);
    return end === start + 1 ? end : null;
  }
  return null;
}

/** Excel's serial day 1 is 1900-01-01 (with the 1900 leap-year bug); serial 25569 is 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25569;

/** A calendar date from a cell: a Date (read in UTC), an Excel serial number, or text "2027-06-30" / "6/30/2027". */
export function readDate(value: unknown): CalendarDate | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return { y: value.getUTCFullYear(), m: value.getUTCMonth() + 1, d: value.getUTCDate() };
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 1 || value > 2958465) return null;
    const ms = Math.round((Math.floor(value) - EXCEL_EPOCH_OFFSET) * 86400000);
    const dt = new Date(ms);
    return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
  }
  if (typeof value !== "string") return null;
  const t = value.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(t);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return valid(Number(m[3]), Number(m[1]), Number(m[2]));
  return null;
}

function valid(y: number, m: number, d: number): CalendarDate | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d ? { y, m, d } : null;
}

/** "2027-06-30". */
export function dateText(d: CalendarDate): string {
  return `${d.y}-${String(d.m).padStart(2, "0")}-${String(d.d).padStart(2, "0")}`;
}
