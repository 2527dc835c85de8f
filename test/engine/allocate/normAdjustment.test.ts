import { allocate } from "../../../src/engine/allocate";
import { explainer } from "../../../src/engine/allocate/explain";
import { normAmount, normAmountFormula, splitNorm } from "../../../src/engine/allocate/normAdjustment";
import { calculatorModel, schoolAtFixedRates } from "../../../src/report/calculator/model";
import * as X from "../../../src/engine/formula/expr";
import { summaryJson } from "../../../src/report/summary";
import type { Allocation, District } from "../../../src/engine/types";
import { lineText } from "../../../src/words/allocation";
import { allocationPlans } from "../../../src/report/allocation";
import { calculatorPlans } from "../../../src/report/calculator";
import { makeDistrict, type SimpleDistrict } from "../../helpers/district";
import { lineProblems } from "../../helpers/lines";
import { randomDistrict } from "../../helpers/randomDistrict";
import { formatError } from "../../../src/words/errors";

/**
 * Three schools of 100 students, weight 1, one general source of $900,000: each school's formula is $300,000.
 * Norm Adjustment 50%: A's norm budget $540,000 is above its formula (+$120,000), B's $260,000 below (−$20,000),
 * C has none. Targets $420,000, $280,000, $300,000 = $1,000,000 for $900,000 of general money: factor 0.9, so
 * A = $378,000, B = $252,000, C = $270,000.
 */
