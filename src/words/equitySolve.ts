/**
 * The weight solver's reasons in words (the pane's solve panel): why no weight reaches the target, or why the request
 * cannot be solved. The solver returns a `SolveProblem` with its values; the measure's values are written by the
 * caller's `formatValue` (the pane's $ or index), the engine's located error by `describeError` (formatError).
 */
import type { SolveProblem } from "../analysis/equity/solve";
import type { InputError } from "../engine/types";

export interface SolveWordsOptions {
  /** How a value of the measure is written (default: the number itself, 6 significant digits). */
  formatValue?: (v: number) => string;
  /** How the engine's located error is written (without it a reason names the weight only). */
  describeError?: (e: InputError) => string;
}

/** A number for reasons: an integer as is, else to 6 significant digits. */
function show(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(6)));
}

/** A weight for reasons: plain, or with an exponent when tiny. */
function showWeight(x: number): string {
  return x !== 0 && Math.abs(x) < 1e-4 ? x.toExponential(2) : show(x);
}

/** "the engine rejects the allocation at weight 0 (Policy row 4, …)", or nothing when no allocation was rejected. */
function rejectedText(r: { weight: number; error: InputError } | null, o: SolveWordsOptions): string {
  if (r === null) return "";
  return `the engine rejects the allocation at weight ${showWeight(r.weight)}${o.describeError ? ` (${o.describeError(r.error)})` : ""}`;
}

/** ": the closest value reached is $1.00 (at weight 0.5)", or nothing. */
function closestText(c: { weight: number; value: number } | null, fmt: (v: number) => string): string {
  return c ? `: the closest value reached is ${fmt(c.value)} (at weight ${showWeight(c.weight)})` : "";
}

/** Why no weight was found, starting lower-case (the pane capitalises it and adds "Nothing was changed."). */
export function solveProblemText(p: SolveProblem, o: SolveWordsOptions = {}): string {
  const fmt = o.formatValue ?? show;
  switch (p.code) {
    case "outsideRange":
      return `no solution in [${show(p.lo)}, ${show(p.hi)}]: the target ${show(p.target)} lies outside [f(${show(p.lo)}), f(${show(p.hi)})] = [${show(p.min)}, ${show(p.max)}]`;
    case "jumps":
      return (
        `no weight reaches ${fmt(p.target)} within ±${fmt(p.tolerance)}: the result jumps over it between ${show(p.a)} and ${show(p.b)} ` +
        `(rounding, floors or caps make steps)${closestText(p.closest, fmt)}`
      );
    case "noneAccepted":
      return `no weight in [${show(p.lo)}, ${show(p.hi)}] gives an allocation the engine accepts: ${rejectedText(p.rejected, o)}`;
    case "notReached":
      return (
        `no solution in the feasible range [${showWeight(p.feasible.lo)}, ${showWeight(p.feasible.hi)}]${closestText(p.closest, fmt)}` +
        (p.rejected ? `; ${rejectedText(p.rejected, o)}` : "")
      );
    case "perPupilNoBase":
      return "the category is priced in $ per pupil and the first level's Base $ per pupil is 0, so a weight cannot be converted to dollars";
    case "notNeed":
      return `"${p.category}" is not a need category in Enrollment (${p.needs.join(", ") || "none"})`;
    case "notLevel":
      return `"${p.level}" is not a level (${p.levels.join(", ")})`;
    case "emptyRange":
      return `the search range [${p.lo}, ${p.hi}] is empty`;
    case "noSchool":
      return `no school with ID "${p.schoolId}"`;
    case "failed":
      return p.message;
  }
}

/** The title of the pane's warning when no weight was found. */
export function solveProblemTitle(p: SolveProblem): string {
  switch (p.code) {
    case "outsideRange":
    case "notReached":
      return "No solution in range";
    case "jumps":
      return "No weight reaches the target exactly";
    default:
      return "Cannot solve";
  }
}
