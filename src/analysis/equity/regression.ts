/**
 * Ordinary least squares for the DBOM regressions: per-pupil $ on the poverty share (simple) and on every need
 * share at once (multivariate), unweighted (each school one observation) or weighted by pupils.
 *
 * Weighted fits are weighted least squares with analytic weights: weights are rescaled to sum to the number of
 * schools n, so coefficients are the pupil-weighted fit and standard errors use σ² = Σ wᵢ eᵢ² / (n − p) with n the
 * number of schools (pupils in one school are not independent observations). Unweighted fits are the textbook
 * forms: σ² = SSE / (n − p), SE(βⱼ) = √(σ² · [(XᵀX)⁻¹]ⱼⱼ), R² = 1 − SSE / SST.
 * The multivariate fit is solved by QR decomposition (ml-matrix), not through the normal equations; a singular design
 * is reported, never papered over.
 */
import { inverse, Matrix, QrDecomposition } from "ml-matrix";
import { linearRegression, weightedLinearRegression } from "simple-statistics";

export { SIZE_TERM, isSizeTerm, type FitProblem, type SizeTerm, type TermName } from "./terms";
import type { FitProblem, TermName } from "./terms";

export type SimpleFit =
  | {
      ok: true;
      n: number;
      slope: number;
      intercept: number;
      /** Null when y does not vary (nothing to explain). */
      r2: number | null;
      /** Null when n ≤ 2. */
      seSlope: number | null;
      seIntercept: number | null;
    }
  | { ok: false; problem: FitProblem };

export type MultiFit =
  | {
      ok: true;
      n: number;
      /** "Intercept" then the regressors' names. */
      names: ("Intercept" | TermName)[];
      coefficients: number[];
      /** Null when n = p (no degrees of freedom left). */
      standardErrors: (number | null)[];
      /** coefficient / standard error (null when the SE is null or 0). */
      tStats: (number | null)[];
      r2: number | null;
      adjustedR2: number | null;
      /** √(σ²): typical size of what the regressors leave unexplained. */
      residualSd: number | null;
      residuals: number[];
      /** Set when the fit had to leave out the school-size control: why it could not be estimated. */
      sizeLeftOut?: FitProblem;
    }
  | { ok: false; problem: FitProblem };

function normalisedWeights(n: number, w?: readonly number[] | null): number[] {
  if (!w) return new Array<number>(n).fill(1);
  let total = 0;
  for (let i = 0; i < n; i++) total += w[i];
  return Array.from({ length: n }, (_, i) => (w[i] * n) / total);
}

/** Keep observations with finite values and (when weighted) a positive weight. */
function usable(n: number, ok: (i: number) => boolean, w?: readonly number[] | null): number[] {
  const keep: number[] = [];
  for (let i = 0; i < n; i++) if (ok(i) && (!w || (w[i] > 0 && Number.isFinite(w[i])))) keep.push(i);
  return keep;
}

/** OLS (or pupil-weighted WLS) of y on x, slope and intercept from simple-statistics. */
export function simpleOls(xAll: readonly number[], yAll: readonly number[], wAll?: readonly number[] | null): SimpleFit {
  const keep = usable(xAll.length, (i) => Number.isFinite(xAll[i]) && Number.isFinite(yAll[i]), wAll);
  const n = keep.length;
  if (n < 2) return { ok: false, problem: { code: "lineTooFew", n } };
  const x = keep.map((i) => xAll[i]);
  const y = keep.map((i) => yAll[i]);
  const w = normalisedWeights(n, wAll ? keep.map((i) => wAll[i]) : null);
  let W = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    W += w[i];
    sx += w[i] * x[i];
    sy += w[i] * y[i];
  }
  const mx = sx / W;
  const my = sy / W;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxx += w[i] * (x[i] - mx) ** 2;
    syy += w[i] * (y[i] - my) ** 2;
  }
  if (!(sxx > 1e-12 * (1 + mx * mx))) return { ok: false, problem: { code: "sameShare" } };
  const pairs = x.map((xi, i) => [xi, y[i]]);
  const { m, b } = wAll ? weightedLinearRegression(pairs, w) : linearRegression(pairs);
  let sse = 0;
  for (let i = 0; i < n; i++) sse += w[i] * (y[i] - (b + m * x[i])) ** 2;
  // Equal values leave syy at rounding noise when the weighted mean is not exact: no variation, so no R².
  const r2 = syy > 1e-20 * (1 + my * my) * W ? Math.max(0, 1 - sse / syy) : null;
  let seSlope: number | null = null;
  let seIntercept: number | null = null;
  if (n > 2) {
    const s2 = sse / (n - 2);
    seSlope = Math.sqrt(s2 / sxx);
    seIntercept = Math.sqrt(s2 * (1 / W + (mx * mx) / sxx));
  }
  return { ok: true, n, slope: m, intercept: b, r2, seSlope, seIntercept };
}

