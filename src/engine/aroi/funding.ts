/**
 * Funding reconciliation of the A-ROI inventory (issue 6): the sources paying for each initiative, compared with
 * what the allocation leaves for them.
 *
 * Input: the optional Initiatives column `Funding Source`: one Revenue source name (= 100%), or several with
 * shares, `Title I Part A 60%; Local Levy 40%` (separators `;` or `,`; a share may also be written `(60%)`,
 * `: 60%` or as a plain number after the name, 0.6 or 60, read like the contract's percent columns). Names match
 * the Revenue table case- and space-insensitively; a name containing a comma is recognised when it is a Revenue
 * source. Shares must be above 0%, at most 100%, and add up to exactly 100% (to a millionth of a percent). An
 * initiative with a Funding Source and a Schools list must list School IDs of the Schools table. Every problem is
 * a located InputError (table Initiatives, sheet row, column, expected, found), collected in one pass.
 *
 * Rules (money in integer cents):
 * - Each initiative's fully loaded total cost is split over its sources by largest remainder in proportion to the
 *   shares, so the parts add up to the total cost exactly.
 * - An initiative run for specific schools (a Schools list) is paid from those schools' allocation of the source
 *   (Σ bySchool over its schools). A district-wide one (Schools `All` or blank) is paid from central money: the
 *   source's central holdback + surplus.
 * - Central check, per source: the district-wide charges must not exceed the central money.
 * - School check, per source: the school-based charges must be payable from the listed schools' allocations when
 *   initiatives share schools. This is a transport problem (initiatives → their schools, each school giving at most
 *   what it receives from the source), solved exactly by a maximum flow. When it is infeasible, the minimum cut names
 *   the group(s) of initiatives whose charges exceed everything their schools receive from the source; each group
 *   (a connected set of initiatives and schools) becomes one flag in plain words.
 * - Initiatives without a Funding Source are listed as such; no source is ever guessed.
 * Conservation: Σ charges of an initiative = its total cost; Σ charges over sources = Σ costs of the funded ones.
 */
import { labelKey, normalizeHeader } from "../parse/headers";
import { cellText } from "../parse/values";
import { columnLetter } from "../../report/names";
import type { Cell, Cents, Initiative, InputError, RawTable, SourceResult } from "../types";
import { formatDollars } from "./cost";
import type { AroiAnalysis } from "./index";
import { splitInProportion } from "./split";

/** The contract-style header of the optional column. */
export const FUNDING_SOURCE_COLUMN = "Funding Source";
/** Normalised header keys accepted for it (Initiative.attributes keys). */
export const FUNDING_SOURCE_KEYS = ["fundingsource", "fundingsources"] as const;

/** 100% in share units (a share unit is a millionth of a percent), so that share sums are exact integers. */
export const SHARE_UNITS = 100_000_000;

/** How many School IDs a flag names before "and N more". */
const LISTED_SCHOOLS = 10;

/** One initiative and its fully loaded cost (cents). */
export interface FundingCostInput {
  initiative: Initiative;
  total: Cents;
}

/** The part of an Allocation the reconciliation reads (an Allocation fits). */
export interface FundingAllocation {
  district: { schools: readonly { id: string }[] };
  sources: readonly Pick<SourceResult, "name" | "amount" | "central" | "surplus" | "toSchools" | "bySchool">[];
}

/** Where the Initiatives columns sit, so that messages name the cell (all optional). */
export interface FundingPlace {
  sheet?: string;
  /** Header as written and column letter of the Funding Source column. */
  fundingHeader?: string;
  fundingLetter?: string;
  /** Header as written and column letter of the Schools column. */
  schoolsHeader?: string;
  schoolsLetter?: string;
}

/** One source named in a Funding Source cell. */
export interface FundingShare {
  /** Index into the allocation's sources. */
  source: number;
  /** Share in SHARE_UNITS (100% = SHARE_UNITS). */
  units: number;
}

/** The parsed funding of one initiative. */
export interface InitiativeFundingSpec {
  /** The cell text, trimmed ("" when blank). */
  text: string;
  /** Null when the Funding Source is blank. */
  shares: FundingShare[] | null;
  /** School indexes (district order of first mention); null for a district-wide initiative (All or blank). */
  schools: number[] | null;
}

export type FundingParse = { ok: true; specs: InitiativeFundingSpec[] } | { ok: false; errors: InputError[] };

/** One source's part of an initiative's cost. */
export interface FundingCharge {
  source: string;
  /** Index into the allocation's sources. */
  sourceIndex: number;
  /** Fraction 0..1. */
  share: number;
  amount: Cents;
  /** Central money for a district-wide initiative, else the listed schools' allocation of the source. */
  paidFrom: "central" | "schools";
}

