/** The school table's selection and the school whose explanation is open. */
import type { SharedAction } from "../../store/events";

export interface SchoolsState {
  /** The school whose explanation is open, by index. */
  detail: number | null;
  /** Selected schools by index, ascending. */
  selected: number[];
}

export const schoolsInitial: SchoolsState = { detail: null, selected: [] };

export type SchoolsAction = { type: "schools/detail"; index: number | null } | { type: "schools/select"; indexes: number[] };

export function schoolsReducer(state: SchoolsState = schoolsInitial, action: SchoolsAction | SharedAction): SchoolsState {
  switch (action.type) {
    case "workbook/read":
      return schoolsInitial;
    case "schools/detail":
      return { ...state, detail: action.index };
    case "schools/select":
      return { ...state, selected: [...action.indexes].sort((a, b) => a - b) };
    default:
      return state;
  }
}
