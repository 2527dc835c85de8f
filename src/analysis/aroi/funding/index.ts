/**
 * Funding reconciliation of the A-ROI inventory: the sources paying for each initiative, compared with what the
 * allocation leaves for them. The Funding Source cell language (cell.ts), the school check's maximum flow
 * (flow.ts), the reconciliation (reconcile.ts); its wording is in src/words/funding.ts.
 */
export * from "./types";
export * from "./cell";
export * from "./flow";
export * from "./reconcile";
