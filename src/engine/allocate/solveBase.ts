import { cellAmount } from "./attendance";
import { floorToUnit } from "./rounding";
import { payEvery, type Work } from "./work";

/**
 * Solved rates (weight cells; and every Grant source, which is always paid on top by its own solved rate).
 * Each source spreads what is left of its school pool over the weighted pupils it pays for, in the schools and
 * levels eligible for it. Its rate in a cell is base × weight rounded DOWN to the whole cent, and a line is
 * count × rate rounded half-up to the rounding unit. The base is the largest one whose lines fit in the pool;
 * what the whole-cent rates leave over is the source's central rounding remainder, one labelled central line.
 * A pupil at level L in needs N1, N2 counts Base(L) + w(N1, L) + w(N2, L); a source restricted to one
 * category counts only that category's weighted pupils.
 */
export function solveBase(w: Work): void {
  const { d } = w;
  for (let s = 0; s < d.sources.length; s++) {
    if (w.avail[s] <= 0) continue;
    const cells = scopeCells(w, s);
    if (!(cells.W > 0)) {
      if (w.fixedPaid[s] === 0 && w.foundationPer[s] === 0) {
        const cat = w.cat[s];
        const category = cat >= 0 ? (cat === 0 ? "Base" : d.needs[cat - 1]) : null;
        w.warnings.push({ code: "noEligiblePupils", source: d.sources[s].name, category, pool: w.avail[s] });
      }
      continue;
    }
    const total = floorToUnit(w.avail[s], w.unit);
    const base = fitBase(w, s, cells, total);
    const rates = w.cellRate[s];
    for (let o = 0; o < rates.length; o++) rates[o] = cells.weight[o] > 0 ? rateFor(base, cells.weight[o]) : 0;
    const paid = schoolAmounts(w, s, rates);
    payEvery(w, s, w.perSchool);
    w.avail[s] -= paid;
    w.remainder[s] = total - paid;
    // A grant spread by $ per pupil (a table without weights) has no base per weighted pupil to print.
    w.base[s] = w.grant[s] && w.L.grantByDollars ? null : shortestBase(base, cells.weight);
  }
}

/** The whole-cent rate of a cell: base × weight rounded down (a hair of tolerance for decimal bases). */
export function rateFor(base: number, weight: number): number {
  return Math.floor(base * weight + 1e-7);
}

interface ScopeCells {
  /** Per (level, category): the weight the source pays by (0 outside its scope). */
  weight: Float64Array;
  /** Per (level, category): pupils over the source's eligible rows (Base students on attendance where ADA applies). */
  count: Float64Array;
  /** Weighted pupils. */
  W: number;
  /** Number of lines (rows × cells with pupils). */
  lines: number;
}

function scopeCells(w: Work, s: number): ScopeCells {
  const { L } = w;
  const { nLevels, nCats, nRows, counts, adaDiff, rowLevel } = L;
  const source = w.grant[s] ? L.grantWeight : L.weight;
  const cat = w.cat[s];
  const weight = new Float64Array(nLevels * nCats);
  const levels = w.d.sources[s].eligible.levels;
  for (let l = 0; l < nLevels; l++) {
    if (levels !== null && !levels.some((x) => x.trim().toLowerCase() === w.d.levels[l].trim().toLowerCase())) continue;
    for (let c = 0; c < nCats; c++) if (cat === -1 || cat === c) weight[l * nCats + c] = Math.max(0, source[l * nCats + c]);
  }
  const count = new Float64Array(nLevels * nCats);
  const e = w.elig[s];
  let lines = 0;
  for (let r = 0; r < nRows; r++) {
    if (!e[r]) continue;
    const lo = rowLevel[r] * nCats;
    const o = r * nCats;
    for (let c = 0; c < nCats; c++) {
      const n = counts[o + c];
      if (n > 0 && weight[lo + c] > 0) {
        // Funded pupils: enrolled + (ADA − enrolled); a cell funded on attendance is paid as two lines.
        const diff = adaDiff[o + c];
        count[lo + c] += n + diff;
        lines += diff === 0 ? 1 : 2;
      }
    }
  }
  let W = 0;
  for (let o = 0; o < weight.length; o++) W += count[o] * weight[o];
  return { weight, count, W, lines };
}

/** Σ over cells of pupils × whole-cent rate at `base` (the lines before each is rounded to the unit). */
function cellSum(cells: ScopeCells, base: number): number {
  let f = 0;
  for (let o = 0; o < cells.weight.length; o++) if (cells.count[o] > 0) f += cells.count[o] * rateFor(base, cells.weight[o]);
  return f;
}

