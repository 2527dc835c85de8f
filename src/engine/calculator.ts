/**
 * The school calculator: one school's budget as a chain of spreadsheet-style formulas, with every
 * district-wide figure held fixed (each source's $ per pupil, the foundation, the budget-neutral factor, the
 * general sources' shares, the school's floor and ceiling). The district cannot be re-run inside one school's
 * workbook, so this is the allocation "at fixed rates".
 *
 * One description (`calculatorModel`) drives both faces: `schoolAtFixedRates` evaluates it here, and
 * src/report/calculator.ts writes the same expressions as Excel formulas. The arithmetic is the spreadsheet's
 * (ROUND to cents per line, to the rounding unit per source, see calculator/expr.ts).
 *
 * Exactness at the district's own counts: the engine rounds with largest remainders across all schools, which
 * no single-school formula can repeat. Each source therefore carries a locked "district rounding adjustment"
 * = engine amount − formula amount at the projected counts, shown as its own line; at the projected counts the
 * calculator equals the engine to the cent, and for other counts it moves exactly as the formulas say.
 *
 * The shadow notice (seed 002, LAUSD) is part of the same model: the budget with the formula fully turned on is
 * general + restricted money before phase-in, floors and caps, plus its own locked rounding adjustment, so it equals
 * SchoolResult.turnedOn at the projected counts; the gap is turned on − this year's total.
 */
import { adjustmentWords, explainer } from "./allocate/explain";
import { fundedCategory } from "./allocate/layout";
import * as X from "./calculator/expr";
import { attributeMatches, describeEligibility, describeRule } from "./eligibility";
import { labelKey, normalizeHeader } from "./parse/headers";
import type { Allocation, Cents, Line } from "./types";
import { ExcelNames } from "./excelNames";

export type CalcFormat = "currency" | "rate" | "count" | "percent" | "factor" | "flag" | "share";

/** An editable count: students or a need count at one of the school's levels. */
export interface CalcInput {
  id: string;
  /** Workbook-level defined name, e.g. Input_Students_Elementary, Input_English_Learner_Elementary. */
  name: string;
  levelIndex: number;
  level: string;
  /** 0 = Students, k = district.needs[k - 1]. */
  category: number;
  categoryName: string;
  /** The district's projected count. */
  original: number;
}

export type ConstantKind =
  | "rate"
  | "foundation"
  | "share"
  | "factor"
  | "phaseIn"
  | "floor"
  | "ceiling"
  | "current"
  | "minimum"
  | "adjustment"
  | "turnedOnAdjustment";

/** A locked number the formulas read. */
export interface CalcConstant {
  id: string;
  kind: ConstantKind;
  /** Defined name, e.g. Rate_Elementary_Base_State_Base_Aid. */
  name: string;
  label: string;
  value: number;
  fmt: CalcFormat;
  sourceIndex?: number;
  levelIndex?: number;
  category?: number;
  /** Why the figure is fixed / where it comes from, when it is not a plain input of the district. */
  note?: string;
}

/** A computed figure: its expression is both the TypeScript computation and the workbook formula. */
export interface CalcQuantity {
  id: string;
  label: string;
  expr: X.Expr;
  fmt: CalcFormat;
}

export interface CalcLine {
  id: string;
  levelIndex: number;
  category: number;
  inputId: string;
  rateId: string;
}

export interface CalcSource {
  index: number;
  name: string;
  general: boolean;
  restricted: boolean;
  /** "All" or the category the source pays for. */
  funds: string;
  /** Category index the source pays (-1 = whole formula). */
  category: number;
  /** "yes": always eligible here; "rule": decided live by a need-share rule. */
  eligibility: "yes" | "rule";
  eligibleText: string;
  eligibleId: string | null;
  lines: CalcLine[];
  foundationId: string | null;
  /** ROUND(SUM(lines) [x eligible], 2). */
  formulaId: string | null;
  /** Foundation + formula, rounded to the district's unit: before phase-in / floors / caps. */
  amountId: string;
  /** Share of the budget-neutral move of general money (general sources only, when adjustments apply). */
  moveId: string | null;
  /** After phase-in / floors / caps. */
  finalId: string;
  adjustmentId: string;
  /** Final + district rounding adjustment. */
  budgetId: string;
  /** The engine's figures for this school (cents). */
  engine: Cents;
  engineTurnedOn: Cents;
}