export interface InitiativeFunding {
  name: string;
  /** Position in the input table (0-based). */
  index: number;
  sheetRow: number;
  totalCost: Cents;
  /** The Funding Source cell as written. */
  text: string;
  scope: "district" | "schools";
  /** School IDs of a school-based initiative (empty when district-wide). */
  schools: string[];
  charges: FundingCharge[];
}

export interface UnfundedInitiative {
  name: string;
  index: number;
  sheetRow: number;
  totalCost: Cents;
}

/** A source whose initiatives cost more than the money they are charged to. */
export interface FundingFlag {
  source: string;
  sourceIndex: number;
  kind: "central" | "schools";
  /** Initiatives in the over-committed group, in table order. */
  initiatives: string[];
  /** School IDs whose allocation is over-committed (empty for a central flag). */
  schools: string[];
  /** What the group's initiatives charge (cents). */
  charged: Cents;
  /** What the money they are charged to holds (cents). */
  available: Cents;
  /** charged − available (> 0). */
  shortfall: Cents;
  /** The flag in plain words. */
  text: string;
}

export interface SourceFunding {
  source: string;
  sourceIndex: number;
  amount: Cents;
  /** Central holdback (School Share / Locked). */
  central: Cents;
  /** Part of the school pool kept centrally. */
  surplus: Cents;
  /** central + surplus: the money district-wide initiatives are paid from. */
  heldCentrally: Cents;
  toSchools: Cents;
  chargedCentral: Cents;
  chargedSchools: Cents;
  /** chargedCentral + chargedSchools. */
  charged: Cents;
  /** heldCentrally − chargedCentral (negative when over-committed). */
  centralLeft: Cents;
  /** toSchools − chargedSchools: what the schools keep from this source for everything else. */
  schoolsLeft: Cents;
  /** amount − charged. */
  remainder: Cents;
  /** Number of initiatives charging this source. */
  initiatives: number;
  flags: FundingFlag[];
}

export interface FundingReconciliation {
  /** Every source of the allocation, in Revenue order. */
  sources: SourceFunding[];
  /** Initiatives with a Funding Source, in table order. */
  initiatives: InitiativeFunding[];
  /** Initiatives without a Funding Source, in table order (never guessed). */
  withoutSource: UnfundedInitiative[];
  /** Every flag, in source order (central first, then school groups). */
  flags: FundingFlag[];
  totals: {
    initiatives: number;
    funded: number;
    fundedCost: Cents;
    unfundedCost: Cents;
    /** Σ charges over all sources (= fundedCost). */
    charged: Cents;
    /** Sources with at least one flag. */
    overCommitted: string[];
  };
}

export type FundingResult = { ok: true; reconciliation: FundingReconciliation } | { ok: false; errors: InputError[] };

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

function formatUnits(units: number): string {
  return `${Number((units / 1_000_000).toFixed(6))}%`;
}

