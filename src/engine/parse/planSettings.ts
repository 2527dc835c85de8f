/** Policy settings read by the planning features (sfs plan); kept here so the Policy parser knows them too. */
export const PLAN_SETTINGS = {
  budgetyear: "Budget Year",
  fiscalyearstart: "Fiscal Year Start",
  planyears: "Plan Years",
  targetyear: "Target Year",
  holdharmlessdecay: "Hold Harmless Decay",
  revenuetrigger: "Revenue Trigger",
} as const;
export const ENROLLMENT_GROWTH = "enrollmentgrowth";
export const REVENUE_GROWTH = "revenuegrowth";

/** True when a normalised Policy setting name is one the planning features read. */
export function isPlanSetting(key: string): boolean {
  return key in PLAN_SETTINGS || key.startsWith(ENROLLMENT_GROWTH) || key.startsWith(REVENUE_GROWTH);
}
