import * as X from "../formula/expr";
import type { Cents, District } from "../types";
import { largestRemainder } from "./largestRemainder";
import { roundHalfUp } from "./rounding";

/**
 * The norm-based "other adjustment". Some districts adjust a school's revenue up or down towards a norm-based
 * budget for the site: what its staffing norms cost (Schools `Norm Budget`). With Policy `Norm Adjustment` = s
 * (0..1; 0 = off), a school's adjustment is
 *
 *     s × (Norm Budget − its formula non-grant money), rounded half-up to the rounding unit,
 *
 * added to the school's target (after phase-in) before the budget-neutral solve (adjust.ts): general money only,
 * and the one common factor keeps the general money paid to schools unchanged, so what one school gains towards
 * its norm the others pay for. A school without a Norm Budget (blank) gets no adjustment: the district sets norms
 * for the sites it staffs by norms (a new, virtual or alternative site may have none). Turning the rule on with no
 * Norm Budget column at all is a located error at the Policy row. Each school's adjustment is its own explanation
 * line, so how far it moves a school from the formula — it can undo the formula's equity — stays visible.
 */

/** The policy share (0 when absent or off). */
export function normShare(d: Pick<District, "policy">): number {
  const s = d.policy.normAdjustment;
  return typeof s === "number" && s > 0 ? Math.min(1, s) : 0;
}

/** Whether the rule applies to a school: the share is on and the school has a Norm Budget. */
export function normApplies(share: number, normBudget: Cents | null | undefined): normBudget is Cents {
  return share > 0 && normBudget !== null && normBudget !== undefined;
}

/**
 * A school's norm-based adjustment (cents, signed): share × (norm budget − formula non-grant money), rounded
 * half-up to the unit; 0 when the rule does not apply.
 */
export function normAmount(share: number, normBudget: Cents | null | undefined, formula: Cents, unit: number): Cents {
  if (!normApplies(share, normBudget)) return 0;
  const r = roundHalfUp(share * (normBudget - formula), unit);
  return r === 0 ? 0 : r;
}

/** The same as a calculator formula, in dollars: ROUND(share × (norm budget − formula), digits). */
export function normAmountFormula(share: X.Expr, normBudget: X.Expr, formula: X.Expr, digits: number): X.Expr {
  return X.round(X.mul(share, X.sub(normBudget, formula)), digits);
}

/** The school's target with its norm adjustment: target + adjustment. */
export function normTarget(target: number, adjustment: Cents): number {
  return target + adjustment;
}

/** The same as a calculator formula. */
export function normTargetFormula(target: X.Expr, adjustment: X.Expr): X.Expr {
  return X.add(target, adjustment);
}

/** Whether the district turned the rule on without giving any school a Norm Budget (the Norm Budget column is missing). */
export function normWithoutBudgets(d: District): boolean {
  return normShare(d) > 0 && !d.schools.some((s) => s.normBudget !== null && s.normBudget !== undefined);
}

/**
 * Each general source's part of one school's norm adjustment (cents), so that the source's norm line and its
 * other adjustment line add up to its change. When the school's whole change is its norm adjustment, each source's
 * part is its own change (nothing is left for a rescaling line); otherwise the amount is split by the sources'
 * shares of general money with the largest-remainder rule (exact: the parts add up to the amount).
 */
export function splitNorm(amount: Cents, changes: readonly Cents[], shares: readonly number[], unit: number): Cents[] {
  const total = changes.reduce((x, c) => x + c, 0);
  if (total === amount) return changes.slice();
  const units = Math.abs(amount) / unit;
  const parts = largestRemainder(units, shares.some((x) => x > 0) ? shares : shares.map(() => 1), 1);
  return Array.from(parts, (p) => (amount < 0 ? -p : p) * unit);
}
