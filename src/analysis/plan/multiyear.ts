/**
 * The multi-year plan (the Knox County resource-alignment plan's five-year strategic finance plan; the Strategic School Funding for Results guidebook's long-term weight targets, revenue
 * trigger and shadow notice). Each plan year is a full allocate() of that year's projected district, so every year
 * conserves money to the cent exactly as a single run does:
 * 1. enrollment and revenue are projected (projection.ts);
 * 2. weights move linearly from the Weights table toward their Target Weight, reached in the Target Year
 *    (default: the last plan year): w(y) = w + (target − w) × min(1, (y − 1) ÷ (Target Year − 1));
 * 3. each school's Current Budget is last year's plan total less its grants (year 1: the Schools table), so Hold
 *    Harmless and the Gain Cap work year over year on the money they apply to (grants are paid on top);
 * 4. Hold Harmless falls by `Hold Harmless Decay` percentage points a year from the year the weights turn on
 *    (95% → 93% → 91% with a 2-point decay), and stops at 0 (no floor);
 * 5. before the revenue trigger is reached, allocate() itself keeps the weights off (allocate/trigger.ts): general
 *    money follows each school's current unrestricted budget, scaled to the pool, with the floors and caps; once
 *    reached, the weights stay on. Year 1 is the workbook itself, so plan year 1 equals `sfs allocate`.
 */
import { allocate } from "../../engine/allocate";
import type { Allocation, AllocationWarning, Cents, District, InputError, Rate } from "../../engine/types";
import { fiscalLabel } from "./fiscal";
import { projectDistricts, type ProjectionWarning } from "./projection";
import { triggerIndex, unlockedPool } from "./trigger";
import type { Planning } from "./types";

export interface PlanYear {
  /** 1-based plan year. */
  year: number;
  /** "2026-27" when the Budget Year is known, else "Year 1". */
  label: string;
  fiscalYear: number | null;
  district: District;
  allocation: Allocation;
  /** Whether the weights are turned on this year (the formula decides general money). */
  turnedOn: boolean;
  unlockedPool: Cents;
  /** Hold harmless fraction applied this year (null = none). */
  holdHarmless: number | null;
  /** How far the weights are toward their targets, 0..1 (1 when there is no target). */
  weightProgress: number;
  students: number;
}

export interface SchoolTrajectory {
  id: string;
  name: string;
  /** Workbook Current Budget (cents) or null. */
  current: Cents | null;
  totals: Cents[];
  turnedOn: Cents[];
  students: number[];
}

/**
 * A note of the plan, as data: the plan's own (a projection row not used, a level total below its schools' rows,
 * the trigger not reached), or a plan year's allocation warning with the year's label; in words by planWarningText
 * (src/words/plan.ts).
 */
export type PlanWarning =
  | ProjectionWarning
  /** A Projections row whose year is after the last plan year (`years`): not used. */
  | { code: "projectionAfterPlan"; row: number; year: number; years: number }
  /** The unlocked pool does not reach the Revenue Trigger within the plan's `years`. */
  | { code: "triggerNotReached"; years: number }
  | { code: "allocation"; year: string; warning: AllocationWarning };

export interface MultiYearPlan {
  years: PlanYear[];
  trigger: Cents | null;
  /** Plan year in which the weights turn on (1 without a trigger); null when the trigger is not reached in the plan. */
  triggerYear: number | null;
  /** Plan year by which the targets are reached. */
  targetYear: number;
  hasTargets: boolean;
  schools: SchoolTrajectory[];
  warnings: PlanWarning[];
  /** Problems that stop the plan (e.g. floors costing more than a year's pool); the figures must not be written. */
  errors: InputError[];
}

/** Share of the way from the current weights to the targets in plan year `year`. */
export function weightProgress(year: number, targetYear: number): number {
  if (targetYear <= 1) return 1;
  return Math.min(1, Math.max(0, (year - 1) / (targetYear - 1)));
}

/** The rates of a year: weight cells with a target move linearly toward it; other cells are unchanged. */
export function ratesForYear(rates: readonly (readonly (Rate | null)[])[], targets: (number | null)[][], progress: number): (Rate | null)[][] {
  return rates.map((row, l) =>
    row.map((r, c) => {
      const t = targets[l]?.[c] ?? null;
      if (r === null || r.kind !== "weight" || t === null || progress === 0) return r;
      const w = r.weight + (t - r.weight) * progress;
      return { kind: "weight", weight: Math.round(w * 1e9) / 1e9 };
    }),
  );
}

