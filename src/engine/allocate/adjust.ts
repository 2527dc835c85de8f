import { floorsError, noGeneralMoneyError, normWithoutBudgetError } from "../located";
import type { Adjustment } from "../types";
import { generalBounds, schoolBounds } from "./bounds";
import { boundedShare, paidFactor, roundedShare, solveNeutralFactor } from "./neutrality";
import { normAmount, normApplies, normShare, normTarget, normWithoutBudgets, splitNorm } from "./normAdjustment";
import { generalTarget, phaseInTarget } from "./phaseIn";
import { spreadChanges } from "./redistribute";
import { weightsOn } from "./trigger";
import type { Work } from "./work";

export interface AdjustOutcome {
  adjustment: Adjustment[];
  floor: (number | null)[];
  ceiling: (number | null)[];
  factor: number;
  /** Per school: its norm-based adjustment (cents) when the rule applied to it, else null. */
  norm: (number | null)[];
  /** Per school: the formula non-grant money the norm adjustment compared with its Norm Budget (cents), or null. */
  normFormula: (number | null)[];
  /** Per source: each school's part of the norm adjustment (general sources), or null. */
  normBy: (number[] | null)[];
}

/**
 * Move from the formula ("turned-on") amounts to this year's amounts: phase-in, then MOB top-up, hold harmless
 * and gain cap, budget-neutral. Only general money moves: the schools held at a floor or a cap are fixed there,
 * and every other school's general money (after phase-in) is scaled by one common factor so that the general
 * money paid to schools is unchanged (see solveNeutralFactor); each school's amount is rounded on its own, and the
 * few units that leaves are the general sources' central rounding remainder. If every school is capped, what is
 * left is held centrally (a cap surplus). Restricted and targeted money is never moved.
 */
export function applyAdjustments(w: Work): AdjustOutcome {
  const { d, L, unit } = w;
  const N = L.nSchools;
  const out: AdjustOutcome = {
    adjustment: new Array(N).fill(null),
    floor: new Array(N).fill(null),
    ceiling: new Array(N).fill(null),
    factor: 1,
    norm: new Array(N).fill(null),
    normFormula: new Array(N).fill(null),
    normBy: d.sources.map(() => null),
  };
  const p = d.policy;
  const anyMob = d.schools.some((s) => s.minimum !== null && s.minimum > 0);
  const on = weightsOn(d);
  const share = normShare(d);
  if (normWithoutBudgets(d)) {
    w.errors.push(normWithoutBudgetError(d));
    return out;
  }
  if (on && p.phaseIn >= 1 && p.holdHarmless === null && p.gainCap === null && !anyMob && share === 0) return out;
  const generals: number[] = [];
  for (let s = 0; s < d.sources.length; s++) if (w.general[s]) generals.push(s);
  const idx = participants(w);
  const n = idx.length;
  const t = new Float64Array(n);
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  const rules: Adjustment[] = new Array(n).fill(null);
  const norm = new Float64Array(n);
  const { totalU, moves } = targetsAndBounds(w, idx, on ? p.phaseIn : 0, { t, lo, hi, rules, floor: out.floor, ceiling: out.ceiling, norm, normFormula: out.normFormula });
  for (let k = 0; k < n; k++) if (out.normFormula[idx[k]] !== null) out.norm[idx[k]] = norm[k];
  if (!moves) return out;
  let needed = 0;
  for (let k = 0; k < n; k++) needed += lo[k];
  // Without general money there is nothing to move: only a floor that needs some is a problem.
  if (generals.length === 0 || totalU === 0) {
    if (needed > 0) w.errors.push(noGeneralMoneyError(d));
    // Nothing moved: no norm adjustment was made either.
    out.norm.fill(null);
    out.normFormula.fill(null);
    return out;
  }
  const solved = solveNeutralFactor(t, lo, hi, totalU, new Float64Array(n));
  if (solved === null) {
    w.errors.push(floorsError(d, totalU, needed));
    return out;
  }
  const paid = finalGeneral(solved, t, lo, hi, totalU, unit);
  const finalU = paid.finalU;
  const U = w.onGeneral;
  const delta = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = idx[k];
    delta[k] = (finalU[k] - U[i]) / unit;
    out.adjustment[i] = ruleThatMoved(paid, k, lo, hi, t, rules[k], on, p.phaseIn < 1 && d.schools[i].current !== null, finalU[k] !== U[i]);
  }
  const { kept, shares } = moveGeneralMoney(w, generals, idx, delta);
  if (share > 0) recordNorm(w, out, generals, idx, norm, shares);
  let distributable = 0;
  for (let k = 0; k < n; k++) distributable += finalU[k];
  if (solved.excess > 0) w.warnings.push({ code: "gainCapHeld", held: totalU - distributable });
  // Otherwise what rounding each school alone leaves (totalU − Σ finalU ≥ 0, see paidFactor) is each general
  // source's part of the central rounding remainder, a labelled central line.
  else generals.forEach((s, g) => (w.remainder[s] += kept[g]));
  out.factor = Number.isFinite(paid.k) ? paid.k : 1;
  return out;
}

