/**
 * Where a problem the allocation finds is fixed. A setting that cannot be met is reported at its Policy row and
 * Value cell (or, when it was set in the pane, at the setting's name); a problem that several inputs make together
 * says so and names each of them, on the table where the missing thing would go.
 */
import { policySetting, type PolicyKey } from "./policySettings";
import type { AllocationProblem, Cause, Cents, District, InputError } from "./types";

/**
 * The Foundation Per School cannot be paid, as data (its words are in src/words/errors.ts): at its Policy cell
 * when the Policy table holds it, else at the setting's name.
 */
export function foundationError(d: District, code: "foundationNoPayer" | "foundationTooLarge" | "foundationSource", values: NonNullable<AllocationProblem["values"]>, source?: string): InputError {
  const at = d.policy.places?.foundationPerSchool;
  const what = { code, setting: "foundationPerSchool", causes: [], values, ...(source !== undefined ? { source } : {}) } as const;
  if (!at) return { ...what, table: "Policy", row: null, column: policySetting("foundationPerSchool").name };
  return { ...what, table: "Policy", row: at.row, column: at.column, cell: at.cell, ...(at.sheet ? { sheet: at.sheet } : {}) };
}

/**
 * Norm Adjustment is on but no school has a Norm Budget, as data (its words are in src/words/errors.ts): at the
 * setting's Policy cell when the Policy table holds it, else at the setting's name.
 */
export function normWithoutBudgetError(d: District): InputError {
  const at = d.policy.places?.normAdjustment;
  const what = { code: "normWithoutBudget", setting: "normAdjustment", causes: [] } as const;
  if (!at) return { ...what, table: "Policy", row: null, column: policySetting("normAdjustment").name };
  return { ...what, table: "Policy", row: at.row, column: at.column, cell: at.cell, ...(at.sheet ? { sheet: at.sheet } : {}) };
}

/** A setting that asks for the move, and where it was set (its Policy row, or null: set in the pane). */
function settingCause(d: District, key: PolicyKey): Cause {
  return { kind: "setting", setting: key, row: d.policy.places?.[key]?.row ?? null };
}

/** What asks the allocation to move money between schools: phase-in, hold harmless, the gain cap, minimum budgets. */
function movers(d: District, floorsOnly: boolean): Cause[] {
  const p = d.policy;
  const out: Cause[] = [];
  if (!floorsOnly && p.phaseIn < 1) out.push(settingCause(d, "phaseIn"));
  if (p.holdHarmless !== null) out.push(settingCause(d, "holdHarmless"));
  if (!floorsOnly && p.gainCap !== null) out.push(settingCause(d, "gainCap"));
  if (!floorsOnly && (p.normAdjustment ?? 0) > 0) out.push(settingCause(d, "normAdjustment"));
  if (d.schools.some((s) => s.minimum !== null && s.minimum > 0)) out.push({ kind: "minimumBudget" });
  return out;
}

/**
 * Floors, caps or phase-in change school totals but there is no general money to move: a combination, reported on
 * Revenue's Status column (a general source is what is missing), with every input that asks for the move.
 */
export function noGeneralMoneyError(d: District): InputError {
  return { code: "noGeneralMoney", table: "Revenue", row: null, column: "Status", causes: movers(d, false) };
}

/**
 * The floors need more general money than there is: at the Hold Harmless cell (or its name, when set in the pane)
 * when it is one of the causes, else on the Schools column Minimum Budget; with the figures and every cause.
 */
export function floorsError(d: District, available: Cents, need: Cents): InputError {
  const what = { code: "floors", causes: movers(d, true), values: { available, need } } as const;
  if (d.policy.holdHarmless === null) return { ...what, table: "Schools", row: null, column: "Minimum Budget" };
  const at = d.policy.places?.holdHarmless;
  const place = at ? { row: at.row, column: at.column, cell: at.cell, ...(at.sheet ? { sheet: at.sheet } : {}) } : { row: null, column: policySetting("holdHarmless").name };
  return { ...what, setting: "holdHarmless", table: "Policy", ...place };
}
