import { allocate } from "../../../src/engine/allocate/index";
import fc from "fast-check";
import { findRoot, measure, searchFeasible, solveWeight, type SolveProblem, type SolveTarget } from "../../../src/analysis/equity/solve";
import { parseDistrict } from "../../../src/engine/parse";
import { formatError } from "../../../src/words/errors";
import { solveProblemText } from "../../../src/words/equitySolve";
import type { Allocation, District } from "../../../src/engine/types";
import { sampleDistrict } from "../../../src/sample/district";
import { makeDistrict } from "../../helpers/district";
import { equityDistrict } from "./fixture";

/** A failed solve's reason as the pane prints it (the engine's error in words). */
const why = (r: { problem: SolveProblem }) => solveProblemText(r.problem, { describeError: formatError });

/** The fixture with the Poverty weight (category 1) set at every level. */
function withPoverty(d: District, w: number): District {
  return {
    ...d,
    rates: d.rates.map((row) => row.map((r, c) => (c === 1 ? { kind: "weight" as const, weight: w } : r))),
  };
}

describe("findRoot (pure root finder)", () => {
  test("converges on a smooth function", () => {
    const r = findRoot((x) => x * x, 2, 0, 3, { tolerance: 1e-10 });
    expect(r.found).toBe(true);
    if (r.found) {
      expect(r.x).toBeCloseTo(Math.SQRT2, 8);
      expect(r.iterations).toBeLessThan(40);
    }
  });

  test("decreasing functions too", () => {
    const r = findRoot((x) => 10 - 3 * x, 4, 0, 3, { tolerance: 1e-9 });
    expect(r.found && r.x).toBeCloseTo(2, 8);
  });

  test("honest 'no solution in range'", () => {
    const r = findRoot((x) => x * x, 10, 0, 3, { tolerance: 1e-6 });
    expect(r).toMatchObject({ found: false, flo: 0, fhi: 9 });
    if (!r.found) expect(why(r)).toBe("no solution in [0, 3]: the target 10 lies outside [f(0), f(3)] = [0, 9]");
  });

  test("a step function that jumps over the target is reported, not guessed", () => {
    // floor(x) goes from 1 to 2 at x = 2, never taking a value within 0.1 of 1.5
    const r = findRoot((x) => Math.floor(x), 1.5, 0, 3, { tolerance: 0.1 });
    expect(r.found).toBe(false);
    if (!r.found) expect(why(r)).toMatch(/jumps over it between 2 and 2/);
  });
});

