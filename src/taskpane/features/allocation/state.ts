/**
 * The decisions and their allocation: the district as the workbook states it, the district with the pane's
 * decisions applied, its allocation, and the edit history (undo / redo, unsaved edits).
 */
import type { Allocation, District } from "../../../engine/types";
import type { SharedAction } from "../../store/events";

/** One point of the edit history: decisions and their allocation (kept so undo shows results at once). */
export interface Decided {
  district: District;
  allocation: Allocation | null;
}

export interface AllocationState {
  /** The district as the workbook states it. */
  parsed: District | null;
  /** The district with the pane's decisions applied. */
  district: District | null;
  /** Null until "Allocate". */
  allocation: Allocation | null;
  past: Decided[];
  future: Decided[];
  /** The decisions as last read, loaded or saved: anything else is an unsaved edit. */
  baseline: District | null;
  /** Bumped when decisions change from outside the editors (a re-read, a loaded scenario, undo), to reset their drafts. */
  revision: number;
  /** The allocation last written to the workbook in full (the run state says whether the shown one is). */
  written: Allocation | null;
}

export const allocationInitial: AllocationState = { parsed: null, district: null, allocation: null, past: [], future: [], baseline: null, revision: 0, written: null };

/** How many edits can be undone. */
export const HISTORY = 50;

export type AllocationAction =
  | { type: "allocation/run"; allocation: Allocation }
  /** An edit in the pane (`external`: made outside the editors, e.g. a solved weight, so their drafts reset). */
  | { type: "decisions/edit"; district: District; allocation: Allocation; external?: boolean }
  /** Decisions replaced as a whole (a loaded scenario): a new starting point, nothing to undo. */
  | { type: "decisions/replace"; district: District; allocation: Allocation }
  | { type: "decisions/undo" }
  | { type: "decisions/redo" }
  /** The current decisions were saved (as a scenario). */
  | { type: "decisions/saved" }
  /** The shown allocation was written to the workbook. */
  | { type: "allocation/written"; allocation: Allocation };

export function allocationReducer(state: AllocationState = allocationInitial, action: AllocationAction | SharedAction): AllocationState {
  switch (action.type) {
    case "workbook/read":
      return {
        ...state,
        parsed: action.parsed,
        district: action.parsed,
        allocation: action.allocation,
        past: [],
        future: [],
        baseline: action.parsed,
        revision: state.revision + 1,
      };
    case "allocation/run":
      return { ...state, allocation: action.allocation };
    case "decisions/edit": {
      if (!state.district) return state;
      const past = [...state.past, { district: state.district, allocation: state.allocation }].slice(-HISTORY);
      return { ...state, district: action.district, allocation: action.allocation, past, future: [], revision: action.external ? state.revision + 1 : state.revision };
    }
    case "decisions/replace":
      return { ...state, district: action.district, allocation: action.allocation, past: [], future: [], baseline: action.district, revision: state.revision + 1 };
    case "decisions/undo": {
      const prev = state.past[state.past.length - 1];
      if (!prev || !state.district) return state;
      return {
        ...state,
        district: prev.district,
        allocation: prev.allocation,
        past: state.past.slice(0, -1),
        future: [{ district: state.district, allocation: state.allocation }, ...state.future],
        revision: state.revision + 1,
      };
    }
    case "decisions/redo": {
      const next = state.future[0];
      if (!next || !state.district) return state;
      return {
        ...state,
        district: next.district,
        allocation: next.allocation,
        past: [...state.past, { district: state.district, allocation: state.allocation }],
        future: state.future.slice(1),
        revision: state.revision + 1,
      };
    }
    case "allocation/written":
      return { ...state, written: action.allocation };
    case "decisions/saved":
      return { ...state, baseline: state.district };
    default:
      return state;
  }
}

/** True when the decisions differ from what was last read, loaded or saved. */
export function hasUnsavedEdits(state: AllocationState): boolean {
  return state.district !== null && state.district !== state.baseline;
}
