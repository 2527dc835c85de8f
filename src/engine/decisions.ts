/**
 * Decisions: the choices a budget director can change in the pane without touching the workbook's input
 * tables: the rate of every level × category cell (a weight or a $ per pupil), each revenue source's status,
 * school share, funded category and eligibility, and the policy settings.
 *
 * A decision is applied as an immutable update of the District, re-validated, followed by allocate() again.
 * Decisions serialise to versioned JSON so that scenarios can be saved in the workbook and loaded later.
 */
import { eligibleExpectation, parseEligibility, type EligibilityContext } from "./eligibility";
import { ALLOCATION_SETTINGS, settingProblem, type PolicySetting } from "./policySettings";
import type { Expectation, Finding, RateProblem, ScenarioFileProblem, ScenarioRateProblem } from "./problems";
import type { District, InputError, Policy, Rate, Source, Status } from "./types";

export const DECISIONS_FORMAT = "sfs-decisions";
export const DECISIONS_VERSION = 1;

export interface SourceDecision {
  /** The source's name (the key that matches a Revenue row). */
  name: string;
  status: Status;
  /** Fraction 0..1 of Amount distributed to schools. */
  schoolShare: number;
  /** "All" or one need category. */
  funds: string;
  /** Eligibility text as the Revenue table's Eligible column would hold it. */
  eligible: string;
}

/** The policy settings the pane may change (the registry's settings shown in the pane). */
export type PolicyDecisions = {
  -readonly [K in "baseAmount" | "foundationPerSchool" | "holdHarmless" | "gainCap" | "phaseIn" | "normAdjustment" | "rounding" | "adaLevels"]: Policy[K];
};

/** The registry entries of the PolicyDecisions fields, in registry order. */
export const DECISION_SETTINGS: readonly PolicySetting[] = ALLOCATION_SETTINGS.filter((s) => s.surfaces.pane);

export interface Decisions {
  version: typeof DECISIONS_VERSION;
  /** Level labels, aligned with rates' rows. */
  levels: string[];
  /** "Base" then the need categories, aligned with rates' columns. */
  categories: string[];
  rates: (Rate | null)[][];
  sources: SourceDecision[];
  policy: PolicyDecisions;
}

export type ApplyResult = { ok: true; district: District } | { ok: false; errors: InputError[] };
export type ParseDecisionsResult = { ok: true; decisions: Decisions } | { ok: false; error: ScenarioFileProblem };

const STATUSES: Status[] = ["Unlocked", "Locked", "Grant"];

/** What an edited Eligible text may name in this district. */
function eligibilityContext(d: District): EligibilityContext {
  const attributes: Record<string, string> = {};
  for (const s of d.schools) Object.assign(attributes, s.attributeHeaders);
  return { levels: d.levels, schoolIds: d.schools.map((s) => s.id), needs: d.needs, attributes };
}

function categoriesOf(d: District): string[] {
  return ["Base", ...d.needs];
}

function cloneRate(r: Rate | null): Rate | null {
  return r ? { ...r } : null;
}

/** The decisions currently embodied in a district. */
export function extractDecisions(d: District): Decisions {
  return {
    version: DECISIONS_VERSION,
    levels: [...d.levels],
    categories: categoriesOf(d),
    rates: d.levels.map((_, li) => categoriesOf(d).map((_, ci) => cloneRate(d.rates[li]?.[ci] ?? null))),
    sources: d.sources.map((s) => ({
      name: s.name,
      status: s.status,
      schoolShare: s.schoolShare,
      funds: s.funds,
      eligible: s.eligible.text,
    })),
    // A district read before a setting existed has none: the same as blank.
    policy: Object.fromEntries(DECISION_SETTINGS.map((s) => [s.key, d.policy[s.key] === undefined ? s.default : d.policy[s.key]])) as unknown as PolicyDecisions,
  };
}

function isFiniteNumber(x: unknown): x is number {
  return typeof x === "number" && Number.isFinite(x);
}

/** Why a rate is not acceptable (a code, worded by src/words/parseErrors.ts), or null when it is fine. */
export function rateProblem(rate: Rate | null): RateProblem | null {
  if (rate === null) return null;
  if (rate.kind === "weight") {
    if (!isFiniteNumber(rate.weight) || rate.weight < 0) return "weight";
    return null;
  }
  if (rate.kind === "perPupil") {
    if (!isFiniteNumber(rate.cents) || rate.cents < 0) return "perPupil";
    return null;
  }
  return "kind";
}

/** A decided value as found: its text, or null for none. */
function decided(x: unknown): Finding {
  return { code: "decided", text: x === null ? null : String(x) };
}

