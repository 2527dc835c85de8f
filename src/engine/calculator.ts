/**
 * What every school calculator reads of the whole allocation, as data: the engine's explanation lines and each
 * general source's share of the general money (computed once per allocation), and a school's projected counts.
 * The calculator model that assembles the rules' formulas into labelled figures is src/report/calculator/model;
 * what drives the budget, in plain sentences, is calculatorDrivers (src/words/calculator.ts).
 */
import { explainer } from "./allocate/explain";
import type { Allocation, Line } from "./types";

/** What the model needs of the whole allocation, computed once for every school's calculator. */
export interface CalculatorContext {
  lines: (schoolIndex: number) => Line[];
  /** Each general source's district-wide general money before adjustments (splits a school's change). */
  shares: number[];
}

/** Counts by [district level index][category] (0 = Students); levels the school does not have are ignored. */
export type CalculatorCounts = number[][];

/** The figures every school's calculator shares, computed once per allocation. */
export function calculatorContext(a: Allocation): CalculatorContext {
  const hasRows = a.district.schools.map(() => false);
  for (const r of a.district.enrollment) hasRows[r.schoolIndex] = true;
  // The general sources' shares split a school's change in general money (as the engine does: by the general
  // money each source paid, before adjustments, to schools with enrolment).
  const shares = a.sources.map((s) => (s.general ? s.turnedOnBySchool.reduce((x, v, i) => x + (hasRows[i] ? v : 0), 0) : 0));
  return { lines: explainer(a), shares };
}

/** The school's projected counts, by [level][category]. */
export function originalCounts(a: Allocation, schoolIndex: number): CalculatorCounts {
  const d = a.district;
  const counts = d.levels.map(() => new Array<number>(d.needs.length + 1).fill(0));
  for (const r of d.enrollment) {
    if (r.schoolIndex !== schoolIndex) continue;
    counts[r.levelIndex][0] += r.students;
    r.needs.forEach((n, k) => (counts[r.levelIndex][k + 1] += n));
  }
  return counts;
}
