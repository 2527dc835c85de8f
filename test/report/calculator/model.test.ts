import { allocate } from "../../../src/engine/allocate";
import { generalBounds, generalBoundsFormula } from "../../../src/engine/allocate/bounds";
import { boundedShare, boundedShareFormula } from "../../../src/engine/allocate/neutrality";
import { lineAmount, lineAmountFormula } from "../../../src/engine/allocate/rounding";
import { generalTarget, generalTargetFormula, phaseInTarget, phaseInTargetFormula } from "../../../src/engine/allocate/phaseIn";
import { calculatorDrivers } from "../../../src/words/calculator";
import { calculatorModel, originalCounts, schoolAtFixedRates, type CalculatorModel } from "../../../src/report/calculator/model";
import * as X from "../../../src/engine/formula/expr";
import { references } from "../../../src/engine/formula/expr";
import { parseDistrict } from "../../../src/engine/parse";
import type { Allocation } from "../../../src/engine/types";
import { sampleDistrict } from "../../../src/sample/district";
import { makeDistrict, type SimpleDistrict } from "../../helpers/district";

const LEVELS = ["Elementary", "Middle", "High"];
const NEEDS = ["Poverty", "English Learner"];

/** A district exercising every rule: foundation, hold harmless, gain cap, phase-in, MOB, restricted and rule-based grants. */
// Current budgets are the schools' non-grant money (grants are paid on top and never count toward floors or caps).
function richDistrict(policy: SimpleDistrict["policy"] = {}): SimpleDistrict {
  return {
    levels: LEVELS,
    needs: NEEDS,
    schools: [
      { id: "E1", current: 1_600_000, minimum: 900_000, attributes: { titlei: "Yes" } },
      { id: "E2", current: 1_000_000, attributes: { titlei: "No" } },
      { id: "M1", current: 2_900_000, attributes: { titlei: "Yes" } },
      { id: "H1", current: 4_100_000, minimum: 3_000_000, attributes: { titlei: "No" } },
      { id: "K8", current: 1_950_000, attributes: { titlei: "Yes" } },
      { id: "S1", current: 300_000, minimum: 650_000, attributes: { titlei: "No" } },
    ],
    enrollment: [
      ["E1", "Elementary", 320, 150, 40],
      ["E2", "Elementary", 280, 60, 12],
      ["M1", "Middle", 610, 330, 70],
      ["H1", "High", 900, 260, 55],
      ["K8", "Elementary", 250, 118, 30],
      ["K8", "Middle", 190, 70, 21],
      ["S1", "High", 60, 20, 3],
    ],
    rates: {
      Elementary: { Base: 1, Poverty: 0.35, "English Learner": 0.2 },
      Middle: { Base: 1.05, Poverty: 0.35, "English Learner": 0.2 },
      High: { Base: 1.2, Poverty: 0.3, "English Learner": 0.25 },
    },
    sources: [
      { name: "State Aid", amount: 9_000_000 },
      { name: "Local Levy", amount: 3_100_000, share: 0.8 },
      { name: "Comp Ed", amount: 600_000, funds: "Poverty", restricted: true },
      { name: "Title I", amount: 500_000, status: "Grant", funds: "Poverty", rules: [{ kind: "share", key: "Poverty", label: "Poverty %", op: ">=", value: 40 }] },
      { name: "HS Grant", amount: 200_000, status: "Grant", levels: ["High"] },
      { name: "Literacy", amount: 90_000, status: "Grant", rules: [{ kind: "attribute", key: "titlei", label: "Title I", op: "=", value: "Yes" }] },
      { name: "Transport", amount: 700_000, status: "Locked" },
    ],
    policy: { foundationPerSchool: 5_000_000 /* cents */, holdHarmless: 0.96, gainCap: 0.05, ...policy },
  };
}

/** A calculator result's money from every source but the grants (what floors and caps apply to). */
function nonGrant(a: Allocation, r: { total: number; bySource: ArrayLike<number> }): number {
  return a.sources.reduce((t, s, k) => t - (s.grant ? r.bySource[k] : 0), r.total);
}

function allocated(x: SimpleDistrict): Allocation {
  const a = allocate(makeDistrict(x));
  expect(a.errors).toEqual([]);
  return a;
}

