/** The funding reconciliation in words: the over-commitment flags and the command line's summary line. */
import { formatDollars, listNames, type FundingFlag, type FundingReconciliation } from "../analysis/aroi";

/** How many School IDs a flag names before "and N more". */
export const LISTED_SCHOOLS = 10;

function verb(names: readonly string[]): string {
  return names.length === 1 ? "charges" : "charge";
}

/**
 * A flag as printed (sheet, JSON, CLI). A district-wide flag: the initiatives charge more to central money than the
 * source holds centrally. A school flag: the initiatives charge their schools more than those schools receive from it.
 */
export function fundingFlagText(f: FundingFlag): string {
  const names = f.initiatives;
  switch (f.kind) {
    case "central":
      return (
        `${f.source}: the district-wide initiative${names.length === 1 ? "" : "s"} ${listNames(names)} ${verb(names)} ${formatDollars(f.charged)} ` +
        `to central money but only ${formatDollars(f.available)} of it is held centrally (${formatDollars(f.charged - f.available)} short).`
      );
    case "schools":
      return (
        `${f.source}: ${listNames(names)} ${verb(names)} ${formatDollars(f.charged)} to the school${f.schools.length === 1 ? "" : "s"} ` +
        `${listNames(f.schools, LISTED_SCHOOLS)} but ${f.schools.length === 1 ? "that school receives" : "those schools receive"} ` +
        `${formatDollars(f.available)} from it (${formatDollars(f.charged - f.available)} short).`
      );
  }
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
