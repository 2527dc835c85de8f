/**
 * The savings screener (the Smarter School Spending project (Pivot Learning, 2017), steps 3-5: constraints, size and prioritise, work plan).
 * - Impact: the midpoint of the Low-High range, (Low + High) ÷ 2 rounded to the cent.
 * - Priority score: impact × Ease ÷ 5 ("ease-weighted dollars"): a $1M opportunity of ease 5 scores $1M, of ease 1
 *   $200K. Opportunities are ranked by score (ties: larger impact, then name); Rejected ones are listed unranked.
 * - Impact × ease quadrant: high impact = midpoint ≥ the median midpoint of the live (not Rejected) opportunities;
 *   easy = Ease 4 or 5. Quick win (high, easy), Major project (high, hard), Easy small win (low, easy),
 *   Reconsider (low, hard): codes here, in words by savingsQuadrantText (src/words/plan.ts).
 * - Timing: a Preference can save from plan year 1. A Rigid constraint with a Contract End Date saves from the
 *   fiscal year after the one the contract ends in (never before year 1). A Rigid constraint without an end date
 *   (e.g. state law) cannot be captured within the plan. The timing is data (SavingsTiming), in words by
 *   savingsTimingText (src/words/plan.ts).
 * - Totals by area, and by plan year: an opportunity saves every year from its first year on (yearly savings),
 *   so the by-year totals are cumulative. Committed = Approved, Funded or Implemented, counted at the Low estimate.
 */
import type { Cents } from "../../engine/types";
import { COMMITTED } from "../parse/opportunities";
import { firstYearAfterContract, yearLabel } from "./fiscal";
import type { CalendarDate, Opportunity } from "./types";

/** Impact × ease: quick win (high, easy), major project (high, hard), easy small win (low, easy), reconsider (low, hard). */
export type Quadrant = "quickWin" | "majorProject" | "easySmallWin" | "reconsider";
export const QUADRANTS: readonly Quadrant[] = ["quickWin", "majorProject", "easySmallWin", "reconsider"];

/**
 * When an opportunity can save: it is rejected; a district preference (from year 1); a rigid constraint with no end
 * date (not within the plan); a contract end with no Policy "Budget Year" to place it; or from the plan year after
 * the contract ends (its label, e.g. 2027-28).
 */
export type SavingsTiming =
  | { code: "rejected" }
  | { code: "preference" }
  | { code: "noEndDate" }
  | { code: "noBudgetYear"; contractEnd: CalendarDate }
  | { code: "afterContract"; label: string; contractEnd: CalendarDate };

/** Ease from which an opportunity counts as easy. */
export const EASY_FROM = 4;

export interface ScreenedOpportunity {
  opportunity: Opportunity;
  mid: Cents;
  /** mid × ease ÷ 5, in cents (unrounded). */
  score: number;
  /** 1-based rank by score; null for Rejected. */
  rank: number | null;
  quadrant: Quadrant | null;
  /** First plan year with savings; null when it cannot save within the plan (Rigid without end date, Rejected). */
  startYear: number | null;
  /** When it saves (in words by savingsTimingText, e.g. "from 2027-28 (contract ends 2027-06-30)"). */
  timing: SavingsTiming;
  committed: boolean;
}

export interface AreaSavings {
  area: string;
  count: number;
  low: Cents;
  high: Cents;
  mid: Cents;
  committedLow: Cents;
}

export interface YearSavings {
  year: number;
  label: string;
  count: number;
  low: Cents;
  high: Cents;
  committedLow: Cents;
}

export interface SavingsScreen {
  /** Ranked live opportunities first, then Rejected ones in table order. */
  rows: ScreenedOpportunity[];
  byArea: AreaSavings[];
  byYear: YearSavings[];
  totals: { count: number; rejected: number; low: Cents; high: Cents; mid: Cents; committedLow: Cents; blocked: number };
  /** The midpoint from which an opportunity counts as high impact (cents). */
  impactThreshold: Cents;
}

export interface ScreenOptions {
  years: number;
  budgetYear: number | null;
  fiscalYearStart: number;
}

/** The midpoint of the range, rounded half up to the cent. */
export function midpoint(o: Pick<Opportunity, "low" | "high">): Cents {
  return Math.floor((o.low + o.high + 1) / 2);
}

