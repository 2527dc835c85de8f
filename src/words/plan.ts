/** The multi-year plan's notes in words. */
import type { PlanWarning } from "../analysis/plan/multiyear";
import { allocationWarningText } from "./allocation";

/** A plan note as printed: the plan's own text, or a year's allocation warning after its label ("2026-27: …"). */
export function planWarningText(w: PlanWarning): string {
  return typeof w === "string" ? w : `${w.year}: ${allocationWarningText(w.warning)}`;
}
