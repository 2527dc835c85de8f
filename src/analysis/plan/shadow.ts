/**
 * The shadow notice (the Strategic School Funding for Results guidebook (AIR and Pivot Learning, 2013), LAUSD: "schools received their per-pupil amounts as well as a notice of the
 * allocation they would have received had the weighted student formula been turned on"). For every school:
 * its budget this year (SchoolResult.total, after floors, caps, phase-in or the revenue trigger) beside its budget
 * with the formula turned on (SchoolResult.turnedOn) and the gap between them.
 */
import type { Allocation, Cents } from "../../engine/types";

export interface ShadowRow {
  id: string;
  name: string;
  students: number;
  /** This year's budget (cents). */
  total: Cents;
  /** The budget with the formula turned on (cents). */
  turnedOn: Cents;
  /** turnedOn − total: what the school would gain (> 0) or give up (< 0) with the formula turned on. */
  gap: Cents;
  /** gap ÷ total, or null when total is 0. */
  gapShare: number | null;
  /** Cents per pupil this year and turned on (unrounded); 0 without students. */
  perPupil: number;
  perPupilOn: number;
  /** The rule that kept the school away from its formula amount, if any. */
  adjustment: string | null;
}

export interface ShadowNotice {
  rows: ShadowRow[];
  totals: { total: Cents; turnedOn: Cents; gainers: number; losers: number; gain: Cents; loss: Cents };
}

/** The shadow notice of an allocation, schools in the allocation's order. `adjustment` overrides the rule label. */
export function shadowNotice(a: Allocation, adjustment?: (i: number) => string | null): ShadowNotice {
  const rows = a.schools.map((s, i): ShadowRow => {
    const gap = s.turnedOn - s.total;
    return {
      id: s.id,
      name: s.name,
      students: s.students,
      total: s.total,
      turnedOn: s.turnedOn,
      gap,
      gapShare: s.total !== 0 ? gap / s.total : null,
      perPupil: s.students > 0 ? s.total / s.students : 0,
      perPupilOn: s.students > 0 ? s.turnedOn / s.students : 0,
      adjustment: adjustment ? adjustment(i) : s.adjustment,
    };
  });
  let total = 0;
  let on = 0;
  let gain = 0;
  let loss = 0;
  let gainers = 0;
  let losers = 0;
  for (const r of rows) {
    total += r.total;
    on += r.turnedOn;
    if (r.gap > 0) {
      gainers++;
      gain += r.gap;
    } else if (r.gap < 0) {
      losers++;
      loss -= r.gap;
    }
  }
  return { rows, totals: { total, turnedOn: on, gainers, losers, gain, loss } };
}