describe("solveWeight over allocate()", () => {
  const d = equityDistrict();

  test("school budget: recovers the weight that produced a budget", () => {
    const wanted = allocate(withPoverty(d, 0.9)).schools[2].total; // school C, high poverty
    const r = solveWeight(d, "Poverty", {
      kind: "schoolBudget",
      schoolId: "C",
      value: wanted,
    });
    if (!r.found) throw new Error(why(r));
    expect(Math.abs(r.achieved - wanted)).toBeLessThanOrEqual(100);
    expect(r.weight).toBeCloseTo(0.9, 2);
    // both levels carried 0.4, so scaling together sets both to the solved weight
    expect(r.district.rates[0][1]).toEqual({
      kind: "weight",
      weight: r.weight,
    });
    expect(r.district.rates[1][1]).toEqual({
      kind: "weight",
      weight: r.weight,
    });
    // the input district is untouched
    expect(d.rates[0][1]).toEqual({ kind: "weight", weight: 0.4 });
    // per-school changes against the current weights; the money moves between schools, none is created: what the
    // schools gain together is exactly what the whole-cent rates' central rounding remainder gives up
    expect(r.changes.map((c) => c.id)).toEqual(["A", "B", "C", "D"]);
    const remainder = (a: ReturnType<typeof allocate>) => a.totals.remainder;
    expect(r.changes.reduce((t, c) => t + c.delta, 0)).toBe(remainder(allocate(d)) - remainder(r.allocation));
    expect(r.changes[2].after).toBe(r.allocation.schools[2].total);
  });

  test("slope target (pupil-weighted, cents per pupil per point)", () => {
    const target = measure(allocate(withPoverty(d, 1.5)), {
      kind: "slope",
      value: 0,
    });
    const r = solveWeight(d, "Poverty", { kind: "slope", value: target });
    if (!r.found) throw new Error(why(r));
    expect(Math.abs(r.achieved - target)).toBeLessThanOrEqual(0.5);
    expect(r.weight).toBeCloseTo(1.5, 2);
  });

  test("McLoone target", () => {
    const target = measure(allocate(withPoverty(d, 0.2)), {
      kind: "mcloone",
      value: 0,
    });
    const r = solveWeight(d, 1, { kind: "mcloone", value: target });
    if (!r.found) throw new Error(why(r));
    expect(Math.abs(r.achieved - target)).toBeLessThanOrEqual(1e-4);
  });

  test("no solution in range, said plainly", () => {
    const r = solveWeight(d, "Poverty", {
      kind: "schoolBudget",
      schoolId: "C",
      value: 10 ** 12,
    });
    expect(r.found).toBe(false);
    if (r.found) return;
    expect(why(r)).toMatch(/^no solution in the feasible range \[0, 3\]: the closest value reached is \d+ \(at weight 3\)$/);
    expect(r.feasible).toEqual({ lo: 0, hi: 3 });
    expect(r.closest).toEqual({
      weight: 3,
      value: allocate(withPoverty(d, 3)).schools[2].total,
    });
  });

  test("one level only", () => {
    const wanted = allocate({
      ...d,
      rates: d.rates.map((row, l) => row.map((r, c) => (c === 1 && l === 1 ? { kind: "weight" as const, weight: 1.1 } : r))),
    }).schools[3].total;
    const r = solveWeight(d, "Poverty", { kind: "schoolBudget", schoolId: "D", value: wanted }, { level: "High" });
    if (!r.found) throw new Error(why(r));
    expect(r.district.rates[0][1]).toEqual({ kind: "weight", weight: 0.4 });
    expect(r.weight).toBeCloseTo(1.1, 2);
    expect(r.level).toBe("High");
  });

  test("bad requests are reasons, not crashes", () => {
    const gifted = solveWeight(d, "Gifted", { kind: "slope", value: 1 });
    expect(gifted).toEqual({ found: false, problem: { code: "notNeed", category: "Gifted", needs: d.needs } });
    expect(why(gifted as { problem: SolveProblem })).toContain('"Gifted" is not a need category');
    const middle = solveWeight(d, "Poverty", { kind: "slope", value: 1 }, { level: "Middle" });
    expect(middle).toEqual({ found: false, problem: { code: "notLevel", level: "Middle", levels: d.levels } });
    expect(why(middle as { problem: SolveProblem })).toContain('"Middle" is not a level');
    const q = solveWeight(d, "Poverty", { kind: "schoolBudget", schoolId: "Q", value: 1 });
    expect(q).toEqual({ found: false, problem: { code: "noSchool", schoolId: "Q" } });
    expect(why(q as { problem: SolveProblem })).toBe('no school with ID "Q"');
    const empty = solveWeight(d, "Poverty", { kind: "slope", value: 1 }, { lo: 2, hi: 1 });
    expect(why(empty as { problem: SolveProblem })).toBe("the search range [2, 1] is empty");
  });


  test("cells priced in $ per pupil stay in $ per pupil", () => {
    const fixed = makeDistrict({
      schools: [{ id: "A" }, { id: "B" }],
      levels: ["Elementary"],
      needs: ["Poverty"],
      enrollment: [
        ["A", "Elementary", 100, 10],
        ["B", "Elementary", 100, 80],
      ],
      rates: { Elementary: { Base: { pp: 5000 }, Poverty: { pp: 1000 } } },
      sources: [{ name: "General", amount: 2_000_000 }],
    });
    // weight w = Poverty $ per pupil ÷ Base $5,000 per pupil; B's formula cost at w: 100 × 5,000 + 80 × 5,000w dollars
    const r = solveWeight(fixed, "Poverty", {
      kind: "schoolBudget",
      schoolId: "B",
      value: (500_000 + 80 * 5000 * 0.5) * 100,
    });
    if (!r.found) throw new Error(why(r));
    expect(r.weight).toBeCloseTo(0.5, 3);
    const cell = r.district.rates[0][1];
    expect(cell?.kind).toBe("perPupil");
    if (cell?.kind === "perPupil") expect(cell.cents).toBeCloseTo(250_000, -2);
  });
});

/** The sample district as parsed: at a Poverty weight of exactly 0 its hold-harmless floors cannot be paid. */
function sample(): District {
  const p = parseDistrict(sampleDistrict());
  if (!p.ok) throw new Error("the sample district does not parse");
  return p.district;
}

