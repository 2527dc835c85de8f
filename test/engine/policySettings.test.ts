/**
 * The policy-settings registry round trip: every setting parses from the Policy table (a good value lands in its
 * field, a bad one is a located error with the registry's words), edited decisions are checked by the same
 * entries, and every allocation setting prints on the Summary and on the calculators. (The pane's inputs are
 * checked in test/taskpane/policyInputs.test.tsx, the docs table in test/docs.test.ts.)
 */
import { allocate } from "../../src/engine/allocate";
import { wordedError } from "../../src/words/errors";
import { applyDecisions, DECISION_SETTINGS, extractDecisions } from "../../src/engine/decisions";
import { parseDistrict } from "../../src/engine/parse";
import { parsePlanSettings } from "../../src/analysis/parse/projections";
import { parseMinimumGroup } from "../../src/engine/parse/surveys";
import {
  ALLOCATION_SETTINGS,
  findSetting,
  PLAN_SETTING_SPECS,
  POLICY_SETTINGS,
  readByAllocation,
  settingProblem,
  type SettingSpec,
} from "../../src/engine/policySettings";
import type { Cell, District, RawTables } from "../../src/engine/types";
import { summaryPlan } from "../../src/report/allocation";
import { calculatorPlans } from "../../src/report/calculator";
import type { SheetPlan } from "../../src/report/plan";
import { sampleDistrict } from "../../src/sample/district";

/** A good cell value for each kind, and what it reads as (null: not compared). */
const GOOD: Record<SettingSpec["kind"], { cell: Cell; value: unknown }> = {
  money: { cell: "$1,234.50", value: 123_450 },
  percent: { cell: "40%", value: 0.4 },
  choice: { cell: "Dollars", value: "dollar" },
  text: { cell: "scale points", value: "scale points" },
  levels: { cell: "High", value: "High" },
  wholeNumber: { cell: 7, value: 7 },
  fiscalYear: { cell: "2026-27", value: 2027 },
  month: { cell: "September", value: 9 },
  planYear: { cell: 3, value: 3 },
};
/** A bad cell value for each kind (text has none). */
const BAD: Partial<Record<SettingSpec["kind"], Cell>> = {
  money: "-5",
  percent: "abc",
  choice: "nickel",
  wholeNumber: "2.5",
  levels: "Kindergarten",
  fiscalYear: "soon",
  month: "Smarch",
  planYear: "someday",
};

function withPolicy(rows: Cell[][]): RawTables {
  const raw = sampleDistrict();
  raw.policy = { name: "Policy", headers: ["Setting", "Value"], rows, origin: { sheet: "Policy", headerRow: 1, firstColumn: 1, kind: "table" } };
  return raw;
}

function parsed(rows: Cell[][]): District {
  const r = parseDistrict(withPolicy(rows));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.district;
}

const nameOf = (s: SettingSpec) => s.name;

