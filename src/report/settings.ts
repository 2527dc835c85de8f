/**
 * Policy settings on the sheets (the Summary's Policy block, the calculators' Rates sheet), derived from the
 * policy-settings registry: one label and one value cell per setting, formatted by its kind.
 */
import { ALLOCATION_SETTINGS, settingDisplay, type PolicySetting } from "../engine/policySettings";
import type { Policy } from "../engine/types";
import type { NumberFormat, PlanValue } from "./plan";
import { dollars } from "./sheetParts";

/** The settings printed on the Summary sheet, in registry order. */
export const SUMMARY_SETTINGS: readonly PolicySetting[] = ALLOCATION_SETTINGS.filter((s) => s.surfaces.summary);

/** The settings printed on each school calculator's Rates sheet, in registry order. */
export const CALCULATOR_SETTINGS: readonly PolicySetting[] = ALLOCATION_SETTINGS.filter((s) => s.surfaces.calculator);

/** The value of a setting as a sheet shows it: dollars, a percentage (one decimal) or words. */
export function settingValue(spec: PolicySetting, policy: Policy): { v: PlanValue; fmt?: NumberFormat } {
  const d = settingDisplay(spec, policy);
  if (d.kind === "money") return { v: dollars(d.cents), fmt: "currency" };
  if (d.kind === "percent") return { v: d.fraction, fmt: spec.key === "phaseIn" ? "percent" : "percent1" };
  return { v: d.text };
}
