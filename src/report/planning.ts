/**
 * Every planning sheet (issue 8) in workbook order: Plan Summary, Plan Schools, one Plan <year> per year, Shadow
 * Notice, Budget Tree, Cost Drivers, Savings, Funded Priorities (those the analysis allows). Shared by `sfs plan`
 * and the task pane, so both write the same sheets. Plain data only.
 */
import type { PlanAnalysis } from "../analysis/plan";
import { budgetTreePlan, costDriversPlan } from "./budgetTree";
import { multiYearPlans } from "./multiYear";
import type { SheetPlan } from "./plan";
import { fundingPlan, savingsPlan } from "./savings";
import { shadowPlan } from "./shadow";

/** Every planning sheet the analysis allows, in workbook order. */
export function planningPlans(p: PlanAnalysis): SheetPlan[] {
  const plans: SheetPlan[] = [...multiYearPlans(p.plan)];
  if (p.shadow) plans.push(shadowPlan(p.shadow, { title: p.plan.years[0]?.label }));
  if (p.tree) plans.push(budgetTreePlan(p.tree));
  if (p.drivers) plans.push(costDriversPlan(p.drivers));
  if (p.savings) plans.push(savingsPlan(p.savings));
  if (p.funding) plans.push(fundingPlan(p.funding));
  return plans;
}
