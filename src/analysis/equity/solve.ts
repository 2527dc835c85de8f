/**
 * The weight solver: "what weight for English learners would make funding rise by $X per pupil per point of
 * poverty / bring the McLoone index to 0.95 / give this school its $Y budget?" It changes only the chosen need
 * category's weight (every level scaled together, or one level), re-runs `allocate(district)` with everything
 * else fixed, and finds the weight in [lo, hi] (default [0, 3]) that reaches the target.
 *
 * Only weights whose allocation the engine accepts (no errors: e.g. floors the general money can pay) are
 * searched: the range is scanned, each accepted/rejected boundary is narrowed by bisection, and the root is
 * found by a bracketing secant (Illinois regula falsi, bisection fallback) between accepted weights. When the
 * target cannot be met the result says why as a `SolveProblem` (no solution in the feasible range, with the
 * closest value reached, or the result jumps over the target: rounding to cents, floors and caps make steps),
 * worded by src/words/equitySolve.ts; a rejected allocation's figures are never used or cited.
 *
 * Units: slope targets are cents per pupil per percentage point of poverty, McLoone is a ratio, school budgets
 * are cents. "Weight" is the value of the Weights table cell; for a cell given as Per Pupil it is the cell's
 * $ per pupil relative to the first level's Base $ per pupil (the contract's weights view) and is written
 * back as $ per pupil.
 */
import { allocate } from "../../engine/allocate/index";
import type { Allocation, Cents, District, InputError, Rate } from "../../engine/types";
import { equityInputs } from "./inputs";
import { simpleOls } from "./regression";
import { equityStats } from "./stats";

/** The weight at which the engine rejected the allocation, and the engine's located error. */
export interface RejectedAt {
  weight: number;
  error: InputError;
}

/**
 * Why no weight was found (worded by src/words/equitySolve.ts solveProblemText). Values are the measure's units
 * (the caller's formatValue writes them) and weights.
 */
export type SolveProblem =
  /** findRoot: the target lies outside [min, max] of the values at the ends lo and hi. */
  | { code: "outsideRange"; lo: number; hi: number; target: number; min: number; max: number }
  /** The measure steps over the target between weights a and b; `closest` is the nearest accepted value, if known. */
  | { code: "jumps"; target: number; tolerance: number; a: number; b: number; closest: { weight: number; value: number } | null }
  /** No weight in [lo, hi] gives an allocation the engine accepts. */
  | { code: "noneAccepted"; lo: number; hi: number; rejected: RejectedAt | null }
  /** The accepted weights (`feasible`) never reach the target; `rejected`: why the rest of the range is left out. */
  | { code: "notReached"; feasible: FeasibleRange; closest: { weight: number; value: number } | null; rejected: RejectedAt | null }
  /** The category is priced in $ per pupil and the first level's Base $ per pupil is 0. */
  | { code: "perPupilNoBase" }
  | { code: "notNeed"; category: string | number; needs: readonly string[] }
  | { code: "notLevel"; level: string | number; levels: readonly string[] }
  | { code: "emptyRange"; lo: number; hi: number }
  | { code: "noSchool"; schoolId: string }
  /** The solve itself failed (the pane catches it); `message` is the exception's. */
  | { code: "failed"; message: string };

export type RootResult =
  | { found: true; x: number; fx: number; iterations: number }
  | {
      found: false;
      problem: SolveProblem;
      iterations: number;
      flo: number;
      fhi: number;
    };

export interface RootOptions {
  /** Accept x when |f(x) − target| ≤ tolerance. */
  tolerance: number;
  maxIterations?: number;
  /** Give up when the bracket is narrower than this. */
  xTolerance?: number;
}

/** Find x in [lo, hi] with f(x) = target (within tolerance), f continuous or stepwise, by bracketing. */
export function findRoot(f: (x: number) => number, target: number, lo: number, hi: number, opts: RootOptions): RootResult {
  const maxIterations = opts.maxIterations ?? 100;
  const xTol = opts.xTolerance ?? 1e-12 * Math.max(1, Math.abs(hi - lo));
  const flo = f(lo);
  const fhi = f(hi);
  const ga = flo - target;
  const gb = fhi - target;
  const iterations = 2;
  if (Math.abs(ga) <= opts.tolerance) return { found: true, x: lo, fx: flo, iterations };
  if (Math.abs(gb) <= opts.tolerance) return { found: true, x: hi, fx: fhi, iterations };
  if (!Number.isFinite(ga) || !Number.isFinite(gb) || Math.sign(ga) === Math.sign(gb)) {
    return {
      found: false,
      problem: { code: "outsideRange", lo, hi, target, min: Math.min(flo, fhi), max: Math.max(flo, fhi) },
      iterations,
      flo,
      fhi,
    };
  }
  const r = bracketRoot(f, target, { x: lo, fx: flo }, { x: hi, fx: fhi }, { ...opts, maxIterations: maxIterations - iterations, xTolerance: xTol });
  if (r.found)
    return {
      found: true,
      x: r.x,
      fx: r.fx,
      iterations: iterations + r.iterations,
    };
  return {
    found: false,
    problem: { code: "jumps", target, tolerance: opts.tolerance, a: r.a, b: r.b, closest: null },
    iterations: iterations + r.iterations,
    flo,
    fhi,
  };
}

