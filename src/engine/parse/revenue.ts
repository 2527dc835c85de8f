/**
 * The `Revenue` table: one row per source with its Amount, Status (Unlocked / Locked / Grant), School Share,
 * the formula part it Funds and who is Eligible.
 */
import { eligibleForms, parseEligibility, ALL_ELIGIBLE, type EligibilityContext } from "../eligibility";
import type { RawTable, RevenueType, Source, Status } from "../types";
import { labelKey, missingTable, normalizeHeader, TableReader, type ParseContext } from "./headers";
import { percentText } from "./values";
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
    missingTable(ctx, "Revenue", `"Source" and "Amount"`);
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
    if (dup !== undefined) t.error(k, c.source, "a Source name not used by another row", `"${name}" again (already on row ${dup})`);
    else firstRow.set(labelKey(name), t.sheetRow(k));

    let type: RevenueType | null = null;
    if (c.type >= 0 && !t.blank(k, c.type)) {
      const found = TYPES.find((x) => x.toLowerCase() === labelKey(t.text(k, c.type)));
      if (found === undefined) t.error(k, c.type, `one of ${TYPES.join(", ")} (or blank)`);
      else type = found;
    }
    const restricted = t.yesNo(k, c.restricted, false);
    const amount = t.cents(k, c.amount, { what: "a dollar amount ≥ 0 (e.g. 1250000 or $1,250,000)" });

    let status: Status = "Unlocked";
    let statusOk = true;
    if (c.status >= 0 && !t.blank(k, c.status)) {
      const found = STATUSES.find((x) => x.toLowerCase() === labelKey(t.text(k, c.status)));
      if (found === undefined) {
        t.error(k, c.status, `one of ${STATUSES.join(", ")} (blank means Unlocked)`);
        statusOk = false;
      } else status = found;
    }
    const share = t.percent(k, c.share, "a percentage from 0% to 100% (40%, 0.4 and 40 all mean 40%)", {
      min: 0,
      max: 1,
      blank: null,
    });
    let schoolShare = status === "Locked" ? 0 : 1;
    if (share !== null && share !== undefined) {
      if (status === "Locked" && statusOk && share > 0) {
        t.error(
          k,
          c.share,
          "0% or blank: Locked sources are held centrally (use Unlocked or Grant to send money to schools)",
          `${t.text(k, c.share)} (${percentText(share)}) on a Locked source`,
        );
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
          t.error(k, c.funds, `All, Base or a need category from Enrollment (${eligibility.needs.join(", ") || "none"})`);
        else funds = need;
      } else funds = text;
    }

    let eligible = ALL_ELIGIBLE();
    if (c.eligible >= 0 && eligibility !== null) {
      const parsed = parseEligibility(t.cell(k, c.eligible), eligibility);
      if (parsed.ok) eligible = parsed.value;
      else t.error(k, c.eligible, eligibleForms(eligibility), `"${t.text(k, c.eligible)}" (${parsed.problem})`);
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
  if (firstRow.size === 0) t.tableError(t.header(c.source), "at least one revenue source", "no sources");
  return sources;
}
