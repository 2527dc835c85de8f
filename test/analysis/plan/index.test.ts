import { parseDistrict } from "../../../src/engine/parse";
import { analysePlanning, conservationBreaks, parsePlanning, planJson, withoutPlanSettingWarnings } from "../../../src/analysis/plan";
import { planWarningText, savingsQuadrantText } from "../../../src/words/plan";
import type { District, RawTables } from "../../../src/engine/types";
import { sampleDistrict } from "../../../src/sample/district";
import { rawTable, rawTables, sampleGrids } from "../../helpers/raw";

function parsed(raw: RawTables): District {
  const r = parseDistrict(raw);
  if (!r.ok) throw new Error("does not parse");
  return r.district;
}

describe("planning end to end on the sample district", () => {
  const raw = sampleDistrict();
  const district = parsed(raw);
  const p = parsePlanning(raw, district);
  const analysis = analysePlanning(district, p.planning);

  test("the planning tables parse without problems and the Policy warnings about planning settings are dropped", () => {
    expect(p.errors).toEqual([]);
    expect(p.planning.budgetLines?.length).toBeGreaterThan(55);
    expect(p.planning.opportunities).toHaveLength(31);
    expect(p.planning.projections.length).toBeGreaterThan(2);
    expect(p.planning.settings.budgetYear).toBe(2027);
    const r = parseDistrict(raw);
    expect(r.ok && withoutPlanSettingWarnings(r.warnings)).toEqual([]);
    expect(withoutPlanSettingWarnings([{ code: "unknownSetting", row: 9, name: "Colour", known: ["x"] }])).toHaveLength(1);
    expect(withoutPlanSettingWarnings([{ code: "unknownSetting", row: 9, name: " plan  years ", known: ["x"] }])).toEqual([]);
  });

  test("five years, each conserving to the cent; the trigger turns the weights on in year 2; targets by 2029-30", () => {
    const plan = analysis.plan;
    expect(plan.errors).toEqual([]);
    expect(plan.years.map((y) => y.label)).toEqual(["2026-27", "2027-28", "2028-29", "2029-30", "2030-31"]);
    for (const y of plan.years) expect(conservationBreaks(y.allocation)).toEqual([]);
    expect(plan.triggerYear).toBe(2);
    expect(plan.years.map((y) => y.turnedOn)).toEqual([false, true, true, true, true]);
    expect(plan.years.map((y) => y.holdHarmless)).toEqual([0.95, 0.95, 0.93, 0.91, 0.89]);
    expect(plan.years[3].weightProgress).toBe(1);
    const pov = (y: number) => (plan.years[y].district.rates[0][1] as { weight: number }).weight;
    expect(pov(0)).toBeCloseTo(0.34, 9);
    expect(pov(3)).toBeCloseTo(0.4, 9);
    // The sample's Title I projection for 2027-28 is used.
    const title = p.planning.projections.find((x) => x.kind === "Revenue" && x.year === 2);
    expect(plan.years[1].district.sources[title!.key].amount).toBe(title!.value);
  });

  test("budget tree, savings, funding and shadow notice are all present; the JSON carries every year", () => {
    expect(analysis.tree?.lines).toBe(p.planning.budgetLines?.length);
    expect(analysis.savings?.rows).toHaveLength(31);
    expect(analysis.funding?.committed).toBeGreaterThan(0);
    expect(analysis.shadow?.rows).toHaveLength(39);
    const j = planJson(analysis, planWarningText, savingsQuadrantText) as { plan: { years: { conserved: boolean }[]; schools: { totals: number[] }[] }; shadow: unknown[]; budgetTree: unknown; savings: unknown };
    expect(j.plan.years.every((y) => y.conserved)).toBe(true);
    expect(j.plan.schools[0].totals).toHaveLength(5);
    expect(j.shadow).toHaveLength(39);
    expect(j.budgetTree).toBeDefined();
    expect(j.savings).toBeDefined();
  });
});

describe("parsePlanning cross-checks", () => {
  test("a Revenue Trigger needs every school's Current Budget; a dated Rigid constraint needs a Budget Year", () => {
    const grids = sampleGrids();
    grids.Policy = [["Setting", "Value"], ["Revenue Trigger", 1000]];
    const raw = rawTables(grids);
    raw.opportunities = rawTable("Opportunities", [
      ["Opportunity", "Area", "Low $", "High $", "Ease", "Constraint", "Contract End Date"],
      ["Buses", "Ops", 1, 2, 3, "Rigid", "2027-06-30"],
    ]);
    const d = parsed(raw);
    const r = parsePlanning(raw, d);
    expect(r.errors.map((e) => [e.table, e.row, e.column])).toEqual([
      ["Schools", 4, "Current Budget"],
      ["Policy", null, "Setting"],
    ]);
    expect(r.errors[1].expected).toMatch(/Opportunities row 2/);
  });

  test("with the district unreadable the planning tables are still checked for form", () => {
    const raw = rawTables({ Schools: [["School ID"]] });
    raw["budget lines"] = rawTable("Budget Lines", [["Function", "School ID", "Amount"], ["Fuel", "Central", "abc"]]);
    const r = parsePlanning(raw, null, { years: 99 });
    expect(r.errors.map((e) => `${e.table} ${e.cell}`)).toEqual(["Budget Lines C2"]);
    expect(r.planning.settings.years).toBe(30);
  });
});