/** A decided value as found, as JavaScript writes it (null as "null"): a scenario may hold any JSON. */
function given(x: unknown): Finding {
  return { code: "given", text: String(x) };
}

function rateFound(rate: Rate | null): Finding {
  if (rate === null) return decided(null);
  return decided(rate.kind === "weight" ? rate.weight : rate.cents / 100);
}

/** A problem of a decision, as data: where (a table, its row when known, a column), what was expected and found. */
function decisionProblem(table: string, row: number | null, column: string, expect: Expectation, saw: Finding): InputError {
  return { code: "input", table, row, column, expect, saw };
}

/**
 * Apply decisions to a district: levels, categories and sources are matched by name (case-insensitively);
 * anything the district has that the decisions do not mention is kept as is. Everything changed is
 * validated and every problem is returned, located like an input error.
 */
export function applyDecisions(d: District, x: Decisions): ApplyResult {
  const errors: InputError[] = [];
  const rates = decidedRates(d, x, errors);
  const sources = decidedSources(d, x, errors);
  const policy = decidedPolicy(d, x, errors);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, district: { ...d, rates, sources, policy } };
}

/** The rates with the decisions' cells applied (levels and categories matched by name); problems go to `errors`. */
function decidedRates(d: District, x: Decisions, errors: InputError[]): (Rate | null)[][] {
  const cats = categoriesOf(d);
  const levelIndex = new Map(d.levels.map((l, i) => [l.toLowerCase(), i]));
  const catIndex = new Map(cats.map((c, i) => [c.toLowerCase(), i]));
  const rates = d.levels.map((_, li) => cats.map((_, ci) => cloneRate(d.rates[li]?.[ci] ?? null)));
  x.levels.forEach((label, xl) => {
    const li = levelIndex.get(label.toLowerCase());
    if (li === undefined) {
      errors.push(decisionProblem("Weights", null, "Level", { code: "districtLevel", levels: d.levels }, { code: "given", text: label }));
      return;
    }
    x.categories.forEach((cat, xc) => {
      const ci = catIndex.get(cat.toLowerCase());
      if (ci === undefined) {
        if (xl === 0) errors.push(decisionProblem("Weights", null, "Category", { code: "districtCategory", needs: d.needs }, { code: "given", text: cat }));
        return;
      }
      const rate = x.rates[xl]?.[xc] ?? null;
      const problem = rateProblem(rate);
      if (problem) {
        const column = rate?.kind === "perPupil" ? "Per Pupil" : "Weight";
        errors.push(decisionProblem("Weights", null, column, { code: "decidedRate", problem, level: d.levels[li], category: cats[ci] }, rateFound(rate)));
        return;
      }
      rates[li][ci] = cloneRate(rate);
    });
  });
  return rates;
}

/** The sources with the decisions' status, share, funds and eligibility (matched by name); problems go to `errors`. */
function decidedSources(d: District, x: Decisions, errors: InputError[]): Source[] {
  const byName = new Map(x.sources.map((s) => [s.name.toLowerCase(), s]));
  for (const s of x.sources) {
    if (!d.sources.some((t) => t.name.toLowerCase() === s.name.toLowerCase())) {
      errors.push(decisionProblem("Revenue", null, "Source", { code: "districtSource" }, { code: "given", text: s.name }));
    }
  }
  return d.sources.map((src) => {
    const dec = byName.get(src.name.toLowerCase());
    if (!dec) return src;
    const at = (column: string, expect: Expectation, saw: Finding): void => {
      errors.push(decisionProblem("Revenue", src.sheetRow, column, expect, saw));
    };
    let ok = true;
    if (!STATUSES.includes(dec.status)) {
      at("Status", { code: "decidedStatus" }, given(dec.status));
      ok = false;
    }
    if (!isFiniteNumber(dec.schoolShare) || dec.schoolShare < 0 || dec.schoolShare > 1) {
      at("School Share", { code: "decidedShare" }, isFiniteNumber(dec.schoolShare) ? { code: "share", fraction: dec.schoolShare } : given(dec.schoolShare));
      ok = false;
    } else if (dec.status === "Locked" && dec.schoolShare > 0) {
      at("School Share", { code: "decidedLockedShare" }, { code: "share", fraction: dec.schoolShare });
      ok = false;
    }
    let funds = src.funds;
    if (typeof dec.funds !== "string") {
      at("Funds", { code: "decidedFunds", needs: d.needs }, given(dec.funds));
      ok = false;
    } else if (dec.funds.trim().toLowerCase() === "all") funds = "All";
    else {
      const need = d.needs.find((n) => n.toLowerCase() === dec.funds.trim().toLowerCase());
      if (!need) {
        at("Funds", { code: "decidedFunds", needs: d.needs }, given(dec.funds));
        ok = false;
      } else funds = need;
    }
    let eligible = src.eligible;
    if (typeof dec.eligible !== "string") {
      at("Eligible", { code: "eligibilityText" }, given(dec.eligible));
      ok = false;
    } else if (dec.eligible.trim() !== src.eligible.text.trim()) {
      const ctx = eligibilityContext(d);
      const parsed = parseEligibility(dec.eligible, ctx);
      if (parsed.ok) eligible = parsed.value;
      else {
        errors.push({ code: "input", table: "Revenue", row: src.sheetRow, column: "Eligible", expect: { ...eligibleExpectation(ctx), problem: parsed.problem }, saw: { code: "given", text: dec.eligible } });
        ok = false;
      }
    }
    if (!ok) return src;
    return { ...src, status: dec.status, schoolShare: dec.schoolShare, funds, eligible };
  });
}

