import type { EligibilityContext } from "../../../src/engine/eligibility";
import { wordedError } from "../../../src/words/errors";
import type { ParseContext } from "../../../src/engine/parse/headers";
import { parseRevenue } from "../../../src/engine/parse/revenue";
import type { Cell } from "../../../src/engine/types";
import { rawTable } from "../../helpers/raw";
import { parseWarningWords } from "../../../src/words/parseErrors";

const ctx = (): ParseContext => ({ errors: [], warnings: [] });
const elig: EligibilityContext = {
  levels: ["Elementary", "Middle", "High"],
  schoolIds: ["101", "102", "103"],
  needs: ["Poverty", "English Learner"],
  attributes: { titlei: "Title I" },
};
const HEAD = ["Source", "Type", "Restricted", "Amount ($)", "Status", "School Share %", "Funds", "Eligible"];
const one = (row: Cell[], context: EligibilityContext | null = elig) => {
  const c = ctx();
  const sources = parseRevenue(rawTable("Revenue", [HEAD, row]), context, c);
  return { sources, errors: c.errors };
};

describe("parseRevenue", () => {
  it("applies defaults: Unlocked, not restricted, 100% to schools, funds All, eligible All", () => {
    const { sources, errors } = one(["State Aid", null, null, "$1,000.50", null, null, null, null]);
    expect(errors).toEqual([]);
    expect(sources).toEqual([
      {
        name: "State Aid",
        type: null,
        restricted: false,
        amount: 100050,
        status: "Unlocked",
        schoolShare: 1,
        funds: "All",
        eligible: { text: "All", levels: null, schoolIds: null, rules: [] },
        sheetRow: 2,
      },
    ]);
  });

  it.each([["40%"], [0.4], [40], ["40"], ["0.4"]])("School Share %p means 40%", (share) => {
    const { sources, errors } = one(["A", null, null, 100, "Grant", share, null, null]);
    expect(errors).toEqual([]);
    expect(sources[0].schoolShare).toBeCloseTo(0.4, 12);
  });

  it("School Share 1, 100 and 100% all mean everything; 0 means nothing", () => {
    for (const v of [1, 100, "100%"]) expect(one(["A", null, null, 1, null, v, null, null]).sources[0].schoolShare).toBe(1);
    expect(one(["A", null, null, 1, null, 0, null, null]).sources[0].schoolShare).toBe(0);
  });

  it("Locked defaults to 0% and accepts an explicit 0%", () => {
    expect(one(["A", null, null, 1, "locked", null, null, null]).sources[0]).toMatchObject({ status: "Locked", schoolShare: 0 });
    expect(one(["A", null, null, 1, "LOCKED", "0%", null, null]).errors).toEqual([]);
  });

  it("reads Type, Restricted and Status in any case", () => {
    const { sources, errors } = one(["Title I", "federal", "Y", 5, "grant", null, "poverty", "Poverty % >= 40%"]);
    expect(errors).toEqual([]);
    expect(sources[0]).toMatchObject({ type: "Federal", restricted: true, status: "Grant", funds: "Poverty" });
    expect(sources[0].eligible.rules).toEqual([{ kind: "share", key: "Poverty", label: "Poverty %", op: ">=", value: 40 }]);
  });

  it("Funds accepts Base and a need category written with header variants", () => {
    expect(one(["A", null, null, 1, null, null, "base", null]).sources[0].funds).toBe("Base");
    expect(one(["A", null, null, 1, null, null, "english_learner", null]).sources[0].funds).toBe("English Learner");
  });

  it("skips Funds and Eligible checks when Schools or Enrollment could not be read", () => {
    const { sources, errors } = one(["A", null, null, 1, null, null, "Gifted", "whatever"], null);
    expect(errors).toEqual([]);
    expect(sources[0].funds).toBe("Gifted");
  });

  it("skips rows whose Source is blank and reports a table without sources", () => {
    const c = ctx();
    expect(parseRevenue(rawTable("Revenue", [HEAD, [null, "State", null, "abc"]]), elig, c)).toEqual([]);
    expect(c.errors.map(wordedError)).toEqual([
      expect.objectContaining({ table: "Revenue", row: null, column: "Source", expected: "at least one revenue source" }),
    ]);
    // Skipped as the contract says, but never silently: the row and what it held are named.
    expect(c.warnings).toEqual([{ code: "rowSkipped", table: "Revenue", row: 2, column: "Source", sheet: "Revenue", cell: "A2", other: "Type", value: "State" }]);
    expect(c.warnings.map(parseWarningWords)).toEqual(['Revenue row 2 is skipped because its Source (Revenue!A2) is blank, so its values are not used (Type: "State").']);
  });

  it("a row with an Amount but no Source is named in a warning, so $10,000,000 cannot vanish without a word", () => {
    const c = ctx();
    const sources = parseRevenue(rawTable("Revenue", [HEAD, ["Local Levy", "Local", null, 500000], [null, "State", null, 10000000]]), elig, c);
    expect(sources.map((s) => s.name)).toEqual(["Local Levy"]);
    expect(c.errors).toEqual([]);
    expect(c.warnings.map(parseWarningWords)).toEqual([expect.stringContaining("Revenue row 3 is skipped because its Source (Revenue!A3) is blank")]);
  });
});
