/**
 * An in-memory workbook implementing the pane's Host interface. Used by the tests and the browser preview,
 * so that a user without Excel sees exactly which sheets the tool would write.
 *
 * Semantics mirror the Excel host:
 * - input tables live on user sheets, which are never modified by render();
 * - the tool's own sheets are decided by src/host/ownership.ts (listed in the registry AND carrying their mark),
 *   and only those are replaced; a plan whose name a user sheet has gets a unique name instead, with a note;
 * - reading the input tables is decided by src/host/tables.ts, so errors and extra tables are reported alike;
 * - render() is all-or-nothing: it builds the new sheets aside and swaps them in only at the end, so a
 *   cancelled or failed render leaves the previous sheets exactly as they were.
 */
import type { RawTable, RawTables } from "../engine/types";
import type { SheetPlan } from "../report/plan";
import { newRunId, type RegistryEntry } from "./ownership";
import { bookOwnership, cloneSheet, emptyBook, findSheet, placeTables, readBook, renderBook, userEdits, type Book, type Visibility } from "./memoryBook";
import { XLSX_MIME, type Host, type RenderOptions, type RenderResult, type ScenarioRecord } from "./types";

/** One sheet of the in-memory workbook. */
export interface MemorySheet {
  name: string;
  /** True when the tool wrote it (listed in the registry and carrying its mark); false for the user's sheets. */
  own: boolean;
  /** The plan role for own sheets ("summary", "school", ...), "input" for user table sheets. */
  role: string;
  /** The plan rendered on an own sheet; null on user sheets. */
  plan: SheetPlan | null;
  /** Input tables placed on a user sheet (empty on own sheets). */
  tables: RawTable[];
}

export interface MemoryHostOptions {
  /** What capabilities() reports (default: everything available). */
  capabilities?: { ok: boolean; missing: string[] };
  /** Milliseconds to wait per sheet while rendering (the preview uses it to show progress). */
  delayMs?: number;
  /** Awaited before each sheet is rendered; tests use it to hold a render in flight. */
  beforeSheet?: (index: number, name: string) => Promise<void>;
  /**
   * Where opened workbooks and downloads go besides the record kept by files(): the browser preview passes a
   * browser download, so "open as a new workbook" saves the .xlsx. Default: only recorded.
   */
  deliver?: (name: string, bytes: Uint8Array, mime: string) => Promise<void>;
}

/** A file the pane handed out through openWorkbook or download. */
export interface MemoryFile {
  kind: "workbook" | "download";
  name: string;
  mime: string;
  bytes: Uint8Array;
}

export interface MemoryHost extends Host {
  /** The workbook's sheets in tab order, except very hidden ones (a snapshot; the registry itself is not listed). */
  sheets(): MemorySheet[];
  /** The registry rows: which sheets are the tool's own. */
  registry(): RegistryEntry[];
  /** The last cell selected by selectCell, if any. */
  selection(): { sheet: string; address: string } | null;
  /** Replace the user's input tables, as if the user had edited the workbook (the preview and tests use it). */
  setTables(tables: RawTables): void;
  /** Called after every change to the workbook; returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Files opened as new workbooks or downloaded, oldest first. */
  files(): MemoryFile[];
  /** Change the workbook as a user would in Excel. */
  userEdit: MemoryUserEdits;
  /** Every sheet's name in tab order, the very hidden ones too. */
  allSheetNames(): string[];
  /** What a cell shows (0-based row and column): a plan's value or formula, a table's header or row, a plain cell. */
  cellValue(sheet: string, r: number, c: number): unknown;
}

/** Edits a user makes in Excel, for tests of ownership (forged registries, re-created sheets, renames). */
export interface MemoryUserEdits {
  addSheet(name: string, rows?: unknown[][], visibility?: Visibility): void;
  deleteSheet(name: string): void;
  renameSheet(from: string, to: string): void;
  /** Add a workbook-level defined name referring to cell A1 of `sheet`. */
  addName(name: string, sheet: string): void;
  /** Merge cells (e.g. "A4:A5"): only the top-left cell keeps its value. */
  merge(sheet: string, address: string): void;
}

function aborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The public snapshot of a sheet: very hidden helper sheets are not listed. */
function snapshot(book: Book): MemorySheet[] {
  const own = new Set(bookOwnership(book).own.map((e) => e.sheet));
  return book.sheets
    .filter((s) => s.visibility !== "VeryHidden")
    .map((s) => {
      const c = cloneSheet(s);
      return { name: c.name, own: own.has(c.name), role: c.role, plan: c.plan, tables: c.tables };
    });
}

function cellValue(book: Book, sheet: string, r: number, c: number): unknown {
  const s = findSheet(book, sheet);
  if (!s) throw new Error(`There is no sheet named "${sheet}".`);
  const cell = s.plan?.cells.find((x) => x.r === r && x.c === c);
  if (cell) return cell.f !== undefined ? `=${cell.f}` : (cell.v ?? null);
  for (const t of s.tables) {
    const i = r - (t.origin.headerRow - 1);
    const j = c - (t.origin.firstColumn - 1);
    if (i === 0 && j >= 0 && j < t.headers.length) return t.headers[j];
    if (i > 0 && i <= t.rows.length && j >= 0 && j < t.headers.length) return t.rows[i - 1][j] ?? null;
  }
  return s.rows[r]?.[c] ?? null;
}

/** Replace the content of tables that exist (in place, keeping where they are); place the others on new sheets. */
function editTables(book: Book, tables: RawTables): Book {
  const rest: RawTables = {};
  let sheets = book.sheets;
  for (const [key, t] of Object.entries(tables)) {
    const same = (x: { name: string }) => x.name.toLowerCase() === t.name.toLowerCase();
    const target = sheets.find((s) => s.tables.some(same));
    if (!target) {
      rest[key] = t;
      continue;
    }
    const replace = { ...cloneSheet(target), tables: target.tables.map((x) => (same(x) ? { name: t.name, headers: [...t.headers], rows: t.rows.map((r) => [...r]), origin: { ...x.origin } } : x)) };
    sheets = sheets.map((s) => (s === target ? replace : s));
  }
  return placeTables({ ...book, sheets }, rest);
}

/** Write the plans one sheet at a time for progress (the preview shows it), then swap them in all at once. */
async function renderSlowly(book: Book, plans: SheetPlan[], opts: RenderOptions, options: MemoryHostOptions): Promise<{ book: Book; result: RenderResult } | null> {
  const { onProgress, signal } = opts;
  if (aborted(signal)) return null;
  for (let i = 0; i < plans.length; i++) {
    onProgress?.({ done: i, total: plans.length, label: `Writing ${plans[i].name}` });
    if (options.beforeSheet) await options.beforeSheet(i, plans[i].name);
    if (options.delayMs) await wait(options.delayMs);
    else await Promise.resolve();
    if (aborted(signal)) return null;
  }
  const out = renderBook(book, plans, newRunId(), new Date().toISOString());
  onProgress?.({ done: plans.length, total: plans.length, label: "Done" });
  return { book: out.book, result: { sheets: out.sheets, cancelled: false, notes: out.notes } };
}

/** Named scenarios kept in memory (names compared case-insensitively). */
function scenarioStore(notify: () => void): Pick<Host, "listScenarios" | "saveScenario" | "deleteScenario"> {
  const scenarios = new Map<string, ScenarioRecord>();
  const drop = (name: string) => {
    for (const key of Array.from(scenarios.keys())) if (key.toLowerCase() === name.trim().toLowerCase()) scenarios.delete(key);
  };
  return {
    listScenarios: async () => Array.from(scenarios.values(), (s) => ({ ...s })).sort((a, b) => a.name.localeCompare(b.name)),
    async saveScenario(record: ScenarioRecord) {
      const name = record.name.trim();
      if (name === "") throw new Error("A scenario needs a name.");
      drop(name);
      scenarios.set(name, { ...record, name });
      notify();
    },
    async deleteScenario(name: string) {
      drop(name);
      notify();
    },
  };
}