/**
 * Illinois regula falsi with a bisection fallback between two points whose values straddle the target. A value
 * that is not a finite number (a rejected allocation) stops the search.
 */
function bracketRoot(
  f: (x: number) => number,
  target: number,
  pa: { x: number; fx: number },
  pb: { x: number; fx: number },
  opts: RootOptions,
): { found: true; x: number; fx: number; iterations: number } | { found: false; a: number; b: number; iterations: number } {
  const maxIterations = opts.maxIterations ?? 100;
  const xTol = opts.xTolerance ?? 1e-12 * Math.max(1, Math.abs(pb.x - pa.x));
  let a = pa.x;
  let b = pb.x;
  let ga = pa.fx - target;
  let gb = pb.fx - target;
  let side = 0;
  let bisectNext = false;
  let iterations = 0;
  while (iterations < maxIterations && b - a > xTol) {
    let x = bisectNext ? (a + b) / 2 : (a * gb - b * ga) / (gb - ga);
    if (!(x > a && x < b)) x = (a + b) / 2;
    const before = b - a;
    const fx = f(x);
    iterations++;
    if (!Number.isFinite(fx)) break;
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
  return { found: false, a, b, iterations };
}

export type SolveTarget =
  { kind: "slope"; value: number } | { kind: "mcloone"; value: number } | { kind: "schoolBudget"; schoolId: string; value: Cents };

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

/** The weights the engine accepts: the allocation at every evaluated weight in [lo, hi] had no errors. */
export interface FeasibleRange {
  lo: number;
  hi: number;
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
      /** The part of the search range whose allocations the engine accepts. */
      feasible: FeasibleRange;
    }
  | {
      found: false;
      problem: SolveProblem;
      /** The part of the search range whose allocations the engine accepts (null: none, or the request was invalid). */
      feasible?: FeasibleRange | null;
      /** The accepted weight whose measure came closest to the target, and that measure. */
      closest?: { weight: number; value: number } | null;
    };

const DEFAULT_TOLERANCE: Record<SolveTarget["kind"], number> = {
  slope: 0.5,
  mcloone: 1e-4,
  schoolBudget: 100,
};

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
  const scope = solveScope(district, category, target, opts);
  if ("found" in scope) return scope;
  const { cat, levels, lo, hi } = scope;

  const baseline = allocate(district);
  const refCents = baseline.matrix.perPupil[0]?.[0] ?? 0;
  const cells = district.levels.map((_, l) => district.rates[l]?.[cat] ?? null);
  const fixedKind = cells.some((r) => r?.kind === "perPupil");
  if (fixedKind && !(refCents > 0))
    return {
      found: false,
      problem: { code: "perPupilNoBase" },
    };
  const current = cells.map((r) => (r === null ? 0 : r.kind === "weight" ? r.weight : r.cents / refCents));
  const ref = levels.find((l) => current[l] !== 0);
  const districtAt = (x: number): District => {
    const rates = district.levels.map((_, l) => {
      const row = [...(district.rates[l] ?? [])];
      while (row.length <= cat) row.push(null);
      return row;
    });
    for (const l of levels) {
      const w = levels.length === 1 || ref === undefined || current[l] === current[ref] ? x : (x * current[l]) / current[ref];
      const kind = cells[l]?.kind ?? (fixedKind ? "perPupil" : "weight");
      rates[l][cat] = kind === "perPupil" ? { kind: "perPupil", cents: w * refCents } : { kind: "weight", weight: w };
    }
    return withRates(district, rates);
  };
  const form = opts.form ?? "pupilWeighted";
  const search = searchFeasible(
    (x) => allocate(districtAt(x)),
    (a) => measure(a, target, form),
    target.value,
    lo,
    hi,
    {
      tolerance: opts.tolerance ?? DEFAULT_TOLERANCE[target.kind],
      maxIterations: opts.maxIterations ?? 100,
    },
  );
  if (!search.found)
    return {
      found: false,
      problem: search.problem,
      feasible: search.feasible,
      closest: search.closest,
    };
  const solved = districtAt(search.x);
  return solvedResult(search, solved, baseline, district.levels[levels.length === 1 || ref === undefined ? levels[0] : ref]);
}

