/**
 * Money in one module: the `Cents` type, its arithmetic, rounding and how money and counts are written for people
 * (explanations, messages, the pane, the sheets' notes and the command line). Every surface formats through here,
 * so "$1,234", "−$300" (a true minus sign) and "10,126 students" look the same everywhere.
 *
 * Intl formatters are built once: creating one per call (what toLocaleString with options does) costs ~0.1 ms,
 * which adds up to seconds over thousands of lines.
 */
export { lineAmount, roundHalfUp } from "./allocate/rounding";

/**
 * Money inside the engine: a number of cents, with its unit visible to the compiler. The unit is a phantom,
 * optional property, so a plain number (a literal, a sum, `Math.round(x)`) is accepted where cents are expected and
 * the arithmetic needs no casts, but a figure of another unit is not: a `Dollars` value assigned to `Cents` fails
 * to compile (their `__unit`s differ), and so does the other way round. See test/engine/money.types.test.ts.
 *
 * Whole cents are the rule for amounts (checked by `cents()`); a rate or a per-pupil figure may hold a fraction of
 * a cent until it is rounded.
 */
export type Cents = number & { readonly __unit?: "cents" };

/** A figure in dollars (as typed in a sheet, or written to a JSON file or a sheet cell): never mixed with `Cents`. */
export type Dollars = number & { readonly __unit?: "dollars" };

/** The minus sign people read: U+2212, not the hyphen. */
export const MINUS = "\u2212";

/** A whole number of cents, or a RangeError (a fraction of a cent or a non-finite value is a bug, not data). */
export function cents(n: number): Cents {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a whole number of cents: ${n}`);
  return n === 0 ? 0 : n;
}

/** Dollars (as typed or read) to whole cents, rounded half away from zero to the cent. */
export function fromDollars(dollars: Dollars): Cents {
  return cents(Math.sign(dollars) * Math.round(Math.abs(dollars) * 100));
}

/** The sum of amounts in cents (exact for whole cents within ±2^53). */
export function sumCents(amounts: Iterable<Cents>): Cents {
  let t = 0;
  for (const a of amounts) t += a;
  return t;
}

/** Cents to dollars for output (JSON, sheet cells): rounded to the cent, at most two decimals, never -0. */
export function dollarsFromCents(c: Cents): Dollars {
  const d = Math.round(c) / 100;
  return d === 0 ? 0 : d;
}

const USD0 = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 0, maximumFractionDigits: 0 });
const USD2 = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const COUNT0 = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const COUNT2 = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/** A formatted non-negative figure with a true minus in front when `negative`; never "−$0". */
function signed(negative: boolean, text: string, zero: string): string {
  return negative && text !== zero ? `${MINUS}${text}` : text;
}

/** Cents as dollars: "$1,234" for whole dollars, "$1,234.56" otherwise; "−$300" below zero. */
export function dollars(c: Cents): string {
  const v = Math.round(Math.abs(c)) / 100;
  return signed(c < 0, Number.isInteger(v) ? USD0.format(v) : USD2.format(v), "$0");
}

/** Cents as whole dollars, rounded half away from zero: "$1,235", "−$300". */
export function wholeDollars(c: Cents): string {
  const v = Math.round(Math.abs(c) / 100);
  return signed(c < 0, USD0.format(v), "$0");
}

/** Cents as dollars and cents, always two decimals: "$1,234.50", "−$0.25". */
export function dollarsAndCents(c: Cents): string {
  return signed(c < 0, USD2.format(Math.round(Math.abs(c)) / 100), "$0.00");
}

/**
 * A change with its sign, written by `form` (whole dollars unless told): "+" for a gain, a true minus for a loss,
 * no sign when the figure as written is zero: "+$1,200", "−$300", "$0"; `signedChange(c, dollarsAndCents)` gives
 * "+$12.50".
 */
export function signedChange(c: Cents, form: (c: Cents) => string = wholeDollars): string {
  const text = form(Math.abs(c));
  if (text === form(0)) return text;
  return `${c > 0 ? "+" : MINUS}${text}`;
}

/** A change in whole dollars with its sign: "+$1,200", "−$300", "$0". */
export function signedDollars(c: Cents): string {
  return signedChange(c, wholeDollars);
}

const SHORT = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact", maximumSignificantDigits: 3 });
const AXIS = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const EDIT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 });

/** Dollars in a few characters for narrow places (three significant digits): "$14.1M", "$950K", "−$2.5M". */
export function shortDollars(c: Cents): string {
  return signed(c < 0, SHORT.format(Math.round(Math.abs(c)) / 100), "$0");
}

/** A chart axis tick in dollars: compact from $10,000 ("$1.2M", "$35K"), whole dollars below ("$5,000"), a true minus. */
export function axisDollars(d: Dollars): string {
  const a = Math.abs(d);
  return a >= 10_000 ? signed(d < 0, `$${AXIS.format(a)}`, "$0") : signed(d < 0, USD0.format(a), "$0");
}

/** A figure already in dollars (a chart value, a sheet cell) written as `dollars()` writes cents: "$1,234", "−$0.50". */
export function dollarFigure(d: Dollars): string {
  return Number.isFinite(d) ? dollars(Math.round(d * 100)) : USD0.format(d);
}

/** Compact for sentences: "$3.4 million" from a million dollars up, else whole dollars ("$45,300"). */
export function dollarsInWords(c: Cents): string {
  const d = Math.abs(c) / 100;
  if (d >= 1e6) return signed(c < 0, `$${(d / 1e6).toFixed(1)} million`, "");
  return signed(c < 0, USD0.format(Math.round(d)), "$0");
}

/** Cents as the pane shows them for editing, as a person would type them back: "$1,234.5", "−$5", "$0.1234". */
export function editableDollars(c: Cents): string {
  return signed(c < 0, `$${EDIT.format(Math.abs(c) / 100)}`, "$0");
}

/**
 * A sheet cell in dollars as Excel displays the formats "$"#,##0.00 (`decimals` 2) and "$"#,##0 (0): Excel writes a
 * hyphen-minus before the "$", so the preview does too ("-$5.00").
 */
export function excelDollars(d: Dollars, decimals: 0 | 2): string {
  return (decimals === 2 ? USD2 : USD0).format(d);
}

/** A count of students or items with thousands separators: "10,126"; fractions (FTE, averages) to 2 places. */
export function count(n: number): string {
  const text = Number.isInteger(n) ? COUNT0.format(Math.abs(n)) : COUNT2.format(Math.abs(n));
  return signed(n < 0, text, "0");
}

/** A whole count with thousands separators, rounded: "10,126". */
export function wholeCount(n: number): string {
  return count(Math.round(n));
}

/** "1 school", "39 schools", "10,126 students": a count and its noun. */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}
