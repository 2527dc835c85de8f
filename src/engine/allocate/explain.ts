import { eligibleRows } from "../eligibility";
import type { Allocation, Line } from "../types";
import { largestRemainder } from "./largestRemainder";
import { buildLayout, fundedCategory } from "./layout";
import { count, dollars } from "../money";

/**
 * The explanation of each school's total as lines (count x rate = $), source by source, plus the foundation and
 * the adjustment (phase-in, floors, caps) — summing exactly to the school's total. Rates are the same ones the
 * allocation used: source base x weight for weight cells, the source's share of the fixed $ for fixed cells.
 * Each source's formula amount is split over its lines with largest remainders, so lines add up to the cent.
 */
export function explainer(alloc: Allocation): (schoolIndex: number) => Line[] {
  const d = alloc.district;
  const L = buildLayout(d);
  const elig = d.sources.map((s) => eligibleRows(d, s));
  const cats = d.sources.map((s) => fundedCategory(d, s));
  const categories = alloc.matrix.categories;
  return (i: number): Line[] => {
    const lines: Line[] = [];
    const school = alloc.schools[i];
    alloc.sources.forEach((src, s) => {
      const final = src.bySchool[i];
      const on = src.turnedOnBySchool[i];
      if (final === 0 && on === 0) return;
      const f = school.foundation > 0 ? src.foundationPerSchool : 0;
      if (f !== 0) {
        lines.push({ source: src.name, kind: "foundation", level: null, category: null, count: null, rate: null, amount: f, text: `Foundation per school from ${src.name}: ${dollars(f)}` });
      }
      const formula = on - f;
      if (formula !== 0) {
        const parts: { level: number; cat: number; count: number; rate: number }[] = [];
        for (let k = L.rowStart[i]; k < L.rowStart[i + 1]; k++) {
          const r = L.rowsOf[k];
          if (!elig[s][r]) continue;
          const l = L.rowLevel[r];
          for (let c = 0; c < L.nCats; c++) {
            if (cats[s] !== -1 && cats[s] !== c) continue;
            const count = L.counts[r * L.nCats + c];
            const rate = alloc.matrix.bySource[s][l][c];
            if (count > 0 && rate > 0) parts.push({ level: l, cat: c, count, rate });
          }
        }
        const amounts = parts.length ? largestRemainder(formula, parts.map((p) => p.count * p.rate), 1) : new Float64Array(0);
        let given = 0;
        parts.forEach((p, k) => {
          const amount = amounts[k];
          given += amount;
          const level = d.levels[p.level];
          const category = categories[p.cat];
          const who = p.cat === 0 ? "students" : `${category} students`;
          lines.push({
            source: src.name,
            kind: "formula",
            level,
            category,
            count: p.count,
            rate: p.rate,
            amount,
            text: `${fmtCount(p.count)} ${level} ${who} × ${dollars(Math.round(p.rate))} = ${dollars(amount)} (${src.name})`,
          });
        });
        if (given !== formula) {
          lines.push({ source: src.name, kind: "formula", level: null, category: null, count: null, rate: null, amount: formula - given, text: `${src.name}: formula amount ${dollars(formula - given)}` });
        }
      }
      const change = final - on;
      if (change !== 0) {
        const why = school.adjustment ?? "Rescaled";
        lines.push({ source: src.name, kind: "adjustment", level: null, category: null, count: null, rate: null, amount: change, text: `${adjustmentWords(why)} (${src.name}): ${change > 0 ? "+" : ""}${dollars(change)}` });
      }
    });
    return lines;
  };
}

export function explainSchool(alloc: Allocation, schoolIndex: number): Line[] {
  return explainer(alloc)(schoolIndex);
}

export function adjustmentWords(a: string): string {
  switch (a) {
    case "MOB":
      return "Topped up to the minimum operating budget";
    case "Hold harmless":
      return "Held harmless (floor on the loss against the current budget)";
    case "Gain cap":
      return "Gain capped against the current budget";
    case "Phase-in":
      return "Phase-in of the move from the current budget";
    default:
      return "Budget-neutral rescaling (pays for other schools' floors or caps)";
  }
}

function fmtCount(n: number): string {
  return count(n);
}
