import type { AllocationWarning, District, InputError } from "../types";
import type { Layout } from "./layout";

/**
 * Mutable working state of one allocation run, shared by the rule steps in order. Everything here belongs to
 * the run that created it (see newWork): no rule keeps state between runs.
 */
export interface Work {
  d: District;
  L: Layout;
  /** 1 for cent rounding, 100 for whole dollars. */
  unit: number;
  /** Per source: 1 per enrollment row that may receive its money. */
  elig: Uint8Array[];
  /** Per source: category index it pays (-1 = whole formula). */
  cat: number[];
  general: boolean[];
  /** Per source: Status Grant (paid on top of everything else, never moved by floors, caps or the trigger). */
  grant: boolean[];
  central: number[];
  pool: number[];
  /** School pool not yet paid out (integer cents). */
  avail: number[];
  /**
   * Per source, per school, cents paid so far (these arrays become the results' bySchool). Every payment
   * keeps `paid`, `onTotal`, `onGeneral` and `onGrant` up to date (see payEvery).
   */
  by: number[][];
  /** Per source: cents paid to schools so far (sum of by[s]). */
  paid: number[];
  /** Per school: cents paid so far by all sources, by the general sources and by the grants. */
  onTotal: Float64Array;
  onGeneral: Float64Array;
  onGrant: Float64Array;
  /** Per source: the turned-on amounts, recorded before the adjustments move general money (null = never moved). */
  turnedOn: (number[] | null)[];
  /** Per school: cents moved by the adjustments (final total = onTotal + moved). */
  moved: Float64Array;
  foundationPer: number[];
  /** Per school: 1 when it receives the foundation. */
  receivesFoundation: Uint8Array;
  fixedPaid: number[];
  /** Per source: the solved $ per weighted pupil (cents) its cell rates come from, or null. */
  base: (number | null)[];
  /** Per source: whole-cent rate of each (level, category) cell it pays by a solved rate (0 = none). */
  cellRate: Float64Array[];
  /**
   * Per source: whole-cent rate of each (row, category) fixed cell it pays in the fixed-rate waterfall, for the
   * enrollment rows then one virtual row per level (a school eligible for every source, for the matrix); null
   * when the source pays no fixed cell.
   */
  rowRate: (Float64Array | null)[];
  /** Per source, per school: what the source's pool could not pay of its fixed-rate lines (≥ 0), or null. */
  shortfall: (number[] | null)[];
  /** Per source: pool left central by rounding: whole-cent solved rates, and budget-neutral shares rounded school by school (≥ 0). */
  remainder: number[];
  /** Per (row, category): fixed rate no source pays (whole cents), for the unfunded amount. */
  rem: Float64Array;
  /** Per school, scratch of one step (cleared by whoever uses it). */
  perSchool: Float64Array;
  errors: InputError[];
  warnings: AllocationWarning[];
}

/** Pay source s amounts[i] cents at every school i (amounts aligned with the schools). */
export function payEvery(w: Work, s: number, amounts: ArrayLike<number>): void {
  const by = w.by[s];
  const onTotal = w.onTotal;
  const side = w.general[s] ? w.onGeneral : w.grant[s] ? w.onGrant : null;
  let paid = 0;
  for (let i = 0; i < amounts.length; i++) {
    const v = amounts[i];
    if (v === 0) continue;
    by[i] += v;
    onTotal[i] += v;
    if (side) side[i] += v;
    paid += v;
  }
  w.paid[s] += paid;
}

/** A new plain array of n zeros (each run gets its own). */
export function zeros(n: number): number[] {
  return new Array<number>(n).fill(0);
}

/** Money in messages and explanation lines: the one money format (src/engine/money.ts). */
export { dollars } from "../money";
