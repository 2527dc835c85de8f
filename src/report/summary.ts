/**
 * The contract's summary.json of an allocation: the engine's figures in dollars, and its warnings in words
 * (src/words/allocation.ts). The CLI writes it; the cross-surface tests compare it with the sheets.
 */
import { schoolAttendance } from "../engine/allocate/attendance";
import { carryOverTotals } from "../engine/allocate/carryOver";
import { explainer } from "../engine/allocate/explain";
import { dollarsFromCents } from "../engine/money";
import type { Allocation, Line } from "../engine/types";
import { allocationWarningText } from "../words/allocation";

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

export interface SummaryJson {
  totals: { revenue: number; central: number; schools: number; surplus: number; unfunded: number; roundingRemainder: number };
  /** Whether the weights decide the general money (false while the Revenue Trigger is not reached). */
  weightsOn: boolean;
  matrix: Record<string, Record<string, number>>;
  /** Effective weights: each cell's $ per pupil from every source relative to the first level's Base. */
  weights: Record<string, Record<string, number>>;
  /** Nominal weights as entered in the Weights table (null for a Per Pupil cell or none). */
  nominalWeights: Record<string, Record<string, number | null>>;
  sources: {
    name: string;
    status: string;
    amount: number;
    central: number;
    schoolPool: number;
    foundation: number;
    surplus: number;
    roundingRemainder: number;
    schools: number;
    basePerWeightedPupil: number | null;
  }[];
  schools: {
    id: string;
    name: string;
    students: number;
    total: number;
    turnedOn: number;
    bySource: Record<string, number>;
    current: number | null;
    minimum: number | null;
    change: number | null;
    perPupil: number;
    adjustment: string | null;
    unfunded: number;
    /** The school's Attendance Rate as a fraction (0.938 = 93.8%), or null when not given. */
    attendanceRate: number | null;
    /**
     * Base students funded on average daily attendance at the levels Policy's ADA Levels names (enrolled × rate,
     * half-up to hundredths, summed over those levels), or null when the school has no such level.
     */
    adaStudents: number | null;
    /** Carried from the prior year (+ surplus, − deficit), dollars; null without a Prior Year Balance column. */
    carryOver: number | null;
    /** Available to spend: total + carryOver; null without a Prior Year Balance column. */
    available: number | null;
    /** The school's Norm Budget (dollars), or null when not given. */
    normBudget: number | null;
    /** Its norm-based adjustment (dollars, signed; its own line), or null when Norm Adjustment does not apply to it. */
    normAdjustment: number | null;
    lines: SummaryLine[];
  }[];
  /** The district's carry-over (dollars), or null without a Prior Year Balance column. */
  carryOver: { surplusCarried: number; deficitCarried: number; net: number; schoolsInDeficit: number; schoolsInSurplus: number } | null;
  warnings: string[];
}

/** One line of a school's budget: count × rate = amount (rate and amount in dollars), or a labelled amount. */
export interface SummaryLine {
  source: string;
  kind: Line["kind"];
  level: string | null;
  category: string | null;
  count: number | null;
  rate: number | null;
  amount: number;
}

function summaryLine(l: Line): SummaryLine {
  const category = l.kind === "adjustment" ? (l.rule ?? "Rescaled") : l.kind === "foundation" ? "Foundation" : l.kind === "shortfall" ? "Shortfall" : l.category;
  return { source: l.source, kind: l.kind, level: l.level, category, count: l.count, rate: l.rate === null ? null : dollarsFromCents(l.rate), amount: dollarsFromCents(l.amount) };
}

/** The contract's summary.json for an allocation (money in dollars, at most two decimals). */
export function summaryJson(a: Allocation): SummaryJson {
  const matrix: Record<string, Record<string, number>> = {};
  const weights: Record<string, Record<string, number>> = {};
  const nominalWeights: Record<string, Record<string, number | null>> = {};
  a.matrix.levels.forEach((level, l) => {
    matrix[level] = {};
    weights[level] = {};
    nominalWeights[level] = {};
    a.matrix.categories.forEach((cat, c) => {
      matrix[level][cat] = dollarsFromCents(Math.round(a.matrix.perPupil[l][c]));
      weights[level][cat] = Math.round(a.matrix.weights[l][c] * 10000) / 10000;
      nominalWeights[level][cat] = a.matrix.nominal[l][c];
    });
  });
  const explain = explainer(a);
  const attendance = schoolAttendance(a.district);
  const carried = carryOverTotals(a.schools);
  const orNull = (c: number | null) => (c === null ? null : dollarsFromCents(c));
  return {
    totals: {
      revenue: dollarsFromCents(a.totals.revenue),
      central: dollarsFromCents(a.totals.central),
      schools: dollarsFromCents(a.totals.schools),
      surplus: dollarsFromCents(a.totals.surplus),
      unfunded: dollarsFromCents(a.totals.unfunded),
      roundingRemainder: dollarsFromCents(a.totals.remainder),
    },
    weightsOn: a.weightsOn,
    matrix,
    weights,
    nominalWeights,
    sources: a.sources.map((s) => ({
      name: s.name,
      status: s.status,
      amount: dollarsFromCents(s.amount),
      central: dollarsFromCents(s.central),
      schoolPool: dollarsFromCents(s.schoolPool),
      foundation: dollarsFromCents(s.foundation),
      surplus: dollarsFromCents(s.surplus),
      roundingRemainder: dollarsFromCents(s.remainder),
      schools: dollarsFromCents(s.toSchools),
      // The solved base exactly as it gives the rates (rate = base × weight rounded down to the cent).
      basePerWeightedPupil: s.base === null ? null : Math.round(s.base * 1e6) / 1e8,
    })),
    schools: a.schools.map((s, i) => ({
      id: s.id,
      name: s.name,
      students: s.students,
      total: dollarsFromCents(s.total),
      turnedOn: dollarsFromCents(s.turnedOn),
      bySource: Object.fromEntries(a.sources.map((src) => [src.name, dollarsFromCents(src.bySchool[i])])),
      current: s.current === null ? null : dollarsFromCents(s.current),
      minimum: s.minimum === null ? null : dollarsFromCents(s.minimum),
      change: s.current === null ? null : dollarsFromCents(s.total - s.current),
      perPupil: s.students > 0 ? round2(s.total / s.students / 100) : 0,
      adjustment: s.adjustment,
      unfunded: dollarsFromCents(s.unfunded),
      attendanceRate: attendance[i].rate,
      adaStudents: attendance[i].adaStudents,
      carryOver: orNull(s.carryOver),
      available: orNull(s.available),
      normBudget: orNull(s.normBudget),
      normAdjustment: orNull(s.normAdjustment),
      lines: explain(i).map(summaryLine),
    })),
    carryOver: carried && {
      surplusCarried: dollarsFromCents(carried.surplus),
      deficitCarried: dollarsFromCents(carried.deficit),
      net: dollarsFromCents(carried.net),
      schoolsInDeficit: carried.schoolsInDeficit,
      schoolsInSurplus: carried.schoolsInSurplus,
    },
    warnings: a.warnings.map(allocationWarningText),
  };
}
