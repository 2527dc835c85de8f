/** What was read from the workbook: the tables, which were found, and the problems to fix. */
import type { InputError, RawTables } from "../../../engine/types";
import type { Progress, TableStatus } from "../../../host/types";
import type { SharedAction } from "../../store/events";

export interface InputsState {
  reading: boolean;
  /** Set once the workbook was read at least once. */
  status: TableStatus[] | null;
  tables: RawTables;
  /** Read and parse problems, located. */
  problems: InputError[];
  warnings: string[];
  /** The name of the workbook when the host knows it (a file opened in the preview). */
  workbookName: string | null;
  /** Opening or saving a workbook file (the preview), with progress. */
  file: { what: "open" | "save"; progress: Progress } | null;
}

export const inputsInitial: InputsState = { reading: false, status: null, tables: {}, problems: [], warnings: [], workbookName: null, file: null };

export type InputsAction =
  | { type: "read/start" }
  | { type: "read/failed" }
  | { type: "workbook/name"; name: string | null }
  | { type: "workbook/file"; value: InputsState["file"] };

export function inputsReducer(state: InputsState = inputsInitial, action: InputsAction | SharedAction): InputsState {
  switch (action.type) {
    case "read/start":
      return { ...state, reading: true };
    case "read/failed":
      return { ...state, reading: false };
    case "workbook/file":
      return { ...state, file: action.value };
    case "workbook/name":
      return { ...state, workbookName: action.name };
    case "workbook/read":
      return { ...state, reading: false, status: action.status, tables: action.tables, problems: action.problems, warnings: action.warnings };
    default:
      return state;
  }
}

/** The names of the input tables the workbook already has (lower case). */
export function presentTables(state: InputsState): Set<string> {
  return new Set((state.status ?? []).filter((s) => s.found).map((s) => s.name.toLowerCase()));
}
