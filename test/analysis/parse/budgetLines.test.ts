import { parseBudgetLines } from "../../../src/analysis/parse/budgetLines";
import { wordedError } from "../../../src/words/errors";
import type { ParseContext } from "../../../src/engine/parse/headers";
import { rawTable } from "../../helpers/raw";

const ctx = (): ParseContext => ({ errors: [], warnings: [] });
const IDS = ["E1", "H2"];

describe("parseBudgetLines", () => {
  test("reads lines at schools and centrally; blank Area means the Function; blank Object is marked", () => {
    const c = ctx();
    const lines = parseBudgetLines(
      rawTable("Budget Lines", [
        ["Fund", "Area", "Function/Area", "Object", "School", "Amount ($)", "FTE"],
        ["General", "Instruction", "Regular Instruction", "Salaries", "e1", "$1,200,000.50", 12.5],
        ["General", null, "Transportation", null, "central", 300000, null],
        [null, null, null, null, null, null, null],
      ]),
      c,
      IDS,
    );
    expect(c.errors.map(wordedError)).toEqual([]);
    expect(lines).toEqual([
      { fund: "General", area: "Instruction", function: "Regular Instruction", object: "Salaries", schoolId: "E1", schoolIndex: 0, amount: 120000050, fte: 12.5, sheetRow: 2 },
      { fund: "General", area: "Transportation", function: "Transportation", object: "(not given)", schoolId: null, schoolIndex: null, amount: 30000000, fte: null, sheetRow: 3 },
    ]);
  });

  test("absent table gives null; every bad cell is a located error, collected in one pass", () => {
    expect(parseBudgetLines(undefined, ctx())).toBeNull();
    const c = ctx();
    const lines = parseBudgetLines(
      rawTable("Budget Lines", [
        ["Function", "School ID", "Amount", "FTE"],
        ["Maintenance", "X9", 100, 1],
        ["Maintenance", "Central", -5, "two"],
        [null, "Central", 10, null],
      ]),
      c,
      IDS,
    );
    expect(lines).toEqual([]);
    expect(c.errors.map((e) => [e.table, e.row, e.column, e.cell])).toEqual([
      ["Budget Lines", 2, "School ID", "B2"],
      ["Budget Lines", 3, "Amount", "C3"],
      ["Budget Lines", 3, "FTE", "D3"],
      ["Budget Lines", 4, "Function", "A4"],
    ]);
    expect(wordedError(c.errors[0]).expected).toMatch(/School ID listed in Schools, or "Central"/);
    // Its problems are expectation codes worded in src/words, not words the reader wrote ("written").
    expect(c.errors.map((e) => e.expect?.code)).toEqual(["budgetSchool", "dollars", "fte", "budgetFunction"]);
    expect(c.errors.map((e) => wordedError(e).expected)).toEqual([
      'a School ID listed in Schools, or "Central"',
      "a dollar amount ≥ 0",
      "a number of full-time equivalents ≥ 0, or blank",
      "a function name (e.g. Regular Instruction, Transportation)",
    ]);
  });

  test("a missing required column is a table-level error and no row is read", () => {
    const c = ctx();
    expect(parseBudgetLines(rawTable("Budget Lines", [["Function", "Amount"], ["Food Service", 5]]), c, IDS)).toEqual([]);
    expect(c.errors).toHaveLength(1);
    expect(c.errors[0]).toMatchObject({ table: "Budget Lines", row: null, column: "School ID" });
  });
});