/** Hold harmless of a year: decays by `decay` points per year from the turn-on year; null once it reaches 0. */
export function holdHarmlessFor(base: number | null, decay: number, year: number, onYear: number | null): number | null {
  if (base === null) return null;
  if (onYear === null || year <= onYear || decay <= 0) return base;
  const h = Math.round((base - decay * (year - onYear)) * 1e9) / 1e9;
  return h > 0 ? h : null;
}

/** A school's money from every source but the grants (what Current Budget, floors and caps are about). */
export function nonGrantTotal(a: Allocation, i: number): Cents {
  let grants = 0;
  for (const s of a.sources) if (s.grant) grants += s.bySchool[i];
  return a.schools[i].total - grants;
}

/** Sources whose money does not add up (amount ≠ central + surplus + schools); empty when the year conserves. */
export function conservationBreaks(a: Allocation): string[] {
  const out: string[] = [];
  for (const s of a.sources) {
    const schools = s.bySchool.reduce((x, y) => x + y, 0);
    if (s.central + s.surplus + schools !== s.amount || s.toSchools !== schools) out.push(s.name);
  }
  return out;
}

export function planYears(district: District, planning: Planning, years: number = planning.settings.years): MultiYearPlan {
  const st = planning.settings;
  const n = Math.max(1, Math.floor(years));
  const steps = projectDistricts(district, planning, n);
  const pools = steps.map((s) => unlockedPool(s.district));
  const ti = triggerIndex(pools, st.revenueTrigger);
  const onYear = ti === null ? null : ti + 1;
  const targetYear = st.targetYear ?? n;
  const hasTargets = planning.targets.some((row) => row.some((t) => t !== null));
  const warnings: PlanWarning[] = [];
  for (const p of planning.projections) {
    if (p.year > n) warnings.push({ code: "projectionAfterPlan", row: p.sheetRow, year: p.year, years: n });
  }
  const out: PlanYear[] = [];
  let previous: Allocation | null = null;
  for (let y = 1; y <= n; y++) {
    const step = steps[y - 1];
    const fiscalYear = st.budgetYear === null ? null : st.budgetYear + y - 1;
    const label = fiscalYear === null ? `Year ${y}` : fiscalLabel(fiscalYear, st.fiscalYearStart);
    for (const w of step.warnings) warnings.push(w);
    const progress = hasTargets ? weightProgress(y, targetYear) : 1;
    const holdHarmless = holdHarmlessFor(district.policy.holdHarmless, st.holdHarmlessDecay, y, onYear);
    const prev = previous;
    const d: District = {
      ...step.district,
      rates: hasTargets ? ratesForYear(district.rates, planning.targets, progress) : district.rates,
      schools: prev === null ? step.district.schools : step.district.schools.map((s, i) => ({ ...s, current: nonGrantTotal(prev, i) })),
      // Before the turn-on year the trigger stays (allocate sees the pool below it); from then on the weights stay on.
      policy: { ...district.policy, holdHarmless, revenueTrigger: onYear !== null && y >= onYear ? null : st.revenueTrigger },
    };
    const a = allocate(d);
    if (a.errors.length) {
      const errors = a.errors.map((e) => ({ ...e, planYear: { year: y, label } }));
      return { years: out, trigger: st.revenueTrigger, triggerYear: onYear, targetYear, hasTargets, schools: [], warnings, errors };
    }
    const turnedOn = a.weightsOn;
    for (const w of a.warnings) warnings.push({ code: "allocation", year: label, warning: w });
    out.push({
      year: y,
      label,
      fiscalYear,
      district: d,
      allocation: a,
      turnedOn,
      unlockedPool: pools[y - 1],
      holdHarmless,
      weightProgress: progress,
      students: a.schools.reduce((s, x) => s + x.students, 0),
    });
    previous = a;
  }
  const schools: SchoolTrajectory[] = district.schools.map((s, i) => ({
    id: s.id,
    name: s.name,
    current: s.current,
    totals: out.map((y) => y.allocation.schools[i].total),
    turnedOn: out.map((y) => y.allocation.schools[i].turnedOn),
    students: out.map((y) => y.allocation.schools[i].students),
  }));
  if (st.revenueTrigger !== null && onYear === null) {
    warnings.push({ code: "triggerNotReached", years: n });
  }
  return { years: out, trigger: st.revenueTrigger, triggerYear: onYear, targetYear, hasTargets, schools, warnings, errors: [] };
}
