/** The Initiatives tables analysed (after "Analyse initiatives") and the user's saved A-ROI actions. */
import type { Override } from "../../../analysis/aroi";
import type { RawTables } from "../../../engine/types";
import type { SharedAction } from "../../store/events";
import { AROI_OVERRIDES_RECORD, parseOverrides } from "./overrides";

export interface InitiativesState {
  /** The tables the A-ROI analysis reads; null until "Analyse initiatives". Refreshed by every read. */
  tables: RawTables | null;
  /** The user's A-ROI action overrides by initiative name, as saved in the workbook. */
  overrides: Record<string, Override>;
  /** Why the saved overrides could not be applied, if so. */
  overridesError: string | null;
}

export const initiativesInitial: InitiativesState = { tables: null, overrides: {}, overridesError: null };

export type InitiativesAction = { type: "aroi/tables"; tables: RawTables } | { type: "aroi/overrides"; overrides: Record<string, Override> };

export function initiativesReducer(state: InitiativesState = initiativesInitial, action: InitiativesAction | SharedAction): InitiativesState {
  switch (action.type) {
    case "workbook/read":
      return state.tables ? { ...state, tables: action.tables } : state;
    case "aroi/tables":
      return { ...state, tables: action.tables };
    case "aroi/overrides":
      return { ...state, overrides: action.overrides };
    case "records/listed": {
      const record = action.list.find((r) => r.name.trim().toLowerCase() === AROI_OVERRIDES_RECORD.toLowerCase());
      if (!record) return { ...state, overrides: {}, overridesError: null };
      const p = parseOverrides(record.json);
      return p.ok ? { ...state, overrides: p.overrides, overridesError: null } : { ...state, overrides: {}, overridesError: p.error };
    }
    default:
      return state;
  }
}
