/** Saving, loading, deleting and comparing scenarios (the decisions kept as records in the workbook). */
import { allocate } from "../../../engine/allocate";
import { compareAllocations } from "../../../engine/compare";
import { applyDecisions, extractDecisions, parseDecisions, serializeDecisions } from "../../../engine/decisions";
import { scenarioFileWords } from "../../../words/decisions";
import { formatError } from "../../../words/errors";
import type { District } from "../../../engine/types";
import { comparisonPlan } from "../../../report/compare";
import { changeRecords, notify, render, tryAllocate } from "../../store/effects";
import type { Env } from "../../store/root";
import { message } from "../../store/types";
import { CURRENT, isReservedRecord } from "./state";

/** A scenario's district (or the current one), applied to the workbook's district. */
export function scenarioDistrict(env: Env, name: string): { district: District } | { error: string } {
  const s = env.getState();
  const { parsed, district } = s.allocation;
  if (!parsed || !district) return { error: "Read a valid workbook first." };
  if (name === CURRENT) return { district };
  const record = s.scenarios.list.find((r) => r.name === name);
  if (!record) return { error: `There is no scenario named "${name}".` };
  const p = parseDecisions(record.json);
  if (!p.ok) return { error: `Scenario "${name}" cannot be read: ${scenarioFileWords(p.error)}` };
  const applied = applyDecisions(parsed, p.decisions);
  if (!applied.ok) return { error: `Scenario "${name}" does not fit this workbook: ${applied.errors.map(formatError).join(" ")}` };
  return { district: applied.district };
}

/** Save the current decisions as a scenario; true when saved. */
export async function saveScenario(env: Env, name: string): Promise<boolean> {
  const clean = name.trim();
  const district = env.getState().allocation.district;
  if (!district || clean === "") return false;
  if (isReservedRecord(clean)) {
    notify(env, {
      intent: "error",
      title: "Choose another name",
      text: `"${clean}" is reserved for the pane's own records (A-ROI overrides, opportunity statuses and equity snapshots).`,
    });
    return false;
  }
  const ok = await changeRecords(env, () => env.host.saveScenario({ name: clean, savedAt: new Date().toISOString(), json: serializeDecisions(extractDecisions(district)) }), {
    done: { intent: "success", title: "Scenario saved", text: `Saved "${clean}".` },
    failTitle: "Could not save the scenario",
  });
  if (ok && env.getState().allocation.district === district) env.dispatch({ type: "decisions/saved" });
  return ok;
}

export function loadScenario(env: Env, name: string): void {
  const r = scenarioDistrict(env, name);
  const a = "error" in r ? r : tryAllocate(r.district);
  if ("error" in r || "error" in a) {
    notify(env, { intent: "error", title: "Could not load the scenario", text: "error" in a ? a.error : "" });
    return;
  }
  env.dispatch({ type: "decisions/replace", district: r.district, allocation: a.allocation });
  notify(env, { intent: "success", title: "Scenario loaded", text: `Loaded "${name}".` });
}

export function deleteScenario(env: Env, name: string): Promise<boolean> {
  return changeRecords(env, () => env.host.deleteScenario(name), {
    failTitle: "Could not delete the scenario",
    settle: () => {
      const c = env.getState().scenarios.comparison;
      if (c && (c.nameA === name || c.nameB === name)) env.dispatch({ type: "comparison", value: null });
    },
  });
}

export function compareScenarios(env: Env, nameA: string, nameB: string): void {
  const a = scenarioDistrict(env, nameA);
  const b = scenarioDistrict(env, nameB);
  if ("error" in a || "error" in b) {
    notify(env, { intent: "error", title: "Could not compare", text: "error" in a ? a.error : "error" in b ? b.error : "" });
    return;
  }
  try {
    const cmp = compareAllocations(allocate(a.district), allocate(b.district));
    env.dispatch({ type: "comparison", value: { nameA, nameB, cmp } });
  } catch (e) {
    notify(env, { intent: "error", title: "Could not compare", text: message(e) });
  }
}

export async function writeComparison(env: Env): Promise<void> {
  const c = env.getState().scenarios.comparison;
  if (c) await render(env, [comparisonPlan(c.nameA, c.nameB, c.cmp)], "comparison");
}
