/**
 * The optional `Opportunities` table: savings opportunities sized and screened (the Smarter School Spending project (Pivot Learning, 2017): "31 cost savings
 * opportunities within 7 focus areas"; constraints are rigid or district preferences; contracts have end dates).
 *
 * | column            | required | meaning                                                                  |
 * |-------------------|----------|--------------------------------------------------------------------------|
 * | Opportunity       | yes      | unique name                                                              |
 * | Area              | yes      | focus area, e.g. Reducing operational costs                              |
 * | Low $, High $     | yes      | yearly savings range, dollars ≥ 0, Low ≤ High                            |
 * | Ease              | yes      | ease of implementation, a whole number 1 (hard) to 5 (easy)              |
 * | Constraint        | no       | `Rigid` (state law, contract…) or `Preference` (default)                 |
 * | Contract End Date | no       | when a Rigid constraint lifts; savings start the fiscal year after it    |
 * | Owner             | no       | who carries the work plan                                                |
 * | Status            | no       | Proposed (default), Approved, Funded, Implemented, Rejected              |
 * | Funds             | no       | the initiative (Initiatives table) the savings pay for                   |
 */
import type { RawTable } from "../../engine/types";
import { readDate } from "../plan/fiscal";
import type { ConstraintKind, Opportunity, OpportunityStatus } from "../plan/types";
import { findTable, labelKey, TableReader, type ParseContext, type TableName } from "../../engine/parse/headers";
import { columnsOf } from "../../engine/tables";

export const OPPORTUNITIES_TABLE = "Opportunities" satisfies TableName;

export const OPPORTUNITY_COLUMNS = columnsOf("Opportunities");

const STATUSES: OpportunityStatus[] = ["Proposed", "Approved", "Funded", "Implemented", "Rejected"];
const STATUS_ALIASES: Record<string, OpportunityStatus> = { identified: "Proposed", idea: "Proposed", adopted: "Approved" };

/** Statuses whose savings are committed (they can pay for priorities). */
export const COMMITTED: ReadonlySet<OpportunityStatus> = new Set<OpportunityStatus>(["Approved", "Funded", "Implemented"]);

export function findOpportunities(raw: Record<string, RawTable>): RawTable | undefined {
  return findTable(raw, OPPORTUNITIES_TABLE);
}

/**
 * Parse Opportunities. `initiatives` (labelKey(name) → name of the Initiatives table, when present) checks the Funds
 * column; null (no Initiatives table) makes a filled Funds cell an error; undefined (the district could not be read)
 * skips the check and keeps the text.
 */
export function parseOpportunities(
  raw: RawTable | undefined,
  ctx: ParseContext,
  initiatives: ReadonlyMap<string, string> | null | undefined,
): Opportunity[] | null {
  if (!raw) return null;
  const t = new TableReader(OPPORTUNITIES_TABLE, raw, OPPORTUNITY_COLUMNS, ctx);
  if (!t.complete) return [];
  const c = {
    name: t.col("Opportunity"),
    area: t.col("Area"),
    low: t.col("Low $"),
    high: t.col("High $"),
    ease: t.col("Ease"),
    constraint: t.col("Constraint"),
    end: t.col("Contract End Date"),
    owner: t.col("Owner"),
    status: t.col("Status"),
    funds: t.col("Funds"),
  };
  const firstRow = new Map<string, number>();
  const out: Opportunity[] = [];
  for (let k = 0; k < t.length; k++) {
    if (t.skipKeyless(k, c.name)) continue;
    const before = ctx.errors.length;
    const name = t.text(k, c.name);
    const dup = firstRow.get(labelKey(name));
    if (dup !== undefined) t.error(k, c.name, "an Opportunity name not used by another row", `"${name}" again (already on row ${dup})`);
    else firstRow.set(labelKey(name), t.sheetRow(k));
    const area = t.requiredText(k, c.area, "a focus area (e.g. Reducing operational costs)");
    const low = t.cents(k, c.low, { what: "a dollar amount ≥ 0 (the low estimate of yearly savings)" });
    const high = t.cents(k, c.high, { what: "a dollar amount ≥ 0 (the high estimate of yearly savings)" });
    if (typeof low === "number" && typeof high === "number" && high < low) {
      t.error(k, c.high, `a dollar amount ≥ the Low estimate (${t.text(k, c.low)})`);
    }
    const ease = t.number(k, c.ease, "a whole number from 1 (hard) to 5 (easy)", { min: 1, max: 5 });
    if (typeof ease === "number" && !Number.isInteger(ease)) t.error(k, c.ease, "a whole number from 1 (hard) to 5 (easy)");

    let constraint: ConstraintKind = "Preference";
    if (c.constraint >= 0 && !t.blank(k, c.constraint)) {
      const v = labelKey(t.text(k, c.constraint));
      if (v === "rigid") constraint = "Rigid";
      else if (v === "preference" || v === "district preference") constraint = "Preference";
      else t.error(k, c.constraint, `"Rigid" or "Preference" (blank means Preference)`);
    }
    let contractEnd = null;
    if (c.end >= 0 && !t.blank(k, c.end)) {
      contractEnd = readDate(t.cell(k, c.end));
      if (contractEnd === null) t.error(k, c.end, "a date (e.g. 2027-06-30 or 6/30/2027), or blank");
    }
    let status: OpportunityStatus = "Proposed";
    if (c.status >= 0 && !t.blank(k, c.status)) {
      const v = labelKey(t.text(k, c.status));
      const found = STATUSES.find((s) => s.toLowerCase() === v) ?? STATUS_ALIASES[v];
      if (found === undefined) t.error(k, c.status, `one of ${STATUSES.join(", ")} (blank means Proposed)`);
      else status = found;
    }
    let funds: string | null = null;
    if (c.funds >= 0 && !t.blank(k, c.funds)) {
      const text = t.text(k, c.funds);
      if (initiatives === undefined) funds = text;
      else if (initiatives === null) t.error(k, c.funds, "blank, because the workbook has no Initiatives table to name an initiative from");
      else {
        const found = initiatives.get(labelKey(text));
        if (found === undefined) t.error(k, c.funds, "an Initiative listed in the Initiatives table, or blank");
        else funds = found;
      }
    }
    if (ctx.errors.length > before) continue;
    out.push({
      name,
      area: area as string,
      low: low as number,
      high: high as number,
      ease: ease as number,
      constraint,
      contractEnd,
      owner: t.text(k, c.owner),
      status,
      funds,
      sheetRow: t.sheetRow(k),
    });
  }
  return out;
}
