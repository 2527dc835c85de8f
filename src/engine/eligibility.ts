/**
 * Which schools and levels may receive money from a source (the Revenue table's `Eligible` column):
 * parsing the cell and evaluating it against a district (src/words/eligibility.ts describes it in plain words).
 *
 * Accepted forms: `All` (or blank); a list of levels; a list of School IDs; or rules joined by "and", each
 * `<left> <op> <right>` with op one of >= <= > < = <> != (also ≥ ≤ ≠). The left side is a need category,
 * optionally followed by `%` or `share` (the need's share of the school's students, in percent points), or a
 * Schools column (an attribute compared as a number when both sides are numbers, as Yes/No when both are
 * Yes/No, else as case-insensitive text).
 */
import { labelKey, normalizeHeader } from "./parse/headers";
import { cellText, readNumeric, readPercent, readYesNo } from "./parse/values";
import type { Cell, District, Eligibility, EligibilityRule, Source } from "./types";
import type { EligibilityProblem, Expectation } from "./problems";

/** What an Eligible cell may name. */
export interface EligibilityContext {
  /** Level labels (display spelling). */
  levels: readonly string[];
  schoolIds: readonly string[];
  /** Need category names. */
  needs: readonly string[];
  /** Schools extra columns: normalised key -> header as written. */
  attributes: Record<string, string>;
}

export type EligibilityParse = { ok: true; value: Eligibility } | { ok: false; problem: EligibilityProblem };

/** What an Eligible cell may hold, as data: the accepted forms with this district's levels, needs and columns. */
export function eligibleExpectation(ctx: EligibilityContext): Extract<Expectation, { code: "eligible" }> {
  return { code: "eligible", levels: ctx.levels, needs: ctx.needs, columns: Object.values(ctx.attributes) };
}

export const ALL_ELIGIBLE = (text = "All"): Eligibility => ({ text, levels: null, schoolIds: null, rules: [] });

const OPS: Record<string, EligibilityRule["op"]> = {
  ">=": ">=",
  "≥": ">=",
  "<=": "<=",
  "≤": "<=",
  ">": ">",
  "<": "<",
  "=": "=",
  "==": "=",
  "<>": "<>",
  "!=": "<>",
  "≠": "<>",
};
const RULE = /^(.*?)\s*(>=|<=|<>|!=|==|≥|≤|≠|>|<|=)\s*(.*)$/;
const SHARE_SUFFIX = /\s*(?:%|\(\s*%\s*\)|\bshare|\bpercent|\bpct)\s*$/i;

