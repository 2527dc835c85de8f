import * as X from "../calculator/expr";
import type { Adjustment } from "../types";

export interface Bounds {
  /** Lowest total the school may receive (cents, a multiple of the rounding unit), 0 when none. */
  lo: number;
  /** Highest total (cents), Infinity when none. */
  hi: number;
  /** Which rule set the floor. */
  floorRule: Adjustment;
}

/**
 * Floors and ceilings on a school's total:
 *  - Minimum operating budget (MOB): the total is topped up to at least Minimum Budget;
 *  - Hold harmless: at least (Hold Harmless %) x Current Budget;
 *  - Gain cap: at most (1 + Gain Cap %) x Current Budget.
 * When a floor is above the cap, the floor wins (a school is never pushed below what it needs to operate).
 * Floors round up and caps round down to the rounding unit, so rounding can never break them.
 */
export function schoolBounds(
  current: number | null,
  minimum: number | null,
  holdHarmless: number | null,
  gainCap: number | null,
  unit: number,
): Bounds {
  let lo = 0;
  let floorRule: Adjustment = null;
  if (minimum !== null && minimum > 0) {
    lo = Math.ceil(minimum / unit) * unit;
    floorRule = "MOB";
  }
  if (holdHarmless !== null && current !== null) {
    const h = Math.ceil((current * holdHarmless) / unit - 1e-9) * unit;
    if (h > lo) {
      lo = h;
      floorRule = "Hold harmless";
    }
  }
  let hi = Infinity;
  if (gainCap !== null && current !== null) hi = Math.floor((current * (1 + gainCap)) / unit + 1e-9) * unit;
  if (hi < lo) hi = lo;
  return { lo, hi, floorRule };
}

/**
 * Bounds on a school's general money: its floor and its cap less its other money that counts toward them (every
 * non-grant source that floors and caps never move). The cap is never below the floor.
 */
export function generalBounds(floor: number, ceiling: number, other: number): { lo: number; hi: number } {
  const lo = Math.max(0, floor - other);
  return { lo, hi: Math.max(lo, ceiling - other) };
}

/** The same bounds as calculator formulas (null where the school has no floor or no cap). */
export function generalBoundsFormula(floor: X.Expr | null, ceiling: X.Expr | null, other: X.Expr): { lo: X.Expr | null; hi: X.Expr | null } {
  const lo = floor ? X.max(X.num(0), X.sub(floor, other)) : null;
  return { lo, hi: ceiling ? X.max(lo ?? X.num(0), X.sub(ceiling, other)) : null };
}
