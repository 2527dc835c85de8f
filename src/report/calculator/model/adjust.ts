/**
 * Phase-in, floors, caps and the budget-neutral factor in a school calculator: only general money moves, by the
 * engine's own rules (phaseIn.ts, holdHarmless.ts, neutrality.ts export each rule's formula beside its
 * computation), with the district-wide figures (factor, shares, this school's floor and cap) fixed.
 */
import { generalBoundsFormula } from "../../../engine/allocate/bounds";
import { boundedShareFormula } from "../../../engine/allocate/neutrality";
import { normAmountFormula, normApplies, normShare, normTargetFormula } from "../../../engine/allocate/normAdjustment";
import { generalTargetFormula, phaseInTargetFormula } from "../../../engine/allocate/phaseIn";
import type { Allocation } from "../../../engine/types";
import { dollarsOf, sumOf, type ModelBuilder } from "./builder";
import * as X from "../../../engine/formula/expr";
import { fixed12 } from "../../../engine/formula/numbers";
import type { CalcAdjust, CalcSource } from "./types";

export interface AdjustIds {
  schoolIndex: number;
  generalAmount: string;
  otherAmount: string;
  currentId: string | null;
  floorId: string | null;
  ceilingId: string | null;
}

/** The phase-in share this year: 0 while the revenue trigger keeps the weights off (schools keep their current budgets). */
function phaseInShare(a: Allocation): number {
  return a.weightsOn ? Math.max(0, a.district.policy.phaseIn) : 0;
}

/** Whether the district's general money pays more than every school's cap (the factor is unbounded; the engine reports it as 1). */
function everySchoolCapped(a: Allocation): boolean {
  const rows = new Set(a.district.enrollment.map((r) => r.schoolIndex));
  const nonGrant = (i: number) => a.sources.reduce((t, s) => t - (s.grant ? s.bySchool[i] : 0), a.schools[i].total);
  return rows.size > 0 && a.neutralityFactor === 1 && [...rows].every((i) => a.schools[i].ceiling !== null && nonGrant(i) === a.schools[i].ceiling);
}

/** Whether any rule can move this school's general money. */
export function adjusts(a: Allocation, i: number, generals: CalcSource[]): boolean {
  const school = a.schools[i];
  const phased = school.current !== null && phaseInShare(a) < 1;
  return generals.length > 0 && (a.neutralityFactor !== 1 || school.floor !== null || school.ceiling !== null || phased || normApplies(normShare(a.district), school.normBudget));
}

function target(b: ModelBuilder, a: Allocation, ids: AdjustIds, formulaTotalId: string): string | null {
  const share = phaseInShare(a);
  if (ids.currentId === null || share >= 1) return null;
  const phaseId = b.k({ id: "phaseIn", kind: "phaseIn", nameParts: ["Phase_In"], label: "Phase-in (share of the move applied this year)", value: share, fmt: "percent", note: share === 0 && a.district.policy.phaseIn > 0 ? "The revenue trigger is not reached: schools keep their current budgets, scaled to the pool." : undefined });
  return b.q("target", "Phase-in target: current + phase-in × (formula − current)", phaseInTargetFormula(X.ref(formulaTotalId), X.ref(ids.currentId), X.ref(phaseId)));
}

/** How the general money moved: 1 held at the floor, 2 held at the cap, 3 scaled or phased in, 0 unchanged. */
function ruleFormula(final: string, scaled: X.Expr, low: string | null, high: string | null, change: string): X.Expr {
  const moved = X.iff(X.cmp("<>", X.ref(change), X.num(0)), X.num(3), X.num(0));
  const capped = high ? X.iff(X.and(X.cmp("=", X.ref(final), X.ref(high)), X.cmp(">", scaled, X.ref(high))), X.num(2), moved) : moved;
  return low ? X.iff(X.and(X.cmp("=", X.ref(final), X.ref(low)), X.cmp("<", scaled, X.ref(low))), X.num(1), capped) : capped;
}

