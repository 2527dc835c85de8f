import { largestRemainder } from "./largestRemainder";
import { cellAmount } from "./attendance";
import { floorToUnit } from "./rounding";
import { payEvery, type Work } from "./work";

/**
 * Fixed-rate formula (Per Pupil cells, or every cell when Policy sets a Base Amount, the rate being
 * base × weight rounded to the cent). A school's formula amount is Σ count × rate, each line rounded half-up to
 * the rounding unit: nothing is scaled while the pools can pay. Grant sources take no part here (they are paid
 * on top, see solveBase). The other sources pay each cell's rate as a waterfall:
 *  1. sources restricted to one category (Funds = a need or Base) pay that category's rate first, split between
 *     the ones eligible for the row in proportion to their pools, in whole cents; a source whose pool cannot pay
 *     its part pays a lower whole-cent rate (its part × one factor, rounded down), the rest falling to step 2;
 *  2. sources that fund the whole formula (Funds = All) pay the rest of every rate the same way. When their
 *     pool cannot pay, the lines keep the full rate and the shortfall is its own labelled line per school
 *     (split in proportion to the school's lines), never hidden in the rates.
 * What a source does not spend stays in its pool (then spread over weight cells, if any, else kept centrally
 * as surplus); rate no source pays is the school's unfunded amount. Nothing is created or lost.
 */
export function coverFixedCosts(w: Work): void {
  const { L, d } = w;
  if (!L.anyFixed) return;
  const { nRows, nLevels, nCats, counts, fixed, isFixed, rowLevel } = L;
  const rem = w.rem;
  for (let r = 0; r < nRows + nLevels; r++) {
    const lo = (r < nRows ? rowLevel[r] : r - nRows) * nCats;
    for (let c = 0; c < nCats; c++) {
      if (isFixed[lo + c] && (r >= nRows || counts[r * nCats + c] > 0)) rem[r * nCats + c] = fixed[lo + c];
    }
  }
  const S = d.sources.length;
  for (let c = 0; c < nCats; c++) {
    const group: number[] = [];
    for (let s = 0; s < S; s++) if (!w.grant[s] && w.cat[s] === c && w.avail[s] > 0) group.push(s);
    if (group.length) payGroup(w, group, c);
  }
  const all: number[] = [];
  for (let s = 0; s < S; s++) if (!w.grant[s] && w.cat[s] === -1 && w.avail[s] > 0) all.push(s);
  if (all.length) payGroup(w, all, -1);
}

/** Whether source s may pay row r (an enrollment row, or the virtual row of a level for the matrix). */
function eligibleAt(w: Work, s: number, r: number): boolean {
  const { nRows } = w.L;
  if (r < nRows) return w.elig[s][r] === 1;
  const levels = w.d.sources[s].eligible.levels;
  const level = w.d.levels[r - nRows].trim().toLowerCase();
  return levels === null || levels.some((x) => x.trim().toLowerCase() === level);
}

function payGroup(w: Work, group: number[], cat: number): void {
  const parts = splitRates(w, group, cat);
  group.forEach((s, g) => {
    const cap = floorToUnit(w.avail[s], w.unit);
    const full = parts[g];
    let rates = full;
    const demand = lineSums(w, full);
    let shortfall: Float64Array | null = null;
    if (demand.sum > cap && cat >= 0) rates = scaledToFit(w, full, cap, demand);
    else if (demand.sum > cap) shortfall = largestRemainder(demand.sum - cap, demand.bySchool, w.unit);
    const paid = rates === full ? demand : lineSums(w, rates);
    const amounts = paid.bySchool;
    if (shortfall) {
      for (let i = 0; i < amounts.length; i++) amounts[i] -= shortfall[i];
      w.shortfall[s] = Array.from(shortfall);
    }
    const total = paid.sum - (shortfall ? demand.sum - cap : 0);
    w.rowRate[s] = rates;
    payEvery(w, s, amounts);
    w.avail[s] -= total;
    w.fixedPaid[s] += total;
    for (let o = 0; o < rates.length; o++) w.rem[o] -= rates[o];
  });
}

/**
 * Each group source's whole-cent part of every row's remaining rate: the rate is split between the group's
 * sources eligible for the row in proportion to their available pools (largest remainders, ties to the earlier
 * source), so the parts add up to the rate exactly.
 */
function splitRates(w: Work, group: number[], cat: number): Float64Array[] {
  const { nRows, nLevels, nCats } = w.L;
  const V = nRows + nLevels;
  const parts = group.map(() => new Float64Array(V * nCats));
  const who: number[] = [];
  const pools: number[] = [];
  for (let r = 0; r < V; r++) {
    who.length = 0;
    pools.length = 0;
    group.forEach((s, g) => {
      if (eligibleAt(w, s, r)) {
        who.push(g);
        pools.push(w.avail[s]);
      }
    });
    if (who.length === 0) continue;
    for (let c = 0; c < nCats; c++) {
      if (cat >= 0 && c !== cat) continue;
      const o = r * nCats + c;
      const R = w.rem[o];
      if (!(R > 0)) continue;
      if (who.length === 1) {
        parts[who[0]][o] = R;
        continue;
      }
      const split = largestRemainder(R, pools, 1);
      for (let k = 0; k < who.length; k++) parts[who[k]][o] = split[k];
    }
  }
  return parts;
}

interface LineSums {
  sum: number;
  bySchool: Float64Array;
}

/**
 * Σ of the lines count × rate (each rounded to the unit; a cell funded on attendance as its two lines) over the
 * enrollment rows, in total and per school.
 */
function lineSums(w: Work, rates: Float64Array): LineSums {
  const { nRows, nCats, counts, adaDiff, rowSchool } = w.L;
  const bySchool = new Float64Array(w.L.nSchools);
  let sum = 0;
  for (let r = 0; r < nRows; r++) {
    const o = r * nCats;
    let v = 0;
    for (let c = 0; c < nCats; c++) if (rates[o + c] > 0 && counts[o + c] > 0) v += cellAmount(counts[o + c], adaDiff[o + c], rates[o + c], w.unit);
    bySchool[rowSchool[r]] += v;
    sum += v;
  }
  return { sum, bySchool };
}

/**
 * A category source whose pool cannot pay its part: every part × one factor, rounded down to the cent, with the
 * largest factor (found in a few steps) whose lines fit in the pool; the last step is a bound that always fits.
 */
function scaledToFit(w: Work, full: Float64Array, cap: number, demand: LineSums): Float64Array {
  const out = new Float64Array(full.length);
  let lines = 0;
  for (let r = 0; r < w.L.nRows; r++) {
    for (let c = 0; c < w.L.nCats; c++) {
      const o = r * w.L.nCats + c;
      // A cell funded on attendance is two lines (enrolled, and the attendance difference), each rounded.
      if (full[o] > 0 && w.L.counts[o] > 0) lines += w.L.adaDiff[o] === 0 ? 1 : 2;
    }
  }
  let factor = cap / demand.sum;
  for (let k = 0; k < 12; k++) {
    if (k === 11) factor = Math.max(0, (cap - lines * w.unit) / (demand.sum + lines * w.unit));
    for (let o = 0; o < full.length; o++) out[o] = Math.floor(full[o] * factor);
    const got = lineSums(w, out).sum;
    if (got <= cap) return out;
    factor *= (cap / got) * (1 - 1e-9);
  }
  return out;
}
