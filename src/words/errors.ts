/**
 * Input problems as one line of text each, e.g.
 * `Revenue row 7, column "Amount" (C7): expected a dollar amount ≥ 0, found "abc"`.
 * The sheet is named only when it differs from the table's name (an Excel table on another sheet).
 */
import { DecisionError, DecisionIndexError } from "../engine/decisions";
import { andList } from "../engine/listText";
import { quoteSheet } from "../engine/excelNames";
import { dollars } from "../engine/money";
import { policySetting, type PolicyKey } from "../engine/policySettings";
import type { AllocationProblem, Cause, InputError, WordedError } from "../engine/types";
import { decisionIndexText } from "./decisions";
import { expectationWords, findingWords } from "./parseErrors";

function otherSheet(e: InputError): string | null {
  return e.sheet && e.sheet.trim().toLowerCase() !== e.table.trim().toLowerCase() ? e.sheet : null;
}

/** Where the problem is: `Revenue row 7, column "Amount" (C7)`, `Weights, column "Level"`, `Policy`. */
export function errorLocation(e: InputError): string {
  const sheet = otherSheet(e);
  let where = e.table;
  if (e.row !== null) where += ` row ${e.row}`;
  if (e.column !== null) where += `, column "${e.column}"`;
  if (e.cell) where += ` (${sheet !== null ? `${quoteSheet(sheet)}!` : ""}${e.cell})`;
  else if (sheet !== null) where += ` (sheet ${quoteSheet(sheet)})`;
  return where;
}

/** "Hold Harmless (Policy row 4)", "Hold Harmless (set in the pane)", "Minimum Budget (Schools)". */
function causeWords(c: Cause): string {
  if (c.kind === "minimumBudget") return "Minimum Budget (Schools)";
  return `${policySetting(c.setting as PolicyKey).name} (${c.row !== null ? `Policy row ${c.row}` : "set in the pane"})`;
}

/** The words of a problem the allocation finds, from its code, causes and figures. */
function problemWords(e: AllocationProblem): { expected: string; found: string } {
  const causes = e.causes.map(causeWords);
  const v = e.values ?? {};
  // At a setting's Policy cell the sentence names the setting first, as every setting's problem does.
  const named = (expected: string, found: string) => ({
    expected: e.setting !== undefined && e.row !== null ? `${policySetting(e.setting as PolicyKey).name}: ${expected}` : expected,
    found,
  });
  if (e.code === "normWithoutBudget") return named("0% unless Schools has a Norm Budget column", "no Norm Budget for any school");
  if (e.code === "foundationNoPayer")
    return named("at least one Unlocked, unrestricted source that funds All for all schools, to pay the foundation", `${dollars(v.amount ?? 0)} per school and no such source`);
  if (e.code === "foundationTooLarge") {
    const schools = v.schools ?? 0;
    const available = v.available ?? 0;
    return named(`at most ${dollars(Math.floor(available / schools))} per school (the general school pool ${dollars(available)} ÷ ${schools} schools)`, dollars(v.amount ?? 0));
  }
  if (e.code === "foundationSource")
    return named(`a foundation that ${e.source ?? ""} can pay from its school pool`, `${dollars(v.need ?? 0)} needed, ${dollars(v.available ?? 0)} available`);
  if (e.code === "noGeneralMoney")
    return {
      expected: "general money to move between schools: an Unlocked, unrestricted source that funds All and is eligible for all schools",
      found: `no such source, while ${andList(causes)} change school totals (a combination: add such a source or change those settings)`,
    };
  // At a setting's Policy cell the sentence names the setting first, as every setting's problem does.
  const setting = e.setting !== undefined && e.row !== null ? `${policySetting(e.setting as PolicyKey).name}: ` : "";
  return {
    expected: `${setting}floors that the general school money can pay (${dollars(e.values?.available ?? 0)})`,
    found: `floors needing ${dollars(e.values?.need ?? 0)} of general money${causes.length > 1 ? `, from ${andList(causes)} together` : ""}`,
  };
}

/**
 * What was expected and what was found: as the reader wrote them, or built from a problem's data (an input reader's
 * codes, src/words/parseErrors.ts, or the allocation's); the plan year
 * is named after what was expected when the problem is in one year of a multi-year plan.
 */
export function errorWords(e: InputError): { expected: string; found: string } {
  const w =
    e.expected !== undefined
      ? { expected: e.expected, found: e.found }
      : e.code === "input"
        ? { expected: expectationWords(e.expect), found: findingWords(e.saw) }
        : problemWords(e);
  return e.planYear ? { ...w, expected: `${w.expected} (in plan year ${e.planYear.year}, ${e.planYear.label})` } : w;
}

/**
 * A problem with its words in place of its data (`expected`, `found` as sentences, the location kept): the form
 * surfaces that show or compare problems field by field use.
 */
export function wordedError(e: InputError): WordedError {
  const { code: _code, expect: _expect, saw: _saw, causes: _causes, values: _values, setting, ...place } = e;
  return { ...place, ...(e.code === "setting" ? { code: "setting" as const, setting } : {}), ...errorWords(e) };
}

/**
 * What a failed change says: a decision the district cannot take as `Weights, Per Pupil: expected …, found …`, any
 * other error by its message.
 */
export function thrownWords(e: unknown): string {
  if (e instanceof DecisionError) {
    const w = errorWords(e.problem);
    return `${e.message}: expected ${w.expected}, found ${w.found}`;
  }
  if (e instanceof DecisionIndexError) return decisionIndexText(e);
  return e instanceof Error ? e.message : String(e);
}

/** One line: location, what was expected, what was found. */
export function formatError(e: InputError): string {
  const w = errorWords(e);
  return `${errorLocation(e)}: expected ${w.expected}, found ${w.found}`;
}

/** Every error, one per line. */
export function formatErrors(errors: InputError[]): string {
  return errors.map(formatError).join("\n");
}
