import type { ParseContext } from "../../../src/engine/parse/headers";
import { findSpending, matchYear, missingSpendingError, parseSpending } from "../../../src/analysis/parse/spending";
import { formatError, wordedError } from "../../../src/words/errors";
import { rawTable, rawTables } from "../../helpers/raw";

const ctx = (): ParseContext => ({ errors: [], warnings: [] });
const IDS = ["101", "102", "Lincoln HS"];

describe("parseSpending", () => {
  it("is null when the workbook has no Spending table", () => {
    const c = ctx();
    expect(parseSpending(undefined, c, IDS)).toEqual({ rows: null, hasSalaries: false });
    expect(c.errors.map(wordedError)).toEqual([]);
  });

  it("reads dollars as cents, years as text, salary pairs, and the School ID as Schools spells it", () => {
    const c = ctx();
    const r = parseSpending(
      rawTable("Spending", [
        ["School_ID", "Year", "Restricted ($)", "UNRESTRICTED $", "Actual Salaries", "Average Salaries", "Fund"],
        [101, 2024, "$1,200.50", 5000, 900, 1000, "General"],
        ["lincoln  hs", "2023-24", 0, "7,000", null, null, null],
        [null, null, "junk", null, null, null, null],
      ]),
      c,
      IDS,
    );
    expect(c.errors.map(wordedError)).toEqual([]);
    expect(r.hasSalaries).toBe(true);
    expect(r.rows).toEqual([
      { schoolId: "101", year: "2024", restricted: 120050, unrestricted: 500000, actualSalaries: 90000, averageSalaries: 100000, sheetRow: 2 },
      { schoolId: "Lincoln HS", year: "2023-24", restricted: 0, unrestricted: 700000, actualSalaries: null, averageSalaries: null, sheetRow: 3 },
    ]);
  });

  it("without salary columns every row has null salaries", () => {
    const c = ctx();
    const r = parseSpending(rawTable("Spending", [["School ID", "Year", "Restricted", "Unrestricted"], ["102", 2025, 1, 2]]), c, IDS);
    expect(c.errors.map(wordedError)).toEqual([]);
    expect(r).toEqual({ hasSalaries: false, rows: [expect.objectContaining({ schoolId: "102", year: "2025", restricted: 100, unrestricted: 200, actualSalaries: null, averageSalaries: null })] });
  });

  it("collects every bad cell in one pass, located by table, row, column and cell", () => {
    const c = ctx();
    const r = parseSpending(
      rawTable(
        "Spending",
        [
          ["School ID", "Year", "Restricted $", "Unrestricted $", "Actual Salaries", "Average Salaries"],
          ["999", 2024, 1, 1, null, null],
          ["101", null, "lots", -5, null, null],
          ["102", 2024, 1, 1, 500, null],
          ["101", 2024, 1, 1, 500, 400],
        ],
        { headerRow: 3, firstColumn: 2 },
      ),
      c,
      IDS,
    );
    const lines = c.errors.map(formatError);
    expect(lines).toEqual([
      `Spending row 4, column "School ID" (B4): expected a School ID listed in Schools, found "999"`,
      `Spending row 5, column "Year" (C5): expected a year, e.g. 2024 or 2023-24, found a blank cell`,
      `Spending row 5, column "Restricted $" (D5): expected a dollar amount ≥ 0 (restricted spending), found "lots"`,
      `Spending row 5, column "Unrestricted $" (E5): expected a dollar amount ≥ 0 (unrestricted spending), found -5`,
      `Spending row 6, column "Average Salaries" (G6): expected a dollar amount, because Actual Salaries is filled on this row (give both salary figures or neither), found a blank cell`,
    ]);
    // Only the clean row is kept.
    expect(r.rows).toEqual([expect.objectContaining({ schoolId: "101", sheetRow: 7, actualSalaries: 50000, averageSalaries: 40000 })]);
  });

  it("reports a missing required column and a lone salary column at table level", () => {
    const c = ctx();
    const r = parseSpending(rawTable("Spending", [["School ID", "Restricted", "Unrestricted", "Actual Salaries"], ["101", 1, 1, 1]]), c, IDS);
    expect(r.rows).toEqual([]);
    expect(c.errors.map(wordedError)).toEqual([
      expect.objectContaining({ table: "Spending", row: null, column: "Year", expected: 'a column "Year"' }),
      expect.objectContaining({ table: "Spending", row: null, column: "Average Salaries", expected: expect.stringContaining("or neither") }),
    ]);
  });

  it("without known School IDs (Schools had problems) takes IDs as written", () => {
    const c = ctx();
    const r = parseSpending(rawTable("Spending", [["School ID", "Year", "Restricted", "Unrestricted"], ["999", 2024, 1, 2]]), c);
    expect(c.errors.map(wordedError)).toEqual([]);
    expect(r.rows?.[0].schoolId).toBe("999");
  });
});

describe("helpers", () => {
  it("findSpending looks the table up by contract name", () => {
    const raw = rawTables({ Spending: [["School ID"]], Schools: [["School ID"]] });
    expect(findSpending(raw)?.name).toBe("Spending");
    expect(findSpending(rawTables({ Schools: [["School ID"]] }))).toBeUndefined();
  });

  it("matchYear matches trimmed and case-insensitively, returning the table's spelling", () => {
    const rows = [{ schoolId: "101", year: "FY2024", restricted: 0, unrestricted: 0, actualSalaries: null, averageSalaries: null, sheetRow: 2 }];
    expect(matchYear(rows, " fy2024 ")).toBe("FY2024");
    expect(matchYear(rows, "2023")).toBeNull();
  });

  it("missingSpendingError names the table and its columns", () => {
    expect(formatError(missingSpendingError())).toMatch(/^Spending: expected an Excel table or a sheet named "Spending" with columns "School ID", "Year"/);
  });
});
