/// <reference types="office-js" />
/**
 * An in-memory fake of the part of the Excel JavaScript object model that src/excel uses.
 *
 * It behaves like Office.js where it matters for correctness:
 * - every property set and method call is only QUEUED; nothing happens until `context.sync()`;
 * - loaded properties are readable only after the sync that loads them (PropertyNotLoaded otherwise);
 * - `range.values` / `range.formulas` interpret strings as typed text: "=..." is a formula, "-5" a number,
 *   "'text" is text with Excel's quote prefix (the apostrophe is not stored);
 * - a failing action aborts the rest of its request; actions before it stay applied (no transactions);
 * - sheet/table/name rules: unique names, legal sheet names, at least one visible sheet, no writes to
 *   locked cells of protected sheets, renames update formulas that refer to the sheet or table.
 * It records every queued action, counts syncs and estimates each request's payload (JSON size of the
 * actions' arguments), and can be told to fail a given sync.
 */

export interface Rect {
  r: number;
  c: number;
  rows: number;
  cols: number;
}

export type Scalar = string | number | boolean | null;

export interface CellModel {
  value: Scalar;
  formula: string | null;
  numberFormat: string | null;
  format: Record<string, unknown>;
}

export class SheetModel {
  cells = new Map<string, CellModel>();
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  tabColor = "";
  colWidths: Record<number, number> = {};
  frozen: { rows: number; cols: number } | null = null;
  protected = false;
  password: string | undefined;
  props: Record<string, unknown> = {};
  charts: ChartModel[] = [];
  /** Merged areas (Excel keeps the value in the top-left cell only). */
  merged: Rect[] = [];
  deleted = false;
  constructor(
    public id: number,
    public name: string,
  ) {}
}

export interface TableModel {
  name: string;
  sheet: SheetModel;
  rect: Rect;
  style: string;
  showTotals: boolean;
  showHeaders: boolean;
}

export interface NameModel {
  name: string;
  visible?: boolean;
  scope: SheetModel | null;
  sheet: SheetModel | null;
  rect: Rect;
}

export interface RangeRef {
  sheet: SheetModel;
  rect: Rect;
}

export interface SeriesModel {
  name: string;
  values: RangeRef | null;
  x: RangeRef | null;
  sizes: RangeRef | null;
  trendlines: string[];
  /** Fill colour set with format.fill.setSolidColor / line colour (ExcelApi 1.1), per point colours, series chart type (1.7). */
  color?: string;
  pointColors?: Record<number, string>;
  chartType?: string;
}

export interface ChartModel {
  type: string;
  title: string;
  xTitle: string;
  yTitle: string;
  series: SeriesModel[];
  position: [string, string] | null;
}

export interface RequestRecord {
  ops: number;
  bytes: number;
  labels: string[];
}

