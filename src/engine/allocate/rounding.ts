/**
 * The rounding a person does with a desktop calculator, in one place. Every line of a school's budget is
 * count × rate (a rate in whole cents), rounded half away from zero — like Excel's ROUND — to the rounding unit
 * (1 = cents, 100 = whole dollars). The engine's amounts, the explanation lines, the sheets and the calculators
 * all use this one rule, so a printed line always reproduces.
 */

/**
 * Round `cents` to a multiple of `unit`, halves away from zero. The product is first cleaned to 1e-6 cent, so
 * that binary floating point (e.g. 2.675 stored as 2.67499…) rounds the way the decimal figures on the page do.
 */
export function roundHalfUp(cents: number, unit: number): number {
  const clean = Math.abs(cents) < 1e9 ? Math.round(cents * 1e6) / 1e6 : cents;
  const q = Math.abs(clean) / unit;
  const r = Math.floor(q + 0.5) * unit;
  return clean < 0 ? -r : r;
}

/** The amount of one line: count × rate (rate in whole cents) rounded half-up to the unit. */
export function lineAmount(count: number, rate: number, unit: number): number {
  const x = count * rate;
  // Whole counts at cent rounding (the common case) need no rounding at all.
  if (unit === 1 && Number.isInteger(x)) return x;
  return roundHalfUp(x, unit);
}

/** Round a cents amount down to a multiple of `unit`. */
export function floorToUnit(cents: number, unit: number): number {
  return Math.floor(cents / unit) * unit;
}
