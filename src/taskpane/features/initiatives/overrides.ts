/** The user's A-ROI action overrides as kept in the workbook. */
import type { AroiAnalysis, Override } from "../../../analysis/aroi";
import { ACTIONS } from "../../../analysis/aroi/actions";
import type { InputError } from "../../../engine/types";

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
