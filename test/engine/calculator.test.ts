import { allocate } from "../../src/engine/allocate";
import {
  calculatorDrivers,
  calculatorModel,
  evaluateModel,
  fixed12,
  originalCounts,
  schoolAtFixedRates,
  type CalculatorModel,
} from "../../src/engine/calculator";
import { references } from "../../src/engine/calculator/expr";
import { parseDistrict } from "../../src/engine/parse";
import type { Allocation } from "../../src/engine/types";
import { sampleDistrict } from "../../src/sample/district";
import { makeDistrict, type SimpleDistrict } from "../helpers/district";

const LEVELS = ["Elementary", "Middle", "High"];
const NEEDS = ["Poverty", "English Learner"];

/** A district exercising every rule: foundation, hold harmless, gain cap, phase-in, MOB, restricted and rule-based grants. */
function richDistrict(policy: SimpleDistrict["policy"] = {}): SimpleDistrict {
  return {
    levels: LEVELS,
    needs: NEEDS,
    schools: [
      { id: "E1", current: 1_700_000, minimum: 900_000, attributes: { titlei: "Yes" } },
      { id: "E2", current: 1_000_000, attributes: { titlei: "No" } },
      { id: "M1", current: 3_100_000, attributes: { titlei: "Yes" } },
      { id: "H1", current: 4_300_000, minimum: 3_000_000, attributes: { titlei: "No" } },
      { id: "K8", current: 2_100_000, attributes: { titlei: "Yes" } },
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

function allocated(x: SimpleDistrict): Allocation {
  const a = allocate(makeDistrict(x));
  expect(a.errors).toEqual([]);
  return a;
}

function expectExactAtProjection(a: Allocation): void {
  a.schools.forEach((school, i) => {
    const b = schoolAtFixedRates(a, i);
    expect({ id: school.id, total: b.total }).toEqual({ id: school.id, total: school.total });
    // The shadow notice: the formula fully turned on equals the engine's turnedOn, and the gap is the difference.
    expect({ id: school.id, turnedOn: b.turnedOn, gap: b.gap }).toEqual({ id: school.id, turnedOn: school.turnedOn, gap: school.turnedOn - school.total });
    a.sources.forEach((s, k) => expect({ id: school.id, source: s.name, cents: b.bySource[k] }).toEqual({ id: school.id, source: s.name, cents: s.bySchool[i] }));
  });
}

function adjustments(m: CalculatorModel): number[] {
  return m.constants.filter((c) => c.kind === "adjustment").map((c) => c.value);
}

/** The turned-on rounding adjustment absorbs only largest-remainder rounding: a few units per source at most. */
function expectSmallTurnedOnAdjustment(a: Allocation, i: number): void {
  const m = calculatorModel(a, i);
  const unit = a.district.policy.rounding === "dollar" ? 100 : 1;
  const adj = m.constants.find((c) => c.kind === "turnedOnAdjustment")?.value as number;
  expect(Math.abs(adj * 100)).toBeLessThanOrEqual(8 * unit * Math.max(1, m.sources.length));
}

describe("schoolAtFixedRates at the projected counts equals the engine to the cent", () => {
  test.each([
    ["cent rounding, floors, caps, foundation", richDistrict()],
    ["dollar rounding", richDistrict({ rounding: "dollar" })],
    ["phase-in 50%", richDistrict({ phaseIn: 0.5, holdHarmless: null, gainCap: null, foundationPerSchool: 0 })],
    ["phase-in with floors and caps, dollars", richDistrict({ phaseIn: 0.6, rounding: "dollar" })],
    ["no adjustments at all", { ...richDistrict({ holdHarmless: null, gainCap: null, foundationPerSchool: 0 }), schools: richDistrict().schools.map((s) => ({ ...s, minimum: null })) }],
  ])("%s", (_name, x) => {
    const a = allocated(x);
    expectExactAtProjection(a);
    for (let i = 0; i < a.schools.length; i++) {
      const unit = a.district.policy.rounding === "dollar" ? 100 : 1;
      // The rounding adjustment only absorbs largest-remainder rounding: a few units per source at most.
      for (const v of adjustments(calculatorModel(a, i))) expect(Math.abs(v * 100)).toBeLessThanOrEqual(8 * unit);
      expectSmallTurnedOnAdjustment(a, i);
    }
  });

  test("fixed $ per pupil formula with a shortfall", () => {
    const x = richDistrict({ holdHarmless: null, gainCap: null, foundationPerSchool: 0 });
    x.rates = {
      Elementary: { Base: { pp: 4100 }, Poverty: { pp: 1300 }, "English Learner": { pp: 700 } },
      Middle: { Base: { pp: 4300 }, Poverty: { pp: 1300 }, "English Learner": { pp: 700 } },
      High: { Base: { pp: 5000 }, Poverty: { pp: 1100 }, "English Learner": { pp: 800 } },
    };
    x.sources[0].amount = 6_000_000;
    const a = allocated(x);
    expect(a.totals.unfunded).toBeGreaterThan(0);
    expectExactAtProjection(a);
  });

  test("the sample district (39 schools)", () => {
    const parsed = parseDistrict(sampleDistrict());
    if (!parsed.ok) throw new Error("sample district does not parse");
    const a = allocate(parsed.district);
    expect(a.schools).toHaveLength(39);
    expectExactAtProjection(a);
    const unit = a.district.policy.rounding === "dollar" ? 100 : 1;
    for (let i = 0; i < a.schools.length; i++) {
      for (const v of adjustments(calculatorModel(a, i))) expect(Math.abs(v * 100)).toBeLessThanOrEqual(8 * unit);
      expectSmallTurnedOnAdjustment(a, i);
    }
    // The sample has floors and caps, so the shadow notice shows gaps both ways.
    expect(a.schools.some((s) => s.turnedOn > s.total)).toBe(true);
    expect(a.schools.some((s) => s.turnedOn < s.total)).toBe(true);
  });
});

describe("the shadow notice in the calculator: the formula fully turned on", () => {
  test("without phase-in, floors or caps the formula turned on is the budget: no gap at any counts", () => {
    const x = { ...richDistrict({ holdHarmless: null, gainCap: null, foundationPerSchool: 0 }), schools: richDistrict().schools.map((s) => ({ ...s, minimum: null })) };
    const a = allocated(x);
    a.schools.forEach((school, i) => {
      expect(school.turnedOn).toBe(school.total);
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
    expect(after.total).toBe(a.schools[i].floor);
    expect(after.turnedOn).toBeLessThan(at.turnedOn);
    expect(after.gap).toBe(after.turnedOn - after.total);
    expect(after.gap).toBeLessThan(at.gap);
    // Turned on = general + restricted money before adjustments + the locked turned-on rounding adjustment.
    const v = after.values;
    const adj = m.constants.find((c) => c.kind === "turnedOnAdjustment")?.value as number;
    expect(after.turnedOn).toBe(Math.round(((v.get(m.ids.generalAmount) as number) + (v.get(m.ids.otherAmount) as number) + adj) * 100));
  });

  test("a gain-capped school would receive more with the formula turned on", () => {
    const a = allocated(richDistrict());
    const i = a.schools.findIndex((s) => s.adjustment === "Gain cap");
    const b = schoolAtFixedRates(a, i);
    expect(b.total).toBe(a.schools[i].ceiling);
    expect(b.gap).toBeGreaterThan(0);
    expect(b.turnedOn).toBe(a.schools[i].turnedOn);
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
    const base = a.sources[0].base as number; // cents per weighted pupil
    const counts = originalCounts(a, 0);
    counts[0][0] += 10;
    counts[0][1] += 7;
    const after = schoolAtFixedRates(a, 0, counts);
    // Independent arithmetic: each line rounds to the cent once, so the change is within a cent per line of the exact rate.
    const exact = 10 * base + 7 * base * 0.4;
    expect(Math.abs(after.total - a.schools[0].total - exact)).toBeLessThanOrEqual(2);
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
    const rate = fixed12((a.matrix.bySource[titleI][0][1] as number) / 100);
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
    expect(schoolAtFixedRates(a, floored, less).total).toBe(fl.floor);
    const cp = a.schools[capped];
    const more = originalCounts(a, capped).map((row) => row.map((v, c) => (c === 0 && v > 0 ? v + 25 : v)));
    expect(schoolAtFixedRates(a, capped, more).total).toBe(cp.ceiling);
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

  test("the rounding adjustment is the difference between the engine and the formulas at the projected counts", () => {
    const a = allocated(richDistrict());
    const m = calculatorModel(a, 0);
    const v = evaluateModel(m, originalCounts(a, 0));
    for (const s of m.sources) {
      const adj = m.constants.find((c) => c.id === s.adjustmentId)?.value as number;
      expect(Math.round(((v.get(s.finalId) as number) + adj) * 100)).toBe(s.engine);
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
