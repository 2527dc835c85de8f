/**
 * The outcome lines in words (`sfs equity`, the Outcomes sheet, the board pack's charts): correlation, not cause; and
 * the name of the per-pupil line that belongs to no student type.
 */
import type { SimpleFit } from "../analysis/equity/regression";
import type { OutcomesAnalysis } from "../analysis/outcomes/index";
import { fitProblemText } from "./equity";

/** " (R² 0.42)" after a fitted line with an R², else nothing. */
function r2Text(f: SimpleFit): string {
  return f.ok && f.r2 !== null ? ` (R² ${f.r2.toFixed(2)})` : "";
}

/** True when the slope is at least 2 standard errors from zero (or there is no standard error). */
function clear(f: SimpleFit & { ok: true }): boolean {
  return f.seSlope === null ? true : Math.abs(f.slope) > 2 * f.seSlope;
}

/** The readings: the line on poverty, the line on $ per pupil, the schools left out. */
export function outcomesReadings(o: OutcomesAnalysis): string[] {
  const { measure, year, onPoverty, onPerPupil, missing } = o;
  const readings: string[] = [];
  const pov = o.povertyNeed ?? "poverty";
  if (onPoverty.ok) {
    const per10 = onPoverty.slope * 10;
    readings.push(
      `${measure} (${year}): each 10 more points of ${pov} go with ${Math.abs(per10).toFixed(1)} ${per10 <= 0 ? "lower" : "higher"}${r2Text(onPoverty)}` +
        (clear(onPoverty) ? "." : ", within the noise between schools."),
    );
  } else readings.push(`${measure} against ${pov}: no line — ${fitProblemText(onPoverty.problem)}.`);
  if (onPerPupil.ok) {
    const per1000 = onPerPupil.slope * 1000;
    readings.push(
      `Each $1,000 more per pupil goes with ${Math.abs(per1000).toFixed(1)} ${per1000 < 0 ? "lower" : "higher"} ${measure}${r2Text(onPerPupil)}` +
        (clear(onPerPupil) ? "" : ", within the noise") +
        ". Money follows need in a weighted formula, so this line mixes need and effect: read it beside the poverty line, not as what money buys.",
    );
  } else readings.push(`${measure} against $ per pupil: no line — ${fitProblemText(onPerPupil.problem)}.`);
  if (missing.length) readings.push(`No ${measure} for ${year} at: ${missing.join(", ")} (left out).`);
  return readings;
}

/** The student-type line that is no student type: foundation, floors, caps, phase-in and rescaling. */
export const OTHER_STUDENT_TYPE = "Foundation and adjustments";

/** A student type as printed: the category, or the foundation-and-adjustments line (null). */
export function studentTypeText(type: string | null): string {
  return type ?? OTHER_STUDENT_TYPE;
}