describe("policy-settings registry", () => {
  test("names and aliases are unique and each finds its own entry", () => {
    const seen = new Set<string>();
    for (const s of POLICY_SETTINGS) {
      for (const n of [s.name, ...s.aliases]) {
        const key = n.toLowerCase().replace(/[\s_-]+/g, "");
        expect(seen.has(key)).toBe(false);
        seen.add(key);
        expect(findSetting(n)?.spec).toBe(s);
        expect(findSetting(n.toUpperCase().replace(/ /g, "_"))?.spec).toBe(s);
      }
      expect(s.help.length).toBeGreaterThan(10);
      expect(s.expected.length).toBeGreaterThan(3);
    }
  });

  test("each setting says which parsers read it, each parser once; the Revenue Trigger by both", () => {
    for (const s of POLICY_SETTINGS) {
      expect(s.readBy.length).toBeGreaterThan(0);
      expect(new Set(s.readBy).size).toBe(s.readBy.length);
      // What the planning parser reads lands in PlanSettings, what the survey parser reads is the survey's.
      if (s.readBy.includes("planning")) expect(s.target).toBe("plan");
      if (s.readBy.includes("survey")) expect(s.target).toBe("survey");
    }
    for (const s of ALLOCATION_SETTINGS) expect(s.readBy).toEqual(["allocation"]);
    // The Revenue Trigger is read by both: allocate() keeps the weights off below it, the plan turns them on.
    const trigger = findSetting("Revenue Trigger")?.spec;
    expect(trigger?.readBy).toEqual(["allocation", "planning"]);
    expect(trigger?.features).toEqual(["allocation", "planning"]);
  });

  test.each(POLICY_SETTINGS.filter(readByAllocation).map((s) => [s.name, s] as const))("%s: a good value parses into its Policy field", (_, s) => {
    const d = parsed([[nameOf(s), GOOD[s.kind].cell]]);
    expect(d.policy[s.key]).toEqual(GOOD[s.kind].value);
    expect(settingProblem(s, d.policy[s.key])).toBeNull();
  });

  test.each(ALLOCATION_SETTINGS.map((s) => [s.name, s] as const))("%s: a blank value gives its default", (_, s) => {
    expect(parsed([[nameOf(s), null]]).policy[s.key]).toEqual(s.default);
    expect(parsed([]).policy[s.key]).toEqual(s.default);
  });

  test.each(POLICY_SETTINGS.filter((s) => BAD[s.kind] !== undefined).map((s) => [s.name, s] as const))(
    "%s: a bad value is refused at its Policy cell with the registry's words",
    (_, s) => {
      const raw = withPolicy([["Learning Gain Unit", "points"], [nameOf(s), BAD[s.kind] as Cell]]);
      // The first parser the registry lists reads the cell and reports a bad value (the others take its value).
      const errors = s.readBy[0] === "allocation" ? (() => {
        const r = parseDistrict(raw);
        return r.ok ? [] : r.errors;
      })() : s.readBy[0] === "survey" ? (() => {
        const ctx = { errors: [], warnings: [] };
        parseMinimumGroup(raw.policy, ctx);
        return ctx.errors;
      })() : (() => {
        const ctx = { errors: [], warnings: [] };
        parsePlanSettings(raw.policy, null, ctx);
        return ctx.errors;
      })();
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ table: "Policy", row: 3, column: "Value", cell: "B3" });
      expect(wordedError(errors[0]).expected?.startsWith(s.expected)).toBe(true);
    },
  );

  test.each(PLAN_SETTING_SPECS.map((s) => [s.name, s] as const))("%s: a good value reaches the plan settings", (_, s) => {
    const ctx = { errors: [], warnings: [] };
    const settings = parsePlanSettings(withPolicy([["Budget Year", 2026], [s.name, GOOD[s.kind].cell]]).policy, null, ctx);
    expect(ctx.errors).toEqual([]);
    const v = (settings as unknown as Record<string, unknown>)[s.key];
    if (s.suffix) expect(v).toEqual([]); // no district given: no levels or sources to grow
    else if (s.key !== "budgetYear") expect(v).toEqual(GOOD[s.kind].value);
  });

  test("edited decisions are checked by the same entries, at the setting's name", () => {
    const d = parsed([]);
    expect(DECISION_SETTINGS.map((s) => s.key)).toEqual(Object.keys(extractDecisions(d).policy));
    for (const s of DECISION_SETTINGS) {
      const x = extractDecisions(d);
      (x.policy as unknown as Record<string, unknown>)[s.key] = s.kind === "choice" ? "nickel" : -1;
      const r = applyDecisions(d, x);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors.map(wordedError)).toEqual([expect.objectContaining({ table: "Policy", column: s.name, expected: s.expected })]);
      const y = extractDecisions(d);
      (y.policy as unknown as Record<string, unknown>)[s.key] = GOOD[s.kind].value;
      const ok = applyDecisions(d, y);
      expect(ok.ok).toBe(true);
      if (ok.ok) expect(ok.district.policy[s.key]).toEqual(GOOD[s.kind].value);
    }
  });

  const texts = (plans: SheetPlan[], sheet: string): string[] =>
    plans.filter((p) => p.name === sheet).flatMap((p) => p.cells.map((c) => String(c.v ?? "")));

  test("every allocation setting shown on the Summary and the calculators prints there with its value", () => {
    const d = parsed([["Base Amount", 5000], ["Hold Harmless", "97%"], ["Gain Cap", "4%"], ["Phase In", "50%"], ["Rounding", "dollar"], ["Foundation Per School", 100000]]);
    const a = allocate(d);
    const summary = summaryPlan(a);
    const calc = calculatorPlans(a, 0);
    for (const s of ALLOCATION_SETTINGS) {
      if (s.surfaces.summary) {
        const at = summary.cells.findIndex((c) => c.v === s.label);
        expect(at).toBeGreaterThanOrEqual(0);
        const label = summary.cells[at];
        const value = summary.cells.find((c) => c.r === label.r && c.c === label.c + 1);
        expect(value).toBeDefined();
        if (s.kind === "money") expect(value?.v).toBe((d.policy[s.key] as number) / 100);
        if (s.kind === "percent" && s.key !== "phaseIn") expect(value?.v).toBe(d.policy[s.key]);
        if (s.kind === "choice") expect(value?.v).toBe(s.choices?.find((c) => c.value === d.policy[s.key])?.label);
      }
      if (s.surfaces.calculator) expect(texts(calc, "Rates")).toContain(s.label);
    }
  });
});
