import {
  attributeMatches,
  eligibleRows,
  parseEligibility,
  schoolNeedShares,
  type EligibilityContext,
} from "../../src/engine/eligibility";
import { parseDistrict } from "../../src/engine/parse";
import type { District, Eligibility, Source } from "../../src/engine/types";
import { eligibilityProblemWords } from "../../src/words/parseErrors";
import { sampleGrids, sampleRaw } from "../helpers/raw";

/**
 * Sample district: Lincoln 101 (Elementary + Middle rows, Poverty (150+60)/500 = 42%, Title I "Yes", North),
 * Adams 102 (Elementary, 25%, "No", South), Roosevelt 103 (High, 50%, "Y", North).
 * Enrollment rows: 0 = 101 Elementary, 1 = 101 Middle, 2 = 102 Elementary, 3 = 103 High.
 */
function district(): District {
  const g = sampleGrids();
  const schools = g.Schools.map((r, i) => [...r, ...(i === 0 ? ["Enrollment Cap", "Magnet"] : [[600, true], ["450", false], [null, "No"]][i - 1])]);
  const r = parseDistrict(sampleRaw({ Schools: schools }));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.district;
}
const d = district();
const ctx: EligibilityContext = {
  levels: d.levels,
  schoolIds: d.schools.map((s) => s.id),
  needs: d.needs,
  attributes: d.schools[0].attributeHeaders,
};

function parsed(text: string): Eligibility {
  const p = parseEligibility(text, ctx);
  if (!p.ok) throw new Error(eligibilityProblemWords(p.problem));
  return p.value;
}
function rows(text: string): number[] {
  const source: Source = { ...d.sources[0], eligible: parsed(text) };
  return Array.from(eligibleRows(d, source));
}

describe("parseEligibility", () => {
  it("blank and All mean everything", () => {
    for (const t of [null, "", "All", " all "]) {
      const p = parseEligibility(t, ctx);
      expect(p.ok && p.value.levels === null && p.value.schoolIds === null && p.value.rules.length === 0).toBe(true);
    }
  });

  it("reads a list of levels (commas or semicolons, any case) with the district's spelling", () => {
    expect(parsed("elementary; MIDDLE")).toEqual({ text: "elementary; MIDDLE", levels: ["Elementary", "Middle"], schoolIds: null, rules: [] });
  });

  it("reads a list of School IDs, including a number cell", () => {
    expect(parsed("101, 103").schoolIds).toEqual(["101", "103"]);
    const p = parseEligibility(102, ctx);
    expect(p.ok && p.value.schoolIds).toEqual(["102"]);
  });

  it.each([["40%"], ["40"], ["0.4"], ["40 %"]])("a share rule with %p means 40 percent points", (v) => {
    expect(parsed(`Poverty % >= ${v}`).rules).toEqual([{ kind: "share", key: "Poverty", label: "Poverty %", op: ">=", value: 40 }]);
  });

  it("accepts share spelled with 'share', no suffix, and every operator", () => {
    expect(parsed("EL share < 10").rules[0]).toMatchObject({ kind: "share", key: "EL", op: "<", value: 10 });
    expect(parsed("poverty>25%").rules[0]).toMatchObject({ kind: "share", key: "Poverty", op: ">", value: 25 });
    const ops = ["<=", "≤", "=", "<>", "!=", "≠", ">=", "≥"].map((op) => parsed(`Poverty ${op} 40`).rules[0].op);
    expect(ops).toEqual(["<=", "<=", "=", "<>", "<>", "<>", ">=", ">="]);
  });

  it("reads attribute rules with text or numbers, quotes optional", () => {
    expect(parsed("Title I = Yes").rules).toEqual([{ kind: "attribute", key: "titlei", label: "Title I", op: "=", value: "Yes" }]);
    expect(parsed(`title_i <> "No"`).rules[0]).toMatchObject({ key: "titlei", op: "<>", value: "No" });
    expect(parsed("Enrollment Cap >= 500").rules[0]).toMatchObject({ kind: "attribute", key: "enrollmentcap", value: 500 });
    expect(parsed(`Region = "North and South"`).rules[0]).toMatchObject({ value: "North and South" });
  });

  it("reads a conjunction joined by 'and'", () => {
    expect(parsed("Poverty % >= 40% AND Title I = Yes").rules.map((r) => r.kind)).toEqual(["share", "attribute"]);
  });

  it.each([
    ["Gifted >= 10", /"Gifted" is neither a need category nor a Schools column/],
    ["Elementary, 101", /mixes levels and School IDs/],
    ["101, 999", /"999" is neither a level nor a School ID/],
    ["Kindergarten", /not a level, a School ID or a rule/],
    ["Poverty >= ", /nothing after ">="/],
    ["Poverty >= lots", /not a percentage/],
    ["Region > North", /only be compared with = or <>/],
    [">= 40", /not a level, a School ID or a rule/],
    [" , ; ", /names nothing/],
  ])("rejects %p: the reason is data, worded in src/words", (text, problem) => {
    const p = parseEligibility(text, ctx);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(typeof p.problem.code).toBe("string");
    if (!p.ok) expect(eligibilityProblemWords(p.problem)).toMatch(problem);
  });
});

