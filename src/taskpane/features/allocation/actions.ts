/** Allocating, editing the decisions (with undo and redo) and writing the results to the workbook. */
import type { District } from "../../../engine/types";
import { notify, tryAllocate, writePlans } from "../../store/effects";
import type { Env } from "../../store/root";
import type { Notice } from "../../store/types";

export function runAllocation(env: Env): boolean {
  const d = env.getState().allocation.district;
  if (!d) return false;
  const r = tryAllocate(d);
  if ("error" in r) {
    notify(env, { intent: "error", title: "The allocation failed", text: r.error });
    return false;
  }
  env.dispatch({ type: "allocation/run", allocation: r.allocation });
  notify(env, null);
  return true;
}

/** Apply edited decisions: re-allocates at once; undoable. `external`: made outside the editors (their drafts reset). */
export function editDecisions(env: Env, district: District, notice?: Notice, external = false): void {
  const r = tryAllocate(district);
  if ("error" in r) {
    notify(env, { intent: "error", title: "The allocation failed", text: r.error });
    return;
  }
  env.dispatch({ type: "decisions/edit", district, allocation: r.allocation, external });
  if (notice) notify(env, notice);
}

export const undo = (env: Env) => env.dispatch({ type: "decisions/undo" });
export const redo = (env: Env) => env.dispatch({ type: "decisions/redo" });

export async function writeResults(env: Env, selectedOnly: boolean): Promise<void> {
  const s = env.getState();
  const a = s.allocation.allocation;
  if (!a) return;
  const selected = s.schools.selected;
  // The sheet builders load when the results are first written, not with the pane.
  const { allocationPlans } = await import(/* webpackChunkName: "sheets" */ "../../../report/allocation");
  await writePlans(env, selectedOnly ? "selected schools" : "results", () => allocationPlans(a, selectedOnly ? { schools: selected } : undefined), a.errors, "results");
  const w = env.getState().shell.write;
  if (!selectedOnly && w.phase === "done" && w.what === "results") env.dispatch({ type: "allocation/written", allocation: a });
}
