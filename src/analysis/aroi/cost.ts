/**
 * Fully loaded cost of an initiative (DMGroup, Strategic Budgeting (2023), "Assessing Costs on a Fully Loaded Basis"):
 *
 *   Total Cost = Direct Cost + Staff Hours × Hourly Cost + Indirect Cost
 *
 * The staff-time part is rounded to the cent (half away from zero); the other parts are already cents.
 * Cost per student served = Total Cost ÷ Students Served (cents, not rounded), or null when nobody is served.
 */
import type { Cents, Initiative } from "../../engine/types";

export interface InitiativeCost {
  direct: Cents;
  /** Staff Hours × Hourly Cost, rounded to the cent. */
  staff: Cents;
  indirect: Cents;
  /** direct + staff + indirect. */
  total: Cents;
  /** Cents per student served (unrounded), null when Students Served is 0. */
  perStudent: number | null;
}

/** Round a cents amount computed with floating point to whole cents, half away from zero. */
export function roundCents(x: number): Cents {
  // toPrecision(12) removes binary noise such as 5921.499999999999 before rounding.
  const clean = Number(x.toPrecision(12));
  return Math.sign(clean) * Math.round(Math.abs(clean));
}

/** Staff Hours × Hourly Cost (cents per hour), rounded to the cent. */
export function staffCost(staffHours: number, hourlyCost: Cents): Cents {
  if (!Number.isFinite(staffHours) || !Number.isFinite(hourlyCost)) return 0;
  return roundCents(staffHours * hourlyCost);
}

/** Cost per student served in cents (unrounded); null when no students are served. */
export function costPerStudent(total: Cents, studentsServed: number): number | null {
  return studentsServed > 0 ? total / studentsServed : null;
}

/** The fully loaded cost of one initiative. */
export function initiativeCost(i: Initiative): InitiativeCost {
  const staff = staffCost(i.staffHours, i.hourlyCost);
  const total = i.directCost + staff + i.indirectCost;
  return { direct: i.directCost, staff, indirect: i.indirectCost, total, perStudent: costPerStudent(total, i.studentsServed) };
}

/** "$1,234.56" (or "−$1,234.56") for a cents amount; used in reasons and notes (src/engine/money.ts). */
export { dollarsAndCents as formatDollars } from "../../engine/money";

/** Cents to dollars for output (JSON, sheet cells): at most two decimals. */
export { dollarsFromCents } from "../../engine/money";
