/**
 * The in-memory workbook behind the in-memory host: sheets (user table sheets, the tool's sheets, hidden helper
 * sheets), workbook-level defined names, and the two operations the host contract is about (reading the input
 * tables, replacing the tool's sheets), decided by the same modules as the other hosts: src/host/ownership.ts and
 * src/host/tables.ts. Every function returns a new workbook; nothing is changed in place.
 */
import type { RawTable, RawTables } from "../engine/types";
import type { SheetPlan } from "../report/plan";
import { uniqueSheetName } from "../report/names";
import { SCENARIO_SHEET } from "../report/registry";
import {
  MARK_PREFIX,
  REGISTRY_NAME,
  decideOwnership,
  markName,
  nextRegistry,
  planReplacement,
  registryRows,
  registrySheetName,
  registrySheetOf,
  toolSheets,
  type Ownership,
} from "./ownership";
import { assembleTables, type Candidate, type TablesRead } from "./tables";

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface BookSheet {
  name: string;
  /** The plan role of a sheet the tool wrote, "input" for table sheets, "" for other sheets. */
  role: string;
  /** The plan rendered on a sheet the tool wrote; null elsewhere. */
  plan: SheetPlan | null;
  /** Input tables placed on the sheet. */
  tables: RawTable[];
  /** Plain cells from A1 (the registry's rows, or what a user typed on a sheet without tables). */
  rows: unknown[][];
  visibility: Visibility;
  /** Merged areas (A1 addresses) a user made. */
  merged?: string[];
}

export interface Book {
  sheets: BookSheet[];
  /** Workbook-level defined names and the sheet each refers to (null: #REF!, the sheet was deleted). */
  names: { name: string; sheet: string | null }[];
}

export const emptyBook = (): Book => ({ sheets: [], names: [] });

const lower = (s: string) => s.toLowerCase();

function cloneTable(t: RawTable): RawTable {
  return { name: t.name, headers: [...t.headers], rows: t.rows.map((r) => [...r]), origin: { ...t.origin } };
}

export function cloneSheet(s: BookSheet): BookSheet {
  return { ...s, tables: s.tables.map(cloneTable), rows: s.rows.map((r) => [...r]) };
}

export function findSheet(book: Book, name: string): BookSheet | undefined {
  return book.sheets.find((s) => lower(s.name) === lower(name));
}

/** Which sheets are the tool's. */
export function bookOwnership(book: Book): Ownership {
  const target = registrySheetOf(book.names);
  const registry = target === null ? undefined : findSheet(book, target);
  return decideOwnership({ sheets: book.sheets.map((s) => s.name), names: book.names, registryRows: registry ? registry.rows : null });
}

/** Place tables on new user sheets (one sheet per table, named after the table when free). */
export function placeTables(book: Book, tables: RawTables): Book {
  const taken = new Set([...book.sheets.map((s) => s.name), SCENARIO_SHEET]);
  const added = Object.values(tables).map((t): BookSheet => {
    const name = uniqueSheetName(t.origin?.sheet || t.name, taken);
    const placed: RawTable = { ...cloneTable(t), origin: { sheet: name, headerRow: 1, firstColumn: 1, kind: "table" } };
    return { name, role: "input", plan: null, tables: [placed], rows: [], visibility: "Visible" };
  });
  return { ...book, sheets: [...book.sheets, ...added] };
}

/** Read the input tables as every host does: candidates from tables and from sheets with plain cells. */
export function readBook(book: Book): TablesRead {
  const candidates: Candidate[] = [];
  for (const s of book.sheets) {
    for (const t of s.tables) {
      const values = [t.headers, ...t.rows];
      candidates.push({ kind: "table", label: t.name, sheet: s.name, values, r: t.origin.headerRow - 1, c: t.origin.firstColumn - 1, showHeaders: true, showTotals: false, merged: s.merged });
    }
    if (s.tables.length === 0 && s.plan === null) {
      const used = s.rows.length > 0 && s.rows.some((r) => r.some((v) => v !== null && v !== undefined && v !== ""));
      candidates.push({ kind: "sheet", label: s.name, sheet: s.name, values: used ? s.rows : null, r: 0, c: 0, showHeaders: true, showTotals: false, merged: s.merged });
    }
  }
  return assembleTables(candidates, toolSheets(bookOwnership(book)));
}

/**
 * Replace the tool's sheets by the plans (src/host/ownership.ts decides which): the replaced sheets and their names
 * go, the new sheets are appended with their marks, and the registry is rewritten (very hidden).
 */
