/** Effects several features share: messages, the workbook's saved records, and writing sheets with progress. */
import { allocate } from "../../engine/allocate";
import { formatError } from "../../words/errors";
import type { Allocation, District, InputError } from "../../engine/types";
import type { SheetPlan } from "../../report/plan";
import { AROI_OVERRIDES_RECORD } from "../features/initiatives/overrides";
import { OPPORTUNITY_STATUSES_RECORD } from "../features/planning/records";
import type { Env } from "./root";
import { message, type Notice } from "./types";

export function notify(env: Env, notice: Notice | null): void {
  env.dispatch({ type: "notice", notice });
}

export function tryAllocate(district: District): { allocation: Allocation } | { error: string } {
  try {
    return { allocation: allocate(district) };
  } catch (e) {
    return { error: message(e) };
  }
}

/** List the workbook's saved records again; saved overrides or statuses that cannot be read are reported. */
export async function refreshRecords(env: Env): Promise<void> {
  try {
    env.dispatch({ type: "records/listed", list: await env.host.listScenarios() });
  } catch (e) {
    notify(env, { intent: "error", title: "Could not list the scenarios", text: message(e) });
    return;
  }
  const s = env.getState();
  if (s.planning.statusesError) {
    notify(env, { intent: "warning", title: "The saved opportunity statuses were not applied", text: `Record "${OPPORTUNITY_STATUSES_RECORD}": ${s.planning.statusesError}.` });
  } else if (s.initiatives.overridesError) {
    notify(env, { intent: "warning", title: "The saved A-ROI overrides were not applied", text: `Record "${AROI_OVERRIDES_RECORD}": ${s.initiatives.overridesError}.` });
  }
}

/** How a change to the workbook's saved records is reported: a notice on success (if any), one on failure. */
export interface RecordChange {
  done?: Notice;
  failTitle: string;
  /** Appended to the error's message in the failure notice. */
  failNote?: string;
  /** Run after the change (succeeded or not), before the records are listed again. */
  settle?: () => void;
}

/** Change the workbook's saved records, report how it went, then re-list them (the workbook is the reference). */
export async function changeRecords(env: Env, change: () => Promise<void>, how: RecordChange): Promise<boolean> {
  let ok = true;
  try {
    await change();
    if (how.done) notify(env, how.done);
  } catch (e) {
    ok = false;
    notify(env, { intent: "error", title: how.failTitle, text: how.failNote ? `${message(e)} ${how.failNote}` : message(e) });
  }
  how.settle?.();
  await refreshRecords(env);
  return ok;
}

/** Save a keyed map as the named record, or delete the record when the map is empty. */
export function keepKeyedRecord<T>(env: Env, record: string, map: Record<string, T>, serialize: (map: Record<string, T>) => string, failTitle: string, failNote: string) {
  return changeRecords(
    env,
    async () => {
      if (Object.keys(map).length === 0) await env.host.deleteScenario(record);
      else await env.host.saveScenario({ name: record, savedAt: new Date().toISOString(), json: serialize(map) });
    },
    { failTitle, failNote },
  );
}

const WRITE_JOB = "write";

/** Render sheet plans into the workbook as `what`, with progress and cancel. */
export async function render(env: Env, plans: SheetPlan[], what: string): Promise<void> {
  if (env.getState().shell.write.phase === "running") return;
  const controller = new AbortController();
  env.aborts.set(WRITE_JOB, controller);
  env.dispatch({ type: "write", state: { phase: "running", what, progress: { done: 0, total: plans.length, label: "Starting" } } });
  try {
    const res = await env.host.render(plans, {
      signal: controller.signal,
      onProgress: (progress) => {
        if (!controller.signal.aborted) env.dispatch({ type: "write", state: { phase: "running", what, progress } });
      },
    });
    if (res.cancelled) env.dispatch({ type: "write", state: { phase: "cancelled", what } });
    else env.dispatch({ type: "write", state: { phase: "done", what, sheets: res.sheets, notes: res.notes ?? [] } });
  } catch (e) {
    env.dispatch({ type: "write", state: { phase: "failed", what, message: message(e) } });
  } finally {
    env.aborts.delete(WRITE_JOB);
  }
}

/** Stop the running write; nothing of it stays in the workbook. */
export function cancelWrite(env: Env): void {
  env.aborts.get(WRITE_JOB)?.abort();
}

/**
 * Write the sheets `build` makes as `what`; a write that cannot start (input errors, a failed build) is a failed
 * write named `failedAs`.
 */
export async function writePlans(env: Env, what: string, build: () => SheetPlan[], inputErrors: readonly InputError[] = [], failedAs: string = what): Promise<void> {
  const fail = (text: string) => env.dispatch({ type: "write", state: { phase: "failed", what: failedAs, message: text } });
  if (inputErrors.length > 0) {
    fail(inputErrors.map(formatError).join(" "));
    return;
  }
  let plans: SheetPlan[];
  try {
    plans = build();
  } catch (e) {
    fail(message(e));
    return;
  }
  await render(env, plans, what);
}
