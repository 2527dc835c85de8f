/**
 * Labels shared by the sheets and the pane, in a module of their own so the pane can show them without loading
 * the sheet builders (those load when the results are written).
 */

/** The labels of the two weights, the same wherever weights are shown. */
export const WEIGHT_LABELS = {
  nominal: "Weights you set (Weights table)",
  effective: "Effective weights (all sources, restricted and grants included)",
} as const;