export type LeastSquares = { ok: true; solution: number[]; inverse: number[][] } | { ok: false; column: number };

/**
 * Least squares min ‖X·β − y‖ by Householder QR (ml-matrix's QrDecomposition): X = Q·R, β = R⁻¹·Qᵀy, and
 * (XᵀX)⁻¹ = R⁻¹·R⁻ᵀ for the standard errors. Solving through R never squares the condition number as the normal
 * equations do. A column k is a linear combination of the columns before it when |Rₖₖ| (the length of what is left
 * of column k once the earlier columns are projected out) is below `tolerance` × the column's own length: |Rₖₖ|² / ‖xₖ‖²
 * is 1 − R² of column k on the earlier ones. That column is reported and nothing is solved.
 */
export function leastSquares(X: readonly (readonly number[])[], y: readonly number[], tolerance = 1e-9): LeastSquares {
  const p = X[0]?.length ?? 0;
  if (X.length === 0 || p === 0) return { ok: false, column: 0 };
  const qr = new QrDecomposition(new Matrix(X.map((row) => [...row])));
  const R = qr.upperTriangularMatrix;
  for (let k = 0; k < p; k++) {
    let norm = 0;
    for (const row of X) norm += row[k] * row[k];
    norm = Math.sqrt(norm);
    if (!(norm > 0) || !(Math.abs(R.get(k, k)) > tolerance * norm)) return { ok: false, column: k };
  }
  const beta = qr.solve(Matrix.columnVector([...y]));
  const rInv = inverse(R.subMatrix(0, p - 1, 0, p - 1));
  const inv = rInv.mmul(rInv.transpose());
  return { ok: true, solution: beta.getColumn(0), inverse: inv.to2DArray() };
}

/**
 * Multivariate OLS of y on the columns of `rows` (one row per observation, regressors without the intercept),
 * with an intercept; pupil-weighted WLS when `weights` is given.
 */
export function multipleOls(
  rows: readonly (readonly number[])[],
  yAll: readonly number[],
  names: readonly TermName[],
  weights?: readonly number[] | null,
): MultiFit {
  const keep = usable(rows.length, (i) => Number.isFinite(yAll[i]) && rows[i].every((v) => Number.isFinite(v)), weights);
  const n = keep.length;
  const p = names.length + 1;
  if (n < p) return { ok: false, problem: { code: "tooFewSchools", n, p, shares: names.length } };
  const X = keep.map((i) => [1, ...rows[i]]);
  const y = keep.map((i) => yAll[i]);
  const w = normalisedWeights(n, weights ? keep.map((i) => weights[i]) : null);
  // Weighted least squares as ordinary least squares on rows scaled by √wᵢ.
  const root = w.map(Math.sqrt);
  const solved = leastSquares(
    X.map((row, i) => row.map((v) => v * root[i])),
    y.map((v, i) => v * root[i]),
  );
  const allNames: ("Intercept" | TermName)[] = ["Intercept", ...names];
  if (!solved.ok) return { ok: false, problem: solved.column === 0 ? { code: "noWeight" } : { code: "collinear", term: names[solved.column - 1] } };
  const beta = solved.solution;
  const residuals = X.map((row, i) => y[i] - row.reduce((s, v, j) => s + v * beta[j], 0));
  let W = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    W += w[i];
    my += w[i] * y[i];
  }
  my /= W;
  let sse = 0;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    sse += w[i] * residuals[i] ** 2;
    sst += w[i] * (y[i] - my) ** 2;
  }
  const r2 = sst > 0 ? Math.max(0, 1 - sse / sst) : null;
  const dof = n - p;
  const s2 = dof > 0 ? sse / dof : null;
  const standardErrors = beta.map((_, j) => (s2 === null ? null : Math.sqrt(Math.max(0, s2 * solved.inverse[j][j]))));
  const tStats = beta.map((bj, j) => {
    const se = standardErrors[j];
    return se === null || se === 0 ? null : bj / se;
  });
  const adjustedR2 = r2 === null || dof <= 0 ? null : 1 - ((1 - r2) * (n - 1)) / dof;
  return {
    ok: true,
    n,
    names: allNames,
    coefficients: beta,
    standardErrors,
    tStats,
    r2,
    adjustedR2,
    residualSd: s2 === null ? null : Math.sqrt(s2),
    residuals,
  };
}
