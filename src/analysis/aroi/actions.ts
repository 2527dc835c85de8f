/**
 * Suggested actions (DMGroup, Strategic Budgeting (2023), "A-ROI Analyses Enable Nuanced Action", Exhibit 9), from documented,
 * configurable rules. The first rule that applies wins, in this order:
 *
 * 1. segment      — the gain is concentrated in one segment (see segments.ts: a segment holds
 *                   ≥ concentrationImpactShare of gain × students with < concentrationStudentShare of students);
 *                   data on where it works comes first, even when the overall gain is small (the source's
 *                   math intervention example).
 * 2. fix          — principals rate importance ≥ fixMinImportance and effectiveness ≤ fixMaxEffectiveness:
 *                   a critical need that is not showing results (with or without outcome data).
 * 3. sunset       — outcome data shows Learning Gain ≤ lowGain and importance ≤ sunsetMaxImportance;
 *    replace      — the same gain test otherwise (importance higher or not rated): replace with a stronger option.
 * 4. collect data — no A-ROI: no outcome data, or a total cost of $0.
 * 5. expand       — A-ROI in the top expandTopShare (default a third) of the initiatives with an A-ROI
 *                   (at or above the A-ROI of the ⌈n × share⌉-th best) and cost per student at or below the
 *                   median cost per student of the inventory (initiatives with cost and students > 0).
 * 6. keep         — otherwise (the data show a return worth keeping).
 *
 * Every suggestion comes with a reason naming the numbers (data: ActionReason, in words by actionReasonText,
 * src/words/aroi.ts). The user may override it: applyOverrides keeps
 * the suggested action and the chosen one side by side.
 */
import type { AroiMissing } from "./aroi";
import type { Concentration } from "./segments";

export type AroiAction = "expand" | "keep" | "segment" | "fix" | "replace" | "sunset" | "collect data";

export const ACTIONS: readonly AroiAction[] = ["expand", "keep", "segment", "fix", "replace", "sunset", "collect data"];

export const ACTION_LABELS: Record<AroiAction, string> = {
  expand: "Expand",
  keep: "Keep",
  segment: "Segment",
  fix: "Fix",
  replace: "Replace",
  sunset: "Sunset",
  "collect data": "Collect data",
};

export interface AroiRules {
  /** Share (0..1) of the initiatives with an A-ROI that counts as "top" for expand. */
  expandTopShare: number;
  /** Segment rule: minimum share of gain × students in one segment. */
  concentrationImpactShare: number;
  /** Segment rule: that segment's share of students must be below this. */
  concentrationStudentShare: number;
  /** Fix rule: importance at least this... */
  fixMinImportance: number;
  /** ...and effectiveness at most this. */
  fixMaxEffectiveness: number;
  /** Sunset/replace rule: Learning Gain at or below this (in the district's gain unit). */
  lowGain: number;
  /** Sunset (rather than replace) when importance is at most this. */
  sunsetMaxImportance: number;
  /** Top of the principals' rating scale (4 or 5); null = 5 if any rating exceeds 4, else 4. */
  ratingScaleMax: number | null;
}

export const DEFAULT_RULES: Readonly<AroiRules> = Object.freeze({
  expandTopShare: 1 / 3,
  concentrationImpactShare: 0.75,
  concentrationStudentShare: 0.6,
  fixMinImportance: 4,
  fixMaxEffectiveness: 2,
  lowGain: 0.02,
  sunsetMaxImportance: 2,
  ratingScaleMax: null,
});

export interface ActionInput {
  gain: number | null;
  /** A-ROI per dollar, or null. */
  aroi: number | null;
  /** Why A-ROI is null. */
  aroiWhy: AroiMissing | null;
  /** Cost per student in cents, or null. */
  perStudent: number | null;
  importance: number | null;
  effectiveness: number | null;
  concentration: Concentration | null;
}

export interface ActionContext {
  unit: string;
  /** A-ROI per dollar at or above which an initiative is in the top share; null when none has an A-ROI. */
  topThreshold: number | null;
  /** Median cost per student in cents; null when none has one. */
  medianPerStudent: number | null;
}

/** What an expand or keep reason compares: the A-ROI against the top share, the cost per student against the median. */
export interface ReturnComparison {
  /** A-ROI per dollar. */
  aroi: number;
  unit: string;
  /** rules.expandTopShare. */
  topShare: number;
  /** A-ROI per dollar from which an initiative is in the top share; null when none has an A-ROI. */
  topThreshold: number | null;
  /** Cost per student in cents; null with no students served. */
  perStudent: number | null;
  /** Median cost per student in cents; null when none has one. */
  medianPerStudent: number | null;
}

