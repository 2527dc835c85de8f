import * as X from "../formula/expr";
import { fixed12 } from "../formula/numbers";
import { roundHalfUp } from "./rounding";

/**
 * Budget neutrality for floors, caps and phase-in. Each school i has a target t[i] (its general money after
 * phase-in) and bounds [lo[i], hi[i]]. Find the common factor k >= 0 such that
 *     sum_i clamp(k * t[i], lo[i], hi[i]) = total,
 * i.e. the schools that are not held at a floor or a cap are scaled together so the general money is used exactly.
 * f(k) is continuous and non-decreasing; we bracket, bisect, then solve exactly on the final free set.
 * Returns null when even every school at its floor needs more than `total` (infeasible floors), and
 * k = Infinity with `excess` when every school is capped (or has no target to scale) and money is left over. `values` is `into` when given
 * (length n; every entry is written), else a new array.
 *
 * The bisection settles only which schools are free at the root, and the answer is computed from that free set.
 * So when the free set is the same all around the root (no school's floor or cap lies within a relative margin
 * of it, wider than any rounding error of the bisection), the answer is found directly: an exact search over
 * the breakpoints (see breakpointFactor). Only near-degenerate cases run the bisection itself.
 */
export function solveNeutralFactor(
  t: ArrayLike<number>,
  lo: ArrayLike<number>,
  hi: ArrayLike<number>,
  total: number,
  into?: Float64Array,
): { k: number; values: Float64Array; excess: number } | null {
  const n = t.length;
  const values = into && into.length === n ? into : new Float64Array(n);
  let sumLo = 0;
  let sumHi = 0;
  // The most the schools can be given: each its cap, or its floor when it has no target to scale (k × 0 stays 0).
  let reachable = 0;
  for (let i = 0; i < n; i++) {
    sumLo += lo[i];
    sumHi += hi[i];
    reachable += t[i] > 0 ? hi[i] : lo[i];
  }
  if (sumLo > total + 1e-6) return null;
  if (sumHi <= total) {
    for (let i = 0; i < n; i++) values[i] = hi[i];
    return { k: Infinity, values, excess: total - sumHi };
  }
  // Money no school can take: every school with a target is capped and the others have none to scale.
  if (reachable < total) {
    for (let i = 0; i < n; i++) values[i] = t[i] > 0 ? hi[i] : lo[i];
    return { k: Infinity, values, excess: total - reachable };
  }
  const direct = sumLo < total ? breakpointFactor(t, lo, hi, total) : NaN;
  if (!Number.isNaN(direct)) {
    for (let i = 0; i < n; i++) values[i] = boundedShare(direct, t[i], lo[i], hi[i]);
    return { k: direct, values, excess: 0 };
  }
  const f = (k: number): number => {
    let s = 0;
    for (let i = 0; i < n; i++) s += clamp(k * t[i], lo[i], hi[i]);
    return s;
  };
  // Bracket: f(0) = sumLo <= total < sumHi = f(large).
  let a = 0;
  let b = 1;
  while (f(b) < total && b < 1e12) b *= 2;
  for (let iter = 0; iter < 200 && b - a > 1e-15 * b; iter++) {
    const m = (a + b) / 2;
    if (f(m) < total) a = m;
    else b = m;
  }
  // Exact k on the free set at the bracket's midpoint.
  const k0 = (a + b) / 2;
  let fixedSum = 0;
  let freeT = 0;
  for (let i = 0; i < n; i++) {
    const v = k0 * t[i];
    if (v <= lo[i]) fixedSum += lo[i];
    else if (v >= hi[i]) fixedSum += hi[i];
    else freeT += t[i];
  }
  const k = freeT > 0 ? (total - fixedSum) / freeT : k0;
  for (let i = 0; i < n; i++) values[i] = clamp(k * t[i], lo[i], hi[i]);
  return { k, values, excess: 0 };
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

const EPS = Number.EPSILON;

/**
 * The factor the bisection above returns, computed without it, or NaN when that cannot be guaranteed.
 * Needs sumLo < total < sumHi (so that the bisection starts from f(0) < total and ends with f(b) >= total).
 *
 * Newton's method on the pieces of f, safeguarded by a bracket: at k, the schools' states (floor, free, cap)
 * give f's piece through k, and next = (total - fixed) / freeT, with the bisection's own formula and summation
 * order, is where that piece meets `total`. Accept `next` once every school's state at k holds all over
 * [next(1 - rho), next(1 + rho)]: then f is that piece all around `next`, so `next` is the root. rho exceeds
 * the bisection's error: its f is a sum of n rounded terms, off by at most about n x eps x total, so its
 * final bracket lies within (n x eps x total) / freeT + 2e-15 x next of the root, where every school's state
 * is the one at k; and the bisection's answer, computed from that same free set in the same order, is `next`.
 */
function breakpointFactor(t: ArrayLike<number>, lo: ArrayLike<number>, hi: ArrayLike<number>, total: number): number {
  const n = t.length;
  let a = 0;
  let b = Infinity;
  let k = 1;
  // The previous point, whose states gave k (when `newton`), and the interval they must hold over.
  let prev = 0;
  let newton = false;
  let down = 0;
  let up = 0;
  for (let iter = 0; iter < 24; iter++) {
    let fixedSum = 0;
    let freeT = 0;
    let stable = newton;
    for (let i = 0; i < n; i++) {
      const ti = t[i];
      const l = lo[i];
      const h = hi[i];
      const v = k * ti;
      let s: number;
      if (v <= l) {
        fixedSum += l;
        s = 0;
      } else if (v >= h) {
        fixedSum += h;
        s = 2;
      } else {
        freeT += ti;
        s = 1;
      }
      if (stable && (state(prev * ti, l, h) !== s || state(down * ti, l, h) !== s || state(up * ti, l, h) !== s)) stable = false;
    }
    if (stable) return k;
    if (fixedSum + k * freeT < total) a = k;
    else b = k;
    newton = false;
    let next = freeT > 0 ? (total - fixedSum) / freeT : NaN;
    if (next > a && next < b) {
      const rho = 1e-9 + (64 * (n + 4) * EPS * total) / (total - fixedSum);
      if (next > 1e-30 && next < 1e11 && rho < 1e-4) {
        newton = true;
        down = next * (1 - rho);
        up = next * (1 + rho);
      }
    } else next = b === Infinity ? 2 * k : (a + b) / 2;
    if (!(next > a && next < b) || next === k) return NaN;
    prev = k;
    k = next;
  }
  return NaN;
}

function state(v: number, lo: number, hi: number): number {
  return v <= lo ? 0 : v >= hi ? 2 : 1;
}

/** A school's general money at factor k: its target scaled by k, held between its floor and its cap. */
export function boundedShare(k: number, t: number, lo: number, hi: number): number {
  return clamp(k * t, lo, hi);
}

/**
 * A school's general money as it is paid: its bounded share rounded half-up to the rounding unit, each school on
 * its own (bounds are whole units already, so a school held at a bound gets exactly that bound).
 */
export function roundedShare(k: number, t: number, lo: number, hi: number, unit: number): number {
  return roundHalfUp(boundedShare(k, t, lo, hi), unit);
}

/**
 * The factor to print and pay by: the solved factor k written with 12 significant digits (what a calculator
 * reads), or, when rounding each school alone would pay more than `total`, the largest 12-digit factor below it
 * whose rounded shares fit. Proof that the sum never exceeds `total`: the answer is either a factor checked to
 * fit, or 0, where every school gets its floor and the floors fit (the caller solved a feasible k). The sum is
 * non-decreasing in the factor, so the search (bisection between a fitting and a non-fitting factor) only moves
 * the fitting end to factors checked to fit. What is left (total − sum ≥ 0) stays central as rounding remainder.
 */
export function paidFactor(k: number, t: ArrayLike<number>, lo: ArrayLike<number>, hi: ArrayLike<number>, total: number, unit: number): number {
  const paid = (f: number): number => {
    let s = 0;
    for (let i = 0; i < t.length; i++) s += roundedShare(f, t[i], lo[i], hi[i], unit);
    return s;
  };
  const printed = fixed12(k);
  if (paid(printed) <= total) return printed;
  let a = 0;
  let b = printed;
  for (let iter = 0; iter < 200 && b - a > 1e-13 * b; iter++) {
    const m = fixed12((a + b) / 2);
    if (m <= a || m >= b) break;
    if (paid(m) <= total) a = m;
    else b = m;
  }
  return a;
}

/** The same as a calculator formula, rounded to the rounding unit (bounds are whole units already): roundedShare. */
export function boundedShareFormula(k: X.Expr, t: X.Expr, lo: X.Expr | null, hi: X.Expr | null, digits: number): X.Expr {
  const scaled = X.mul(k, t);
  const floored = lo ? X.max(scaled, lo) : scaled;
  return X.round(hi ? X.min(floored, hi) : floored, digits);
}
