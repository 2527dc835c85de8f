import { parseDistrict } from "../../../src/engine/parse";
import { wordedError } from "../../../src/words/errors";
import type { ParseContext } from "../../../src/engine/parse/headers";
import { isPlanSetting, parsePlanSettings, parseProjections, parseTargetWeights, readPlanYear } from "../../../src/analysis/parse/projections";
import type { District } from "../../../src/engine/types";
import { parsePlanning } from "../../../src/analysis/plan";
import { POLICY_SETTINGS, readBy, reportedBy } from "../../../src/engine/policySettings";
import { rawTable, rawTables, sampleGrids } from "../../helpers/raw";

const ctx = (): ParseContext => ({ errors: [], warnings: [] });

function district(): District {
  const r = parseDistrict(rawTables(sampleGrids()));
  if (!r.ok) throw new Error("sample grids do not parse");
  return r.district;
}

const policy = (rows: unknown[][]) => rawTable("Policy", [["Setting", "Value"], ...(rows as never[][])]);

describe("planning settings from the Policy table", () => {
  test("defaults", () => {
    const d = district();
    const s = parsePlanSettings(undefined, d, ctx());
    expect(s).toEqual({
      budgetYear: null,
      fiscalYearStart: 7,
      years: 5,
      enrollmentGrowth: [0, 0, 0],
      revenueGrowth: d.sources.map(() => 0),
      targetYear: null,
      holdHarmlessDecay: 0,
      revenueTrigger: null,
    });
  });

  test("every setting; a level's or source's own growth overrides the district-wide one", () => {
    const d = district();
    const c = ctx();
    const s = parsePlanSettings(
      policy([
        ["Base Amount", null],
        ["Budget Year", "FY2027"],
        ["Fiscal Year Start", "September"],
        ["Plan Years", 4],
        ["Enrollment Growth", "-1%"],
        ["Enrollment_Growth High", 0.02],
        ["Revenue Growth", 3],
        [`Revenue Growth ${d.sources[0].name}`, "0%"],
        ["Target Year", "2029-30"],
        ["Hold Harmless Decay", "2%"],
        ["Revenue Trigger", "$1,500,000"],
      ]),
      // Levels and sources only (no parsed policy): the Revenue Trigger is read from the cell itself.
      { levels: d.levels, sources: d.sources },
      c,
    );
    expect(c.errors.map(wordedError)).toEqual([]);
    expect(s.budgetYear).toBe(2027);
    expect(s.fiscalYearStart).toBe(9);
    expect(s.years).toBe(4);
    expect(d.levels).toEqual(["Elementary", "Middle", "High"]);
    expect(s.enrollmentGrowth).toEqual([-0.01, -0.01, 0.02]);
    expect(s.revenueGrowth[0]).toBe(0);
    expect(s.revenueGrowth.slice(1).every((g) => g === 0.03)).toBe(true);
    expect(s.targetYear).toBe(4);
    expect(s.holdHarmlessDecay).toBeCloseTo(0.02, 12);
    expect(s.revenueTrigger).toBe(150000000);
  });

  test("bad values and unknown levels / sources are located at the Policy cell", () => {
    const c = ctx();
    parsePlanSettings(
      policy([
        ["Budget Year", "next year"],
        ["Plan Years", 2.5],
        ["Enrollment Growth Kindergarten", "1%"],
        ["Revenue Growth Lottery", "1%"],
        ["Hold Harmless Decay", "150%"],
        ["Revenue Trigger", "lots"],
        ["Target Year", 2030],
        ["Enrollment Growth", "-150%"],
      ]),
      district(),
      c,
    );
    // B7 (Revenue Trigger) is an allocation setting: parseDistrict reports it (next test), not the planning parser.
    expect(c.errors.map((e) => e.cell)).toEqual(["B2", "B3", "A4", "A5", "B6", "B9", "B8"]);
    expect(wordedError(c.errors[2]).expected).toMatch(/Elementary, Middle, High/);
    expect(wordedError(c.errors[6]).expected).toMatch(/Budget Year/);
  });

  test("every registry setting the planning parser reads is read: a bad value of each is located at its cell, or taken from the district's parser", () => {
    const planning = POLICY_SETTINGS.filter((s) => s.readBy.includes("planning"));
    expect(planning.length).toBeGreaterThan(0);
    // A setting read by "planning" is a field of PlanSettings (readByPlanning narrows to the plan settings).
    expect(planning.filter((s) => s.target !== "plan").map((s) => s.name)).toEqual([]);
    for (const spec of planning) {
      const c = ctx();
      // A Budget Year first, so that a fiscal year is not what makes a Target Year bad.
      const rows = spec.key === "budgetYear" ? [[spec.name, "not a value"]] : [["Budget Year", 2027], [spec.name, "not a value"]];
      const s = parsePlanSettings(policy(rows), district(), c);
      if (reportedBy(spec, "planning")) {
        expect([spec.name, c.errors.map((e) => e.cell)]).toEqual([spec.name, [`B${rows.length + 1}`]]);
      } else {
        // Read (and reported) by the district's parser: the planning parser takes its value, reports nothing.
        expect([spec.name, c.errors]).toEqual([spec.name, []]);
        expect(readBy(spec, "allocation")).toBe(true);
        expect((s as unknown as Record<string, unknown>)[spec.key]).toBe(spec.default);
      }
    }
  });

  test("a bad Revenue Trigger is reported once, by the district's parser, and not again by the planning parser", () => {
    const grids = sampleGrids();
    const raw = rawTables({ ...grids, Policy: [["Setting", "Value"], ["Revenue Trigger", "lots"]] });
    const r = parseDistrict(raw);
    expect(r.ok).toBe(false);
    const fromDistrict = r.ok ? [] : r.errors.filter((e) => e.table === "Policy");
    expect(fromDistrict.map((e) => e.cell)).toEqual(["B2"]);
    const planning = parsePlanning(raw, null);
    expect(planning.errors.filter((e) => e.table === "Policy")).toEqual([]);
    expect(planning.planning.settings.revenueTrigger).toBeNull();
    // A valid trigger reaches the plan from the parsed policy.
    const ok = rawTables({ ...grids, Policy: [["Setting", "Value"], ["Revenue Trigger", "$1,500,000"]] });
    const d = parseDistrict(ok);
    if (!d.ok) throw new Error("does not parse");
    expect(parsePlanning(ok, d.district).planning.settings.revenueTrigger).toBe(150000000);
    // Without a parsed district the planning parser reads the same cell the same way, silently.
    const alone = parsePlanning(ok, null);
    expect(alone.errors).toEqual([]);
    expect(alone.planning.settings.revenueTrigger).toBe(150000000);
  });

  test("isPlanSetting and readPlanYear", () => {
    expect(isPlanSetting("revenuetrigger")).toBe(true);
    expect(isPlanSetting("enrollmentgrowthhigh")).toBe(true);
    expect(isPlanSetting("gaincap")).toBe(false);
    expect(readPlanYear(3, null)).toEqual({ year: 3 });
    expect(readPlanYear("Year 4", null)).toEqual({ year: 4 });
    expect(readPlanYear(2029, 2027)).toEqual({ year: 3 });
    expect(readPlanYear("2027-28", 2027)).toEqual({ year: 2 });
    expect(readPlanYear("FY2030", 2027)).toEqual({ year: 4 });
    expect(readPlanYear(2029, null)).toHaveProperty("problem");
    expect(readPlanYear("soon", 2027)).toEqual({ problem: "notYear" });
  });
});

