/**
 * Header matching and located reading of one raw table. Every problem becomes an InputError that names the
 * table, the sheet row the user sees, the column header as written, the A1 cell and the sheet.
 */
import { columnLetter } from "../excelNames";
import type { Cell, Cents, InputError, ParseProblem, RawTable } from "../types";
import { cellFinding, type Expectation, type Finding, type ParseWarning } from "../problems";
import { INPUT_TABLES, type ColumnSpec, type InputTable } from "../tables";
import {
  cellText,
  isBlank,
  isWholeCents,
  isWholeCount,
  MAX_CENTS,
  MAX_STUDENTS,
  readDollars,
  readPercent,
  readPlainNumber,
  readYesNo,
  toCents,
} from "./values";

/**
 * The key a header matches on: lower case, without a trailing "%", "(%)", "($)" or "$", and without spaces,
 * "_" and "-". "School_ID", "SCHOOL ID" and "school-id" all give "schoolid"; "Amount ($)" gives "amount".
 */
export function normalizeHeader(header: string): string {
  return stripUnit(String(header ?? ""))
    .toLowerCase()
    .replace(/[\s_-]+/g, "");
}

/** A header without its trailing unit mark, trimmed: "Poverty %" -> "Poverty", "Amount ($)" -> "Amount". */
export function stripUnit(header: string): string {
  let s = header.trim();
  for (;;) {
    const next = s.replace(/\s*(?:\(\s*\$\s*\)|\(\s*%\s*\)|\$|%)$/, "").trim();
    if (next === s) return s;
    s = next;
  }
}

export type { ColumnSpec } from "../tables";

/** Where errors and warnings of one parse go. */
export interface ParseContext {
  errors: InputError[];
  warnings: ParseWarning[];
}

/** Table names in the order errors are reported. */
export const TABLE_ORDER = INPUT_TABLES;
export type TableName = InputTable;

/**
 * A raw table bound to its contract columns. Column positions are 0-based indexes into `raw.headers`
 * (-1 when the column is absent). Row indexes `k` are 0-based data rows.
 */
export class TableReader {
  readonly columns = new Map<string, number>();
  /** Columns that are not contract columns (non-empty, non-duplicate headers), in sheet order. */
  readonly extras: number[] = [];
  /** False when a required column is missing (the table's rows are then not read). */
  readonly complete: boolean;

  constructor(
    readonly table: TableName,
    readonly raw: RawTable,
    specs: readonly ColumnSpec[],
    private readonly ctx: ParseContext,
  ) {
    const wanted = new Map<string, string>();
    for (const s of specs) {
      wanted.set(normalizeHeader(s.name), s.name);
      for (const a of s.aliases ?? []) wanted.set(normalizeHeader(a), s.name);
    }
    const seen = new Map<string, number>();
    raw.headers.forEach((h, i) => {
      const text = cellText(h as Cell);
      if (text === "") return;
      const key = normalizeHeader(text);
      const first = seen.get(key);
      if (first !== undefined) {
        this.push({
          row: raw.origin.headerRow,
          column: text,
          cell: this.address(i, raw.origin.headerRow),
          expect: { code: "headerOnce" },
          saw: { code: "headerAgain", text, letter: this.letter(first), first: cellText(raw.headers[first] as Cell) },
        });
        return;
      }
      seen.set(key, i);
      const contract = wanted.get(key);
      if (contract !== undefined && !this.columns.has(contract)) this.columns.set(contract, i);
      else this.extras.push(i);
    });
    let complete = true;
    for (const s of specs) {
      if (s.required && !this.columns.has(s.name)) {
        complete = false;
        this.tableError(s.name, { code: "column", column: s.name }, this.columnsFound());
      }
    }
    this.complete = complete;
  }

  /** The column headers found, for problems about a missing column. */
  columnsFound(): Finding {
    return { code: "columns", headers: this.raw.headers.map((h) => cellText(h as Cell)).filter((h) => h !== "") };
  }

  /** Number of data rows. */
  get length(): number {
    return this.raw.rows.length;
  }

  has(name: string): boolean {
    return this.columns.has(name);
  }