interface Op {
  label: string;
  bytes: number;
  run: () => void;
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
const CHART_TYPES = new Set(["ColumnClustered", "BarClustered", "ColumnStacked", "BarStacked", "XYScatter", "Bubble", "Pie", "Line"]);

const k = (r: number, c: number) => `${r},${c}`;

export function colLetters(col1: number): string {
  let s = "";
  for (let n = col1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function parseA1(address: string): Rect {
  const ref = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const parts = ref.replace(/\$/g, "").split(":");
  const cell = (t: string) => {
    const m = /^([A-Z]{1,3})(\d+)$/i.exec(t.trim());
    if (!m) throw new Error(`InvalidArgument: bad address "${address}"`);
    let c = 0;
    for (const ch of m[1].toUpperCase()) c = c * 26 + ch.charCodeAt(0) - 64;
    return { r: Number(m[2]) - 1, c: c - 1 };
  };
  const a = cell(parts[0]);
  const b = parts[1] ? cell(parts[1]) : a;
  return { r: Math.min(a.r, b.r), c: Math.min(a.c, b.c), rows: Math.abs(b.r - a.r) + 1, cols: Math.abs(b.c - a.c) + 1 };
}

export function rectA1(rect: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  const tl = `${d}${colLetters(rect.c + 1)}${d}${rect.r + 1}`;
  if (rect.rows === 1 && rect.cols === 1) return tl;
  return `${tl}:${d}${colLetters(rect.c + rect.cols)}${d}${rect.r + rect.rows}`;
}

/** How Office quotes a sheet name in an address. */
export function officeQuote(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.r < b.r + b.rows && b.r < a.r + a.rows && a.c < b.c + b.cols && b.c < a.c + a.cols;
}

/** Replace sheet references (quoted or not) outside string literals. */
function replaceSheetRef(formula: string, from: string, to: string): string {
  if (!formula.toLowerCase().includes(from.toLowerCase())) return formula;
  const forms = [`'${from.replace(/'/g, "''")}'!`, `${from}!`];
  const parts = formula.split(/("(?:[^"]|"")*")/);
  for (let i = 0; i < parts.length; i += 2) {
    for (const f of forms) {
      let out = "";
      let rest = parts[i];
      for (;;) {
        const at = rest.toLowerCase().indexOf(f.toLowerCase());
        if (at < 0) break;
        const before = at > 0 ? rest[at - 1] : "";
        const ok = f.startsWith("'") || !/[A-Za-z0-9_.']/.test(before);
        out += rest.slice(0, at) + (ok ? to : rest.slice(at, at + f.length));
        rest = rest.slice(at + f.length);
      }
      parts[i] = out + rest;
    }
  }
  return parts.join("");
}

function legalSheetName(name: string): boolean {
  return name.length > 0 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !name.startsWith("'") && !name.endsWith("'");
}

function legalDefinedName(name: string): boolean {
  return /^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]$/.test(name);
}

/** Length of a string in UTF-8 bytes. */
export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

/** An error as Office.js raises it: a code and a message. */
function officeError(code: string, message: string): Error {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

export class FakeExcel {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  names: NameModel[] = [];
  active: SheetModel | null = null;
  selection: { sheet: string; address: string } | null = null;
  appCalls: string[] = [];
  /** Every cell that ever held a formula (renames and deletes rewrite these). */
  formulaCells = new Set<CellModel>();
  syncCount = 0;
  requests: RequestRecord[] = [];
  /** All actions ever queued, in order (labels). */
  log: string[] = [];
  /** Throw on this sync number (1-based) before anything of that request is applied. */
  failOnSync: number | null = null;
  /** Make the n-th applied action with this label throw (after the earlier actions of its request were applied). */
  failOnAction: { label: string; nth: number } | null = null;
  private actionCounts = new Map<string, number>();
  /** Called at the start of every sync with its number (e.g. to cancel a render after the first batch). */
  beforeSync: ((n: number) => void) | null = null;
  private pending: Op[] = [];
  private nextId = 1;
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;

  constructor() {
    this.workbook = new FakeWorkbook(this);
    this.application = new FakeApplication(this);
  }

  /** The fake as the Office.js type the code under test takes. */
  get ctx(): Excel.RequestContext {
    return this as unknown as Excel.RequestContext;
  }

  /** Excel on the web refuses a request, or a response, over 5 MB (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded). */
  requestLimit = 5 * 1024 * 1024;
  responseLimit = 5 * 1024 * 1024;
  /** A read of more cells than this comes back with `values` null. */
  nullValuesOver = 5_000_000;
  private responseBytes = 0;

  /** Count what a load sends back, in UTF-8 bytes of its JSON. */
  respond(v: unknown): void {
    this.responseBytes += utf8Bytes(JSON.stringify(v));
  }

  queue(label: string, args: unknown, run: () => void): void {
    const bytes = 40 + utf8Bytes(label) + (args === undefined ? 0 : utf8Bytes(JSON.stringify(args)));
    this.pending.push({ label, bytes, run });
    this.log.push(label);
  }

  async sync(): Promise<void> {
    this.syncCount++;
    const ops = this.pending;
    this.pending = [];
    this.requests.push({ ops: ops.length, bytes: ops.reduce((a, o) => a + o.bytes, 0), labels: ops.map((o) => o.label) });
    this.beforeSync?.(this.syncCount);
    if (this.failOnSync === this.syncCount) throw new Error(`Simulated failure of request ${this.syncCount}`);
    const size = this.requests[this.requests.length - 1].bytes;
    if (size > this.requestLimit) throw officeError("RequestPayloadSizeLimitExceeded", `the request is ${size} bytes`);
    this.responseBytes = 0;
    for (const op of ops) {
      if (this.failOnAction?.label === op.label) {
        const n = (this.actionCounts.get(op.label) ?? 0) + 1;
        this.actionCounts.set(op.label, n);
        if (n === this.failOnAction.nth) throw new Error(`Simulated failure of action ${op.label} #${n}`);
      }
      op.run();
    }
    if (this.responseBytes > this.responseLimit) throw officeError("ResponsePayloadSizeLimitExceeded", `the response is ${this.responseBytes} bytes`);
  }

  // ---- model helpers ----

  findSheet(name: string): SheetModel | null {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  createSheet(name: string): SheetModel {
    if (!legalSheetName(name)) throw new Error(`InvalidArgument: illegal sheet name "${name}"`);
    if (this.findSheet(name)) throw new Error(`ItemAlreadyExists: a sheet named "${name}" already exists`);
    const s = new SheetModel(this.nextId++, name);
    this.sheets.push(s);
    if (!this.active) this.active = s;
    return s;
  }

  renameSheet(s: SheetModel, to: string): void {
    if (!legalSheetName(to)) throw new Error(`InvalidArgument: illegal sheet name "${to}"`);
    const other = this.findSheet(to);
    if (other && other !== s) throw new Error(`ItemAlreadyExists: a sheet named "${to}" already exists`);
    const from = s.name;
    s.name = to;
    for (const cell of this.formulaCells) if (cell.formula) cell.formula = replaceSheetRef(cell.formula, from, officeQuote(to) + "!");
  }

  deleteSheet(s: SheetModel): void {
    // Excel refuses to delete a very hidden sheet (make it Hidden or Visible first).
    if (s.visibility === "VeryHidden") throw new Error(`InvalidOperation: the sheet "${s.name}" is very hidden and cannot be deleted`);
    const visible = this.sheets.filter((x) => x.visibility === "Visible");
    if (visible.length === 1 && visible[0] === s) throw new Error("InvalidOperation: a workbook must contain at least one visible worksheet");
    this.sheets = this.sheets.filter((x) => x !== s);
    s.deleted = true;
    this.tables = this.tables.filter((t) => t.sheet !== s);
    this.names = this.names.filter((n) => n.scope !== s);
    for (const n of this.names) if (n.sheet === s) n.sheet = null;
    for (const cell of this.formulaCells) if (cell.formula) cell.formula = replaceSheetRef(cell.formula, s.name, "#REF!");
    if (this.active === s) this.active = this.sheets.find((x) => x.visibility === "Visible") ?? null;
  }

  nameTaken(name: string, scope: SheetModel | null): boolean {
    const l = name.toLowerCase();
    if (this.tables.some((t) => t.name.toLowerCase() === l)) return true;
    return this.names.some((n) => n.name.toLowerCase() === l && n.scope === scope);
  }

  cellAt(s: SheetModel, r: number, c: number): CellModel {
    let cell = s.cells.get(k(r, c));
    if (!cell) s.cells.set(k(r, c), (cell = { value: null, formula: null, numberFormat: null, format: {} }));
    return cell;
  }

  checkWritable(s: SheetModel, rect: Rect): void {
    if (!s.protected) return;
    for (let r = rect.r; r < rect.r + rect.rows; r++)
      for (let c = rect.c; c < rect.c + rect.cols; c++) {
        if (s.cells.get(k(r, c))?.format["protection.locked"] !== false) {
          throw new Error(`AccessDenied: the cell you're trying to change is on a protected sheet ("${s.name}")`);
        }
      }
  }

  /** Store input as Excel does when it is typed. */
  typeIn(cell: CellModel, input: unknown): void {
    if (input === null || input === undefined) return;
    cell.formula = null;
    if (input === "") {
      cell.value = null;
      return;
    }
    if (typeof input === "number" || typeof input === "boolean") {
      cell.value = input;
      return;
    }
    if (typeof input !== "string") throw new Error(`InvalidArgument: unsupported value ${JSON.stringify(input)}`);
    const s = input;
    if (s.startsWith("'")) cell.value = s.slice(1);
    else if (cell.numberFormat === "@") cell.value = s;
    else if (s.startsWith("=") && s.length > 1) {
      cell.formula = s;
      cell.value = null;
      this.formulaCells.add(cell);
    } else if (/^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(s)) cell.value = Number(s);
    else if (/^[+\-@]/.test(s)) {
      cell.formula = "=" + s.replace(/^@/, "");
      cell.value = null;
      this.formulaCells.add(cell);
    } else if (/^\s*[+-]?\d+(\.\d+)?%\s*$/.test(s)) cell.value = Number(s.trim().slice(0, -1)) / 100;
    else if (/^(true|false)$/i.test(s.trim())) cell.value = s.trim().toLowerCase() === "true";
    else if (/^\d{1,4}[-/]\w+([-/]\d+)?$/.test(s.trim())) cell.value = 45000;
    else cell.value = s;
  }

  // ---- test helpers ----

  /** Add a user sheet with rows of values (numbers, booleans, strings; strings starting with = are formulas). */
  addSheet(name: string, rows: Scalar[][] = [], topLeft = "A1"): SheetModel {
    const s = this.createSheet(name);
    const at = parseA1(topLeft);
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null || v === "") return;
        const cell = this.cellAt(s, at.r + i, at.c + j);
        if (typeof v === "string" && v.startsWith("=")) {
          cell.formula = v;
          this.formulaCells.add(cell);
        } else cell.value = v;
      }),
    );
    return s;
  }

  addTable(sheet: string, name: string, address: string, opts: Partial<Pick<TableModel, "showTotals" | "showHeaders">> = {}): TableModel {
    const s = this.findSheet(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    const t: TableModel = { name, sheet: s, rect: parseA1(address), style: "TableStyleMedium2", showTotals: false, showHeaders: true, ...opts };
    this.tables.push(t);
    return t;
  }

  /** Merge cells as Excel does: only the top-left cell keeps its value. */
  merge(sheet: string, address: string): void {
    const s = this.sheet(sheet);
    const rect = parseA1(address);
    for (let r = rect.r; r < rect.r + rect.rows; r++)
      for (let c = rect.c; c < rect.c + rect.cols; c++) if (r !== rect.r || c !== rect.c) s.cells.delete(k(r, c));
    s.merged.push(rect);
  }

  addName(name: string, sheet: string, address: string): void {
    const s = this.findSheet(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    this.names.push({ name, scope: null, sheet: s, rect: parseA1(address) });
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  sheet(name: string): SheetModel {
    const s = this.findSheet(name);
    if (!s) throw new Error(`no sheet named "${name}"`);
    return s;
  }

  cell(sheet: string, a1: string): CellModel | undefined {
    const rect = parseA1(a1);
    return this.sheet(sheet).cells.get(k(rect.r, rect.c));
  }

  /** Values of a sheet as a dense grid from A1 (for assertions). */
  grid(sheet: string): Scalar[][] {
    const s = this.sheet(sheet);
    let rows = 0;
    let cols = 0;
    for (const key of s.cells.keys()) {
      const [r, c] = key.split(",").map(Number);
      const cell = s.cells.get(key);
      if (cell?.value === null && cell.formula === null) continue;
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    }
    const out: Scalar[][] = Array.from({ length: rows }, () => new Array<Scalar>(cols).fill(null));
    for (const [key, cell] of s.cells) {
      const [r, c] = key.split(",").map(Number);
      if (r < rows && c < cols) out[r][c] = cell.formula ?? cell.value;
    }
    return out;
  }

  /** Everything observable about a sheet, for deep comparison. */
  snapshot(name: string): unknown {
    const s = this.sheet(name);
    return {
      name: s.name,
      visibility: s.visibility,
      tabColor: s.tabColor,
      colWidths: { ...s.colWidths },
      frozen: s.frozen,
      protected: s.protected,
      props: { ...s.props },
      cells: Array.from(s.cells.entries())
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([key, c]) => [key, c.value, c.formula, c.numberFormat, { ...c.format }]),
      charts: JSON.parse(JSON.stringify(s.charts, (key, v) => (key === "sheet" ? (v as SheetModel).name : v))),
      tables: this.tables.filter((t) => t.sheet === s).map((t) => ({ ...t, sheet: s.name })),
      names: this.names.filter((n) => n.sheet === s || n.scope === s).map((n) => ({ name: n.name, rect: n.rect, scope: n.scope?.name ?? null })),
    };
  }
}

function notLoaded(prop: string): Error {
  return new Error(`PropertyNotLoaded: the property '${prop}' is not available. Load it and call context.sync() first.`);
}

/** Base of proxies: properties are readable only once loaded by a sync. */
class Proxy0 {
  protected loaded = new Map<string, unknown>();
  constructor(protected fx: FakeExcel) {}
  protected got<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as T;
  }
  setLoaded(prop: string, v: unknown): void {
    this.loaded.set(prop, v);
  }
}

function propList(props?: string | string[]): string[] {
  if (props === undefined) return [];
  const list = Array.isArray(props) ? props : props.split(",");
  return list.map((p) => p.trim().replace(/^items\//, "")).filter((p) => p !== "");
}

class FakeApplication {
  constructor(private fx: FakeExcel) {}
  suspendApiCalculationUntilNextSync(): void {
    this.fx.queue("application.suspendApiCalculationUntilNextSync", undefined, () => this.fx.appCalls.push("calc"));
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.fx.queue("application.suspendScreenUpdatingUntilNextSync", undefined, () => this.fx.appCalls.push("screen"));
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly names: FakeNameCollection;
  constructor(fx: FakeExcel) {
    this.worksheets = new FakeWorksheetCollection(fx);
    this.tables = new FakeTableCollection(fx, null);
    this.names = new FakeNameCollection(fx, null);
  }
}

class FakeWorksheetCollection extends Proxy0 {
  get items(): FakeWorksheet[] {
    return this.got("items");
  }
  load(props?: string | string[]): void {
    const list = propList(props);
    this.fx.queue("worksheets.load", list, () => {
      this.loaded.set(
        "items",
        this.fx.sheets.map((s) => {
          const ws = new FakeWorksheet(this.fx, () => s);
          ws.loadNow(list.length ? list : ["name"]);
          return ws;
        }),
      );
    });
  }
  add(name?: string): FakeWorksheet {
    let model: SheetModel | null = null;
    const ws = new FakeWorksheet(this.fx, () => {
      if (!model) throw new Error("fake: sheet used before it was added");
      return model;
    });
    this.fx.queue("worksheets.add", name ?? null, () => {
      model = this.fx.createSheet(name ?? `Sheet${this.fx.sheets.length + 1}`);
    });
    return ws;
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.fx, () => {
      const s = this.fx.findSheet(name);
      if (!s) throw new Error(`ItemNotFound: no worksheet named "${name}"`);
      return s;
    });
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.fx, () => {
      const s = this.fx.findSheet(name);
      if (!s) throw new Error(`fake: using the null object for worksheet "${name}"`);
      return s;
    });
    this.fx.queue("worksheets.getItemOrNullObject", name, () => ws.setLoaded("isNullObject", this.fx.findSheet(name) === null));
    return ws;
  }
}

export class FakeWorksheet extends Proxy0 {
  private bound: SheetModel | undefined;
  constructor(
    fx: FakeExcel,
    private resolve: () => SheetModel,
  ) {
    super(fx);
  }
  model(): SheetModel {
    if (!this.bound) this.bound = this.resolve();
    if (this.bound.deleted) throw new Error(`ItemNotFound: the worksheet "${this.bound.name}" was deleted`);
    return this.bound;
  }
  loadNow(props: string[]): void {
    const m = this.model();
    for (const p of props) {
      if (p === "name") this.loaded.set("name", m.name);
      else if (p === "visibility") this.loaded.set("visibility", m.visibility);
      else if (p === "position") this.loaded.set("position", this.fx.sheets.indexOf(m));
      else if (p === "tabColor") this.loaded.set("tabColor", m.tabColor);
      else throw new Error(`fake: loading worksheet.${p} is not supported`);
    }
  }
  load(props?: string | string[]): void {
    this.fx.queue("worksheet.load", props, () => this.loadNow(propList(props ?? "name")));
  }
  get isNullObject(): boolean {
    return this.got("isNullObject");
  }
  get name(): string {
    return this.got("name");
  }
  set name(v: string) {
    this.fx.queue("worksheet.name", v, () => this.fx.renameSheet(this.model(), v));
  }
  get visibility(): string {
    return this.got("visibility");
  }
  set visibility(v: string) {
    this.fx.queue("worksheet.visibility", v, () => {
      const m = this.model();
      if (!["Visible", "Hidden", "VeryHidden"].includes(v)) throw new Error(`InvalidArgument: visibility ${v}`);
      if (v !== "Visible" && m.visibility === "Visible" && this.fx.sheets.filter((s) => s.visibility === "Visible").length === 1) {
        throw new Error("InvalidOperation: cannot hide the last visible sheet");
      }
      m.visibility = v as SheetModel["visibility"];
      if (this.fx.active === m && v !== "Visible") this.fx.active = this.fx.sheets.find((s) => s.visibility === "Visible") ?? null;
    });
  }
  set tabColor(v: string) {
    this.fx.queue("worksheet.tabColor", v, () => {
      if (!/^#[0-9A-Fa-f]{6}$/.test(v) && v !== "") throw new Error(`InvalidArgument: tab colour ${v}`);
      this.model().tabColor = v;
    });
  }
  delete(): void {
    this.fx.queue("worksheet.delete", undefined, () => this.fx.deleteSheet(this.model()));
  }
  activate(): void {
    this.fx.queue("worksheet.activate", undefined, () => {
      const m = this.model();
      if (m.visibility !== "Visible") throw new Error("InvalidOperation: cannot activate a hidden sheet");
      this.fx.active = m;
    });
  }
  getRange(address?: string): FakeRange {
    if (address === undefined) return new FakeRange(this.fx, this, () => ({ r: 0, c: 0, rows: MAX_ROWS, cols: MAX_COLS }), "getRange()");
    const rect = parseA1(address);
    return new FakeRange(this.fx, this, () => rect, address);
  }
  getRangeByIndexes(r: number, c: number, rows: number, cols: number): FakeRange {
    if (r < 0 || c < 0 || rows < 1 || cols < 1) throw new Error(`InvalidArgument: getRangeByIndexes(${r},${c},${rows},${cols})`);
    return new FakeRange(this.fx, this, () => ({ r, c, rows, cols }), rectA1({ r, c, rows, cols }));
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.fx,
      this,
      () => {
        const m = this.model();
        let r0 = Infinity;
        let c0 = Infinity;
        let r1 = -1;
        let c1 = -1;
        for (const [key, cell] of m.cells) {
          if (valuesOnly && cell.value === null && cell.formula === null) continue;
          const [r, c] = key.split(",").map(Number);
          r0 = Math.min(r0, r);
          c0 = Math.min(c0, c);
          r1 = Math.max(r1, r);
          c1 = Math.max(c1, c);
        }
        return r1 < 0 ? null : { r: r0, c: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
      },
      "usedRange",
    );
  }
  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.fx, this);
  }
  get charts(): FakeChartCollection {
    return new FakeChartCollection(this.fx, this);
  }
  get names(): FakeNameCollection {
    return new FakeNameCollection(this.fx, this);
  }
  get freezePanes() {
    const fx = this.fx;
    return {
      freezeRows: (n: number) => fx.queue("freezePanes.freezeRows", n, () => (this.model().frozen = { rows: n, cols: 0 })),
      freezeColumns: (n: number) => fx.queue("freezePanes.freezeColumns", n, () => (this.model().frozen = { rows: 0, cols: n })),
      freezeAt: (range: FakeRange) =>
        fx.queue("freezePanes.freezeAt", undefined, () => {
          const ref = range.ref();
          this.model().frozen = { rows: ref.rect.r + ref.rect.rows, cols: ref.rect.c + ref.rect.cols };
        }),
    };
  }
  get protection() {
    return {
      protect: (options?: unknown, password?: string) =>
        this.fx.queue("protection.protect", { options, password }, () => {
          const m = this.model();
          if (m.protected) throw new Error("InvalidOperation: the sheet is already protected");
          m.protected = true;
          m.password = password;
        }),
    };
  }
  /** PageLayout (ExcelApi 1.9): properties, setPrintArea / setPrintTitleRows and the header/footer of all pages. */
  get pageLayout(): Record<string, unknown> {
    const record = (prop: string) => (v: unknown) => this.fx.queue(`pageLayout.${prop}`, v, () => (this.model().props[`pageLayout.${prop}`] = v));
    const methods: Record<string, unknown> = {
      setPrintArea: record("printArea"),
      setPrintTitleRows: record("printTitleRows"),
      headersFooters: { defaultForAllPages: bag(this.fx, "pageLayout.headersFooters", (prop, v) => (this.model().props[`pageLayout.headersFooters.${prop}`] = v)) },
    };
    return new Proxy(methods, {
      set: (_t, prop, v) => {
        record(String(prop))(v);
        return true;
      },
      get: (t, prop) => {
        if (prop in t) return t[String(prop)];
        throw new Error(`fake: reading pageLayout.${String(prop)} is not supported`);
      },
    });
  }
}

/** A write-only property bag (format.font, format.fill, borders items, pageLayout...). */
function bag(fx: FakeExcel, label: string, apply: (prop: string, v: unknown) => void): Record<string, unknown> {
  return new Proxy(
    {},
    {
      set(_t, prop, v) {
        fx.queue(`${label}.${String(prop)}`, v, () => apply(String(prop), v));
        return true;
      },
      get(_t, prop) {
        throw new Error(`fake: reading ${label}.${String(prop)} is not supported`);
      },
    },
  );
}

export class FakeRange extends Proxy0 {
  private bound: RangeRef | null | undefined;
  constructor(
    fx: FakeExcel,
    private ws: FakeWorksheet,
    private rectFn: () => Rect | null,
    private label: string,
  ) {
    super(fx);
  }
  /** Resolve the range (at apply time). */
  ref(): RangeRef {
    const r = this.refOrNull();
    if (!r) throw new Error("fake: using a null range");
    return r;
  }
  refOrNull(): RangeRef | null {
    if (this.bound === undefined) {
      const rect = this.rectFn();
      this.bound = rect ? { sheet: this.ws.model(), rect } : null;
    }
    return this.bound;
  }
  private write(kind: "values" | "formulas" | "numberFormat", data: unknown): void {
    this.fx.queue(`range.${kind}`, { a: this.label, data }, () => {
      const { sheet, rect } = this.ref();
      if (!Array.isArray(data) || data.length !== rect.rows || data.some((row) => !Array.isArray(row) || row.length !== rect.cols)) {
        throw new Error(`InvalidArgument: ${kind} must be a ${rect.rows}x${rect.cols} array for ${rectA1(rect)}`);
      }
      this.fx.checkWritable(sheet, rect);
      (data as unknown[][]).forEach((row, i) =>
        row.forEach((v, j) => {
          if (v === null) return;
          const cell = this.fx.cellAt(sheet, rect.r + i, rect.c + j);
          if (kind === "numberFormat") cell.numberFormat = v === "" ? null : String(v);
          else if (kind === "formulas" && typeof v === "string" && v.startsWith("=") && v.length > 1) {
            if (/^=\s*$/.test(v)) throw new Error("InvalidArgument: empty formula");
            cell.formula = v;
            cell.value = null;
            this.fx.formulaCells.add(cell);
          } else this.fx.typeIn(cell, v);
        }),
      );
    });
  }
  set values(v: unknown[][]) {
    this.write("values", v);
  }
  get values(): Scalar[][] {
    return this.got("values");
  }
  set formulas(v: unknown[][]) {
    this.write("formulas", v);
  }
  set numberFormat(v: unknown[][]) {
    this.write("numberFormat", v);
  }
  get address(): string {
    return this.got("address");
  }
  get rowCount(): number {
    return this.got("rowCount");
  }
  get columnCount(): number {
    return this.got("columnCount");
  }
  get isNullObject(): boolean {
    return this.got("isNullObject");
  }
  /** ExcelApi 1.13: the merged areas inside the range. */
  getMergedAreasOrNullObject(): { isNullObject: boolean; address: string; load(p: string): void } {
    const fx = this.fx;
    const loaded = new Map<string, unknown>();
    const areas = {
      get isNullObject(): boolean {
        if (!loaded.has("isNullObject")) throw notLoaded("isNullObject");
        return loaded.get("isNullObject") as boolean;
      },
      get address(): string {
        if (!loaded.has("address")) throw notLoaded("address");
        return loaded.get("address") as string;
      },
      load: (p: string) =>
        fx.queue("rangeAreas.load", p, () => {
          const ref = this.refOrNull();
          const hits = ref ? ref.sheet.merged.filter((m) => overlaps(m, ref.rect)) : [];
          loaded.set("isNullObject", hits.length === 0);
          if (hits.length > 0 && ref) loaded.set("address", hits.map((m) => `${officeQuote(ref.sheet.name)}!${rectA1(m)}`).join(","));
        }),
    };
    return areas;
  }
  load(props?: string | string[]): void {
    const list = propList(props);
    this.fx.queue("range.load", list, () => {
      const ref = this.refOrNull();
      this.loaded.set("isNullObject", ref === null);
      if (!ref) return;
      for (const p of list) {
        if (p === "values" && ref.rect.rows * ref.rect.cols > this.fx.nullValuesOver) this.loaded.set("values", null);
        else if (p === "values") {
          const out: Scalar[][] = [];
          for (let r = 0; r < ref.rect.rows; r++) {
            const row: Scalar[] = [];
            for (let c = 0; c < ref.rect.cols; c++) {
              const cell = ref.sheet.cells.get(k(ref.rect.r + r, ref.rect.c + c));
              row.push(cell?.value ?? "");
            }
            out.push(row);
          }
          this.loaded.set("values", out);
          this.fx.respond(out);
        } else if (p === "rowCount") this.loaded.set("rowCount", ref.rect.rows);
        else if (p === "columnCount") this.loaded.set("columnCount", ref.rect.cols);
        else if (p === "address") this.loaded.set("address", `${officeQuote(ref.sheet.name)}!${rectA1(ref.rect)}`);
        else throw new Error(`fake: loading range.${p} is not supported`);
      }
    });
  }
  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this.fx, this);
  }
  get dataValidation(): { rule: unknown } {
    const fx = this.fx;
    const ref = () => this.ref();
    return {
      set rule(v: unknown) {
        fx.queue("dataValidation.rule", v, () => {
          const { sheet, rect } = ref();
          for (let r = rect.r; r < rect.r + rect.rows; r++) for (let c = rect.c; c < rect.c + rect.cols; c++) fx.cellAt(sheet, r, c).format.dataValidation = v;
        });
      },
      get rule(): unknown {
        throw new Error("fake: reading dataValidation.rule is not supported");
      },
    };
  }
  /** Merge the range's cells into one, or each row's cells into one when `across` (Excel keeps the top-left value only). */
  merge(across = false): void {
    this.fx.queue("range.merge", { a: this.label, across }, () => {
      const { sheet, rect } = this.ref();
      this.fx.checkWritable(sheet, rect);
      const areas = across ? Array.from({ length: rect.rows }, (_, i) => ({ ...rect, r: rect.r + i, rows: 1 })) : [rect];
      for (const area of areas) {
        for (let r = area.r; r < area.r + area.rows; r++)
          for (let c = area.c; c < area.c + area.cols; c++) if (r !== area.r || c !== area.c) sheet.cells.delete(k(r, c));
        sheet.merged.push(area);
      }
    });
  }
  select(): void {
    this.fx.queue("range.select", this.label, () => {
      const { sheet, rect } = this.ref();
      if (this.fx.active !== sheet) throw new Error("InvalidOperation: select a range on the active sheet");
      this.fx.selection = { sheet: sheet.name, address: rectA1(rect) };
    });
  }
  clear(): void {
    this.fx.queue("range.clear", this.label, () => {
      const { sheet, rect } = this.ref();
      this.fx.checkWritable(sheet, rect);
      for (const key of Array.from(sheet.cells.keys())) {
        const [r, c] = key.split(",").map(Number);
        if (r >= rect.r && r < rect.r + rect.rows && c >= rect.c && c < rect.c + rect.cols) sheet.cells.delete(key);
      }
    });
  }
}

