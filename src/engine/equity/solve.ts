/**
 * The weight solver: "what weight for English learners would make funding rise by $X per pupil per point of
 * poverty / bring the McLoone index to 0.95 / give this school its $Y budget?" It changes only the chosen need
 * category's weight (every level scaled together, or one level), re-runs `allocate(district)` with everything
 * else fixed, and finds the weight in [lo, hi] (default [0, 3]) that reaches the target by a bracketing secant
 * (Illinois regula falsi) that falls back to bisection. When the target is not between f(lo) and f(hi), or the
 * result jumps over it (rounding to cents, floors and caps make steps), it says so instead of guessing.
 *
 * Units: slope targets are cents per pupil per percentage point of poverty, McLoone is a ratio, school budgets
 * are cents. "Weight" is the value of the Weights table cell; for a cell given as Per Pupil it is the cell's
 * $ per pupil relative to the first level's Base $ per pupil (the contract's weights view) and is written
 * back as $ per pupil.
 */
import { allocate } from "../allocate/index";
import type { Allocation, Cents, District, Rate } from "../types";
import { equityInputs } from "./inputs";
import { simpleOls } from "./regression";
import { equityStats } from "./stats";

export type RootResult =
  | { found: true; x: number; fx: number; iterations: number }
  | { found: false; reason: string; iterations: number; flo: number; fhi: number };

export interface RootOptions {
  /** Accept x when |f(x) − target| ≤ tolerance. */
  tolerance: number;
  maxIterations?: number;
  /** Give up when the bracket is narrower than this. */
  xTolerance?: number;
}

function show(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(6)));
}

/** Find x in [lo, hi] with f(x) = target (within tolerance), f continuous or stepwise, by bracketing. */
export function findRoot(f: (x: number) => number, target: number, lo: number, hi: number, opts: RootOptions): RootResult {
  const maxIterations = opts.maxIterations ?? 100;
  const xTol = opts.xTolerance ?? 1e-12 * Math.max(1, Math.abs(hi - lo));
  let a = lo;
  let b = hi;
  const flo = f(a);
  const fhi = f(b);
  let ga = flo - target;
  let gb = fhi - target;
  let iterations = 2;
  if (Math.abs(ga) <= opts.tolerance) return { found: true, x: a, fx: flo, iterations };
  if (Math.abs(gb) <= opts.tolerance) return { found: true, x: b, fx: fhi, iterations };
  if (!Number.isFinite(ga) || !Number.isFinite(gb) || Math.sign(ga) === Math.sign(gb)) {
    return {
      found: false,
      reason: `no solution in [${show(lo)}, ${show(hi)}]: the target ${show(target)} lies outside [f(${show(lo)}), f(${show(hi)})] = [${show(Math.min(flo, fhi))}, ${show(Math.max(flo, fhi))}]`,
      iterations,
      flo,
      fhi,
    };
  }
  let side = 0;
  let bisectNext = false;
  while (iterations < maxIterations && b - a > xTol) {
    let x = bisectNext ? (a + b) / 2 : (a * gb - b * ga) / (gb - ga);
    if (!(x > a && x < b)) x = (a + b) / 2;
    const before = b - a;
    const fx = f(x);
    iterations++;
    const gx = fx - target;
    if (Math.abs(gx) <= opts.tolerance) return { found: true, x, fx, iterations };
    if (Math.sign(gx) === Math.sign(ga)) {
      a = x;
      ga = gx;
      if (side === -1) gb /= 2; // Illinois: halve the stale end so the secant keeps moving it.
      side = -1;
    } else {
      b = x;
      gb = gx;
      if (side === 1) ga /= 2;
      side = 1;
    }
    // Fall back to bisection when a secant step shrank the bracket by less than half.
    bisectNext = !bisectNext && b - a > before / 2;
  }
  return {
    found: false,
    reason: `no weight reaches ${show(target)} within ±${show(opts.tolerance)}: the result jumps over it between ${show(a)} and ${show(b)} (rounding, floors or caps make steps)`,
    iterations,
    flo,
    fhi,
  };
}

export type SolveTarget =
  | { kind: "slope"; value: number }
  | { kind: "mcloone"; value: number }
  | { kind: "schoolBudget"; schoolId: string; value: Cents };

export interface SolveOptions {
  /** One level (label or index) to change; default: every level, scaled together. */
  level?: string | number;
  lo?: number;
  hi?: number;
  /** Which form of slope / McLoone to target (default pupilWeighted). */
  form?: "pupilWeighted" | "unweighted";
  tolerance?: number;
  maxIterations?: number;
}

export interface SchoolChange {
  id: string;
  name: string;
  before: Cents;
  after: Cents;
  delta: Cents;
}

