/**
 * Unsaved edits are never discarded without asking: reading the workbook, inserting the sample, loading a scenario
 * or opening another workbook first asks, offering to save the edits as a scenario.
 */
import { hasUnsavedEdits } from "../features/allocation/state";
import { insertSample, openWorkbookFile, readWorkbook } from "../features/inputs/actions";
import { loadScenario, saveScenario } from "../features/scenarios/actions";
import type { Env } from "../store/root";
import type { Discarding } from "./state";

/** Do it, or ask first when there are unsaved edits. */
export function requestDiscarding(env: Env, what: Discarding): void {
  if (hasUnsavedEdits(env.getState().allocation)) env.dispatch({ type: "confirm", value: what });
  else void proceed(env, what);
}

/** Carry out the action asked about (edits are discarded). */
export async function proceed(env: Env, what: Discarding): Promise<void> {
  env.dispatch({ type: "confirm", value: null });
  switch (what.kind) {
    case "read":
      return readWorkbook(env);
    case "sample":
      return insertSample(env);
    case "load":
      return loadScenario(env, what.name);
    case "open":
      return openWorkbookFile(env, what.file);
  }
}

/** Save the edits as a scenario, then carry out the action; nothing happens when the save fails. */
export async function saveThenProceed(env: Env, name: string, what: Discarding): Promise<void> {
  if (await saveScenario(env, name)) await proceed(env, what);
}

export function cancelDiscarding(env: Env): void {
  env.dispatch({ type: "confirm", value: null });
}

/** A description of the action for the question. */
export function discardingText(what: Discarding): string {
  switch (what.kind) {
    case "read":
      return "Reading the workbook again replaces the pane's decisions with the workbook's.";
    case "sample":
      return "Inserting the sample district reads the workbook again and replaces the pane's decisions.";
    case "load":
      return `Loading "${what.name}" replaces the pane's decisions with the scenario's.`;
    case "open":
      return `Opening ${what.file.name} replaces this workbook and the pane's decisions.`;
  }
}
