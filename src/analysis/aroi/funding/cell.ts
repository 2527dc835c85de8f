/**
 * The Funding Source cell mini-language: one Revenue source name (= 100%), or several with shares,
 * `Title I Part A 60%; Local Levy 40%` (separators `;` or `,`; a share may also be written `(60%)`, `: 60%` or as a
 * plain number after the name, 0.6 or 60). Names match the Revenue table case- and space-insensitively; a name
 * containing a comma is recognised when it is a Revenue source. Every problem is a located InputError.
 */
import { columnLetter } from "../../../engine/excelNames";
import { andList } from "../../../engine/listText";
import { labelKey, normalizeHeader } from "../../../engine/parse/headers";
import { cellText } from "../../../engine/parse/values";
import type { Cell, Initiative, InputError, RawTable } from "../../../engine/types";
import {
  FUNDING_SOURCE_COLUMN,
  FUNDING_SOURCE_KEYS,
  SHARE_UNITS,
  type FundingParse,
  type FundingPlace,
  type FundingShare,
  type InitiativeFundingSpec,
} from "./types";

/** A share in share units as a percent for a message: 60% / 33.333333%. */
export function formatUnits(units: number): string {
  return `${Number((units / 1_000_000).toFixed(6))}%`;
}

/** Names for a message: "A, B and C", or the first `max` and "and N more". */
export function listNames(names: readonly string[], max = names.length): string {
  const shown = names.slice(0, max);
  const more = names.length - shown.length;
  if (more > 0) return `${shown.join(", ")} and ${more} more`;
  return andList(shown);
}

/** The Funding Source cell of an initiative, trimmed ("" when absent or blank). */
export function fundingText(i: Initiative): string {
  for (const k of FUNDING_SOURCE_KEYS) {
    const v = i.attributes[k];
    if (v !== undefined && cellText(v as Cell) !== "") return cellText(v as Cell);
  }
  return "";
}

/** Whether any initiative names a funding source (the reconciliation then runs). */
export function hasFundingSources(initiatives: readonly Initiative[] | null | undefined): boolean {
  return (initiatives ?? []).some((i) => fundingText(i) !== "");
}

/** Where the Funding Source and Schools columns are in a raw Initiatives table (for located messages). */
export function fundingPlace(raw: RawTable | undefined): FundingPlace {
  if (!raw) return {};
  const place: FundingPlace = { sheet: raw.origin.sheet };
  raw.headers.forEach((h, i) => {
    const text = cellText(h as Cell);
    const key = normalizeHeader(text);
    const letter = columnLetter(raw.origin.firstColumn + i);
    if ((FUNDING_SOURCE_KEYS as readonly string[]).includes(key) && place.fundingHeader === undefined) {
      place.fundingHeader = text;
      place.fundingLetter = letter;
    } else if (key === "schools" && place.schoolsHeader === undefined) {
      place.schoolsHeader = text;
      place.schoolsLetter = letter;
    }
  });
  return place;
}

/** A piece of a Funding Source cell: a name and an optional share. */
interface Piece {
  name: string;
  /** Share units, null when no share was written, NaN when the share is unreadable. */
  units: number | null;
  text: string;
}

const SHARE_PERCENT = /^(.*?)[\s:=]*\(?\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*%\s*\)?$/;
const SHARE_PLAIN = /^(.*?)[\s:=]*\(?\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*\)?$/;
const LOOKS_LIKE_SHARE = /%\s*\)?$/;

function toUnits(percent: number): number {
  return Math.round(Number((percent * 1_000_000).toPrecision(15)));
}