function listNames(names: readonly string[], max = names.length): string {
  const shown = names.slice(0, max);
  const more = names.length - shown.length;
  if (more > 0) return `${shown.join(", ")} and ${more} more`;
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
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
  const known = new Map<string, number>();
  allocation.sources.forEach((s, k) => {
    if (!known.has(labelKey(s.name))) known.set(labelKey(s.name), k);
  });
  const schoolIndex = new Map<string, number>();
  allocation.district.schools.forEach((s, k) => {
    if (!schoolIndex.has(labelKey(s.id))) schoolIndex.set(labelKey(s.id), k);
  });
  const sourceList = listNames(allocation.sources.map((s) => s.name), 12);
  const errors: InputError[] = [];
  const at = (i: Initiative, header: string | undefined, fallback: string, letter: string | undefined, expected: string, found: string) => {
    const e: InputError = { table: "Initiatives", row: i.sheetRow, column: header ?? fallback, expected, found };
    if (letter) e.cell = `${letter}${i.sheetRow}`;
    if (place.sheet) e.sheet = place.sheet;
    errors.push(e);
  };
  const fundingError = (i: Initiative, expected: string, found: string) =>
    at(i, place.fundingHeader, FUNDING_SOURCE_COLUMN, place.fundingLetter, expected, found);

  const specs: InitiativeFundingSpec[] = initiatives.map((i) => {
    const text = fundingText(i);
    if (text === "") return { text, shares: null, schools: null };
    const before = errors.length;
    const pieces = splitPieces(text, known);
    const shares: FundingShare[] = [];
    const seen = new Map<number, string>();
    for (const p of pieces) {
      const source = known.get(labelKey(p.name));
      if (source === undefined) {
        fundingError(i, `a Revenue source name (one of ${sourceList}), or several with shares like "Title I Part A 60%; Local Levy 40%"`, `"${p.name || p.text}" (no Revenue source has that name)`);
        continue;
      }
      if (p.units !== null && (Number.isNaN(p.units) || p.units <= 0 || p.units > SHARE_UNITS)) {
        fundingError(i, "a share above 0% and at most 100% after the source name, e.g. \"Local Levy 40%\"", `"${p.text}"`);
        continue;
      }
      const dup = seen.get(source);
      if (dup !== undefined) {
        fundingError(i, "each source named once", `"${allocation.sources[source].name}" twice ("${dup}" and "${p.text}")`);
        continue;
      }
      seen.set(source, p.text);
      shares.push({ source, units: p.units ?? -1 });
    }
    if (errors.length === before) {
      if (shares.length === 1 && shares[0].units === -1) shares[0].units = SHARE_UNITS;
      const bare = shares.filter((s) => s.units === -1);
      if (bare.length) {
        fundingError(
          i,
          'a share after each source when several are listed, e.g. "Title I Part A 60%; Local Levy 40%"',
          `${listNames(bare.map((s) => `"${allocation.sources[s.source].name}"`))} without a share`,
        );
      } else if (shares.length) {
        const sum = shares.reduce((t, s) => t + s.units, 0);
        if (sum !== SHARE_UNITS) fundingError(i, "shares adding up to 100%", `"${text}", which adds up to ${formatUnits(sum)}`);
      } else {
        fundingError(i, `a Revenue source name (one of ${sourceList})`, `"${text}"`);
      }
    }
    let schools: number[] | null = null;
    const listed = fundingSchools(i.schools);
    if (listed) {
      const unknown = listed.filter((id) => !schoolIndex.has(labelKey(id)));
      if (unknown.length) {
        at(
          i,
          place.schoolsHeader,
          "Schools",
          place.schoolsLetter,
          "School IDs of the Schools table (or All) for an initiative with a Funding Source",
          `${listNames(unknown.map((id) => `"${id}"`), 5)} (not ${unknown.length === 1 ? "a School ID" : "School IDs"})`,
        );
      } else schools = listed.map((id) => schoolIndex.get(labelKey(id)) as number);
    }
    return { text, shares, schools };
  });
  return errors.length ? { ok: false, errors } : { ok: true, specs };
}

/** A max-flow network (Dinic) with integer capacities. */
class FlowNetwork {
  private readonly head: number[][];
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  constructor(readonly n: number) {
    this.head = Array.from({ length: n }, () => []);
  }
  add(u: number, v: number, c: number): void {
    this.head[u].push(this.to.length);
    this.to.push(v);
    this.cap.push(c);
    this.head[v].push(this.to.length);
    this.to.push(u);
    this.cap.push(0);
  }
  private levels(s: number): number[] {
    const level = new Array<number>(this.n).fill(-1);
    level[s] = 0;
    const queue = [s];
    for (let q = 0; q < queue.length; q++) {
      const u = queue[q];
      for (const e of this.head[u]) {
        if (this.cap[e] > 0 && level[this.to[e]] < 0) {
          level[this.to[e]] = level[u] + 1;
          queue.push(this.to[e]);
        }
      }
    }
    return level;
  }
  private push(u: number, t: number, f: number, level: number[], it: number[]): number {
    if (u === t) return f;
    for (; it[u] < this.head[u].length; it[u]++) {
      const e = this.head[u][it[u]];
      const v = this.to[e];
      if (this.cap[e] > 0 && level[v] === level[u] + 1) {
        const d = this.push(v, t, Math.min(f, this.cap[e]), level, it);
        if (d > 0) {
          this.cap[e] -= d;
          this.cap[e ^ 1] += d;
          return d;
        }
      }
    }
    return 0;
  }
  maxFlow(s: number, t: number): number {
    let flow = 0;
    for (;;) {
      const level = this.levels(s);
      if (level[t] < 0) return flow;
      const it = new Array<number>(this.n).fill(0);
      for (let f = this.push(s, t, Number.MAX_SAFE_INTEGER, level, it); f > 0; f = this.push(s, t, Number.MAX_SAFE_INTEGER, level, it)) flow += f;
    }
  }
  /** Nodes reachable from s in the residual network (after maxFlow: the source side of a minimum cut). */
  reachable(s: number): boolean[] {
    return this.levels(s).map((l) => l >= 0);
  }
}

/** A school-based charge of one initiative to one source. */
export interface SchoolCharge {
  /** Label used in flags (the initiative's name). */
  name: string;
  amount: Cents;
  /** School indexes. */
  schools: readonly number[];
}

