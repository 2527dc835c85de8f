import { allocate } from "../../../src/engine/allocate";
import { wordedError } from "../../../src/words/errors";
import { availableToSpend, carriedAmount, carryOverTotals, hasCarryOver } from "../../../src/engine/allocate/carryOver";
import { explainer } from "../../../src/engine/allocate/explain";
import { carriedWords } from "../../../src/words/allocation";
import { calculatorModel, schoolAtFixedRates } from "../../../src/report/calculator/model";
import type { ParseContext } from "../../../src/engine/parse/headers";
import { parseDistrict } from "../../../src/engine/parse";
import { parseSchools } from "../../../src/engine/parse/schools";
import { summaryJson } from "../../../src/report/summary";
import type { Allocation } from "../../../src/engine/types";
import { allocationPlans, summaryPlan } from "../../../src/report/allocation";
import { calculatorPlans } from "../../../src/report/calculator";
import type { PlanCell, SheetPlan } from "../../../src/report/plan";
import { schoolRows } from "../../../src/taskpane/features/schools/SchoolTable";
import { makeDistrict, twoSchools, type SimpleDistrict } from "../../helpers/district";
import { rawTable, rawTables } from "../../helpers/raw";

/**
 * Two schools, 100 students each, 80 and 20 in poverty, weights 1 and 0.5, one general source of $1,000,000:
 * 250 weighted pupils, $4,000 per weighted pupil, so A = 100 × $4,000 + 80 × $2,000 = $560,000 and
 * B = 100 × $4,000 + 20 × $2,000 = $440,000. A carries a surplus of $12,000, B a deficit of $8,000.
 */
function two(prior: [number | null | undefined, number | null | undefined] = [12_000, -8_000], over: Partial<SimpleDistrict> = {}): SimpleDistrict {
  return twoSchools(over, prior);
}

const ctx = (): ParseContext => ({ errors: [], warnings: [] });

/** The money figure in column B on the row whose column A reads `label`, in cents. */
function valueBeside(plan: SheetPlan, label: string): number | undefined {
  const at = plan.cells.find((c) => c.c === 0 && c.v === label);
  const v = at && plan.cells.find((c: PlanCell) => c.r === at.r && c.c === 1)?.v;
  return typeof v === "number" ? Math.round(v * 100) : undefined;
}

describe("prior-year carry-over: hand-computed", () => {
  const a = allocate(makeDistrict(two()));

  test("each school carries its balance, and available = allocation + carried", () => {
    expect(a.errors).toEqual([]);
    expect(a.schools.map((s) => s.total)).toEqual([56_000_000, 44_000_000]);
    expect(a.schools.map((s) => s.carryOver)).toEqual([1_200_000, -800_000]);
    expect(a.schools.map((s) => s.available)).toEqual([57_200_000, 43_200_000]);
    expect(carryOverTotals(a.schools)).toEqual({ surplus: 1_200_000, deficit: -800_000, schoolsInDeficit: 1, schoolsInSurplus: 1, net: 400_000 });
  });

  test("the words carry a sign: a surplus with +, a deficit with a true minus", () => {
    expect(carriedWords(1_200_000)).toBe("surplus +$12,000.00");
    expect(carriedWords(-800_000)).toBe("deficit \u2212$8,000.00");
    expect(carriedWords(0)).toBe("none ($0.00)");
  });

  test("without the column nothing is carried: null everywhere, no Summary rows", () => {
    const b = allocate(makeDistrict(two([undefined, undefined])));
    expect(hasCarryOver(b.district)).toBe(false);
    expect(b.schools.map((s) => [s.carryOver, s.available])).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(carryOverTotals(b.schools)).toBeNull();
    const json = summaryJson(b);
    expect(json.carryOver).toBeNull();
    expect(json.schools.map((s) => [s.carryOver, s.available])).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(summaryPlan(b).cells.some((c) => typeof c.v === "string" && c.v.startsWith("Carried from the prior year"))).toBe(false);
  });

  test("the unit rules", () => {
    expect(carriedAmount(undefined)).toBeNull();
    expect(carriedAmount(null)).toBeNull();
    expect(carriedAmount(-5)).toBe(-5);
    expect(availableToSpend(100, null)).toBeNull();
    expect(availableToSpend(100, -30)).toBe(70);
  });
});