/** The largest base whose cell sum is at most `target` (bisection on a non-decreasing step function). */
function baseForTarget(cells: ScopeCells, target: number): number {
  if (target <= 0) return 0;
  let lo = target / cells.W;
  let sumCounts = 0;
  for (let o = 0; o < cells.count.length; o++) sumCounts += cells.count[o];
  let hi = (target + sumCounts) / cells.W + 1;
  if (cellSum(cells, lo) > target) lo = 0;
  for (let k = 0; k < 200 && hi - lo > 1e-12 * hi; k++) {
    const m = (lo + hi) / 2;
    if (cellSum(cells, m) <= target) lo = m;
    else hi = m;
  }
  return stepUp(cells, lo, target);
}

/**
 * From a base that fits, take each next breakpoint (the least base at which some cell's rate rises by a cent)
 * while the cell sum still fits. Bisection stops within a hair of the answer; two cells' breakpoints can lie
 * closer together than that hair (rate 49,770 at weight 1 and 59,724 at weight 1.2), and the largest base that
 * fits may sit between them.
 */
function stepUp(cells: ScopeCells, base: number, target: number): number {
  for (let guard = 0; guard < 1000; guard++) {
    let next = Infinity;
    for (let o = 0; o < cells.weight.length; o++) {
      const wt = cells.weight[o];
      if (wt > 0) next = Math.min(next, breakpoint(rateFor(base, wt) + 1, wt));
    }
    if (!(next < Infinity) || cellSum(cells, next) > target) return base;
    base = next;
  }
  return base;
}

/** The least base (to the double) whose rate at weight `wt` is `k` cents. */
function breakpoint(k: number, wt: number): number {
  let b = (k - 1e-7) / wt;
  while (rateFor(b, wt) < k) b += Math.max(Number.MIN_VALUE, Math.abs(b) * Number.EPSILON);
  while (b > 0) {
    const down = b - Math.abs(b) * Number.EPSILON;
    if (down >= b || rateFor(down, wt) < k) break;
    b = down;
  }
  return b;
}

/**
 * The base whose lines, each rounded to the unit, add up to at most `total`. With whole counts at cent rounding
 * the cell sum is exact. Otherwise each line's rounding moves it by at most half a unit: aim lower by what the
 * lines overshoot, a few times, and finally by the worst case (half a unit per line), which always fits.
 */
function fitBase(w: Work, s: number, cells: ScopeCells, total: number): number {
  const exact = w.unit === 1 && w.L.integral;
  let target = total;
  const rates = w.cellRate[s];
  for (let attempt = 0; ; attempt++) {
    const base = baseForTarget(cells, target);
    if (exact) return base;
    for (let o = 0; o < rates.length; o++) rates[o] = cells.weight[o] > 0 ? rateFor(base, cells.weight[o]) : 0;
    const over = schoolAmounts(w, s, rates) - total;
    if (over <= 0) return base;
    target = attempt < 6 ? target - over : total - Math.ceil((cells.lines * w.unit) / 2);
    if (attempt >= 7) return baseForTarget(cells, target);
  }
}

/**
 * Each school's lines from source s at whole-cent cell rates, written to w.perSchool; returns their sum. The
 * explanation lines (explain.ts) are built by the same rule, so they add up to these amounts.
 */
function schoolAmounts(w: Work, s: number, rates: Float64Array): number {
  const { nRows, nCats, counts, adaDiff, rowLevel, rowSchool } = w.L;
  const out = w.perSchool;
  out.fill(0);
  const e = w.elig[s];
  const unit = w.unit;
  let sum = 0;
  for (let r = 0; r < nRows; r++) {
    if (!e[r]) continue;
    const lo = rowLevel[r] * nCats;
    const o = r * nCats;
    let v = 0;
    for (let c = 0; c < nCats; c++) {
      const rate = rates[lo + c];
      if (rate > 0 && counts[o + c] > 0) v += cellAmount(counts[o + c], adaDiff[o + c], rate, unit);
    }
    if (v !== 0) {
      out[rowSchool[r]] += v;
      sum += v;
    }
  }
  return sum;
}

/**
 * The base to print: the decimal with the fewest digits that gives exactly the same whole-cent rates
 * (rate = base × weight rounded down), so that a reader who multiplies the printed base by a weight finds the
 * printed rate.
 */
function shortestBase(base: number, weight: Float64Array): number {
  let lo = 0;
  let hi = Infinity;
  for (let o = 0; o < weight.length; o++) {
    if (!(weight[o] > 0)) continue;
    const r = rateFor(base, weight[o]);
    lo = Math.max(lo, r / weight[o]);
    hi = Math.min(hi, (r + 1) / weight[o]);
  }
  for (let k = 0; k <= 6; k++) {
    const p = 10 ** k;
    const v = Math.ceil(lo * p - 1e-9) / p;
    if (v >= hi) continue;
    let same = true;
    for (let o = 0; o < weight.length && same; o++) if (weight[o] > 0 && rateFor(v, weight[o]) !== rateFor(base, weight[o])) same = false;
    if (same) return v;
  }
  return base;
}
