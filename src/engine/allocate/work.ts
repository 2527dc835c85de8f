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
  /** Per source, per school, cents paid so far. */
  by: Float64Array[];
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

export { dollars } from "../money";
