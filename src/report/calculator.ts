/**
 * Sheet plans of a school calculator workbook (seed 002: "a calculator in Excel that can be distributed to each
 * principal with documentation of how his or her school's budget was calculated"):
 * Cover, Inputs (the editable counts), Rates (the district's locked figures), Budget (live formulas),
 * Explanation (plain language) and School Plan (a simplified PBAR: investments funded source by source).
 *
 * Every money formula on Budget is written from the engine's calculator model (src/engine/calculator.ts), the
 * same description `schoolAtFixedRates` evaluates, so the workbook and the engine cannot drift. Plain data only.
 */
import { adjustmentWords } from "../engine/allocate/explain";
import { calculatorDrivers, calculatorModel, evaluateModel, originalCounts, type CalcFormat, type CalculatorModel } from "../engine/calculator";
import { toFormula, type Place } from "../engine/calculator/expr";
import { describeEligibility } from "../engine/eligibility";
import type { Allocation } from "../engine/types";
import { a1, ExcelNames, quoteSheet, safeFileName } from "./names";
import { CALCULATOR_SETTINGS, settingValue } from "./settings";
import type { CellStyle, DefinedName, NumberFormat, PlanCell, PlanValue, SheetPlan } from "./plan";

export interface CalculatorPlanOptions {
  /** Sheet protection password (default: protected without a password). */
  password?: string;
  /** Text of the district contact cell on the Explanation sheet. */
  contact?: string;
  /** Number of investment rows on the School Plan sheet (default 15). */
  planRows?: number;
  /** A model already built for this school (saves rebuilding it). */
  model?: CalculatorModel;
}

export const CALCULATOR_SHEETS = { cover: "Cover", inputs: "Inputs", rates: "Rates", budget: "Budget", explanation: "Explanation", plan: "School Plan" } as const;

export const DEFAULT_CONTACT = "Your district budget office (ask your supervisor for the budget analyst assigned to your school)";

const FMT: Record<CalcFormat, NumberFormat> = {
  currency: "currency",
  rate: "decimal4",
  count: "integer",
  percent: "percent1",
  factor: "decimal4",
  flag: "integer",
  share: "decimal2",
};

/** Cells and names of one sheet being laid out. */
class Sheet {
  readonly cells: PlanCell[] = [];
  readonly names: DefinedName[] = [];
  constructor(readonly name: string) {}
  text(r: number, c: number, v: PlanValue, style?: CellStyle): void {
    this.cells.push(style ? { r, c, v, style } : { r, c, v });
  }
  value(r: number, c: number, v: number, fmt: NumberFormat, style?: CellStyle): PlanCell {
    const cell: PlanCell = { r, c, v, fmt, ...(style ? { style } : {}) };
    this.cells.push(cell);
    return cell;
  }
  formula(r: number, c: number, f: string, result: PlanValue, fmt?: NumberFormat, style?: CellStyle): PlanCell {
    const cell: PlanCell = { r, c, f, result, ...(fmt ? { fmt } : {}), ...(style ? { style } : {}) };
    this.cells.push(cell);
    return cell;
  }
  define(name: string, r: number, c: number): void {
    this.names.push({ name, ref: a1(r, c, true) });
  }
}

/** A file name for the school's workbook: "<School ID> <School Name>.xlsx", safe on every file system. */
export function calculatorFileName(a: Allocation, schoolIndex: number): string {
  const s = a.schools[schoolIndex];
  return safeFileName(`${s.id} ${s.name}`, ".xlsx", `School_${schoolIndex + 1}`);
}

/** Short category codes for the School Plan ("GEN" for general money, then one per need: POV, EL, SE...). */
export function categoryCodes(needs: string[]): string[] {
  const taken = new Set<string>(["GEN"]);
  const out = ["GEN"];
  for (const n of needs) {
    const words = n.split(/[^A-Za-z0-9]+/).filter((w) => w !== "");
    let code = words.length > 1 ? words.map((w) => w[0]).join("").toUpperCase() : (words[0] ?? "N").slice(0, 3).toUpperCase();
    if (code === "") code = "N";
    let c = code;
    for (let k = 2; taken.has(c); k++) c = `${code}${k}`;
    taken.add(c);
    out.push(c);
  }
  return out;
}

/**
 * The shadow notice in one plain sentence for each sign of the gap (a live formula on the Cover picks one; each is
 * kept under Excel's 255-character limit for a text in a formula, and free of double quotes).
 */
export const SHADOW_SENTENCES = {
  gain: "With the formula fully turned on, this school would receive more than its budget this year: phase-in, the gain cap or the budget-neutral factor holds the difference back for now.",
  loss: "With the formula fully turned on, this school would receive less than its budget this year: hold harmless, the minimum operating budget, phase-in or the budget-neutral factor protects it for now.",
  none: "This school's budget this year is already its full formula amount: no transition rule moves it.",
} as const;

/** The sentence the Cover shows for a gap (dollars). */
export function shadowSentence(gap: number): string {
  return gap > 0 ? SHADOW_SENTENCES.gain : gap < 0 ? SHADOW_SENTENCES.loss : SHADOW_SENTENCES.none;
}

const usd = (x: number): string => x.toLocaleString("en-US", { style: "currency", currency: "USD", maximumFractionDigits: Number.isInteger(x) ? 0 : 2 });
const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;

