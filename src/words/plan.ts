/** The multi-year plan's notes and the savings screener's quadrants and timings in words. */
import { dateText } from "../analysis/plan/fiscal";
import type { PlanWarning } from "../analysis/plan/multiyear";
import type { Quadrant, SavingsTiming } from "../analysis/plan/savings";
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

/** A savings quadrant as printed (sheets, pane, chart, JSON, CLI). */
export function savingsQuadrantText(q: Quadrant): string {
  switch (q) {
    case "quickWin":
      return "Quick win";
    case "majorProject":
      return "Major project";
    case "easySmallWin":
      return "Easy small win";
    case "reconsider":
      return "Reconsider";
  }
}

/** When an opportunity saves, as printed after "saves": "from 2027-28 (contract ends 2027-06-30)". */
export function savingsTimingText(t: SavingsTiming): string {
  switch (t.code) {
    case "rejected":
      return "rejected";
    case "preference":
      return "from year 1 (a district preference)";
    case "noEndDate":
      return "not within the plan (a rigid constraint with no end date)";
    case "noBudgetYear":
      return `after the contract ends ${dateText(t.contractEnd)} (set Policy "Budget Year" to place it in the plan)`;
    case "afterContract":
      return `from ${t.label} (contract ends ${dateText(t.contractEnd)})`;
  }
}
