/**
 * Collects a calculator model's inputs, constants and quantities in evaluation order, with unique defined names.
 */
import { ExcelNames } from "../../../engine/excelNames";
import * as X from "../../../engine/formula/expr";
import type { CalcConstant, CalcFormat, CalcInput, CalcQuantity } from "./types";

export type ConstantSpec = Omit<CalcConstant, "name"> & { nameParts: string[] };

export class ModelBuilder {
  readonly inputs: CalcInput[] = [];
  readonly constants: CalcConstant[] = [];
  readonly quantities: CalcQuantity[] = [];
  readonly names = new ExcelNames();

  /** A computed figure; returns its id. */
  q(id: string, label: string, expr: X.Expr, fmt: CalcFormat = "currency"): string {
    this.quantities.push({ id, label, expr, fmt });
    return id;
  }

  /** A locked figure with a fresh defined name; returns its id. */
  k(spec: ConstantSpec): string {
    const { nameParts, ...rest } = spec;
    this.constants.push({ ...rest, name: this.names.take(...nameParts) });
    return spec.id;
  }

  input(x: Omit<CalcInput, "name" | "id">): string {
    const id = `in:${x.levelIndex}:${x.category}`;
    this.inputs.push({ ...x, id, name: this.names.take("Input", x.categoryName, x.level) });
    return id;
  }
}

/** ROUND(SUM(ids), digits), or 0 for none. */
export function sumOf(ids: string[], digits: number): X.Expr {
  return ids.length === 0 ? X.num(0) : X.round(X.sum(...ids.map(X.ref)), digits);
}

/** A whole-cents amount written in dollars (exact to 15 significant digits). */
export const dollarsOf = (cents: number): number => Math.round(cents) / 100;