describe("prior-year carry-over does not change the allocation (differential)", () => {
  const cases: [string, Partial<SimpleDistrict>][] = [
    ["plain", {}],
    ["hold harmless, gain cap and a grant", { policy: { holdHarmless: 0.98, gainCap: 0.02 }, sources: [{ name: "General", amount: 1_000_000 }, { name: "Grant", amount: 50_000.01, status: "Grant" }, { name: "Restricted", amount: 77_777.77, restricted: true, funds: "Poverty" }] }],
    ["phase-in and dollars", { policy: { phaseIn: 0.4, rounding: "dollar", foundationPerSchool: 5_000_00 } }],
  ];
  test.each(cases)("%s: every source and school amount is identical with and without Prior Year Balance", (_name, over) => {
    const without = allocate(makeDistrict(two([undefined, undefined], over)));
    const withIt = allocate(makeDistrict(two([250_000.55, -999_999.99], over)));
    expect(withIt.errors).toEqual(without.errors);
    expect(withIt.sources).toEqual(without.sources);
    expect(withIt.totals).toEqual(without.totals);
    expect(withIt.neutralityFactor).toBe(without.neutralityFactor);
    expect(withIt.schools.map(({ carryOver: _c, available: _a, ...rest }) => rest)).toEqual(without.schools.map(({ carryOver: _c, available: _a, ...rest }) => rest));
    // Conservation is untouched: each source's amount = central + surplus + to schools.
    for (const s of withIt.sources) expect(s.central + s.surplus + s.toSchools).toBe(s.amount);
    const ex = explainer(withIt);
    const exWithout = explainer(without);
    for (let i = 0; i < 2; i++) expect(ex(i)).toEqual(exWithout(i));
    withIt.schools.forEach((s) => expect(s.available).toBe(s.total + (s.carryOver as number)));
  });
});

