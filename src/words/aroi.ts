/** The A-ROI analysis's notes in words. */
import type { AroiWarning } from "../analysis/aroi";

/** An A-ROI note as printed (CLI, pane, JSON). */
export function aroiWarningText(w: AroiWarning): string {
  switch (w.code) {
    case "segmentUnknown":
      return `Initiative Segments row ${w.row}: initiative "${w.initiative}" is not in the Initiatives table; the row is ignored.`;
    case "overrideUnknown":
      return `Override for "${w.name}" ignored: no initiative has that name.`;
    case "overrideAction":
      return `Override for "${w.name}" ignored: "${w.action}" is not an action.`;
  }
}
