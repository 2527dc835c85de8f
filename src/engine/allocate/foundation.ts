import { foundationError } from "../located";
import { largestRemainder } from "./largestRemainder";
import type { Work } from "./work";

/**
 * Foundation per school: a fixed amount every school with students receives before the formula, paid from the
 * general (unlocked, unrestricted, whole-formula, all-schools) sources in proportion to their school pools.
 * Each school's foundation is split across those sources the same way, so every school gets exactly the
 * foundation and each source pays (its share) x (number of schools).
 */
export function payFoundation(w: Work): void {
  const { d, L, unit } = w;
  const amount = Math.round(d.policy.foundationPerSchool / unit) * unit;
  if (amount <= 0) return;
  const payers: number[] = [];
  for (let s = 0; s < d.sources.length; s++) if (w.general[s] && w.pool[s] > 0) payers.push(s);
  let receivers = 0;
  for (let i = 0; i < L.nSchools; i++) if (L.hasRows[i]) receivers++;
  if (receivers === 0) return;
  if (payers.length === 0) {
    w.errors.push(
      foundationError(d, "foundationNoPayer", { amount }),
    );
    return;
  }
  const split = largestRemainder(amount, payers.map((s) => w.pool[s]), unit);
  let totalAvail = 0;
  for (const s of payers) totalAvail += w.pool[s];
  if (amount * receivers > totalAvail) {
    w.errors.push(
      foundationError(d, "foundationTooLarge", { amount, available: totalAvail, schools: receivers }),
    );
    return;
  }
  payers.forEach((s, k) => {
    const per = split[k];
    if (per * receivers > w.avail[s]) {
      // Rounding could in theory push one source over its pool; rebalance by failing loudly rather than overdrawing.
      w.errors.push(foundationError(d, "foundationSource", { need: per * receivers, available: w.avail[s] }, d.sources[s].name));
      return;
    }
    w.foundationPer[s] = per;
    const by = w.by[s];
    for (let i = 0; i < L.nSchools; i++) {
      if (!L.hasRows[i]) continue;
      by[i] += per;
      w.onTotal[i] += per;
      w.onGeneral[i] += per;
    }
    w.paid[s] += per * receivers;
    w.avail[s] -= per * receivers;
  });
  for (let i = 0; i < L.nSchools; i++) w.receivesFoundation[i] = L.hasRows[i];
}
