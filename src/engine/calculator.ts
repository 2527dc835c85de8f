/**
 * The school calculator (see calculator/model.ts): one school's budget as formulas assembled from the engine's
 * rules, evaluated here and written as Excel formulas by src/report/calculator.ts. This module re-exports the
 * model; what drives the budget, in plain sentences, is calculatorDrivers (src/words/calculator.ts).
 */

export { calculatorContext, calculatorModel, evaluateModel, originalCounts, schoolAtFixedRates, type FixedRateBudget } from "./calculator/model";
export { fixed12 } from "./formula/numbers";
export type { CalculatorContext } from "./calculator/sources";
export type * from "./calculator/types";