function three(share: number | undefined, over: Partial<SimpleDistrict> = {}): SimpleDistrict {
  return {
    schools: [
      { id: "A", normBudget: 540_000 },
      { id: "B", normBudget: 260_000 },
      { id: "C", normBudget: null },
    ],
    needs: [],
    levels: ["Elementary"],
    enrollment: [
      ["A", "Elementary", 100],
      ["B", "Elementary", 100],
      ["C", "Elementary", 100],
    ],
    rates: { Elementary: { Base: 1 } },
    sources: [{ name: "General", amount: 900_000 }],
    policy: share === undefined ? {} : { normAdjustment: share },
    ...over,
  };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("norm-based adjustment: hand-computed", () => {
  const a = allocate(makeDistrict(three(0.5)));
  const lines = explainer(a);

  test("one school above its norm, one below, one without: adjustments, factor and totals", () => {
    expect(a.errors).toEqual([]);
    expect(a.schools.map((s) => s.turnedOn)).toEqual([30_000_000, 30_000_000, 30_000_000]);
    expect(a.schools.map((s) => s.normAdjustment)).toEqual([12_000_000, -2_000_000, null]);
    expect(a.neutralityFactor).toBeCloseTo(0.9, 12);
    expect(a.schools.map((s) => s.total)).toEqual([37_800_000, 25_200_000, 27_000_000]);
    // Budget-neutral: the general money paid is unchanged.
    expect(a.totals.schools).toBe(90_000_000);
  });

  test("the norm adjustment is its own line, checkable by hand; the rescaling line carries only the rest", () => {
    const adj = (i: number) => lines(i).filter((l) => l.kind === "adjustment");
    expect(adj(0).map((l) => [l.rule, l.amount, lineText(l)])).toEqual([
      ["Norm adjustment", 12_000_000, "Norm-based adjustment: 50% × ($540,000 norm budget \u2212 $300,000 formula) = +$120,000 (General)"],
      ["Rescaled", -4_200_000, "Budget-neutral rescaling (keeps the general money paid to schools unchanged: pays for floors, caps and norm adjustments) (General): \u2212$42,000"],
    ]);
    expect(adj(1).map((l) => [l.rule, l.amount])).toEqual([
      ["Norm adjustment", -2_000_000],
      ["Rescaled", -2_800_000],
    ]);
    expect(lineText(adj(1)[0])).toBe("Norm-based adjustment: 50% × ($260,000 norm budget \u2212 $300,000 formula) = \u2212$20,000 (General)");
    expect(adj(2).map((l) => [l.rule, l.amount])).toEqual([["Rescaled", -3_000_000]]);
    a.schools.forEach((s, i) => expect(sum(lines(i).map((l) => l.amount))).toBe(s.total));
  });

  test("summary.json and the budget sheet show the norm budget and the adjustment; the Summary lists the setting", () => {
    const json = summaryJson(a);
    expect(json.schools.map((s) => [s.normBudget, s.normAdjustment])).toEqual([
      [540_000, 120_000],
      [260_000, -20_000],
      [null, null],
    ]);
    expect(json.schools[0].lines.filter((l) => l.category === "Norm adjustment").map((l) => l.amount)).toEqual([120_000]);
    const plans = allocationPlans(a);
    const sheet = plans.find((p) => p.name === "A School A")!;
    const label = sheet.cells.find((c) => c.v === "Norm-based adjustment")!;
    expect(sheet.cells.find((c) => c.r === label.r && c.c === 1)!.v).toBe(120_000);
    expect(sheet.tables[0].rows.some((r) => String(r[6]).startsWith("Norm-based adjustment: 50%"))).toBe(true);
    const summary = plans.find((p) => p.name === "Summary")!;
    const row = summary.cells.find((c) => c.v === "Norm adjustment")!;
    expect(summary.cells.find((c) => c.r === row.r && c.c === 1)!.v).toBe(0.5);
  });

  test("the calculator: norm budget locked, the adjustment a live formula, the total equal to the allocation", () => {
    a.schools.forEach((s, i) => {
      const m = calculatorModel(a, i);
      const b = schoolAtFixedRates(a, i, undefined, m);
      expect({ school: s.id, total: b.total }).toEqual({ school: s.id, total: s.total });
      if (s.normAdjustment === null) {
        expect(m.adjust?.normId ?? null).toBeNull();
        return;
      }
      expect(m.constants.find((c) => c.kind === "normBudget")!.value).toBe((s.normBudget as number) / 100);
      expect(m.constants.find((c) => c.kind === "normShare")!.value).toBe(0.5);
      expect(Math.round((b.values.get(m.adjust!.normId!) as number) * 100)).toBe(s.normAdjustment);
    });
    // The calculator's Explanation says what the adjustment is, with the district's share.
    const explanation = calculatorPlans(a, 0).find((p) => p.name === "Explanation")!;
    expect(explanation.cells.some((c) => typeof c.v === "string" && c.v.startsWith("Norm-based adjustment: a school with a norm budget") && c.v.includes("50%"))).toBe(true);
  });
});

describe("norm-based adjustment: rules and edges", () => {
  test("the rule and its formula agree (half-up to the unit, signed)", () => {
    const cases: [number, number, number, number][] = [
      [0.5, 123_457, 100_000, 1],
      [0.5, 100_000, 123_457, 1],
      [0.333, 1_000_000, 0, 100],
      [0.125, 50_000_01, 10_000_00, 1],
    ];
    for (const [share, norm, formula, unit] of cases) {
      const engine = normAmount(share, norm, formula, unit);
      const values: X.Values = new Map<string, number>([
        ["s", share],
        ["n", norm / 100],
        ["f", formula / 100],
      ]);
      const sheet = X.evaluate(normAmountFormula(X.ref("s"), X.ref("n"), X.ref("f"), unit === 100 ? 0 : 2), values);
      expect(Math.round(sheet * 100)).toBe(engine);
    }
    expect(normAmount(0.5, 123_457, 100_000, 1)).toBe(11_729);
    expect(normAmount(0.5, 100_000, 123_457, 1)).toBe(-11_729);
    expect(normAmount(0, 1, 0, 1)).toBe(0);
    expect(normAmount(0.5, null, 0, 1)).toBe(0);
  });

  test("the split over general sources is exact, and follows the sources' own changes when the change is all norm", () => {
    expect(sum(splitNorm(-1001, [-500, -300], [2, 1], 1))).toBe(-1001);
    expect(splitNorm(-800, [-500, -300], [2, 1], 1)).toEqual([-500, -300]);
    expect(sum(splitNorm(700, [100, 100, 0], [1, 1, 1], 100))).toBe(700);
  });

  test("off (share 0 or absent) changes nothing: the same allocation as without any Norm Budget", () => {
    const plain = allocate(makeDistrict({ ...three(undefined), schools: [{ id: "A" }, { id: "B" }, { id: "C" }] }));
    for (const share of [0, undefined]) {
      const off = allocate(makeDistrict(three(share)));
      expect(off.sources.map(({ normBySchool: _n, ...s }) => s)).toEqual(plain.sources.map(({ normBySchool: _n, ...s }) => s));
      expect(off.schools.map((s) => [s.total, s.adjustment, s.normAdjustment])).toEqual(plain.schools.map((s) => [s.total, s.adjustment, null]));
      expect(off.neutralityFactor).toBe(plain.neutralityFactor);
    }
  });

  test("turned on with no Norm Budget column: one located error at the Policy row", () => {
    const d = makeDistrict({ ...three(0.5), schools: [{ id: "A" }, { id: "B" }, { id: "C" }] });
    const withPlace: District = { ...d, policy: { ...d.policy, places: { normAdjustment: { row: 7, column: "Value", cell: "B7", sheet: "Policy" } } } };
    const a = allocate(withPlace);
    expect(a.errors).toHaveLength(1);
    expect(a.errors[0]).toMatchObject({ table: "Policy", row: 7, column: "Value", cell: "B7" });
    expect(a.errors[0]).toMatchObject({ code: "normWithoutBudget", setting: "normAdjustment" });
    expect(formatError(a.errors[0])).toBe('Policy row 7, column "Value" (B7): expected Norm Adjustment: 0% unless Schools has a Norm Budget column, found no Norm Budget for any school');
    expect(formatError(allocate(d).errors[0])).toBe('Policy, column "Norm Adjustment": expected 0% unless Schools has a Norm Budget column, found no Norm Budget for any school');
  });

  test("floors and caps still hold: a school held harmless stays at its floor whatever its norm", () => {
    const d = makeDistrict(
      three(1, {
        schools: [
          { id: "A", normBudget: 900_000, current: 300_000 },
          { id: "B", normBudget: 0, current: 300_000 },
          { id: "C", normBudget: null, current: 300_000 },
        ],
        policy: { normAdjustment: 1, holdHarmless: 0.95, gainCap: 0.1 },
      }),
    );
    const a = allocate(d);
    expect(a.errors).toEqual([]);
    expect(a.schools.map((s) => s.total)).toEqual([33_000_000, 28_500_000, 28_500_000]);
    expect(a.schools.map((s) => s.adjustment)).toEqual(["Gain cap", "Hold harmless", "Hold harmless"]);
    const lines = explainer(a);
    // A's norm line (+$600,000) and its cap line (−$570,000) are separate, labelled lines.
    expect(lines(0).filter((l) => l.kind === "adjustment").map((l) => [l.rule, l.amount])).toEqual([
      ["Norm adjustment", 60_000_000],
      ["Gain cap", -57_000_000],
    ]);
  });
});

/** The differential reference: targets with the norm, the neutral factor by bisection, each school's non-grant money. */
function naive(a0: Allocation, d: District): number[] {
  const p = d.policy;
  const share = p.normAdjustment ?? 0;
  const unit = p.rounding === "dollar" ? 100 : 1;
  const rows = new Set(d.enrollment.map((r) => r.schoolIndex));
  const idx = [...rows].sort((x, y) => x - y);
  const gen = a0.sources.map((s) => s.general);
  const grant = a0.sources.map((s) => s.grant);
  const U = idx.map((i) => sum(a0.sources.map((s, k) => (gen[k] ? s.turnedOnBySchool[i] : 0))));
  const A = idx.map((i) => sum(a0.sources.map((s, k) => (grant[k] ? 0 : s.turnedOnBySchool[i]))));
  const O = A.map((x, k) => x - U[k]);
  const t = idx.map((i, k) => {
    const sc = d.schools[i];
    const phased = sc.current === null || p.phaseIn >= 1 ? A[k] : sc.current + p.phaseIn * (A[k] - sc.current);
    const n = sc.normBudget === null || sc.normBudget === undefined || share === 0 ? 0 : Math.sign(share * (sc.normBudget - A[k])) * Math.floor(Math.abs(share * (sc.normBudget - A[k])) / unit + 0.5 + 1e-9) * unit;
    return Math.max(0, phased + n - O[k]);
  });
  const lo = idx.map((i, k) => Math.max(0, (a0.schools[i].floor ?? 0) - O[k]));
  const hi = idx.map((i, k) => Math.max(lo[k], (a0.schools[i].ceiling ?? Infinity) - O[k]));
  const total = sum(U);
  const f = (x: number) => sum(t.map((v, k) => Math.min(hi[k], Math.max(lo[k], x * v))));
  let a = 0;
  let b = 1;
  while (f(b) < total && b < 1e9) b *= 2;
  for (let it = 0; it < 300; it++) {
    const m = (a + b) / 2;
    if (f(m) < total) a = m;
    else b = m;
  }
  const out = new Array<number>(d.schools.length).fill(NaN);
  idx.forEach((i, k) => (out[i] = O[k] + Math.min(hi[k], Math.max(lo[k], b * t[k]))));
  return out;
}

describe("norm-based adjustment: differential against a naive reference, on random districts", () => {
  const seeds = Array.from({ length: 60 }, (_, k) => 9100 + k);
  let checked = 0;
  test.each(seeds)("seed %i: each school's money, conservation, lines, floors and caps", (seed) => {
    const base = randomDistrict(seed);
    const a0 = allocate(base);
    if (a0.errors.length) return;
    let r = seed;
    const rnd = () => ((r = (r * 1103515245 + 12345) % 2147483648) / 2147483648);
    const share = [0.25, 0.5, 1, 0.333][seed % 4];
    const d: District = {
      ...base,
      schools: base.schools.map((s, i) => ({ ...s, normBudget: rnd() < 0.25 ? null : Math.max(0, Math.round(sum(a0.sources.map((x) => (x.grant ? 0 : x.turnedOnBySchool[i]))) * (0.8 + 0.4 * rnd()))) })),
      policy: { ...base.policy, normAdjustment: share },
    };
    const a = allocate(d);
    if (a.errors.length) return;
    const unit = d.policy.rounding === "dollar" ? 100 : 1;
    const want = naive(a0, d);
    // The lines reproduce and add up to each source's money and to the total; the norm lines to the adjustment.
    expect({ seed, problems: lineProblems(a) }).toEqual({ seed, problems: [] });
    a.schools.forEach((s, i) => {
      const nonGrant = s.total - sum(a.sources.map((x) => (x.grant ? x.bySchool[i] : 0)));
      if (Number.isFinite(want[i]) && a.neutralityFactor !== 1) expect({ seed, school: i, off: Math.abs(nonGrant - want[i]) <= unit + 1 }).toEqual({ seed, school: i, off: true });
      if (s.floor !== null) expect(nonGrant).toBeGreaterThanOrEqual(s.floor);
      const other = nonGrant - sum(a.sources.map((x) => (x.general ? x.bySchool[i] : 0)));
      if (s.ceiling !== null && (s.floor === null || s.floor <= s.ceiling) && other <= s.ceiling) expect(nonGrant).toBeLessThanOrEqual(s.ceiling);
    });
    for (const s of a.sources) expect(s.central + s.surplus + s.toSchools).toBe(s.amount);
    // Budget-neutral: the general money paid to schools is what it was without the rule, less rounding left central.
    const general = (x: Allocation) => sum(x.sources.filter((s) => s.general).map((s) => s.toSchools));
    const capped = (x: Allocation) => x.warnings.some((w) => w.code === "gainCapHeld");
    if (!capped(a) && !capped(a0)) expect(Math.abs(general(a) - general(a0))).toBeLessThanOrEqual(a.schools.length * unit);
    checked++;
  });
  afterAll(() => expect(checked).toBeGreaterThan(20));
});