/** Read "Name 60%", "Name (60%)", "Name: 0.6", "Name" against the known source names. */
function readPiece(raw: string, known: ReadonlyMap<string, number>): Piece {
  const text = raw.trim();
  if (known.has(labelKey(text))) return { name: text, units: null, text };
  const pct = SHARE_PERCENT.exec(text);
  if (pct) return { name: pct[1].trim(), units: toUnits(Number(pct[2])), text };
  const plain = SHARE_PLAIN.exec(text);
  if (plain && known.has(labelKey(plain[1].trim()))) {
    const v = Number(plain[2]);
    // Contract rule for percent columns: a value > 1 is a percentage, else a fraction.
    return { name: plain[1].trim(), units: toUnits(v > 1 ? v : v * 100), text };
  }
  // Something ending in "%" that is not a number: an unreadable share after a name.
  if (LOOKS_LIKE_SHARE.test(text)) return { name: text.replace(/[\s:=(]*[^\s:=(]*%\s*\)?$/, "").trim(), units: Number.NaN, text };
  return { name: text, units: null, text };
}

/**
 * Split a Funding Source cell into pieces. `;` always separates; `,` separates unless the text joined over it is
 * a known source name (with or without a share), the longest such match winning.
 */
function splitPieces(text: string, known: ReadonlyMap<string, number>): Piece[] {
  const out: Piece[] = [];
  for (const part of text.split(";")) {
    const sub = part.split(",");
    let i = 0;
    while (i < sub.length) {
      let taken = 1;
      for (let j = sub.length; j > i + 1; j--) {
        const p = readPiece(sub.slice(i, j).join(","), known);
        if (known.has(labelKey(p.name)) && !Number.isNaN(p.units)) {
          taken = j - i;
          break;
        }
      }
      const piece = readPiece(sub.slice(i, i + taken).join(","), known);
      if (piece.text !== "") out.push(piece);
      i += taken;
    }
  }
  return out;
}

/** The School IDs an initiative's Schools field lists; null for a district-wide one ("All" or blank). */
export function fundingSchools(text: string): string[] | null {
  const t = text.trim();
  if (t === "" || /^all( schools)?$/i.test(t)) return null;
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of t.split(/[,;|\n\r]+/).map((x) => x.trim())) {
    if (s === "" || seen.has(labelKey(s))) continue;
    seen.add(labelKey(s));
    out.push(s);
  }
  return out.length ? out : null;
}

/** What the Funding Source and Schools cells are read against, and the problems found so far. */
interface FundingCheck {
  /** labelKey(source name) → index of its first source. */
  known: ReadonlyMap<string, number>;
  /** labelKey(School ID) → index of its first school. */
  schoolIndex: ReadonlyMap<string, number>;
  sourceNames: readonly string[];
  /** The source names for a message (at most 12). */
  sourceList: string;
  place: FundingPlace;
  errors: InputError[];
}

/** Each key's first index (labelKey: case and spaces do not matter). */
function firstIndexByKey(names: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  names.forEach((name, k) => {
    if (!index.has(labelKey(name))) index.set(labelKey(name), k);
  });
  return index;
}

/** A problem of an initiative's cell, located at its column (header and letter when known). */
function initiativeError(r: FundingCheck, i: Initiative, header: string | undefined, fallback: string, letter: string | undefined, expected: string, found: string): void {
  const e: InputError = { table: "Initiatives", row: i.sheetRow, column: header ?? fallback, expected, found };
  if (letter) e.cell = `${letter}${i.sheetRow}`;
  if (r.place.sheet) e.sheet = r.place.sheet;
  r.errors.push(e);
}

function fundingError(r: FundingCheck, i: Initiative, expected: string, found: string): void {
  initiativeError(r, i, r.place.fundingHeader, FUNDING_SOURCE_COLUMN, r.place.fundingLetter, expected, found);
}

/**
 * Read the Funding Source (and, for initiatives that have one, the Schools list) of every initiative against the
 * allocation's sources and schools (a District fits as well: only names and School IDs are read). All problems are
 * returned together.
 */
