import type { Cents, RuleNote } from "../types";

/**
 * Minimum operating budget (MOB): a school's non-grant money is topped up to at least its Minimum Budget, rounded
 * up to the rounding unit so that rounding can never break it. 0 when the school has none.
 */
export function mobFloor(minimum: Cents | null, unit: number): Cents {
  return minimum !== null && minimum > 0 ? Math.ceil(minimum / unit) * unit : 0;
}

/** The rule's explanation: the floor it sets. */
export function mobNote(floor: Cents): RuleNote {
  return { code: "mob", values: { floor } };
}