/** Median of a list (mean of the two middle values for an even count); 0 for an empty list. */
export function medianOf(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** First plan year with savings and the timing. */
export function savingsStart(o: Opportunity, opts: Omit<ScreenOptions, "years">): { startYear: number | null; timing: SavingsTiming } {
  if (o.status === "Rejected") return { startYear: null, timing: { code: "rejected" } };
  if (o.constraint === "Preference") return { startYear: 1, timing: { code: "preference" } };
  if (o.contractEnd === null) return { startYear: null, timing: { code: "noEndDate" } };
  if (opts.budgetYear === null) return { startYear: null, timing: { code: "noBudgetYear", contractEnd: o.contractEnd } };
  const y = Math.max(1, firstYearAfterContract(o.contractEnd, opts.budgetYear, opts.fiscalYearStart));
  return { startYear: y, timing: { code: "afterContract", label: yearLabel(y, opts.budgetYear, opts.fiscalYearStart), contractEnd: o.contractEnd } };
}

function quadrantOf(mid: Cents, ease: number, threshold: Cents): Quadrant {
  const high = mid >= threshold;
  const easy = ease >= EASY_FROM;
  return high ? (easy ? "quickWin" : "majorProject") : easy ? "easySmallWin" : "reconsider";
}

export function screenOpportunities(opps: readonly Opportunity[], opts: ScreenOptions): SavingsScreen {
  const live = opps.filter((o) => o.status !== "Rejected");
  const threshold = Math.round(medianOf(live.map(midpoint)));
  const rows: ScreenedOpportunity[] = opps.map((o) => {
    const mid = midpoint(o);
    const rejected = o.status === "Rejected";
    return {
      opportunity: o,
      mid,
      score: (mid * o.ease) / 5,
      rank: null,
      quadrant: rejected ? null : quadrantOf(mid, o.ease, threshold),
      ...savingsStart(o, opts),
      committed: COMMITTED.has(o.status),
    };
  });
  const ranked = rows
    .filter((r) => r.opportunity.status !== "Rejected")
    .sort((a, b) => b.score - a.score || b.mid - a.mid || (a.opportunity.name < b.opportunity.name ? -1 : a.opportunity.name > b.opportunity.name ? 1 : 0))
    .map((r, i) => ({ ...r, rank: i + 1 }));
  const rejected = rows.filter((r) => r.opportunity.status === "Rejected");

  const areas = new Map<string, AreaSavings>();
  for (const r of ranked) {
    const o = r.opportunity;
    const a = areas.get(o.area) ?? { area: o.area, count: 0, low: 0, high: 0, mid: 0, committedLow: 0 };
    a.count++;
    a.low += o.low;
    a.high += o.high;
    a.mid += r.mid;
    if (r.committed) a.committedLow += o.low;
    areas.set(o.area, a);
  }
  const byYear: YearSavings[] = [];
  for (let y = 1; y <= opts.years; y++) {
    const on = ranked.filter((r) => r.startYear !== null && r.startYear <= y);
    byYear.push({
      year: y,
      label: yearLabel(y, opts.budgetYear, opts.fiscalYearStart),
      count: on.length,
      low: on.reduce((s, r) => s + r.opportunity.low, 0),
      high: on.reduce((s, r) => s + r.opportunity.high, 0),
      committedLow: on.filter((r) => r.committed).reduce((s, r) => s + r.opportunity.low, 0),
    });
  }
  return {
    rows: [...ranked, ...rejected],
    byArea: [...areas.values()].sort((a, b) => b.mid - a.mid || (a.area < b.area ? -1 : a.area > b.area ? 1 : 0)),
    byYear,
    totals: {
      count: ranked.length,
      rejected: rejected.length,
      low: ranked.reduce((s, r) => s + r.opportunity.low, 0),
      high: ranked.reduce((s, r) => s + r.opportunity.high, 0),
      mid: ranked.reduce((s, r) => s + r.mid, 0),
      committedLow: ranked.filter((r) => r.committed).reduce((s, r) => s + r.opportunity.low, 0),
      blocked: ranked.filter((r) => r.startYear === null || r.startYear > opts.years).length,
    },
    impactThreshold: threshold,
  };
}