class FakeRangeFormat {
  constructor(
    private fx: FakeExcel,
    private range: FakeRange,
  ) {}
  private bagFor(prefix: string): Record<string, unknown> {
    return bag(this.fx, `format.${prefix}`, (prop, v) => {
      const { sheet, rect } = this.range.ref();
      if (!(prefix === "protection" && prop === "locked")) this.fx.checkWritable(sheet, rect);
      for (let r = rect.r; r < rect.r + rect.rows; r++) for (let c = rect.c; c < rect.c + rect.cols; c++) this.fx.cellAt(sheet, r, c).format[`${prefix}.${prop}`] = v;
    });
  }
  get font(): Record<string, unknown> {
    return this.bagFor("font");
  }
  get fill(): Record<string, unknown> {
    return this.bagFor("fill");
  }
  get protection(): Record<string, unknown> {
    return this.bagFor("protection");
  }
  get borders(): { getItem(edge: string): Record<string, unknown> } {
    return { getItem: (edge: string) => this.bagFor(`borders.${edge}`) };
  }
  /** A format property of every cell of the range (wrapText, rowHeight, verticalAlignment), kept in the cells' format as "format.<name>". */
  private cellProperty(name: string, v: unknown): void {
    this.fx.queue(`format.${name}`, v, () => {
      const { sheet, rect } = this.range.ref();
      this.fx.checkWritable(sheet, rect);
      for (let r = rect.r; r < rect.r + rect.rows; r++) for (let c = rect.c; c < rect.c + rect.cols; c++) this.fx.cellAt(sheet, r, c).format[name] = v;
    });
  }
  set wrapText(v: boolean) {
    this.cellProperty("wrapText", v);
  }
  set rowHeight(v: number) {
    this.cellProperty("rowHeight", v);
  }
  set verticalAlignment(v: string) {
    this.cellProperty("verticalAlignment", v);
  }
  set columnWidth(v: number) {
    this.fx.queue("format.columnWidth", v, () => {
      const { sheet, rect } = this.range.ref();
      for (let c = rect.c; c < rect.c + rect.cols; c++) sheet.colWidths[c] = v;
    });
  }
  autofitColumns(): void {
    this.fx.queue("format.autofitColumns", undefined, () => {
      this.range.ref();
    });
  }
}