/** General money after the rules, the change, and each general source's part of it (its adjustment line). */
export function adjustGeneral(b: ModelBuilder, a: Allocation, ids: AdjustIds, generals: CalcSource[], shares: number[], ud: 0 | 2): CalcAdjust {
  const formulaTotalId = b.q("formulaTotal", "Formula total (before phase-in, floors and caps; grants not counted)", X.round(X.add(X.ref(ids.generalAmount), X.ref(ids.otherAmount)), 2));
  const targetId = target(b, a, ids, formulaTotalId);
  const norm = normPart(b, a, ids, formulaTotalId, targetId ?? formulaTotalId, ud);
  const generalTargetId = b.q("generalTarget", "General money target (target − restricted money, at least 0)", generalTargetFormula(X.ref(norm?.normTargetId ?? targetId ?? formulaTotalId), X.ref(ids.otherAmount)));
  const capped = everySchoolCapped(a);
  const factorId = b.k({ id: "factor", kind: "factor", nameParts: ["Neutrality_Factor"], label: "Budget-neutral factor on general money", value: fixed12(a.neutralityFactor), fmt: "factor", note: capped ? "Every school is held at its gain cap: the district's general money pays more than every cap, and what is left is held centrally." : "Set by the whole district so that floors and caps cost nothing extra: schools not held at a floor or cap share the cost." });
  const bounds = generalBoundsFormula(ids.floorId ? X.ref(ids.floorId) : null, ids.ceilingId ? X.ref(ids.ceilingId) : null, X.ref(ids.otherAmount));
  const lowId = bounds.lo ? b.q("low", "Floor for general money (floor − restricted money, at least 0)", bounds.lo) : null;
  const highId = bounds.hi ? b.q("high", "Cap for general money (cap − restricted money, at least the floor)", bounds.hi) : null;
  const scaled = X.mul(X.ref(factorId), X.ref(generalTargetId));
  // With every school capped the factor is unbounded: each school's general money sits at its cap.
  const after = capped && highId ? X.round(X.ref(highId), ud) : boundedShareFormula(X.ref(factorId), X.ref(generalTargetId), lowId ? X.ref(lowId) : null, highId ? X.ref(highId) : null, ud);
  const generalFinalId = b.q("generalFinal", "General money after phase-in, floors and caps", after);
  const changeId = b.q("change", "Change in general money", X.round(X.sub(X.ref(generalFinalId), X.ref(ids.generalAmount)), 2));
  const ruleId = b.q("rule", "Rule applied (1 floor, 2 cap, 3 factor or phase-in, 0 none)", ruleFormula(generalFinalId, scaled, lowId, highId, changeId), "flag");
  const split = splitChange(b, a, ids.schoolIndex, generals, shares, changeId, ud);
  return { formulaTotalId, targetId, normId: norm?.normId ?? null, normTargetId: norm?.normTargetId ?? null, generalTargetId, lowId, highId, generalFinalId, changeId, ruleId, districtChangeId: split?.districtChangeId ?? null, changeBeyondId: split?.beyondId ?? null };
}

/**
 * The norm-based adjustment (normAdjustment.ts): this school's Norm Budget and the district's share, locked; the
 * adjustment share × (norm budget − formula total) rounded to the unit, live; and the target with it. Null when
 * the rule does not apply to the school.
 */
function normPart(b: ModelBuilder, a: Allocation, ids: AdjustIds, formulaTotalId: string, targetId: string, ud: 0 | 2): { normId: string; normTargetId: string } | null {
  const share = normShare(a.district);
  const budget = a.schools[ids.schoolIndex].normBudget;
  if (!normApplies(share, budget)) return null;
  const budgetId = b.k({ id: "normBudget", kind: "normBudget", nameParts: ["Norm_Budget"], label: "Norm budget (what this site's staffing norms cost)", value: dollarsOf(budget), fmt: "currency", note: "Given by the district: the cost of this site's staffing norms. The norm-based adjustment moves the school part of the way from its formula money towards it." });
  const shareId = b.k({ id: "normShare", kind: "normShare", nameParts: ["Norm_Adjustment"], label: "Norm adjustment (share of the gap to the norm budget)", value: share, fmt: "percent", note: "The district's Policy setting; budget-neutral: the factor below makes the other schools pay for what this school gains towards its norm." });
  const normId = b.q("normAdjustment", "Norm-based adjustment: share × (norm budget − formula total), rounded", normAmountFormula(X.ref(shareId), X.ref(budgetId), X.ref(formulaTotalId), ud));
  const normTargetId = b.q("normTarget", "Target with the norm-based adjustment (target + norm-based adjustment)", normTargetFormula(X.ref(targetId), X.ref(normId)));
  return { normId, normTargetId };
}

