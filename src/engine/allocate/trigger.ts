import type { Cents, District } from "../types";
import { splitPool } from "./pools";

/**
 * The revenue trigger (the Strategic School Funding for Results guidebook (AIR and Pivot Learning, 2013): the board may "set a revenue trigger that determines when weights should be
 * turned on"). The weights are on when Policy sets no Revenue Trigger, or when the unlocked pool (the school
 * pools, Amount × School Share, of the Unlocked sources) reaches it. While they are off, every school's general
 * money follows its current unrestricted budget (Current Budget less its restricted, non-grant money this year),
 * scaled to the general money — the same rule as a phase-in of 0% (see adjust.ts) — with Hold Harmless, the
 * Gain Cap and the minimum operating budget still applied. Grants are paid on top as always.
 */
export function unlockedPool(d: Pick<District, "sources">): Cents {
  let pool = 0;
  for (const s of d.sources) if (s.status === "Unlocked") pool += splitPool(s).pool;
  return pool;
}

/** Whether the formula's weights decide the general money this year. */
export function weightsOn(d: Pick<District, "sources" | "policy">): boolean {
  const trigger = d.policy.revenueTrigger ?? null;
  return trigger === null || unlockedPool(d) >= trigger;
}
