/**
 * What a board pack shows, computed from the district (and its planning tables when present): the allocation, the
 * equity analysis, the A-ROI analysis, the multi-year plan, shadow notice, budget tree and savings. Pure.
 */
import { analyseInitiatives, type AroiAnalysis } from "../../analysis/aroi";
import { equityInputs, equitySummary, type EquitySummary } from "../../analysis/equity";
import { analysePlanning, type PlanAnalysis, type Planning } from "../../analysis/plan";
import type { Allocation, District } from "../../engine/types";

export interface BoardPackInput {
  /** District name for the cover (the workbook's file name when the Policy table does not name it). */
  district: string;
  /** e.g. "2026-27"; null when the workbook does not say. */
  budgetYear: string | null;
  /** The day the pack was made, as printed (e.g. "2 December 2026"). */
  date: string;
  /** The workbook the figures come from, as named in every chart's source (e.g. "district.xlsx"). */
  workbook: string;
  allocation: Allocation;
  equity: EquitySummary | null;
  aroi: AroiAnalysis | null;
  /** Present when the workbook has planning inputs (Policy Budget Year / Plan Years, Projections, targets, budget lines, opportunities). */
  planning: PlanAnalysis | null;
  /** Whether the multi-year plan section is shown (the workbook asks for a plan). */
  hasPlan: boolean;
}

export interface BoardPackOptions {
  district?: string;
  workbook: string;
  date: Date;
  planning?: Planning | null;
}

const policyText = (d: District, key: string): string | null => {
  const v = d.policy.raw[key];
  return v === null || v === undefined || v === "" ? null : String(v).trim() || null;
};

/** The printed date, e.g. "2 December 2026" (UTC, so the same run prints the same date anywhere). */
export function printedDate(d: Date): string {
  return d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

/** Everything the board pack needs from one allocation of a district. */
export function boardPackInput(district: District, allocation: Allocation, opts: BoardPackOptions): BoardPackInput {
  const equity = district.needs.length ? equitySummary(equityInputs(allocation)) : null;
  const aroi =
    district.initiatives && district.initiatives.length
      ? analyseInitiatives(district.initiatives, district.segments, district.policy, undefined, undefined, district.schools.map((s) => s.id))
      : null;
  const p = opts.planning ?? null;
  const planning = p ? analysePlanning(district, p) : null;
  const hasPlan =
    !!p &&
    !!planning &&
    planning.plan.errors.length === 0 &&
    (p.settings.budgetYear !== null || p.settings.revenueTrigger !== null || p.projections.length > 0 || policyText(district, "plan years") !== null || p.targets.some((row) => row.some((x) => x !== null)));
  const budgetYear = (hasPlan && planning?.plan.years[0]?.fiscalYear !== null ? planning?.plan.years[0]?.label : null) ?? policyText(district, "budget year");
  return {
    district: opts.district ?? policyText(district, "district") ?? policyText(district, "district name") ?? opts.workbook.replace(/\.[^.]+$/, ""),
    budgetYear,
    date: printedDate(opts.date),
    workbook: opts.workbook,
    allocation,
    equity,
    aroi,
    planning: planning && planning.plan.errors.length === 0 ? planning : null,
    hasPlan,
  };
}