function rangeOf(fx: FakeExcel, ws: FakeWorksheet | null, target: FakeRange | string): RangeRef {
  if (typeof target !== "string") return target.ref();
  target = target.replace(/^=/, "");
  const bang = target.lastIndexOf("!");
  let sheet: SheetModel;
  if (bang >= 0) {
    let name = target.slice(0, bang);
    if (name.startsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
    sheet = fx.sheet(name);
  } else if (ws) sheet = ws.model();
  else throw new Error(`InvalidArgument: address "${target}" needs a sheet`);
  return { sheet, rect: parseA1(target) };
}

class FakeTableCollection extends Proxy0 {
  constructor(
    fx: FakeExcel,
    private ws: FakeWorksheet | null,
  ) {
    super(fx);
  }
  get items(): FakeTable[] {
    return this.got("items");
  }
  private inScope(): TableModel[] {
    if (!this.ws) return this.fx.tables;
    const m = this.ws.model();
    return this.fx.tables.filter((t) => t.sheet === m);
  }
  load(props?: string | string[]): void {
    const list = propList(props);
    this.fx.queue("tables.load", list, () => {
      this.loaded.set(
        "items",
        this.inScope().map((t) => {
          const table = new FakeTable(this.fx, () => t);
          table.loadNow(list.length ? list : ["name"]);
          return table;
        }),
      );
    });
  }
  add(address: FakeRange | string, hasHeaders: boolean): FakeTable {
    let model: TableModel | null = null;
    const table = new FakeTable(this.fx, () => {
      if (!model) throw new Error("fake: table used before it was added");
      return model;
    });
    this.fx.queue("tables.add", { address: typeof address === "string" ? address : "range", hasHeaders }, () => {
      const ref = rangeOf(this.fx, this.ws, address);
      if (this.ws && ref.sheet !== this.ws.model()) throw new Error("InvalidArgument: the range is on another sheet");
      if (ref.sheet.protected) throw new Error("AccessDenied: cannot add a table to a protected sheet");
      if (!hasHeaders) throw new Error("fake: tables without headers are not supported");
      for (const t of this.fx.tables) if (t.sheet === ref.sheet && overlaps(t.rect, ref.rect)) throw new Error(`InvalidOperation: the range overlaps table "${t.name}"`);
      let n = this.fx.tables.length + 1;
      while (this.fx.nameTaken(`Table${n}`, null)) n++;
      model = { name: `Table${n}`, sheet: ref.sheet, rect: { ...ref.rect }, style: "TableStyleMedium2", showTotals: false, showHeaders: true };
      // Excel turns blank headers into "Column1"...; our code always writes headers.
      this.fx.tables.push(model);
    });
    return table;
  }
  getItem(name: string): FakeTable {
    return new FakeTable(this.fx, () => {
      const t = this.inScope().find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!t) throw new Error(`ItemNotFound: no table named "${name}"`);
      return t;
    });
  }
  getItemOrNullObject(name: string): FakeTable {
    const table = this.getItem(name);
    this.fx.queue("tables.getItemOrNullObject", name, () =>
      table.setLoaded("isNullObject", !this.inScope().some((x) => x.name.toLowerCase() === name.toLowerCase())),
    );
    return table;
  }
}

