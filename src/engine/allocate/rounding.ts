/**
 * The rounding a person does with a desktop calculator, in one place. Every line of a school's budget is
 * count × rate (a rate in whole cents), rounded half away from zero — like Excel's ROUND — to the rounding unit
 * (1 = cents, 100 = whole dollars). The engine's amounts, the explanation lines, the sheets and the calculators
 * all use this one rule, so a printed line always reproduces.
 */

import * as X from "../formula/expr";

/**
 * Round `cents` to a multiple of `unit`, halves away from zero. The product is first cleaned to 1e-6 cent, so
 * that binary floating point (e.g. 2.675 stored as 2.67499…) rounds the way the decimal figures on the page do.
 */
export function roundHalfUp(cents: number, unit: number): number {
  const a = Math.abs(cents);
  const clean = a < 9e9 ? Math.round(cents * 1e6) / 1e6 : a < 9e11 ? Math.round(cents * 1e4) / 1e4 : cents;
  const q = Math.abs(clean) / unit;
  const r = Math.floor(q + 0.5) * unit;
  return clean < 0 ? -r : r;
}

/**
 * The amount of one line: count × rate (rate in whole cents) rounded half-up to the unit. Counts with at most two
 * decimals (the usual case, whole pupils or FTE to the hundredth) are multiplied exactly in integers.
 */
export function lineAmount(count: number, rate: number, unit: number): number {
  const x = count * rate;
  // Whole counts at cent rounding (the common case) need no rounding at all.
  if (unit === 1 && Number.isInteger(x)) return x;
  const c100 = Math.round(count * 100);
  if (Math.abs(c100 - count * 100) < 1e-6) {
    const x100 = c100 * rate;
    if (Number.isSafeInteger(x100)) {
      const u = 100 * unit;
      const q = Math.floor((Math.abs(x100) + u / 2) / u) * unit;
      return x100 < 0 ? -q : q;
    }
  }
  return roundHalfUp(x, unit);
}

/**
 * The same line as a calculator formula, in dollars: ROUND(count × rate, digits) with the rate in dollars (whole
 * cents) and digits 2 for cents, 0 for whole dollars — Excel's ROUND rounds half away from zero, as `lineAmount`.
 */
export function lineAmountFormula(count: X.Expr, rateDollars: X.Expr, digits: number): X.Expr {
  return X.round(X.mul(count, rateDollars), digits);
}

/** Round a cents amount down to a multiple of `unit`. */
export function floorToUnit(cents: number, unit: number): number {
  return Math.floor(cents / unit) * unit;
}
