import { floorToUnit, largestRemainder } from "./largestRemainder";
import { dollars, type Work } from "./work";

/**
 * Solved base (no Base Amount in Policy): each source spreads what is left of its school pool over the weighted
 * pupils it pays for, in the schools and levels eligible for it, so that the pool is used exactly:
 * base = pool / weighted pupils. A pupil at level L in needs N1, N2 counts Base(L) + w(N1, L) + w(N2, L); a source
 * restricted to one category counts only that category's weighted pupils. Shares are rounded with largest
 * remainders, so each source pays out its pool to the cent (to the dollar under dollar rounding, the odd
 * cents staying central).
 */
export function solveBase(w: Work): void {
  const { L, d, unit } = w;
  const { nRows, nCats, counts, weight, rowLevel, rowSchool } = L;
  for (let s = 0; s < d.sources.length; s++) {
    const a = w.avail[s];
    if (a <= 0) continue;
    const e = w.elig[s];
    const cat = w.cat[s];
    const wp = new Float64Array(L.nSchools);
    let W = 0;
    for (let r = 0; r < nRows; r++) {
      if (!e[r]) continue;
      const lo = rowLevel[r] * nCats;
      const o = r * nCats;
      let x = 0;
      if (cat >= 0) x = counts[o + cat] * weight[lo + cat];
      else for (let c = 0; c < nCats; c++) x += counts[o + c] * weight[lo + c];
      if (x > 0) {
        wp[rowSchool[r]] += x;
        W += x;
      }
    }
    if (!(W > 0)) {
      if (w.fixedPaid[s] === 0 && w.foundationPer[s] === 0) {
        const what = cat >= 0 ? (cat === 0 ? "Base" : d.needs[cat - 1]) : "the formula";
        w.warnings.push(`${d.sources[s].name}: no eligible weighted pupils for ${what}; its school pool of ${dollars(a)} is held centrally.`);
      }
      continue;
    }
    const total = floorToUnit(a, unit);
    const amounts = largestRemainder(total, wp, unit);
    const by = w.by[s];
    for (let i = 0; i < L.nSchools; i++) by[i] += amounts[i];
    w.avail[s] -= total;
    w.base[s] = total / W;
  }
}
