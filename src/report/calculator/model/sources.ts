/**
 * Each source's part of a school calculator: who may receive it (fixed parts of eligibility decided here, need-share
 * rules live), its formula lines (count × the engine's whole-cent rate, rounded to the rounding unit — the same
 * lines as the allocation's), its foundation and shortfall lines, and its money before phase-in, floors and caps.
 */
import { fundedCategory } from "../../../engine/allocate/layout";
import { lineAmountFormula } from "../../../engine/allocate/rounding";
import { attributeMatches } from "../../../engine/eligibility";
import { labelKey, normalizeHeader } from "../../../engine/parse/headers";
import type { Allocation, EligibilityRule, Line } from "../../../engine/types";
import { describeEligibility, describeRule } from "../../../words/eligibility";
import { dollarsOf, type ModelBuilder } from "./builder";
import * as X from "../../../engine/formula/expr";
import type { CalcLine, CalcSource } from "./types";

export interface SchoolScope {
  a: Allocation;
  i: number;
  levels: number[];
  categories: string[];
  ud: 0 | 2;
  engineLines: Line[];
  /** Per level funded on attendance: the ids of its ADA students and of the difference ADA − enrolled. */
  ada: ReadonlyMap<number, { adaId: string; differenceId: string }>;
}

/** Why the school can never receive source s (level, School ID list, attribute, Locked), or null. */
function fixedReason(sc: SchoolScope, s: number): string | null {
  const { a, i } = sc;
  const sr = a.sources[s];
  const e = a.district.sources[s].eligible;
  if (sr.status === "Locked") return "held centrally (Locked)";
  if (sr.schoolPool === 0) return "no school pool";
  if (e.schoolIds !== null && !e.schoolIds.some((id) => labelKey(id) === labelKey(a.schools[i].id))) return `only for ${e.schoolIds.join(", ")}`;
  for (const r of e.rules) {
    if (r.kind !== "attribute") continue;
    const cell = a.district.schools[i].attributes[r.key];
    if (!attributeMatches(cell === undefined ? null : cell, r.op, r.value)) return `only where ${describeRule(r)}`;
  }
  return null;
}

/** The whole-cent rate the engine uses for source s at (level, category): the school's own line's rate when it has one. */
function rateCents(sc: SchoolScope, s: number, l: number, c: number): number {
  const { a } = sc;
  const name = a.sources[s].name;
  const level = a.district.levels[l];
  const category = a.matrix.categories[c];
  const own = sc.engineLines.find((x) => x.kind === "formula" && x.source === name && x.level === level && x.category === category);
  return own?.rate ?? a.matrix.bySource[s]?.[l]?.[c] ?? 0;
}

function levelOk(sc: SchoolScope, s: number, l: number): boolean {
  const e = sc.a.district.sources[s].eligible;
  return e.levels === null || e.levels.some((x) => labelKey(x) === labelKey(sc.a.district.levels[l]));
}

/** The (level, category) cells of the school where source s pays a rate. */
function rateCells(sc: SchoolScope, s: number): { l: number; c: number; rate: number }[] {
  const cat = fundedCategory(sc.a.district, sc.a.district.sources[s]);
  const out: { l: number; c: number; rate: number }[] = [];
  for (const l of sc.levels.filter((x) => levelOk(sc, s, x))) {
    for (let c = 0; c < sc.categories.length; c++) {
      const rate = cat === -1 || cat === c ? rateCents(sc, s, l, c) : 0;
      if (rate > 0) out.push({ l, c, rate });
    }
  }
  return out;
}

function hasRates(sc: SchoolScope, s: number): boolean {
  return rateCells(sc, s).length > 0;
}

function formulaLines(b: ModelBuilder, sc: SchoolScope, s: number, elig: string | null): CalcLine[] {
  const d = sc.a.district;
  const src = d.sources[s];
  const lines: CalcLine[] = [];
  for (const { l, c, rate } of rateCells(sc, s)) {
    const what = c === 0 ? "Base" : sc.categories[c];
    const rateId = b.k({ id: `rate:${s}:${l}:${c}`, kind: "rate", nameParts: ["Rate", d.levels[l], what, src.name], label: `${src.name}: ${d.levels[l]} ${what}`, value: dollarsOf(rate), fmt: "rate", sourceIndex: s, levelIndex: l, category: c });
    const amount = lineAmountFormula(X.ref(`in:${l}:${c}`), X.ref(rateId), sc.ud);
    const id = b.q(`line:${s}:${l}:${c}`, `${src.name}: ${d.levels[l]} ${c === 0 ? "students" : sc.categories[c]} × $ per pupil`, elig ? X.mul(amount, X.ref(elig)) : amount);
    const ada = c === 0 ? sc.ada.get(l) : undefined;
    if (!ada) {
      lines.push({ id, levelIndex: l, category: c, inputId: `in:${l}:${c}`, rateId });
      continue;
    }
    // Funded on attendance: the difference ADA − enrolled at the same rate, its own line (as the allocation's).
    const diff = lineAmountFormula(X.ref(ada.differenceId), X.ref(rateId), sc.ud);
    const attId = b.q(`attendance:${s}:${l}`, `${src.name}: ${d.levels[l]} attendance difference × $ per pupil`, elig ? X.mul(diff, X.ref(elig)) : diff);
    lines.push({ id, levelIndex: l, category: c, inputId: `in:${l}:${c}`, rateId, attendance: { id: attId, differenceId: ada.differenceId, adaId: ada.adaId } });
  }
  return lines;
}