/** A group of school-based charges that their schools cannot pay from the source. */
export interface SchoolShortfall {
  /** Indexes into the charges. */
  charges: number[];
  /** School indexes, ascending. */
  schools: number[];
  charged: Cents;
  available: Cents;
}

/**
 * The groups of school-based charges that the listed schools' allocations (`bySchool`, cents) cannot pay, found by
 * a maximum flow from the charges to their schools. Empty when every charge can be paid. Each group is connected
 * (its initiatives share schools) and charges more than all of its schools receive together.
 */
export function schoolShortfalls(charges: readonly SchoolCharge[], bySchool: readonly Cents[]): SchoolShortfall[] {
  const used = [...new Set(charges.filter((c) => c.amount > 0).flatMap((c) => c.schools))].sort((a, b) => a - b);
  const node = new Map<number, number>();
  const m = charges.length;
  used.forEach((k, j) => node.set(k, 1 + m + j));
  const S = 0;
  const T = 1 + m + used.length;
  const g = new FlowNetwork(T + 1);
  const total = charges.reduce((t, c) => t + Math.max(0, c.amount), 0);
  charges.forEach((c, i) => {
    if (c.amount <= 0) return;
    g.add(S, 1 + i, c.amount);
    for (const k of c.schools) g.add(1 + i, node.get(k) as number, total + 1);
  });
  used.forEach((k, j) => g.add(1 + m + j, T, Math.max(0, bySchool[k] ?? 0)));
  const flow = g.maxFlow(S, T);
  if (flow >= total) return [];
  const side = g.reachable(S);
  // Connected groups of the cut's initiatives through their (reachable) schools.
  const parent = Array.from({ length: T + 1 }, (_, k) => k);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  const inCut = (i: number) => charges[i].amount > 0 && side[1 + i];
  charges.forEach((c, i) => {
    if (!inCut(i)) return;
    for (const k of c.schools) parent[find(1 + i)] = find(node.get(k) as number);
  });
  const groups = new Map<number, SchoolShortfall>();
  charges.forEach((c, i) => {
    if (!inCut(i)) return;
    const root = find(1 + i);
    const g0 = groups.get(root) ?? { charges: [], schools: [], charged: 0, available: 0 };
    g0.charges.push(i);
    g0.charged += c.amount;
    groups.set(root, g0);
  });
  used.forEach((k, j) => {
    if (!side[1 + m + j]) return;
    const g0 = groups.get(find(1 + m + j));
    if (!g0) return;
    g0.schools.push(k);
    g0.available += Math.max(0, bySchool[k] ?? 0);
  });
  return [...groups.values()].filter((x) => x.charged > x.available);
}

function inputsOf(input: AroiAnalysis | readonly FundingCostInput[]): FundingCostInput[] {
  if (Array.isArray(input)) return [...(input as readonly FundingCostInput[])];
  const a = input as AroiAnalysis;
  return [...a.results].sort((x, y) => x.index - y.index).map((x) => ({ initiative: x.initiative, total: x.cost.total }));
}

function verb(names: readonly string[]): string {
  return names.length === 1 ? "charges" : "charge";
}

/**
 * Reconcile the initiatives' funding sources with the allocation. `input` is the A-ROI analysis (its costs, in
 * table order) or the initiatives with their total costs. Errors (bad Funding Source, unknown School IDs) come back
 * as located InputErrors, nothing else is computed then.
 */
