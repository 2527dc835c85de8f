/**
 * Academic return on investment (DMGroup, Strategic Budgeting (2023), Phase Three):
 *
 *   A-ROI = (Learning Gain × Students Served) ÷ Total Cost in dollars
 *
 * Unit: "gain-units × students per dollar", where the gain unit is Policy.gainUnit (effect size, scale
 * points, % growth...). The sheets also show A-ROI per $1,000 spent (= A-ROI × 1,000).
 * A-ROI is null, never made up, when there is no outcome data (Learning Gain blank) or when the total
 * cost is $0 (a return per dollar does not exist); `why` says which (in words by aroiMissingText, src/words/aroi.ts).
 */
import type { Cents } from "../../engine/types";
import { wholeCount } from "../../engine/money";

export interface AroiValue {
  /** Gain-units × students per dollar, or null. */
  aroi: number | null;
  /** Gain-units × students per $1,000 spent, or null. */
  per1000: number | null;
  /** Why A-ROI is null; null when it is known. */
  why: AroiMissing | null;
}

/** Why an A-ROI is null: no outcome data (Learning Gain blank), or a total cost of $0. */
export type AroiMissing = "noOutcome" | "noCost";

/** A-ROI of a gain for a number of students at a cost in cents. */
export function computeAroi(gain: number | null, students: number, totalCost: Cents): AroiValue {
  if (gain === null || !Number.isFinite(gain)) return { aroi: null, per1000: null, why: "noOutcome" };
  if (totalCost <= 0) return { aroi: null, per1000: null, why: "noCost" };
  const aroi = (gain * students) / (totalCost / 100);
  return { aroi, per1000: aroi * 1000, why: null };
}

/** Compare names: case-insensitively first, then exactly, so the order is total and locale-independent. */
export function compareNames(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  if (a !== b) return a < b ? -1 : 1;
  return 0;
}

export interface Rankable {
  name: string;
  aroi: number | null;
  /** Tie-breaker of last resort when two rows share a name (sheet row of the input). */
  sheetRow: number;
}

/**
 * Rank by A-ROI, highest first; equal A-ROI ordered by name. Rows without an A-ROI come after, in name order.
 * The order depends only on the rows, not on their input order.
 */
export function rankByAroi<T extends Rankable>(rows: readonly T[]): T[] {
  return [...rows].sort((x, y) => {
    if (x.aroi !== null && y.aroi !== null && x.aroi !== y.aroi) return y.aroi - x.aroi;
    if (x.aroi === null && y.aroi !== null) return 1;
    if (x.aroi !== null && y.aroi === null) return -1;
    return compareNames(x.name, y.name) || x.sheetRow - y.sheetRow;
  });
}

/** A short, readable number for reasons: 1,234 / 12.35 / 0.00123. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  if (abs === 0) return "0";
  if (abs >= 100) return wholeCount(x);
  if (abs >= 1) return String(Number(x.toFixed(2)));
  return String(Number(x.toPrecision(3)));
}

/** "12.5%" style share for reasons. */
export function formatShare(fraction: number): string {
  return `${Number((fraction * 100).toFixed(1))}%`;
}
