/**
 * The A-ROI analysis in words: its notes, why an A-ROI is missing, the data an initiative lacks, where a gain is
 * concentrated, the reasons for the suggested actions, the principal-feedback quadrants and the sunset → expand
 * what-if. The analysis returns codes and numbers (src/analysis/aroi); the sheets, the pane and the CLI read these.
 */
import type { ActionReason, AroiMissing, AroiWarning, Concentration, MissingData, Quadrant, ReturnComparison, WhatIf } from "../analysis/aroi";
import { formatDollars, formatNumber } from "../analysis/aroi";

export { savedChoiceUnmatchedText, type SavedChoice } from "./savedChoice";

/** An A-ROI note as printed (CLI, pane, JSON). */
export function aroiWarningText(w: AroiWarning): string {
  switch (w.code) {
    case "segmentUnknown":
      return `Initiative Segments row ${w.row}: initiative "${w.initiative}" is not in the Initiatives table; the row is ignored.`;
    case "overrideUnknown":
      return `Override for "${w.name}" ignored: no initiative has that name.`;
    case "overrideAction":
      return `Override for "${w.name}" ignored: "${w.action}" is not an action.`;
  }
}

/** Why an A-ROI is null, as printed after "No A-ROI: ". */
export function aroiMissingText(why: AroiMissing): string {
  switch (why) {
    case "noOutcome":
      return "no outcome data (Learning Gain is blank)";
    case "noCost":
      return "total cost is $0, so there is no return per dollar to compute";
  }
}

/** Data an initiative lacks, as listed after "Missing: " (joined with "; "). */
export function missingDataText(m: MissingData): string {
  switch (m) {
    case "cost":
      return "cost data (Direct Cost is $0 or blank)";
    case "outcome":
      return "outcome data (Learning Gain is blank)";
    case "segments":
      return "segment data (no rows in Initiative Segments)";
  }
}

/** "12.5%" with at most one decimal. */
function pct(x: number): string {
  return `${Number((x * 100).toFixed(1))}%`;
}

/** Where the gain is concentrated, with the rule it meets. */
export function concentrationText(c: Concentration): string {
  return (
    `segment "${c.segment}" holds ${pct(c.impactShare)} of the learning gain × students ` +
    `with ${pct(c.studentShare)} of the students (rule: ≥ ${pct(c.rule.concentrationImpactShare)} of the gain with < ${pct(c.rule.concentrationStudentShare)} of the students)`
  );
}

/** The top share in words: third, quarter, half, or a percent. */
function shareWord(share: number): string {
  if (Math.abs(share - 1 / 3) < 1e-9) return "third";
  if (Math.abs(share - 1 / 4) < 1e-9) return "quarter";
  if (Math.abs(share - 1 / 2) < 1e-9) return "half";
  return `${Number((share * 100).toFixed(1))}%`;
}

/** "A-ROI 2.5 effect size × students per $1,000" */
function aroiPer1000Text(aroi: number, unit: string): string {
  return `A-ROI ${formatNumber(aroi * 1000)} ${unit} × students per $1,000`;
}

/** The expand and keep reasons: the A-ROI against the top share, the cost per student against the median. */
function returnText(r: ({ code: "expand" } & ReturnComparison) | ({ code: "keep"; top: boolean; gain: number; lowGain: number } & ReturnComparison)): string {
  const perStudentText = r.perStudent === null ? "cost per student is unknown (no students served)" : `cost per student ${formatDollars(r.perStudent)}`;
  const medianText = r.medianPerStudent === null ? "" : ` the median ${formatDollars(r.medianPerStudent)}`;
  const topText = r.topThreshold === null ? "" : `${formatNumber(r.topThreshold * 1000)}`;
  const share = shareWord(r.topShare);
  if (r.code === "expand") {
    return `${aroiPer1000Text(r.aroi, r.unit)} is in the top ${share} (at or above ${topText} per $1,000) and ${perStudentText} is at or below${medianText}: a low-cost initiative with strong impact to scale up.`;
  }
  const why = !r.top
    ? `is below the top ${share} (${topText} per $1,000 or more)`
    : `is in the top ${share} but ${perStudentText}${r.perStudent === null ? "" : ` is above${medianText}`}`;
  return `${aroiPer1000Text(r.aroi, r.unit)} ${why}, with learning gain ${formatNumber(r.gain)} ${r.unit} above ${formatNumber(r.lowGain)}: keep.`;
}

/** The reason for a suggested action, naming the numbers the rule compared. */
export function actionReasonText(r: ActionReason): string {
  switch (r.code) {
    case "segment":
      return `Gain is concentrated: ${concentrationText(r.concentration)}. Focus the initiative on that segment and find a better approach for the others.`;
    case "fix": {
      const outcome = r.gain === null ? "no outcome data yet" : `learning gain ${formatNumber(r.gain)} ${r.unit}`;
      return `Principals rate importance ${formatNumber(r.importance)} (≥ ${r.minImportance}) but effectiveness ${formatNumber(r.effectiveness)} (≤ ${r.maxEffectiveness}); ${outcome}. A critical need that is not delivering: fix how it is implemented.`;
    }
    case "sunset":
      return `${lowGainText(r)} and principals rate importance ${formatNumber(r.importance)} (≤ ${r.maxImportance}): not delivering results.`;
    case "replace": {
      const imp = r.importance === null ? "importance is not rated" : `principals rate importance ${formatNumber(r.importance)} (> ${r.maxImportance})`;
      return `${lowGainText(r)} but ${imp}: replace it with a stronger option for the same need.`;
    }
    case "collectData":
      return `No A-ROI: ${r.why === null ? "missing data" : aroiMissingText(r.why)}. Collect the missing data before deciding.`;
    case "expand":
    case "keep":
      return returnText(r);
  }
}

function lowGainText(r: { gain: number; lowGain: number; unit: string }): string {
  return `Learning gain ${formatNumber(r.gain)} ${r.unit} is at or below ${formatNumber(r.lowGain)}`;
}

/** A principal-feedback quadrant as printed. */
export function feedbackQuadrantText(q: Quadrant): string {
  switch (q) {
    case "importantEffective":
      return "Important & effective";
    case "importantNotEffective":
      return "Important, not effective";
    case "effectiveLessImportant":
      return "Effective, less important";
    case "lessImportantNotEffective":
      return "Less important & not effective";
  }
}

/** The sunset → expand what-if in one sentence (sheet, pane, JSON, CLI). */
export function whatIfText(w: WhatIf): string {
  if (!w.sunset.length) return "No initiative is set to sunset, so no money is freed.";
  if (!w.expand.length) return `Sunsetting frees ${formatDollars(w.freed)}, but no initiative is set to expand: the money stays unallocated.`;
  return `Sunsetting ${w.sunset.length} initiative(s) frees ${formatDollars(w.freed)}; spread over ${w.expand.length} expand candidate(s) in proportion to their cost, it reaches ${formatNumber(w.extraStudents)} more student(s) at their current cost per student (${formatDollars(w.unspent)} left over after whole students).`;
}
