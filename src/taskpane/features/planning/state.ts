/** The planning tables analysed (after "Analyse planning"), the years asked for and the user's opportunity statuses. */
import type { RawTables } from "../../../engine/types";
import type { SharedAction } from "../../store/events";
import { OPPORTUNITY_STATUSES_RECORD, parseStatuses, type StatusOverrides } from "./records";

/** The planning engine, its sheet builders and its panels, loaded on first "Analyse planning". */
export type PlanningLib = typeof import("./lib");
export function loadPlanning(): Promise<PlanningLib> {
  return import(/* webpackChunkName: "planning" */ "./lib");
}

export interface PlanningState {
  /** The tables the planning analysis reads; null until "Analyse planning". Refreshed by every read. */
  tables: RawTables | null;
  /** Years typed in the pane (null = the Policy's Plan Years). */
  years: number | null;
  /** The user's opportunity statuses by name, as saved in the workbook. */
  statuses: StatusOverrides;
  statusesError: string | null;
  /** "Analyse planning" is loading the planning code or reading the tables. */
  analysing: boolean;
  /** The planning module once loaded (its panels render the analysis). */
  lib: PlanningLib | null;
}

export const planningInitial: PlanningState = { tables: null, years: null, statuses: {}, statusesError: null, analysing: false, lib: null };

export type PlanningAction =
  | { type: "planning/analysing"; value: boolean }
  | { type: "planning/tables"; tables: RawTables; lib: PlanningLib }
  | { type: "planning/years"; years: number | null }
  | { type: "planning/statuses"; statuses: StatusOverrides };

export function planningReducer(state: PlanningState = planningInitial, action: PlanningAction | SharedAction): PlanningState {
  switch (action.type) {
    case "workbook/read":
      return state.tables ? { ...state, tables: action.tables } : state;
    case "planning/analysing":
      return { ...state, analysing: action.value };
    case "planning/tables":
      return { ...state, tables: action.tables, lib: action.lib, analysing: false };
    case "planning/years":
      return { ...state, years: action.years };
    case "planning/statuses":
      return { ...state, statuses: action.statuses };
    case "records/listed": {
      const record = action.list.find((r) => r.name.trim().toLowerCase() === OPPORTUNITY_STATUSES_RECORD.toLowerCase());
      if (!record) return { ...state, statuses: {}, statusesError: null };
      const p = parseStatuses(record.json);
      return p.ok ? { ...state, statuses: p.statuses, statusesError: null } : { ...state, statuses: {}, statusesError: p.error };
    }
    default:
      return state;
  }
}