class FakeTable extends Proxy0 {
  private bound: TableModel | undefined;
  private wsProxy: FakeWorksheet;
  constructor(
    fx: FakeExcel,
    private resolve: () => TableModel,
  ) {
    super(fx);
    this.wsProxy = new FakeWorksheet(fx, () => this.model().sheet);
  }
  model(): TableModel {
    if (!this.bound) this.bound = this.resolve();
    if (!this.fx.tables.includes(this.bound)) throw new Error(`ItemNotFound: table "${this.bound.name}" no longer exists`);
    return this.bound;
  }
  loadNow(props: string[]): void {
    const m = this.model();
    for (const p of props) {
      if (p === "name") this.loaded.set("name", m.name);
      else if (p === "showHeaders") this.loaded.set("showHeaders", m.showHeaders);
      else if (p === "showTotals") this.loaded.set("showTotals", m.showTotals);
      else if (p === "style") this.loaded.set("style", m.style);
      else if (p === "worksheet/name") this.wsProxy.setLoaded("name", m.sheet.name);
      else throw new Error(`fake: loading table.${p} is not supported`);
    }
  }
  load(props?: string | string[]): void {
    this.fx.queue("table.load", props, () => this.loadNow(propList(props ?? "name")));
  }
  get isNullObject(): boolean {
    return this.got("isNullObject");
  }
  get name(): string {
    return this.got("name");
  }
  set name(v: string) {
    this.fx.queue("table.name", v, () => {
      const m = this.model();
      if (!legalDefinedName(v)) throw new Error(`InvalidArgument: illegal table name "${v}"`);
      if (v.toLowerCase() !== m.name.toLowerCase() && this.fx.nameTaken(v, null)) throw new Error(`ItemAlreadyExists: the name "${v}" is already used`);
      const from = m.name;
      m.name = v;
      for (const cell of this.fx.formulaCells) {
          if (!cell.formula) continue;
          cell.formula = cell.formula.replace(new RegExp(`(^|[^A-Za-z0-9_.])${from.replace(/\./g, "\\.")}\\[`, "gi"), `$1${v}[`);
        }
    });
  }
  get showHeaders(): boolean {
    return this.got("showHeaders");
  }
  get showTotals(): boolean {
    return this.got("showTotals");
  }
  set showTotals(v: boolean) {
    this.fx.queue("table.showTotals", v, () => {
      const m = this.model();
      if (m.showTotals === v) return;
      m.showTotals = v;
      m.rect = { ...m.rect, rows: m.rect.rows + (v ? 1 : -1) };
    });
  }
  set style(v: string) {
    this.fx.queue("table.style", v, () => {
      if (!/^TableStyle(Light|Medium|Dark)\d+$/.test(v)) throw new Error(`InvalidArgument: table style ${v}`);
      this.model().style = v;
    });
  }
  get worksheet(): FakeWorksheet {
    return this.wsProxy;
  }
  getRange(): FakeRange {
    return new FakeRange(this.fx, this.wsProxy, () => this.model().rect, "table.getRange");
  }
  getDataBodyRange(): FakeRange {
    return new FakeRange(
      this.fx,
      this.wsProxy,
      () => {
        const m = this.model();
        return { r: m.rect.r + 1, c: m.rect.c, rows: m.rect.rows - 1 - (m.showTotals ? 1 : 0), cols: m.rect.cols };
      },
      "table.getDataBodyRange",
    );
  }
}