export type SolveResult =
  | {
      found: true;
      /** The solved weight at `level` (every other changed level keeps its ratio to it). */
      weight: number;
      level: string;
      /** The target measure at the solved weight. */
      achieved: number;
      iterations: number;
      changes: SchoolChange[];
      /** The district with the solved weight (immutable update of the input). */
      district: District;
      allocation: Allocation;
    }
  | { found: false; reason: string };

const DEFAULT_TOLERANCE: Record<SolveTarget["kind"], number> = { slope: 0.5, mcloone: 1e-4, schoolBudget: 100 };

/** The measure the target names, read from an allocation. */
export function measure(alloc: Allocation, target: SolveTarget, form: "pupilWeighted" | "unweighted" = "pupilWeighted"): number {
  if (target.kind === "schoolBudget") {
    const s = alloc.schools.find((x) => x.id === target.schoolId);
    return s ? s.total : NaN;
  }
  const inputs = equityInputs(alloc).filter((s) => s.students > 0);
  const values = inputs.map((s) => s.perPupil);
  const weights = form === "pupilWeighted" ? inputs.map((s) => s.students) : null;
  if (target.kind === "slope") {
    const fit = simpleOls(
      inputs.map((s) => (s.needs.length ? s.needs[0].pct : NaN)),
      values,
      weights,
    );
    return fit.ok ? fit.slope : NaN;
  }
  return equityStats(values, weights).mcloone ?? NaN;
}

/** An immutable update of the district with new rates. */
function withRates(d: District, rates: (Rate | null)[][]): District {
  return { ...d, rates };
}

export function solveWeight(district: District, category: string | number, target: SolveTarget, opts: SolveOptions = {}): SolveResult {
  const cat = typeof category === "number" ? category : district.needs.findIndex((n) => n.toLowerCase() === category.toLowerCase()) + 1;
  if (!(cat >= 1 && cat <= district.needs.length)) return { found: false, reason: `"${category}" is not a need category in Enrollment (${district.needs.join(", ") || "none"})` };
  let levels: number[] = district.levels.map((_, i) => i);
  if (opts.level !== undefined) {
    const li = typeof opts.level === "number" ? opts.level : district.levels.findIndex((l) => l.toLowerCase() === String(opts.level).toLowerCase());
    if (!(li >= 0 && li < district.levels.length)) return { found: false, reason: `"${opts.level}" is not a level (${district.levels.join(", ")})` };
    levels = [li];
  }
  const lo = opts.lo ?? 0;
  const hi = opts.hi ?? 3;
  if (!(lo < hi)) return { found: false, reason: `the search range [${lo}, ${hi}] is empty` };
  if (target.kind === "schoolBudget" && !district.schools.some((s) => s.id === target.schoolId))
    return { found: false, reason: `no school with ID "${target.schoolId}"` };

  const baseline = allocate(district);
  const refCents = baseline.matrix.perPupil[0]?.[0] ?? 0;
  const cells = district.levels.map((_, l) => district.rates[l]?.[cat] ?? null);
  const fixedKind = cells.some((r) => r?.kind === "perPupil");
  if (fixedKind && !(refCents > 0))
    return { found: false, reason: "the category is priced in $ per pupil and the first level's Base $ per pupil is 0, so a weight cannot be converted to dollars" };
  const current = cells.map((r) => (r === null ? 0 : r.kind === "weight" ? r.weight : r.cents / refCents));
  const ref = levels.find((l) => current[l] !== 0);

  const districtAt = (x: number): District => {
    const rates = district.levels.map((_, l) => {
      const row = [...(district.rates[l] ?? [])];
      while (row.length <= cat) row.push(null);
      return row;
    });
    for (const l of levels) {
      const w = levels.length === 1 || ref === undefined ? x : (x * current[l]) / current[ref];
      const kind = cells[l]?.kind ?? (fixedKind ? "perPupil" : "weight");
      rates[l][cat] = kind === "perPupil" ? { kind: "perPupil", cents: w * refCents } : { kind: "weight", weight: w };
    }
    return withRates(district, rates);
  };
  const form = opts.form ?? "pupilWeighted";
  const f = (x: number) => measure(allocate(districtAt(x)), target, form);
  const root = findRoot(f, target.value, lo, hi, { tolerance: opts.tolerance ?? DEFAULT_TOLERANCE[target.kind], maxIterations: opts.maxIterations ?? 100 });
  if (!root.found) return { found: false, reason: root.reason };
  const solved = districtAt(root.x);
  const allocation = allocate(solved);
  return {
    found: true,
    weight: root.x,
    level: district.levels[levels.length === 1 || ref === undefined ? levels[0] : ref],
    achieved: root.fx,
    iterations: root.iterations,
    changes: allocation.schools.map((s, i) => {
      const before = baseline.schools[i].total;
      return { id: s.id, name: s.name, before, after: s.total, delta: s.total - before };
    }),
    district: solved,
    allocation,
  };
}
