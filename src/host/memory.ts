/**
 * An in-memory workbook implementing the pane's Host interface. Used by the tests and the browser preview,
 * so that a user without Excel sees exactly which sheets the tool would write.
 *
 * Semantics mirror the Excel host:
 * - input tables live on user sheets, which are never modified by render();
 * - the tool's own sheets are listed in a registry (like the very hidden `_sfs_registry` sheet) and only
 *   those are replaced; a plan whose name clashes with a user sheet gets a unique name instead;
 * - render() is all-or-nothing: it builds the new sheets aside and swaps them in only at the end, so a
 *   cancelled or failed render leaves the previous sheets exactly as they were.
 */
import type { InputError, RawTable, RawTables } from "../engine/types";
import type { SheetPlan } from "../report/plan";
import { uniqueSheetName } from "../report/names";
import { REGISTRY_SHEET, SCENARIO_SHEET, type RegistryEntry } from "../report/registry";
import { XLSX_MIME, type Host, type RenderOptions, type RenderResult, type ScenarioRecord, type TableStatus } from "./types";

/** One sheet of the in-memory workbook. */
export interface MemorySheet {
  name: string;
  /** True when the tool wrote it (listed in the registry); false for the user's sheets. */
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
  /** The workbook's visible sheets in tab order (a snapshot; the registry itself is not listed). */
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
}

/** Contract tables in reading order; `required` ones must be present for an allocation. */
export const CONTRACT_TABLES: { name: string; required: boolean }[] = [
  { name: "Schools", required: true },
  { name: "Enrollment", required: true },
  { name: "Weights", required: true },
  { name: "Revenue", required: true },
  { name: "Policy", required: false },
  { name: "Initiatives", required: false },
  { name: "Initiative Segments", required: false },
];

function cloneTable(t: RawTable): RawTable {
  return { name: t.name, headers: [...t.headers], rows: t.rows.map((r) => [...r]), origin: { ...t.origin } };
}

function cloneSheet(s: MemorySheet): MemorySheet {
  return { ...s, tables: s.tables.map(cloneTable) };
}

function aborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Where a table sits, in words, e.g. "table on sheet Schools, A1:D12". */
function describeWhere(t: RawTable): string {
  const kind = t.origin.kind === "table" ? "table" : "sheet";
  return `${kind} on sheet ${t.origin.sheet}, row ${t.origin.headerRow}`;
}