/**
 * A naive reference: allocate at n + 1 evenly spaced weights, keep those the engine accepts, and look for a weight
 * within tolerance or two neighbouring accepted weights whose measures straddle the target.
 */
function naiveGrid(d: District, target: SolveTarget, lo: number, hi: number, n: number, tol: number) {
  const points = Array.from({ length: n + 1 }, (_, k) => {
    const x = lo + ((hi - lo) * k) / n;
    const a = allocate(withPoverty(d, x));
    return {
      x,
      ok: a.errors.length === 0,
      fx: a.errors.length === 0 ? measure(a, target) : NaN,
    };
  });
  const ok = points.filter((p) => p.ok);
  let bracket = false;
  for (let k = 1; k < points.length; k++) {
    const a = points[k - 1];
    const b = points[k];
    if (a.ok && b.ok && Math.sign(a.fx - target.value) !== Math.sign(b.fx - target.value)) bracket = true;
  }
  const hit = ok.some((p) => Math.abs(p.fx - target.value) <= tol);
  const bestGap = Math.min(...ok.map((p) => Math.abs(p.fx - target.value)));
  return {
    lo: ok[0]?.x ?? null,
    hi: ok[ok.length - 1]?.x ?? null,
    reachable: hit || bracket,
    bestGap,
    step: (hi - lo) / n,
  };
}

