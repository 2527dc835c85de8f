/**
 * The school calculator: one school's budget as a chain of spreadsheet-style formulas, assembled from the
 * engine's own rules, with every district-wide figure held fixed (each source's whole-cent rate, the foundation,
 * the budget-neutral factor, the general sources' shares, the school's floor and cap). One description drives
 * both faces: `schoolAtFixedRates` evaluates it here, and src/report/calculator.ts writes the same expressions
 * as Excel formulas. There is no adjustment cell: at the projected counts every formula line equals the
 * allocation's line; a difference the fixed reading cannot avoid is reported, in words, beside the total.
 */
import { adaLevelFlags } from "../../../engine/allocate/attendance";
import { availableFormula } from "../../../engine/allocate/carryOver";
import type { Allocation, Cents } from "../../../engine/types";
import { adjustGeneral, adjusts, schoolBoundsConstants, type AdjustIds } from "./adjust";
import { dollarsOf, ModelBuilder, sumOf } from "./builder";
import * as X from "../../../engine/formula/expr";
import { AVAILABLE_FULL_LABEL, CARRIED_SIGNED_LABEL } from "../../../words/calculator";
import { calculatorContext, originalCounts, type CalculatorContext, type CalculatorCounts } from "../../../engine/calculator";
import { sourcePart, type SchoolScope } from "./sources";
import type { CalcSource, CalculatorModel } from "./types";

export { calculatorContext, originalCounts };
export type { CalculatorContext, CalculatorCounts };
export type * from "./types";

/** Inputs (one per level × category the school has) and the projection they start from. */
function addInputs(b: ModelBuilder, a: Allocation, i: number, levels: number[], categories: string[]): string {
  const counts = originalCounts(a, i);
  const changed: X.Expr[] = [];
  for (const l of levels) {
    categories.forEach((cat, c) => {
      const id = b.input({ levelIndex: l, level: a.district.levels[l], category: c, categoryName: cat, original: counts[l][c] });
      const p = b.k({ id: `projected:${l}:${c}`, kind: "projected", nameParts: ["Projected", cat, a.district.levels[l]], label: `District projection: ${a.district.levels[l]} ${cat}`, value: counts[l][c], fmt: "count", levelIndex: l, category: c });
      changed.push(X.cmp("<>", X.ref(id), X.ref(p)));
    });
  }
  b.q("students", "Students", X.sum(...levels.map((l) => X.ref(`in:${l}:0`))), "count");
  return b.q("countsChanged", "Counts that differ from the district's projection", X.sum(...changed), "count");
}

/**
 * Average daily attendance: at the levels Policy's ADA Levels names, the school's Base students are funded on
 * ADA = ROUND(enrolled × attendance rate, 2); the difference ROUND(ADA − enrolled, 2) is paid at each source's
 * rate on its own line. The attendance rate is the district's figure for the school, locked.
 */
function addAttendance(b: ModelBuilder, a: Allocation, i: number, levels: number[]): CalculatorModel["attendance"] {
  const d = a.district;
  const rate = d.schools[i].attendance;
  const flags = adaLevelFlags(d.levels, d.policy);
  const at = levels.filter((l) => flags[l] && d.enrollment.some((r) => r.schoolIndex === i && r.levelIndex === l));
  if (at.length === 0 || typeof rate !== "number") return null;
  const rateId = b.k({ id: "attendanceRate", kind: "attendance", nameParts: ["Attendance_Rate"], label: "Attendance rate (average daily attendance ÷ enrollment)", value: rate, fmt: "percent2", note: `This school's Attendance Rate from the district's Schools table; Policy ADA Levels: ${at.map((l) => d.levels[l]).join(", ")}.` });
  return {
    rateId,
    levels: at.map((l) => {
      const adaId = b.q(`ada:${l}`, `${d.levels[l]} students funded on attendance: ROUND(enrolled × attendance rate, 2)`, X.round(X.mul(X.ref(`in:${l}:0`), X.ref(rateId)), 2), "share");
      const differenceId = b.q(`adaDiff:${l}`, `${d.levels[l]} attendance difference: ROUND(ADA − enrolled, 2)`, X.round(X.sub(X.ref(adaId), X.ref(`in:${l}:0`)), 2), "share");
      return { levelIndex: l, adaId, differenceId };
    }),
  };
}