/**
 * The norm adjustment of each participant and each general source's part of it (its own explanation line):
 * split from the source's actual change so that the source's norm line and its other adjustment line add up to it.
 * `shares`: each general source's turned-on money at the participants (the split moveGeneralMoney used).
 */
function recordNorm(w: Work, out: AdjustOutcome, generals: number[], idx: Int32Array, norm: Float64Array, shares: number[]): void {
  const by = generals.map(() => new Array<number>(w.L.nSchools).fill(0));
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k];
    if (out.normFormula[i] === null || norm[k] === 0) continue;
    const changes = generals.map((s) => w.by[s][i] - (w.turnedOn[s] ?? w.by[s])[i]);
    splitNorm(norm[k], changes, shares, w.unit).forEach((v, g) => (by[g][i] = v));
  }
  generals.forEach((s, g) => (out.normBy[s] = by[g]));
}

/** Schools with enrollment rows: the ones the rules apply to. */
function participants(w: Work): Int32Array {
  const { L } = w;
  let n = 0;
  for (let i = 0; i < L.nSchools; i++) if (L.hasRows[i]) n++;
  const idx = new Int32Array(n);
  n = 0;
  for (let i = 0; i < L.nSchools; i++) if (L.hasRows[i]) idx[n++] = i;
  return idx;
}

/**
 * Each participant's final general money, each school rounded on its own by the rule its calculator writes
 * (roundedShare: the factor times its target, kept between its floor and its cap, rounded half-up to the unit)
 * at the factor the calculator prints (paidFactor: never paying more than the general money). With every school
 * capped, each gets its cap. Returns the factor paid by (Infinity when every school is capped) and each school's
 * value before rounding at that factor (for the rule labels).
 */
function finalGeneral(solved: { k: number; values: Float64Array; excess: number }, t: Float64Array, lo: Float64Array, hi: Float64Array, totalU: number, unit: number): { finalU: Float64Array; k: number; values: Float64Array } {
  const n = lo.length;
  if (!Number.isFinite(solved.k)) return { finalU: solved.values.slice(), k: solved.k, values: solved.values };
  const k = paidFactor(solved.k, t, lo, hi, totalU, unit);
  const finalU = new Float64Array(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    values[i] = boundedShare(k, t[i], lo[i], hi[i]);
    finalU[i] = roundedShare(k, t[i], lo[i], hi[i], unit);
  }
  return { finalU, k, values };
}

/** The rule that moved participant k's general money (floor, cap, trigger, phase-in, rescaling), or null. */
function ruleThatMoved(
  solved: { values: Float64Array; k: number },
  k: number,
  lo: Float64Array,
  hi: Float64Array,
  t: Float64Array,
  floorRule: Adjustment,
  on: boolean,
  phased: boolean,
  changed: boolean,
): Adjustment {
  const v = solved.values[k];
  if (v <= lo[k] + 1e-6 && lo[k] > 0 && lo[k] > solved.k * t[k] + 1e-6) return floorRule;
  if (Number.isFinite(hi[k]) && v >= hi[k] - 1e-6 && hi[k] < solved.k * t[k] - 1e-6) return "Gain cap";
  if (!on) return "Revenue trigger";
  if (phased) return "Phase-in";
  return changed ? "Rescaled" : null;
}

/**
 * Split each participant's change of general money (in units) across the general sources in proportion to
 * their general money, keeping every school's and every source's sums exact (spreadChanges); the turned-on
 * amounts stay on record first. A negative total change is money capped away from schools: it stays central.
 * Returns what each general source keeps centrally and the shares it split by (each source's turned-on money).
 */
