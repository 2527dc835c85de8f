import * as X from "../formula/expr";
import type { Adjustment, Cents, RuleNote } from "../types";
import { gainCapCeiling, gainCapNote } from "./gainCap";
import { holdHarmlessFloor, holdHarmlessNote } from "./holdHarmless";
import { mobFloor, mobNote } from "./mob";

export interface Bounds {
  /** Lowest non-grant total the school may receive (cents, a multiple of the rounding unit), 0 when none. */
  lo: number;
  /** Highest non-grant total (cents), Infinity when none. */
  hi: number;
  /** Which rule set the floor. */
  floorRule: Adjustment;
}

/**
 * A school's floor and ceiling: the floor is the larger of the MOB (mob.ts) and hold harmless (holdHarmless.ts),
 * the ceiling the gain cap (gainCap.ts). When a floor is above the cap, the floor wins (a school is never pushed
 * below what it needs to operate). They apply to the school's non-grant money (grants are paid on top).
 */
export function schoolBounds(current: number | null, minimum: number | null, holdHarmless: number | null, gainCap: number | null, unit: number): Bounds {
  const mob = mobFloor(minimum, unit);
  const hh = holdHarmlessFloor(current, holdHarmless, unit);
  const lo = Math.max(mob, hh);
  const floorRule: Adjustment = hh > mob ? "Hold harmless" : mob > 0 ? "MOB" : null;
  const hi = Math.max(lo, gainCapCeiling(current, gainCap, unit));
  return { lo, hi, floorRule };
}

/** The explanation of a school's bounds: one note per rule that applies. */
export function boundsNotes(current: Cents | null, minimum: Cents | null, holdHarmless: number | null, gainCap: number | null, unit: number): RuleNote[] {
  const notes: RuleNote[] = [];
  const mob = mobFloor(minimum, unit);
  if (mob > 0) notes.push(mobNote(mob));
  if (current !== null && holdHarmless !== null) notes.push(holdHarmlessNote(current, holdHarmless, holdHarmlessFloor(current, holdHarmless, unit)));
  if (current !== null && gainCap !== null) notes.push(gainCapNote(current, gainCap, gainCapCeiling(current, gainCap, unit)));
  return notes;
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
