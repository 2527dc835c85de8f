/** The shell's state: the view shown and the way back, the message bar, the question before discarding edits, writes. */
import type { SharedAction } from "../store/events";
import type { Notice, WriteState } from "../store/types";

/** What the user asked for that would discard unsaved edits; asked about first. */
export type Discarding = { kind: "read" } | { kind: "sample" } | { kind: "load"; name: string } | { kind: "open"; file: File };

export interface ShellState {
  view: string;
  /** Views to go back to, most recent last. */
  back: string[];
  notice: Notice | null;
  capabilities: { ok: boolean; missing: string[] } | null;
  write: WriteState;
  /** The question shown before an action that would discard unsaved edits. */
  confirm: Discarding | null;
}

export const shellInitial: ShellState = { view: "home", back: [], notice: null, capabilities: null, write: { phase: "idle" }, confirm: null };

export type ShellAction =
  | { type: "nav/go"; view: string }
  | { type: "nav/back" }
  | { type: "notice"; notice: Notice | null }
  | { type: "capabilities"; value: { ok: boolean; missing: string[] } }
  | { type: "write"; state: WriteState }
  | { type: "confirm"; value: Discarding | null };

const MAX_BACK = 20;

export function shellReducer(state: ShellState = shellInitial, action: ShellAction | SharedAction): ShellState {
  switch (action.type) {
    case "nav/go":
      if (action.view === state.view) return state;
      return { ...state, view: action.view, back: [...state.back, state.view].slice(-MAX_BACK) };
    case "nav/back": {
      if (state.back.length === 0) return state;
      return { ...state, view: state.back[state.back.length - 1], back: state.back.slice(0, -1) };
    }
    case "notice":
      return { ...state, notice: action.notice };
    case "capabilities":
      return { ...state, capabilities: action.value };
    case "write":
      return { ...state, write: action.state };
    case "confirm":
      return { ...state, confirm: action.value };
    default:
      return state;
  }
}
