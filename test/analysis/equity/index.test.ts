import { dollarsFromCents } from "../../../src/engine/money";
import { equityInputs, equitySummary, findElNeed, statsJson } from "../../../src/analysis/equity/index";
import { equityJson } from "../../../src/words/equityJson";
import { equityStats, MONEY_STATS } from "../../../src/analysis/equity/stats";
import { equityAllocation, input } from "./fixture";
import { equityWordsOf } from "../../../src/words/equity";

describe("equitySummary", () => {
  const inputs = equityInputs(equityAllocation());
  const s = equitySummary([...inputs, input("Z", 0, 0, 0, 0, 0)]);

  test("both statistics forms over the schools with students", () => {
    expect(s.excluded).toEqual([{ id: "Z", name: "School Z", reason: "no students" }]);
    expect(s.schools.map((x) => x.id)).toEqual(["A", "B", "C", "D"]);
    const values = inputs.map((x) => x.perPupil);
    expect(s.unweighted).toEqual(equityStats(values, null, [10, 50, 80, 20]));
    expect(s.pupilWeighted).toEqual(equityStats(values, [400, 300, 200, 500], [10, 50, 80, 20]));
    // pupil-weighted mean = all money / all pupils
    const total = inputs.reduce((t, x) => t + x.total, 0);
    expect(s.pupilWeighted.mean).toBeCloseTo(total / 1400, 6);
  });

  test("poverty is the first need; high-EL schools found by name and threshold", () => {
    expect(s.povertyNeed).toBe("Poverty");
    // EL shares: A 5%, B 10%, C 45%, D 30% -> high-EL at ≥ 25%: C and D
    expect(s.highEl).toEqual({ need: "English Learner", thresholdPct: 25, schoolIds: ["C", "D"] });
    expect(s.schools.map((x) => x.highEl)).toEqual([false, false, true, true]);
    expect(equitySummary(inputs, { highElThresholdPct: 40 }).highEl.schoolIds).toEqual(["C"]);
    expect(findElNeed(["Poverty", "ELL"])).toBe("ELL");
    expect(findElNeed(["Poverty", "Special Education"])).toBeNull();
  });

  test("regressions, deciles and words are filled", () => {
    expect(s.regression.simple.pupilWeighted.ok).toBe(true);
    if (s.regression.simple.pupilWeighted.ok) expect(s.regression.simple.pupilWeighted.slope).toBeCloseTo(s.pupilWeighted.slope as number, 9);
    expect(s.regression.multivariate.unweighted.ok).toBe(true); // 4 schools, 3 coefficients
    expect(s.deciles).toHaveLength(10);
    expect(s.deciles.reduce((t, d) => t + d.students, 0)).toBe(1400);
    expect(equityWordsOf(s).horizontal.length).toBeGreaterThan(2);
    expect(equityWordsOf(s).vertical.join(" ")).toMatch(/Poverty/);
    expect(s.salary).toBeNull();
  });

  test("no need categories: honest reasons, no slope", () => {
    const plain = equitySummary([{ ...input("A", 10, 0, 100, 0, 0), needs: [] }, { ...input("B", 10, 0, 200, 0, 0), needs: [] }]);
    expect(plain.povertyNeed).toBeNull();
    expect(plain.pupilWeighted.slope).toBeNull();
    expect(plain.regression.multivariate.pupilWeighted).toEqual({ ok: false, problem: { code: "noNeeds" } });
    expect(equityWordsOf(plain).vertical[0]).toMatch(/no need category/);
  });
});

describe("JSON in dollars", () => {
  test("money statistics in dollars with at most two decimals, ratios unit-free", () => {
    const j = statsJson(equityStats([100_001, 200_000, 333_333], null, [0, 50, 100]));
    expect(j.mean).toBe(2111.11); // (100001 + 200000 + 333333) / 3 = 211,111.33 cents
    expect(j.min).toBe(1000.01);
    for (const k of MONEY_STATS) {
      const v = j[k];
      if (v !== null) expect(Math.round(v * 100) / 100).toBe(v);
    }
    expect(j.gini).toBe(Math.round((j.gini as number) * 1e6) / 1e6);
    expect(dollarsFromCents(12_345.6)).toBe(123.46);
  });

  test("equityJson has the contract's unweighted and pupilWeighted S", () => {
    const j = equityJson(equitySummary(equityInputs(equityAllocation()))) as { unweighted: Record<string, number | null>; pupilWeighted: Record<string, number | null> };
    for (const k of ["mean", "median", "min", "max", "range", "p5", "p95", "frr", "cv", "mcloone", "verstegen", "gini", "theil", "slope", "r2"]) {
      expect(j.unweighted).toHaveProperty(k);
      expect(j.pupilWeighted).toHaveProperty(k);
    }
    expect(JSON.parse(JSON.stringify(j))).toEqual(j);
  });
});
