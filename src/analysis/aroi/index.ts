/**
 * A-ROI analysis of the Initiatives Inventory (DMGroup, Strategic Budgeting (2023)): cost, A-ROI and ranking, data coverage, breakdowns,
 * segments, suggested actions (with user overrides), principal feedback and the sunset → expand what-if.
 * Pure and synchronous; money in integer cents. See each rule's file for its definition.
 */
import type { Cents, Initiative, InitiativeSegment, Policy } from "../../engine/types";
import { ACTIONS, actionContext, applyOverrides, DEFAULT_RULES, suggestAction } from "./actions";
import type { ActionContext, ActionReason, Actionable, AroiAction, AroiRules, Override } from "./actions";
import { computeAroi, rankByAroi, type AroiMissing } from "./aroi";
import { breakdowns } from "./breakdown";
import type { Breakdown } from "./breakdown";
import { dollarsFromCents, initiativeCost } from "./cost";
import type { InitiativeCost } from "./cost";
import { coverage } from "./coverage";
import type { Coverage, MissingData } from "./coverage";
import { principalFeedback } from "./feedback";
import type { Feedback } from "./feedback";
import { analyseSegments, nameKey } from "./segments";
import type { SegmentAnalysis } from "./segments";
import { reallocateSunset } from "./whatif";
import type { WhatIf } from "./whatif";

export * from "./actions";
export * from "./aroi";
export * from "./breakdown";
export * from "./cost";
export * from "./coverage";
export * from "./feedback";
export * from "./funding";
export * from "./segments";
export * from "./split";
export * from "./whatif";

/** The unit printed when Policy gives none. */
export const DEFAULT_GAIN_UNIT = "gain units";

export interface InitiativeResult extends Actionable {
  name: string;
  /** Position in the input table (0-based). */
  index: number;
  sheetRow: number;
  initiative: Initiative;
  cost: InitiativeCost;
  students: number;
  gain: number | null;
  /** Gain-units × students per dollar, or null. */
  aroi: number | null;
  per1000: number | null;
  /** Why A-ROI is null. */
  aroiWhy: AroiMissing | null;
  /** 1-based rank among initiatives with an A-ROI; null without one. */
  rank: number | null;
  /** Missing data (cost, outcome, segment data). */
  missing: MissingData[];
  segments: SegmentAnalysis | null;
  suggested: AroiAction;
  /** Why the action is suggested (in words by actionReasonText, src/words/aroi.ts). */
  reason: ActionReason;
  override: Override | null;
  action: AroiAction;
}

export interface AroiAnalysis {
  /** Policy.gainUnit (or DEFAULT_GAIN_UNIT). A-ROI is in "<unit> × students per dollar". */
  unit: string;
  rules: AroiRules;
  /** Ranked: A-ROI descending (ties by name), then initiatives without an A-ROI by name. */
  results: InitiativeResult[];
  totals: { initiatives: number; cost: Cents; students: number; withAroi: number };
  context: ActionContext;
  coverage: Coverage;
  /** Strategic Priority, Department, Target Population, School. */
  breakdowns: Breakdown[];
  /** Segment analyses in the ranked order of their initiatives. */
  segments: SegmentAnalysis[];
  feedback: Feedback;
  whatIf: WhatIf;
  /** Final actions (after overrides) counted. */
  actionCounts: Record<AroiAction, number>;
  warnings: AroiWarning[];
}

/**
 * A note of the analysis, as data (in words by aroiWarningText, src/words/aroi.ts): an Initiative Segments row naming
 * no initiative (ignored), an override naming no initiative, or an override whose action is none (both ignored).
 */
export type AroiWarning =
  | { code: "segmentUnknown"; row: number; initiative: string }
  | { code: "overrideUnknown"; name: string }
  | { code: "overrideAction"; name: string; action: string };

/**
 * Analyse the inventory. `rules` override DEFAULT_RULES field by field; `overrides` are the user's chosen actions
 * by initiative name; `schoolIds` (the district's School IDs, in order) expands "All" in the Schools field.
 */
export function analyseInitiatives(
  initiatives: readonly Initiative[],
  segments: readonly InitiativeSegment[] | null,
  policy: Pick<Policy, "gainUnit">,
  rules?: Partial<AroiRules>,
  overrides?: Readonly<Record<string, Override>>,
  schoolIds?: readonly string[],
): AroiAnalysis {
  const r: AroiRules = { ...DEFAULT_RULES, ...(rules ?? {}) };
  const unit = policy.gainUnit && policy.gainUnit.trim() !== "" ? policy.gainUnit.trim() : DEFAULT_GAIN_UNIT;
  const segs = segments ?? [];
  const warnings: AroiWarning[] = [];

  const known = new Set(initiatives.map((i) => nameKey(i.name)));
  const segsByKey = segmentsByInitiative(segs, known, warnings);
  const cov = coverage(initiatives, segs);
  const base = costInitiatives(initiatives, segsByKey, r);
  const ctx = actionContext(
    base.map((b) => ({ aroi: b.v.aroi, perStudent: b.cost.perStudent, totalCost: b.cost.total })),
    r,
    unit,
  );

  const unranked: InitiativeResult[] = base.map((b) => suggestedResult(b, ctx, r, cov));
  let rank = 0;
  const ranked = rankByAroi(unranked).map((x) => (x.aroi !== null ? { ...x, rank: ++rank } : x));

  const overridesGiven = overrides ?? {};
  warnings.push(...overrideWarnings(overridesGiven, known));
  const results = applyOverrides(ranked, overridesGiven);

  const analysis: AroiAnalysis = {
    unit,
    rules: r,
    results,
    totals: {
      initiatives: results.length,
      cost: results.reduce((s, x) => s + x.cost.total, 0),
      students: results.reduce((s, x) => s + x.students, 0),
      withAroi: rank,
    },
    context: ctx,
    coverage: cov,
    breakdowns: breakdowns(
      base.map((b) => ({ initiative: b.i, total: b.cost.total, aroi: b.v.aroi })),
      schoolIds,
    ),
    segments: results.filter((x) => x.segments !== null).map((x) => x.segments as SegmentAnalysis),
    feedback: principalFeedback(initiatives, r.ratingScaleMax),
    whatIf: sunsetWhatIf(results),
    actionCounts: countActions(results),
    warnings,
  };
  return analysis;
}

