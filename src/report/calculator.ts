/**
 * Sheet plans of a school calculator workbook ("a calculator in Excel that can be distributed to each principal
 * with documentation of how his or her school's budget was calculated"): Cover, Inputs (the editable counts),
 * Rates (the district's locked figures), Budget (live formulas), Explanation (plain language) and School Plan
 * (a simplified PBAR: investments funded source by source).
 *
 * Every money formula is written from the calculator model (src/report/calculator/model, assembled from the engine's
 * rules' formulas), the same description `schoolAtFixedRates` evaluates, so the workbook and the engine cannot drift. Plain data only.
 */
import { calculatorDrivers } from "../words/calculator";
import { calculatorContext, calculatorModel, evaluateModel, originalCounts, type CalculatorContext, type CalculatorCounts, type CalculatorModel } from "./calculator/model";
import type { Allocation } from "../engine/types";
import { budgetSheet } from "./calculator/budget";
import { coverSheet } from "./calculator/cover";
import { explanationSheet } from "./calculator/explanation";
import { inputsSheet } from "./calculator/inputs";
import { Layout, Sheet } from "./calculator/layout";
import { schoolPlanSheet } from "./calculator/plan";
import { ratesSheet } from "./calculator/rates";
import { safeFileName } from "./names";
import type { SheetPlan } from "./plan";

export { DIFFERENCE_SENTENCES, differenceSentence } from "./calculator/budget";
export { SHADOW_SENTENCES, shadowSentence } from "./calculator/cover";
export { categoryCodes } from "./calculator/plan";

export interface CalculatorPlanOptions {
  /** Sheet protection password (default: protected without a password). */
  password?: string;
  /** Text of the district contact cell on the Explanation sheet. */
  contact?: string;
  /** Number of investment rows on the School Plan sheet (default 15). */
  planRows?: number;
  /** A model already built for this school (saves rebuilding it). */
  model?: CalculatorModel;
  /** The allocation-wide figures, computed once for many schools. */
  context?: CalculatorContext;
  /** Counts whose results the formula cells cache (default: the district's projection, also the Inputs' values). */
  counts?: CalculatorCounts;
}

export const CALCULATOR_SHEETS = { cover: "Cover", inputs: "Inputs", rates: "Rates", budget: "Budget", explanation: "Explanation", plan: "School Plan" } as const;

export const DEFAULT_CONTACT = "Your district budget office (ask your supervisor for the budget analyst assigned to your school)";

/** A file name for the school's workbook: "<School ID> <School Name>.xlsx", safe on every file system. */
export function calculatorFileName(a: Allocation, schoolIndex: number): string {
  const s = a.schools[schoolIndex];
  return safeFileName(`${s.id} ${s.name}`, ".xlsx", `School_${schoolIndex + 1}`);
}

function sheetPlan(s: Sheet, role: string, widths: Record<number, number>, password: string, landscape = false): SheetPlan {
  return { name: s.name, role, cells: s.cells, tables: [], charts: [], widths, names: s.names, protect: { password }, print: { landscape, fitToPage: true } };
}

