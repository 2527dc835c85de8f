/**
 * The shapes of a school calculator model: the editable counts (inputs), the district's locked figures
 * (constants) and the computed figures (quantities, each an expression that is both the TypeScript computation
 * and the workbook formula), grouped by source and by rule.
 */
import type { Cents } from "../../../engine/types";
import type { Expr } from "../../../engine/formula/expr";

export type CalcFormat = "currency" | "rate" | "count" | "percent" | "percent2" | "factor" | "flag" | "share";

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

export type ConstantKind = "rate" | "attendance" | "foundation" | "shortfall" | "share" | "factor" | "phaseIn" | "floor" | "ceiling" | "current" | "minimum" | "projected" | "district" | "carryOver" | "normBudget" | "normShare" | "districtMove";

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
  /** Where the figure comes from, when it is not a plain input of the district. */
  note?: string;
}

/** A computed figure: its expression is both the TypeScript computation and the workbook formula. */
export interface CalcQuantity {
  id: string;
  label: string;
  expr: Expr;
  fmt: CalcFormat;
}

/** One formula line: count × rate (whole cents) rounded to the rounding unit, as the engine's line. */
export interface CalcLine {
  id: string;
  levelIndex: number;
  category: number;
  inputId: string;
  rateId: string;
  /**
   * Base students at a level funded on average daily attendance: the line of the difference ADA − enrolled at the
   * same rate (ROUND(difference × rate, digits)), its id and the difference's id; absent otherwise.
   */
  attendance?: { id: string; differenceId: string; adaId: string };
}

export interface CalcSource {
  index: number;
  name: string;
  general: boolean;
  restricted: boolean;
  /** Status Grant: paid on top, never counted toward floors or caps. */
  grant: boolean;
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
  /** What the pool could not pay of its fixed-rate lines (the engine's labelled shortfall line), or null. */
  shortfallId: string | null;
  /** SUM(lines) [× eligible]. */
  formulaId: string | null;
  /** Foundation + formula − shortfall: the money before phase-in, floors and caps. */
  amountId: string;
  /** The source's part of the change in general money (its adjustment line), or null. */
  moveId: string | null;
  /** Amount + adjustment: the source's budget. */
  budgetId: string;
  /** The full allocation's figures for this school (cents). */
  engine: Cents;
  engineTurnedOn: Cents;
}

/** Phase-in, floors, caps and the budget-neutral factor on general money (null: no rule moves this school). */
export interface CalcAdjust {
  /** Non-grant money before adjustments. */
  formulaTotalId: string;
  targetId: string | null;
  /** The norm-based adjustment (share × (norm budget − formula total), rounded) and the target with it, or null. */
  normId: string | null;
  normTargetId: string | null;
  generalTargetId: string;
  lowId: string | null;
  highId: string | null;
  generalFinalId: string;
  changeId: string;
  /** 1 held at the floor, 2 held at the cap, 3 scaled by the factor or phased in, 0 unchanged. */
  ruleId: string;
  /**
   * With several general sources: the district's change for this school (the sum of the locked
   * District_Adjustment_<Source> parts) and the change the counts typed make beyond it (split by the shares); null
   * with one general source (its part is the whole change).
   */
  districtChangeId: string | null;
  changeBeyondId: string | null;
}

export interface CalculatorModel {
  schoolIndex: number;
  schoolId: string;
  schoolName: string;
  /** District level indexes the school has (its Inputs rows), in district order. */
  levels: number[];
  /**
   * Average daily attendance: the school's Attendance Rate (a locked constant) and, per level whose Base students are
   * funded on attendance, the ADA students ROUND(enrolled × rate, 2) and the difference ROUND(ADA − enrolled, 2);
   * null when no level of the school is funded on attendance.
   */
  attendance: { rateId: string; levels: { levelIndex: number; adaId: string; differenceId: string }[] } | null;
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
  /** False while the revenue trigger keeps the weights off (schools keep their current budgets, scaled to the pool). */
  weightsOn: boolean;
  ids: {
    students: string;
    generalAmount: string;
    otherAmount: string;
    grantAmount: string;
    total: string;
    perPupil: string;
    changeVsCurrent: string | null;
    changePercent: string | null;
    aboveMinimum: string | null;
    /** Total − grants: the money floors and caps apply to. */
    withoutGrants: string;
    /** Total without grants − School_Floor (≥ 0 always), or null without a floor. */
    aboveFloor: string | null;
    shares: Record<string, string>;
    /** The budget with the formula fully turned on (before phase-in, floors and caps). */
    turnedOn: string;
    /** Turned on − this year's total. */
    shadowGap: string;
    /** How many counts differ from the district's projection. */
    countsChanged: string;
    /** The full allocation's total for this school (a reference figure, never added to anything). */
    districtTotal: string;
    /** Total − the full allocation's total. */
    districtDifference: string;
    /** The school's balance carried from the prior year (a locked figure), or null without a Prior Year Balance. */
    carryOver: string | null;
    /** Available to spend: total + carried (live), or null without a Prior Year Balance. */
    available: string | null;
  };
  /** The full allocation's figures for the school (cents). */
  engine: { total: Cents; turnedOn: Cents; current: Cents | null; minimum: Cents | null; floor: Cents | null; ceiling: Cents | null; adjustment: string | null; carryOver: Cents | null; available: Cents | null };
}