/** The sources' parts; sources the school cannot receive are listed with the reason. */
function addSources(b: ModelBuilder, sc: SchoolScope, shares: Record<string, string>): { sources: CalcSource[]; unavailable: CalculatorModel["unavailable"] } {
  const sources: CalcSource[] = [];
  const unavailable: CalculatorModel["unavailable"] = [];
  sc.a.sources.forEach((sr, s) => {
    const part = sourcePart(b, sc, s, shares);
    if ("unavailable" in part) unavailable.push({ index: s, name: sr.name, reason: part.unavailable });
    else sources.push(part);
  });
  return { sources, unavailable };
}

/** Totals, comparisons, the shadow notice and the reference to the full allocation. */
function addTotals(b: ModelBuilder, a: Allocation, i: number, sources: CalcSource[], bounds: { currentId: string | null; minimumId: string | null; floorId: string | null }, grantAmount: string) {
  for (const s of sources) b.q(s.budgetId, `${s.name}: budget`, s.moveId ? X.round(X.add(X.ref(s.amountId), X.ref(s.moveId)), 2) : X.ref(s.amountId));
  const R = X.ref;
  const total = b.q("total", "Total budget", sumOf(sources.map((s) => s.budgetId), 2));
  const perPupil = b.q("perPupil", "Budget per student", X.iff(X.cmp(">", R("students"), X.num(0)), X.round(X.div(R(total), R("students")), 2), X.num(0)));
  const changeVsCurrent = bounds.currentId ? b.q("vsCurrent", "Change vs current budget", X.round(X.sub(R(total), R(bounds.currentId)), 2)) : null;
  const changePercent = bounds.currentId && changeVsCurrent ? b.q("vsCurrentPct", "Change vs current budget (%)", X.iff(X.cmp(">", R(bounds.currentId), X.num(0)), X.round(X.div(R(changeVsCurrent), R(bounds.currentId)), 4), X.num(0)), "percent") : null;
  const aboveMinimum = bounds.minimumId ? b.q("vsMinimum", "Above the minimum operating budget by", X.round(X.sub(R(total), R(bounds.minimumId)), 2)) : null;
  const withoutGrants = b.q("withoutGrants", "Budget without grants (what floors and caps apply to)", X.round(X.sub(R(total), R(grantAmount)), 2));
  const aboveFloor = bounds.floorId ? b.q("vsFloor", "Above this school's floor by (budget without grants − floor)", X.round(X.sub(R(withoutGrants), R(bounds.floorId)), 2)) : null;
  const turnedOn = b.q("turnedOn", "Budget with the formula fully turned on (before phase-in, floors and caps)", sumOf(sources.map((s) => s.amountId), 2));
  const shadowGap = b.q("shadowGap", "Gap: with the formula turned on − this year's budget", X.round(X.sub(R(turnedOn), R(total)), 2));
  const districtTotal = b.k({ id: "districtTotal", kind: "district", nameParts: ["District_Allocation_Total"], label: "The district's full allocation for this school (at the projected counts)", value: dollarsOf(a.schools[i].total), fmt: "currency", note: "For comparison only; not used in any formula of this budget." });
  const districtDifference = b.q("districtDifference", "This budget − the district's full allocation", X.round(X.sub(R(total), R(districtTotal)), 2));
  // The school's own balance from last year: a locked figure beside the budget, never part of it (carryOver.ts).
  const carried = a.schools[i].carryOver;
  const carryOver =
    carried === null
      ? null
      : b.k({ id: "carryOver", kind: "carryOver", nameParts: ["Carried_From_Prior_Year"], label: CARRIED_SIGNED_LABEL, value: dollarsOf(carried), fmt: "currency", note: "Given by the district: the school's own balance from last year (a surplus carried forward, or a deficit to repay). It is not part of this year's budget and does not change with your counts." });
  const available = carryOver === null ? null : b.q("available", AVAILABLE_FULL_LABEL, availableFormula(R(total), R(carryOver)));
  return { total, perPupil, changeVsCurrent, changePercent, aboveMinimum, withoutGrants, aboveFloor, turnedOn, shadowGap, districtTotal, districtDifference, carryOver, available };
}

/** The school's levels (those it has rows for; every level when it has none). */
function schoolLevels(a: Allocation, i: number): number[] {
  const levels = a.district.levels.map((_, l) => l).filter((l) => a.district.enrollment.some((r) => r.schoolIndex === i && r.levelIndex === l));
  return levels.length ? levels : a.district.levels.map((_, l) => l);
}

