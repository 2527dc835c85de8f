/** The funding reconciliation in words: flags, share percentages, name lists and the command line's summary. */
import { andList } from "../../../engine/listText";
import { formatDollars } from "../cost";
import type { FundingReconciliation } from "./types";

/** How many School IDs a flag names before "and N more". */
export const LISTED_SCHOOLS = 10;

export function formatUnits(units: number): string {
  return `${Number((units / 1_000_000).toFixed(6))}%`;
}

export function listNames(names: readonly string[], max = names.length): string {
  const shown = names.slice(0, max);
  const more = names.length - shown.length;
  if (more > 0) return `${shown.join(", ")} and ${more} more`;
  return andList(shown);
}

function verb(names: readonly string[]): string {
  return names.length === 1 ? "charges" : "charge";
}

/** A district-wide flag: the initiatives charge more to central money than the source holds centrally. */
export function centralFlagText(source: string, names: readonly string[], charged: number, available: number): string {
  return (
    `${source}: the district-wide initiative${names.length === 1 ? "" : "s"} ${listNames(names)} ${verb(names)} ${formatDollars(charged)} ` +
    `to central money but only ${formatDollars(available)} of it is held centrally (${formatDollars(charged - available)} short).`
  );
}

/** A school flag: the initiatives charge their schools more than those schools receive from the source. */
export function schoolsFlagText(source: string, names: readonly string[], schoolIds: readonly string[], charged: number, available: number): string {
  return (
    `${source}: ${listNames(names)} ${verb(names)} ${formatDollars(charged)} to the school${schoolIds.length === 1 ? "" : "s"} ` +
    `${listNames(schoolIds, LISTED_SCHOOLS)} but ${schoolIds.length === 1 ? "that school receives" : "those schools receive"} ` +
    `${formatDollars(available)} from it (${formatDollars(charged - available)} short).`
  );
}

/** One line for the command line: what is charged and which sources are over-committed. */
export function fundingSummaryLine(r: FundingReconciliation): string {
  const t = r.totals;
  const head =
    `Funding: ${t.funded} of ${t.initiatives} initiative${t.initiatives === 1 ? "" : "s"} ${t.funded === 1 ? "names" : "name"} a source ` +
    `(${formatDollars(t.charged)} charged)`;
  const none = r.withoutSource.length ? `; ${r.withoutSource.length} without a funding source` : "";
  if (!t.overCommitted.length) return `${head}${none}; no source is over-committed.`;
  return `${head}${none}; ${t.overCommitted.length} source${t.overCommitted.length === 1 ? "" : "s"} over-committed: ${t.overCommitted.join(", ")}.`;
}
