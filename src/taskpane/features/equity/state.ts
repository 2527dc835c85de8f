/** Saved equity snapshots and the one compared with the current allocation. */
import type { SharedAction } from "../../store/events";
import { snapshotRecords, type SnapshotRecord } from "./snapshots";

export interface EquityState {
  snapshots: SnapshotRecord[];
  /** The snapshot compared with the current allocation, by name. */
  compare: string | null;
}

export const equityInitial: EquityState = { snapshots: [], compare: null };

export type EquityAction = { type: "snapshot/compare"; name: string | null };

export function equityReducer(state: EquityState = equityInitial, action: EquityAction | SharedAction): EquityState {
  switch (action.type) {
    case "records/listed": {
      const snapshots = snapshotRecords(action.list);
      const compare = state.compare !== null && snapshots.some((x) => x.name === state.compare) ? state.compare : null;
      return { snapshots, compare };
    }
    case "snapshot/compare":
      return { ...state, compare: action.name };
    default:
      return state;
  }
}
