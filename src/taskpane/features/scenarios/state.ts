/** The user's saved scenarios and the comparison shown. */
import type { Comparison } from "../../../engine/compare";
import type { ScenarioRecord } from "../../../host/types";
import type { SharedAction } from "../../store/events";
import { AROI_OVERRIDES_RECORD } from "../initiatives/overrides";
import { SNAPSHOT_PREFIX } from "../equity/snapshots";
import { OPPORTUNITY_STATUSES_RECORD } from "../planning/records";

/** The pseudo-scenario meaning "the decisions in the pane right now". */
export const CURRENT = "Current decisions";

export interface ComparisonView {
  nameA: string;
  nameB: string;
  cmp: Comparison;
}

/** True for scenario records the pane keeps for itself (overrides, snapshots, statuses), not the user's scenarios. */
export function isReservedRecord(name: string): boolean {
  const n = name.trim().toLowerCase();
  return n === AROI_OVERRIDES_RECORD.toLowerCase() || n === OPPORTUNITY_STATUSES_RECORD.toLowerCase() || n.startsWith(SNAPSHOT_PREFIX.trim().toLowerCase());
}

export interface ScenariosState {
  list: ScenarioRecord[];
  comparison: ComparisonView | null;
}

export const scenariosInitial: ScenariosState = { list: [], comparison: null };

export type ScenariosAction = { type: "comparison"; value: ComparisonView | null };

export function scenariosReducer(state: ScenariosState = scenariosInitial, action: ScenariosAction | SharedAction): ScenariosState {
  switch (action.type) {
    case "workbook/read":
      return state.comparison ? { ...state, comparison: null } : state;
    case "records/listed":
      return { ...state, list: action.list.filter((r) => !isReservedRecord(r.name)) };
    case "comparison":
      return { ...state, comparison: action.value };
    default:
      return state;
  }
}
