/** The multi-year plan's notes in words. */
import type { PlanWarning } from "../analysis/plan/multiyear";
import { allocationWarningText } from "./allocation";

/** A plan note as printed: the plan's own note, or a year's allocation warning after its label ("2026-27: …"). */
export function planWarningText(w: PlanWarning): string {
  switch (w.code) {
    case "projectionAfterPlan":
      return `Projections row ${w.row}: year ${w.year} is after the last plan year (${w.years}); the row is not used.`;
    case "levelTotalBelowSchools":
      return `Projections row ${w.row}: the ${w.level} total for year ${w.year} (${w.total}) is below the schools given their own rows (${w.fixed}); the other ${w.level} rows get 0 students.`;
    case "triggerNotReached":
      return `The unlocked pool does not reach the Revenue Trigger within the ${w.years}-year plan: the weights stay off and schools keep their current budgets scaled to the pool.`;
    case "allocation":
      return `${w.year}: ${allocationWarningText(w.warning)}`;
  }
}