class FakeNamedItem extends Proxy0 {
  constructor(
    fx: FakeExcel,
    private resolve: () => NameModel,
  ) {
    super(fx);
  }
  loadNow(model: NameModel, props: string[]): void {
    for (const p of props) {
      if (p === "name") this.loaded.set("name", model.name);
      else if (p === "formula") this.loaded.set("formula", model.sheet ? `=${officeQuote(model.sheet.name)}!${rectA1(model.rect, true)}` : "=#REF!");
      else throw new Error(`fake: loading namedItem.${p} is not supported`);
    }
  }
  get name(): string {
    return this.got("name");
  }
  get formula(): string {
    return this.got("formula");
  }
  set visible(v: boolean) {
    this.fx.queue("namedItem.visible", v, () => {
      this.resolve().visible = v;
    });
  }
  delete(): void {
    this.fx.queue("namedItem.delete", undefined, () => {
      const m = this.resolve();
      this.fx.names = this.fx.names.filter((n) => n !== m);
    });
  }
}

class FakeNameCollection extends Proxy0 {
  constructor(
    fx: FakeExcel,
    private ws: FakeWorksheet | null,
  ) {
    super(fx);
  }
  private scope(): SheetModel | null {
    return this.ws ? this.ws.model() : null;
  }
  get items(): FakeNamedItem[] {
    return this.got("items");
  }
  load(props?: string | string[]): void {
    const list = propList(props);
    this.fx.queue("names.load", list, () => {
      const scope = this.scope();
      this.loaded.set(
        "items",
        this.fx.names
          .filter((n) => n.scope === scope)
          .map((n) => {
            const item = new FakeNamedItem(this.fx, () => n);
            item.loadNow(n, list.length ? list : ["name"]);
            return item;
          }),
      );
    });
  }
  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    let model: NameModel | null = null;
    this.fx.queue("names.add", { name, comment }, () => {
      const scope = this.scope();
      if (!legalDefinedName(name)) throw new Error(`InvalidArgument: illegal name "${name}"`);
      if (this.fx.nameTaken(name, scope)) throw new Error(`ItemAlreadyExists: the name "${name}" already exists`);
      const ref = rangeOf(this.fx, this.ws, reference);
      model = { name, scope, sheet: ref.sheet, rect: { ...ref.rect } };
      this.fx.names.push(model);
    });
    return new FakeNamedItem(this.fx, () => {
      if (!model) throw new Error("fake: name used before it was added");
      return model;
    });
  }
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.fx, () => {
      const scope = this.scope();
      const n = this.fx.names.find((x) => x.scope === scope && x.name.toLowerCase() === name.toLowerCase());
      if (!n) throw new Error(`ItemNotFound: no name "${name}"`);
      return n;
    });
  }
}

