/**
 * Where a problem the allocation finds is fixed. A setting that cannot be met is reported at its Policy row and
 * Value cell (or, when it was set in the pane, at the setting's name); a problem that several inputs make together
 * says so and names each of them, on the table where the missing thing would go.
 */
import { dollars } from "./money";
import { policySetting, type PolicyKey } from "./policySettings";
import type { Cents, District, InputError } from "./types";

/** A problem with one allocation setting, at its Policy cell when the Policy table holds it. */
export function settingError(d: District, key: PolicyKey, expected: string, found: string): InputError {
  const spec = policySetting(key);
  const at = d.policy.places?.[key];
  const what = { code: "setting", setting: key } as const;
  if (!at) return { ...what, table: "Policy", row: null, column: spec.name, expected, found };
  return { ...what, table: "Policy", row: at.row, column: at.column, cell: at.cell, ...(at.sheet ? { sheet: at.sheet } : {}), expected: `${spec.name}: ${expected}`, found };
}

/** "Hold Harmless (Policy row 4)", or "Hold Harmless (set in the pane)". */
function settingWords(d: District, key: PolicyKey): string {
  const at = d.policy.places?.[key];
  return `${policySetting(key).name} (${at ? `Policy row ${at.row}` : "set in the pane"})`;
}

function list(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** What asks the allocation to move money between schools: phase-in, hold harmless, the gain cap, minimum budgets. */
function movers(d: District, floorsOnly: boolean): string[] {
  const p = d.policy;
  const out: string[] = [];
  if (!floorsOnly && p.phaseIn < 1) out.push(settingWords(d, "phaseIn"));
  if (p.holdHarmless !== null) out.push(settingWords(d, "holdHarmless"));
  if (!floorsOnly && p.gainCap !== null) out.push(settingWords(d, "gainCap"));
  if (d.schools.some((s) => s.minimum !== null && s.minimum > 0)) out.push("Minimum Budget (Schools)");
  return out;
}

/**
 * Floors, caps or phase-in change school totals but there is no general money to move: a combination, reported on
 * Revenue's Status column (a general source is what is missing) and naming every setting that asks for the move.
 */
export function noGeneralMoneyError(d: District): InputError {
  return {
    code: "noGeneralMoney",
    table: "Revenue",
    row: null,
    column: "Status",
    expected: "general money to move between schools: an Unlocked, unrestricted source that funds All and is eligible for all schools",
    found: `no such source, while ${list(movers(d, false))} change school totals (a combination: add such a source or change those settings)`,
  };
}

/**
 * The floors need more general money than there is: at the Hold Harmless row when it is one of the causes, else on
 * the Schools column Minimum Budget; the message names every cause.
 */
export function floorsError(d: District, available: Cents, need: Cents): InputError {
  const causes = movers(d, true);
  const expected = `floors that the general school money can pay (${dollars(available)})`;
  const found = `floors needing ${dollars(need)} of general money${causes.length > 1 ? `, from ${list(causes)} together` : ""}`;
  const what = { code: "floors", values: { available, need } } as const;
  if (d.policy.holdHarmless !== null) return { ...settingError(d, "holdHarmless", expected, found), ...what };
  return { ...what, table: "Schools", row: null, column: "Minimum Budget", expected, found };
}
