/**
 * A tiny formula language shared by the allocation rules and the school calculator's two faces: the engine
 * evaluates an expression in TypeScript (`evaluate`), and the workbook writes the very same expression as an Excel
 * formula (`toFormula`). Because both come from one tree, the spreadsheet and `schoolAtFixedRates` cannot drift.
 *
 * Arithmetic follows the spreadsheet: binary operators are evaluated left to right exactly as written,
 * SUM adds its arguments in order, comparisons and AND give 1 / 0, and ROUND is Excel's ROUND (half away
 * from zero on the decimal value; see `excelRound`).
 */

export type Relation = ">=" | "<=" | ">" | "<" | "=" | "<>";

export type Expr =
  | { op: "num"; value: number }
  | { op: "ref"; id: string }
  | { op: "+" | "-" | "*" | "/"; a: Expr; b: Expr }
  | { op: "round"; a: Expr; digits: number }
  | { op: "max" | "min" | "sum" | "and"; args: Expr[] }
  | { op: "if"; cond: Expr; then: Expr; else: Expr }
  | { op: "cmp"; rel: Relation; a: Expr; b: Expr };

export const num = (value: number): Expr => ({ op: "num", value });
export const ref = (id: string): Expr => ({ op: "ref", id });
export const add = (a: Expr, b: Expr): Expr => ({ op: "+", a, b });
export const sub = (a: Expr, b: Expr): Expr => ({ op: "-", a, b });
export const mul = (a: Expr, b: Expr): Expr => ({ op: "*", a, b });
export const div = (a: Expr, b: Expr): Expr => ({ op: "/", a, b });
export const round = (a: Expr, digits: number): Expr => ({ op: "round", a, digits });
export const max = (...args: Expr[]): Expr => ({ op: "max", args });
export const min = (...args: Expr[]): Expr => ({ op: "min", args });
export const sum = (...args: Expr[]): Expr => ({ op: "sum", args });
export const and = (...args: Expr[]): Expr => ({ op: "and", args });
export const iff = (cond: Expr, then: Expr, otherwise: Expr): Expr => ({ op: "if", cond, then, else: otherwise });
export const cmp = (rel: Relation, a: Expr, b: Expr): Expr => ({ op: "cmp", rel, a, b });

/**
 * Excel's ROUND(x, digits) for 0 <= digits <= 6 on the values a calculator produces. Excel and LibreOffice
 * round the *decimal* value a double stands for, read to 15 significant digits (ROUND(2.675, 2) = 2.68 although
 * the double 2.675 is slightly below), half away from zero. We do the same: snap to 15 significant digits,
 * scale, snap again, round half away from zero, scale back (one correctly rounded division, as they do).
 */
export function excelRound(x: number, digits: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const sign = x < 0 ? -1 : 1;
  const a = Number(Math.abs(x).toPrecision(15));
  const f = 10 ** digits;
  const scaled = Number((a * f).toPrecision(15));
  const r = Math.floor(scaled + 0.5);
  return (sign * r) / f;
}

/** Value of every id an expression may reference (inputs, constants, earlier quantities). */
export type Values = Map<string, number>;

export class MissingValueError extends Error {
  constructor(id: string) {
    super(`calculator expression refers to "${id}", which has no value yet`);
    this.name = "MissingValueError";
  }
}

/** Evaluate an expression with the spreadsheet's arithmetic. */
export function evaluate(e: Expr, values: Values): number {
  switch (e.op) {
    case "num":
      return e.value;
    case "ref": {
      const v = values.get(e.id);
      if (v === undefined) throw new MissingValueError(e.id);
      return v;
    }
    case "+":
      return evaluate(e.a, values) + evaluate(e.b, values);
    case "-":
      return evaluate(e.a, values) - evaluate(e.b, values);
    case "*":
      return evaluate(e.a, values) * evaluate(e.b, values);
    case "/": {
      const d = evaluate(e.b, values);
      if (d === 0) throw new RangeError("calculator expression divides by zero");
      return evaluate(e.a, values) / d;
    }
    case "round":
      return excelRound(evaluate(e.a, values), e.digits);
    case "max":
      return e.args.reduce((m, x) => Math.max(m, evaluate(x, values)), -Infinity);
    case "min":
      return e.args.reduce((m, x) => Math.min(m, evaluate(x, values)), Infinity);
    case "sum": {
      let s = 0;
      for (const x of e.args) s += evaluate(x, values);
      return s;
    }
    case "and":
      return e.args.every((x) => evaluate(x, values) !== 0) ? 1 : 0;
    case "if":
      // Lazy, like the spreadsheet's IF: the branch not taken is never evaluated (no #DIV/0!).
      return evaluate(e.cond, values) !== 0 ? evaluate(e.then, values) : evaluate(e.else, values);
    case "cmp": {
      const a = evaluate(e.a, values);
      const b = evaluate(e.b, values);
      switch (e.rel) {
        case ">=":
          return a >= b ? 1 : 0;
        case "<=":
          return a <= b ? 1 : 0;
        case ">":
          return a > b ? 1 : 0;
        case "<":
          return a < b ? 1 : 0;
        case "=":
          return a === b ? 1 : 0;
        case "<>":
          return a !== b ? 1 : 0;
      }
    }
  }
}