/** Files handed to the user (opened as workbooks or downloaded), recorded after delivery. */
function fileShelf(options: MemoryHostOptions, notify: () => void): Pick<MemoryHost, "openWorkbook" | "download" | "files"> {
  const files: MemoryFile[] = [];
  const handOut = async (kind: MemoryFile["kind"], name: string, bytes: Uint8Array, mime: string): Promise<void> => {
    if (name.trim() === "") throw new Error("A file needs a name.");
    if (!(bytes instanceof Uint8Array) || bytes.byteLength === 0) throw new Error(`"${name}" is empty; nothing was ${kind === "workbook" ? "opened" : "downloaded"}.`);
    // Deliver first: a failed delivery leaves no record of a file the user never got.
    if (options.deliver) await options.deliver(name, bytes, mime);
    files.push({ kind, name, mime, bytes: new Uint8Array(bytes) });
    notify();
  };
  return {
    openWorkbook: (name: string, xlsx: Uint8Array) => handOut("workbook", name, xlsx, XLSX_MIME),
    download: (name: string, bytes: Uint8Array, mime: string) => handOut("download", name, bytes, mime),
    files: () => files.map((f) => ({ ...f, bytes: new Uint8Array(f.bytes) })),
  };
}

function refuseClashes(book: Book, tables: RawTables): void {
  const present = new Set(book.sheets.flatMap((s) => s.tables.map((t) => t.name.toLowerCase())));
  const clashes = Object.values(tables).filter((t) => present.has(t.name.toLowerCase()));
  if (clashes.length > 0) throw new Error(`The workbook already has ${clashes.map((t) => t.name).join(", ")}; existing tables are never replaced.`);
}

export function createMemoryHost(initial: RawTables | null, options: MemoryHostOptions = {}): MemoryHost {
  let book: Book = initial ? placeTables(emptyBook(), initial) : emptyBook();
  let selection: { sheet: string; address: string } | null = null;
  const listeners = new Set<() => void>();
  const notify = (): void => {
    for (const l of Array.from(listeners)) l();
  };
  const change = (next: Book): void => {
    book = next;
    notify();
  };
  return {
    kind: "preview",
    readTables: async () => readBook(book),
    async render(plans: SheetPlan[], opts: RenderOptions = {}): Promise<RenderResult> {
      // Work on a copy; the live workbook changes only once everything succeeded.
      const out = await renderSlowly(book, plans, opts, options);
      if (!out) return { sheets: [], cancelled: true, notes: [] };
      change(out.book);
      return out.result;
    },
    async selectCell(sheet: string, address: string) {
      const found = findSheet(book, sheet);
      if (!found) throw new Error(`There is no sheet named "${sheet}" in this workbook.`);
      selection = { sheet: found.name, address };
      notify();
    },
    async insertTables(tables: RawTables) {
      refuseClashes(book, tables);
      change(placeTables(book, tables));
    },
    ...scenarioStore(notify),
    async capabilities() {
      const c = options.capabilities ?? { ok: true, missing: [] };
      return { ok: c.ok, missing: [...c.missing] };
    },
    ...fileShelf(options, notify),
    sheets: () => snapshot(book),
    allSheetNames: () => book.sheets.map((s) => s.name),
    cellValue: (sheet, r, c) => cellValue(book, sheet, r, c),
    registry: () => bookOwnership(book).own.map((e) => ({ ...e })),
    selection: () => (selection ? { ...selection } : null),
    setTables: (tables: RawTables) => change(editTables(book, tables)),
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    userEdit: {
      addSheet: (name, rows, visibility) => change(userEdits.addSheet(book, name, rows, visibility)),
      deleteSheet: (name) => change(userEdits.deleteSheet(book, name)),
      renameSheet: (from, to) => change(userEdits.renameSheet(book, from, to)),
      addName: (name, sheet) => change(userEdits.addName(book, name, sheet)),
      merge: (sheet, address) => change(userEdits.merge(book, sheet, address)),
    },
  };
}