/** The six sheets of school `schoolIndex`'s calculator. */
export function calculatorPlans(a: Allocation, schoolIndex: number, opts: CalculatorPlanOptions = {}): SheetPlan[] {
  const d = a.district;
  const m = opts.model ?? calculatorModel(a, schoolIndex);
  const values = evaluateModel(m, originalCounts(a, schoolIndex));
  const val = (id: string): number => values.get(id) as number;
  const S = CALCULATOR_SHEETS;
  const cover = new Sheet(S.cover);
  const inputs = new Sheet(S.inputs);
  const rates = new Sheet(S.rates);
  const budget = new Sheet(S.budget);
  const explanation = new Sheet(S.explanation);
  const plan = new Sheet(S.plan);

  // Where every model id lives: inputs and constants by defined name, quantities by cell.
  const places = new Map<string, Place>();
  for (const i of m.inputs) places.set(i.id, { name: i.name });
  for (const c of m.constants) places.set(c.id, { name: c.name });
  const names = new ExcelNames([...m.inputs.map((i) => i.name), ...m.constants.map((c) => c.name)]);
  const freshName = (...parts: string[]): string => names.take(...parts);
  const totalName = freshName("Total_Budget");
  places.set(m.ids.total, { name: totalName });
  // The shadow notice's figures are named too, so the Cover reads them as =Turned_On_Budget and =Shadow_Gap.
  const turnedOnName = freshName("Turned_On_Budget");
  places.set(m.ids.turnedOn, { name: turnedOnName });
  const gapName = freshName("Shadow_Gap");
  places.set(m.ids.shadowGap, { name: gapName });
  const named = new Set([m.ids.total, m.ids.turnedOn, m.ids.shadowGap]);
  const quantity = new Map(m.quantities.map((x) => [x.id, x]));
  const pending: { sheet: Sheet; cell: PlanCell; id: string }[] = [];
  const placedConstants = new Set<string>();
  const constant = new Map(m.constants.map((c) => [c.id, c]));

  /** Write a model quantity (its formula is filled in once every place is known). */
  const putQuantity = (sheet: Sheet, r: number, c: number, id: string, style?: CellStyle): void => {
    const qn = quantity.get(id);
    if (!qn) throw new Error(`calculator plan: unknown quantity ${id}`);
    if (!named.has(id)) places.set(id, { sheet: sheet.name, r, c });
    const cell = sheet.formula(r, c, "", val(id), FMT[qn.fmt], style);
    pending.push({ sheet, cell, id });
  };
  /** Write a model constant with its defined name. */
  const putConstant = (sheet: Sheet, r: number, c: number, id: string, style?: CellStyle): void => {
    const k = constant.get(id);
    if (!k) throw new Error(`calculator plan: unknown constant ${id}`);
    if (placedConstants.has(id)) throw new Error(`calculator plan: constant ${id} placed twice`);
    placedConstants.add(id);
    sheet.value(r, c, k.value, FMT[k.fmt], style);
    sheet.define(k.name, r, c);
  };
  /** A display formula that only shows another figure (=Input_..., =Rate_..., =Budget!$I$9). */
  const show = (sheet: Sheet, r: number, c: number, id: string, fmt: NumberFormat, style?: CellStyle): void => {
    const p = places.get(id);
    if (!p) throw new Error(`calculator plan: ${id} has no place yet`);
    const f = toFormula({ op: "ref", id }, { sheet: sheet.name, place: (x) => places.get(x) as Place });
    sheet.formula(r, c, f, val(id), fmt, style);
  };

  const school = a.schools[schoolIndex];
  const title = `${school.name} (${school.id})`;
  const cats = m.categories;

  // ---------------------------------------------------------------- Inputs
  inputs.text(0, 0, `Inputs — ${title}`, "title");
  inputs.text(1, 0, "Change the yellow cells: projected students by level and, of those, how many are in each need category. They are the only cells you can edit; every other sheet follows them.", "note");
  inputs.text(3, 0, "Level", "header");
  cats.forEach((c, k) => inputs.text(3, 1 + k, c, "header"));
  inputs.text(3, 1 + cats.length, "Check", "header");
  m.levels.forEach((l, row) => {
    const r = 4 + row;
    inputs.text(r, 0, d.levels[l], "label");
    cats.forEach((_, k) => {
      const inp = m.inputs.find((x) => x.levelIndex === l && x.category === k);
      if (!inp) return;
      inputs.cells.push({ r, c: 1 + k, v: inp.original, fmt: "integer", style: "input", unlocked: true });
      inputs.define(inp.name, r, 1 + k);
    });
    const first = a1(r, 1);
    const needs = cats.length > 1 ? `${a1(r, 2)}:${a1(r, cats.length)}` : null;
    const row0 = `${first}:${a1(r, cats.length)}`;
    const f = needs
      ? `IF(MIN(${row0})<0,"Counts cannot be negative",IF(MAX(${needs})>${first},"A need count is larger than Students","OK"))`
      : `IF(MIN(${row0})<0,"Counts cannot be negative","OK")`;
    const inp = m.inputs.filter((x) => x.levelIndex === l);
    const bad = inp.some((x) => x.original < 0) ? "Counts cannot be negative" : inp.some((x) => x.category > 0 && x.original > (inp.find((y) => y.category === 0)?.original ?? 0)) ? "A need count is larger than Students" : "OK";
    inputs.formula(r, 1 + cats.length, f, bad);
  });
  const totalRow = 4 + m.levels.length;
  inputs.text(totalRow, 0, "Total", "total");
  cats.forEach((_, k) => {
    const range = `${a1(4, 1 + k)}:${a1(totalRow - 1, 1 + k)}`;
    const sumOrig = m.inputs.filter((x) => x.category === k).reduce((x, y) => x + y.original, 0);
    inputs.formula(totalRow, 1 + k, `SUM(${range})`, sumOrig, "integer", "total");
  });
  const origTop = totalRow + 3;
  inputs.text(origTop - 1, 0, "The district's projection (for reference; not used by the formulas)", "subtitle");
  inputs.text(origTop, 0, "Level", "header");
  cats.forEach((c, k) => inputs.text(origTop, 1 + k, c, "header"));
  m.levels.forEach((l, row) => {
    inputs.text(origTop + 1 + row, 0, d.levels[l], "label");
    cats.forEach((_, k) => {
      const inp = m.inputs.find((x) => x.levelIndex === l && x.category === k);
      if (inp) inputs.value(origTop + 1 + row, 1 + k, inp.original, "integer");
    });
  });
  inputs.text(origTop + m.levels.length + 2, 0, "A student counts once in Students and once in each need category that applies (a student in poverty who is an English learner counts in both).", "note");

  // ---------------------------------------------------------------- Rates (locked)
  rates.text(0, 0, `Rates — set by the district for every school (locked)`, "title");
  rates.text(1, 0, "These figures come from the district's allocation of all schools. A single school's workbook cannot re-run the district, so they are held fixed here; notes say where a rule is approximated.", "note");
  let r = 3;
  rates.text(r++, 0, "District $ per pupil, all sources (a school eligible for every source)", "subtitle");
  rates.text(r, 0, "Level", "header");
  a.matrix.categories.forEach((c, k) => rates.text(r, 1 + k, c, "header"));
  r++;
  d.levels.forEach((level, l) => {
    rates.text(r, 0, level, "label");
    a.matrix.categories.forEach((c, k) => {
      rates.value(r, 1 + k, Math.round(a.matrix.perPupil[l][k] * 100) / 10000, "decimal4");
      rates.define(freshName("Rate", level, c), r, 1 + k);
    });
    r++;
  });
  r++;
  rates.text(r++, 0, `Weights (relative to the ${d.levels[0] ?? "first level"} base)`, "subtitle");
  rates.text(r, 0, "Level", "header");
  a.matrix.categories.forEach((c, k) => rates.text(r, 1 + k, c, "header"));
  r++;
  d.levels.forEach((level, l) => {
    rates.text(r, 0, level, "label");
    a.matrix.categories.forEach((_, k) => rates.value(r, 1 + k, Math.round(a.matrix.weights[l][k] * 10000) / 10000, "decimal4"));
    r++;
  });
  rates.text(r++, 0, `Each cell's $ per pupil (all sources) ÷ the ${d.levels[0] ?? "first level"} base $ per pupil.`, "note");
  r++;
  rates.text(r++, 0, "$ per pupil by source (the rates the Budget formulas use)", "subtitle");
  rates.text(r, 0, "Source", "header");
  rates.text(r, 1, "Level", "header");
  a.matrix.categories.forEach((c, k) => rates.text(r, 2 + k, c, "header"));
  rates.text(r, 2 + a.matrix.categories.length, "How the rate is set", "header");
  r++;
  for (const s of m.sources) {
    const sr = a.sources[s.index];
    const rateLevels = m.levels.filter((l) => s.lines.some((x) => x.levelIndex === l));
    if (rateLevels.length === 0) continue;
    rateLevels.forEach((l, n) => {
      rates.text(r, 0, s.name, n === 0 ? "label" : undefined);
      rates.text(r, 1, d.levels[l]);
      a.matrix.categories.forEach((_, k) => {
        const line = s.lines.find((x) => x.levelIndex === l && x.category === k);
        if (line) putConstant(rates, r, 2 + k, line.rateId);
      });
      if (n === 0) {
        const how =
          sr.base !== null
            ? `Solved: ${usd(Math.round(sr.base) / 100)} per weighted pupil (the source's school pool ÷ the district's weighted pupils) × the cell's weight.`
            : "Fixed $ per pupil: this source's district-wide share of each cell's cost.";
        rates.text(r, 2 + a.matrix.categories.length, how, "note");
      }
      r++;
    });
  }
  r++;
  rates.text(r++, 0, "Sources", "subtitle");
  const srcHeaders = ["Source", "Status", "Restricted", "Funds", "Eligible", "Foundation per school", "Share of general money", "Note"];
  srcHeaders.forEach((h, k) => rates.text(r, k, h, "header"));
  r++;
  for (const s of m.sources) {
    const sr = a.sources[s.index];
    rates.text(r, 0, s.name, "label");
    rates.text(r, 1, sr.status);
    rates.text(r, 2, s.restricted ? "Yes" : "No");
    rates.text(r, 3, s.funds);
    rates.text(r, 4, s.eligibleText);
    if (s.foundationId) putConstant(rates, r, 5, s.foundationId);
    const share = m.constants.find((c) => c.kind === "share" && c.sourceIndex === s.index);
    if (share) putConstant(rates, r, 6, share.id);
    else if (s.general && m.adjust) rates.text(r, 6, "The rest", "note");
    rates.text(r, 7, s.general ? "General money: pays the foundation and moves with phase-in, floors and caps." : "Restricted or targeted: never moved by floors or caps.", "note");
    r++;
  }
  for (const u of m.unavailable) {
    rates.text(r, 0, u.name, "label");
    rates.text(r, 1, a.sources[u.index].status);
    rates.text(r, 4, `Not available to this school: ${u.reason}`, "note");
    r++;
  }
  r++;
  rates.text(r++, 0, "Policy settings and this school's bounds", "subtitle");
  rates.text(r, 0, "Setting", "header");
  rates.text(r, 1, "Value", "header");
  rates.text(r, 2, "Note", "header");
  r++;
  const p = d.policy;
  const setting = (label: string, write: (row: number) => void, note?: string): void => {
    rates.text(r, 0, label, "label");
    write(r);
    if (note) rates.text(r, 2, note, "note");
    r++;
  };
  const phaseConst = m.constants.find((c) => c.kind === "phaseIn");
  for (const spec of CALCULATOR_SETTINGS) {
    const { v, fmt } = settingValue(spec, p);
    const live = spec.key === "phaseIn" ? phaseConst : undefined;
    setting(spec.label, (row) => (live ? putConstant(rates, row, 1, live.id) : fmt ? rates.value(row, 1, v as number, fmt) : rates.text(row, 1, String(v))), spec.help);
  }
  for (const kind of ["factor", "current", "minimum", "floor", "ceiling"] as const) {
    const c = m.constants.find((x) => x.kind === kind);
    if (c) setting(c.label, (row) => putConstant(rates, row, 1, c.id), c.note);
  }
  if (!m.constants.some((x) => x.kind === "factor")) setting("Budget-neutral factor on general money", (row) => rates.value(row, 1, 1, "decimal4"), "No phase-in, floor or cap moves this school's money.");
  r++;
  rates.text(r++, 0, "What a single school's workbook cannot repeat", "subtitle");
  const notes = cannotRepeat(a, m);
  for (const n of notes) rates.text(r++, 0, n, "note");

  // ---------------------------------------------------------------- Budget (live formulas)
  budget.text(0, 0, `Budget — ${title}`, "title");
  budget.text(1, 0, "Every figure is a formula of the Inputs and the Rates. Change the counts on Inputs and this sheet follows; the total is named Total_Budget.", "note");
  r = 3;
  budget.text(r++, 0, "1. Formula lines: students × $ per pupil, by source (rounded to the cent)", "subtitle");
  ["Source", "Level", "Category", "Students counted", "$ per pupil", "Amount"].forEach((h, k) => budget.text(r, k, h, "header"));
  r++;
  for (const s of m.sources) {
    for (const line of s.lines) {
      budget.text(r, 0, s.name);
      budget.text(r, 1, d.levels[line.levelIndex]);
      budget.text(r, 2, line.category === 0 ? "Base (all students)" : cats[line.category]);
      show(budget, r, 3, line.inputId, "integer");
      show(budget, r, 4, line.rateId, "decimal4");
      putQuantity(budget, r, 5, line.id);
      r++;
    }
  }
  r++;
  budget.text(r++, 0, "2. Students and need shares", "subtitle");
  budget.text(r, 0, "Students", "label");
  putQuantity(budget, r, 5, m.ids.students);
  r++;
  for (const id of Object.values(m.ids.shares)) {
    budget.text(r, 0, (quantity.get(id) as { label: string }).label, "label");
    putQuantity(budget, r, 5, id);
    budget.text(r, 6, "Used by eligibility rules on need shares (e.g. Title I)", "note");
    r++;
  }
  r++;
  budget.text(r++, 0, "3. By source", "subtitle");
  const bsHeaders = ["Source", "Eligible", "Foundation", "Formula", "Before phase-in, floors, caps", "Phase-in / floors / caps", "After", "District rounding adjustment", "Budget"];
  bsHeaders.forEach((h, k) => budget.text(r, k, h, "header"));
  r++;
  const bsTop = r;
  for (const s of m.sources) {
    budget.text(r, 0, s.name, "label");
    if (s.eligibleId) putQuantity(budget, r, 1, s.eligibleId);
    else budget.text(r, 1, "Yes");
    if (s.foundationId) show(budget, r, 2, s.foundationId, "currency");
    if (s.formulaId) putQuantity(budget, r, 3, s.formulaId);
    putQuantity(budget, r, 4, s.amountId);
    if (s.moveId) {
      putQuantity(budget, r, 5, s.moveId);
      putQuantity(budget, r, 6, s.finalId);
    } else show(budget, r, 6, s.amountId, "currency");
    putConstant(budget, r, 7, s.adjustmentId);
    putQuantity(budget, r, 8, s.budgetId);
    budget.define(freshName("Budget", s.name), r, 8);
    r++;
  }
  budget.text(r, 0, "Total", "total");
  const colSum = (c: number, fmt: NumberFormat): void => {
    if (r === bsTop) return;
    let result = 0;
    for (const cell of budget.cells) if (cell.c === c && cell.r >= bsTop && cell.r < r && typeof (cell.result ?? cell.v) === "number") result += (cell.result ?? cell.v) as number;
    budget.formula(r, c, `SUM(${a1(bsTop, c)}:${a1(r - 1, c)})`, Math.round(result * 100) / 100, fmt, "total");
  };
  colSum(2, "currency");
  colSum(3, "currency");
  colSum(4, "currency");
  if (m.adjust) colSum(5, "currency");
  colSum(6, "currency");
  colSum(7, "currency");
  putQuantity(budget, r, 8, m.ids.total, "total");
  budget.define(totalName, r, 8);
  r += 2;
  if (m.sources.some((s) => s.eligibleId)) {
    budget.text(r++, 0, "Eligible: 1 when the school meets the source's rule on need shares (recomputed from your counts), else 0.", "note");
  }
  if (m.unavailable.length) budget.text(r++, 0, `Not available to this school: ${m.unavailable.map((u) => `${u.name} (${u.reason})`).join("; ")}.`, "note");
  r++;
  budget.text(r++, 0, "4. Phase-in, floors and caps (general money only, budget-neutral)", "subtitle");
  const row = (label: string, id: string, note?: string): void => {
    budget.text(r, 0, label, "label");
    putQuantity(budget, r, 5, id);
    if (note) budget.text(r, 6, note, "note");
    r++;
  };
  row("General money before adjustments", m.ids.generalAmount, "Unlocked, unrestricted sources that fund the whole formula in every school");
  row("Restricted and targeted money", m.ids.otherAmount, "Never moved by phase-in, floors or caps");
  if (m.adjust) {
    const ad = m.adjust;
    row("Formula total", ad.formulaTotalId);
    if (ad.targetId) row("Phase-in target", ad.targetId, "current + phase-in × (formula − current)");
    row("General money target", ad.generalTargetId, "target − restricted money, at least 0");
    const factor = m.constants.find((c) => c.kind === "factor");
    if (factor) {
      budget.text(r, 0, "Budget-neutral factor", "label");
      show(budget, r, 5, factor.id, "decimal4");
      budget.text(r, 6, "District-wide, fixed (see Rates)", "note");
      r++;
    }
    if (ad.lowId) row("Floor for general money", ad.lowId, "floor − restricted money");
    if (ad.highId) row("Ceiling for general money", ad.highId, "ceiling − restricted money");
    row("General money after", ad.generalFinalId, "factor × target, kept between the floor and the ceiling, rounded");
    row("Change in general money", ad.changeId, "split across the general sources by their district shares");
  } else {
    budget.text(r++, 0, "No phase-in, floor or cap applies to this school: its formula amount is its budget.", "note");
  }
  r++;
  budget.text(r++, 0, "5. Comparison", "subtitle");
  budget.text(r, 0, "Total budget", "label");
  show(budget, r, 5, m.ids.total, "currency", "total");
  r++;
  row("Budget per student", m.ids.perPupil);
  const currentC = m.constants.find((c) => c.kind === "current");
  if (currentC && m.ids.changeVsCurrent && m.ids.changePercent) {
    budget.text(r, 0, "Current budget", "label");
    show(budget, r, 5, currentC.id, "currency");
    r++;
    row("Change vs current budget", m.ids.changeVsCurrent);
    row("Change vs current budget (%)", m.ids.changePercent);
  } else budget.text(r++, 0, "No current budget was given for this school.", "note");
  const minC = m.constants.find((c) => c.kind === "minimum");
  if (minC && m.ids.aboveMinimum) {
    budget.text(r, 0, "Minimum operating budget (MOB)", "label");
    show(budget, r, 5, minC.id, "currency");
    r++;
    row("Above the MOB by", m.ids.aboveMinimum);
    const at = places.get(m.ids.aboveMinimum) as { r: number; c: number };
    budget.text(r, 0, "MOB check", "label");
    budget.formula(r, 5, `IF(${a1(at.r, at.c)}<0,"Below the minimum operating budget","At or above the MOB")`, val(m.ids.aboveMinimum) < 0 ? "Below the minimum operating budget" : "At or above the MOB");
    r++;
  }

  r++;
  budget.text(r++, 0, "6. The formula fully turned on (shadow notice)", "subtitle");
  budget.text(r, 0, "General money before phase-in, floors and caps", "label");
  show(budget, r++, 5, m.ids.generalAmount, "currency");
  budget.text(r, 0, "Restricted and targeted money", "label");
  show(budget, r++, 5, m.ids.otherAmount, "currency");
  budget.text(r, 0, "District rounding adjustment (formula turned on)", "label");
  putConstant(budget, r, 5, m.ids.turnedOnAdjustment);
  budget.text(r++, 6, (constant.get(m.ids.turnedOnAdjustment) as { note?: string }).note ?? "", "note");
  budget.text(r, 0, "With the formula fully turned on", "label");
  putQuantity(budget, r, 5, m.ids.turnedOn, "total");
  budget.define(turnedOnName, r, 5);
  budget.text(r++, 6, "What the weighted formula gives this school before any transition rule", "note");
  budget.text(r, 0, "Your budget this year", "label");
  show(budget, r++, 5, m.ids.total, "currency");
  budget.text(r, 0, "Gap (turned on − this year)", "label");
  putQuantity(budget, r, 5, m.ids.shadowGap);
  budget.define(gapName, r, 5);
  budget.text(r++, 6, "More than 0: the school would gain with the formula turned on; less than 0: a transition rule protects it this year", "note");

  // ---------------------------------------------------------------- Cover
  cover.text(0, 0, title, "title");
  cover.text(1, 0, "School budget calculator: how this school's budget is computed, and what it would be with other enrolment.", "note");
  cover.text(3, 0, "This school's budget", "label");
  cover.formula(3, 1, totalName, val(m.ids.total), "currency", "total");
  r = 4;
  if (currentC && m.ids.changeVsCurrent && m.ids.changePercent) {
    cover.text(r, 0, "Current budget", "label");
    show(cover, r++, 1, currentC.id, "currency");
    cover.text(r, 0, "Change vs current", "label");
    show(cover, r++, 1, m.ids.changeVsCurrent, "currency");
    cover.text(r, 0, "Change vs current (%)", "label");
    show(cover, r++, 1, m.ids.changePercent, "percent1");
  }
  cover.text(r, 0, "Students", "label");
  show(cover, r++, 1, m.ids.students, "integer");
  cover.text(r, 0, "Budget per student", "label");
  show(cover, r++, 1, m.ids.perPupil, "currency");
  r++;
  // The shadow notice (seed 002, LAUSD): this year's budget beside the budget with the formula fully turned on.
  cover.text(r++, 0, "Shadow notice: your budget with the formula fully turned on", "subtitle");
  cover.text(r, 0, "Your budget this year", "label");
  cover.formula(r++, 1, totalName, val(m.ids.total), "currency");
  cover.text(r, 0, "With the formula fully turned on", "label");
  cover.formula(r++, 1, turnedOnName, val(m.ids.turnedOn), "currency");
  cover.text(r, 0, "Gap (turned on − this year)", "label");
  cover.formula(r++, 1, gapName, val(m.ids.shadowGap), "currency", "total");
  const gap = val(m.ids.shadowGap);
  cover.formula(r++, 0, `IF(${gapName}>0,"${SHADOW_SENTENCES.gain}",IF(${gapName}<0,"${SHADOW_SENTENCES.loss}","${SHADOW_SENTENCES.none}"))`, shadowSentence(gap));
  cover.text(
    r++,
    0,
    school.adjustment
      ? `At the district's projected counts the rule that applies is: ${adjustmentWords(school.adjustment).toLowerCase()}. The gap is what the district's transition rules (hold harmless, the minimum operating budget, the gain cap, phase-in and the budget-neutral factor) move this year.`
      : "At the district's projected counts no transition rule (hold harmless, the minimum operating budget, the gain cap, phase-in, the budget-neutral factor) moves this school's budget.",
    "note",
  );
  r++;
  cover.text(r++, 0, "What drives it", "subtitle");
  for (const s of calculatorDrivers(a, schoolIndex)) cover.text(r++, 0, s);
  cover.text(r++, 0, "These sentences describe the district's allocation at the projected counts; the figures above follow the Inputs sheet.", "note");
  r++;
  cover.text(r++, 0, "How to use this workbook", "subtitle");
  [
    "1. Inputs: change the yellow cells (students by level and need). Nothing else can be edited.",
    "2. Budget: every line is students × $ per pupil, source by source, then the foundation, phase-in, floors and caps.",
    "3. School Plan: list your investments and fund each from the sources available to your school.",
    "4. Rates and Explanation: the district's figures and what each rule means.",
  ].forEach((t) => cover.text(r++, 0, t));

  // ---------------------------------------------------------------- Explanation
  explanation.text(0, 0, "How this budget is computed", "title");
  r = 2;
  const para = (t: string, style?: CellStyle): void => explanation.text(r++, 0, t, style);
  para("Step by step", "subtitle");
  para("1. Students: each student counts once at their schooling level, and again in each need category that applies (Inputs).");
  para("2. $ per pupil: each revenue source pays a $ amount per pupil in each level and category (Rates). In a weighted formula it is the source's base $ per weighted pupil × the cell's weight.");
  para("3. Formula lines: students × $ per pupil, rounded to the cent (Budget, part 1). A source's formula is the sum of its lines.");
  para(`4. Foundation: ${p.foundationPerSchool > 0 ? `every school with students receives ${usd(p.foundationPerSchool / 100)} before the formula, paid by the general sources` : "none in this district"}.`);
  para(`5. Each source's amount (foundation + formula) is rounded to ${p.rounding === "dollar" ? "whole dollars" : "the cent"}.`);
  para("6. Phase-in, floors and caps then move general money only (Budget, part 4); restricted money always stays with its purpose.");
  para("7. The district rounding adjustment (usually a few dollars) makes this workbook equal the district's allocation exactly at the projected counts.");
  r++;
  para("What the terms mean", "subtitle");
  para("Weighted student funding: money follows students, with more for students who cost more to educate (weights).");
  para(`Hold harmless: ${p.holdHarmless === null ? "not used by this district." : `no school receives less than ${pct(p.holdHarmless)} of its current budget.`}`);
  para(`Phase-in: ${p.phaseIn >= 1 ? "not used (the full formula applies this year)." : `this year a school moves ${pct(p.phaseIn)} of the way from its current budget to its formula amount.`}`);
  para("MOB (minimum operating budget): the least a school needs to open its doors; a school's total is topped up to it.");
  para(`Gain cap: ${p.gainCap === null ? "not used by this district." : `no school's budget grows by more than ${pct(p.gainCap)} over its current budget.`}`);
  para(
    "Budget-neutral factor: floors and caps cost money that has to come from somewhere; the district scales the general money of the schools not held at a floor or cap by one common factor so that the total stays the same.",
  );
  para("Restricted money: grants and categorical funds may only pay for the students or purposes they are meant for (see the School Plan checks).");
  if (school.adjustment) para(`This school: ${adjustmentWords(school.adjustment)}.`);
  r++;
  para("Sources and who may receive them", "subtitle");
  a.sources.forEach((s, k) => para(`${s.name}: ${s.status}${s.restricted ? ", restricted" : ""}; funds ${s.funds}; ${describeEligibility(d.sources[k].eligible)}.`));
  r++;
  para("What this workbook keeps fixed", "subtitle");
  for (const n of notes) para(n);
  r++;
  explanation.text(r, 0, "District contact", "label");
  explanation.text(r + 1, 0, opts.contact && opts.contact.trim() !== "" ? opts.contact.trim() : DEFAULT_CONTACT);

  // ---------------------------------------------------------------- School Plan (simplified PBAR)
  const codes = categoryCodes(d.needs);
  const funded = m.sources.filter((s) => s.engine !== 0 || s.eligibleId !== null);
  const nRows = Math.max(1, Math.min(200, opts.planRows ?? 15));
  plan.text(0, 0, `School Plan — ${title}`, "title");
  plan.text(1, 0, "List your investments (yellow cells) and fund each from the sources available to your school. The checks flag an overspent source, or restricted money used for a category it cannot pay for.", "note");
  r = 3;
  plan.text(r++, 0, "Category codes", "subtitle");
  ["Code", "Category", "Restricted sources limited to it"].forEach((h, k) => plan.text(r, k, h, "header"));
  r++;
  const codeTop = r;
  codes.forEach((code, k) => {
    plan.text(r, 0, code, "label");
    plan.text(r, 1, k === 0 ? "General (any purpose; the base)" : d.needs[k - 1]);
    const limited = funded.filter((s) => s.restricted && s.category === k).map((s) => s.name);
    plan.text(r, 2, limited.join(", ") || "—");
    r++;
  });
  const codeRange = `$A$${codeTop + 1}:$A$${r}`;
  r++;
  const gridCols = { name: 0, code: 1, rank: 2, goal: 3, first: 4 };
  const totalCol = gridCols.first + funded.length;
  const checkCol = totalCol + 1;
  // Sources summary sits above the grid; the grid's rows are known first.
  const summaryTop = r;
  const gridHeader = summaryTop + 2 + funded.length + 3;
  const gridTop = gridHeader + 1;
  const gridBottom = gridTop + nRows - 1;
  plan.text(summaryTop, 0, "Money available by source", "subtitle");
  ["Source", "May pay for", "Available", "Planned", "Remaining", "Status"].forEach((h, k) => plan.text(summaryTop + 1, k, h, "header"));
  funded.forEach((s, n) => {
    const rr = summaryTop + 2 + n;
    const col = gridCols.first + n;
    plan.text(rr, 0, s.name, "label");
    plan.text(rr, 1, s.restricted && s.category >= 0 ? codes[s.category] : "Any");
    const budgetPlace = places.get(s.budgetId) as { sheet: string; r: number; c: number };
    plan.formula(rr, 2, `${quoteSheet(budgetPlace.sheet)}!${a1(budgetPlace.r, budgetPlace.c, true)}`, val(s.budgetId), "currency");
    plan.formula(rr, 3, `SUM(${a1(gridTop, col)}:${a1(gridBottom, col)})`, 0, "currency");
    plan.formula(rr, 4, `ROUND(${a1(rr, 2)}-${a1(rr, 3)},2)`, val(s.budgetId), "currency");
    plan.formula(rr, 5, `IF(${a1(rr, 4)}<0,"Overspent","OK")`, val(s.budgetId) < 0 ? "Overspent" : "OK");
  });
  const sumEnd = summaryTop + 2 + funded.length;
  plan.text(sumEnd, 0, "Total", "total");
  if (funded.length) {
    for (const c of [2, 3, 4]) {
      const res = c === 3 ? 0 : Math.round(funded.reduce((x, s) => x + val(s.budgetId), 0) * 100) / 100;
      plan.formula(sumEnd, c, `SUM(${a1(summaryTop + 2, c)}:${a1(sumEnd - 1, c)})`, res, "currency", "total");
    }
    plan.formula(
      sumEnd,
      5,
      `IF(COUNTIF(${a1(summaryTop + 2, 5)}:${a1(sumEnd - 1, 5)},"Overspent")>0,"A source is overspent","Within budget")`,
      funded.some((s) => val(s.budgetId) < 0) ? "A source is overspent" : "Within budget",
      undefined,
      "total",
    );
  }
  plan.text(gridHeader - 1, 0, "Investments", "subtitle");
  ["Investment", "Category code", "Priority rank", "Goal"].forEach((h, k) => plan.text(gridHeader, k, h, "header"));
  funded.forEach((s, n) => plan.text(gridHeader, gridCols.first + n, s.name, "header"));
  plan.text(gridHeader, totalCol, "Total", "header");
  plan.text(gridHeader, checkCol, "Check", "header");
  const restrictedCols = funded.map((s, n) => ({ s, col: gridCols.first + n })).filter((x) => x.s.restricted && x.s.category >= 0);
  for (let k = 0; k < nRows; k++) {
    const rr = gridTop + k;
    plan.cells.push({ r: rr, c: gridCols.name, v: null, style: "input", unlocked: true });
    plan.cells.push({ r: rr, c: gridCols.code, v: null, fmt: "text", style: "input", unlocked: true });
    plan.cells.push({ r: rr, c: gridCols.rank, v: null, fmt: "integer", style: "input", unlocked: true });
    plan.cells.push({ r: rr, c: gridCols.goal, v: null, style: "input", unlocked: true });
    funded.forEach((_, n) => plan.cells.push({ r: rr, c: gridCols.first + n, v: null, fmt: "currency", style: "input", unlocked: true }));
    const amounts = funded.length ? `${a1(rr, gridCols.first)}:${a1(rr, totalCol - 1)}` : null;
    if (amounts) plan.formula(rr, totalCol, `SUM(${amounts})`, 0, "currency");
    const code = a1(rr, gridCols.code);
    const entries = `COUNTA(${a1(rr, 0)}:${a1(rr, gridCols.goal)})${amounts ? `+COUNT(${amounts})` : ""}`;
    const restricted = restrictedCols.length
      ? `IF(OR(${restrictedCols.map((x) => `AND(N(${a1(rr, x.col)})>0,${code}<>"${codes[x.s.category]}")`).join(",")}),"Restricted source used for an ineligible category","OK")`
      : `"OK"`;
    const amountsOk = amounts ? `IF(MIN(${amounts})<0,"Amounts cannot be negative",${restricted})` : restricted;
    const f = `IF(${entries}=0,"",IF(${code}="","Give a category code",IF(COUNTIF(${codeRange},${code})=0,"Unknown category code",${amountsOk})))`;
    plan.formula(rr, checkCol, f, "");
  }

  // Fill in the formulas of the model quantities now that every place is known.
  for (const { sheet, cell, id } of pending) {
    const qn = quantity.get(id) as { expr: Parameters<typeof toFormula>[0] };
    cell.f = toFormula(qn.expr, { sheet: sheet.name, place: (x) => {
      const pl = places.get(x);
      if (!pl) throw new Error(`calculator plan: ${x} has no place`);
      return pl;
    } });
  }
  for (const c of m.constants) if (!placedConstants.has(c.id)) throw new Error(`calculator plan: constant ${c.id} was not placed`);
  for (const qn of m.quantities) if (!places.has(qn.id)) throw new Error(`calculator plan: quantity ${qn.id} was not placed`);

  const protect = { password: opts.password ?? "" };
  const sheet = (s: Sheet, role: string, widths: Record<number, number>, landscape = false): SheetPlan => ({
    name: s.name,
    role,
    cells: s.cells,
    tables: [],
    charts: [],
    widths,
    names: s.names,
    protect,
    print: { landscape, fitToPage: true },
  });
  const gridWidths: Record<number, number> = { 0: 34, 1: 14, 2: 12, 3: 28 };
  funded.forEach((_, n) => (gridWidths[gridCols.first + n] = 16));
  gridWidths[totalCol] = 14;
  gridWidths[checkCol] = 44;
  return [
    { ...sheet(cover, "calculator-cover", { 0: 60, 1: 18 }), tabColor: "1F6FB2" },
    { ...sheet(inputs, "calculator-inputs", { 0: 22, 1: 12, 2: 12, 3: 16, 4: 18, 5: 18, 6: 38 }), tabColor: "FFC000" },
    sheet(rates, "calculator-rates", { 0: 44, 1: 18, 2: 16, 3: 16, 4: 30, 5: 18, 6: 18, 7: 60 }, true),
    sheet(budget, "calculator-budget", { 0: 48, 1: 14, 2: 22, 3: 16, 4: 18, 5: 18, 6: 18, 7: 18, 8: 18 }, true),
    sheet(explanation, "calculator-explanation", { 0: 120 }),
    sheet(plan, "calculator-plan", gridWidths, true),
  ];
}

/** Where the calculator departs from the district's own computation, in words. */
export function cannotRepeat(a: Allocation, m: CalculatorModel): string[] {
  const out = [
    "Each source's $ per pupil is set from the whole district (its pool ÷ all schools' weighted pupils). If your counts change, the district would re-solve it; here it stays fixed.",
    `The district rounds every source with largest remainders across all schools (to the ${a.district.policy.rounding === "dollar" ? "dollar" : "cent"}); no single school's formula can repeat that. The "district rounding adjustment" on Budget makes this workbook equal the district's figure exactly at the projected counts.`,
  ];
  if (m.adjust) {
    out.push("Floors and caps are budget-neutral through one district-wide factor; it is held fixed here, so a large change in your counts is an estimate of the direction and size, not a new district allocation.");
    out.push("A change in general money is split across the general sources by their district-wide shares (the district rounds that split across all schools).");
  }
  if (m.sources.some((s) => s.eligibleId)) out.push("Eligibility rules on need shares (e.g. Poverty % >= 40%) are recomputed from your counts; other eligibility (levels, School IDs, school attributes) is fixed.");
  if (a.totals.unfunded > 0) out.push("The district's fixed $ per pupil formula is not fully funded: each source's rate is its district-wide average share of each cell's cost.");
  return out;
}
