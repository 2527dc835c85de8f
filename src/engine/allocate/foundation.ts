import { settingError } from "../located";
import { largestRemainder } from "./largestRemainder";
import { dollars, type Work } from "./work";

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
      settingError(d, "foundationPerSchool", "at least one Unlocked, unrestricted source that funds All for all schools, to pay the foundation", `${dollars(amount)} per school and no such source`),
    );
    return;
  }
  const split = largestRemainder(amount, payers.map((s) => w.pool[s]), unit);
  let totalAvail = 0;
  for (const s of payers) totalAvail += w.pool[s];
  if (amount * receivers > totalAvail) {
    w.errors.push(
      settingError(d, "foundationPerSchool", `at most ${dollars(Math.floor(totalAvail / receivers))} per school (the general school pool ${dollars(totalAvail)} ÷ ${receivers} schools)`, dollars(amount)),
    );
    return;
  }
  payers.forEach((s, k) => {
    const per = split[k];
    if (per * receivers > w.avail[s]) {
      // Rounding could in theory push one source over its pool; rebalance by failing loudly rather than overdrawing.
      w.errors.push(settingError(d, "foundationPerSchool", `a foundation that ${d.sources[s].name} can pay from its school pool`, `${dollars(per * receivers)} needed, ${dollars(w.avail[s])} available`));
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