describe("Projections table", () => {
  const HEAD = ["Year", "Kind", "Key", "School ID", "Value"];
  const settings = (budgetYear: number | null) => ({ ...parsePlanSettings(undefined, district(), ctx()), budgetYear });

  test("reads level totals, a school's own level and a source's amount", () => {
    const d = district();
    const c = ctx();
    const rows = parseProjections(
      rawTable("Projections", [
        HEAD,
        [2, "Enrollment", "elementary", null, 720],
        ["2028-29", "enrollment", "Middle", "101", 210],
        ["FY2029", "Revenue", d.sources[1].name, null, "$2,000,000"],
      ]),
      d,
      settings(2027),
      c,
    );
    expect(c.errors.map(wordedError)).toEqual([]);
    expect(rows).toEqual([
      { year: 2, kind: "Enrollment", key: 0, schoolIndex: null, value: 720, sheetRow: 2 },
      { year: 3, kind: "Enrollment", key: 1, schoolIndex: 0, value: 210, sheetRow: 3 },
      { year: 3, kind: "Revenue", key: 1, schoolIndex: null, value: 200000000, sheetRow: 4 },
    ]);
  });

  test("located errors: year 1, fiscal year without Budget Year, kind, key, school, revenue per school, value, duplicates", () => {
    const d = district();
    const c = ctx();
    const rows = parseProjections(
      rawTable("Projections", [
        HEAD,
        [1, "Enrollment", "High", null, 10],
        [2029, "Enrollment", "High", null, 10],
        [2, "Budget", "High", null, 10],
        [2, "Enrollment", "Preschool", null, 10],
        [2, "Enrollment", "High", "102", 10],
        [2, "Revenue", d.sources[0].name, "101", 10],
        [2, "Enrollment", "Middle", null, 10.5],
        [3, "Enrollment", "High", null, 10],
        [3, "Enrollment", "High", null, 11],
      ]),
      d,
      settings(null),
      c,
    );
    expect(rows.map((r) => r.sheetRow)).toEqual([9]);
    expect(c.errors.map((e) => e.cell ?? `row ${e.row}`)).toEqual(["A2", "A3", "B4", "C5", "D6", "D7", "E8", "row 10"]);
    expect(wordedError(c.errors[1]).expected).toMatch(/Budget Year/);
    expect(wordedError(c.errors[4]).expected).toMatch(/Enrollment row at level "High"/);
  });
});

