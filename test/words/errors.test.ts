import { errorLocation, formatError, formatErrors } from "../../src/words/errors";
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