/** The six sheets of school `schoolIndex`'s calculator. */
export function calculatorPlans(a: Allocation, schoolIndex: number, opts: CalculatorPlanOptions = {}): SheetPlan[] {
  const ctx = opts.context ?? calculatorContext(a);
  const m = opts.model ?? calculatorModel(a, schoolIndex, ctx);
  const L = new Layout(m, evaluateModel(m, opts.counts ?? originalCounts(a, schoolIndex)));
  L.nameQuantity(m.ids.total, "Total_Budget");
  L.nameQuantity(m.ids.turnedOn, "Turned_On_Budget");
  L.nameQuantity(m.ids.shadowGap, "Shadow_Gap");
  L.nameQuantity(m.ids.districtDifference, "District_Difference");
  if (m.ids.available) L.nameQuantity(m.ids.available, "Available_To_Spend");
  const S = CALCULATOR_SHEETS;
  const [cover, inputs, rates, budget, explanation, plan] = [S.cover, S.inputs, S.rates, S.budget, S.explanation, S.plan].map((n) => new Sheet(n));
  const school = a.schools[schoolIndex];
  const title = `${school.name} (${school.id})`;
  const notes = fixedNotes(a, m);
  inputsSheet(inputs, L, title);
  ratesSheet(rates, L, a, notes);
  budgetSheet(budget, L, title);
  coverSheet(cover, L, a, title, calculatorDrivers(a, schoolIndex, ctx));
  explanationSheet(explanation, a, schoolIndex, notes, opts.contact && opts.contact.trim() !== "" ? opts.contact.trim() : DEFAULT_CONTACT);
  const planWidths = schoolPlanSheet(plan, L, a.district.needs, title, Math.max(1, Math.min(200, opts.planRows ?? 15)));
  L.finish();
  const pw = opts.password ?? "";
  return [
    // the Cover is one page: the figures and the words on them together
    { ...sheetPlan(cover, "calculator-cover", { 0: 60, 1: 18 }, pw), tabColor: "1F6FB2", print: { fitToPage: true, fitHeight: 1 } },
    { ...sheetPlan(inputs, "calculator-inputs", { 0: 22, 1: 12, 2: 12, 3: 16, 4: 18, 5: 18, 6: 38 }, pw), tabColor: "FFC000" },
    sheetPlan(rates, "calculator-rates", { 0: 30, 1: 16, 2: 13, 3: 17, 4: 22, 5: 14, 6: 14, 7: 12, 8: 40 }, pw, true),
    sheetPlan(budget, "calculator-budget", { 0: 40, 1: 15, 2: 19, 3: 15, 4: 12, 5: 16, 6: 36 }, pw, true),
    sheetPlan(explanation, "calculator-explanation", { 0: 95 }, pw),
    sheetPlan(plan, "calculator-plan", planWidths, pw, true),
  ];
}

/** What the calculator holds fixed, and when it differs from a full re-run of the district, in words. */
export function fixedNotes(a: Allocation, m: CalculatorModel): string[] {
  const out = [
    "Each source's $ per pupil (whole cents) is set from the whole district: its pool ÷ all schools' weighted pupils. Here it stays fixed; a full re-run with your counts would re-solve it, because your students are part of the district's weighted pupils.",
    "Every line is students × $ per pupil rounded half up, exactly as the district computes it, so at the projected counts each line equals the district's line.",
  ];
  if (!m.weightsOn) out.push("The district's revenue trigger is not reached: the weights are not yet turned on, so this year each school keeps its current budget (grants aside), scaled to the general money. The lines show what the formula gives; the adjustment line moves the general money to that scaled budget.");
  if (m.adjust) {
    out.push("Floors and caps are budget-neutral through one district-wide factor, held fixed here. The district rounds each school's general money on its own by the same rule, so at the projected counts the total equals the district's to the cent; the Budget sheet says so beside the total.");
    if (m.adjust.districtChangeId) out.push("The change in general money is split across the general sources: the district rounds that split across all schools, so each source's part in the district's allocation is held fixed here (Rates), and what your counts change beyond it is split by the sources' district-wide shares. At the projected counts each source's budget equals the district's.");
  }
  if (m.sources.some((s) => s.eligibleId)) out.push("Eligibility rules on need shares (e.g. Poverty % >= 40%) are recomputed from your counts; other eligibility (levels, School IDs, school attributes) is fixed.");
  if (m.ids.carryOver) out.push("The balance carried from the prior year is given by the district and held fixed: it is the school's own money from last year, not part of this year's budget; available to spend = this year's budget + carried.");
  if (m.sources.some((s) => s.shortfallId)) out.push("The district's fixed $ per pupil formula is not fully funded: the part a source's pool cannot pay is its own line, as in the district's allocation, held fixed here.");
  return out;
}