function moveGeneralMoney(w: Work, generals: number[], idx: Int32Array, delta: Float64Array): { kept: number[]; shares: number[] } {
  const n = idx.length;
  const shares = generals.map((s) => {
    let sum = 0;
    for (let k = 0; k < n; k++) sum += w.by[s][idx[k]];
    return sum;
  });
  const x = spreadChanges(delta, shares);
  const kept: number[] = [];
  generals.forEach((s, g) => {
    const by = w.by[s];
    if (w.turnedOn[s] === null) w.turnedOn[s] = by.slice();
    let change = 0;
    for (let k = 0; k < n; k++) {
      const v = x[g][k] * w.unit;
      by[idx[k]] += v;
      w.moved[idx[k]] += v;
      change += v;
    }
    w.avail[s] -= change;
    w.paid[s] += change;
    kept.push(-change);
  });
  repairNegatives(generals.map((s) => w.by[s]), idx);
  return { kept, shares };
}

/**
 * For each participant k (school idx[k]): its target t (general money after phase-in) and bounds [lo, hi] on
 * its general money (the school's floor and cap less its other non-grant money), the rule behind the floor, and
 * the school's floor and ceiling. Floors, caps and targets compare a school's NON-GRANT money with its Current
 * and Minimum Budget: grant money is paid on top and never counts toward them (supplement, not supplant).
 * A phase-in of 0 (also the rule while the revenue trigger is not reached) targets the Current Budget itself.
 * Returns the general money paid to the participants and whether any rule moves it.
 */
function targetsAndBounds(
  w: Work,
  idx: Int32Array,
  phaseIn: number,
  out: { t: Float64Array; lo: Float64Array; hi: Float64Array; rules: Adjustment[]; floor: (number | null)[]; ceiling: (number | null)[]; norm: Float64Array; normFormula: (number | null)[] },
): { totalU: number; moves: boolean } {
  const { d, unit } = w;
  const p = d.policy;
  const U = w.onGeneral;
  const onTotal = w.onTotal;
  const { t, lo, hi, rules, floor, ceiling, norm, normFormula } = out;
  const share = normShare(d);
  let totalU = 0;
  let moves = false;
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k];
    const school = d.schools[i];
    // Turned-on money: general (U) and the other non-grant money (O), both exact sums of whole cents.
    const Oi = onTotal[i] - U[i] - w.onGrant[i];
    const A = U[i] + Oi;
    // The norm-based adjustment (normAdjustment.ts): share × (Norm Budget − formula non-grant money), on the target.
    norm[k] = normAmount(share, school.normBudget, A, unit);
    if (normApplies(share, school.normBudget)) normFormula[i] = A;
    const target = normTarget(phaseInTarget(A, school.current, phaseIn), norm[k]);
    const b = schoolBounds(school.current, school.minimum, p.holdHarmless, p.gainCap, unit);
    floor[i] = b.lo > 0 ? b.lo : null;
    ceiling[i] = Number.isFinite(b.hi) ? b.hi : null;
    rules[k] = b.floorRule;
    // The same rules the school calculators write as formulas (phaseIn.ts, bounds.ts).
    t[k] = generalTarget(target, Oi);
    const g = generalBounds(b.lo, b.hi, Oi);
    lo[k] = g.lo;
    hi[k] = g.hi;
    totalU += U[i];
    if (target !== A || A < b.lo || A > b.hi || norm[k] !== 0) moves = true;
  }
  return { totalU, moves };
}

/**
 * Cumulative rounding keeps every school's and every source's sum exact but can leave a source one unit below
 * zero at a school whose general money is (almost) nothing. Move such units with 2x2 swaps that keep both the
 * school's and the source's sums unchanged: +k at (i, s), -k at (i, t), -k at (j, s), +k at (j, t). While every
 * school's and every source's sum is non-negative, a negative cell always has such a t and j, so all are repaired
 * (several partial swaps may be needed: no single school need hold the whole amount).
 */
export function repairNegatives(by: (number[] | Float64Array)[], rows: ArrayLike<number>): void {
  const m = by.length;
  const nr = rows.length;
  for (let s = 0; s < m; s++) {
    for (let a = 0; a < nr; a++) {
      const i = rows[a];
      while (by[s][i] < 0) {
        let t = -1;
        for (let u = 0; u < m; u++) if (u !== s && by[u][i] > 0 && (t < 0 || by[u][i] > by[t][i])) t = u;
        if (t < 0) return;
        let j = -1;
        for (let c = 0; c < nr; c++) {
          const r = rows[c];
          if (r !== i && by[s][r] > 0 && (j < 0 || by[s][r] > by[s][j])) j = r;
        }
        if (j < 0) return;
        // Move as much as all three cells allow; no cell goes below zero, so the negative mass shrinks each step.
        const k = Math.min(-by[s][i], by[t][i], by[s][j]);
        by[s][i] += k;
        by[t][i] -= k;
        by[s][j] -= k;
        by[t][j] += k;
      }
    }
  }
}