/** Every id an expression refers to. */
export function references(e: Expr, out: Set<string> = new Set()): Set<string> {
  switch (e.op) {
    case "num":
      break;
    case "ref":
      out.add(e.id);
      break;
    case "+":
    case "-":
    case "*":
    case "/":
    case "cmp":
      references(e.a, out);
      references(e.b, out);
      break;
    case "round":
      references(e.a, out);
      break;
    case "max":
    case "min":
    case "sum":
    case "and":
      for (const x of e.args) references(x, out);
      break;
    case "if":
      references(e.cond, out);
      references(e.then, out);
      references(e.else, out);
      break;
  }
  return out;
}

/** Where a referenced id lives in the workbook: a defined name, or a cell (0-based) on a sheet. */
export type Place = { name: string } | { sheet: string; r: number; c: number };

export interface FormulaContext {
  /** The sheet the formula is written on (references to it need no sheet prefix). */
  sheet: string;
  place(id: string): Place;
}

function columnLetters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function cellText(p: { sheet: string; r: number; c: number }, ctx: FormulaContext, absolute: boolean): string {
  const d = absolute ? "$" : "";
  const a = `${d}${columnLetters(p.c)}${d}${p.r + 1}`;
  return p.sheet === ctx.sheet ? a : `${quoteSheetName(p.sheet)}!${a}`;
}

/** A number as formula text: plain decimal notation (no exponent), at most 15 significant digits. */
export function numberText(v: number): string {
  if (!Number.isFinite(v)) throw new RangeError(`cannot write ${v} in a formula`);
  const s = String(Number(v.toPrecision(15)));
  if (!/e/i.test(s)) return s;
  const fixed = v.toFixed(20).replace(/0+$/, "").replace(/\.$/, "");
  return fixed;
}

const PREC: Partial<Record<Expr["op"], number>> = { cmp: 0, "+": 1, "-": 1, "*": 2, "/": 2 };

function child(e: Expr, parent: Expr["op"], right: boolean, ctx: FormulaContext): string {
  const text = toFormula(e, ctx);
  const pc = PREC[e.op];
  const pp = PREC[parent] as number;
  if (pc === undefined) return e.op === "num" && e.value < 0 ? `(${text})` : text;
  if (pc < pp || (pc === pp && right && (parent === "-" || parent === "/" || pc === 0))) return `(${text})`;
  return text;
}

/** Arguments of SUM: runs of cells in one column of one sheet become ranges (SUM(F5:F19)). */
function sumArgs(args: Expr[], ctx: FormulaContext): string {
  const parts: string[] = [];
  let k = 0;
  while (k < args.length) {
    const e = args[k];
    const p = e.op === "ref" ? ctx.place(e.id) : null;
    if (p && "sheet" in p) {
      let end = k;
      while (end + 1 < args.length) {
        const n = args[end + 1];
        const q = n.op === "ref" ? ctx.place(n.id) : null;
        if (!q || !("sheet" in q) || q.sheet !== p.sheet || q.c !== p.c || q.r !== p.r + (end + 1 - k)) break;
        end++;
      }
      if (end > k) {
        const last = ctx.place((args[end] as { id: string }).id) as { sheet: string; r: number; c: number };
        parts.push(`${cellText(p, ctx, false)}:${cellText(last, { sheet: p.sheet, place: ctx.place }, false)}`);
        k = end + 1;
        continue;
      }
    }
    parts.push(toFormula(e, ctx));
    k++;
  }
  return parts.join(",");
}

/** The expression as an Excel formula (without the leading "="). */
export function toFormula(e: Expr, ctx: FormulaContext): string {
  switch (e.op) {
    case "num":
      return numberText(e.value);
    case "ref": {
      const p = ctx.place(e.id);
      return "name" in p ? p.name : cellText(p, ctx, p.sheet !== ctx.sheet);
    }
    case "+":
    case "-":
    case "*":
    case "/":
      return `${child(e.a, e.op, false, ctx)}${e.op}${child(e.b, e.op, true, ctx)}`;
    case "cmp":
      return `${child(e.a, "cmp", false, ctx)}${e.rel}${child(e.b, "cmp", true, ctx)}`;
    case "round":
      return `ROUND(${toFormula(e.a, ctx)},${e.digits})`;
    case "max":
      return `MAX(${e.args.map((x) => toFormula(x, ctx)).join(",")})`;
    case "min":
      return `MIN(${e.args.map((x) => toFormula(x, ctx)).join(",")})`;
    case "and":
      return `AND(${e.args.map((x) => toFormula(x, ctx)).join(",")})`;
    case "sum":
      return `SUM(${sumArgs(e.args, ctx)})`;
    case "if":
      return `IF(${toFormula(e.cond, ctx)},${toFormula(e.then, ctx)},${toFormula(e.else, ctx)})`;
  }
}
