/**
 * The regressions' terms and problems as data, in a module of their own without the matrix library, so that what
 * words them (src/words/equity.ts, read by the pane's charts) does not load the solver.
 */

/**
 * The school-size control of the multivariate regression (as in the DBOM's): the natural log of the school's
 * Students, so its coefficient is $ per pupil per unit of ln(Students); a school twice the size differs by
 * coefficient × ln 2, other things equal. A regressor is a need share (named as in Enrollment) or this control;
 * src/words/equity.ts names it.
 */
export const SIZE_TERM = { term: "schoolSize" } as const;
export type SizeTerm = typeof SIZE_TERM;
/** A regressor's name: a need share's, or the school-size control. */
export type TermName = string | SizeTerm;

/** True for the school-size control (also for a copy of it, e.g. after a round trip through JSON). */
export function isSizeTerm(t: TermName): t is SizeTerm {
  return typeof t !== "string" && t.term === SIZE_TERM.term;
}

/** Why a line or a regression could not be fitted (worded by src/words/equity.ts fitProblemText). */
export type FitProblem =
  /** A simple line needs two schools; `n` were usable. */
  | { code: "lineTooFew"; n: number }
  /** Every school has the same share. */
  | { code: "sameShare" }
  /** Fewer schools (`n`) than coefficients (`p`: the intercept and `shares` regressors). */
  | { code: "tooFewSchools"; n: number; p: number; shares: number }
  /** No school has a positive weight. */
  | { code: "noWeight" }
  /** The regressor `term` is a linear combination of the intercept and the regressors before it. */
  | { code: "collinear"; term: TermName }
  /** Enrollment has no need category. */
  | { code: "noNeeds" };
