import type { Cents, RuleNote } from "../types";

/**
 * Hold harmless: a school's non-grant money is at least (Hold Harmless %) × Current Budget, rounded UP to the
 * rounding unit. 0 when there is no hold harmless or no Current Budget.
 */
export function holdHarmlessFloor(current: Cents | null, holdHarmless: number | null, unit: number): Cents {
  if (holdHarmless === null || current === null) return 0;
  return Math.ceil((current * holdHarmless) / unit - 1e-9) * unit;
}

/** The rule's explanation: current budget, share and the floor it sets. */
export function holdHarmlessNote(current: Cents, share: number, floor: Cents): RuleNote {
  return { code: "holdHarmless", values: { current, share, floor } };
}
