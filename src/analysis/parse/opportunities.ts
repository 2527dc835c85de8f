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
import { columnsOf, CONTRACT_END_COLUMN } from "../../engine/tables";

export const OPPORTUNITIES_TABLE = "Opportunities" satisfies TableName;

export const OPPORTUNITY_COLUMNS = columnsOf("Opportunities");

const STATUSES: OpportunityStatus[] = ["Proposed", "Approved", "Funded", "Implemented", "Rejected"];
const STATUS_ALIASES: Record<string, OpportunityStatus> = { identified: "Proposed", idea: "Proposed", adopted: "Approved" };

/** Statuses whose savings are committed (they can pay for priorities). */
export const COMMITTED: ReadonlySet<OpportunityStatus> = new Set<OpportunityStatus>(["Approved", "Funded", "Implemented"]);

export function findOpportunities(raw: Record<string, RawTable>): RawTable | undefined {
  return findTable(raw, OPPORTUNITIES_TABLE);
}

/** The columns of the Opportunities table (-1: an optional column the table does not have). */
function opportunityColumns(t: TableReader) {
  return {
    name: t.col("Opportunity"),
    area: t.col("Area"),
    low: t.col("Low $"),
    high: t.col("High $"),
    ease: t.col("Ease"),
    constraint: t.col("Constraint"),
    end: t.col(CONTRACT_END_COLUMN),
    owner: t.col("Owner"),
    status: t.col("Status"),
    funds: t.col("Funds"),
  };
}

type OpportunityColumns = ReturnType<typeof opportunityColumns>;

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
  const c = opportunityColumns(t);
  const firstRow = new Map<string, number>();
  const out: Opportunity[] = [];
  for (let k = 0; k < t.length; k++) {
    if (t.skipKeyless(k, c.name)) continue;
    const before = ctx.errors.length;
    const name = t.text(k, c.name);
    const dup = firstRow.get(labelKey(name));
    if (dup !== undefined) t.error(k, c.name, { code: "opportunityOnce" }, { code: "again", text: name, row: dup });
    else firstRow.set(labelKey(name), t.sheetRow(k));
    const area = t.requiredText(k, c.area, { code: "focusArea" });
    const { low, high } = readSavings(t, k, c);
    const ease = t.number(k, c.ease, { code: "ease" }, { min: 1, max: 5 });
    if (typeof ease === "number" && !Number.isInteger(ease)) t.error(k, c.ease, { code: "ease" });
    const constraint = readConstraint(t, k, c.constraint);
    const contractEnd = readContractEnd(t, k, c.end);
    const status = readStatus(t, k, c.status);
    const funds = readFunds(t, k, c.funds, initiatives);
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

/** The yearly savings range (Low $ and High $, cents); a High below the Low is reported on the High. */
function readSavings(t: TableReader, k: number, c: OpportunityColumns) {
  const low = t.cents(k, c.low, { what: { code: "savingsLow" } });
  const high = t.cents(k, c.high, { what: { code: "savingsHigh" } });
  if (typeof low === "number" && typeof high === "number" && high < low) {
    t.error(k, c.high, { code: "highAtLeastLow", low: t.text(k, c.low) });
  }
  return { low, high };
}

/** Whether the column is there and the row's cell in it is filled. */
function filled(t: TableReader, k: number, col: number): boolean {
  return col >= 0 && !t.blank(k, col);
}

/** Rigid (state law, a contract…) or Preference; blank (or no column) means Preference. */
function readConstraint(t: TableReader, k: number, col: number): ConstraintKind {
  if (!filled(t, k, col)) return "Preference";
  const v = labelKey(t.text(k, col));
  if (v === "rigid") return "Rigid";
  if (v !== "preference" && v !== "district preference") t.error(k, col, { code: "constraint" });
  return "Preference";
}

/** When a Rigid constraint lifts; null when blank (or bad: reported). */
function readContractEnd(t: TableReader, k: number, col: number): Opportunity["contractEnd"] {
  if (!filled(t, k, col)) return null;
  const end = readDate(t.cell(k, col));
  if (end === null) t.error(k, col, { code: "contractEnd" });
  return end;
}

/** One of the statuses (or an alias of one); blank (or no column) means Proposed. */
function readStatus(t: TableReader, k: number, col: number): OpportunityStatus {
  if (!filled(t, k, col)) return "Proposed";
  const v = labelKey(t.text(k, col));
  const found = STATUSES.find((s) => s.toLowerCase() === v) ?? STATUS_ALIASES[v];
  if (found === undefined) t.error(k, col, { code: "opportunityStatus", statuses: STATUSES });
  return found ?? "Proposed";
}

/** The initiative the savings pay for, named as in the Initiatives table (see parseOpportunities); null when blank. */
function readFunds(t: TableReader, k: number, col: number, initiatives: ReadonlyMap<string, string> | null | undefined): string | null {
  if (!filled(t, k, col)) return null;
  const text = t.text(k, col);
  if (initiatives === undefined) return text;
  if (initiatives === null) {
    t.error(k, col, { code: "fundsNoInitiatives" });
    return null;
  }
  const found = initiatives.get(labelKey(text));
  if (found === undefined) t.error(k, col, { code: "fundsInitiative" });
  return found ?? null;
}
