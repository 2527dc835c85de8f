/**
 * Phase-in: this year a school moves only `phaseIn` of the way from its Current Budget to its formula
 * ("turned-on") amount: target = current + phaseIn x (formula - current). Schools without a Current Budget get
 * the formula amount.
 */
export function phaseInTarget(formula: number, current: number | null, phaseIn: number): number {
  if (current === null || phaseIn >= 1) return formula;
  return current + Math.max(0, phaseIn) * (formula - current);
}
