/**
 * The revenue trigger across plan years (the Strategic School Funding for Results guidebook (AIR and Pivot Learning, 2013): "the board [may] set a revenue trigger that determines when
 * weights should be turned on"; LAUSD kept schools on their per-pupil amounts until then, with a notice of the
 * turned-on amount). The rule of one year is allocate()'s (allocate/trigger.ts); the plan adds that the weights
 * turn on in the first plan year whose unlocked pool reaches `Revenue Trigger`, and stay on.
 */
import type { Cents } from "../../engine/types";

export { unlockedPool, weightsOn } from "../../engine/allocate/trigger";

/** Index (0-based) of the first pool reaching the trigger; 0 with no trigger; null when none reaches it. */
export function triggerIndex(pools: readonly Cents[], trigger: Cents | null): number | null {
  if (trigger === null) return 0;
  const i = pools.findIndex((p) => p >= trigger);
  return i < 0 ? null : i;
}