describe("eligibleRows", () => {
  it("need shares are computed over all of a school's rows", () => {
    expect(schoolNeedShares(d).map((s) => s[0])).toEqual([42, 25, 50]);
  });

  it("All gives every row", () => {
    expect(rows("All")).toEqual([1, 1, 1, 1]);
  });

  it("a level list applies per row", () => {
    expect(rows("Elementary")).toEqual([1, 0, 1, 0]);
    expect(rows("Middle, High")).toEqual([0, 1, 0, 1]);
  });

  it("an ID list applies per school", () => {
    expect(rows("101, 103")).toEqual([1, 1, 0, 1]);
  });

  it.each([["40%"], ["40"], ["0.4"]])("Poverty %% >= %s selects Lincoln (42%%) and Roosevelt (50%%)", (v) => {
    expect(rows(`Poverty % >= ${v}`)).toEqual([1, 1, 0, 1]);
  });

  it("compares shares at the boundary exactly", () => {
    expect(rows("Poverty >= 50")).toEqual([0, 0, 0, 1]);
    expect(rows("Poverty > 50")).toEqual([0, 0, 0, 0]);
    expect(rows("Poverty = 42%")).toEqual([1, 1, 0, 0]);
  });

  it("Yes/No attributes compare as booleans (Y, Yes, TRUE)", () => {
    expect(rows("Title I = Yes")).toEqual([1, 1, 0, 1]);
    expect(rows("Title I = true")).toEqual([1, 1, 0, 1]);
    expect(rows("Title I <> Y")).toEqual([0, 0, 1, 0]);
    expect(rows("Magnet = Yes")).toEqual([1, 1, 0, 0]);
    expect(rows("Magnet = No")).toEqual([0, 0, 1, 1]);
  });

  it("numeric attributes compare as numbers, numeric text included; blanks never match a number", () => {
    expect(rows("Enrollment Cap >= 500")).toEqual([1, 1, 0, 0]);
    expect(rows("Enrollment Cap < 500")).toEqual([0, 0, 1, 0]);
  });

  it("text attributes compare case-insensitively", () => {
    expect(rows("Region = north")).toEqual([1, 1, 0, 1]);
    expect(rows("Region <> NORTH")).toEqual([0, 0, 1, 0]);
  });

  it("a conjunction needs every rule", () => {
    expect(rows("Poverty % >= 40% and Region = North")).toEqual([1, 1, 0, 1]);
    expect(rows("Poverty >= 45 and Title I = Yes")).toEqual([0, 0, 0, 1]);
    expect(rows("Poverty >= 20 and Title I = No")).toEqual([0, 0, 1, 0]);
  });

  it("gives a school without students a 0% share", () => {
    const zero: District = { ...d, enrollment: d.enrollment.map((r) => (r.schoolIndex === 2 ? { ...r, students: 0, needs: [0, 0] } : r)) };
    expect(schoolNeedShares(zero)[2]).toEqual([0, 0]);
    expect(Array.from(eligibleRows(zero, { ...d.sources[0], eligible: parsed("Poverty < 1%") }))).toEqual([0, 0, 0, 1]);
    // A bare 1 is a fraction (100%), as everywhere a percent is read.
    expect(parsed("Poverty < 1").rules[0].value).toBe(100);
  });
});

describe("attributeMatches", () => {
  it("falls back from numbers to Yes/No to text", () => {
    expect(attributeMatches("12", ">", 3)).toBe(true);
    expect(attributeMatches("12", ">", "3")).toBe(true);
    expect(attributeMatches(1, "=", "Yes")).toBe(true);
    expect(attributeMatches(null, "=", "Yes")).toBe(false);
    expect(attributeMatches(null, "<>", "Yes")).toBe(true);
    expect(attributeMatches("Lincoln", "=", "lincoln")).toBe(true);
    expect(attributeMatches("n/a", "<", 5)).toBe(false);
    expect(attributeMatches("n/a", "<>", 5)).toBe(true);
  });
});
