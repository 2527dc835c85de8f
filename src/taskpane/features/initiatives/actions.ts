/** Analysing the initiatives (A-ROI), the user's actions, the initiatives template and the A-ROI sheets. */
import { withOverrides, type Override } from "../../../analysis/aroi";
import type { RawTables } from "../../../engine/types";
import { aroiPlans } from "../../../report/aroi";
import { keepKeyedRecord, notify, writePlans } from "../../store/effects";
import type { Env, RootState } from "../../store/root";
import { message, replaceKeyed } from "../../store/types";
import { insertTables } from "../inputs/actions";
import { presentTables } from "../inputs/state";
import { initiativesTemplate } from "../inputs/templates";
import { aroiFromTables } from "./analysis";
import { AROI_OVERRIDES_RECORD, AROI_WRITE, serializeOverrides, type AroiOutcome } from "./overrides";

/** Re-read the Initiatives tables from the workbook (the pane's decisions are kept) and analyse them. */
export async function analyseInitiatives(env: Env): Promise<void> {
  try {
    const r = await env.host.readTables();
    env.dispatch({ type: "aroi/tables", tables: r.tables });
  } catch (e) {
    notify(env, { intent: "error", title: "Could not read the initiatives", text: message(e) });
  }
}

export const insertInitiativesTemplate = (env: Env) => insertTables(env, initiativesTemplate(presentTables(env.getState().inputs)), "the initiatives template");

/** Set (or with null, remove) the user's action for an initiative; saved in the workbook at once. */
export async function setOverride(env: Env, name: string, override: Override | null): Promise<void> {
  const next = replaceKeyed(env.getState().initiatives.overrides, name, override && { action: override.action, note: override.note.trim() });
  env.dispatch({ type: "aroi/overrides", overrides: next });
  await keepKeyedRecord(env, AROI_OVERRIDES_RECORD, next, serializeOverrides, "Could not save the override", "The workbook keeps the previous actions.");
}

const baseCache = new WeakMap<RawTables, { ids: readonly string[] | undefined; outcome: AroiOutcome }>();
const withCache = new WeakMap<AroiOutcome, { overrides: Record<string, Override>; outcome: AroiOutcome }>();

/** The A-ROI analysis with the user's overrides applied; null until "Analyse initiatives". Memoised on its inputs. */
export function aroiOutcome(s: RootState): AroiOutcome | null {
  const tables = s.initiatives.tables;
  if (!tables) return null;
  const ids = s.allocation.parsed ? s.allocation.parsed.schools.map((x) => x.id) : undefined;
  let base = baseCache.get(tables);
  if (!base || (base.ids ?? []).join("\u0000") !== (ids ?? []).join("\u0000") || (base.ids === undefined) !== (ids === undefined)) {
    base = { ids, outcome: aroiFromTables(tables, ids) };
    baseCache.set(tables, base);
  }
  const b = base.outcome;
  if (b.kind !== "ok") return b;
  const overrides = s.initiatives.overrides;
  const cached = withCache.get(b);
  if (cached && cached.overrides === overrides) return cached.outcome;
  const names = new Set(b.analysis.results.map((r) => r.name.trim().toLowerCase()));
  const outcome: AroiOutcome = {
    kind: "ok",
    analysis: withOverrides(b.analysis, overrides),
    unknownOverrides: Object.keys(overrides).filter((n) => !names.has(n.trim().toLowerCase())),
  };
  withCache.set(b, { overrides, outcome });
  return outcome;
}

export async function writeAroi(env: Env): Promise<void> {
  const aroi = aroiOutcome(env.getState());
  if (!aroi || aroi.kind !== "ok") return;
  await writePlans(env, AROI_WRITE, () => aroiPlans(aroi.analysis));
}
