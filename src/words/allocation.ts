/**
 * All wording of the allocation in one place: the engine's rules return codes and numbers (Line, RuleNote,
 * AllocationWarning); the sheets, the pane, the calculators, the JSON and the CLI read the words here.
 */
import { count, dollars, dollarsAndCents, MINUS, signedChange } from "../engine/money";
import type { Adjustment, AllocationWarning, Line, RuleNote } from "../engine/types";

/** What an adjustment rule did to a school, in a short phrase. */
export function adjustmentWords(a: string): string {
  switch (a) {
    case "MOB":
      return "Topped up to the minimum operating budget";
    case "Hold harmless":
      return "Held harmless (floor on the loss against the current budget)";
    case "Gain cap":
      return "Gain capped against the current budget";
    case "Phase-in":
      return "Phase-in of the move from the current budget";
    case "Revenue trigger":
      return "Weights not yet turned on (revenue trigger): current unrestricted budget scaled to the pool";
    case "Norm adjustment":
      return "Norm-based adjustment (towards the site's norm budget)";
    default:
      return "Budget-neutral rescaling (keeps the general money paid to schools unchanged: pays for floors, caps and norm adjustments)";
  }
}

/** One explanation line in words: "333 Elementary students × $3,685.20 = $1,227,171.60 (State Base Aid)". */
export function lineText(l: Line): string {
  switch (l.kind) {
    case "foundation":
      return `Foundation per school from ${l.source}: ${dollars(l.amount)}`;
    case "shortfall":
      return `${l.source} cannot pay all its fixed-rate lines: ${signedChange(l.amount, dollars)}`;
    case "attendance": {
      const a = l.attendance;
      const who = l.category === "Base" || l.category === null || l.category === "Students" ? "students" : `${l.category} students`;
      const head = a ? `Average daily attendance: ${count(a.enrolled)} enrolled × ${attendancePercent(a.rate)} = ${count(a.funded)} funded; ` : "Average daily attendance: ";
      return `${head}${count(l.count ?? 0)} ${l.level ?? ""} ${who} × ${dollars(l.rate ?? 0)} = ${dollars(l.amount)} (${l.source})`;
    }
    case "adjustment":
      if (l.rule === "Norm adjustment" && l.norm) return normLineText(l.source, l.norm, l.amount);
      return `${adjustmentWords((l.rule ?? "Rescaled") as NonNullable<Adjustment>)} (${l.source}): ${signedChange(l.amount, dollars)}`;
    default: {
      const who = l.category === "Base" || l.category === null ? "students" : `${l.category} students`;
      return `${count(l.count ?? 0)} ${l.level ?? ""} ${who} × ${dollars(l.rate ?? 0)} = ${dollars(l.amount)} (${l.source})`;
    }
  }
}

/** An attendance rate as printed: two decimals of a percent (93.80%). */
export function attendancePercent(rate: number): string {
  return `${(Math.round(rate * 10000) / 100).toFixed(2)}%`;
}

/** A rule's note in words, e.g. "Hold harmless: 95% × $2,923,024 = $2,776,873 at least (non-grant money)". */
export function ruleNoteWords(n: RuleNote): string {
  const v = n.values;
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  switch (n.code) {
    case "mob":
      return `Minimum operating budget: at least ${dollars(v.floor)} of non-grant money`;
    case "holdHarmless":
      return `Hold harmless: at least ${pct(v.share)} × ${dollars(v.current)} = ${dollars(v.floor)} of non-grant money`;
    case "gainCap":
      return `Gain cap: at most (100% + ${pct(v.share)}) × ${dollars(v.current)} = ${dollars(v.ceiling)} of non-grant money`;
  }
}

/** An allocation warning in words, as the Summary sheet, summary.json, the pane and the CLI's notes print it. */
export function allocationWarningText(w: AllocationWarning): string {
  switch (w.code) {
    case "gainCapHeld":
      return `Every school is at its gain cap: ${dollars(w.held)} of general money is held centrally.`;
    case "unfunded":
      return `The fixed $ per pupil formula costs more than the sources can pay: ${dollarsAndCents(w.unfunded)} is unfunded (shown per school).`;
    case "noEligiblePupils":
      return `${w.source}: no eligible weighted pupils for ${w.category ?? "the formula"}; its school pool of ${dollars(w.pool)} is held centrally.`;
  }
}

/** The label of a school's prior-year carry-over, wherever it is shown. */
export const CARRIED_LABEL = "Carried from the prior year";
/** The label of what a school has to spend: this year's allocation + what it carried. */
export const AVAILABLE_LABEL = "Available to spend";

/** A carried amount in words with its sign: "surplus +$12,000.00", "deficit −$8,000.00", "none ($0.00)". */
export function carriedWords(c: number): string {
  if (c > 0) return `surplus ${signedChange(c, dollarsAndCents)}`;
  if (c < 0) return `deficit ${signedChange(c, dollarsAndCents)}`;
  return "none ($0.00)";
}

/** A share as printed in the norm adjustment's line: up to two decimals of a percent ("50%", "12.5%"). */
export function sharePercent(x: number): string {
  return `${Math.round(x * 10000) / 100}%`;
}

/**
 * The norm-based adjustment in words, checkable by hand: "Norm-based adjustment: 50% × ($2,400,000 norm budget −
 * $2,310,000 formula) = +$45,000" (amounts written like every other line: cents only when there are some); when the
 * school's adjustment is split over several general sources, this source's part follows: "…, of which State Base
 * Aid +$30,000".
 */
export function normLineText(source: string, n: { share: number; budget: number; formula: number; amount: number }, part: number): string {
  const head = `Norm-based adjustment: ${sharePercent(n.share)} × (${dollars(n.budget)} norm budget ${MINUS} ${dollars(n.formula)} formula) = ${signedChange(n.amount, dollars)}`;
  return part === n.amount ? `${head} (${source})` : `${head}, of which ${source} ${signedChange(part, dollars)}`;
}
