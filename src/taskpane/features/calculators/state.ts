/** Building and handing out school calculator workbooks (one school, or all of them as a .zip). */
import type { Progress } from "../../../host/types";
import type { SharedAction } from "../../store/events";

export type CalculatorState =
  | { phase: "idle" }
  | { phase: "running"; what: "one" | "all"; school: number | null; progress: Progress }
  | { phase: "done"; what: "one" | "all"; school: number | null; text: string }
  | { phase: "cancelled"; what: "one" | "all"; school: number | null }
  | {
      phase: "failed";
      what: "one" | "all";
      school: number | null;
      message: string;
      /** The built file when only handing it out failed (e.g. this Excel cannot open workbooks): offered as a download. */
      file: { name: string; bytes: Uint8Array } | null;
    };

export type CalculatorsAction = { type: "calculator"; state: CalculatorState };

export function calculatorsReducer(state: CalculatorState = { phase: "idle" }, action: CalculatorsAction | SharedAction): CalculatorState {
  return action.type === "calculator" ? action.state : state;
}
