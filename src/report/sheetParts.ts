/**
 * Pieces the planning sheets share (budget tree, cost drivers, savings, funded priorities, multi-year plan, shadow
 * notice): dollars from cents, the A1 range of a table column, a labelled key figure. Plain data only.
 */
import { a1 } from "./names";
import type { PlanCell, PlanTable } from "./plan";

/** Cents (rounded to a whole cent) as dollars, the unit the sheets show. */
export { dollarsFromCents as dollars } from "../engine/money";

/** Range of one table column's data rows, A1 style (0-based table position); from column `firstCol` when given. */
export function columnRange(t: PlanTable, col: number, firstCol = col): string {
  const top = t.r + 1;
  const bottom = t.r + Math.max(1, t.rows.length);
  return `${a1(top, t.c + firstCol)}:${a1(bottom, t.c + col)}`;
}

/** A key figure on row `r`: its label in column `c` (A unless given), its value (with format and style) just right of it. */
export function figure(r: number, label: string, value: Omit<PlanCell, "r" | "c">, c = 0): [PlanCell, PlanCell] {
  return [{ r, c, v: label, style: "label" }, { r, c: c + 1, ...value }];
}