export interface CalcAdjust {
  formulaTotalId: string;
  targetId: string | null;
  generalTargetId: string;
  lowId: string | null;
  highId: string | null;
  generalFinalId: string;
  changeId: string;
}

export interface CalculatorModel {
  schoolIndex: number;
  schoolId: string;
  schoolName: string;
  /** District level indexes the school has (its Inputs rows), in district order. */
  levels: number[];
  /** "Students" then the needs. */
  categories: string[];
  /** 0 = whole dollars, 2 = cents (Policy Rounding). */
  unitDigits: 0 | 2;
  inputs: CalcInput[];
  constants: CalcConstant[];
  /** In evaluation order (each refers only to inputs, constants and earlier quantities). */
  quantities: CalcQuantity[];
  sources: CalcSource[];
  /** Sources the school cannot receive (not eligible), with the reason. */
  unavailable: { index: number; name: string; reason: string }[];
  adjust: CalcAdjust | null;
  ids: {
    students: string;
    generalAmount: string;
    otherAmount: string;
    total: string;
    perPupil: string;
    changeVsCurrent: string | null;
    changePercent: string | null;
    aboveMinimum: string | null;
    shares: Record<string, string>;
    /**
     * The shadow notice: the budget with the formula fully turned on (general + restricted money before phase-in,
     * floors and caps, plus its own district rounding adjustment), and the gap turned on − this year's total.
     */
    turnedOn: string;
    turnedOnAdjustment: string;
    shadowGap: string;
  };
  /** Engine figures for the school (cents). */
  engine: { total: Cents; turnedOn: Cents; current: Cents | null; minimum: Cents | null; floor: Cents | null; ceiling: Cents | null; adjustment: string | null };
}

/** Counts by [district level index][category] (0 = Students); levels the school does not have are ignored. */
export type CalculatorCounts = number[][];

/** A locked figure written with at most 12 significant digits: every spreadsheet reads it back as the same double. */
export function fixed12(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(12)) : 0;
}

const $ = (cents: number): number => Math.round(cents) / 100;

interface Context {
  lines: (i: number) => Line[];
  shares: number[];
  hasRows: boolean[];
}

const contexts = new WeakMap<Allocation, Context>();

function context(a: Allocation): Context {
  let c = contexts.get(a);
  if (c) return c;
  const d = a.district;
  const hasRows = d.schools.map(() => false);
  for (const r of d.enrollment) hasRows[r.schoolIndex] = true;
  // The general sources' shares used to split a school's budget-neutral change (as the engine does: by
  // the general money each source paid, before adjustments, to schools with enrolment).
  const shares = a.sources.map((s) => (s.general ? s.turnedOnBySchool.reduce((x, v, i) => x + (hasRows[i] ? v : 0), 0) : 0));
  c = { lines: explainer(a), shares, hasRows };
  contexts.set(a, c);
  return c;
}

/** The school's projected counts, by [level][category]. */
export function originalCounts(a: Allocation, schoolIndex: number): CalculatorCounts {
  const d = a.district;
  const counts = d.levels.map(() => new Array<number>(d.needs.length + 1).fill(0));
  for (const r of d.enrollment) {
    if (r.schoolIndex !== schoolIndex) continue;
    counts[r.levelIndex][0] += r.students;
    r.needs.forEach((n, k) => (counts[r.levelIndex][k + 1] += n));
  }
  return counts;
}

