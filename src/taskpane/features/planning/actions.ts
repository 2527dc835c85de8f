/** Analysing planning (loaded on first use), the years asked for, opportunity statuses and the planning sheets. */
import type { OpportunityStatus } from "../../../analysis/plan";
import { keepKeyedRecord, notify, writePlans } from "../../store/effects";
import type { Env, RootState } from "../../store/root";
import { message, replaceKeyed } from "../../store/types";
import { OPPORTUNITY_STATUSES_RECORD, PLANNING_WRITE, serializeStatuses, type PlanningOutcome, type StatusOverrides } from "./records";
import { loadPlanning } from "./state";

/** Load the planning code, re-read the planning tables (the pane's decisions are kept) and analyse them. */
export async function analysePlanning(env: Env): Promise<void> {
  if (env.getState().planning.analysing) return;
  env.dispatch({ type: "planning/analysing", value: true });
  try {
    const lib = await loadPlanning();
    const r = await env.host.readTables();
    env.dispatch({ type: "planning/tables", tables: r.tables, lib });
  } catch (e) {
    env.dispatch({ type: "planning/analysing", value: false });
    notify(env, { intent: "error", title: "Could not read the planning tables", text: message(e) });
  }
}

export const setPlanYears = (env: Env, years: number | null) => env.dispatch({ type: "planning/years", years });

/** Set (or with null, return to the table's) an opportunity's status; saved in the workbook at once. */
export async function setOpportunityStatus(env: Env, name: string, status: OpportunityStatus | null): Promise<void> {
  const next: StatusOverrides = replaceKeyed(env.getState().planning.statuses, name, status);
  env.dispatch({ type: "planning/statuses", statuses: next });
  await keepKeyedRecord(env, OPPORTUNITY_STATUSES_RECORD, next, serializeStatuses, "Could not save the status", "The workbook keeps the previous statuses.");
}

let last: { key: unknown[]; outcome: PlanningOutcome | null } | null = null;

/** The planning analysis of the pane's district; null until "Analyse planning". Memoised on its inputs. */
export function planningOutcome(s: RootState): PlanningOutcome | null {
  const p = s.planning;
  const district = s.allocation.district;
  if (!p.lib || !p.tables || !district) return null;
  const key = [p.lib, p.tables, district, p.years, p.statuses, s.initiatives.overrides];
  if (last && last.key.length === key.length && last.key.every((k, i) => k === key[i])) return last.outcome;
  let outcome: PlanningOutcome;
  try {
    outcome = p.lib.planningOutcome(p.tables, district, { years: p.years, statuses: p.statuses, overrides: s.initiatives.overrides });
  } catch (e) {
    outcome = { kind: "failed", message: message(e) };
  }
  last = { key, outcome };
  return outcome;
}

export async function writePlanning(env: Env): Promise<void> {
  const s = env.getState();
  const outcome = planningOutcome(s);
  const lib = s.planning.lib;
  if (!lib || !outcome || outcome.kind !== "ok") return;
  await writePlans(env, PLANNING_WRITE, () => lib.planningPlans(outcome.analysis));
}
