/**
 * The pane's planning code, loaded on first "Analyse planning" (a chunk of its own, so the planning engine, its
 * sheet builders and its panels stay out of the pane's initial script).
 */
import type { Override } from "../../../analysis/aroi";
import { analysePlanning, parsePlanning, type OpportunityStatus } from "../../../analysis/plan";
import type { District, RawTables } from "../../../engine/types";
import { planningPlans } from "../../../report/planning";
import { parseWarningWords } from "../../../words/parseErrors";
import { planWarningText } from "../../../words/plan";
import { PANE_MAX_YEARS, type PlanningOutcome, type StatusOverrides } from "./records";

export { planningPlans };
export { PlanningPanels } from "./PlanningPanels";

export interface OutcomeOptions {
  /** Years typed in the pane; null = the Policy's Plan Years (at most PANE_MAX_YEARS). */
  years: number | null;
  statuses: Readonly<StatusOverrides>;
  /** The user's A-ROI actions, so savings fund the initiatives the user decided to expand. */
  overrides: Readonly<Record<string, Override>>;
}

const key = (name: string) => name.trim().toLowerCase();

/**
 * Read the planning tables next to the pane's district (its decisions are kept), apply the user's opportunity
 * statuses and analyse. Every problem of the planning tables is returned, located; nothing is guessed.
 */
export function planningOutcome(tables: RawTables, district: District, opts: OutcomeOptions): PlanningOutcome {
  const first = parsePlanning(tables, district);
  const policyYears = first.planning.settings.years;
  const years = opts.years ?? Math.min(PANE_MAX_YEARS, policyYears);
  const parsed = years === policyYears ? first : parsePlanning(tables, district, { years });
  if (parsed.errors.length > 0) return { kind: "problems", errors: parsed.errors };

  const saved = new Map(Object.entries(opts.statuses).map(([n, st]) => [key(n), st]));
  const tableStatuses: Record<string, OpportunityStatus> = {};
  const seen = new Set<string>();
  const opportunities =
    parsed.planning.opportunities?.map((o) => {
      tableStatuses[o.name] = o.status;
      seen.add(key(o.name));
      const st = saved.get(key(o.name));
      return st !== undefined && st !== o.status ? { ...o, status: st } : o;
    }) ?? null;
  const analysis = analysePlanning(district, { ...parsed.planning, opportunities }, { overrides: opts.overrides });
  if (analysis.plan.errors.length > 0) return { kind: "problems", errors: analysis.plan.errors };
  return {
    kind: "ok",
    analysis,
    years,
    policyYears,
    warnings: [...parsed.warnings.map(parseWarningWords), ...analysis.plan.warnings.map(planWarningText)],
    unknownStatuses: Object.keys(opts.statuses).filter((n) => !seen.has(key(n))),
    tableStatuses,
  };
}
