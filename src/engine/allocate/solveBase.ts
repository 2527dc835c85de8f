import { floorToUnit, splitShares } from "./largestRemainder";
import { dollars, scratchF64, scratchI32, type Work } from "./work";

/**
 * Solved base (no Base Amount in Policy): each source spreads what is left of its school pool over the weighted
 * pupils it pays for, in the schools and levels eligible for it, so that the pool is used exactly:
 * base = pool / weighted pupils. A pupil at level L in needs N1, N2 counts Base(L) + w(N1, L) + w(N2, L); a source
 * restricted to one category counts only that category's weighted pupils. Shares are rounded with largest
 * remainders, so each source pays out its pool to the cent (to the dollar under dollar rounding, the odd
 * cents staying central).
 *
 * Sources that pay the same category over the same enrollment rows share one weighted-pupil count.
 */
export function solveBase(w: Work): void {
  const { L, d, unit } = w;
  const groups: WeightedPupils[] = [];
  const perRow: (Float64Array | null)[] = new Array(L.nCats + 1).fill(null);
  for (let s = 0; s < d.sources.length; s++) {
    const a = w.avail[s];
    if (a <= 0) continue;
    const cat = w.cat[s];
    const rows = eligibleRowList(w.elig[s]);
    let g = groups.find((x) => x.cat === cat && sameRows(x.rows, rows));
    if (!g) {
      const x = perRow[cat + 1] ?? (perRow[cat + 1] = weightedPerRow(w, cat));
      g = weightedPupils(w, rows, cat, x, groups.length);
      groups.push(g);
    }
    if (!(g.W > 0)) {
      if (w.fixedPaid[s] === 0 && w.foundationPer[s] === 0) {
        const what = cat >= 0 ? (cat === 0 ? "Base" : d.needs[cat - 1]) : "the formula";
        w.warnings.push(`${d.sources[s].name}: no eligible weighted pupils for ${what}; its school pool of ${dollars(a)} is held centrally.`);
      }
      continue;
    }
    const total = floorToUnit(a, unit);
    payShares(w, s, g, Math.floor(total / unit), unit);
    w.avail[s] -= total;
    w.base[s] = total / g.W;
  }
}

/**
 * Pay source s its largest-remainder split of `units` over the group's schools, finishing the split in the same
 * pass (see ShareSplit). Amounts are whole cents, so the running sums kept in w are exact in any order.
 */
function payShares(w: Work, s: number, g: WeightedPupils, units: number, unit: number): void {
  const split = splitShares(units, g.shares, g.schools.length);
  const { schools, shares } = g;
  const by = w.by[s];
  const onTotal = w.onTotal;
  const onGeneral = w.onGeneral;
  const general = w.general[s];
  const { parts, threshold, ties } = split;
  let paid = 0;
  for (let j = 0; j < schools.length; j++) {
    let v: number;
    if (parts === null) {
      const q = units * shares[j];
      const f = Math.floor(q);
      v = (f + Math.ceil(q - f - threshold)) * unit;
    } else v = parts[j] * unit;
    const i = schools[j];
    by[i] += v;
    onTotal[i] += v;
    if (general) onGeneral[i] += v;
    paid += v;
  }
  for (let k = 0; k < ties.length; k++) {
    const i = schools[ties[k]];
    by[i] += unit;
    onTotal[i] += unit;
    if (general) onGeneral[i] += unit;
    paid += unit;
  }
  w.paid[s] += paid;
}

/** Weighted pupils of one (category, eligible rows) pair. */
interface WeightedPupils {
  cat: number;
  rows: Int32Array;
  /** Sum of the rows' weighted pupils, in row order. */
  W: number;
  /** Schools with weighted pupils, in school order, and each one's share of their total. */
  schools: Int32Array;
  shares: Float64Array;
}

/**
 * Weighted pupils of every row for one category (count x weight), or for the whole formula (cat = -1: the
 * sum over categories, in category order).
 */
function weightedPerRow(w: Work, cat: number): Float64Array {
  const { nRows, nCats, counts, weight, rowLevel } = w.L;
  const x = scratchF64(`solveBase.perRow.${cat}`, nRows);
  if (cat >= 0) {
    for (let r = 0; r < nRows; r++) x[r] = counts[r * nCats + cat] * weight[rowLevel[r] * nCats + cat];
    return x;
  }
  for (let r = 0; r < nRows; r++) {
    const lo = rowLevel[r] * nCats;
    const o = r * nCats;
    let v = 0;
    for (let c = 0; c < nCats; c++) v += counts[o + c] * weight[lo + c];
    x[r] = v;
  }
  return x;
}

function weightedPupils(w: Work, rows: Int32Array, cat: number, x: Float64Array, slot: number): WeightedPupils {
  const { nSchools, rowSchool } = w.L;
  const wp = scratchPupils(nSchools);
  const touched = scratchI32(`solveBase.schools.${slot}`, Math.min(rows.length, nSchools));
  let nt = 0;
  let W = 0;
  let sorted = true;
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    const v = x[r];
    if (v > 0) {
      const i = rowSchool[r];
      if (wp[i] === 0) {
        if (nt > 0 && touched[nt - 1] > i) sorted = false;
        touched[nt++] = i;
      }
      wp[i] += v;
      W += v;
    }
  }
  const schools = touched.subarray(0, nt);
  if (!sorted) schools.sort();
  // The largest-remainder split: each school's weight over the sum of the weights, summed in school order.
  let sum = 0;
  for (let j = 0; j < nt; j++) sum += wp[schools[j]];
  const shares = scratchF64(`solveBase.shares.${slot}`, nt);
  for (let j = 0; j < nt; j++) {
    const i = schools[j];
    shares[j] = wp[i] / sum;
    wp[i] = 0;
  }
  return { cat, rows, W, schools, shares };
}

/** The eligible rows of a source as a list of row indexes, remembered per eligibility array. */
export function eligibleRowList(elig: Uint8Array): Int32Array {
  const hit = ROW_LISTS.get(elig);
  if (hit) return hit;
  let n = 0;
  for (let r = 0; r < elig.length; r++) if (elig[r]) n++;
  const rows = new Int32Array(n);
  n = 0;
  for (let r = 0; r < elig.length; r++) if (elig[r]) rows[n++] = r;
  ROW_LISTS.set(elig, rows);
  return rows;
}

const ROW_LISTS = new WeakMap<Uint8Array, Int32Array>();

function sameRows(a: Int32Array, b: Int32Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

// Scratch, reused across runs (never escapes a call); kept all zero between uses.
let PUPILS = new Float64Array(0);

function scratchPupils(n: number): Float64Array {
  if (PUPILS.length < n) PUPILS = new Float64Array(n);
  return PUPILS;
}