class FakeChartCollection {
  constructor(
    private fx: FakeExcel,
    private ws: FakeWorksheet,
  ) {}
  add(type: string, source: FakeRange, seriesBy?: string): FakeChart {
    let model: ChartModel | null = null;
    this.fx.queue("charts.add", { type, seriesBy }, () => {
      if (!CHART_TYPES.has(type)) throw new Error(`InvalidArgument: chart type ${type}`);
      const sheet = this.ws.model();
      if (sheet.protected) throw new Error("AccessDenied: cannot add a chart to a protected sheet");
      const ref = source.ref();
      const byRows = seriesBy === "Rows";
      const n = byRows ? ref.rect.rows : ref.rect.cols;
      const series: SeriesModel[] = [];
      for (let i = 0; i < n; i++) {
        const rect = byRows ? { r: ref.rect.r + i, c: ref.rect.c, rows: 1, cols: ref.rect.cols } : { r: ref.rect.r, c: ref.rect.c + i, rows: ref.rect.rows, cols: 1 };
        series.push({ name: `Series${i + 1}`, values: { sheet: ref.sheet, rect }, x: null, sizes: null, trendlines: [] });
      }
      model = { type, title: "", xTitle: "", yTitle: "", series, position: null };
      sheet.charts.push(model);
    });
    return new FakeChart(this.fx, () => {
      if (!model) throw new Error("fake: chart used before it was added");
      return model;
    });
  }
}

