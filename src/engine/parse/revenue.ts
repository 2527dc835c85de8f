/**
 * The `Revenue` table: one row per source with its Amount, Status (Unlocked / Locked / Grant), School Share,
 * the formula part it Funds and who is Eligible.
 */
import { eligibleExpectation, parseEligibility, ALL_ELIGIBLE, type EligibilityContext } from "../eligibility";
import type { RawTable, RevenueType, Source, Status } from "../types";
import { labelKey, missingTable, normalizeHeader, TableReader, type ParseContext } from "./headers";
import { columnsOf } from "../tables";

export const REVENUE_COLUMNS = columnsOf("Revenue");

const TYPES: RevenueType[] = ["Federal", "State", "Local", "Private", "Other"];
const STATUSES: Status[] = ["Unlocked", "Locked", "Grant"];

/**
 * Parse Revenue. `eligibility` is what Funds and Eligible may name; null when Schools or Enrollment could not
 * be read (those checks are then skipped, since the run is already stopped by that table's errors).
 */
export function parseRevenue(
  raw: RawTable | undefined,
  eligibility: EligibilityContext | null,
  ctx: ParseContext,
): Source[] {
  const sources: Source[] = [];
  if (!raw) {
    missingTable(ctx, "Revenue");
    return sources;
  }
  const t = new TableReader("Revenue", raw, REVENUE_COLUMNS, ctx);
  if (!t.complete) return sources;
  const c = {
    source: t.col("Source"),
    type: t.col("Type"),
    restricted: t.col("Restricted"),
    amount: t.col("Amount"),
    status: t.col("Status"),
    share: t.col("School Share"),
    funds: t.col("Funds"),
    eligible: t.col("Eligible"),
  };
  const firstRow = new Map<string, number>();
  for (let k = 0; k < t.length; k++) {
    if (t.skipKeyless(k, c.source)) continue;
    const name = t.text(k, c.source);
    const dup = firstRow.get(labelKey(name));
    if (dup !== undefined) t.error(k, c.source, { code: "uniqueSource" }, { code: "again", text: name, row: dup });
    else firstRow.set(labelKey(name), t.sheetRow(k));

    let type: RevenueType | null = null;
    if (c.type >= 0 && !t.blank(k, c.type)) {
      const found = TYPES.find((x) => x.toLowerCase() === labelKey(t.text(k, c.type)));
      if (found === undefined) t.error(k, c.type, { code: "revenueType", options: TYPES });
      else type = found;
    }
    const restricted = t.yesNo(k, c.restricted, false);
    const amount = t.cents(k, c.amount, { what: { code: "amount" } });

    let status: Status = "Unlocked";
    let statusOk = true;
    if (c.status >= 0 && !t.blank(k, c.status)) {
      const found = STATUSES.find((x) => x.toLowerCase() === labelKey(t.text(k, c.status)));
      if (found === undefined) {
        t.error(k, c.status, { code: "status", options: STATUSES });
        statusOk = false;
      } else status = found;
    }
    const share = t.percent(k, c.share, { code: "share" }, {
      min: 0,
      max: 1,
      blank: null,
    });
    let schoolShare = status === "Locked" ? 0 : 1;
    if (share !== null && share !== undefined) {
      if (status === "Locked" && statusOk && share > 0) {
        t.error(k, c.share, { code: "lockedShare" }, { code: "lockedShare", text: t.text(k, c.share), share });
      } else schoolShare = share;
    }

    let funds = "All";
    if (c.funds >= 0 && !t.blank(k, c.funds)) {
      const text = t.text(k, c.funds);
      const key = normalizeHeader(text);
      if (key === "all") funds = "All";
      else if (key === "base") funds = "Base";
      else if (eligibility !== null) {
        const need = eligibility.needs.find((n) => normalizeHeader(n) === key);
        if (need === undefined)
          t.error(k, c.funds, { code: "funds", needs: eligibility.needs });
        else funds = need;
      } else funds = text;
    }

    let eligible = ALL_ELIGIBLE();
    if (c.eligible >= 0 && eligibility !== null) {
      const parsed = parseEligibility(t.cell(k, c.eligible), eligibility);
      if (parsed.ok) eligible = parsed.value;
      else t.error(k, c.eligible, eligibleExpectation(eligibility), { code: "eligible", text: t.text(k, c.eligible), problem: parsed.problem });
    }

    sources.push({
      name,
      type,
      restricted: restricted ?? false,
      amount: amount ?? 0,
      status,
      schoolShare,
      funds,
      eligible,
      sheetRow: t.sheetRow(k),
    });
  }
  if (firstRow.size === 0) t.tableError(t.header(c.source), { code: "atLeastOneSource" }, { code: "noSources" });
  return sources;
}
