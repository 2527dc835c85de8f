import type { District, InputError } from "../types";
import type { Layout } from "./layout";

/** Mutable working state of one allocation run, shared by the rule steps in order. */
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
  central: number[];
  pool: number[];
  /** School pool not yet paid out (integer cents). */
  avail: number[];
  /**
   * Per source, per school, cents paid so far (these arrays become the results' bySchool). Every payment
   * keeps `paid`, `onTotal` and `onGeneral` up to date (see payEvery).
   */
  by: number[][];
  /** Per source: cents paid to schools so far (sum of by[s]). */
  paid: number[];
  /** Per school: cents paid so far by all sources, and by the general sources. */
  onTotal: Float64Array;
  onGeneral: Float64Array;
  /** Per source: the turned-on amounts, recorded before the adjustments move general money (null = never moved). */
  turnedOn: (number[] | null)[];
  /** Per school: cents moved by the adjustments (final total = onTotal + moved). */
  moved: Float64Array;
  foundationPer: number[];
  /** Per school: 1 when it receives the foundation. */
  receivesFoundation: Uint8Array;
  fixedPaid: number[];
  base: (number | null)[];
  /** Per source, per (level, category): cents of fixed cost paid (for the matrix). */
  paidCat: Float64Array[];
  /** Per (level, category): total fixed cost demanded. */
  costCat: Float64Array;
  /** Per (row, category): fixed cost still unpaid. */
  rem: Float64Array;
  errors: InputError[];
  warnings: string[];
}

/** Pay source s amounts[i] cents at every school i (amounts aligned with the schools). */
export function payEvery(w: Work, s: number, amounts: ArrayLike<number>): void {
  const by = w.by[s];
  const onTotal = w.onTotal;
  const onGeneral = w.onGeneral;
  const general = w.general[s];
  let paid = 0;
  for (let i = 0; i < amounts.length; i++) {
    const v = amounts[i];
    if (v === 0) continue;
    by[i] += v;
    onTotal[i] += v;
    if (general) onGeneral[i] += v;
    paid += v;
  }
  w.paid[s] += paid;
}

/**
 * Scratch typed arrays reused from run to run, one per named slot: allocating (and collecting) large typed
 * arrays costs more than the loops that fill them. The engine is synchronous and never re-entered, each call
 * site uses its own slot, and no scratch array escapes a run (results are always fresh arrays).
 */
const SCRATCH_F64 = new Map<string, Float64Array>();
const SCRATCH_I32 = new Map<string, Int32Array>();

/** A zero-filled Float64Array of length n, reused: valid until the next request for the same slot. */
export function scratchF64(slot: string, n: number): Float64Array {
  const a = SCRATCH_F64.get(slot);
  if (a && a.length === n) return a.fill(0);
  const b = new Float64Array(n);
  SCRATCH_F64.set(slot, b);
  return b;
}

/** A zero-filled Int32Array of length n, reused like scratchF64. */
export function scratchI32(slot: string, n: number): Int32Array {
  const a = SCRATCH_I32.get(slot);
  if (a && a.length === n) return a.fill(0);
  const b = new Int32Array(n);
  SCRATCH_I32.set(slot, b);
  return b;
}

let ZEROS: number[] = [];

/**
 * A new plain array of n zeros. Copying a packed template is much faster than new Array(n).fill(0); the
 * template holds doubles (it once held 0.5), so that cents beyond the small-integer range never make V8
 * convert the copies' storage while they are being filled.
 */
export function zeros(n: number): number[] {
  if (ZEROS.length !== n) {
    ZEROS = [0.5];
    for (let i = 1; i < n; i++) ZEROS.push(0);
    ZEROS[0] = 0;
    ZEROS.length = n;
  }
  return ZEROS.slice();
}

export function dollars(cents: number): string {
  const v = cents / 100;
  return v.toLocaleString("en-US", { style: "currency", currency: "USD", maximumFractionDigits: Number.isInteger(v) ? 0 : 2 });
}