function unquote(s: string): { text: string; quoted: boolean } {
  const m = /^(["'\u201c\u2018])(.*)(["'\u201d\u2019])$/.exec(s);
  return m ? { text: m[2].trim(), quoted: true } : { text: s, quoted: false };
}

/** Round away binary noise (0.4 * 100 = 40.00000000000001). */
function clean(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

function parseRule(text: string, ctx: EligibilityContext): EligibilityRule | EligibilityProblem {
  const m = RULE.exec(text.trim());
  if (!m || m[1].trim() === "") return { code: "notRule", text: text.trim() };
  const label = m[1].trim();
  const op = OPS[m[2]];
  const right = unquote(m[3].trim());
  if (right.text === "") return { code: "nothingAfter", op: m[2], text: text.trim() };
  const needKey = normalizeHeader(label.replace(SHARE_SUFFIX, ""));
  const need = ctx.needs.find((n) => normalizeHeader(n) === needKey);
  if (need !== undefined) {
    const p = readPercent(right.text);
    if (p === null) return { code: "notPercent", value: right.text };
    return { kind: "share", key: need, label, op, value: clean(p * 100) };
  }
  const attrKey = normalizeHeader(label);
  if (attrKey !== "" && ctx.attributes[attrKey] !== undefined) {
    const n = right.quoted ? null : readNumeric(right.text);
    if (n !== null) return { kind: "attribute", key: attrKey, label, op, value: n.value };
    if (op !== "=" && op !== "<>")
      return { code: "textCompared", value: right.text, text: text.trim() };
    return { kind: "attribute", key: attrKey, label, op, value: right.text };
  }
  return { code: "unknownLabel", label };
}

const QUOTED = /"[^"]*"|'[^']*'|\u201c[^\u201d]*\u201d|\u2018[^\u2019]*\u2019/g;

/** Split rules on " and " outside quotes (a quoted value may contain "and"). */
function splitAnd(text: string): string[] {
  const quoted: string[] = [];
  const masked = text.replace(QUOTED, (q) => `\u0000${quoted.push(q) - 1}\u0000`);
  return masked.split(/\s+and\s+/i).map((part) => part.replace(/\u0000(\d+)\u0000/g, (_, i: string) => quoted[Number(i)]));
}

/** Parse an Eligible cell. Blank or "All" means everything. */
export function parseEligibility(cell: Cell, ctx: EligibilityContext): EligibilityParse {
  const text = cellText(cell);
  if (text === "" || labelKey(text) === "all") return { ok: true, value: ALL_ELIGIBLE(text === "" ? "All" : text) };
  const tokens = text
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (tokens.length === 0) return { ok: false, problem: { code: "namesNothing", text } };
  const levelByKey = new Map(ctx.levels.map((l) => [labelKey(l), l]));
  const idByKey = new Map(ctx.schoolIds.map((id) => [labelKey(id), id]));
  if (tokens.every((s) => levelByKey.has(labelKey(s)))) {
    const levels = [...new Set(tokens.map((s) => levelByKey.get(labelKey(s)) as string))];
    return { ok: true, value: { text, levels, schoolIds: null, rules: [] } };
  }
  if (tokens.every((s) => idByKey.has(labelKey(s)))) {
    const schoolIds = [...new Set(tokens.map((s) => idByKey.get(labelKey(s)) as string))];
    return { ok: true, value: { text, levels: null, schoolIds, rules: [] } };
  }
  if (tokens.length > 1) {
    const unknown = tokens.filter((s) => !levelByKey.has(labelKey(s)) && !idByKey.has(labelKey(s)));
    return { ok: false, problem: unknown.length === 0 ? { code: "mixed", text } : { code: "unknownNames", names: unknown } };
  }
  const rules: EligibilityRule[] = [];
  for (const part of splitAnd(text)) {
    const r = parseRule(part, ctx);
    if ("code" in r) return { ok: false, problem: r };
    rules.push(r);
  }
  return { ok: true, value: { text, levels: null, schoolIds: null, rules } };
}

/** Per school, per need: the need's share of the school's students over all its rows, in percent points (0 with no students). */
export function schoolNeedShares(district: District): number[][] {
  const n = district.needs.length;
  const students = new Array<number>(district.schools.length).fill(0);
  const sums = district.schools.map(() => new Array<number>(n).fill(0));
  for (const r of district.enrollment) {
    if (r.schoolIndex < 0 || r.schoolIndex >= sums.length) continue;
    students[r.schoolIndex] += r.students;
    for (let j = 0; j < n; j++) sums[r.schoolIndex][j] += r.needs[j] ?? 0;
  }
  return sums.map((row, s) => row.map((v) => (students[s] > 0 ? (v * 100) / students[s] : 0)));
}

function compare(a: number | string, op: EligibilityRule["op"], b: number | string): boolean {
  let c: number;
  if (typeof a === "number" && typeof b === "number") {
    const tol = 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
    c = Math.abs(a - b) <= tol ? 0 : a < b ? -1 : 1;
  } else {
    const x = String(a);
    const y = String(b);
    c = x === y ? 0 : x < y ? -1 : 1;
  }
  switch (op) {
    case ">=":
      return c >= 0;
    case "<=":
      return c <= 0;
    case ">":
      return c > 0;
    case "<":
      return c < 0;
    case "=":
      return c === 0;
    case "<>":
      return c !== 0;
  }
}

function numberOf(v: Cell | number | string): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string") return readNumeric(v)?.value ?? null;
  return null;
}

/** Compare a school's attribute cell with a rule's value: numbers, then Yes/No, then case-insensitive text. */
export function attributeMatches(cell: Cell, op: EligibilityRule["op"], value: number | string): boolean {
  const a = numberOf(cell);
  const b = numberOf(value);
  if (a !== null && b !== null) return compare(a, op, b);
  const ya = readYesNo(cell);
  const yb = readYesNo(value);
  if (ya !== null && yb !== null) return compare(Number(ya), op, Number(yb));
  // A number against a blank or a text: only "<>" holds.
  if (b !== null) return op === "<>";
  return compare(cellText(cell).toLowerCase(), op, String(value).trim().toLowerCase());
}

/**
 * 1 for each enrollment row (aligned with district.enrollment) that may receive money from the source:
 * the level list applies per row; the School ID list and the rules apply per school.
 */
export function eligibleRows(district: District, source: Source): Uint8Array {
  return eligibilityOf(district)(source);
}

/**
 * The one memo of the engine, kept on purpose: eligibility depends only on the (immutable) rule, schools and
 * enrollment, and working it out for every source is the costliest part of an allocation (rules over every
 * school). Re-allocating after a weight, share or status change must stay instant, so results are remembered
 * per (rule, schools, enrollment) object triple in WeakMaps: nothing observable is kept, nothing outlives its
 * inputs, and a caller that builds new objects simply gets fresh results.
 */
const ELIGIBILITY_MEMO = new WeakMap<Eligibility, WeakMap<object, WeakMap<object, Uint8Array>>>();

function remembered(district: District, source: Source, compute: (source: Source) => Uint8Array): Uint8Array {
  let bySchools = ELIGIBILITY_MEMO.get(source.eligible);
  if (!bySchools) ELIGIBILITY_MEMO.set(source.eligible, (bySchools = new WeakMap()));
  let byEnrollment = bySchools.get(district.schools);
  if (!byEnrollment) bySchools.set(district.schools, (byEnrollment = new WeakMap()));
  const hit = byEnrollment.get(district.enrollment);
  if (hit && hit.length === district.enrollment.length) return hit;
  const rows = compute(source);
  byEnrollment.set(district.enrollment, rows);
  return rows;
}

/**
 * eligibleRows for many sources of one district: what every source needs (the schools' need shares, the rows'
 * level keys) is worked out once, by and for the caller. No state is kept between calls.
 */
export function eligibilityOf(district: District): (source: Source) => Uint8Array {
  let compute: ((source: Source) => Uint8Array) | null = null;
  return (source) => remembered(district, source, (s) => (compute ??= eligibilityComputer(district))(s));
}

function eligibilityComputer(district: District): (source: Source) => Uint8Array {
  let shares: number[][] | null = null;
  const needIndex = new Map(district.needs.map((n, i) => [normalizeHeader(n), i]));
  const levelKeys = district.levels.map(labelKey);
  const rowLevelKey = district.enrollment.map((row) => (row.levelIndex >= 0 && row.levelIndex < levelKeys.length ? levelKeys[row.levelIndex] : labelKey(row.level)));
  return (source) => {
    const e = source.eligible;
    if (e.rules.some((r) => r.kind === "share") && shares === null) shares = schoolNeedShares(district);
    const ids = e.schoolIds === null ? null : new Set(e.schoolIds.map(labelKey));
    const tests = e.rules.map((r): ((school: District["schools"][number], s: number) => boolean) => {
      if (r.kind === "share") {
        const j = needIndex.get(normalizeHeader(r.key));
        const v = Number(r.value);
        return (_school, s) => j !== undefined && shares !== null && compare(shares[s][j], r.op, v);
      }
      // Many schools share a value ("Yes", a group): each distinct value is compared once.
      const seen = new Map<Cell, boolean>();
      return (school) => {
        const cell = school.attributes[r.key] ?? null;
        let ok = seen.get(cell);
        if (ok === undefined) seen.set(cell, (ok = attributeMatches(cell, r.op, r.value)));
        return ok;
      };
    });
    const schoolOk = ids === null && tests.length === 0 ? null : district.schools.map((school, s) => (ids === null || ids.has(labelKey(school.id))) && tests.every((t) => t(school, s)));
    const levels = e.levels === null ? null : new Set(e.levels.map(labelKey));
    const out = new Uint8Array(district.enrollment.length);
    for (let i = 0; i < out.length; i++) {
      const row = district.enrollment[i];
      const okLevel = levels === null || levels.has(rowLevelKey[i]);
      out[i] = okLevel && (schoolOk === null || schoolOk[row.schoolIndex] === true) ? 1 : 0;
    }
    return out;
  };
}