  /** Index of a contract column, or -1. */
  col(name: string): number {
    return this.columns.get(name) ?? -1;
  }

  /** The header as the user wrote it at a column index. */
  header(col: number): string {
    return cellText(this.raw.headers[col] as Cell);
  }

  /** Sheet row of data row k (1-based). */
  sheetRow(k: number): number {
    return this.raw.origin.headerRow + 1 + k;
  }

  letter(col: number): string {
    return columnLetter(this.raw.origin.firstColumn + col);
  }

  address(col: number, sheetRow: number): string {
    return `${this.letter(col)}${sheetRow}`;
  }

  cell(k: number, col: number): Cell {
    if (col < 0) return null;
    const v = this.raw.rows[k]?.[col];
    return v === undefined ? null : v;
  }

  blank(k: number, col: number): boolean {
    return isBlank(this.cell(k, col));
  }

  text(k: number, col: number): string {
    return cellText(this.cell(k, col));
  }

  /**
   * Whether row k has no key (its `keyCol` is blank) and is skipped, as the workbook contract says. A skipped row
   * that holds values elsewhere is not dropped without a word: a warning names its cell and the first value left
   * out (a Source or School ID forgotten would otherwise lose the row's money or students silently).
   */
  skipKeyless(k: number, keyCol: number): boolean {
    if (!this.blank(k, keyCol)) return false;
    const row = this.raw.rows[k] ?? [];
    const other = row.findIndex((v, col) => col !== keyCol && !isBlank(v === undefined ? null : v));
    if (other >= 0) {
      const at = this.address(keyCol, this.sheetRow(k));
      this.ctx.warnings.push({
        code: "rowSkipped",
        table: this.table,
        row: this.sheetRow(k),
        column: this.header(keyCol),
        sheet: this.raw.origin.sheet,
        cell: at,
        other: this.header(other),
        value: this.cell(k, other),
      });
    }
    return true;
  }

  private push(e: Omit<ParseProblem, "table" | "sheet" | "code">): void {
    this.ctx.errors.push({ code: "input", table: this.table, sheet: this.raw.origin.sheet, ...e });
  }

  /** A problem in one cell: what should be there, and what is (the cell as read, unless said). */
  error(k: number, col: number, expected: Expectation, found?: Finding): void {
    const row = this.sheetRow(k);
    this.push({
      row,
      column: this.header(col),
      cell: this.address(col, row),
      expect: expected,
      saw: found === undefined ? cellFinding(this.cell(k, col)) : found,
    });
  }

  /** A problem with a whole row (no single cell). */
  rowError(k: number, expected: Expectation, found: Finding): void {
    this.push({ row: this.sheetRow(k), column: null, expect: expected, saw: found });
  }

  /** A problem with the whole table or a whole column. */
  tableError(column: string | null, expected: Expectation, found: Finding): void {
    this.push({ row: null, column, expect: expected, saw: found });
  }

  /** Required text: undefined (and an error) when blank. */
  requiredText(k: number, col: number, what: Expectation): string | undefined {
    const t = this.text(k, col);
    if (t === "") {
      this.error(k, col, what);
      return undefined;
    }
    return t;
  }

  /**
   * A plain number (no $ or %) within bounds. Blank gives `blank` when given (optional cell), else an error.
   * Returns undefined after reporting an error.
   */
  number(
    k: number,
    col: number,
    what: Expectation,
    opts: { min?: number; max?: number; blank?: number | null } = {},
  ): number | null | undefined {
    const v = this.numeric(k, col, what, readPlainNumber, opts.blank, opts);
    return typeof v === "number" ? v : v.value;
  }

  /**
   * The start every numeric cell shares: a missing column gives `blank`; a blank cell gives `blank` when given, else
   * an error; a cell `read` cannot read, or outside [min, max], is an error. Returns the number read, or the value
   * to return as it is (`blank`, or undefined after an error).
   */
  private numeric<B>(
    k: number,
    col: number,
    what: Expectation,
    read: (cell: Cell) => number | null,
    blank: B | undefined,
    range: { min?: number; max?: number },
  ): number | { value: B | undefined } {
    if (col < 0) return { value: blank };
    if (this.blank(k, col)) {
      if (blank === undefined) this.error(k, col, what);
      return { value: blank };
    }
    const v = read(this.cell(k, col));
    if (v === null || (range.min !== undefined && v < range.min) || (range.max !== undefined && v > range.max)) {
      this.error(k, col, what);
      return { value: undefined };
    }
    return v;
  }

