/**
 * What the pane's planning section keeps outside the lazily loaded planning code: the names of its write and of
 * its workbook record (the user's opportunity statuses), the Years limits, and the shape of an analysis outcome.
 * Types only from the engine, so the pane's initial script stays small.
 */
import type { PlanAnalysis, OpportunityStatus } from "../../../analysis/plan";
import type { InputError } from "../../../engine/types";

/** What the planning write is called in progress and outcome messages. */
export const PLANNING_WRITE = "planning sheets";
/** The scenario record that keeps the statuses the user set on opportunities (JSON) in the workbook. */
export const OPPORTUNITY_STATUSES_RECORD = "Opportunity statuses";
/** The pane plans 1 to this many years (the command line allows more). */
export const PANE_MAX_YEARS = 10;

export const OPPORTUNITY_STATUSES: readonly OpportunityStatus[] = ["Proposed", "Approved", "Funded", "Implemented", "Rejected"];

const STATUSES_FORMAT = "sfs-opportunity-statuses";

/** The user's statuses by opportunity name. */
export type StatusOverrides = Record<string, OpportunityStatus>;

export function serializeStatuses(statuses: Readonly<StatusOverrides>): string {
  const entries = Object.entries(statuses)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, status]) => ({ name, status }));
  return JSON.stringify({ format: STATUSES_FORMAT, version: 1, statuses: entries });
}

/** Read the record back; an entry that is not a name and a status is reported, not guessed. */
export function parseStatuses(text: string): { ok: true; statuses: StatusOverrides } | { ok: false; error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: "the saved statuses are not valid JSON" };
  }
  const d = data as { format?: unknown; statuses?: unknown } | null;
  if (!d || typeof d !== "object" || d.format !== STATUSES_FORMAT || !Array.isArray(d.statuses)) {
    return { ok: false, error: "the saved statuses are not in the opportunity statuses format" };
  }
  const statuses: StatusOverrides = {};
  for (const item of d.statuses as unknown[]) {
    const x = item as { name?: unknown; status?: unknown } | null;
    if (!x || typeof x.name !== "string" || x.name.trim() === "" || !OPPORTUNITY_STATUSES.includes(x.status as OpportunityStatus)) {
      return { ok: false, error: `an entry is not an opportunity status (a name and one of: ${OPPORTUNITY_STATUSES.join(", ")})` };
    }
    statuses[x.name] = x.status as OpportunityStatus;
  }
  return { ok: true, statuses };
}

/** The Years box: a whole number from 1 to PANE_MAX_YEARS. */
export function parseYears(text: string): { ok: true; value: number } | { ok: false; message: string } {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return { ok: false, message: `Enter a whole number of years from 1 to ${PANE_MAX_YEARS}.` };
  const n = Number(t);
  if (n < 1 || n > PANE_MAX_YEARS) return { ok: false, message: `Enter a whole number of years from 1 to ${PANE_MAX_YEARS}.` };
  return { ok: true, value: n };
}

/** The planning analysis as the pane shows it: located problems, or the analysis with its notes. */
export type PlanningOutcome =
  | { kind: "problems"; errors: InputError[] }
  /** The analysis itself failed (a defect, not the input): the message is shown and nothing can be written. */
  | { kind: "failed"; message: string }
  | {
      kind: "ok";
      analysis: PlanAnalysis;
      /** Years planned. */
      years: number;
      /** Years the Policy asks for (Plan Years, default 5), before the pane's limit. */
      policyYears: number;
      warnings: string[];
      /** Saved statuses whose opportunity is no longer in the table. */
      unknownStatuses: string[];
      /** The status each opportunity has in the workbook's table, by name (before the user's statuses). */
      tableStatuses: Record<string, OpportunityStatus>;
    };