/** The need category (1-based rate column), the levels it is solved at and the search range; or why there is none. */
function solveScope(
  district: District,
  category: string | number,
  target: SolveTarget,
  opts: SolveOptions,
): { cat: number; levels: number[]; lo: number; hi: number } | { found: false; problem: SolveProblem } {
  const cat = typeof category === "number" ? category : district.needs.findIndex((n) => n.toLowerCase() === category.toLowerCase()) + 1;
  if (!(cat >= 1 && cat <= district.needs.length))
    return {
      found: false,
      problem: { code: "notNeed", category, needs: district.needs },
    };
  let levels: number[] = district.levels.map((_, i) => i);
  if (opts.level !== undefined) {
    const li = typeof opts.level === "number" ? opts.level : district.levels.findIndex((l) => l.toLowerCase() === String(opts.level).toLowerCase());
    if (!(li >= 0 && li < district.levels.length))
      return {
        found: false,
        problem: { code: "notLevel", level: opts.level, levels: district.levels },
      };
    levels = [li];
  }
  const lo = opts.lo ?? 0;
  const hi = opts.hi ?? 3;
  if (!(lo < hi)) return { found: false, problem: { code: "emptyRange", lo, hi } };
  if (target.kind === "schoolBudget" && !district.schools.some((s) => s.id === target.schoolId))
    return { found: false, problem: { code: "noSchool", schoolId: target.schoolId } };
  return { cat, levels, lo, hi };
}

/** The found weight, the solved district's allocation and each school's change from the baseline. */
function solvedResult(root: FeasibleSearch & { found: true }, solved: District, baseline: Allocation, level: string): SolveResult {
  const allocation = allocate(solved);
  return {
    found: true,
    weight: root.x,
    level,
    achieved: root.fx,
    iterations: root.iterations,
    changes: allocation.schools.map((s, i) => {
      const before = baseline.schools[i].total;
      return {
        id: s.id,
        name: s.name,
        before,
        after: s.total,
        delta: s.total - before,
      };
    }),
    district: solved,
    allocation,
    feasible: root.feasible,
  };
}

/** One evaluated weight: accepted by the engine (`ok`) with its measure, or rejected with the engine's first error. */
interface Probe {
  x: number;
  ok: boolean;
  fx: number;
  error: InputError | null;
}

/** Evenly spaced weights looked at before any root finding, so that rejected regions are found first. */
const SCAN_INTERVALS = 48;

export type FeasibleSearch =
  | {
      found: true;
      x: number;
      fx: number;
      iterations: number;
      feasible: FeasibleRange;
    }
  | {
      found: false;
      problem: SolveProblem;
      iterations: number;
      feasible: FeasibleRange | null;
      closest: { weight: number; value: number } | null;
    };

/**
 * Root finding restricted to the weights whose allocation the engine accepts. The range is scanned, every
 * accepted/rejected boundary is narrowed by bisection, and roots are searched only between accepted weights; a
 * rejected allocation's figures are never used or cited. Without a root, the accepted range and the accepted
 * weight whose measure came closest to the target are reported.
 */
export function searchFeasible(
  run: (x: number) => Allocation,
  read: (a: Allocation) => number,
  target: number,
  lo: number,
  hi: number,
  opts: RootOptions,
): FeasibleSearch {
  const pr = prober(run, read);
  const grid = scanRange(pr, lo, hi);
  const accepted = grid.filter((p) => p.ok);
  const firstRejected = grid.find((p) => !p.ok) ?? null;
  const rejected: RejectedAt | null = firstRejected?.error ? { weight: firstRejected.x, error: firstRejected.error } : null;
  if (accepted.length === 0) {
    return {
      found: false,
      problem: { code: "noneAccepted", lo, hi, rejected },
      iterations: pr.iterations,
      feasible: null,
      closest: null,
    };
  }
  const feasible: FeasibleRange = {
    lo: accepted[0].x,
    hi: accepted[accepted.length - 1].x,
  };
  for (const p of grid) if (usable(p) && Math.abs(p.fx - target) <= opts.tolerance) return { found: true, x: p.x, fx: p.fx, iterations: pr.iterations, feasible };

  const bracketed = bracketedRoot(pr, grid, target, opts);
  if (bracketed.found) return { found: true, x: bracketed.x, fx: bracketed.fx, iterations: pr.iterations, feasible };
  const jumped = bracketed.jumped;

  const closest = closestProbe(pr.probes, target, pr.probe, grid);
  const problem: SolveProblem =
    jumped !== null ? { code: "jumps", target, tolerance: opts.tolerance, ...jumped, closest } : { code: "notReached", feasible, closest, rejected };
  return { found: false, problem, iterations: pr.iterations, feasible, closest };
}