  /**
   * A dollar amount ≥ 0 as integer cents (any sign when `signed`); blank gives `blank` when given, else an error.
   * Amounts above $1 trillion (in size) and fractions of a cent are refused (never rounded silently).
   */
  cents(k: number, col: number, opts: { blank?: Cents | null; what?: Expectation; max?: number; signed?: boolean } = {}): Cents | null | undefined {
    const what = opts.what ?? { code: "dollars", signed: opts.signed === true };
    const v = this.numeric(k, col, what, readDollars, opts.blank, opts.signed ? {} : { min: 0 });
    if (typeof v !== "number") return v.value;
    const max = Math.min(opts.max ?? MAX_CENTS, MAX_CENTS);
    if (Math.abs(v) * 100 > max) {
      this.error(k, col, limited(what, opts.signed ? { code: "dollarRange", max } : { code: "dollarsAtMost", max }));
      return undefined;
    }
    if (!isWholeCents(v)) {
      this.error(k, col, limited(what, { code: "wholeCents" }));
      return undefined;
    }
    return toCents(v);
  }

  /**
   * A number of students: a whole number from 0 to 10,000,000 (fractions only where `fractions` says so, e.g. an
   * average daily attendance). Blank gives `blank` when given, else an error. Returns undefined after an error.
   */
  students(k: number, col: number, what: Expectation, opts: { blank?: number; fractions?: boolean } = {}): number | undefined {
    const v = this.numeric(k, col, what, readPlainNumber, opts.blank, { min: 0 });
    if (typeof v !== "number") return v.value;
    if (v > MAX_STUDENTS) {
      this.error(k, col, limited(what, { code: "studentsAtMost", max: MAX_STUDENTS }));
      return undefined;
    }
    if (!opts.fractions && !isWholeCount(v)) {
      this.error(k, col, limited(what, { code: "wholeStudents" }));
      return undefined;
    }
    return opts.fractions ? v : Math.round(v);
  }

  /** A percentage as a fraction within [min, max] (fractions); blank gives `blank`. */
  percent(
    k: number,
    col: number,
    what: Expectation,
    opts: { min?: number; max?: number; blank: number | null },
  ): number | null | undefined {
    if (col < 0 || this.blank(k, col)) return opts.blank;
    const v = readPercent(this.cell(k, col));
    if (v === null || (opts.min !== undefined && v < opts.min) || (opts.max !== undefined && v > opts.max)) {
      this.error(k, col, what);
      return undefined;
    }
    return v;
  }

  /** Yes/No with a default for blank cells. */
  yesNo(k: number, col: number, blank: boolean): boolean | undefined {
    if (col < 0 || this.blank(k, col)) return blank;
    const v = readYesNo(this.cell(k, col));
    if (v === null) {
      this.error(k, col, { code: "yesNo" });
      return undefined;
    }
    return v;
  }
}

/** Report a missing required table. */
export function missingTable(ctx: ParseContext, table: TableName): void {
  ctx.errors.push({ code: "input", table, row: null, column: null, expect: { code: "table", table }, saw: { code: "noTable" } });
}

/** An expectation with the bound a number broke. */
function limited(what: Expectation, limit: NonNullable<Expectation["limit"]>): Expectation {
  return { ...what, limit };
}

/** Case- and space-insensitive key for labels (levels, IDs, names): trimmed, inner spaces collapsed, lower case. */
export function labelKey(s: string): string {
  return s.trim().replace(/\s+/g, " ").toLowerCase();
}

/** Find a raw table by its contract name, tolerant of key case. */
export function findTable(raw: Record<string, RawTable>, table: TableName): RawTable | undefined {
  const want = table.toLowerCase();
  if (raw[want]) return raw[want];
  for (const [k, v] of Object.entries(raw)) if (normalizeHeader(k) === normalizeHeader(want)) return v;
  return undefined;
}