/** Segment rows by initiative (name key); a row naming no initiative of the table is ignored with a warning. */
function segmentsByInitiative(segs: readonly InitiativeSegment[], known: ReadonlySet<string>, warnings: AroiWarning[]): Map<string, InitiativeSegment[]> {
  const segsByKey = new Map<string, InitiativeSegment[]>();
  for (const s of segs) {
    const k = nameKey(s.initiative);
    if (!known.has(k)) {
      warnings.push({ code: "segmentUnknown", row: s.sheetRow, initiative: s.initiative });
      continue;
    }
    const list = segsByKey.get(k) ?? [];
    list.push(s);
    segsByKey.set(k, list);
  }
  return segsByKey;
}

/** An initiative with its cost, A-ROI and segment analysis, before an action is suggested. */
interface CostedInitiative {
  i: Initiative;
  index: number;
  cost: InitiativeCost;
  v: ReturnType<typeof computeAroi>;
  seg: SegmentAnalysis | null;
}

function costInitiatives(initiatives: readonly Initiative[], segsByKey: ReadonlyMap<string, InitiativeSegment[]>, r: AroiRules): CostedInitiative[] {
  return initiatives.map((i, index) => {
    const cost = initiativeCost(i);
    const v = computeAroi(i.learningGain, i.studentsServed, cost.total);
    const sRows = segsByKey.get(nameKey(i.name));
    return {
      i,
      index,
      cost,
      v,
      seg: sRows ? analyseSegments(i.name, cost.total, sRows, r) : null,
    };
  });
}

/** One initiative's result with its suggested action (not ranked yet, no override). */
function suggestedResult(b: CostedInitiative, ctx: ActionContext, r: AroiRules, cov: Coverage): InitiativeResult {
  const s = suggestAction(
    {
      gain: b.i.learningGain,
      aroi: b.v.aroi,
      aroiWhy: b.v.why,
      perStudent: b.cost.perStudent,
      importance: b.i.importance,
      effectiveness: b.i.effectiveness,
      concentration: b.seg ? b.seg.concentrated : null,
    },
    ctx,
    r,
  );
  return {
    name: b.i.name,
    index: b.index,
    sheetRow: b.i.sheetRow,
    initiative: b.i,
    cost: b.cost,
    students: b.i.studentsServed,
    gain: b.i.learningGain,
    aroi: b.v.aroi,
    per1000: b.v.per1000,
    aroiWhy: b.v.why,
    rank: null,
    missing: cov.items[b.index].missing,
    segments: b.seg,
    suggested: s.action,
    reason: s.reason,
    override: null,
    action: s.action,
  };
}

/** The warnings for overrides that name no initiative or no action (those overrides are ignored). */
function overrideWarnings(overrides: Readonly<Record<string, Override>>, known: ReadonlySet<string>): AroiWarning[] {
  const warnings: AroiWarning[] = [];
  for (const [name, o] of Object.entries(overrides)) {
    if (!known.has(nameKey(name))) warnings.push({ code: "overrideUnknown", name });
    else if (!o || !ACTIONS.includes(o.action)) warnings.push({ code: "overrideAction", name, action: String(o && o.action) });
  }
  return warnings;
}

function countActions(results: readonly InitiativeResult[]): Record<AroiAction, number> {
  const out: Record<AroiAction, number> = { expand: 0, keep: 0, segment: 0, fix: 0, replace: 0, sunset: 0, "collect data": 0 };
  for (const x of results) out[x.action]++;
  return out;
}

/** The sunset → expand what-if over the final actions. */
function sunsetWhatIf(results: readonly InitiativeResult[]): WhatIf {
  return reallocateSunset(results.map((x) => ({ name: x.name, action: x.action, total: x.cost.total, students: x.students })));
}

/** The same analysis with a new set of user overrides (final actions, counts and the what-if recomputed). */
export function withOverrides(analysis: AroiAnalysis, overrides: Readonly<Record<string, Override>>): AroiAnalysis {
  const results = applyOverrides(analysis.results, overrides);
  return {
    ...analysis,
    results,
    actionCounts: countActions(results),
    whatIf: sunsetWhatIf(results),
  };
}

/** One entry of summary.json's `initiatives` array (contract). Money in dollars; aroi in gain-units × students per dollar. */
export interface AroiJsonEntry {
  name: string;
  totalCost: number;
  students: number;
  gain: number | null;
  aroi: number | null;
  action: string;
}

/** The contract's `initiatives` array, in ranked order; `action` is the final action. */
export function aroiJson(analysis: AroiAnalysis): AroiJsonEntry[] {
  return analysis.results.map((x) => ({
    name: x.name,
    totalCost: dollarsFromCents(x.cost.total),
    students: x.students,
    gain: x.gain,
    aroi: x.aroi,
    action: x.action,
  }));
}