describe("the solver searches only allocations the engine accepts", () => {
  const d = sample();

  test("the sample at weight 0 is rejected by the engine, just above it accepted", () => {
    expect(allocate(withPoverty(d, 0)).errors.length).toBeGreaterThan(0);
    expect(allocate(withPoverty(d, 1e-6)).errors).toEqual([]);
  });

  test.each([
    ["McLoone 0.92", { kind: "mcloone", value: 0.92 } as SolveTarget],
    ["slope $10 per pupil per point", { kind: "slope", value: 1000 } as SolveTarget],
  ])("%s: no solution in the feasible range, closest value from an accepted allocation", (_, target) => {
    const rejected = measure(allocate(withPoverty(d, 0)), target);
    const r = solveWeight(d, "Poverty", target, {});
    expect(r.found).toBe(false);
    if (r.found) return;
    expect(why(r)).toMatch(/^no solution in the feasible range \[\d\.\d+e-\d+, 3\]: the closest value reached is /);
    expect(why(r)).not.toMatch(/jumps over|1e-12|e-13/);
    expect(why(r)).not.toContain(String(Number(rejected.toPrecision(6))));
    expect(r.feasible?.hi).toBe(3);
    expect(r.feasible!.lo).toBeGreaterThan(0);
    expect(r.feasible!.lo).toBeLessThan(1e-5);
    // the closest value is a real, accepted allocation's measure
    const at = allocate(withPoverty(d, r.closest!.weight));
    expect(at.errors).toEqual([]);
    expect(measure(at, target)).toBe(r.closest!.value);
    // and names why the rest of the range is excluded
    expect(why(r)).toMatch(/the engine rejects the allocation at weight 0 \(Policy row \d+, column "Value" \(B\d+\): expected Hold Harmless/);
  });

  test("differential against a naive grid search (sample and a small district)", () => {
    const tolerances: Record<SolveTarget["kind"], number> = {
      slope: 0.5,
      mcloone: 1e-4,
      schoolBudget: 100,
    };
    const small = equityDistrict();
    const cases: [District, SolveTarget][] = [
      [d, { kind: "mcloone", value: 0.92 }],
      [d, { kind: "mcloone", value: 0.88 }],
      [d, { kind: "slope", value: 1000 }],
      [d, { kind: "slope", value: 6000 }],
      [d, { kind: "schoolBudget", schoolId: d.schools[0].id, value: 200_000_000 }],
      [small, { kind: "slope", value: 3000 }],
      [small, { kind: "schoolBudget", schoolId: "C", value: 10 ** 12 }],
      [
        small,
        {
          kind: "schoolBudget",
          schoolId: "C",
          value: allocate(withPoverty(small, 2.2)).schools[2].total,
        },
      ],
    ];
    for (const [district, target] of cases) {
      const tol = tolerances[target.kind];
      const naive = naiveGrid(district, target, 0, 3, 120, tol);
      const r = solveWeight(district, "Poverty", target);
      if (r.found) {
        expect(Math.abs(r.achieved - target.value)).toBeLessThanOrEqual(tol);
        expect(r.allocation.errors).toEqual([]);
        expect(measure(allocate(r.district), target)).toBe(r.achieved);
        expect(r.weight).toBeGreaterThanOrEqual(r.feasible.lo);
        expect(r.weight).toBeLessThanOrEqual(r.feasible.hi);
      } else {
        // no solution: the naive grid finds none either, and the solver came at least as close
        expect(naive.reachable).toBe(false);
        expect(Math.abs(r.closest!.value - target.value)).toBeLessThanOrEqual(naive.bestGap + tol);
      }
      if (naive.reachable && !r.found) throw new Error(`naive grid reaches ${target.kind} ${target.value}, the solver says: ${why(r)}`);
      // the same accepted range, to within one grid step
      const feasible = r.found ? r.feasible : r.feasible!;
      expect(Math.abs(feasible.lo - naive.lo!)).toBeLessThanOrEqual(naive.step);
      expect(feasible.hi).toBe(naive.hi);
    }
  });
});

describe("searchFeasible on synthetic measures with rejected bands (differential, random)", () => {
  /** A stand-in for allocate(): rejected inside the bands, else a measure read from `f`. */
  const fake = (bands: [number, number][], f: (x: number) => number) => (x: number) =>
    ({
      errors: bands.some(([a, b]) => x >= a && x <= b)
        ? [
            {
              table: "Policy",
              row: null,
              column: "Hold Harmless",
              expected: "payable floors",
              found: "unpayable floors",
            },
          ]
        : [],
      x,
      fx: f(x),
    }) as unknown as Allocation;
  const read = (a: Allocation) => (a as unknown as { fx: number }).fx;

  test("roots only between accepted weights; feasible range and closest value match a fine grid", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 3, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 1.2, noNaN: true }),
        fc.double({ min: -5, max: 15, noNaN: true }),
        (slope, offset, cut, target) => {
          // rejected below `cut` (like floors that need a minimum weight); increasing, stepped measure above
          const f = (x: number) => Math.floor((offset + slope * x * 4) * 100) / 100;
          const run = fake([[-1, cut]], f);
          const r = searchFeasible(run, read, target, 0, 3, {
            tolerance: 0.01,
          });
          const grid = Array.from({ length: 3001 }, (_, k) => (3 * k) / 3000).filter((x) => x > cut);
          const values = grid.map(f);
          if (r.found) {
            expect(r.x).toBeGreaterThan(cut);
            expect(Math.abs(r.fx - target)).toBeLessThanOrEqual(0.01);
            expect(r.fx).toBe(f(r.x));
          } else if (r.feasible) {
            expect(r.feasible.lo).toBeGreaterThan(cut);
            expect(r.feasible.lo - cut).toBeLessThanOrEqual(3e-6);
            const lowest = values[0];
            const highest = values[values.length - 1];
            if (why(r).startsWith("no solution")) {
              // the target is outside what accepted weights reach
              expect(target < lowest - 0.01 || target > highest + 0.01 || Math.abs(f(r.feasible.lo) - target) > 0.01).toBe(true);
              expect(why(r)).toContain("the engine rejects the allocation at weight");
            } else {
              expect(why(r)).toMatch(/^no weight reaches .* jumps over it/);
            }
            expect(run(r.closest!.weight).errors).toEqual([]);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  test("nothing accepted: said so, no figure", () => {
    const r = searchFeasible(
      fake([[-1, 10]], (x) => x),
      read,
      1,
      0,
      3,
      { tolerance: 0.01 },
    );
    expect(r).toMatchObject({ found: false, feasible: null, closest: null });
    if (!r.found)
      expect(why(r)).toBe(
        'no weight in [0, 3] gives an allocation the engine accepts: the engine rejects the allocation at weight 0 (Policy, column "Hold Harmless": expected payable floors, found unpayable floors)',
      );
  });

  test("the error's words come from the caller: without a formatter the reason names the weight only", () => {
    const r = searchFeasible(fake([[-1, 10]], (x) => x), read, 1, 0, 3, { tolerance: 0.01 });
    expect(r.found ? "" : solveProblemText(r.problem)).toBe("no weight in [0, 3] gives an allocation the engine accepts: the engine rejects the allocation at weight 0");
  });
});