/** Build the calculator description of one school. Throws RangeError for a bad index. */
export function calculatorModel(a: Allocation, schoolIndex: number): CalculatorModel {
  const d = a.district;
  const school = a.schools[schoolIndex];
  if (!school) throw new RangeError(`no school at index ${schoolIndex}`);
  const ctx = context(a);
  const p = d.policy;
  const ud: 0 | 2 = p.rounding === "dollar" ? 0 : 2;
  const names = new ExcelNames();
  const categories = ["Students", ...d.needs];
  const counts = originalCounts(a, schoolIndex);
  let levels = d.levels.map((_, l) => l).filter((l) => d.enrollment.some((r) => r.schoolIndex === schoolIndex && r.levelIndex === l));
  if (levels.length === 0) levels = d.levels.map((_, l) => l);

  const inputs: CalcInput[] = [];
  for (const l of levels) {
    categories.forEach((cat, c) => {
      inputs.push({ id: `in:${l}:${c}`, name: names.take("Input", cat, d.levels[l]), levelIndex: l, level: d.levels[l], category: c, categoryName: cat, original: counts[l][c] });
    });
  }
  const constants: CalcConstant[] = [];
  const quantities: CalcQuantity[] = [];
  const q = (id: string, label: string, expr: X.Expr, fmt: CalcFormat = "currency"): string => {
    quantities.push({ id, label, expr, fmt });
    return id;
  };
  const k = (c: CalcConstant): string => {
    constants.push(c);
    return c.id;
  };
  const R = X.ref;

  // Students and the need shares that live eligibility rules read.
  const students = q("students", "Students", X.sum(...levels.map((l) => R(`in:${l}:0`))), "count");
  const shareIds: Record<string, string> = {};
  const shareOf = (need: string): string | null => {
    const j = d.needs.findIndex((n) => normalizeHeader(n) === normalizeHeader(need));
    if (j < 0) return null;
    if (shareIds[need]) return shareIds[need];
    const id = q(
      `share:${j + 1}`,
      `${d.needs[j]} share of students (%)`,
      X.iff(X.cmp(">", R(students), X.num(0)), X.round(X.div(X.mul(X.sum(...levels.map((l) => R(`in:${l}:${j + 1}`))), X.num(100)), R(students)), 6), X.num(0)),
      "share",
    );
    shareIds[need] = id;
    return id;
  };

  const sources: CalcSource[] = [];
  const unavailable: CalculatorModel["unavailable"] = [];
  a.sources.forEach((sr, s) => {
    const src = d.sources[s];
    const e = src.eligible;
    const cat = fundedCategory(d, src);
    const engine = sr.bySchool[schoolIndex];
    const engineOn = sr.turnedOnBySchool[schoolIndex];
    // Fixed parts of eligibility: School ID lists and Schools attributes.
    let reason: string | null = null;
    if (sr.status === "Locked" || sr.schoolPool === 0) reason = sr.status === "Locked" ? "held centrally (Locked)" : "no school pool";
    else if (e.schoolIds !== null && !e.schoolIds.some((id) => labelKey(id) === labelKey(school.id))) reason = `only for ${e.schoolIds.join(", ")}`;
    else {
      for (const r of e.rules) {
        if (r.kind !== "attribute") continue;
        const cell = d.schools[schoolIndex].attributes[r.key];
        if (!attributeMatches(cell === undefined ? null : cell, r.op, r.value)) reason = `only where ${describeRule(r)}`;
      }
    }
    const levelOk = (l: number): boolean => e.levels === null || e.levels.some((x) => labelKey(x) === labelKey(d.levels[l]));
    const shareRules = e.rules.filter((r) => r.kind === "share");
    const lines: CalcLine[] = [];
    if (reason === null) {
      for (const l of levels) {
        if (!levelOk(l)) continue;
        for (let c = 0; c < categories.length; c++) {
          if (cat !== -1 && cat !== c) continue;
          const rate = a.matrix.bySource[s]?.[l]?.[c] ?? 0;
          if (!(rate > 0)) continue;
          const rateId = k({
            id: `rate:${s}:${l}:${c}`,
            kind: "rate",
            name: names.take("Rate", d.levels[l], c === 0 ? "Base" : categories[c], src.name),
            label: `${src.name}: ${d.levels[l]} ${c === 0 ? "Base" : categories[c]}`,
            value: fixed12(rate / 100),
            fmt: "rate",
            sourceIndex: s,
            levelIndex: l,
            category: c,
          });
          const id = `line:${s}:${l}:${c}`;
          q(id, `${src.name}: ${d.levels[l]} ${c === 0 ? "students" : categories[c]} × $ per pupil`, X.round(X.mul(R(`in:${l}:${c}`), R(rateId)), 2));
          lines.push({ id, levelIndex: l, category: c, inputId: `in:${l}:${c}`, rateId });
        }
      }
    }
    const foundation = sr.foundationPerSchool > 0 && school.foundation > 0 ? sr.foundationPerSchool : 0;
    if (reason !== null || (lines.length === 0 && foundation === 0 && engine === 0 && engineOn === 0)) {
      if (engine === 0) {
        unavailable.push({ index: s, name: src.name, reason: reason ?? (levels.some(levelOk) ? "no $ per pupil for this school's students" : `only for ${describeEligibility(e).replace(/^Only /, "")}`) });
        return;
      }
    }
    let eligibleId: string | null = null;
    if (shareRules.length > 0 && lines.length > 0) {
      const conds = shareRules.map((r) => {
        const sid = shareOf(r.key);
        return sid === null ? X.num(0) : X.cmp(r.op, X.ref(sid), X.num(Number(r.value)));
      });
      eligibleId = q(`elig:${s}`, `${src.name}: eligible (1 = yes)`, X.iff(conds.length === 1 ? conds[0] : X.and(...conds), X.num(1), X.num(0)), "flag");
    }
    let formulaId: string | null = null;
    if (lines.length > 0) {
      const linesSum = X.sum(...lines.map((x) => R(x.id)));
      formulaId = q(`formula:${s}`, `${src.name}: formula`, X.round(eligibleId ? X.mul(linesSum, R(eligibleId)) : linesSum, 2));
    }
    let foundationId: string | null = null;
    if (foundation > 0) {
      foundationId = k({
        id: `foundation:${s}`,
        kind: "foundation",
        name: names.take("Foundation", src.name),
        label: `Foundation per school from ${src.name}`,
        value: $(foundation),
        fmt: "currency",
        sourceIndex: s,
        note: "Every school with students receives the foundation, paid by the general sources in proportion to their school pools.",
      });
    }
    const parts: X.Expr[] = [];
    if (foundationId) parts.push(R(foundationId));
    if (formulaId) parts.push(R(formulaId));
    const amountExpr = parts.length === 0 ? X.num(0) : X.round(parts.length === 1 ? parts[0] : X.add(parts[0], parts[1]), ud);
    const amountId = q(`amount:${s}`, `${src.name}: before phase-in, floors and caps`, amountExpr);
    sources.push({
      index: s,
      name: src.name,
      general: sr.general,
      restricted: sr.restricted,
      funds: src.funds,
      category: cat,
      eligibility: eligibleId ? "rule" : "yes",
      eligibleText: describeEligibility(e),
      eligibleId,
      lines,
      foundationId,
      formulaId,
      amountId,
      moveId: null,
      finalId: amountId,
      adjustmentId: `adj:${s}`,
      budgetId: `budget:${s}`,
      engine,
      engineTurnedOn: engineOn,
    });
  });

  const generals = sources.filter((s) => s.general);
  const others = sources.filter((s) => !s.general);
  const sumOf = (list: CalcSource[]): X.Expr => (list.length === 0 ? X.num(0) : X.round(X.sum(...list.map((s) => R(s.amountId))), 2));
  const generalAmount = q("general", "General money before phase-in, floors and caps", sumOf(generals));
  const otherAmount = q("other", "Restricted and targeted money", sumOf(others));

  // Phase-in, floors and caps: only general money moves, budget-neutral with the district's common factor.
  const current = school.current;
  const phased = current !== null && p.phaseIn < 1;
  const active = generals.length > 0 && (a.neutralityFactor !== 1 || school.floor !== null || school.ceiling !== null || phased);
  let adjust: CalcAdjust | null = null;
  let currentId: string | null = null;
  if (current !== null) {
    currentId = k({ id: "current", kind: "current", name: names.take("Current_Budget"), label: "Current budget (this year)", value: $(current), fmt: "currency" });
  }
  const minimumId =
    school.minimum !== null
      ? k({ id: "minimum", kind: "minimum", name: names.take("Minimum_Budget"), label: "Minimum operating budget (MOB)", value: $(school.minimum), fmt: "currency" })
      : null;
  if (active) {
    const formulaTotalId = q("formulaTotal", "Formula total (all sources)", X.round(X.add(R(generalAmount), R(otherAmount)), 2));
    let targetId: string | null = null;
    if (phased && currentId) {
      const phaseId = k({ id: "phaseIn", kind: "phaseIn", name: names.take("Phase_In"), label: "Phase-in (share of the move applied this year)", value: p.phaseIn, fmt: "percent" });
      targetId = q("target", "Phase-in target: current + phase-in × (formula − current)", X.round(X.add(R(currentId), X.mul(R(phaseId), X.sub(R(formulaTotalId), R(currentId)))), 2));
    }
    const generalTargetId = q("generalTarget", "General money target (target − restricted money, at least 0)", X.round(X.max(X.num(0), X.sub(R(targetId ?? formulaTotalId), R(otherAmount))), 2));
    const factorId = k({
      id: "factor",
      kind: "factor",
      name: names.take("Neutrality_Factor"),
      label: "Budget-neutral factor on general money",
      value: fixed12(a.neutralityFactor),
      fmt: "factor",
      note: "Set by the whole district so that floors and caps cost nothing extra: schools not held at a floor or cap share the cost. Fixed here; if your counts changed, every school's budget and this factor would move slightly.",
    });
    let lowId: string | null = null;
    if (school.floor !== null) {
      const floorId = k({
        id: "floor",
        kind: "floor",
        name: names.take("School_Floor"),
        label: "Floor on this school's total (the larger of MOB and hold harmless)",
        value: $(school.floor),
        fmt: "currency",
      });
      lowId = q("low", "Floor for general money (floor − restricted money, at least 0)", X.round(X.max(X.num(0), X.sub(R(floorId), R(otherAmount))), 2));
    }
    let highId: string | null = null;
    if (school.ceiling !== null) {
      const ceilingId = k({ id: "ceiling", kind: "ceiling", name: names.take("School_Ceiling"), label: "Ceiling on this school's total (gain cap)", value: $(school.ceiling), fmt: "currency" });
      highId = q("high", "Ceiling for general money (ceiling − restricted money, at least the floor)", X.round(X.max(lowId ? R(lowId) : X.num(0), X.sub(R(ceilingId), R(otherAmount))), 2));
    }
    const scaled = X.mul(R(factorId), R(generalTargetId));
    const floored = lowId ? X.max(scaled, R(lowId)) : scaled;
    const bounded = highId ? X.min(floored, R(highId)) : floored;
    const generalFinalId = q("generalFinal", "General money after phase-in, floors and caps", X.round(bounded, ud));
    const changeId = q("change", "Change in general money", X.round(X.sub(R(generalFinalId), R(generalAmount)), 2));
    adjust = { formulaTotalId, targetId, generalTargetId, lowId, highId, generalFinalId, changeId };
    const totalShare = generals.reduce((x, g) => x + ctx.shares[g.index], 0);
    const moves: string[] = [];
    generals.forEach((g, n) => {
      let expr: X.Expr;
      if (n < generals.length - 1) {
        const shareId = k({
          id: `gshare:${g.index}`,
          kind: "share",
          name: names.take("Share", g.name),
          label: `${g.name}: share of general money`,
          value: fixed12(totalShare > 0 ? ctx.shares[g.index] / totalShare : 1 / generals.length),
          fmt: "share",
          sourceIndex: g.index,
          note: "District-wide share of this source in the general money; a school's change in general money is split by these shares.",
        });
        expr = X.round(X.mul(R(changeId), R(shareId)), ud);
      } else {
        expr = moves.length === 0 ? R(changeId) : X.round(X.sub(R(changeId), X.sum(...moves.map((m) => R(m)))), 2);
      }
      g.moveId = q(`move:${g.index}`, `${g.name}: share of the change`, expr);
      moves.push(g.moveId);
      g.finalId = q(`final:${g.index}`, `${g.name}: after phase-in, floors and caps`, X.round(X.add(R(g.amountId), R(g.moveId)), 2));
    });
  }

  for (const s of sources) {
    k({
      id: s.adjustmentId,
      kind: "adjustment",
      name: names.take("Rounding_Adjustment", s.name),
      label: `${s.name}: district rounding adjustment`,
      value: 0,
      fmt: "currency",
      sourceIndex: s.index,
      note: "Engine amount − formula amount at the projected counts (largest-remainder rounding across all schools).",
    });
    q(s.budgetId, `${s.name}: budget`, X.round(X.add(R(s.finalId), R(s.adjustmentId)), 2));
  }
  const total = q("total", "Total budget", sources.length === 0 ? X.num(0) : X.round(X.sum(...sources.map((s) => R(s.budgetId))), 2));
  const perPupil = q("perPupil", "Budget per student", X.iff(X.cmp(">", R(students), X.num(0)), X.round(X.div(R(total), R(students)), 2), X.num(0)));
  let changeVsCurrent: string | null = null;
  let changePercent: string | null = null;
  if (currentId) {
    changeVsCurrent = q("vsCurrent", "Change vs current budget", X.round(X.sub(R(total), R(currentId)), 2));
    changePercent = q("vsCurrentPct", "Change vs current budget (%)", X.iff(X.cmp(">", R(currentId), X.num(0)), X.round(X.div(R(changeVsCurrent), R(currentId)), 4), X.num(0)), "percent");
  }
  const aboveMinimum = minimumId ? q("vsMinimum", "Above the minimum operating budget by", X.round(X.sub(R(total), R(minimumId)), 2)) : null;
  // The shadow notice: the formula fully turned on is the money before phase-in, floors and caps. Its own locked
  // rounding adjustment (engine turned-on amount − formula at the projected counts) makes it exact there too.
  const turnedOnAdjustment = k({
    id: "turnedOnAdjustment",
    kind: "turnedOnAdjustment",
    name: names.take("Turned_On_Rounding_Adjustment"),
    label: "District rounding adjustment (formula turned on)",
    value: 0,
    fmt: "currency",
    note: "Engine turned-on amount − formula amount at the projected counts (largest-remainder rounding across all schools).",
  });
  const turnedOn = q(
    "turnedOn",
    "Budget with the formula fully turned on (before phase-in, floors and caps)",
    X.round(X.add(X.add(R(generalAmount), R(otherAmount)), R(turnedOnAdjustment)), 2),
  );
  const shadowGap = q("shadowGap", "Gap: with the formula turned on − this year's budget", X.round(X.sub(R(turnedOn), R(total)), 2));

  const model: CalculatorModel = {
    schoolIndex,
    schoolId: school.id,
    schoolName: school.name,
    levels,
    categories,
    unitDigits: ud,
    inputs,
    constants,
    quantities,
    sources,
    unavailable,
    adjust,
    ids: { students, generalAmount, otherAmount, total, perPupil, changeVsCurrent, changePercent, aboveMinimum, shares: shareIds, turnedOn, turnedOnAdjustment, shadowGap },
    engine: { total: school.total, turnedOn: school.turnedOn, current: school.current, minimum: school.minimum, floor: school.floor, ceiling: school.ceiling, adjustment: school.adjustment },
  };
  // District rounding adjustments: engine − formula at the projected counts (to the cent).
  const at = evaluateModel(model, counts);
  for (const s of sources) {
    const c = constants.find((x) => x.id === s.adjustmentId) as CalcConstant;
    c.value = (s.engine - Math.round((at.get(s.finalId) as number) * 100)) / 100;
  }
  const onAdj = constants.find((x) => x.id === turnedOnAdjustment) as CalcConstant;
  onAdj.value = (school.turnedOn - Math.round((at.get(turnedOn) as number) * 100)) / 100;
  return model;
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
  /** Before the district rounding adjustments, by source, cents. */
  formulaBySource: Cents[];
  /** The budget with the formula fully turned on (before phase-in, floors and caps), cents. */
  turnedOn: Cents;
  /** turnedOn − total, cents (the shadow notice's gap). */
  gap: Cents;
  /** Every figure of the calculator, in dollars, by id. */
  values: X.Values;
}

