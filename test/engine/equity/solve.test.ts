import { allocate } from "../../../src/engine/allocate/index";
import { findRoot, measure, solveWeight } from "../../../src/engine/equity/solve";
import type { District } from "../../../src/engine/types";
import { makeDistrict } from "../../helpers/district";
import { equityDistrict } from "./fixture";

/** The fixture with the Poverty weight (category 1) set at every level. */
function withPoverty(d: District, w: number): District {
  return { ...d, rates: d.rates.map((row) => row.map((r, c) => (c === 1 ? { kind: "weight" as const, weight: w } : r))) };
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
    if (!r.found) expect(r.reason).toBe("no solution in [0, 3]: the target 10 lies outside [f(0), f(3)] = [0, 9]");
  });

  test("a step function that jumps over the target is reported, not guessed", () => {
    // floor(x) goes from 1 to 2 at x = 2, never taking a value within 0.1 of 1.5
    const r = findRoot((x) => Math.floor(x), 1.5, 0, 3, { tolerance: 0.1 });
    expect(r.found).toBe(false);
    if (!r.found) expect(r.reason).toMatch(/jumps over it between 2 and 2/);
  });
});

describe("solveWeight over allocate()", () => {
  const d = equityDistrict();

  test("school budget: recovers the weight that produced a budget", () => {
    const wanted = allocate(withPoverty(d, 0.9)).schools[2].total; // school C, high poverty
    const r = solveWeight(d, "Poverty", { kind: "schoolBudget", schoolId: "C", value: wanted });
    if (!r.found) throw new Error(r.reason);
    expect(Math.abs(r.achieved - wanted)).toBeLessThanOrEqual(100);
    expect(r.weight).toBeCloseTo(0.9, 2);
    // both levels carried 0.4, so scaling together sets both to the solved weight
    expect(r.district.rates[0][1]).toEqual({ kind: "weight", weight: r.weight });
    expect(r.district.rates[1][1]).toEqual({ kind: "weight", weight: r.weight });
    // the input district is untouched
    expect(d.rates[0][1]).toEqual({ kind: "weight", weight: 0.4 });
    // per-school changes against the current weights; the money moves between schools, none is created
    expect(r.changes.map((c) => c.id)).toEqual(["A", "B", "C", "D"]);
    expect(r.changes.reduce((t, c) => t + c.delta, 0)).toBe(0);
    expect(r.changes[2].after).toBe(r.allocation.schools[2].total);
  });

  test("slope target (pupil-weighted, cents per pupil per point)", () => {
    const target = measure(allocate(withPoverty(d, 1.5)), { kind: "slope", value: 0 });
    const r = solveWeight(d, "Poverty", { kind: "slope", value: target });
    if (!r.found) throw new Error(r.reason);
    expect(Math.abs(r.achieved - target)).toBeLessThanOrEqual(0.5);
    expect(r.weight).toBeCloseTo(1.5, 2);
  });

  test("McLoone target", () => {
    const target = measure(allocate(withPoverty(d, 0.2)), { kind: "mcloone", value: 0 });
    const r = solveWeight(d, 1, { kind: "mcloone", value: target });
    if (!r.found) throw new Error(r.reason);
    expect(Math.abs(r.achieved - target)).toBeLessThanOrEqual(1e-4);
  });

  test("no solution in range, said plainly", () => {
    const r = solveWeight(d, "Poverty", { kind: "schoolBudget", schoolId: "C", value: 10 ** 12 });
    expect(r.found).toBe(false);
    if (!r.found) expect(r.reason).toMatch(/^no solution in \[0, 3\]: the target 1000000000000 lies outside \[f\(0\), f\(3\)\] = \[\d+, \d+\]$/);
  });

  test("one level only", () => {
    const wanted = allocate({ ...d, rates: d.rates.map((row, l) => row.map((r, c) => (c === 1 && l === 1 ? { kind: "weight" as const, weight: 1.1 } : r))) }).schools[3].total;
    const r = solveWeight(d, "Poverty", { kind: "schoolBudget", schoolId: "D", value: wanted }, { level: "High" });
    if (!r.found) throw new Error(r.reason);
    expect(r.district.rates[0][1]).toEqual({ kind: "weight", weight: 0.4 });
    expect(r.weight).toBeCloseTo(1.1, 2);
    expect(r.level).toBe("High");
  });

  test("bad requests are reasons, not crashes", () => {
    expect(solveWeight(d, "Gifted", { kind: "slope", value: 1 })).toEqual({ found: false, reason: expect.stringContaining('"Gifted" is not a need category') });
    expect(solveWeight(d, "Poverty", { kind: "slope", value: 1 }, { level: "Middle" })).toEqual({ found: false, reason: expect.stringContaining('"Middle" is not a level') });
    expect(solveWeight(d, "Poverty", { kind: "schoolBudget", schoolId: "Q", value: 1 })).toEqual({ found: false, reason: 'no school with ID "Q"' });
    expect(solveWeight(d, "Poverty", { kind: "slope", value: 1 }, { lo: 2, hi: 1 })).toEqual({ found: false, reason: "the search range [2, 1] is empty" });
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
    const r = solveWeight(fixed, "Poverty", { kind: "schoolBudget", schoolId: "B", value: (500_000 + 80 * 5000 * 0.5) * 100 });
    if (!r.found) throw new Error(r.reason);
    expect(r.weight).toBeCloseTo(0.5, 3);
    const cell = r.district.rates[0][1];
    expect(cell?.kind).toBe("perPupil");
    if (cell?.kind === "perPupil") expect(cell.cents).toBeCloseTo(250_000, -2);
  });
});
