import { eligibilityOf } from "../eligibility";
import type { Adjustment, Allocation, Line } from "../types";
import { buildLayout, fundedCategory } from "./layout";
import { adaStudents } from "./attendance";
import { normShare } from "./normAdjustment";
import { lineAmount } from "./rounding";

/**
 * The explanation of each school's total as lines, source by source: the foundation, one line per enrollment
 * row and category with count × rate = amount (the whole-cent rate the allocation used, the amount rounded
 * half-up to the rounding unit — exactly how the engine computed it; a Base cell funded on average daily
 * attendance adds its "attendance" line, the difference ADA − enrolled at the same rate), a fixed-rate shortfall when a pool could
 * not pay its lines, and the adjustment (phase-in, revenue trigger, floors, caps, budget-neutral rescaling).
 * The lines add up exactly to the school's money from each source, hence to its total.
 */
export function explainer(alloc: Allocation): (schoolIndex: number) => Line[] {
  const d = alloc.district;
  const L = buildLayout(d);
  const elig = d.sources.map(eligibilityOf(d));
  const cats = d.sources.map((s) => fundedCategory(d, s));
  const unit = d.policy.rounding === "dollar" ? 100 : 1;
  const categories = alloc.matrix.categories;
  const rateAt = (s: number, r: number, c: number): number => {
    const o = L.rowLevel[r] * L.nCats + c;
    if (L.isFixed[o] && !alloc.sources[s].grant) return alloc.rates.row[s]?.[r * L.nCats + c] ?? 0;
    return elig[s][r] && (cats[s] === -1 || cats[s] === c) ? alloc.rates.cell[s][o] : 0;
  };
  return (i: number): Line[] => {
    const lines: Line[] = [];
    const school = alloc.schools[i];
    alloc.sources.forEach((src, s) => {
      const final = src.bySchool[i];
      const on = src.turnedOnBySchool[i];
      if (final === 0 && on === 0) return;
      const f = school.foundation > 0 ? src.foundationPerSchool : 0;
      if (f !== 0) lines.push({ source: src.name, kind: "foundation", level: null, category: null, count: null, rate: null, amount: f });
      for (let k = L.rowStart[i]; k < L.rowStart[i + 1]; k++) {
        const r = L.rowsOf[k];
        for (let c = 0; c < L.nCats; c++) {
          const n = L.counts[r * L.nCats + c];
          const rate = n > 0 ? rateAt(s, r, c) : 0;
          if (!(rate > 0)) continue;
          const level = d.levels[L.rowLevel[r]];
          lines.push({ source: src.name, kind: "formula", level, category: categories[c], count: n, rate, amount: lineAmount(n, rate, unit) });
          // Funded on attendance: the difference ADA − enrolled at the same rate, its own line right after.
          const diff = L.adaDiff[r * L.nCats + c];
          if (diff !== 0) {
            const attendance = { enrolled: n, rate: L.rowAttendance[r], funded: adaStudents(n, L.rowAttendance[r]) };
            lines.push({ source: src.name, kind: "attendance", level, category: categories[c], count: diff, rate, amount: lineAmount(diff, rate, unit), attendance });
          }
        }
      }
      const short = src.shortfallBySchool?.[i] ?? 0;
      if (short !== 0) lines.push({ source: src.name, kind: "shortfall", level: null, category: null, count: null, rate: null, amount: -short });
      // The norm-based adjustment is its own line (normAdjustment.ts); the rescaling, floor or cap line carries the rest.
      const normPart = src.normBySchool?.[i] ?? 0;
      if (normPart !== 0 && school.normBudget !== null && school.normAdjustment !== null && school.normFormula !== null) {
        const norm = { share: normShare(d), budget: school.normBudget, formula: school.normFormula, amount: school.normAdjustment };
        lines.push({ source: src.name, kind: "adjustment", rule: "Norm adjustment", level: null, category: null, count: null, rate: null, amount: normPart, norm });
      }
      const change = final - on - normPart;
      if (change !== 0) {
        const rule: Adjustment = school.adjustment ?? "Rescaled";
        lines.push({ source: src.name, kind: "adjustment", rule, level: null, category: null, count: null, rate: null, amount: change });
      }
    });
    return lines;
  };
}

export function explainSchool(alloc: Allocation, schoolIndex: number): Line[] {
  return explainer(alloc)(schoolIndex);
}
