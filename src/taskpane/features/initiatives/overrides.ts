/** The user's A-ROI action overrides as kept in the workbook, and the A-ROI analysis of the Initiatives tables. */
import { ACTIONS, analyseInitiatives, type AroiAnalysis, type Override } from "../../../engine/aroi";
import { findTable, type ParseContext } from "../../../engine/parse/headers";
import { parseInitiatives, parseSegments } from "../../../engine/parse/initiatives";
import { parsePolicy } from "../../../engine/parse/policy";
import type { InputError, RawTables } from "../../../engine/types";

/** The scenario record that keeps the user's A-ROI action overrides (JSON) in the workbook. */
export const AROI_OVERRIDES_RECORD = "A-ROI overrides";
/** What the A-ROI write is called in progress and outcome messages. */
export const AROI_WRITE = "A-ROI sheets";

const OVERRIDES_FORMAT = "sfs-aroi-overrides";

/** The overrides as the JSON text stored in the "A-ROI overrides" record. */
export function serializeOverrides(overrides: Readonly<Record<string, Override>>): string {
  const entries = Object.entries(overrides)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, o]) => ({ name, action: o.action, note: o.note }));
  return JSON.stringify({ format: OVERRIDES_FORMAT, version: 1, overrides: entries });
}

/** Read the "A-ROI overrides" record back; entries that are not valid overrides are reported, not guessed. */
export function parseOverrides(text: string): { ok: true; overrides: Record<string, Override> } | { ok: false; error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: "the saved overrides are not valid JSON" };
  }
  const list = (data as { format?: unknown; overrides?: unknown } | null)?.overrides;
  if (!data || typeof data !== "object" || (data as { format?: unknown }).format !== OVERRIDES_FORMAT || !Array.isArray(list)) {
    return { ok: false, error: "the saved overrides are not in the A-ROI overrides format" };
  }
  const overrides: Record<string, Override> = {};
  for (const item of list as unknown[]) {
    const x = item as { name?: unknown; action?: unknown; note?: unknown } | null;
    if (!x || typeof x.name !== "string" || x.name.trim() === "" || !ACTIONS.includes(x.action as Override["action"])) {
      return { ok: false, error: `an entry is not an override (an initiative name and one of: ${ACTIONS.join(", ")})` };
    }
    overrides[x.name] = { action: x.action as Override["action"], note: typeof x.note === "string" ? x.note : "" };
  }
  return { ok: true, overrides };
}

/** The A-ROI analysis of the Initiatives tables, or what stops it. */
export type AroiOutcome =
  | { kind: "missing" }
  | { kind: "problems"; errors: InputError[] }
  | { kind: "ok"; analysis: AroiAnalysis; unknownOverrides: string[] };

/**
 * Analyse the Initiatives (and Initiative Segments, Policy's Learning Gain Unit) tables on their own, so that the
 * analysis works in a workbook whose allocation tables are missing or still being filled. `schoolIds` expands
 * "All" in the Schools column.
 */
export function aroiFromTables(tables: RawTables, schoolIds?: readonly string[]): AroiOutcome {
  const raw = findTable(tables, "Initiatives");
  if (!raw) return { kind: "missing" };
  const ctx: ParseContext = { errors: [], warnings: [] };
  const policy = parsePolicy(findTable(tables, "Policy"), ctx);
  const initiatives = parseInitiatives(raw, ctx);
  const segments = parseSegments(findTable(tables, "Initiative Segments"), initiatives, ctx);
  const errors = ctx.errors.filter((e) => e.table === "Initiatives" || e.table === "Initiative Segments");
  if (errors.length > 0 || initiatives.initiatives === null) return { kind: "problems", errors };
  const analysis = analyseInitiatives(initiatives.initiatives, segments, policy, undefined, undefined, schoolIds);
  return { kind: "ok", analysis, unknownOverrides: [] };
}