describe("prior-year carry-over: the same figures on every surface", () => {
  const a: Allocation = allocate(makeDistrict(two()));
  const json = summaryJson(a);

  test("summary.json: per school carryOver and available, district totals", () => {
    expect(json.schools.map((s) => [s.total, s.carryOver, s.available])).toEqual([
      [560_000, 12_000, 572_000],
      [440_000, -8_000, 432_000],
    ]);
    expect(json.carryOver).toEqual({ surplusCarried: 12_000, deficitCarried: -8_000, net: 4_000, schoolsInDeficit: 1, schoolsInSurplus: 1 });
    expect(json.totals.schools).toBe(1_000_000);
  });

  test("the budget sheet: total, then carried and available on their own lines; the lines still add up to the total", () => {
    const plans = allocationPlans(a);
    a.schools.forEach((s, i) => {
      const sheet = plans.find((p) => p.name === `${s.id} ${s.name}`) as SheetPlan;
      expect(valueBeside(sheet, "Total budget")).toBe(s.total);
      expect(valueBeside(sheet, "Carried from the prior year")).toBe(Math.round(json.schools[i].carryOver! * 100));
      expect(valueBeside(sheet, "Available to spend (total budget + carried)")).toBe(Math.round(json.schools[i].available! * 100));
      const words = sheet.cells.find((c) => c.c === 2 && typeof c.v === "string" && /^(surplus|deficit)/.test(c.v))?.v;
      expect(words).toBe(i === 0 ? "surplus +$12,000.00" : "deficit \u2212$8,000.00");
      // The total row sits above the carried rows; the sum of the lines is the total, not what is available.
      const totalRow = sheet.cells.find((c) => c.v === "Total budget")!.r;
      expect(sheet.cells.find((c) => c.v === "Carried from the prior year")!.r).toBe(totalRow + 1);
      const sum = sheet.cells.find((c) => c.v === "Sum of lines")!;
      expect(Math.round((sheet.cells.find((c) => c.r === sum.r && c.c === 5)!.result as number) * 100)).toBe(s.total);
    });
    const summary = plans.find((p) => p.name === "Summary") as SheetPlan;
    expect(valueBeside(summary, "Surplus carried")).toBe(1_200_000);
    expect(valueBeside(summary, "Deficit carried")).toBe(-800_000);
    const inDeficit = summary.cells.find((c) => c.v === "Schools in deficit")!;
    expect(summary.cells.find((c) => c.r === inDeficit.r && c.c === 1)!.v).toBe(1);
    expect(valueBeside(summary, "Distributed to schools")).toBe(a.totals.schools);
  });

  test("the calculator: a locked carried figure and a live available-to-spend formula, equal to summary.json", () => {
    a.schools.forEach((s, i) => {
      const m = calculatorModel(a, i);
      const carried = m.constants.find((c) => c.kind === "carryOver")!;
      expect(carried.value).toBe(json.schools[i].carryOver);
      expect(carried.note).toMatch(/not part of this year's budget/);
      const b = schoolAtFixedRates(a, i, undefined, m);
      expect(b.total).toBe(s.total);
      expect(b.available).toBe(Math.round(json.schools[i].available! * 100));
      // A principal's other counts change the budget and, with it, what is available; the carried amount stays.
      const more = schoolAtFixedRates(a, i, [[150, 20]], m);
      expect(more.available).toBe(more.total + (s.carryOver as number));
      const budget = calculatorPlans(a, i).find((p) => p.name === "Budget")!;
      const available = budget.cells.find((c) => c.f !== undefined && c.f.includes("Carried_From_Prior_Year") && c.f.startsWith("ROUND("));
      expect(available?.f).toBe("ROUND(Total_Budget+Carried_From_Prior_Year,2)");
      expect(Math.round((available?.result as number) * 100)).toBe(s.available);
    });
  });

  test("the pane's Schools view: carried and available columns", () => {
    expect(schoolRows(a).map((r) => [r.total, r.carryOver, r.available])).toEqual([
      [56_000_000, 1_200_000, 57_200_000],
      [44_000_000, -800_000, 43_200_000],
    ]);
  });
});

describe("Prior Year Balance in the Schools table", () => {
  test("signed dollars: text with $, commas, parentheses or a minus; blank = nothing carried", () => {
    const c = ctx();
    const r = parseSchools(
      rawTable("Schools", [
        ["School ID", "School Name", "Prior Year Balance"],
        ["A", "Adams", "$12,000"],
        ["B", "Baker", -8000],
        ["C", "Clark", "(1,200.50)"],
        ["D", "Dunn", "\u2212250.25"],
        ["E", "Eaton", null],
      ]),
      c,
    );
    expect(c.errors).toEqual([]);
    expect(r.schools.map((s) => s.priorYear)).toEqual([1_200_000, -800_000, -120_050, -25_025, 0]);
  });

  test("an alias is accepted; without the column no school has a balance", () => {
    const c = ctx();
    const r = parseSchools(rawTable("Schools", [["School ID", "School Name", "Carryover"], ["A", "Adams", 5]]), c);
    expect(r.schools[0].priorYear).toBe(500);
    const none = parseSchools(rawTable("Schools", [["School ID", "School Name"], ["A", "Adams"]]), c);
    expect(none.schools[0].priorYear).toBeUndefined();
    expect(hasCarryOver({ schools: none.schools } as never)).toBe(false);
  });

  test.each([
    ["1000.005", "whole cents"],
    ["abc", "a dollar amount"],
    [2e12, "from \u2212$1,000,000,000,000 to $1,000,000,000,000"],
    [-2e12, "from \u2212$1,000,000,000,000 to $1,000,000,000,000"],
    ["12%", "a dollar amount"],
  ])("%p is one located error (table, row, column, what was expected), nothing else", (bad, expected) => {
    const res = parseDistrict(
      rawTables({
        Schools: [["School ID", "School Name", "Prior Year Balance"], ["A", "Adams", 100], ["B", "Baker", bad]],
        Enrollment: [["School ID", "Level", "Students"], ["A", "Elementary", 10], ["B", "Elementary", 10]],
        Weights: [["Category", "Level", "Weight"], ["Base", "Elementary", 1]],
        Revenue: [["Source", "Amount"], ["General", 1000]],
      }),
    );
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.errors).toHaveLength(1);
    expect(res.errors[0]).toMatchObject({ table: "Schools", row: 3, column: "Prior Year Balance", cell: "C3" });
    expect(wordedError(res.errors[0]).expected).toContain(expected);
  });
});
