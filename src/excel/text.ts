import { looksLikeFormula } from "../report/names";

/**
 * Office.js writes `range.values` / `range.formulas` as if the user typed them: "=SUM(A1)" becomes a formula,
 * "-5" or "007" a number, "15-Feb" a date, "TRUE" a boolean. A leading apostrophe is Excel's quote prefix:
 * it is not stored, and the rest is kept as text. We therefore prefix every string that Excel could
 * reinterpret (and always, for the tool's hidden stores).
 */

const MONTH_DATE = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-/.,]+\d/i;

/** True when Excel would not keep `s` as the same text if typed into a General cell. */
export function needsQuotePrefix(s: string): boolean {
  if (s === "") return false;
  if (looksLikeFormula(s) || s.startsWith("'")) return true;
  const t = s.trim();
  if (t === "") return false;
  return /^[-+]?[\d.,$€£¥(]/.test(t) || /^(true|false)$/i.test(t) || t.startsWith("#") || t.endsWith("%") || MONTH_DATE.test(t);
}

/** The text to send so that the cell ends up holding exactly `s` as text. */
export function asTypedText(s: string, always = false): string {
  if (s === "") return s;
  return always || needsQuotePrefix(s) ? "'" + s : s;
}

/** A value ready for range.values: strings protected, null kept (null = leave the cell unchanged). */
export function toCellInput(v: string | number | boolean | Date | null | undefined): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return asTypedText(v);
  if (v instanceof Date) return dateToSerial(v);
  if (typeof v === "number" && !Number.isFinite(v)) return null;
  return v;
}

/** Excel serial date (1900 system) of a JavaScript date, using its UTC calendar day and time. */
export function dateToSerial(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
}
