/**
 * The revenue trigger (seed 002: "the board [may] set a revenue trigger that determines when weights should be
 * turned on"; LAUSD kept schools on their per-pupil amounts until then, with a notice of the turned-on amount).
 * - The unlocked pool of a year: the school pools (Amount × School Share) of its Unlocked sources.
 * - The weights turn on in the first plan year whose unlocked pool reaches `Revenue Trigger`, and stay on.
 * - Before that, the general money (Unlocked, unrestricted sources that fund All and are open to every school: the
 *   money the weights would decide) is shared in proportion to each school's Current Budget in the workbook,
 *   i.e. schools keep their current budgets scaled to the pool. Grants, targeted and locked sources follow their own
 *   rules as usual. The split is by largest remainder in the rounding unit; cents the unit cannot give stay
 *   centrally as surplus, so every source still adds up to its Amount exactly.
 */
import { largestRemainder } from "../allocate/largestRemainder";
import { splitPool } from "../allocate/pools";
import type { Allocation, Cents, District, SchoolResult, SourceResult } from "../types";

/** Sum of the Unlocked sources' school pools. */
export function unlockedPool(d: Pick<District, "sources">): Cents {
  let pool = 0;
  for (const s of d.sources) if (s.status === "Unlocked") pool += splitPool(s).pool;
  return pool;
}

/** Index (0-based) of the first pool reaching the trigger; 0 with no trigger; null when none reaches it. */
export function triggerIndex(pools: readonly Cents[], trigger: Cents | null): number | null {
  if (trigger === null) return 0;
  const i = pools.findIndex((p) => p >= trigger);
  return i < 0 ? null : i;
}

/**
 * The allocation before the weights are turned on: the general sources' school pools shared in proportion to
 * `key` (each school's Current Budget, cents). Everything else of `a` is kept; `turnedOn` still shows the formula.
 */
export function statusQuo(a: Allocation, key: readonly Cents[]): Allocation {
  const unit = a.district.policy.rounding === "dollar" ? 100 : 1;
  const weights = key.map((k) => Math.max(0, k));
  const sources: SourceResult[] = a.sources.map((s) => {
    if (!s.general) return s;
    const parts = largestRemainder(s.schoolPool, weights, unit);
    const bySchool = Array.from(parts);
    const toSchools = bySchool.reduce((x, y) => x + y, 0);
    return { ...s, bySchool, toSchools, surplus: s.schoolPool - toSchools, foundation: 0, foundationPerSchool: 0, base: null };
  });
  const schools: SchoolResult[] = a.schools.map((sc, i) => {
    let total = 0;
    for (const s of sources) total += s.bySchool[i];
    return {
      ...sc,
      total,
      perPupil: sc.students > 0 ? total / sc.students : 0,
      adjustment: null,
      floor: null,
      ceiling: null,
      // Only general sources pay the foundation, and before the trigger they are shared by Current Budget.
      foundation: 0,
    };
  });
  let central = 0;
  let toSchools = 0;
  let surplus = 0;
  for (const s of sources) {
    central += s.central + s.surplus;
    toSchools += s.toSchools;
    surplus += s.surplus;
  }
  return {
    ...a,
    sources,
    schools,
    totals: { ...a.totals, central, schools: toSchools, surplus },
    neutralityFactor: 1,
    warnings: [...a.warnings],
  };
}
