/**
 * The allocation's words (src/words/allocation.ts, src/words/plan.ts): the engine returns data (lines, warnings as
 * codes and cents) and every surface prints the sentences written here. The expected sentences are written out by
 * hand, as the engine printed them before the wording left it; the Summary sheet, summary.json and the plan notes
 * print exactly these.
 */
import { allocate } from "../../src/engine/allocate";
import { explainer } from "../../src/engine/allocate/explain";
import type { Allocation, AllocationWarning, Line } from "../../src/engine/types";
import { allocationPlans } from "../../src/report/allocation";
import { summaryJson } from "../../src/report/summary";
import { allocationWarningText, lineText } from "../../src/words/allocation";
import { planWarningText } from "../../src/words/plan";
import { makeDistrict, twoSchools } from "../helpers/district";

const cents = (d: number) => Math.round(d * 100);

/** The notes under "Notes" on the Summary sheet, in order. */
function summaryNotes(a: Allocation): string[] {
  const summary = allocationPlans(a).find((p) => p.name === "Summary")!;
  const head = summary.cells.find((c) => c.v === "Notes" && c.style === "subtitle");
  if (!head) return [];
  return summary.cells.filter((c) => c.c === 0 && c.r > head.r && c.style === "note").map((c) => c.v as string);
}

describe("allocation warnings: data in the engine, words here", () => {
  const cases: [string, Allocation, AllocationWarning, string][] = [
    [
      "a source nobody is eligible for",
      allocate(makeDistrict(twoSchools({ sources: [{ name: "General", amount: 1000 }, { name: "Nobody", amount: 500, ids: ["Z"] }] }))),
      { code: "noEligiblePupils", source: "Nobody", category: null, pool: cents(500) },
      "Nobody: no eligible weighted pupils for the formula; its school pool of $500 is held centrally.",
    ],
    [
      "a restricted source with no pupils in its category",
      allocate(makeDistrict(twoSchools({ enrollment: [["A", "Elementary", 100, 0], ["B", "Elementary", 100, 0]], sources: [{ name: "General", amount: 1000 }, { name: "Poverty aid", amount: 250.5, funds: "Poverty" }] }))),
      { code: "noEligiblePupils", source: "Poverty aid", category: "Poverty", pool: cents(250.5) },
      "Poverty aid: no eligible weighted pupils for Poverty; its school pool of $250.50 is held centrally.",
    ],
    [
      "a fixed $ per pupil formula the sources cannot pay",
      allocate(makeDistrict(twoSchools({ rates: { Elementary: { Base: { pp: 3000 }, Poverty: { pp: 1000 } } }, sources: [{ name: "General", amount: 500_000 }, { name: "Poverty aid", amount: 50_000, funds: "Poverty" }] }))),
      { code: "unfunded", unfunded: cents(150_000) },
      "The fixed $ per pupil formula costs more than the sources can pay: $150,000.00 is unfunded (shown per school).",
    ],
    [
      "every school at its gain cap",
      // Caps: A 600,000 × 1.05 = 630,000 and B 400,000 × 1.05 = 420,000; the other 950,000 stays central.
      allocate(makeDistrict(twoSchools({ sources: [{ name: "General", amount: 2_000_000 }], policy: { gainCap: 0.05 } }))),
      { code: "gainCapHeld", held: cents(950_000) },
      "Every school is at its gain cap: $950,000 of general money is held centrally.",
    ],
  ];

  test.each(cases)("%s: one warning as data, the same sentence on the Summary sheet and in summary.json", (_, a, warning, sentence) => {
    expect(a.errors).toEqual([]);
    expect(a.warnings).toEqual([warning]);
    expect(a.warnings.map(allocationWarningText)).toEqual([sentence]);
    expect(summaryNotes(a)).toEqual([sentence]);
    expect(summaryJson(a).warnings).toEqual([sentence]);
  });

  test("a plan note: the plan's own note in words, a year's allocation warning after the year's label", () => {
    expect(planWarningText({ code: "projectionAfterPlan", row: 4, year: 9, years: 5 })).toBe("Projections row 4: year 9 is after the last plan year (5); the row is not used.");
    expect(planWarningText({ code: "allocation", year: "2026-27", warning: { code: "gainCapHeld", held: 12_345 } })).toBe("2026-27: Every school is at its gain cap: $123.45 of general money is held centrally.");
  });
});

describe("explanation lines: data in the engine, words here", () => {
  const base = { source: "State Base Aid", level: null, category: null, count: null, rate: null } as const;
  test.each<[Line, string]>([
    [{ ...base, kind: "foundation", amount: 5_000_000 }, "Foundation per school from State Base Aid: $50,000"],
    [{ ...base, kind: "shortfall", amount: -1_234_567 }, "State Base Aid cannot pay all its fixed-rate lines: \u2212$12,345.67"],
    [{ ...base, kind: "formula", level: "Elementary", category: "Base", count: 333, rate: 368_520, amount: 122_717_160 }, "333 Elementary students × $3,685.20 = $1,227,171.60 (State Base Aid)"],
    [{ ...base, kind: "formula", level: "High", category: "Poverty", count: 50, rate: 83_420, amount: 4_171_000 }, "50 High Poverty students × $834.20 = $41,710 (State Base Aid)"],
    [
      { ...base, kind: "attendance", level: "High", category: "Base", count: -12.4, rate: 200_208, amount: -2_482_579, attendance: { enrolled: 200, rate: 0.938, funded: 187.6 } },
      "Average daily attendance: 200 enrolled × 93.80% = 187.6 funded; −12.4 High students × $2,002.08 = −$24,825.79 (State Base Aid)",
    ],
    [{ ...base, kind: "adjustment", rule: "Hold harmless", amount: 120_000 }, "Held harmless (floor on the loss against the current budget) (State Base Aid): +$1,200"],
    [
      { ...base, kind: "adjustment", rule: "Norm adjustment", amount: 3_000_000, norm: { share: 0.5, budget: 240_000_000, formula: 231_000_000, amount: 4_500_000 } },
      "Norm-based adjustment: 50% × ($2,400,000 norm budget \u2212 $2,310,000 formula) = +$45,000, of which State Base Aid +$30,000",
    ],
  ])("line %# in words", (line, sentence) => {
    expect(lineText(line)).toBe(sentence);
  });

  test("the engine's lines carry no sentence: every field is a figure, a name or a code", () => {
    const a = allocate(makeDistrict(twoSchools({ sources: [{ name: "General", amount: 1_000_000 }], policy: { foundationPerSchool: 10_000_00, gainCap: 0.05 } })));
    const lines = a.schools.flatMap((_, i) => explainer(a)(i));
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) {
      expect(Object.keys(l)).not.toContain("text");
      for (const v of Object.values(l)) if (typeof v === "string") expect(v).not.toMatch(/[×=:$]/);
    }
  });
});
