/**
 * The optional `Budget Lines` table: where every dollar goes (the Smarter School Spending project's budget tree).
 *
 * | column    | required | meaning                                                                    |
 * |-----------|----------|----------------------------------------------------------------------------|
 * | Fund      | no       | e.g. General Fund, Title I                                                 |
 * | Area      | no       | the top of the tree, e.g. Instruction, Operations (blank: the Function)     |
 * | Function  | yes      | e.g. Regular Instruction, Transportation (also "Function/Area")             |
 * | Object    | no       | e.g. Salaries, Benefits, Purchased Services                                 |
 * | School ID | yes      | a School ID of the Schools table, or `Central` for central spending          |
 * | Amount    | yes      | dollars ≥ 0                                                                 |
 * | FTE       | no       | full-time equivalents paid by the line, ≥ 0                                 |
 *
 * Rows whose Function and Amount are both blank are skipped. Every problem is a located error, collected in one pass.
 */
import type { RawTable } from "../../engine/types";
import type { BudgetLine } from "../plan/types";
import { findTable, labelKey, TableReader, type ParseContext, type TableName } from "../../engine/parse/headers";
import { columnsOf } from "../../engine/tables";

/** The table's name (one of the optional inputs in src/engine/tables.ts). */
export const BUDGET_LINES_TABLE = "Budget Lines" satisfies TableName;

export const BUDGET_LINE_COLUMNS = columnsOf("Budget Lines");

/** The word that marks central spending in the School ID column. */
export const CENTRAL = "Central";

export const NOT_GIVEN = "(not given)";

export function findBudgetLines(raw: Record<string, RawTable>): RawTable | undefined {
  return findTable(raw, BUDGET_LINES_TABLE);
}

/**
 * Parse Budget Lines. `schoolIds` (the Schools table's IDs, when it was read without problems) lets each School ID
 * be checked; without them the IDs are kept as written and schoolIndex is null for every line.
 */
export function parseBudgetLines(raw: RawTable | undefined, ctx: ParseContext, schoolIds?: readonly string[]): BudgetLine[] | null {
  if (!raw) return null;
  const t = new TableReader(BUDGET_LINES_TABLE, raw, BUDGET_LINE_COLUMNS, ctx);
  if (!t.complete) return [];
  const known = schoolIds ? new Map(schoolIds.map((id, i) => [labelKey(id), i])) : null;
  const c = {
    fund: t.col("Fund"),
    area: t.col("Area"),
    fn: t.col("Function"),
    object: t.col("Object"),
    school: t.col("School ID"),
    amount: t.col("Amount"),
    fte: t.col("FTE"),
  };
  const out: BudgetLine[] = [];
  for (let k = 0; k < t.length; k++) {
    if (t.blank(k, c.fn) && t.blank(k, c.amount)) continue;
    const before = ctx.errors.length;
    const fn = t.requiredText(k, c.fn, { code: "budgetFunction" });
    const where = t.requiredText(k, c.school, { code: "budgetSchool", central: CENTRAL });
    let schoolId: string | null = null;
    let schoolIndex: number | null = null;
    if (where !== undefined && labelKey(where) !== labelKey(CENTRAL)) {
      schoolId = where;
      if (known) {
        const i = known.get(labelKey(where));
        if (i === undefined) t.error(k, c.school, { code: "budgetSchool", central: CENTRAL });
        else {
          schoolIndex = i;
          schoolId = (schoolIds as readonly string[])[i];
        }
      }
    }
    const amount = t.cents(k, c.amount);
    const fte = t.number(k, c.fte, { code: "fte" }, { min: 0, blank: null });
    if (ctx.errors.length > before) continue;
    const area = t.text(k, c.area);
    out.push({
      fund: t.text(k, c.fund),
      area: area === "" ? (fn as string) : area,
      function: fn as string,
      object: t.text(k, c.object) || NOT_GIVEN,
      schoolId,
      schoolIndex,
      amount: amount as number,
      fte: fte ?? null,
      sheetRow: t.sheetRow(k),
    });
  }
  return out;
}
