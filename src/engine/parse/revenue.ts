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

/** Where the Revenue columns are (-1 for an optional column the table does not have). */
type RevenueColumns = Record<"source" | "type" | "restricted" | "amount" | "status" | "share" | "funds" | "eligible", number>;

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
  const c: RevenueColumns = {
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
    sources.push(readSource(t, k, c, name, eligibility));
  }
  if (firstRow.size === 0) t.tableError(t.header(c.source), { code: "atLeastOneSource" }, { code: "noSources" });
  return sources;
}

/** One source row (its name already read): every cell checked in column order, a refused cell taken as its default. */
function readSource(t: TableReader, k: number, c: RevenueColumns, name: string, eligibility: EligibilityContext | null): Source {
  const type = readType(t, k, c.type);
  const restricted = t.yesNo(k, c.restricted, false);
  const amount = t.cents(k, c.amount, { what: { code: "amount" } });
  const status = readStatus(t, k, c.status);
  return {
    name,
    type,
    restricted: restricted ?? false,
    amount: amount ?? 0,
    status: status ?? "Unlocked",
    schoolShare: readSchoolShare(t, k, c.share, status),
    funds: readFunds(t, k, c.funds, eligibility),
    eligible: readEligible(t, k, c.eligible, eligibility),
    sheetRow: t.sheetRow(k),
  };
}

/** Type: one of TYPES (any case), null when blank or absent. */
function readType(t: TableReader, k: number, col: number): RevenueType | null {
  if (col < 0 || t.blank(k, col)) return null;
  const found = TYPES.find((x) => x.toLowerCase() === labelKey(t.text(k, col)));
  if (found === undefined) t.error(k, col, { code: "revenueType", options: TYPES });
  return found ?? null;
}

/** Status: one of STATUSES (any case), Unlocked when blank or absent, undefined when refused. */
function readStatus(t: TableReader, k: number, col: number): Status | undefined {
  if (col < 0 || t.blank(k, col)) return "Unlocked";
  const found = STATUSES.find((x) => x.toLowerCase() === labelKey(t.text(k, col)));
  if (found === undefined) t.error(k, col, { code: "status", options: STATUSES });
  return found;
}

/**
 * School Share, 0–100%: blank is 100%, or 0 for a Locked source (which may not give schools a share). `status` is
 * undefined when the Status cell was refused (the share is then not checked against it).
 */
function readSchoolShare(t: TableReader, k: number, col: number, status: Status | undefined): number {
  const share = t.percent(k, col, { code: "share" }, {
    min: 0,
    max: 1,
    blank: null,
  });
  if (share === null || share === undefined) return status === "Locked" ? 0 : 1;
  if (status === "Locked" && share > 0) {
    t.error(k, col, { code: "lockedShare" }, { code: "lockedShare", text: t.text(k, col), share });
    return 0;
  }
  return share;
}

/** Funds: All (blank), Base or a need category of Enrollment (as Enrollment spells it; not checked without Enrollment). */
function readFunds(t: TableReader, k: number, col: number, eligibility: EligibilityContext | null): string {
  if (col < 0 || t.blank(k, col)) return "All";
  const text = t.text(k, col);
  const key = normalizeHeader(text);
  if (key === "all") return "All";
  if (key === "base") return "Base";
  if (eligibility === null) return text;
  const need = eligibility.needs.find((n) => normalizeHeader(n) === key);
  if (need === undefined) t.error(k, col, { code: "funds", needs: eligibility.needs });
  return need ?? "All";
}

/** Eligible: the schools a source may pay (all when the column is absent or Schools and Enrollment were not read). */
function readEligible(t: TableReader, k: number, col: number, eligibility: EligibilityContext | null): Source["eligible"] {
  if (col < 0 || eligibility === null) return ALL_ELIGIBLE();
  const parsed = parseEligibility(t.cell(k, col), eligibility);
  if (parsed.ok) return parsed.value;
  t.error(k, col, eligibleExpectation(eligibility), { code: "eligible", text: t.text(k, col), problem: parsed.problem });
  return ALL_ELIGIBLE();
}
