import * as X from "../formula/expr";

/**
 * Phase-in: this year a school moves only `phaseIn` of the way from its Current Budget to its formula
 * ("turned-on") amount: target = current + phaseIn x (formula - current). Schools without a Current Budget get
 * the formula amount.
 */
export function phaseInTarget(formula: number, current: number | null, phaseIn: number): number {
  if (current === null || phaseIn >= 1) return formula;
  return current + Math.max(0, phaseIn) * (formula - current);
}

/** The same target as a calculator formula (phaseIn is the district's setting, at least 0). */
export function phaseInTargetFormula(formula: X.Expr, current: X.Expr, phaseIn: X.Expr): X.Expr {
  return X.add(current, X.mul(phaseIn, X.sub(formula, current)));
}

/** The general money a school aims at: its target less its other money that counts toward it, at least 0. */
export function generalTarget(target: number, other: number): number {
  return Math.max(0, target - other);
}

/** The same as a calculator formula. */
export function generalTargetFormula(target: X.Expr, other: X.Expr): X.Expr {
  return X.max(X.num(0), X.sub(target, other));
}