export function renderBook(book: Book, plans: readonly SheetPlan[], runId: string, written: string): { book: Book; sheets: string[]; notes: string[] } {
  const ownership = bookOwnership(book);
  const sheetNames = book.sheets.map((s) => s.name);
  const rep = planReplacement(ownership, sheetNames, plans);
  const gone = new Set(rep.replaced.map((e) => lower(e.sheet)));
  const entries = nextRegistry(rep, plans, runId, written);
  const registry = registrySheetName(ownership, sheetNames, rep.finals);
  const registryRowsNow: unknown[][] = registryRows(entries);
  let sheets = book.sheets.filter((s) => !gone.has(lower(s.name))).map(cloneSheet);
  sheets.push(...plans.map((p, i): BookSheet => ({ name: rep.finals[i], role: p.role, plan: { ...p, name: rep.finals[i] }, tables: [], rows: [], visibility: p.hidden ? "Hidden" : "Visible" })));
  const existing = sheets.find((s) => lower(s.name) === lower(registry));
  if (existing) sheets = sheets.map((s) => (s === existing ? { ...s, rows: registryRowsNow, visibility: "VeryHidden" } : s));
  else sheets.push({ name: registry, role: "", plan: null, tables: [], rows: registryRowsNow, visibility: "VeryHidden" });
  // Names into replaced sheets go, and so do marks of sheets the user deleted (#REF!); the registry name is re-added.
  const names = book.names.filter((n) => (n.sheet === null ? !lower(n.name).startsWith(MARK_PREFIX) : !gone.has(lower(n.sheet))) && lower(n.name) !== REGISTRY_NAME);
  names.push({ name: REGISTRY_NAME, sheet: registry });
  plans.forEach((_, i) => names.push({ name: markName(entries[rep.kept.length + i].mark), sheet: rep.finals[i] }));
  return { book: { sheets, names }, sheets: rep.finals, notes: [...ownership.notes, ...rep.notes] };
}

/** A user's edits, as Excel applies them (tests of ownership use them to forge registries and re-create sheets). */
export const userEdits = {
  addSheet(book: Book, name: string, rows: unknown[][] = [], visibility: Visibility = "Visible"): Book {
    if (findSheet(book, name)) throw new Error(`A sheet named "${name}" already exists.`);
    return { ...book, sheets: [...book.sheets, { name, role: "", plan: null, tables: [], rows: rows.map((r) => [...r]), visibility }] };
  },
  deleteSheet(book: Book, name: string): Book {
    const s = findSheet(book, name);
    if (!s) throw new Error(`There is no sheet named "${name}".`);
    return {
      sheets: book.sheets.filter((x) => x !== s),
      names: book.names.map((n) => (n.sheet !== null && lower(n.sheet) === lower(s.name) ? { ...n, sheet: null } : n)),
    };
  },
  renameSheet(book: Book, from: string, to: string): Book {
    const s = findSheet(book, from);
    if (!s) throw new Error(`There is no sheet named "${from}".`);
    if (findSheet(book, to) && lower(from) !== lower(to)) throw new Error(`A sheet named "${to}" already exists.`);
    return {
      sheets: book.sheets.map((x) => (x === s ? { ...cloneSheet(x), name: to, tables: x.tables.map((t) => ({ ...cloneTable(t), origin: { ...t.origin, sheet: to } })) } : x)),
      names: book.names.map((n) => (n.sheet !== null && lower(n.sheet) === lower(from) ? { ...n, sheet: to } : n)),
    };
  },
  /** Merge cells: as in Excel, only the top-left cell of the area keeps its value. */
  merge(book: Book, sheet: string, address: string): Book {
    const s = findSheet(book, sheet);
    if (!s) throw new Error(`There is no sheet named "${sheet}".`);
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(address);
    if (!m) throw new Error(`"${address}" is not a range such as A4:A5.`);
    const col = (l: string) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const [r0, c0, r1, c1] = [Number(m[2]) - 1, col(m[1]), Number(m[4]) - 1, col(m[3])];
    const blank = (r: number, c: number) => (r >= r0 && r <= r1 && c >= c0 && c <= c1 && !(r === r0 && c === c0));
    const next = cloneSheet(s);
    next.rows = next.rows.map((row, r) => row.map((v, c) => (blank(r, c) ? null : v)));
    next.tables = next.tables.map((t) => {
      const [hr, fc] = [t.origin.headerRow - 1, t.origin.firstColumn - 1];
      return { ...t, headers: t.headers.map((h, j) => (blank(hr, fc + j) ? "" : h)), rows: t.rows.map((row, i) => row.map((v, j) => (blank(hr + 1 + i, fc + j) ? null : v))) };
    });
    next.merged = [...(s.merged ?? []), address];
    return { ...book, sheets: book.sheets.map((x) => (x === s ? next : x)) };
  },
  addName(book: Book, name: string, sheet: string): Book {
    if (book.names.some((n) => lower(n.name) === lower(name))) throw new Error(`The name "${name}" already exists.`);
    return { ...book, names: [...book.names, { name, sheet }] };
  },
};