/** Build the calculator description of one school. Throws RangeError for a bad index. */
export function calculatorModel(a: Allocation, schoolIndex: number, ctx: CalculatorContext = calculatorContext(a)): CalculatorModel {
  const school = a.schools[schoolIndex];
  if (!school) throw new RangeError(`no school at index ${schoolIndex}`);
  const b = new ModelBuilder();
  const categories = ["Students", ...a.district.needs];
  const levels = schoolLevels(a, schoolIndex);
  const ud: 0 | 2 = a.district.policy.rounding === "dollar" ? 0 : 2;
  const countsChanged = addInputs(b, a, schoolIndex, levels, categories);
  const attendance = addAttendance(b, a, schoolIndex, levels);
  const ada = new Map((attendance?.levels ?? []).map((x) => [x.levelIndex, x]));
  const shares: Record<string, string> = {};
  const { sources, unavailable } = addSources(b, { a, i: schoolIndex, levels, categories, ud, engineLines: ctx.lines(schoolIndex), ada }, shares);
  const generals = sources.filter((s) => s.general);
  const generalAmount = b.q("general", "General money before phase-in, floors and caps", sumOf(generals.map((s) => s.amountId), 2));
  const otherAmount = b.q("other", "Restricted and targeted money (not grants)", sumOf(sources.filter((s) => !s.general && !s.grant).map((s) => s.amountId), 2));
  const grantAmount = b.q("grants", "Grants (paid on top)", sumOf(sources.filter((s) => s.grant).map((s) => s.amountId), 2));
  const bounds = schoolBoundsConstants(b, a, schoolIndex);
  const ids: AdjustIds = { schoolIndex, generalAmount, otherAmount, ...bounds };
  const adjust = adjusts(a, schoolIndex, generals) ? adjustGeneral(b, a, ids, generals, ctx.shares, ud) : null;
  const t = addTotals(b, a, schoolIndex, sources, bounds, grantAmount);
  return {
    schoolIndex,
    schoolId: school.id,
    schoolName: school.name,
    levels,
    attendance,
    categories,
    unitDigits: ud,
    inputs: b.inputs,
    constants: b.constants,
    quantities: b.quantities,
    sources,
    unavailable,
    adjust,
    weightsOn: a.weightsOn,
    ids: { students: "students", generalAmount, otherAmount, grantAmount, shares, countsChanged, ...t },
    engine: { total: school.total, turnedOn: school.turnedOn, current: school.current, minimum: school.minimum, floor: school.floor, ceiling: school.ceiling, adjustment: school.adjustment, carryOver: school.carryOver, available: school.available },
  };
}

/** Evaluate every quantity of the model for the given counts (dollars, exactly as the workbook computes them). */
export function evaluateModel(model: CalculatorModel, counts: CalculatorCounts): X.Values {
  const values: X.Values = new Map();
  for (const i of model.inputs) {
    const v = counts[i.levelIndex]?.[i.category];
    values.set(i.id, typeof v === "number" && Number.isFinite(v) ? v : 0);
  }
  for (const c of model.constants) values.set(c.id, c.value);
  for (const qn of model.quantities) values.set(qn.id, X.evaluate(qn.expr, values));
  return values;
}

export interface FixedRateBudget {
  /** Total budget, cents. */
  total: Cents;
  /** Budget by source (aligned with allocation.sources; 0 for sources the school cannot receive), cents. */
  bySource: Cents[];
  /** Before phase-in, floors and caps, by source, cents. */
  formulaBySource: Cents[];
  /** The budget with the formula fully turned on (before phase-in, floors and caps), cents. */
  turnedOn: Cents;
  /** Available to spend (total + carried from the prior year), cents, or null without a Prior Year Balance. */
  available: Cents | null;
  /** turnedOn − total, cents (the shadow notice's gap). */
  gap: Cents;
  /** Every figure of the calculator, in dollars, by id. */
  values: X.Values;
}

/**
 * A school's budget for the given counts with every district-wide figure fixed, computed with exactly the
 * arithmetic of the calculator workbook's formulas.
 */
export function schoolAtFixedRates(a: Allocation, schoolIndex: number, counts?: CalculatorCounts, model?: CalculatorModel): FixedRateBudget {
  const m = model ?? calculatorModel(a, schoolIndex);
  const values = evaluateModel(m, counts ?? originalCounts(a, schoolIndex));
  const cents = (id: string): Cents => Math.round((values.get(id) as number) * 100);
  const bySource = a.sources.map(() => 0);
  const formulaBySource = a.sources.map(() => 0);
  for (const s of m.sources) {
    bySource[s.index] = cents(s.budgetId);
    formulaBySource[s.index] = cents(s.amountId);
  }
  return { total: cents(m.ids.total), bySource, formulaBySource, turnedOn: cents(m.ids.turnedOn), available: m.ids.available ? cents(m.ids.available) : null, gap: cents(m.ids.shadowGap), values };
}