/** The policy with the decisions' settings, each checked as the Policy table's reader checks it; problems go to `errors`. */
function decidedPolicy(d: District, x: Decisions, errors: InputError[]): Policy {
  const p = x.policy;
  const policyError = (column: string, expect: Expectation, found: unknown): void => {
    errors.push(decisionProblem("Policy", null, column, expect, decided(found)));
  };
  const policy: Policy = { ...d.policy, raw: { ...d.policy.raw } };
  if (!p || typeof p !== "object") {
    policyError("Setting", { code: "policySettings" }, p);
  } else {
    const set = policy as unknown as Record<string, unknown>;
    for (const spec of DECISION_SETTINGS) {
      const v = (p as unknown as Record<string, unknown>)[spec.key];
      // A district read before the setting existed has none (the same as blank): left so.
      if ((v === undefined || v === spec.default) && set[spec.key] === undefined) continue;
      if (settingProblem(spec, v) !== null) policyError(spec.name, { code: "setting", setting: spec.name }, v);
      else set[spec.key] = spec.kind === "money" && typeof v === "number" ? Math.round(v) : v;
    }
  }
  return policy;
}

/** Versioned JSON text of decisions. */
export function serializeDecisions(x: Decisions): string {
  return JSON.stringify({ format: DECISIONS_FORMAT, ...x, version: DECISIONS_VERSION });
}

function checkRate(r: unknown): ScenarioRateProblem | null {
  if (r === null) return null;
  if (typeof r !== "object") return "notRate";
  const o = r as Record<string, unknown>;
  if (o.kind === "weight") return isFiniteNumber(o.weight) ? null : "weight";
  if (o.kind === "perPupil") return isFiniteNumber(o.cents) ? null : "perPupil";
  return "kind";
}

/** Read decisions back from JSON text; anything malformed is rejected with the problem as data (src/words/decisions.ts words it). */
export function parseDecisions(text: string): ParseDecisionsResult {
  const no = (error: ScenarioFileProblem): ParseDecisionsResult => ({ ok: false, error });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return no({ code: "notJson" });
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return no({ code: "notObject" });
  const o = raw as Record<string, unknown>;
  if (o.format !== DECISIONS_FORMAT) return no({ code: "format", format: DECISIONS_FORMAT });
  if (o.version !== DECISIONS_VERSION) return no({ code: "version", version: String(o.version), supported: DECISIONS_VERSION });
  const isStrings = (a: unknown): a is string[] => Array.isArray(a) && a.every((s) => typeof s === "string");
  if (!isStrings(o.levels)) return no({ code: "levels" });
  if (!isStrings(o.categories)) return no({ code: "categories" });
  if (!Array.isArray(o.rates) || o.rates.length !== o.levels.length) return no({ code: "rateRows" });
  for (let li = 0; li < o.rates.length; li++) {
    const row: unknown = o.rates[li];
    if (!Array.isArray(row) || row.length !== o.categories.length) return no({ code: "rateCells", row: li + 1 });
    for (let ci = 0; ci < row.length; ci++) {
      const problem = checkRate(row[ci]);
      if (problem) return no({ code: "rate", level: o.levels[li], category: o.categories[ci], problem });
    }
  }
  if (!Array.isArray(o.sources)) return no({ code: "sources" });
  for (const [i, s] of o.sources.entries()) {
    const so = s as Record<string, unknown> | null;
    if (!so || typeof so !== "object") return no({ code: "sourceObject", source: i + 1 });
    if (typeof so.name !== "string") return no({ code: "sourceName", source: i + 1 });
    if (!STATUSES.includes(so.status as Status)) return no({ code: "sourceStatus", name: so.name });
    if (!isFiniteNumber(so.schoolShare)) return no({ code: "sourceShare", name: so.name });
    if (typeof so.funds !== "string") return no({ code: "sourceFunds", name: so.name });
    if (typeof so.eligible !== "string") return no({ code: "sourceEligible", name: so.name });
  }
  const p = o.policy as Record<string, unknown> | null;
  if (!p || typeof p !== "object") return no({ code: "policy" });
  for (const spec of DECISION_SETTINGS) {
    // A setting added after a scenario was saved is absent from it: it keeps its default.
    const v = p[spec.key] === undefined && spec.kind === "levels" ? (p[spec.key] = spec.default) : p[spec.key];
    const form =
      spec.kind === "choice" ? (spec.choices ?? []).some((c) => c.value === v) : spec.kind === "levels" ? v === null || typeof v === "string" : (v === null && spec.default === null) || isFiniteNumber(v);
    if (!form) return no({ code: "policySetting", setting: spec.key });
  }
  const decisions: Decisions = {
    version: DECISIONS_VERSION,
    levels: o.levels,
    categories: o.categories,
    rates: (o.rates as unknown[][]).map((row) => row.map((r) => cloneRate(r as Rate | null))),
    sources: (o.sources as SourceDecision[]).map((s) => ({ name: s.name, status: s.status, schoolShare: s.schoolShare, funds: s.funds, eligible: s.eligible })),
    policy: Object.fromEntries(DECISION_SETTINGS.map((s) => [s.key, p[s.key]])) as unknown as PolicyDecisions,
  };
  return { ok: true, decisions };
}