export function reconcileFunding(
  input: AroiAnalysis | readonly FundingCostInput[],
  allocation: FundingAllocation,
  place: FundingPlace = {},
): FundingResult {
  const items = inputsOf(input);
  const parsed = parseFunding(
    items.map((x) => x.initiative),
    allocation,
    place,
  );
  if (!parsed.ok) return parsed;
  const ids = allocation.district.schools.map((s) => s.id);
  const initiatives: InitiativeFunding[] = [];
  const withoutSource: UnfundedInitiative[] = [];
  const central: { name: string; amount: Cents }[][] = allocation.sources.map(() => []);
  const bySchools: SchoolCharge[][] = allocation.sources.map(() => []);
  items.forEach((x, index) => {
    const spec = parsed.specs[index];
    const i = x.initiative;
    if (spec.shares === null) {
      withoutSource.push({ name: i.name, index, sheetRow: i.sheetRow, totalCost: x.total });
      return;
    }
    const parts = splitInProportion(x.total, spec.shares.map((s) => s.units));
    const paidFrom = spec.schools === null ? "central" : "schools";
    const charges: FundingCharge[] = spec.shares.map((s, k) => ({
      source: allocation.sources[s.source].name,
      sourceIndex: s.source,
      share: s.units / SHARE_UNITS,
      amount: parts[k],
      paidFrom,
    }));
    for (const c of charges) {
      if (spec.schools === null) central[c.sourceIndex].push({ name: i.name, amount: c.amount });
      else bySchools[c.sourceIndex].push({ name: i.name, amount: c.amount, schools: spec.schools });
    }
    initiatives.push({
      name: i.name,
      index,
      sheetRow: i.sheetRow,
      totalCost: x.total,
      text: spec.text,
      scope: spec.schools === null ? "district" : "schools",
      schools: spec.schools === null ? [] : spec.schools.map((k) => ids[k]),
      charges,
    });
  });

  const flags: FundingFlag[] = [];
  const sources: SourceFunding[] = allocation.sources.map((s, k) => {
    const heldCentrally = s.central + s.surplus;
    const chargedCentral = central[k].reduce((t, c) => t + c.amount, 0);
    const chargedSchools = bySchools[k].reduce((t, c) => t + c.amount, 0);
    const own: FundingFlag[] = [];
    if (chargedCentral > heldCentrally) {
      const names = central[k].filter((c) => c.amount > 0).map((c) => c.name);
      own.push({
        source: s.name,
        sourceIndex: k,
        kind: "central",
        initiatives: names,
        schools: [],
        charged: chargedCentral,
        available: heldCentrally,
        shortfall: chargedCentral - heldCentrally,
        text:
          `${s.name}: the district-wide initiative${names.length === 1 ? "" : "s"} ${listNames(names)} ${verb(names)} ${formatDollars(chargedCentral)} ` +
          `to central money but only ${formatDollars(heldCentrally)} of it is held centrally (${formatDollars(chargedCentral - heldCentrally)} short).`,
      });
    }
    for (const g of schoolShortfalls(bySchools[k], s.bySchool)) {
      const names = g.charges.map((c) => bySchools[k][c].name);
      const schoolIds = g.schools.map((j) => ids[j]);
      own.push({
        source: s.name,
        sourceIndex: k,
        kind: "schools",
        initiatives: names,
        schools: schoolIds,
        charged: g.charged,
        available: g.available,
        shortfall: g.charged - g.available,
        text:
          `${s.name}: ${listNames(names)} ${verb(names)} ${formatDollars(g.charged)} to the school${schoolIds.length === 1 ? "" : "s"} ` +
          `${listNames(schoolIds, LISTED_SCHOOLS)} but ${schoolIds.length === 1 ? "that school receives" : "those schools receive"} ` +
          `${formatDollars(g.available)} from it (${formatDollars(g.charged - g.available)} short).`,
      });
    }
    flags.push(...own);
    return {
      source: s.name,
      sourceIndex: k,
      amount: s.amount,
      central: s.central,
      surplus: s.surplus,
      heldCentrally,
      toSchools: s.toSchools,
      chargedCentral,
      chargedSchools,
      charged: chargedCentral + chargedSchools,
      centralLeft: heldCentrally - chargedCentral,
      schoolsLeft: s.toSchools - chargedSchools,
      remainder: s.amount - chargedCentral - chargedSchools,
      initiatives: central[k].length + bySchools[k].length,
      flags: own,
    };
  });
  const fundedCost = initiatives.reduce((t, x) => t + x.totalCost, 0);
  return {
    ok: true,
    reconciliation: {
      sources,
      initiatives,
      withoutSource,
      flags,
      totals: {
        initiatives: items.length,
        funded: initiatives.length,
        fundedCost,
        unfundedCost: withoutSource.reduce((t, x) => t + x.totalCost, 0),
        charged: sources.reduce((t, s) => t + s.charged, 0),
        overCommitted: sources.filter((s) => s.flags.length > 0).map((s) => s.source),
      },
    },
  };
}

/** One line for the command line: what is charged and which sources are over-committed. */
export function fundingSummaryLine(r: FundingReconciliation): string {
  const t = r.totals;
  const head =
    `Funding: ${t.funded} of ${t.initiatives} initiative${t.initiatives === 1 ? "" : "s"} ${t.funded === 1 ? "names" : "name"} a source ` +
    `(${formatDollars(t.charged)} charged)`;
  const none = r.withoutSource.length ? `; ${r.withoutSource.length} without a funding source` : "";
  if (!t.overCommitted.length) return `${head}${none}; no source is over-committed.`;
  return `${head}${none}; ${t.overCommitted.length} source${t.overCommitted.length === 1 ? "" : "s"} over-committed: ${t.overCommitted.join(", ")}.`;
}
