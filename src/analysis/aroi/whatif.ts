/**
 * What-if: reinvest what sunsetting frees (DMGroup, Strategic Budgeting (2023): "a more effective and efficient use of resources is to
 * identify a low-cost initiative with exemplary impact for students as a prime candidate for scaling up").
 *
 * - Freed money = the fully loaded cost of every initiative whose final action (after overrides) is "sunset".
 * - It is spread over the expand candidates (final action "expand", with cost and students > 0) in proportion
 *   to their cost, by largest remainder on cents (split.ts), so the shares add up to the freed money exactly.
 * - Each candidate's share buys extra students at its current cost per student:
 *     extra students = floor(share × Students Served ÷ Total Cost)      (whole students, exact arithmetic)
 *   and what is left after the whole students is shown as unspent.
 * With no expand candidate the freed money stays unspent. In words by whatIfText (src/words/aroi.ts).
 */
import type { Cents } from "../../engine/types";
import type { AroiAction } from "./actions";
import { splitInProportion } from "./split";

export interface WhatIfInput {
  name: string;
  /** The final action. */
  action: AroiAction;
  /** Fully loaded cost in cents. */
  total: Cents;
  students: number;
}

export interface WhatIfSunset {
  name: string;
  freed: Cents;
}

export interface WhatIfExpand {
  name: string;
  total: Cents;
  students: number;
  /** Cents per student (unrounded). */
  perStudent: number;
  /** Share of the freed money. */
  extra: Cents;
  extraStudents: number;
  /** extra − extraStudents × perStudent, in whole cents (rounded). */
  unspent: Cents;
}

export interface WhatIf {
  freed: Cents;
  sunset: WhatIfSunset[];
  expand: WhatIfExpand[];
  /** Sum of the shares given to expand candidates (= freed when there is one). */
  distributed: Cents;
  extraStudents: number;
  /** freed − money spent on whole extra students. */
  unspent: Cents;
}

/** Whole students a share buys at total ÷ students per student: floor(share × students ÷ total). */
export function extraStudents(share: Cents, students: number, total: Cents): number {
  if (share <= 0 || students <= 0 || total <= 0) return 0;
  if (Number.isInteger(share) && Number.isInteger(students) && Number.isInteger(total)) {
    return Number((BigInt(share) * BigInt(students)) / BigInt(total));
  }
  return Math.floor((share * students) / total);
}

/** Spread the cost freed by sunset initiatives over the expand candidates. */
export function reallocateSunset(results: readonly WhatIfInput[]): WhatIf {
  const sunset = results.filter((r) => r.action === "sunset").map((r) => ({ name: r.name, freed: r.total }));
  const freed = sunset.reduce((s, r) => s + r.freed, 0);
  const candidates = results.filter((r) => r.action === "expand" && r.total > 0 && r.students > 0);
  const shares = candidates.length && freed > 0 ? splitInProportion(freed, candidates.map((c) => c.total)) : candidates.map(() => 0);
  const expand: WhatIfExpand[] = candidates.map((c, k) => {
    const perStudent = c.total / c.students;
    const n = extraStudents(shares[k], c.students, c.total);
    return {
      name: c.name,
      total: c.total,
      students: c.students,
      perStudent,
      extra: shares[k],
      extraStudents: n,
      unspent: shares[k] - Math.round(n * perStudent),
    };
  });
  const distributed = expand.reduce((s, e) => s + e.extra, 0);
  const extra = expand.reduce((s, e) => s + e.extraStudents, 0);
  const unspent = freed - distributed + expand.reduce((s, e) => s + e.unspent, 0);
  return { freed, sunset, expand, distributed, extraStudents: extra, unspent };
}
