/**
 * Laying out a calculator model on sheets: every model quantity is written as a formula (filled in once every
 * figure has a place), every constant as a locked value with its defined name, every display cell as a reference.
 */
import type { CalcFormat, CalculatorModel } from "./model";
import { toFormula, type Place, type Values } from "../../engine/formula/expr";
import { a1, ExcelNames } from "../names";
import type { CellStyle, DefinedName, NumberFormat, PlanCell, PlanValue } from "../plan";

export const FMT: Record<CalcFormat, NumberFormat> = {
  currency: "currency",
  rate: "currency",
  count: "integer",
  percent: "percent1",
  percent2: "percent2",
  factor: "decimal4",
  flag: "integer",
  share: "decimal2",
};

/** A constant's format: whole-cent rates print as $ with cents, any finer rate with four decimals (the rate used is the rate printed). */
export function rateFormat(k: { fmt: CalcFormat; value: number }): NumberFormat {
  if (k.fmt !== "rate") return FMT[k.fmt];
  return Number.isInteger(Math.round(k.value * 100 * 1e6) / 1e6) ? "currency" : "decimal4";
}

/** Cells and names of one sheet being laid out. */
export class Sheet {
  readonly cells: PlanCell[] = [];
  readonly names: DefinedName[] = [];
  constructor(readonly name: string) {}
  text(r: number, c: number, v: PlanValue, style?: CellStyle): void {
    this.cells.push(style ? { r, c, v, style } : { r, c, v });
  }
  value(r: number, c: number, v: number, fmt: NumberFormat, style?: CellStyle): PlanCell {
    const cell: PlanCell = { r, c, v, fmt, ...(style ? { style } : {}) };
    this.cells.push(cell);
    return cell;
  }
  formula(r: number, c: number, f: string, result: PlanValue, fmt?: NumberFormat, style?: CellStyle): PlanCell {
    const cell: PlanCell = { r, c, f, result, ...(fmt ? { fmt } : {}), ...(style ? { style } : {}) };
    this.cells.push(cell);
    return cell;
  }
  define(name: string, r: number, c: number): void {
    this.names.push({ name, ref: a1(r, c, true) });
  }
}

/** Where each model figure lives, and the formulas still to be written. */
export class Layout {
  readonly places = new Map<string, Place>();
  readonly names: ExcelNames;
  private readonly pending: { sheet: Sheet; cell: PlanCell; id: string }[] = [];
  private readonly placed = new Set<string>();
  private readonly later: { cell: PlanCell; formula: () => string }[] = [];
  private readonly quantity: Map<string, CalculatorModel["quantities"][number]>;
  private readonly constant: Map<string, CalculatorModel["constants"][number]>;

  constructor(
    readonly m: CalculatorModel,
    readonly values: Values,
  ) {
    for (const i of m.inputs) this.places.set(i.id, { name: i.name });
    for (const c of m.constants) this.places.set(c.id, { name: c.name });
    this.names = new ExcelNames([...m.inputs.map((i) => i.name), ...m.constants.map((c) => c.name)]);
    this.quantity = new Map(m.quantities.map((x) => [x.id, x]));
    this.constant = new Map(m.constants.map((c) => [c.id, c]));
  }

  val(id: string): number {
    return this.values.get(id) as number;
  }

  label(id: string): string {
    return this.quantity.get(id)?.label ?? this.constant.get(id)?.label ?? id;
  }

  /** Give a quantity a workbook name instead of a cell address (Total_Budget, Shadow_Gap...). */
  nameQuantity(id: string, ...parts: string[]): string {
    const name = this.names.take(...parts);
    this.places.set(id, { name });
    return name;
  }

  /** Write a model quantity (its formula is filled in by `finish`). */
  quantityAt(sheet: Sheet, r: number, c: number, id: string, style?: CellStyle): void {
    const qn = this.quantity.get(id);
    if (!qn) throw new Error(`calculator plan: unknown quantity ${id}`);
    const named = this.places.get(id);
    if (named && "name" in named) sheet.define(named.name, r, c);
    else this.places.set(id, { sheet: sheet.name, r, c });
    this.pending.push({ sheet, cell: sheet.formula(r, c, "", this.val(id), FMT[qn.fmt], style), id });
  }

  /** Write a model constant with its defined name (once). */
  constantAt(sheet: Sheet, r: number, c: number, id: string, style?: CellStyle): void {
    const k = this.constant.get(id);
    if (!k) throw new Error(`calculator plan: unknown constant ${id}`);
    if (this.placed.has(id)) throw new Error(`calculator plan: constant ${id} placed twice`);
    this.placed.add(id);
    sheet.value(r, c, k.value, rateFormat(k), style);
    sheet.define(k.name, r, c);
  }

  /** A cell that only shows another figure (=Input_..., =Rate_..., =Budget!$F$9). */
  show(sheet: Sheet, r: number, c: number, id: string, fmt?: NumberFormat, style?: CellStyle): void {
    sheet.formula(r, c, this.ref(sheet, id), this.val(id), fmt ?? this.formatOf(id), style);
  }

  formatOf(id: string): NumberFormat {
    const q = this.quantity.get(id);
    if (q) return FMT[q.fmt];
    const k = this.constant.get(id);
    return k ? rateFormat(k) : "integer";
  }

  /** A reference to a figure as formula text, from `sheet`. */
  ref(sheet: Sheet, id: string): string {
    if (!this.places.has(id)) throw new Error(`calculator plan: ${id} has no place yet`);
    return toFormula({ op: "ref", id }, { sheet: sheet.name, place: (x) => this.places.get(x) as Place });
  }

  /** A display formula written once every figure has its place (e.g. it refers to a figure further down). */
  formulaLater(sheet: Sheet, r: number, c: number, formula: (ref: (id: string) => string) => string, result: PlanValue, fmt?: NumberFormat, style?: CellStyle): void {
    this.later.push({ cell: sheet.formula(r, c, "", result, fmt, style), formula: () => formula((id) => this.ref(sheet, id)) });
  }

  /** Fill in every quantity's formula; every constant and quantity must have been placed. */
  finish(): void {
    for (const x of this.later) x.cell.f = x.formula();
    for (const { sheet, cell, id } of this.pending) {
      const qn = this.quantity.get(id) as { expr: Parameters<typeof toFormula>[0] };
      cell.f = toFormula(qn.expr, {
        sheet: sheet.name,
        place: (x) => {
          const pl = this.places.get(x);
          if (!pl) throw new Error(`calculator plan: ${x} has no place`);
          return pl;
        },
      });
    }
    for (const c of this.m.constants) if (!this.placed.has(c.id)) throw new Error(`calculator plan: constant ${c.id} was not placed`);
    const written = new Set(this.pending.map((p) => p.id));
    for (const qn of this.m.quantities) if (!written.has(qn.id)) throw new Error(`calculator plan: quantity ${qn.id} was not placed`);
  }
}