/**
 * A school's budget for the given counts with every district-wide factor fixed, computed with exactly the
 * arithmetic of the calculator workbook's formulas. At the school's projected counts it equals the engine's
 * allocation to the cent.
 */
export function schoolAtFixedRates(a: Allocation, schoolIndex: number, counts?: CalculatorCounts, model?: CalculatorModel): FixedRateBudget {
  const m = model ?? calculatorModel(a, schoolIndex);
  const values = evaluateModel(m, counts ?? originalCounts(a, schoolIndex));
  const bySource = a.sources.map(() => 0);
  const formulaBySource = a.sources.map(() => 0);
  for (const s of m.sources) {
    bySource[s.index] = Math.round((values.get(s.budgetId) as number) * 100);
    formulaBySource[s.index] = Math.round((values.get(s.finalId) as number) * 100);
  }
  const cents = (id: string): Cents => Math.round((values.get(id) as number) * 100);
  return { total: cents(m.ids.total), bySource, formulaBySource, turnedOn: cents(m.ids.turnedOn), gap: cents(m.ids.shadowGap), values };
}

const usd = (cents: number): string => (Math.round(cents / 100)).toLocaleString("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });

/** What drives the school's budget, in plain sentences (from the engine's explanation lines at the projected counts). */
export function calculatorDrivers(a: Allocation, schoolIndex: number): string[] {
  const school = a.schools[schoolIndex];
  const lines = context(a).lines(schoolIndex);
  const out: string[] = [];
  const byCat = new Map<string, number>();
  let foundation = 0;
  let adjustment = 0;
  let other = 0;
  for (const l of lines) {
    if (l.kind === "foundation") foundation += l.amount;
    else if (l.kind === "adjustment") adjustment += l.amount;
    else if (l.category) byCat.set(l.category, (byCat.get(l.category) ?? 0) + l.amount);
    else other += l.amount;
  }
  const total = school.total;
  const pct = (x: number): string => (total > 0 ? `${Math.round((x / total) * 100)}%` : "0%");
  out.push(`${school.name} receives ${usd(total)} for ${school.students.toLocaleString("en-US")} students (${usd(school.perPupil)} per student).`);
  const base = byCat.get("Base") ?? 0;
  if (base) out.push(`${usd(base)} (${pct(base)}) follows every student: the base $ per pupil for each schooling level.`);
  const needs = [...byCat.entries()].filter(([c]) => c !== "Base" && byCat.get(c));
  if (needs.length) {
    const sumNeeds = needs.reduce((x, [, v]) => x + v, 0);
    out.push(`${usd(sumNeeds)} (${pct(sumNeeds)}) follows students with extra needs: ${needs.map(([c, v]) => `${c} ${usd(v)}`).join(", ")}.`);
  }
  if (other) out.push(`${usd(other)} of formula money is not tied to one cell of the matrix (rounding across lines).`);
  if (foundation) out.push(`${usd(foundation)} (${pct(foundation)}) is the foundation every school receives before the formula.`);
  if (adjustment) out.push(`${adjustmentWords(school.adjustment ?? "Rescaled")}: ${adjustment > 0 ? "+" : ""}${usd(adjustment)}.`);
  if (school.current !== null) {
    const change = total - school.current;
    out.push(`Compared with the current budget of ${usd(school.current)}, that is ${change >= 0 ? "an increase" : "a decrease"} of ${usd(Math.abs(change))}${school.current > 0 ? ` (${((change / school.current) * 100).toFixed(1)}%)` : ""}.`);
  }
  const restricted = a.sources.reduce((x, s) => x + (s.restricted ? s.bySchool[schoolIndex] : 0), 0);
  if (restricted) out.push(`${usd(restricted)} of the total comes from restricted sources, which may only be spent on what they fund (see the School Plan sheet).`);
  return out;
}