/**
 * A decision the district cannot take: its first problem as data (`problem`); the message names only where it is.
 * Its sentence is built by thrownWords in src/words/errors.ts.
 */
export class DecisionError extends RangeError {
  constructor(readonly problem: InputError) {
    super(`${problem.table}, ${problem.column ?? "value"}`);
    this.name = "DecisionError";
  }
}

/** What a decision's index names: a level (a Weights row), a category (Base or a need) or a revenue source. */
export type DecisionTarget = "level" | "category" | "source";

/**
 * An index that names no level, category or source of the district (the caller's mistake, not the user's): the
 * target and the index as data; its sentence is built by decisionIndexText in src/words/decisions.ts.
 */
export class DecisionIndexError extends RangeError {
  constructor(
    readonly target: DecisionTarget,
    readonly index: number,
  ) {
    super(`${target} ${index}`);
    this.name = "DecisionIndexError";
  }
}

function applyOrThrow(d: District, x: Decisions): District {
  const r = applyDecisions(d, x);
  if (!r.ok) throw new DecisionError(r.errors[0]);
  return r.district;
}

/**
 * A new district with one rate changed (cat 0 = Base, k = needs[k-1]). Throws a DecisionIndexError for an index
 * out of range, a DecisionError for an invalid rate (both RangeErrors); the pane checks values with rateProblem() first.
 */
export function setRate(d: District, levelIndex: number, cat: number, rate: Rate | null): District {
  if (!Number.isInteger(levelIndex) || levelIndex < 0 || levelIndex >= d.levels.length) throw new DecisionIndexError("level", levelIndex);
  if (!Number.isInteger(cat) || cat < 0 || cat > d.needs.length) throw new DecisionIndexError("category", cat);
  const x = extractDecisions(d);
  x.rates[levelIndex][cat] = rate;
  return applyOrThrow(d, x);
}

/**
 * A new district with one source's decisions changed. Choosing Locked sets the school share to 0% unless a
 * share is given; leaving Locked for Unlocked/Grant with a 0% share restores the default 100%.
 * Throws a DecisionIndexError for an index out of range, a DecisionError when the result is invalid.
 */
export function setSource(d: District, i: number, patch: Partial<Omit<SourceDecision, "name">>): District {
  if (!Number.isInteger(i) || i < 0 || i >= d.sources.length) throw new DecisionIndexError("source", i);
  const x = extractDecisions(d);
  const cur = x.sources[i];
  const next: SourceDecision = { ...cur, ...patch, name: cur.name };
  if (patch.status !== undefined && patch.schoolShare === undefined) {
    if (patch.status === "Locked") next.schoolShare = 0;
    else if (cur.status === "Locked" && cur.schoolShare === 0) next.schoolShare = 1;
  }
  x.sources[i] = next;
  return applyOrThrow(d, x);
}

/** A new district with policy settings changed. Throws a RangeError when the result is invalid. */
export function setPolicy(d: District, patch: Partial<PolicyDecisions>): District {
  const x = extractDecisions(d);
  x.policy = { ...x.policy, ...patch };
  return applyOrThrow(d, x);
}