/**
 * Why an action is suggested, with the numbers and thresholds the rule compared (in words by actionReasonText,
 * src/words/aroi.ts). Gains are in `unit`; importance and effectiveness are the principals' ratings.
 */
export type ActionReason =
  | { code: "segment"; concentration: Concentration }
  | { code: "fix"; importance: number; effectiveness: number; minImportance: number; maxEffectiveness: number; gain: number | null; unit: string }
  | { code: "sunset"; gain: number; lowGain: number; unit: string; importance: number; maxImportance: number }
  | { code: "replace"; gain: number; lowGain: number; unit: string; importance: number | null; maxImportance: number }
  | { code: "collectData"; why: AroiMissing | null }
  | ({ code: "expand" } & ReturnComparison)
  | ({ code: "keep"; top: boolean; gain: number; lowGain: number } & ReturnComparison);

export interface Suggestion {
  action: AroiAction;
  reason: ActionReason;
}

/** Median of numbers (mean of the two middle values for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The thresholds the rules compare against, computed over the whole inventory. */
export function actionContext(
  items: readonly { aroi: number | null; perStudent: number | null; totalCost: number }[],
  rules: AroiRules,
  unit: string,
): ActionContext {
  const known = items.filter((x) => x.aroi !== null).map((x) => x.aroi as number).sort((a, b) => b - a);
  const k = Math.min(known.length, Math.max(1, Math.ceil(known.length * rules.expandTopShare)));
  const perStudent = items.filter((x) => x.perStudent !== null && x.totalCost > 0).map((x) => x.perStudent as number);
  return { unit, topThreshold: known.length ? known[k - 1] : null, medianPerStudent: median(perStudent) };
}

/** The suggested action for one initiative, with the reason as data. */
export function suggestAction(x: ActionInput, ctx: ActionContext, rules: AroiRules): Suggestion {
  const unit = ctx.unit;
  if (x.concentration) return { action: "segment", reason: { code: "segment", concentration: x.concentration } };
  if (
    x.importance !== null &&
    x.effectiveness !== null &&
    x.importance >= rules.fixMinImportance &&
    x.effectiveness <= rules.fixMaxEffectiveness
  ) {
    return {
      action: "fix",
      reason: { code: "fix", importance: x.importance, effectiveness: x.effectiveness, minImportance: rules.fixMinImportance, maxEffectiveness: rules.fixMaxEffectiveness, gain: x.gain, unit },
    };
  }
  if (x.gain !== null && x.gain <= rules.lowGain) {
    const low = { gain: x.gain, lowGain: rules.lowGain, unit, maxImportance: rules.sunsetMaxImportance };
    if (x.importance !== null && x.importance <= rules.sunsetMaxImportance) return { action: "sunset", reason: { code: "sunset", ...low, importance: x.importance } };
    return { action: "replace", reason: { code: "replace", ...low, importance: x.importance } };
  }
  if (x.aroi === null) return { action: "collect data", reason: { code: "collectData", why: x.aroiWhy } };
  const top = ctx.topThreshold !== null && x.aroi >= ctx.topThreshold;
  const cheap = x.perStudent !== null && ctx.medianPerStudent !== null && x.perStudent <= ctx.medianPerStudent;
  const compared: ReturnComparison = {
    aroi: x.aroi,
    unit,
    topShare: rules.expandTopShare,
    topThreshold: ctx.topThreshold,
    perStudent: x.perStudent,
    medianPerStudent: ctx.medianPerStudent,
  };
  if (top && cheap) return { action: "expand", reason: { code: "expand", ...compared } };
  return { action: "keep", reason: { code: "keep", ...compared, top, gain: x.gain as number, lowGain: rules.lowGain } };
}

export interface Override {
  action: AroiAction;
  note: string;
}

export interface Actionable {
  name: string;
  suggested: AroiAction;
  override: Override | null;
  /** The final action: the override's when there is one, else the suggested one. */
  action: AroiAction;
}

/**
 * Apply the user's overrides (keyed by initiative name, matched trimmed and case-insensitively). Returns new
 * objects; the suggested action is kept next to the override. Results not named lose any earlier override.
 * An override with an action outside ACTIONS is ignored.
 */
export function applyOverrides<T extends Actionable>(results: readonly T[], overrides: Readonly<Record<string, Override>>): T[] {
  const byKey = new Map<string, Override>();
  for (const [name, o] of Object.entries(overrides)) {
    if (o && ACTIONS.includes(o.action)) byKey.set(name.trim().toLowerCase(), { action: o.action, note: o.note ?? "" });
  }
  return results.map((r) => {
    const o = byKey.get(r.name.trim().toLowerCase()) ?? null;
    return { ...r, override: o, action: o ? o.action : r.suggested };
  });
}
