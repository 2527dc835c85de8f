import * as X from "../formula/expr";
import type { Cents, District, SchoolResult } from "../types";

/**
 * Prior-year carry-over. A school's Prior Year Balance (Schools table, signed dollars: + a surplus carried
 * forward, − a deficit to repay) is the school's own money from last year, not revenue of this year: the
 * allocation, its sources and their conservation never read it. Each school's result carries it beside the
 * allocation, and "available to spend" = this year's allocation + what was carried. `total` keeps meaning the
 * allocation everywhere; the carried amount and what is available are their own labelled figures.
 *
 * Without the column every school's carried amount is null (nothing is shown); with it a blank cell is $0.
 */

/** Whether the district gave a Prior Year Balance (the column is in the Schools table). */
export function hasCarryOver(d: District): boolean {
  return d.schools.some((s) => s.priorYear !== undefined && s.priorYear !== null);
}

/** The amount a school carries into this year (cents, signed), or null without the column. */
export function carriedAmount(priorYear: Cents | null | undefined): Cents | null {
  return priorYear === undefined || priorYear === null ? null : priorYear;
}

/** Available to spend: this year's allocation + what was carried (null when nothing is given). */
export function availableToSpend(total: Cents, carried: Cents | null): Cents | null {
  return carried === null ? null : total + carried;
}

/** The same as a calculator formula (dollars): ROUND(total + carried, 2). */
export function availableFormula(total: X.Expr, carried: X.Expr): X.Expr {
  return X.round(X.add(total, carried), 2);
}

/** The district's carry-over: surpluses carried, deficits carried (≤ 0), and how many schools are in deficit. */
export interface CarryOverTotals {
  /** Sum of the positive balances (cents, ≥ 0). */
  surplus: Cents;
  /** Sum of the negative balances (cents, ≤ 0). */
  deficit: Cents;
  /** Schools carrying a deficit. */
  schoolsInDeficit: number;
  /** Schools carrying a surplus. */
  schoolsInSurplus: number;
  /** surplus + deficit. */
  net: Cents;
}

/** The district's carry-over totals, or null when no school has a Prior Year Balance. */
export function carryOverTotals(schools: readonly Pick<SchoolResult, "carryOver">[]): CarryOverTotals | null {
  let any = false;
  let surplus = 0;
  let deficit = 0;
  let schoolsInDeficit = 0;
  let schoolsInSurplus = 0;
  for (const s of schools) {
    if (s.carryOver === null) continue;
    any = true;
    if (s.carryOver > 0) {
      surplus += s.carryOver;
      schoolsInSurplus++;
    } else if (s.carryOver < 0) {
      deficit += s.carryOver;
      schoolsInDeficit++;
    }
  }
  return any ? { surplus, deficit, schoolsInDeficit, schoolsInSurplus, net: surplus + deficit } : null;
}
