/**
 * Which sheets belong to the tool, and which of them a write may replace. One rule for every host (the Office.js
 * host, the .xlsx writer and the in-memory host); pure logic, the hosts only gather the facts and apply the result.
 *
 * A sheet is the tool's only when BOTH
 * - the registry lists it: the registry is the sheet that the workbook-level defined name `_sfs_registry`
 *   points to, with the header row Sheet / Role / Written / Mark, and
 * - the sheet itself carries the matching mark: a workbook-level defined name `_sfs_own_<mark>` (the mark is a
 *   per-run random id, written in the registry row) that refers to that very sheet.
 * Defined names survive Excel, Excel on the web and ExcelJS round trips, follow a sheet when Excel renames it and
 * lose their sheet when it is deleted, and can be read with ExcelApi 1.7 (`NamedItem.formula`).
 *
 * So a sheet the user makes with a tool sheet's name (after deleting the tool's) has no mark and is the user's; a
 * registry written by hand (or a sheet named `_sfs_registry` without the defined name) is ignored with a note,
 * never obeyed. A user's sheet that has the name a plan wants is kept; the tool writes under another name and
 * says so.
 */
import { sanitizeSheetName, uniqueSheetName } from "../report/names";
import { REGISTRY_SHEET, SCENARIO_SHEET } from "../report/registry";

/** Workbook-level defined name pointing at cell A1 of the registry sheet. */
export const REGISTRY_NAME = "_sfs_registry";
/** Prefix of the workbook-level defined names that mark the tool's sheets: `_sfs_own_<mark>`. */
export const MARK_PREFIX = "_sfs_own_";
/** Header row of the registry sheet. */
export const REGISTRY_HEADERS = ["Sheet", "Role", "Written", "Mark"] as const;

const MARK_PATTERN = /^[a-z0-9]{8,24}_\d{1,6}$/;

export interface RegistryEntry {
  sheet: string;
  role: string;
  written: string;
  /** The per-run random id also held by the sheet's marker name. */
  mark: string;
}

/** What a host reads from the workbook to decide ownership. */
export interface WorkbookFacts {
  /** Every sheet's name, whatever its visibility. */
  sheets: readonly string[];
  /** Workbook-level defined names and the sheet each refers to (null when it refers to no single sheet, e.g. #REF!). */
  names: readonly { name: string; sheet: string | null }[];
  /** Rows of the sheet REGISTRY_NAME refers to (as read; header first), or null when there is no such sheet. */
  registryRows: readonly (readonly unknown[])[] | null;
}

export interface Ownership {
  /** The sheet holding a registry the tool wrote (to be rewritten), or null. */
  registrySheet: string | null;
  /** The tool's sheets, verified: listed in the registry and carrying their mark. Names as they are in the workbook. */
  own: RegistryEntry[];
  /** Why a registry or an entry was not obeyed, in words for the user. */
  notes: string[];
  /** A defined name REGISTRY_NAME exists but does not lead to a registry the tool wrote: remove it before writing one. */
  registryNameStale: boolean;
}

const lower = (s: string) => s.toLowerCase();

/** The defined name that marks a sheet written with this mark. */
export function markName(mark: string): string {
  return MARK_PREFIX + mark;
}

/** A fresh per-run id (12 lower-case letters and digits) from a cryptographic source when there is one. */
export function newRunId(): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  const bytes = new Uint8Array(12);
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (c?.getRandomValues) c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}

/** The sheet the registry name refers to, if any. */
export function registrySheetOf(names: WorkbookFacts["names"]): string | null {
  return names.find((n) => lower(n.name) === REGISTRY_NAME)?.sheet ?? null;
}

function text(v: unknown): string {
  return v === null || v === undefined ? "" : String(v).trim();
}

/** Rows to write in the registry sheet (header first). */
export function registryRows(entries: readonly RegistryEntry[]): string[][] {
  return [[...REGISTRY_HEADERS], ...entries.map((e) => [e.sheet, e.role, e.written, e.mark])];
}

/** Decide which sheets are the tool's. Never throws: anything unexpected is ignored with a note. */
export function decideOwnership(facts: WorkbookFacts): Ownership {
  const notes: string[] = [];
  const sheetByLower = new Map(facts.sheets.map((s) => [lower(s), s]));
  const named = facts.names.some((n) => lower(n.name) === REGISTRY_NAME);
  const target = registrySheetOf(facts.names);
  const registry = target === null ? undefined : sheetByLower.get(lower(target));
  const stray = sheetByLower.get(lower(REGISTRY_SHEET));
  if (stray !== undefined && (registry === undefined || lower(registry) !== lower(stray))) {
    notes.push(`The sheet "${stray}" looks like the tool's list of its sheets but was not written by the tool; it was ignored and left as it is.`);
  }
  if (registry === undefined || facts.registryRows === null) return { registrySheet: null, own: [], notes, registryNameStale: named };
  const rows = facts.registryRows;
  const header = (rows[0] ?? []).slice(0, REGISTRY_HEADERS.length).map(text);
  const wellFormed = header.length === REGISTRY_HEADERS.length && header.every((h, i) => lower(h) === lower(REGISTRY_HEADERS[i]));
  // The registry lives on a sheet of the tool's naming; a name pointing anywhere else was not written by the tool.
  if (!wellFormed || !lower(registry).startsWith(lower(REGISTRY_SHEET))) {
    notes.push(`The list of the tool's sheets ("${registry}") is not one the tool wrote; it was ignored, left as it is, and no sheet was replaced because of it.`);
    return { registrySheet: null, own: [], notes, registryNameStale: true };
  }
  const own = verifiedEntries(rows.slice(1), registry, sheetByLower, new Map(facts.names.map((n) => [lower(n.name), n.sheet])), notes);
  return { registrySheet: registry, own, notes, registryNameStale: false };
}

