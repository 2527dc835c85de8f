/**
 * The optional `Spending` table: actual spending by school and year, for the equity analysis on what schools
 * really spent (`sfs equity --source spending`) instead of the formula's allocation.
 *
 * | column           | required | meaning                                                              |
 * |------------------|----------|----------------------------------------------------------------------|
 * | School ID        | yes      | a School ID of the Schools table (rows whose School ID is blank are skipped) |
 * | Year             | yes      | the year or school year, e.g. 2024 or 2023-24                        |
 * | Restricted $     | yes      | restricted (categorical) spending, $ ≥ 0                              |
 * | Unrestricted $   | yes      | unrestricted spending, $ ≥ 0                                          |
 * | Actual Salaries  | no       | the school's staff at their actual salaries, $ ≥ 0 (the LAUSD and TRUSD presentation (2011))         |
 * | Average Salaries | no       | the same staff at district-average salaries, $ ≥ 0                    |
 *
 * The two salary columns come together (both or neither), and on each row both cells are filled or both blank.
 * An empty table is not an error here (it only matters when spending is analysed; the command says so).
 * Several rows for the same school and year are allowed (e.g. one per fund) and are added together later
 * (equityInputsFromSpending). Every problem is a located error, collected in one pass.
 */
import type { InputError, RawTable } from "../../engine/types";
import type { SpendingRow } from "../equity/inputs";
import { findTable, labelKey, TableReader, type ParseContext, type TableName } from "../../engine/parse/headers";
import { columnsOf } from "../../engine/tables";

/** The table's name (one of the optional inputs in src/engine/tables.ts). */
export const SPENDING_TABLE = "Spending" satisfies TableName;

export const SPENDING_COLUMNS = columnsOf("Spending");

export interface SpendingResult {
  /** Parsed rows (rows with errors left out); null when the workbook has no Spending table. */
  rows: SpendingRow[] | null;
  /** True when the table has both salary columns. */
  hasSalaries: boolean;
}

/** Find the Spending table among raw tables (contract lookup: name case-insensitive, spaces ignored). */
export function findSpending(raw: Record<string, RawTable>): RawTable | undefined {
  return findTable(raw, SPENDING_TABLE);
}

/** The error for `--source spending` on a workbook that has no Spending table. */
export function missingSpendingError(): InputError {
  return { code: "input", table: SPENDING_TABLE, row: null, column: null, expect: { code: "table", table: SPENDING_TABLE }, saw: { code: "noTable" } };
}

/**
 * Parse the Spending table. `schoolIds` (the Schools table's IDs, when it was read without problems) lets each
 * School ID be checked where it is written; the row then carries the ID exactly as Schools spells it.
 */
export function parseSpending(raw: RawTable | undefined, ctx: ParseContext, schoolIds?: readonly string[]): SpendingResult {
  if (!raw) return { rows: null, hasSalaries: false };
  const t = new TableReader(SPENDING_TABLE, raw, SPENDING_COLUMNS, ctx);
  const actualCol = t.col("Actual Salaries");
  const averageCol = t.col("Average Salaries");
  if ((actualCol < 0) !== (averageCol < 0)) {
    const missing = actualCol < 0 ? "Actual Salaries" : "Average Salaries";
    t.tableError(missing, { code: "salaryColumns" }, { code: "onlyColumn", column: actualCol < 0 ? "Average Salaries" : "Actual Salaries" });
  }
  const hasSalaries = actualCol >= 0 && averageCol >= 0;
  if (!t.complete) return { rows: [], hasSalaries };

  const known = schoolIds ? new Map(schoolIds.map((id) => [labelKey(id), id])) : null;
  const idCol = t.col("School ID");
  const yearCol = t.col("Year");
  const rows: SpendingRow[] = [];
  for (let k = 0; k < t.length; k++) {
    if (t.blank(k, idCol)) continue;
    const before = ctx.errors.length;
    const written = t.text(k, idCol);
    let schoolId = written;
    if (known) {
      const found = known.get(labelKey(written));
      if (found === undefined) t.error(k, idCol, { code: "spendingSchool" });
      else schoolId = found;
    }
    const year = t.requiredText(k, yearCol, { code: "spendingYear" });
    const restricted = t.cents(k, t.col("Restricted $"), { what: { code: "restrictedSpending" } });
    const unrestricted = t.cents(k, t.col("Unrestricted $"), { what: { code: "unrestrictedSpending" } });
    let actual: number | null | undefined = null;
    let average: number | null | undefined = null;
    if (hasSalaries) {
      actual = t.cents(k, actualCol, { blank: null, what: { code: "actualSalaries" } });
      average = t.cents(k, averageCol, { blank: null, what: { code: "averageSalaries" } });
      const aBlank = t.blank(k, actualCol);
      const vBlank = t.blank(k, averageCol);
      if (aBlank !== vBlank) {
        const col = aBlank ? actualCol : averageCol;
        t.error(k, col, { code: "bothSalaries", filled: aBlank ? "Average Salaries" : "Actual Salaries" });
      }
    }
    if (ctx.errors.length > before) continue;
    rows.push({
      schoolId,
      year: year as string,
      restricted: restricted as number,
      unrestricted: unrestricted as number,
      actualSalaries: actual ?? null,
      averageSalaries: average ?? null,
      sheetRow: t.sheetRow(k),
    });
  }
  return { rows, hasSalaries };
}

/** The year of the rows that matches `wanted` (trimmed, case-insensitive), as the table writes it; null when none. */
export function matchYear(rows: readonly SpendingRow[], wanted: string): string | null {
  const key = labelKey(wanted);
  return rows.find((r) => labelKey(r.year) === key)?.year ?? null;
}
