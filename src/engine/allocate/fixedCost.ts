import { floorToUnit, largestRemainder } from "./largestRemainder";
import { payEvery, type Work } from "./work";

/**
 * Fixed-rate formula (Per Pupil cells, or every cell when Policy sets a Base Amount): the formula cost of each
 * (enrollment row, category) is count x $ per pupil. Sources pay it as a waterfall:
 *  1. sources restricted to one category (Funds = a need or Base) pay that category's cost first, so that
 *     restricted money is spent on what it is restricted to;
 *  2. sources that fund the whole formula (Funds = All) pay what is left.
 * Within each group, every row's remaining cost is shared by the sources eligible for that row in proportion
 * to their available pools; a source whose share would exceed its pool is scaled down to its pool. What a
 * source cannot spend stays in its pool (then spread over weighted cells, if any, else kept centrally as a
 * surplus); cost no source covers is the school's unfunded amount. Nothing is created or lost.
 */
export function coverFixedCosts(w: Work): void {
  const { L, d } = w;
  if (!L.anyFixed) return;
  const { nRows, nCats, counts, fixed, isFixed, rowLevel } = L;
  const rem = w.rem;
  for (let r = 0; r < nRows; r++) {
    const lo = rowLevel[r] * nCats;
    for (let c = 0; c < nCats; c++) {
      if (!isFixed[lo + c]) continue;
      const cost = counts[r * nCats + c] * fixed[lo + c];
      rem[r * nCats + c] = cost;
      w.costCat[lo + c] += cost;
    }
  }
  const S = d.sources.length;
  // Groups in order: each single category (restricted sources), then the whole formula.
  for (let c = 0; c < nCats; c++) {
    const group: number[] = [];
    for (let s = 0; s < S; s++) if (w.cat[s] === c && w.avail[s] > 0) group.push(s);
    if (group.length) payGroup(w, group, c);
  }
  const all: number[] = [];
  for (let s = 0; s < S; s++) if (w.cat[s] === -1 && w.avail[s] > 0) all.push(s);
  if (all.length) payGroup(w, all, -1);
}

function payGroup(w: Work, group: number[], cat: number): void {
  const { L, unit } = w;
  const { nRows, nCats, rowSchool, rowLevel } = L;
  const rem = w.rem;
  // Remaining cost per row in this group's scope.
  const R = new Float64Array(nRows);
  for (let r = 0; r < nRows; r++) {
    if (cat >= 0) R[r] = rem[r * nCats + cat];
    else {
      let t = 0;
      for (let c = 0; c < nCats; c++) t += rem[r * nCats + c];
      R[r] = t;
    }
  }
  // Denominator per row: the pools of the group's sources eligible there.
  const denom = new Float64Array(nRows);
  for (const s of group) {
    const e = w.elig[s];
    const a = w.avail[s];
    for (let r = 0; r < nRows; r++) if (e[r]) denom[r] += a;
  }
  const paidRow = new Float64Array(nRows);
  for (const s of group) {
    const e = w.elig[s];
    const a = w.avail[s];
    let demand = 0;
    for (let r = 0; r < nRows; r++) if (e[r] && R[r] > 0) demand += (R[r] * a) / denom[r];
    if (demand <= 0) continue;
    const factor = demand > a ? a / demand : 1;
    const q = new Float64Array(L.nSchools);
    const paidCat = w.paidCat[s];
    for (let r = 0; r < nRows; r++) {
      if (!e[r] || R[r] <= 0) continue;
      const pay = ((R[r] * a) / denom[r]) * factor;
      q[rowSchool[r]] += pay;
      paidRow[r] += pay;
      const lo = rowLevel[r] * nCats;
      if (cat >= 0) paidCat[lo + cat] += pay;
      else for (let c = 0; c < nCats; c++) paidCat[lo + c] += (pay * rem[r * nCats + c]) / R[r];
    }
    const total = Math.min(a, floorToUnit(Math.round(demand * factor), unit));
    payEvery(w, s, largestRemainder(total, q, unit));
    w.avail[s] -= total;
    w.fixedPaid[s] += total;
  }
  // Reduce the remaining cost by what was paid.
  for (let r = 0; r < nRows; r++) {
    const p = paidRow[r];
    if (p <= 0) continue;
    if (cat >= 0) rem[r * nCats + cat] = Math.max(0, rem[r * nCats + cat] - p);
    else {
      const keep = R[r] > 0 ? Math.max(0, 1 - p / R[r]) : 0;
      for (let c = 0; c < nCats; c++) rem[r * nCats + c] *= keep;
    }
  }
}