/** Registry rows whose sheet exists and carries its mark; a note for each one that does not. */
function verifiedEntries(
  rows: readonly (readonly unknown[])[],
  registry: string,
  sheetByLower: ReadonlyMap<string, string>,
  markTarget: ReadonlyMap<string, string | null>,
  notes: string[],
): RegistryEntry[] {
  const own: RegistryEntry[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const [sheet, role, written, mark] = [0, 1, 2, 3].map((i) => text(row[i]));
    if (sheet === "") continue;
    const actual = sheetByLower.get(lower(sheet));
    // A listed sheet that is gone was deleted by the user: nothing to say.
    if (actual === undefined) continue;
    const reserved = lower(actual) === lower(registry) || lower(actual) === lower(SCENARIO_SHEET);
    const target = MARK_PATTERN.test(mark) ? markTarget.get(lower(markName(mark))) : undefined;
    if (reserved || seen.has(lower(actual)) || target === undefined || target === null || lower(target) !== lower(actual)) {
      notes.push(`The sheet "${actual}" is listed as one of the tool's sheets but does not carry the tool's mark; it is treated as your sheet and left as it is.`);
      continue;
    }
    seen.add(lower(actual));
    own.push({ sheet: actual, role, written, mark });
  }
  return own;
}

/** Names of the sheets the tool keeps for itself (never read as input, never taken by a plan). */
export function reservedSheets(ownership: Ownership): Set<string> {
  const out = new Set([lower(REGISTRY_SHEET), lower(SCENARIO_SHEET)]);
  if (ownership.registrySheet) out.add(lower(ownership.registrySheet));
  return out;
}

/** The tool's sheets in lower case (own sheets and its hidden helper sheets): never read as input tables. */
export function toolSheets(ownership: Ownership): Set<string> {
  const out = reservedSheets(ownership);
  for (const e of ownership.own) out.add(lower(e.sheet));
  return out;
}

export interface Replacement {
  /** Own sheets this write replaces: removed when the new sheets are in place. */
  replaced: RegistryEntry[];
  /** Own sheets of other roles, kept and listed again. */
  kept: RegistryEntry[];
  /** Final sheet name of each plan, in plan order. */
  finals: string[];
  /** Where a plan could not take its name because a sheet of the user's has it. */
  notes: string[];
}

/**
 * Which own sheets a write of `plans` replaces (those of the roles being written, or with a name a plan wants),
 * and each plan's final name. A user's sheet is never replaced: the plan gets "Name (2)" and a note says so.
 */
export function planReplacement(ownership: Ownership, sheets: readonly string[], plans: readonly { name: string; role: string }[]): Replacement {
  const roles = new Set(plans.map((p) => p.role));
  const wanted = new Set(plans.map((p) => lower(sanitizeSheetName(p.name))));
  const replaced = ownership.own.filter((e) => roles.has(e.role) || wanted.has(lower(e.sheet)));
  const replacedLower = new Set(replaced.map((e) => lower(e.sheet)));
  const kept = ownership.own.filter((e) => !replacedLower.has(lower(e.sheet)));
  const userSheets = new Set(sheets.map(lower).filter((s) => !replacedLower.has(s) && !kept.some((e) => lower(e.sheet) === s)));
  const taken = new Set(sheets.filter((s) => !replacedLower.has(lower(s))));
  for (const s of reservedSheets(ownership)) taken.add(s);
  const notes: string[] = [];
  const finals = plans.map((p) => {
    const final = uniqueSheetName(p.name, taken);
    const want = sanitizeSheetName(p.name);
    if (lower(final) !== lower(want) && userSheets.has(lower(want))) {
      const actual = sheets.find((s) => lower(s) === lower(want)) ?? want;
      notes.push(`Your sheet "${actual}" was kept as it is; the tool wrote its sheet as "${final}".`);
    }
    return final;
  });
  return { replaced, kept, finals, notes };
}

/** The registry after a write: kept entries, then one per plan with a fresh mark of this run. */
export function nextRegistry(rep: Replacement, plans: readonly { role: string }[], runId: string, written: string): RegistryEntry[] {
  return [...rep.kept, ...plans.map((p, i) => ({ sheet: rep.finals[i], role: p.role, written, mark: `${runId}_${i + 1}` }))];
}

/** The sheet name for a new registry sheet: REGISTRY_SHEET unless a sheet of the user's has it. */
export function registrySheetName(ownership: Ownership, sheets: readonly string[], finals: readonly string[]): string {
  if (ownership.registrySheet) return ownership.registrySheet;
  return uniqueSheetName(REGISTRY_SHEET, new Set([...sheets, ...finals, SCENARIO_SHEET]));
}

/** The sheet a defined name's reference points to ("=Summary!$C$5", "'My Sheet'!$A$1"), or null (#REF!, constants, formulas). */
export function referenceSheet(reference: string): string | null {
  const m = /^=?(?:'((?:[^']|'')+)'|([^!'"=(),\s][^!'"=(),]*))!\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?$/i.exec(reference.trim());
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? "");
  return sheet === "" || sheet.startsWith("#") ? null : sheet;
}