describe("Target Weight column of Weights", () => {
  test("a level row overrides the All row; cells without a target stay null", () => {
    const grids = sampleGrids();
    grids.Weights = [
      ["Category", "Level", "Weight", "Per Pupil", "Target Weight"],
      ["Base", "Elementary", 1, null, null],
      ["Base", "Middle", 1.1, null, 1.05],
      ["Base", "High", 1.2, null, null],
      ["Poverty", "All", 0.25, null, 0.4],
      ["Poverty", "High", 0.3, null, null],
      ["EL", "All", 0.4, null, 0.5],
    ];
    const raw = rawTables(grids);
    const r = parseDistrict(raw);
    if (!r.ok) throw new Error("parse");
    const c = ctx();
    expect(parseTargetWeights(raw.weights, r.district, c)).toEqual([
      [null, 0.4, 0.5],
      [1.05, 0.4, 0.5],
      [null, null, 0.5],
    ]);
    expect(c.errors.map(wordedError)).toEqual([]);
  });

  test("a target on a Per Pupil row or a bad number is an error; no column means no targets", () => {
    const grids = sampleGrids();
    grids.Weights = [
      ["Category", "Level", "Weight", "Per Pupil", "Target Weight"],
      ["Base", "All", null, 5000, 1.1],
      ["Poverty", "All", null, 1200, "high"],
    ];
    const raw = rawTables(grids);
    const r = parseDistrict(raw);
    if (!r.ok) throw new Error("parse");
    const c = ctx();
    expect(parseTargetWeights(raw.weights, r.district, c).flat().every((x) => x === null)).toBe(true);
    expect(c.errors.map((e) => e.cell)).toEqual(["E2", "E3", "E3"]);
    const plain = rawTables(sampleGrids());
    expect(parseTargetWeights(plain.weights, district(), ctx()).flat().every((x) => x === null)).toBe(true);
  });
});
