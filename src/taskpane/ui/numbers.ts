/** Number formats of the A-ROI and equity views (Intl, en-US like the rest of the pane). */
import { MONEY_STATS, type StatKey } from "../../analysis/equity/stats";
import { dollarsAndCents, signedChange } from "../../engine/money";
import { moneyCents, percent } from "./format";

const dec2 = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const sig3 = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 });
const dec3 = new Intl.NumberFormat("en-US", { minimumFractionDigits: 3, maximumFractionDigits: 3 });
const dec4 = new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 });
const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** An A-ROI figure: two decimals from 1 up, three significant digits below (0.000523). */
export function aroiNumber(x: number): string {
  return Math.abs(x) >= 1 ? dec2.format(x) : sig3.format(x);
}

/** A rating or gain as typed (up to 4 decimals). */
export function plainNumber(x: number): string {
  return dec4.format(x);
}

/** A whole count, e.g. "1,234". */
export function countText(x: number): string {
  return whole.format(x);
}

/** An index such as McLoone or Gini, three decimals. */
export function indexText(x: number): string {
  return dec3.format(x);
}

/** A statistic of the equity summary: money (cents per pupil) in dollars and cents, ratios as % or an index. */
export function statText(key: StatKey, v: number | null): string {
  if (v === null) return "not defined";
  if (MONEY_STATS.has(key)) return moneyCents(v);
  if (key === "frr" || key === "cv" || key === "r2") return percent(v);
  return indexText(v);
}

/** A change of a statistic, signed. */
export function statChangeText(key: StatKey, v: number | null): string {
  if (v === null) return "—";
  if (MONEY_STATS.has(key)) return signedChange(v, dollarsAndCents);
  const text = statText(key, Math.abs(v));
  if (text === statText(key, 0)) return text;
  return (v > 0 ? "+" : "−") + text;
}
