import { parseDistrict } from "../../src/engine/parse";
import { analysePlanning, parsePlanning } from "../../src/analysis/plan";
import { planningPlans } from "../../src/report/planning";
import { BUDGET_TREE_SHEET, budgetTreePlan, COST_DRIVERS_SHEET } from "../../src/report/budgetTree";
import { PLAN_SCHOOLS_SHEET, PLAN_SUMMARY_SHEET } from "../../src/report/multiYear";
import type { PlanChart, PlanTable, SheetPlan } from "../../src/report/plan";
import { FUNDING_SHEET, SAVINGS_SHEET } from "../../src/report/savings";
import { SHADOW_SHEET } from "../../src/report/shadow";
import { budgetTree } from "../../src/analysis/plan/tree";
import { sampleDistrict } from "../../src/sample/district";

const raw = sampleDistrict();
const parsed = parseDistrict(raw);
if (!parsed.ok) throw new Error("sample does not parse");
const analysis = analysePlanning(parsed.district, parsePlanning(raw, parsed.district).planning);
const plans = planningPlans(analysis);
const sheet = (name: string) => plans.find((p) => p.name === name) as SheetPlan;

/** "B12:D40" → 0-based rectangle. */
function rect(range: string) {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
  if (!m) throw new Error(`bad range ${range}`);
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { c1: col(m[1]), r1: Number(m[2]) - 1, c2: col(m[3]), r2: Number(m[4]) - 1 };
}

/** Every chart range lies inside one table's data rows. */
function expectInsideTables(p: SheetPlan, chart: PlanChart) {
  for (const s of chart.series) {
    for (const range of [s.values, s.categories].filter((x): x is string => !!x)) {
      const r = rect(range);
      const t = p.tables.find((t: PlanTable) => r.r1 === t.r + 1 && r.r2 <= t.r + t.rows.length && r.c1 >= t.c && r.c2 < t.c + t.headers.length);
      expect(t).toBeDefined();
    }
  }
}

describe("planning sheet plans", () => {
  test("the sheets, in order, with roles; one sheet per plan year; table names unique", () => {
    expect(plans.map((p) => p.name)).toEqual([
      PLAN_SUMMARY_SHEET, PLAN_SCHOOLS_SHEET, "Plan 2026-27", "Plan 2027-28", "Plan 2028-29", "Plan 2029-30", "Plan 2030-31",
      SHADOW_SHEET, BUDGET_TREE_SHEET, COST_DRIVERS_SHEET, SAVINGS_SHEET, FUNDING_SHEET,
    ]);
    for (const p of plans) expect(p.name.length).toBeLessThanOrEqual(31);
    expect(plans.filter((p) => p.role === "plan-year")).toHaveLength(5);
    const names = plans.flatMap((p) => p.tables.map((t) => t.name.toLowerCase()));
    expect(new Set(names).size).toBe(names.length);
    for (const t of plans.flatMap((p) => p.tables)) for (const row of t.rows) expect(row).toHaveLength(t.headers.length);
  });

  test("every chart points at its own tables' data; the treemap has a stacked-bar fallback", () => {
    for (const p of plans) for (const c of p.charts) {
      expectInsideTables(p, c);
      if (c.fallback) expectInsideTables(p, c.fallback);
    }
    const tree = sheet(BUDGET_TREE_SHEET);
    expect(tree.charts[0].kind).toBe("treemap");
    expect(tree.charts[0].fallback?.kind).toBe("barStacked");
    // The treemap's categories span Area, Function and Object, next to the Amount values.
    const leaves = tree.tables.find((t) => t.name === "BudgetTreeLeaves") as PlanTable;
    expect(rect(tree.charts[0].series[0].categories as string)).toEqual({ c1: leaves.c, r1: leaves.r + 1, c2: leaves.c + 2, r2: leaves.r + leaves.rows.length });
    expect(sheet(SAVINGS_SHEET).charts.map((c) => c.kind)).toContain("scatter");
  });

  test("figures: plan years add up, the year sheet's school total matches, the drill-down's areas sum to the total", () => {
    const summary = sheet(PLAN_SUMMARY_SHEET).tables[0];
    expect(summary.rows.map((r) => r[12])).toEqual(["Yes", "Yes", "Yes", "Yes", "Yes"]);
    expect(summary.rows.map((r) => r[5])).toEqual(["No", "Yes", "Yes", "Yes", "Yes"]);
    const y2 = sheet("Plan 2027-28");
    const schools = y2.tables[1];
    const total = schools.rows.reduce((s, r) => s + Math.round((r[3] as number) * 100), 0);
    expect(total).toBe(analysis.plan.years[1].allocation.totals.schools);
    const drill = sheet(BUDGET_TREE_SHEET).tables[0];
    const areas = drill.rows.filter((r) => r[0] === "Area").reduce((s, r) => s + Math.round((r[4] as number) * 100), 0);
    expect(areas).toBe(analysis.tree?.amount);
    const shadow = sheet(SHADOW_SHEET).tables[0];
    expect(shadow.rows).toHaveLength(39);
    for (const r of shadow.rows) expect(Math.round((r[5] as number) * 100)).toBe(Math.round((r[4] as number) * 100) - Math.round((r[3] as number) * 100));
    const ranked = sheet(SAVINGS_SHEET).tables[0];
    expect(ranked.rows.slice(0, 29).map((r) => r[0])).toEqual(Array.from({ length: 29 }, (_, i) => i + 1));
    expect(ranked.rows.slice(29).map((r) => r[14])).toEqual(["Rejected", "Rejected"]);
  });

  test("an empty budget tree has no chart", () => {
    expect(budgetTreePlan(budgetTree([])).charts).toEqual([]);
  });
});
