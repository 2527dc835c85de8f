import { errorLocation, errorWords, formatError, formatErrors } from "../../src/words/errors";
import { parseDistrict } from "../../src/engine/parse";
import type { InputError } from "../../src/engine/types";
import { rawTables, sampleGrids, sampleWith, setCell } from "../helpers/raw";

const base: InputError = { table: "Revenue", row: 7, column: "Amount", cell: "C7", sheet: "Revenue", expected: "a dollar amount ≥ 0", found: '"abc"' };

describe("formatError", () => {
  it("renders the documented one-line form", () => {
    expect(formatError(base)).toBe('Revenue row 7, column "Amount" (C7): expected a dollar amount ≥ 0, found "abc"');
  });

  it("names the sheet only when it is not the table's own", () => {
    expect(formatError({ ...base, sheet: "revenue" })).toBe(formatError(base));
    expect(errorLocation({ ...base, sheet: "Inputs" })).toBe('Revenue row 7, column "Amount" (Inputs!C7)');
    expect(errorLocation({ ...base, sheet: "My Inputs" })).toBe(`Revenue row 7, column "Amount" ('My Inputs'!C7)`);
  });

  it("renders table-level and column-level problems", () => {
    expect(formatError({ table: "Weights", row: null, column: null, expected: "x", found: "y" })).toBe("Weights: expected x, found y");
    expect(formatError({ table: "Schools", row: null, column: "School Name", sheet: "Data", expected: "x", found: "y" })).toBe(
      'Schools, column "School Name" (sheet Data): expected x, found y',
    );
    expect(formatError({ table: "Weights", row: 9, column: null, expected: "x", found: "y" })).toBe("Weights row 9: expected x, found y");
  });

  it("formats a real parse error end to end", () => {
    const r = parseDistrict(sampleWith("Revenue", 1, 3, "abc"));
    if (r.ok) throw new Error("expected errors");
    expect(formatError(r.errors[0])).toBe(
      'Revenue row 2, column "Amount" (D2): expected a dollar amount ≥ 0 (e.g. 1250000 or $1,250,000), found "abc"',
    );
  });
});

describe("formatErrors", () => {
  it("one line per error, in order", () => {
    const g = sampleGrids();
    const r = parseDistrict(rawTables({ ...g, Schools: setCell(g.Schools, 1, 1, null), Revenue: setCell(g.Revenue, 1, 4, "Frozen") }));
    if (r.ok) throw new Error("expected errors");
    const lines = formatErrors(r.errors).split("\n");
    expect(lines).toEqual([
      `Schools row 2, column "School Name" (B2): expected the school's name, found a blank cell`,
      `Revenue row 2, column "Status" (E2): expected one of Unlocked, Locked, Grant (blank means Unlocked), found "Frozen"`,
    ]);
    expect(formatErrors([])).toBe("");
  });
});

describe("problems the allocation finds: their words are built here from data", () => {
  const general = "general money to move between schools: an Unlocked, unrestricted source that funds All and is eligible for all schools";

  test("no general money to move: every cause named, where it was set", () => {
    const e: InputError = {
      code: "noGeneralMoney",
      table: "Revenue",
      row: null,
      column: "Status",
      causes: [
        { kind: "setting", setting: "phaseIn", row: 5 },
        { kind: "setting", setting: "gainCap", row: null },
        { kind: "minimumBudget" },
      ],
    };
    expect(formatError(e)).toBe(
      `Revenue, column "Status": expected ${general}, found no such source, while Phase In (Policy row 5), Gain Cap (set in the pane) and ` +
        "Minimum Budget (Schools) change school totals (a combination: add such a source or change those settings)",
    );
    expect(formatError({ ...e, causes: [{ kind: "minimumBudget" as const }] })).toBe(
      `Revenue, column "Status": expected ${general}, found no such source, while Minimum Budget (Schools) change school totals (a combination: add such a source or change those settings)`,
    );
  });

  test("floors: at the Hold Harmless cell the setting is named first; set in the pane or on Schools it is not; one cause is not listed", () => {
    const values = { available: 13_293_107_300, need: 13_986_722_700 };
    const causes = [{ kind: "setting", setting: "holdHarmless", row: 3 }, { kind: "minimumBudget" }] as const;
    const atCell: InputError = { code: "floors", setting: "holdHarmless", table: "Policy", row: 3, column: "Value", cell: "B3", sheet: "Policy", causes, values };
    expect(formatError(atCell)).toBe(
      'Policy row 3, column "Value" (B3): expected Hold Harmless: floors that the general school money can pay ($132,931,073), ' +
        "found floors needing $139,867,227 of general money, from Hold Harmless (Policy row 3) and Minimum Budget (Schools) together",
    );
    const inPane: InputError = { code: "floors", setting: "holdHarmless", table: "Policy", row: null, column: "Hold Harmless", causes: [{ kind: "setting", setting: "holdHarmless", row: null }], values };
    expect(formatError(inPane)).toBe(
      'Policy, column "Hold Harmless": expected floors that the general school money can pay ($132,931,073), found floors needing $139,867,227 of general money',
    );
    const onSchools: InputError = { code: "floors", table: "Schools", row: null, column: "Minimum Budget", causes: [{ kind: "minimumBudget" }], values };
    expect(errorWords(onSchools)).toEqual({
      expected: "floors that the general school money can pay ($132,931,073)",
      found: "floors needing $139,867,227 of general money",
    });
  });

  test("a problem in one plan year says which, after what was expected", () => {
    const worded: InputError = { ...base, planYear: { year: 2, label: "2027-28" } };
    expect(formatError(worded)).toBe('Revenue row 7, column "Amount" (C7): expected a dollar amount ≥ 0 (in plan year 2, 2027-28), found "abc"');
    const problem: InputError = { code: "floors", table: "Schools", row: null, column: "Minimum Budget", causes: [], values: { available: 100, need: 200 }, planYear: { year: 3, label: "Year 3" } };
    expect(errorWords(problem).expected).toBe("floors that the general school money can pay ($1) (in plan year 3, Year 3)");
  });
});
