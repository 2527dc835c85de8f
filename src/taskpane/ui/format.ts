/**
 * Display formats for the pane: whole dollars in tables, cents in explanation lines, percents. Money and counts
 * come from the one money module (src/engine/money.ts), so the pane writes them as the sheets and the CLI do.
 */
import { count as countText, dollarsAndCents, editableDollars, shortDollars, signedDollars, wholeDollars } from "../../engine/money";
import type { Cents, Rate } from "../../engine/types";

const percent1 = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1, minimumFractionDigits: 1 });
const plain = new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 });

/** A true minus sign (U+2212) in place of the hyphen Intl writes before negative amounts. */
export function trueMinus(text: string): string {
  return text.replace(/-(?=[$\d])/g, "−");
}

/** Whole dollars, e.g. "$1,234,568" or "−$5". */
export function money(cents: Cents): string {
  return wholeDollars(cents);
}

/** Dollars in a few characters for narrow places, e.g. "$14.1M" (the exact figure is shown elsewhere). */
export function moneyShort(cents: Cents): string {
  return shortDollars(cents);
}

/** Dollars and cents, e.g. "$1,234.57". */
export function moneyCents(cents: number): string {
  return dollarsAndCents(cents);
}

/** A signed change in whole dollars, e.g. "+$1,200" or "−$300". */
export function signedMoney(cents: Cents): string {
  return signedDollars(cents);
}

/** A fraction as a percent with one decimal, e.g. 0.053 -> "5.3%". */
export function percent(fraction: number): string {
  return trueMinus(percent1.format(fraction));
}

/** A signed percent change, e.g. "+5.3%". */
export function signedPercent(fraction: number): string {
  const s = percent1.format(Math.abs(fraction));
  if (s === percent1.format(0)) return s;
  return (fraction > 0 ? "+" : "−") + s;
}

/** A count of students (may be fractional for weighted counts). */
export function students(n: number): string {
  return countText(n);
}

/** A rate as the user would type it back: a weight ("0.3") or dollars per pupil ("$1,272"). */
export function rateText(rate: Rate | null): string {
  if (rate === null) return "";
  if (rate.kind === "weight") return plain.format(rate.weight);
  return editableDollars(rate.cents);
}

/** A fraction shown for editing as a percent number, e.g. 0.98 -> "98%", null -> "". */
export function percentText(fraction: number | null): string {
  if (fraction === null) return "";
  return `${plain.format(Math.round(fraction * 1e6) / 1e4)}%`;
}

/** Cents shown for editing as dollars, e.g. 123450 -> "$1,234.5", -500 -> "−$5", null -> "". */
export function dollarsText(cents: Cents | null): string {
  if (cents === null) return "";
  return editableDollars(cents);
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

function toNumber(text: string): number | null {
  const t = text.replace(/[$,\s]/g, "").replace(/%$/, "");
  if (t === "" || !/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  return Number(t);
}

/**
 * A typed percent: "40%", "40" and "0.4" all mean 40% (as in the workbook: a value above 1 is a percentage).
 * Blank gives null when `blank` is allowed.
 */
export function parsePercent(text: string, opts: { blank?: boolean; max?: number } = {}): Parsed<number | null> {
  const t = text.trim();
  if (t === "") return opts.blank ? { ok: true, value: null } : { ok: false, message: "Enter a percent, e.g. 40%." };
  const n = toNumber(t);
  if (n === null) return { ok: false, message: `"${t}" is not a percent. Enter e.g. 40%.` };
  const value = t.endsWith("%") || n > 1 ? n / 100 : n;
  if (value < 0) return { ok: false, message: "Enter a percent of 0% or more." };
  if (opts.max !== undefined && value > opts.max) return { ok: false, message: `Enter a percent of at most ${percentText(opts.max)}.` };
  return { ok: true, value };
}

/** Typed dollars ("$1,272", "1272.50") to cents; blank gives null when allowed. */
export function parseDollars(text: string, opts: { blank?: boolean } = {}): Parsed<Cents | null> {
  const t = text.trim();
  if (t === "") return opts.blank ? { ok: true, value: null } : { ok: false, message: "Enter a dollar amount." };
  const n = toNumber(t);
  if (n === null || t.endsWith("%")) return { ok: false, message: `"${t}" is not a dollar amount.` };
  if (n < 0) return { ok: false, message: "Enter an amount of $0 or more." };
  return { ok: true, value: Math.round(n * 100) };
}

/**
 * A typed rate cell. "$1,272" is dollars per pupil; a bare number is a weight, unless the cell's formula uses
 * dollars per pupil (`perPupil`), in which case it is dollars. Blank clears the cell (no rate).
 */
export function parseRate(text: string, perPupil: boolean): Parsed<Rate | null> {
  const t = text.trim();
  if (t === "") return { ok: true, value: null };
  const n = toNumber(t);
  if (n === null || t.endsWith("%")) return { ok: false, message: perPupil ? "Enter dollars per pupil, e.g. $1,272." : "Enter a weight, e.g. 0.4." };
  if (n < 0) return { ok: false, message: "Enter a value of 0 or more." };
  if (perPupil || t.includes("$")) return { ok: true, value: { kind: "perPupil", cents: Math.round(n * 100) } };
  return { ok: true, value: { kind: "weight", weight: n } };
}