export function createMemoryHost(initial: RawTables | null, options: MemoryHostOptions = {}): MemoryHost {
  let sheets: MemorySheet[] = [];
  let registry: RegistryEntry[] = [];
  let selection: { sheet: string; address: string } | null = null;
  const scenarios = new Map<string, ScenarioRecord>();
  const listeners = new Set<() => void>();
  const files: MemoryFile[] = [];

  const handOut = async (kind: MemoryFile["kind"], name: string, bytes: Uint8Array, mime: string): Promise<void> => {
    if (name.trim() === "") throw new Error("A file needs a name.");
    if (!(bytes instanceof Uint8Array) || bytes.byteLength === 0) throw new Error(`"${name}" is empty; nothing was ${kind === "workbook" ? "opened" : "downloaded"}.`);
    // Deliver first: a failed delivery leaves no record of a file the user never got.
    if (options.deliver) await options.deliver(name, bytes, mime);
    files.push({ kind, name, mime, bytes: new Uint8Array(bytes) });
    notify();
  };

  const notify = (): void => {
    for (const l of Array.from(listeners)) l();
  };

  const takenNames = (list: MemorySheet[]): Set<string> => new Set([...list.map((s) => s.name), REGISTRY_SHEET, SCENARIO_SHEET]);

  /** Place tables on new user sheets (one sheet per table, named after the table when free). */
  const placeTables = (list: MemorySheet[], tables: RawTables): MemorySheet[] => {
    const out = [...list];
    const taken = takenNames(out);
    for (const t of Object.values(tables)) {
      const sheetName = uniqueSheetName(t.origin?.sheet || t.name, taken);
      const placed: RawTable = {
        name: t.name,
        headers: [...t.headers],
        rows: t.rows.map((r) => [...r]),
        origin: { sheet: sheetName, headerRow: 1, firstColumn: 1, kind: "table" },
      };
      out.push({ name: sheetName, own: false, role: "input", plan: null, tables: [placed] });
    }
    return out;
  };

  const allTables = (): RawTable[] => sheets.flatMap((s) => s.tables);

  const findTable = (name: string): RawTable | undefined => {
    const key = name.toLowerCase();
    return allTables().find((t) => t.name.toLowerCase() === key);
  };

  if (initial) sheets = placeTables(sheets, initial);

  const host: MemoryHost = {
    kind: "preview",

    async readTables() {
      const tables: RawTables = {};
      const errors: InputError[] = [];
      for (const t of allTables()) tables[t.name.toLowerCase()] = cloneTable(t);
      const status: TableStatus[] = CONTRACT_TABLES.map(({ name }) => {
        const t = findTable(name);
        return { name, found: !!t, rows: t ? t.rows.length : 0, where: t ? describeWhere(t) : null };
      });
      return { tables, status, errors };
    },

    async render(plans: SheetPlan[], opts: RenderOptions = {}): Promise<RenderResult> {
      const { onProgress, signal } = opts;
      if (aborted(signal)) return { sheets: [], cancelled: true };
      // Work on a copy; the live workbook changes only once everything succeeded.
      // Own sheets of the roles being written are replaced as a set (a re-write with fewer schools leaves no stale
      // school sheets); own sheets of other roles stay, as in the Office.js and ExcelJS renderers.
      const roles = new Set(plans.map((p) => p.role));
      let draft = sheets.filter((s) => !(s.own && roles.has(s.role))).map(cloneSheet);
      let draftRegistry = registry.filter((e) => !roles.has(e.role)).map((e) => ({ ...e }));
      const ownNames = new Set(draftRegistry.map((e) => e.sheet.toLowerCase()));
      const written: string[] = [];
      const usedThisRun = new Set<string>();
      const stamp = new Date().toISOString();
      for (let i = 0; i < plans.length; i++) {
        const plan = plans[i];
        onProgress?.({ done: i, total: plans.length, label: `Writing ${plan.name}` });
        if (options.beforeSheet) await options.beforeSheet(i, plan.name);
        if (options.delayMs) await wait(options.delayMs);
        else await Promise.resolve();
        if (aborted(signal)) return { sheets: [], cancelled: true };
        // An own sheet with the same name is replaced; a user sheet with that name is left alone.
        const wanted = plan.name;
        const existing = draft.find((s) => s.name.toLowerCase() === wanted.toLowerCase());
        let name: string;
        if (existing && existing.own && ownNames.has(existing.name.toLowerCase()) && !usedThisRun.has(existing.name.toLowerCase())) {
          name = existing.name;
          draft = draft.filter((s) => s !== existing);
          draftRegistry = draftRegistry.filter((e) => e.sheet.toLowerCase() !== name.toLowerCase());
        } else {
          name = uniqueSheetName(wanted, takenNames(draft));
        }
        usedThisRun.add(name.toLowerCase());
        draft.push({ name, own: true, role: plan.role, plan: { ...plan, name }, tables: [] });
        draftRegistry.push({ sheet: name, role: plan.role, written: stamp });
        written.push(name);
      }
      if (aborted(signal)) return { sheets: [], cancelled: true };
      sheets = draft;
      registry = draftRegistry;
      onProgress?.({ done: plans.length, total: plans.length, label: "Done" });
      notify();
      return { sheets: written, cancelled: false };
    },

    async selectCell(sheet: string, address: string) {
      const found = sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase());
      if (!found) throw new Error(`There is no sheet named "${sheet}" in this workbook.`);
      selection = { sheet: found.name, address };
      notify();
    },

    async insertTables(tables: RawTables) {
      const clashes = Object.values(tables)
        .map((t) => t.name)
        .filter((n) => findTable(n));
      if (clashes.length > 0) {
        throw new Error(`The workbook already has ${clashes.join(", ")}; existing tables are never replaced.`);
      }
      sheets = placeTables(sheets, tables);
      notify();
    },

    async listScenarios() {
      return Array.from(scenarios.values())
        .map((s) => ({ ...s }))
        .sort((a, b) => a.name.localeCompare(b.name));
    },

    async saveScenario(record: ScenarioRecord) {
      const name = record.name.trim();
      if (name === "") throw new Error("A scenario needs a name.");
      for (const key of Array.from(scenarios.keys())) if (key.toLowerCase() === name.toLowerCase()) scenarios.delete(key);
      scenarios.set(name, { ...record, name });
      notify();
    },

    async deleteScenario(name: string) {
      for (const key of Array.from(scenarios.keys())) if (key.toLowerCase() === name.toLowerCase()) scenarios.delete(key);
      notify();
    },

    async capabilities() {
      const c = options.capabilities ?? { ok: true, missing: [] };
      return { ok: c.ok, missing: [...c.missing] };
    },

    async openWorkbook(name: string, xlsx: Uint8Array) {
      await handOut("workbook", name, xlsx, XLSX_MIME);
    },

    async download(name: string, bytes: Uint8Array, mime: string) {
      await handOut("download", name, bytes, mime);
    },

    files() {
      return files.map((f) => ({ ...f, bytes: new Uint8Array(f.bytes) }));
    },

    sheets() {
      return sheets.map(cloneSheet);
    },

    registry() {
      return registry.map((e) => ({ ...e }));
    },

    selection() {
      return selection ? { ...selection } : null;
    },

    setTables(tables: RawTables) {
      // Replace the tables' content in place where they exist; add new sheets for the others.
      const rest: RawTables = {};
      for (const [key, t] of Object.entries(tables)) {
        const target = sheets.find((s) => s.tables.some((x) => x.name.toLowerCase() === t.name.toLowerCase()));
        if (target) {
          sheets = sheets.map((s) =>
            s === target
              ? {
                  ...s,
                  tables: s.tables.map((x) =>
                    x.name.toLowerCase() === t.name.toLowerCase()
                      ? { ...cloneTable(t), origin: { ...x.origin } }
                      : x,
                  ),
                }
              : s,
          );
        } else rest[key] = t;
      }
      sheets = placeTables(sheets, rest);
      notify();
    },

    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
  return host;
}