/** Evaluates weights, keeping every probe and counting the evaluations. */
interface Prober {
  probe: (x: number) => Probe;
  probes: Probe[];
  iterations: number;
}

function prober(run: (x: number) => Allocation, read: (a: Allocation) => number): Prober {
  const pr: Prober = {
    probes: [],
    iterations: 0,
    probe: (x) => {
      const a = run(x);
      pr.iterations++;
      const p: Probe = a.errors.length > 0 ? { x, ok: false, fx: NaN, error: a.errors[0] } : { x, ok: true, fx: read(a), error: null };
      pr.probes.push(p);
      return p;
    },
  };
  return pr;
}

const usable = (p: Probe) => p.ok && Number.isFinite(p.fx);

/** The range scanned evenly, with every accepted/rejected boundary narrowed so that the accepted range is known to within edgeTol. */
function scanRange(pr: Prober, lo: number, hi: number): Probe[] {
  const width = hi - lo;
  const edgeTol = 1e-6 * Math.max(1, Math.abs(width));
  const grid: Probe[] = [];
  for (let k = 0; k <= SCAN_INTERVALS; k++) grid.push(pr.probe(k === SCAN_INTERVALS ? hi : lo + (width * k) / SCAN_INTERVALS));
  const refined: Probe[] = [grid[0]];
  for (let k = 1; k < grid.length; k++) {
    let a = grid[k - 1];
    let b = grid[k];
    if (a.ok !== b.ok) {
      while (b.x - a.x > edgeTol) {
        const m = pr.probe((a.x + b.x) / 2);
        if (m.ok === a.ok) a = m;
        else b = m;
      }
      if (a !== grid[k - 1]) refined.push(a);
      refined.push(b);
      if (b !== grid[k]) refined.push(grid[k]);
    } else refined.push(grid[k]);
  }
  return refined;
}

/**
 * Brackets: neighbouring accepted weights with the target between their measures. The first root found between
 * accepted weights, or why none was (`jumped`: the weights between which the measure steps over the target; null: no bracket).
 */
function bracketedRoot(pr: Prober, grid: Probe[], target: number, opts: RootOptions): { found: true; x: number; fx: number } | { found: false; jumped: { a: number; b: number } | null } {
  let jumped: { a: number; b: number } | null = null;
  for (let k = 1; k < grid.length; k++) {
    const a = grid[k - 1];
    const b = grid[k];
    if (!usable(a) || !usable(b) || Math.sign(a.fx - target) === Math.sign(b.fx - target)) continue;
    let hitRejected = false;
    const f = (x: number): number => {
      const p = pr.probe(x);
      if (!p.ok) hitRejected = true;
      return p.ok ? p.fx : NaN;
    };
    const root = bracketRoot(f, target, a, b, {
      ...opts,
      maxIterations: Math.max(4, (opts.maxIterations ?? 100) - pr.iterations),
    });
    if (hitRejected) continue;
    if (root.found) return { found: true, x: root.x, fx: root.fx };
    if (jumped === null) jumped = { a: root.a, b: root.b };
  }
  return { found: false, jumped };
}

/**
 * The accepted weight whose measure is closest to the target: every scan point that is closer than both its
 * neighbours (the measure need not be monotone, e.g. McLoone) is narrowed by a golden-section search between
 * its accepted neighbours, and the best of all accepted probes is kept.
 */
function closestProbe(probes: Probe[], target: number, probe: (x: number) => Probe, grid: Probe[]): { weight: number; value: number } | null {
  const gap = (p: Probe) => (p.ok && Number.isFinite(p.fx) ? Math.abs(p.fx - target) : Infinity);
  const locals = grid
    .map((p, k) => ({ p, k }))
    .filter(({ p, k }) => gap(p) < Infinity && (k === 0 || gap(p) <= gap(grid[k - 1])) && (k === grid.length - 1 || gap(p) <= gap(grid[k + 1])))
    .sort((u, v) => gap(u.p) - gap(v.p))
    .slice(0, 3);
  const phi = (Math.sqrt(5) - 1) / 2;
  for (const { p, k } of locals) {
    const left = k > 0 && grid[k - 1].ok ? grid[k - 1] : p;
    const right = k < grid.length - 1 && grid[k + 1].ok ? grid[k + 1] : p;
    let lo = left.x;
    let hi = right.x;
    for (let i = 0; i < 12 && hi - lo > 1e-9; i++) {
      const x1 = hi - phi * (hi - lo);
      const x2 = lo + phi * (hi - lo);
      if (gap(probe(x1)) <= gap(probe(x2))) hi = x2;
      else lo = x1;
    }
  }
  const best = probes.reduce<Probe | null>((m, p) => (gap(p) < (m ? gap(m) : Infinity) ? p : m), null);
  return best ? { weight: best.x, value: best.fx } : null;
}