function textBag(fx: FakeExcel, label: string, apply: (v: string) => void): { text: string } {
  return {
    set text(v: string) {
      fx.queue(label, v, () => apply(v));
    },
    get text(): string {
      throw new Error(`fake: reading ${label} is not supported`);
    },
  };
}

class FakeChart {
  constructor(
    private fx: FakeExcel,
    private model: () => ChartModel,
  ) {}
  get title(): { text: string } {
    return textBag(this.fx, "chart.title.text", (v) => (this.model().title = v));
  }
  get axes() {
    const axis = (which: "xTitle" | "yTitle", label: string) => ({
      title: textBag(this.fx, `chart.axes.${label}.title.text`, (v) => {
        const m = this.model();
        if (m.type === "Pie") throw new Error("InvalidOperation: pie charts have no axes");
        m[which] = v;
      }),
    });
    return { categoryAxis: axis("xTitle", "categoryAxis"), valueAxis: axis("yTitle", "valueAxis") };
  }
  get series() {
    return {
      getItemAt: (i: number) =>
        new FakeSeries(this.fx, this.model, () => {
          const s = this.model().series[i];
          if (!s) throw new Error(`ItemNotFound: series ${i}`);
          return s;
        }),
      add: (name?: string) => {
        let s: SeriesModel | null = null;
        this.fx.queue("chart.series.add", name ?? null, () => {
          s = { name: name ?? "", values: null, x: null, sizes: null, trendlines: [] };
          this.model().series.push(s);
        });
        return new FakeSeries(this.fx, this.model, () => {
          if (!s) throw new Error("fake: series used before it was added");
          return s;
        });
      },
    };
  }
  setPosition(start: string, end?: string): void {
    this.fx.queue("chart.setPosition", { start, end }, () => {
      parseA1(start);
      if (end) parseA1(end);
      this.model().position = [start, end ?? start];
    });
  }
}

class FakeSeries {
  constructor(
    private fx: FakeExcel,
    private chart: () => ChartModel,
    private model: () => SeriesModel,
  ) {}
  set name(v: string) {
    this.fx.queue("series.name", v, () => (this.model().name = v));
  }
  setValues(range: FakeRange): void {
    this.fx.queue("series.setValues", undefined, () => (this.model().values = range.ref()));
  }
  setXAxisValues(range: FakeRange): void {
    this.fx.queue("series.setXAxisValues", undefined, () => (this.model().x = range.ref()));
  }
  setBubbleSizes(range: FakeRange): void {
    this.fx.queue("series.setBubbleSizes", undefined, () => {
      if (this.chart().type !== "Bubble") throw new Error("InvalidOperation: bubble sizes only work for bubble charts");
      this.model().sizes = range.ref();
    });
  }
  get trendlines() {
    return {
      add: (type?: string) => this.fx.queue("series.trendlines.add", type ?? "Linear", () => this.model().trendlines.push(type ?? "Linear")),
    };
  }
  get format() {
    const set = (v: string) => this.fx.queue("series.format", v, () => (this.model().color = v));
    return { fill: { setSolidColor: set }, line: { set color(v: string) { set(v); } } };
  }
  get points() {
    return {
      getItemAt: (i: number) => ({
        format: {
          fill: {
            setSolidColor: (v: string) =>
              this.fx.queue("point.format.fill", v, () => {
                const m = this.model();
                const n = m.values ? m.values.rect.rows * m.values.rect.cols : 0;
                if (i >= n) throw new Error(`ItemNotFound: point ${i}`);
                (m.pointColors ??= {})[i] = v;
              }),
          },
        },
      }),
    };
  }
  set chartType(v: string) {
    this.fx.queue("series.chartType", v, () => (this.model().chartType = v));
  }
  set markerStyle(_v: string) {
    this.fx.queue("series.markerStyle", _v, () => undefined);
  }
}
