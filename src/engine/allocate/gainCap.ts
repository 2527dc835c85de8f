import type { Cents, RuleNote } from "../types";

/**
 * Gain cap: a school's non-grant money is at most (1 + Gain Cap) × Current Budget, rounded DOWN to the rounding
 * unit. Infinity when there is no cap or no Current Budget.
 */
export function gainCapCeiling(current: Cents | null, gainCap: number | null, unit: number): number {
  if (gainCap === null || current === null) return Infinity;
  return Math.floor((current * (1 + gainCap)) / unit + 1e-9) * unit;
}

/** The rule's explanation: current budget, cap and the ceiling it sets. */
export function gainCapNote(current: Cents, share: number, ceiling: Cents): RuleNote {
  return { code: "gainCap", values: { current, share, ceiling } };
}
