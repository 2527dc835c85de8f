/** Equity snapshots (saved in the workbook) and the equity sheets. */
import { compareSnapshots, equityInputs, equitySummary, snapshot, type EquitySummary, type SnapshotComparison } from "../../../analysis/equity";
import type { Allocation } from "../../../engine/types";
import { equityPlans } from "../../../report/equity";
import { equityExtraPlans } from "../../../report/outcomes";
import { changeRecords, writePlans } from "../../store/effects";
import type { Env } from "../../store/root";
import { CURRENT } from "../scenarios/state";
import { EQUITY_WRITE, SNAPSHOT_PREFIX, type SnapshotRecord } from "./snapshots";

const summaries = new WeakMap<Allocation, EquitySummary>();

/** The equity summary of an allocation (computed once per allocation). */
export function equityOf(a: Allocation): EquitySummary {
  let s = summaries.get(a);
  if (!s) {
    s = equitySummary(equityInputs(a));
    summaries.set(a, s);
  }
  return s;
}

/** The compared snapshot against the current allocation (base = the snapshot, other = the current decisions). */
export function snapshotComparison(snapshots: readonly SnapshotRecord[], name: string | null, a: Allocation | null): SnapshotComparison | null {
  const rec = name === null ? undefined : snapshots.find((x) => x.name === name);
  if (!rec || !rec.snapshot || !a) return null;
  return compareSnapshots(rec.snapshot, snapshot(CURRENT, equityInputs(a)));
}

export async function saveSnapshot(env: Env, name: string): Promise<void> {
  const clean = name.trim();
  const allocation = env.getState().allocation.allocation;
  if (!allocation || clean === "") return;
  await changeRecords(
    env,
    async () => {
      const json = JSON.stringify(snapshot(clean, equityInputs(allocation)));
      await env.host.saveScenario({ name: SNAPSHOT_PREFIX + clean, savedAt: new Date().toISOString(), json });
    },
    { done: { intent: "success", title: "Snapshot saved", text: `Saved the equity picture as "${clean}".` }, failTitle: "Could not save the snapshot" },
  );
}

export const deleteSnapshot = (env: Env, name: string) =>
  changeRecords(env, () => env.host.deleteScenario(SNAPSHOT_PREFIX + name), { failTitle: "Could not delete the snapshot" });

export async function writeEquity(env: Env): Promise<void> {
  const s = env.getState();
  const a = s.allocation.allocation;
  if (!a) return;
  const cmp = snapshotComparison(s.equity.snapshots, s.equity.compare, a);
  const summary = equityOf(a);
  // Beside the equity sheets: outcomes against poverty and $ per pupil (when there is an Outcomes table) and $ per pupil by student type.
  const extra = equityExtraPlans(s.inputs.tables, a, summary);
  await writePlans(env, EQUITY_WRITE, () => [...equityPlans(summary, cmp ? { comparison: cmp } : {}), ...extra.plans], [...a.errors, ...extra.errors]);
}
