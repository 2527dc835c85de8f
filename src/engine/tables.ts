/** The input tables every part reads, by their contract names (shared/spec/workbook-contract.md). */

/** The contract's tables, in contract order (also the order problems are reported in). */
export const CONTRACT_TABLES = ["Schools", "Enrollment", "Weights", "Revenue", "Policy", "Initiatives", "Initiative Segments"] as const;

/**
 * The project's further optional tables: actual spending (equity), planning (budget tree, savings, projections),
 * stakeholder surveys and the readiness inventory, peer districts, and school outcomes.
 */
export const EXTRA_TABLES = [
  "Spending",
  "Budget Lines",
  "Opportunities",
  "Projections",
  "Survey Responses",
  "Survey Items",
  "Survey Waves",
  "Readiness",
  "Peers",
  "Outcomes",
] as const;

/** Every input table a workbook may hold, contract tables first. */
export const INPUT_TABLES = [...CONTRACT_TABLES, ...EXTRA_TABLES] as const;

export type ContractTable = (typeof CONTRACT_TABLES)[number];
export type InputTable = (typeof INPUT_TABLES)[number];