export function parseFunding(
  initiatives: readonly Initiative[],
  allocation: { district: { schools: readonly { id: string }[] }; sources: readonly { name: string }[] },
  place: FundingPlace = {},
): FundingParse {
  const sourceNames = allocation.sources.map((s) => s.name);
  const r: FundingCheck = {
    known: firstIndexByKey(sourceNames),
    schoolIndex: firstIndexByKey(allocation.district.schools.map((s) => s.id)),
    sourceNames,
    sourceList: listNames(sourceNames, 12),
    place,
    errors: [],
  };
  const specs: InitiativeFundingSpec[] = initiatives.map((i) => {
    const text = fundingText(i);
    if (text === "") return { text, shares: null, schools: null };
    const before = r.errors.length;
    const shares = readShares(r, i, text);
    if (r.errors.length === before) checkShares(r, i, text, shares);
    return { text, shares, schools: readSchools(r, i) };
  });
  return r.errors.length ? { ok: false, errors: r.errors } : { ok: true, specs };
}

/**
 * The sources and shares a Funding Source cell names, each piece checked on its own (a known source, a share above
 * 0% and at most 100%, each source once). A source named without a share has units -1 (see checkShares).
 */
function readShares(r: FundingCheck, i: Initiative, text: string): FundingShare[] {
  const shares: FundingShare[] = [];
  const seen = new Map<number, string>();
  for (const p of splitPieces(text, r.known)) {
    const source = r.known.get(labelKey(p.name));
    if (source === undefined) {
      fundingError(r, i, `a Revenue source name (one of ${r.sourceList}), or several with shares like "Title I Part A 60%; Local Levy 40%"`, `"${p.name || p.text}" (no Revenue source has that name)`);
      continue;
    }
    if (p.units !== null && (Number.isNaN(p.units) || p.units <= 0 || p.units > SHARE_UNITS)) {
      fundingError(r, i, "a share above 0% and at most 100% after the source name, e.g. \"Local Levy 40%\"", `"${p.text}"`);
      continue;
    }
    const dup = seen.get(source);
    if (dup !== undefined) {
      fundingError(r, i, "each source named once", `"${r.sourceNames[source]}" twice ("${dup}" and "${p.text}")`);
      continue;
    }
    seen.set(source, p.text);
    shares.push({ source, units: p.units ?? -1 });
  }
  return shares;
}

/**
 * The shares taken together: a single source without a share pays it all (its units set to 100%); several need a
 * share each, adding up to 100%; none readable is reported as such.
 */
function checkShares(r: FundingCheck, i: Initiative, text: string, shares: FundingShare[]): void {
  if (shares.length === 1 && shares[0].units === -1) shares[0].units = SHARE_UNITS;
  const bare = shares.filter((s) => s.units === -1);
  if (bare.length) {
    fundingError(
      r,
      i,
      'a share after each source when several are listed, e.g. "Title I Part A 60%; Local Levy 40%"',
      `${listNames(bare.map((s) => `"${r.sourceNames[s.source]}"`))} without a share`,
    );
  } else if (shares.length) {
    const sum = shares.reduce((t, s) => t + s.units, 0);
    if (sum !== SHARE_UNITS) fundingError(r, i, "shares adding up to 100%", `"${text}", which adds up to ${formatUnits(sum)}`);
  } else {
    fundingError(r, i, `a Revenue source name (one of ${r.sourceList})`, `"${text}"`);
  }
}

/** The schools (indices) of an initiative that lists School IDs; null for a district-wide one or an unknown ID (reported). */
function readSchools(r: FundingCheck, i: Initiative): number[] | null {
  const listed = fundingSchools(i.schools);
  if (!listed) return null;
  const unknown = listed.filter((id) => !r.schoolIndex.has(labelKey(id)));
  if (unknown.length === 0) return listed.map((id) => r.schoolIndex.get(labelKey(id)) as number);
  initiativeError(
    r,
    i,
    r.place.schoolsHeader,
    "Schools",
    r.place.schoolsLetter,
    "School IDs of the Schools table (or All) for an initiative with a Funding Source",
    `${listNames(unknown.map((id) => `"${id}"`), 5)} (not ${unknown.length === 1 ? "a School ID" : "School IDs"})`,
  );
  return null;
}
