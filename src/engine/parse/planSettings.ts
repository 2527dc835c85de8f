/** Policy settings read by the planning features (sfs plan), as the policy-settings registry declares them. */
import { findSetting, PLAN_SETTING_SPECS, readByPlanning } from "../policySettings";

/** Planning settings without a level or source after the name, by normalised name. */
export const PLAN_SETTINGS: Readonly<Record<string, string>> = Object.fromEntries(
  PLAN_SETTING_SPECS.filter((s) => !s.suffix).map((s) => [s.name.toLowerCase().replace(/[\s_-]+/g, ""), s.name]),
);

/** True when a Policy setting name is one the planning features read. */
export function isPlanSetting(key: string): boolean {
  const match = findSetting(key);
  return match !== null && readByPlanning(match.spec);
}
