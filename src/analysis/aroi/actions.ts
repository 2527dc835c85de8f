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
 * Every suggestion comes with a reason naming the numbers. The user may override it: applyOverrides keeps
 * the suggested action and the chosen one side by side.
 */
import { formatNumber } from "./aroi";
import { formatDollars } from "./cost";
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
  aroiWhy: string | null;
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

export interface Suggestion {
  action: AroiAction;
  reason: string;
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

/** "2.5 effect size × students per $1,000" */
function aroiText(aroi: number, unit: string): string {
  return `A-ROI ${formatNumber(aroi * 1000)} ${unit} × students per $1,000`;
}

/** The suggested action for one initiative, with its reason in words. */
export function suggestAction(x: ActionInput, ctx: ActionContext, rules: AroiRules): Suggestion {
  const unit = ctx.unit;
  if (x.concentration) {
    return {
      action: "segment",
      reason: `Gain is concentrated: ${x.concentration.text}. Focus the initiative on that segment and find a better approach for the others.`,
    };
  }
  if (
    x.importance !== null &&
    x.effectiveness !== null &&
    x.importance >= rules.fixMinImportance &&
    x.effectiveness <= rules.fixMaxEffectiveness
  ) {
    const outcome = x.gain === null ? "no outcome data yet" : `learning gain ${formatNumber(x.gain)} ${unit}`;
    return {
      action: "fix",
      reason: `Principals rate importance ${formatNumber(x.importance)} (≥ ${rules.fixMinImportance}) but effectiveness ${formatNumber(x.effectiveness)} (≤ ${rules.fixMaxEffectiveness}); ${outcome}. A critical need that is not delivering: fix how it is implemented.`,
    };
  }
  if (x.gain !== null && x.gain <= rules.lowGain) {
    const gainText = `Learning gain ${formatNumber(x.gain)} ${unit} is at or below ${formatNumber(rules.lowGain)}`;
    if (x.importance !== null && x.importance <= rules.sunsetMaxImportance) {
      return {
        action: "sunset",
        reason: `${gainText} and principals rate importance ${formatNumber(x.importance)} (≤ ${rules.sunsetMaxImportance}): not delivering results.`,
      };
    }
    const imp = x.importance === null ? "importance is not rated" : `principals rate importance ${formatNumber(x.importance)} (> ${rules.sunsetMaxImportance})`;
    return { action: "replace", reason: `${gainText} but ${imp}: replace it with a stronger option for the same need.` };
  }
  if (x.aroi === null) {
    return { action: "collect data", reason: `No A-ROI: ${x.aroiWhy ?? "missing data"}. Collect the missing data before deciding.` };
  }
  const top = ctx.topThreshold !== null && x.aroi >= ctx.topThreshold;
  const cheap = x.perStudent !== null && ctx.medianPerStudent !== null && x.perStudent <= ctx.medianPerStudent;
  const perStudentText = x.perStudent === null ? "cost per student is unknown (no students served)" : `cost per student ${formatDollars(x.perStudent)}`;
  const medianText = ctx.medianPerStudent === null ? "" : ` the median ${formatDollars(ctx.medianPerStudent)}`;
  const topText = ctx.topThreshold === null ? "" : `${formatNumber(ctx.topThreshold * 1000)}`;
  if (top && cheap) {
    return {
      action: "expand",
      reason: `${aroiText(x.aroi, unit)} is in the top ${formatShareWord(rules.expandTopShare)} (at or above ${topText} per $1,000) and ${perStudentText} is at or below${medianText}: a low-cost initiative with strong impact to scale up.`,
    };
  }
  const why = !top
    ? `is below the top ${formatShareWord(rules.expandTopShare)} (${topText} per $1,000 or more)`
    : `is in the top ${formatShareWord(rules.expandTopShare)} but ${perStudentText}${x.perStudent === null ? "" : ` is above${medianText}`}`;
  return {
    action: "keep",
    reason: `${aroiText(x.aroi, unit)} ${why}, with learning gain ${formatNumber(x.gain as number)} ${unit} above ${formatNumber(rules.lowGain)}: keep.`,
  };
}

function formatShareWord(share: number): string {
  if (Math.abs(share - 1 / 3) < 1e-9) return "third";
  if (Math.abs(share - 1 / 4) < 1e-9) return "quarter";
  if (Math.abs(share - 1 / 2) < 1e-9) return "half";
  return `${Number((share * 100).toFixed(1))}%`;
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