/** The live share of students in a need category (percent, 6 decimals), made once per need. */
function shareId(b: ModelBuilder, sc: SchoolScope, shares: Record<string, string>, need: string): string | null {
  const d = sc.a.district;
  const j = d.needs.findIndex((n) => normalizeHeader(n) === normalizeHeader(need));
  if (j < 0) return null;
  if (shares[need]) return shares[need];
  const count = X.sum(...sc.levels.map((l) => X.ref(`in:${l}:${j + 1}`)));
  const pct = X.iff(X.cmp(">", X.ref("students"), X.num(0)), X.round(X.div(X.mul(count, X.num(100)), X.ref("students")), 6), X.num(0));
  shares[need] = b.q(`share:${j + 1}`, `${d.needs[j]} share of students (%)`, pct, "share");
  return shares[need];
}

function eligibleId(b: ModelBuilder, sc: SchoolScope, s: number, rules: EligibilityRule[], shares: Record<string, string>): string | null {
  if (rules.length === 0) return null;
  const conds = rules.map((r) => {
    const id = shareId(b, sc, shares, r.key);
    return id === null ? X.num(0) : X.cmp(r.op, X.ref(id), X.num(Number(r.value)));
  });
  return b.q(`elig:${s}`, `${sc.a.sources[s].name}: eligible (1 = yes)`, X.iff(conds.length === 1 ? conds[0] : X.and(...conds), X.num(1), X.num(0)), "flag");
}

/** One source's lines and money before adjustments, or the reason the school cannot receive it. */
export function sourcePart(b: ModelBuilder, sc: SchoolScope, s: number, shares: Record<string, string>): CalcSource | { unavailable: string } {
  const { a, i } = sc;
  const sr = a.sources[s];
  const src = a.district.sources[s];
  const reason = fixedReason(sc, s);
  const engine = sr.bySchool[i];
  const foundation = a.schools[i].foundation > 0 ? sr.foundationPerSchool : 0;
  const shortfall = shortfallOf(sr, i);
  const inScope = reason === null && hasRates(sc, s);
  const elig = inScope ? eligibleId(b, sc, s, src.eligible.rules.filter((r) => r.kind === "share"), shares) : null;
  const lines = inScope ? formulaLines(b, sc, s, elig) : [];
  if (lines.length === 0 && foundation === 0 && shortfall === 0 && engine === 0 && sr.turnedOnBySchool[i] === 0) {
    return { unavailable: reason ?? (sc.levels.some((l) => levelOk(sc, s, l)) ? "no $ per pupil for this school's students" : `only for ${describeEligibility(src.eligible).replace(/^Only /, "")}`) };
  }
  const lineIds = lines.flatMap((x) => (x.attendance ? [x.id, x.attendance.id] : [x.id]));
  const formulaId = lines.length ? b.q(`formula:${s}`, `${src.name}: formula`, X.round(X.sum(...lineIds.map(X.ref)), 2)) : null;
  const foundationId = foundation > 0 ? b.k({ id: `foundation:${s}`, kind: "foundation", nameParts: ["Foundation", src.name], label: `Foundation per school from ${src.name}`, value: dollarsOf(foundation), fmt: "currency", sourceIndex: s, note: "Every school with students receives the foundation, paid by the general sources in proportion to their school pools." }) : null;
  const shortfallId = shortfall !== 0 ? b.k({ id: `shortfall:${s}`, kind: "shortfall", nameParts: ["Shortfall", src.name], label: `${src.name}: what its pool cannot pay of the fixed $ per pupil`, value: dollarsOf(shortfall), fmt: "currency", sourceIndex: s, note: "The district's fixed $ per pupil costs more than this source can pay; this school's part of the gap, as in the district's allocation." }) : null;
  const parts = [foundationId, formulaId].filter((x): x is string => x !== null).map(X.ref);
  let amount: X.Expr = parts.length === 0 ? X.num(0) : parts.length === 1 ? parts[0] : X.add(parts[0], parts[1]);
  if (shortfallId) amount = X.sub(amount, X.ref(shortfallId));
  const amountId = b.q(`amount:${s}`, `${src.name}: before phase-in, floors and caps`, X.round(amount, 2));
  return {
    index: s,
    name: src.name,
    general: sr.general,
    restricted: sr.restricted,
    grant: isGrant(a, s),
    funds: src.funds,
    category: fundedCategory(a.district, src),
    eligibility: elig ? "rule" : "yes",
    eligibleText: describeEligibility(src.eligible),
    eligibleId: elig,
    lines,
    foundationId,
    shortfallId,
    formulaId,
    amountId,
    moveId: null,
    budgetId: `budget:${s}`,
    engine,
    engineTurnedOn: sr.turnedOnBySchool[i],
  };
}

/** Status Grant: paid on top of the other sources (supplement, not supplant). */
export function isGrant(a: Allocation, s: number): boolean {
  return a.sources[s].grant;
}

function shortfallOf(sr: Allocation["sources"][number], i: number): number {
  return sr.shortfallBySchool?.[i] ?? 0;
}