/** The Budget lines recomputed by hand: count × printed rate, rounded half up to the unit (a naive reference). */
function handLines(m: CalculatorModel, counts: number[][], unit: 0 | 2, values?: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of m.sources) {
    // A source with a need-share rule pays its lines only when the school meets it (the flag is live).
    const eligible = s.eligibleId && values ? (values.get(s.eligibleId) as number) : 1;
    for (const line of s.lines) {
      const rate = m.constants.find((c) => c.id === line.rateId)?.value as number;
      const cents = counts[line.levelIndex][line.category] * Math.round(rate * 100);
      const u = unit === 0 ? 100 : 1;
      out.set(line.id, (eligible * Math.sign(cents) * Math.floor(Math.abs(cents) / u + 0.5) * u) / 100);
    }
  }
  return out;
}

/** Random counts near the projection (need counts never above Students). */
function randomCounts(a: Allocation, i: number, rnd: () => number): number[][] {
  return originalCounts(a, i).map((row) => {
    if (row[0] === 0) return row;
    const students = Math.max(0, Math.round(row[0] * (0.3 + 1.4 * rnd())));
    return row.map((v, c) => (c === 0 ? students : Math.min(students, Math.round(v * (0.3 + 1.4 * rnd())))));
  });
}

function mulberry32(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

function sampleAllocation(): Allocation {
  const parsed = parseDistrict(sampleDistrict());
  if (!parsed.ok) throw new Error("sample district does not parse");
  return allocate(parsed.district);
}

describe("no hidden adjustment: lines, sources and total", () => {
  test.each([
    ["cent rounding, floors, caps, foundation", richDistrict()],
    ["dollar rounding", richDistrict({ rounding: "dollar" })],
    ["phase-in 50%", richDistrict({ phaseIn: 0.5, holdHarmless: null, gainCap: null, foundationPerSchool: 0 })],
    ["phase-in with floors and caps, dollars", richDistrict({ phaseIn: 0.6, rounding: "dollar" })],
  ])("%s: every line is count × printed rate rounded half up; sources add up to the total", (_name, x) => {
    const a = allocated(x);
    const rnd = mulberry32(7);
    a.schools.forEach((_, i) => {
      const m = calculatorModel(a, i);
      expect(m.constants.map((c) => c.kind)).not.toContain("adjustment");
      for (const counts of [originalCounts(a, i), randomCounts(a, i, rnd)]) {
        const b = schoolAtFixedRates(a, i, counts, m);
        for (const [id, amount] of handLines(m, counts, m.unitDigits, b.values)) expect({ id, amount: b.values.get(id) }).toEqual({ id, amount });
        expect(b.bySource.reduce((t, v) => t + v, 0)).toBe(b.total);
        for (const s of m.sources) {
          const move = s.moveId ? Math.round((b.values.get(s.moveId) as number) * 100) : 0;
          expect(b.bySource[s.index]).toBe(b.formulaBySource[s.index] + move);
        }
      }
    });
  });
});

describe("the calculator's total stays within its floor and cap", () => {
  /** Non-grant money may not exceed the cap unless the floor or the restricted money alone already does. */
  function expectWithinBounds(a: Allocation, i: number, counts: number[][], m: CalculatorModel): void {
    const b = schoolAtFixedRates(a, i, counts, m);
    const school = a.schools[i];
    const grants = Math.round((b.values.get(m.ids.grantAmount) as number) * 100);
    const other = Math.round((b.values.get(m.ids.otherAmount) as number) * 100);
    if (school.floor !== null) expect({ school: school.id, counts, total: b.total, atLeast: school.floor, ok: b.total >= school.floor }).toMatchObject({ ok: true });
    if (m.ids.aboveFloor) expect({ school: school.id, counts, aboveFloor: b.values.get(m.ids.aboveFloor), ok: (b.values.get(m.ids.aboveFloor) as number) >= 0 }).toMatchObject({ ok: true });
    if (school.ceiling !== null) {
      const most = Math.max(school.ceiling, school.floor ?? 0, other);
      expect({ school: school.id, counts, nonGrant: b.total - grants, most, ok: b.total - grants <= most }).toMatchObject({ ok: true });
    }
  }

  test("E123 with 410 students, 150 of them in poverty: the total is at least School_Floor", () => {
    const a = sampleAllocation();
    const i = a.schools.findIndex((s) => s.id === "E123");
    const counts = originalCounts(a, i);
    const l = a.district.levels.indexOf("Elementary");
    counts[l][0] = 410;
    counts[l][1] = 150;
    const b = schoolAtFixedRates(a, i, counts);
    const floor = a.schools[i].floor as number;
    expect(b.total).toBeGreaterThanOrEqual(floor);
    expect(b.bySource.reduce((t, v) => t + v, 0)).toBe(b.total);
  });

  test("property: random counts for every school of a rich district and of the sample (engine only)", () => {
    const rnd = mulberry32(2026);
    for (const a of [allocated(richDistrict()), allocated(richDistrict({ rounding: "dollar", phaseIn: 0.7 })), sampleAllocation()]) {
      a.schools.forEach((_, i) => {
        const m = calculatorModel(a, i);
        for (let k = 0; k < 6; k++) expectWithinBounds(a, i, randomCounts(a, i, rnd), m);
        expectWithinBounds(a, i, originalCounts(a, i).map((row) => row.map(() => 0)), m);
      });
    }
  });
});

describe("the shadow notice in the calculator: the formula fully turned on", () => {
  test("without phase-in, floors or caps the formula turned on is the budget: no gap at any counts", () => {
    const x = { ...richDistrict({ holdHarmless: null, gainCap: null, foundationPerSchool: 0 }), schools: richDistrict().schools.map((s) => ({ ...s, minimum: null })) };
    const a = allocated(x);
    a.schools.forEach((school, i) => {
      const counts = originalCounts(a, i).map((row) => row.map((v, c) => (v > 0 ? v + (c === 0 ? 17 : 3) : v)));
      const b = schoolAtFixedRates(a, i, counts);
      expect({ id: school.id, gap: b.gap }).toEqual({ id: school.id, gap: 0 });
      expect(b.turnedOn).toBe(b.total);
    });
  });

  test("a school held at its floor keeps its floor when it loses students, while the formula turned on falls", () => {
    const a = allocated(richDistrict({ rounding: "dollar" }));
    const i = a.schools.findIndex((s) => s.adjustment === "Hold harmless" || s.adjustment === "MOB");
    expect(a.schools[i].turnedOn).toBeLessThan(a.schools[i].total);
    const m = calculatorModel(a, i);
    const at = schoolAtFixedRates(a, i, undefined, m);
    const less = originalCounts(a, i).map((row) => row.map((v, c) => (c === 0 ? Math.max(0, v - 5) : v)));
    const after = schoolAtFixedRates(a, i, less, m);
    // The floor applies to the school's non-grant money (grants are paid on top).
    expect(nonGrant(a, after)).toBe(a.schools[i].floor);
    expect(after.turnedOn).toBeLessThan(at.turnedOn);
    expect(after.gap).toBe(after.turnedOn - after.total);
    expect(after.gap).toBeLessThan(at.gap);
    // Turned on = every source's money before phase-in, floors and caps.
    expect(after.turnedOn).toBe(after.formulaBySource.reduce((t, v) => t + v, 0));
  });

  test("a gain-capped school would receive more with the formula turned on", () => {
    const a = allocated(richDistrict());
    const i = a.schools.findIndex((s) => s.adjustment === "Gain cap");
    const b = schoolAtFixedRates(a, i);
    expect(b.total).toBe(a.schools[i].ceiling);
    expect(b.gap).toBeGreaterThan(0);
  });
});

describe("schoolAtFixedRates for other counts", () => {
  test("with no floors, caps or phase-in, more students add count × the source's $ per pupil", () => {
    const x: SimpleDistrict = {
      levels: ["Elementary"],
      needs: ["Poverty"],
      schools: [{ id: "A" }, { id: "B" }],
      enrollment: [
        ["A", "Elementary", 300, 100],
        ["B", "Elementary", 500, 50],
      ],
      rates: { Elementary: { Base: 1, Poverty: 0.4 } },
      sources: [{ name: "Aid", amount: 5_000_000 }],
    };
    const a = allocated(x);
    const m = calculatorModel(a, 0);
    const counts = originalCounts(a, 0);
    const before = schoolAtFixedRates(a, 0, counts, m);
    const more = counts.map((row) => row.slice());
    more[0][0] += 10;
    more[0][1] += 7;
    const after = schoolAtFixedRates(a, 0, more, m);
    const hand = (c: number[][]) => [...handLines(m, c, m.unitDigits).values()].reduce((t, v) => t + Math.round(v * 100), 0);
    expect(after.total - before.total).toBe(hand(more) - hand(counts));
    expect(after.total).toBeGreaterThan(before.total);
    expect(after.bySource[0]).toBe(after.total);
  });

  test("a school that crosses a need-share rule becomes eligible for the grant", () => {
    const a = allocated(richDistrict());
    const i = a.schools.findIndex((s) => s.id === "E2"); // 60 / 280 = 21% poverty: no Title I
    const titleI = a.sources.findIndex((s) => s.name === "Title I");
    expect(a.sources[titleI].bySchool[i]).toBe(0);
    const model = calculatorModel(a, i);
    expect(model.sources.find((s) => s.name === "Title I")?.eligibility).toBe("rule");
    const counts = originalCounts(a, i);
    counts[0][1] = 140; // 50%
    const after = schoolAtFixedRates(a, i, counts, model);
    const rate = model.constants.find((c) => c.id === `rate:${titleI}:0:1`)?.value as number;
    expect(after.bySource[titleI]).toBe(Math.round(140 * rate * 100));
    expect(after.bySource[titleI]).toBeGreaterThan(0);
    // Back below the line: no Title I again.
    counts[0][1] = 100; // 35.7%
    expect(schoolAtFixedRates(a, i, counts, model).bySource[titleI]).toBe(0);
  });

  test("a school held at its floor stays at the floor when it loses a few students; a capped school stays at its cap", () => {
    const a = allocated(richDistrict({ rounding: "dollar" }));
    const floored = a.schools.findIndex((s) => s.adjustment === "Hold harmless" || s.adjustment === "MOB");
    const capped = a.schools.findIndex((s) => s.adjustment === "Gain cap");
    expect(floored).toBeGreaterThanOrEqual(0);
    expect(capped).toBeGreaterThanOrEqual(0);
    const fl = a.schools[floored];
    const less = originalCounts(a, floored).map((row) => row.map((v, c) => (c === 0 ? Math.max(0, v - 5) : v)));
    expect(nonGrant(a, schoolAtFixedRates(a, floored, less))).toBe(fl.floor);
    const cp = a.schools[capped];
    const more = originalCounts(a, capped).map((row) => row.map((v, c) => (c === 0 && v > 0 ? v + 25 : v)));
    expect(nonGrant(a, schoolAtFixedRates(a, capped, more))).toBe(cp.ceiling);
  });

  test("under dollar rounding every source's figure stays in whole dollars, and sources add up to the total", () => {
    const a = allocated(richDistrict({ rounding: "dollar", phaseIn: 0.7 }));
    a.schools.forEach((_, i) => {
      const counts = originalCounts(a, i).map((row) => row.map((v, c) => (v > 0 ? v + (c === 0 ? 13 : 4) : v)));
      const b = schoolAtFixedRates(a, i, counts);
      for (const v of b.bySource) expect(v % 100).toBe(0);
      expect(b.bySource.reduce((x, y) => x + y, 0)).toBe(b.total);
    });
  });
});

describe("each rule's formula equals its computation (one definition per rule)", () => {
  const rnd = mulberry32(11);
  const cases = Array.from({ length: 300 }, () => ({ a: Math.round(rnd() * 1e8) / 100, b: Math.round(rnd() * 1e8) / 100, c: Math.round(rnd() * 1e7) / 100, p: Math.round(rnd() * 100) / 100, k: 0.8 + rnd() * 0.4 }));
  const v = (...xs: number[]) => new Map(xs.map((x, n) => [`x${n}`, x]));
  const R = (n: number) => X.ref(`x${n}`);

  test("a line: count × whole-cent rate rounded half up to the unit, ties included", () => {
    for (let n = 0; n < 2000; n++) {
      const count = Math.floor(rnd() * 5000);
      // rates ending in 50 cents make ties under dollar rounding for odd counts
      const rate = n % 3 === 0 ? Math.floor(rnd() * 1000) * 100 + 50 : Math.floor(rnd() * 1_000_000);
      for (const [unit, digits] of [[1, 2], [100, 0]] as const) {
        const formula = X.evaluate(lineAmountFormula(R(0), R(1), digits), v(count, rate / 100));
        expect({ count, rate, unit, cents: Math.round(formula * 100) }).toEqual({ count, rate, unit, cents: lineAmount(count, rate, unit) });
      }
    }
  });

  test("phase-in target and general target", () => {
    for (const { a, b, c, p } of cases) {
      expect(X.evaluate(phaseInTargetFormula(R(0), R(1), R(2)), v(a, b, p))).toBeCloseTo(phaseInTarget(a, b, p), 6);
      expect(X.evaluate(generalTargetFormula(R(0), R(1)), v(a, c))).toBe(generalTarget(a, c));
    }
  });

  test("general money bounds and the bounded, scaled share", () => {
    for (const { a, b, c, k } of cases) {
      const [floor, cap] = [Math.min(a, b), Math.max(a, b)];
      const bounds = generalBounds(floor, cap, c);
      const f = generalBoundsFormula(R(0), R(1), R(2));
      expect(X.evaluate(f.lo!, v(floor, cap, c))).toBe(bounds.lo);
      expect(X.evaluate(f.hi!, v(floor, cap, c))).toBe(bounds.hi);
      const t = (a + b) / 2;
      const share = X.evaluate(boundedShareFormula(R(0), R(1), R(2), R(3), 2), v(k, t, bounds.lo, bounds.hi));
      expect(Math.abs(share - boundedShare(k, t, bounds.lo, bounds.hi))).toBeLessThanOrEqual(0.005 + 1e-9);
    }
  });
});

describe("calculatorModel", () => {
  const a = allocated(richDistrict());

  test("names follow the contract and are unique", () => {
    const k8 = a.schools.findIndex((s) => s.id === "K8");
    const m = calculatorModel(a, k8);
    const names = [...m.inputs.map((i) => i.name), ...m.constants.map((c) => c.name)];
    expect(names).toEqual(expect.arrayContaining(["Input_Students_Elementary", "Input_Poverty_Middle", "Input_English_Learner_Elementary", "Input_Students_Middle"]));
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(m.levels).toEqual([0, 1]);
    expect(m.constants.some((c) => c.name === "Rate_Elementary_Base_State_Aid")).toBe(true);
    // Every quantity refers only to things defined before it.
    const known = new Set([...m.inputs.map((i) => i.id), ...m.constants.map((c) => c.id)]);
    for (const q of m.quantities) {
      for (const id of references(q.expr)) expect({ quantity: q.id, refersTo: id, known: known.has(id) }).toEqual({ quantity: q.id, refersTo: id, known: true });
      known.add(q.id);
    }
  });

  test("sources the school cannot receive are listed with the reason, not given lines", () => {
    const e2 = a.schools.findIndex((s) => s.id === "E2");
    const m = calculatorModel(a, e2);
    const reasons = Object.fromEntries(m.unavailable.map((u) => [u.name, u.reason]));
    expect(reasons["Transport"]).toMatch(/Locked/);
    expect(reasons["HS Grant"]).toMatch(/High/);
    expect(reasons["Literacy"]).toMatch(/Title I/);
    expect(m.sources.map((s) => s.name)).toEqual(["State Aid", "Local Levy", "Comp Ed", "Title I"]);
  });

  test("a bad school index is a RangeError", () => {
    expect(() => calculatorModel(a, 99)).toThrow(RangeError);
  });

  test("drivers explain the total in words", () => {
    const i = a.schools.findIndex((s) => s.adjustment !== null);
    const words = calculatorDrivers(a, i).join(" ");
    expect(words).toContain(a.schools[i].name);
    expect(words).toMatch(/foundation/);
    expect(words).toMatch(/follows every student/);
    expect(words).toMatch(/current budget/);
  });
});
