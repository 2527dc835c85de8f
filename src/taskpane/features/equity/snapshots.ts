/** Equity snapshots kept in the workbook as records named "Snapshot: <name>". */
import type { Snapshot } from "../../../analysis/equity";

/** Scenario records named "Snapshot: <name>" hold equity snapshots (JSON of `snapshot()`). */
export const SNAPSHOT_PREFIX = "Snapshot: ";
/** What the equity write is called in progress and outcome messages. */
export const EQUITY_WRITE = "equity sheets";

/** A saved equity snapshot, as listed in the pane. */
export interface SnapshotRecord {
  /** The name the user gave (without the "Snapshot: " prefix). */
  name: string;
  savedAt: string;
  /** Null when the stored JSON cannot be read (`error` says why). */
  snapshot: Snapshot | null;
  error: string | null;
}

function isStats(x: unknown): boolean {
  return !!x && typeof x === "object" && Object.values(x as Record<string, unknown>).every((v) => v === null || typeof v === "number");
}

/** A snapshot from its stored JSON, checked for the fields the comparison needs. */
export function parseSnapshot(text: string): { ok: true; snapshot: Snapshot } | { ok: false; error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: "the saved snapshot is not valid JSON" };
  }
  const x = data as Partial<Snapshot> | null;
  const okSchools =
    !!x && Array.isArray(x.perSchool) && x.perSchool.every((s) => s && typeof s.id === "string" && typeof s.name === "string" && typeof s.perPupil === "number");
  const okDeciles = !!x && Array.isArray(x.deciles) && x.deciles.every((d) => d && typeof d.decile === "number" && (d.perPupil === null || typeof d.perPupil === "number"));
  if (!x || typeof x.name !== "string" || !isStats(x.unweighted) || !isStats(x.pupilWeighted) || !okSchools || !okDeciles) {
    return { ok: false, error: "the saved snapshot lacks statistics, schools or deciles" };
  }
  return { ok: true, snapshot: x as Snapshot };
}

/** The snapshots among the workbook's records. */
export function snapshotRecords(list: readonly { name: string; savedAt: string; json: string }[]): SnapshotRecord[] {
  return list
    .filter((r) => r.name.toLowerCase().startsWith(SNAPSHOT_PREFIX.toLowerCase()))
    .map((r) => {
      const p = parseSnapshot(r.json);
      return { name: r.name.slice(SNAPSHOT_PREFIX.length), savedAt: r.savedAt, snapshot: p.ok ? p.snapshot : null, error: p.ok ? null : p.error };
    });
}