/**
 * Each general source's part of the change (its adjustment line). The allocation splits every school's change
 * across the general sources with exact per-source sums over all schools (allocate/redistribute.ts), which one
 * school's workbook cannot re-run; so each source's part in the allocation is a locked district figure
 * (`District_Adjustment_<Source>`), and what the counts typed change beyond the district's change is split by
 * the sources' district shares, rounded to the unit, the last source taking what is left. At the projected counts
 * the change is the district's, so each source's part is the allocation's to the cent.
 */
function splitChange(b: ModelBuilder, a: Allocation, i: number, generals: CalcSource[], shares: number[], changeId: string, ud: 0 | 2): { districtChangeId: string; beyondId: string } | null {
  if (generals.length === 1) {
    generals[0].moveId = b.q(`move:${generals[0].index}`, `${generals[0].name}: phase-in, floors, caps and budget-neutral change`, X.ref(changeId));
    return null;
  }
  const districtIds = generals.map((g) => {
    const src = a.sources[g.index];
    return b.k({ id: `districtMove:${g.index}`, kind: "districtMove", nameParts: ["District_Adjustment", g.name], label: `${g.name}: this school's adjustment in the district's allocation`, value: dollarsOf(src.bySchool[i] - src.turnedOnBySchool[i]), fmt: "currency", sourceIndex: g.index, note: "This source's part of the school's change in general money, as the district's allocation split it (it rounds that split across all schools, so it is held fixed here)." });
  });
  const districtChangeId = b.q("districtChange", "The district's change in general money for this school (the sum of its parts, Rates)", sumOf(districtIds, 2));
  const beyondId = b.q("changeBeyond", "Change your counts make beyond the district's (0 at the projected counts)", X.round(X.sub(X.ref(changeId), X.ref(districtChangeId)), 2));
  const totalShare = generals.reduce((x, g) => x + shares[g.index], 0);
  const moves: string[] = [];
  generals.forEach((g, n) => {
    let expr: X.Expr;
    if (n < generals.length - 1) {
      const shareId = b.k({ id: `gshare:${g.index}`, kind: "share", nameParts: ["Share", g.name], label: `${g.name}: share of general money`, value: fixed12(totalShare > 0 ? shares[g.index] / totalShare : 1 / generals.length), fmt: "share", sourceIndex: g.index, note: "District-wide share of this source in the general money; what your counts change in a school's general money is split by these shares." });
      expr = X.round(X.add(X.ref(districtIds[n]), X.round(X.mul(X.ref(beyondId), X.ref(shareId)), ud)), 2);
    } else expr = X.round(X.sub(X.ref(changeId), X.sum(...moves.map(X.ref))), 2);
    g.moveId = b.q(`move:${g.index}`, `${g.name}: phase-in, floors, caps and budget-neutral change`, expr);
    moves.push(g.moveId);
  });
  return { districtChangeId, beyondId };
}

/** This school's fixed figures: current budget, MOB, floor and cap (constants with defined names). */
export function schoolBoundsConstants(b: ModelBuilder, a: Allocation, i: number): Pick<AdjustIds, "currentId" | "floorId" | "ceilingId"> & { minimumId: string | null } {
  const s = a.schools[i];
  const currentId = s.current !== null ? b.k({ id: "current", kind: "current", nameParts: ["Current_Budget"], label: "Current budget (this year)", value: dollarsOf(s.current), fmt: "currency" }) : null;
  const minimumId = s.minimum !== null ? b.k({ id: "minimum", kind: "minimum", nameParts: ["Minimum_Budget"], label: "Minimum operating budget (MOB)", value: dollarsOf(s.minimum), fmt: "currency" }) : null;
  const floorId = s.floor !== null ? b.k({ id: "floor", kind: "floor", nameParts: ["School_Floor"], label: "Floor on this school's total (the larger of MOB and hold harmless)", value: dollarsOf(s.floor), fmt: "currency" }) : null;
  const ceilingId = s.ceiling !== null ? b.k({ id: "ceiling", kind: "ceiling", nameParts: ["School_Ceiling"], label: "Cap on this school's total (gain cap)", value: dollarsOf(s.ceiling), fmt: "currency" }) : null;
  return { currentId, minimumId, floorId, ceilingId };
}
