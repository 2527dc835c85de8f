/**
 * Resource tradeoffs and multi-year planning (issue 8): budget tree and cost drivers, the savings screener and the
 * priorities it pays for, the multi-year plan (projections, weight targets, hold-harmless decay, revenue trigger)
 * and the shadow notice. parsePlanning reads the optional planning tables next to parseDistrict (which it does not
 * change), so `sfs allocate` is unaffected. Pure and synchronous; money in integer cents.
 */
import { analyseInitiatives, type Override } from "../aroi";
import { sortErrors } from "../../engine/parse";
import { findBudgetLines, parseBudgetLines } from "../parse/budgetLines";
import { findTable, labelKey, normalizeHeader, type ParseContext } from "../../engine/parse/headers";
import { findOpportunities, parseOpportunities } from "../parse/opportunities";
import { findProjections, isPlanSetting, MAX_PLAN_YEARS, parsePlanSettings, parseProjections, parseTargetWeights } from "../parse/projections";
import { dollarsFromCents } from "../../engine/money";
import type { ParseWarning } from "../../engine/problems";
import type { District, InputError, RawTables } from "../../engine/types";
import { dateText } from "./fiscal";
import { costDrivers, type CostDrivers } from "./drivers";
import { fundPriorities, type Funding, type PriorityInput } from "./funding";
import { conservationBreaks, planYears, type MultiYearPlan, type PlanWarning } from "./multiyear";
import { screenOpportunities, type Quadrant, type SavingsScreen } from "./savings";
import { shadowNotice, type ShadowNotice } from "./shadow";
import { budgetTree, type BudgetTree } from "./tree";
import type { Planning } from "./types";

export * from "./types";
export * from "./fiscal";
export * from "./tree";
export * from "./drivers";
export * from "./savings";
export * from "./funding";
export * from "./projection";
export * from "./trigger";
export * from "./multiyear";
export * from "./shadow";

export interface PlanningParse {
  planning: Planning;
  errors: InputError[];
  warnings: ParseWarning[];
}

/**
 * Read the planning inputs: Budget Lines, Opportunities, Projections, the Policy planning settings and the Weights
 * table's Target Weight column. `district` is parseDistrict's result (null when it failed: the planning tables are
 * then checked for form only, so that every problem is still reported in one pass). `years` overrides Plan Years.
 */
export function parsePlanning(raw: RawTables, district: District | null, opts: { years?: number } = {}): PlanningParse {
  const ctx: ParseContext = { errors: [], warnings: [] };
  const settings = parsePlanSettings(findTable(raw, "Policy"), district, ctx);
  if (opts.years !== undefined) settings.years = Math.min(MAX_PLAN_YEARS, Math.max(1, Math.floor(opts.years)));
  const targets = parseTargetWeights(findTable(raw, "Weights"), district, ctx);
  const budgetLines = parseBudgetLines(findBudgetLines(raw), ctx, district ? district.schools.map((s) => s.id) : undefined);
  const initiatives = district ? (district.initiatives ? new Map(district.initiatives.map((i) => [labelKey(i.name), i.name])) : null) : undefined;
  const opportunities = parseOpportunities(findOpportunities(raw), ctx, initiatives);
  const projections = parseProjections(findProjections(raw), district, settings, ctx);

  if (district && settings.revenueTrigger !== null) {
    for (const s of district.schools) {
      if (s.current === null) {
        ctx.errors.push({
          table: "Schools",
          row: s.sheetRow,
          column: "Current Budget",
          expected: "a Current Budget, because the Policy sets a Revenue Trigger (until the weights turn on, schools keep their current budgets scaled to the pool)",
          found: "a blank cell",
        });
      }
    }
  }
  const dated = (opportunities ?? []).find((o) => o.constraint === "Rigid" && o.contractEnd !== null);
  if (dated && settings.budgetYear === null) {
    ctx.errors.push({
      table: "Policy",
      row: null,
      column: "Setting",
      expected: `a "Budget Year" setting (the fiscal year of the workbook's figures, e.g. 2027 for 2026-27), because Opportunities row ${dated.sheetRow} has a Rigid constraint with a contract ending ${dateText(dated.contractEnd as NonNullable<typeof dated.contractEnd>)}`,
      found: "no Budget Year",
    });
  }
  return {
    planning: { budgetLines, opportunities, projections, settings, targets },
    errors: sortErrors(ctx.errors),
    warnings: ctx.warnings,
  };
}

/**
 * parseDistrict warns that Policy settings it does not know are ignored; the planning settings are read here, so
 * those warnings are dropped for them.
 */
export function withoutPlanSettingWarnings(warnings: readonly ParseWarning[]): ParseWarning[] {
  return warnings.filter((w) => !(w.code === "unknownSetting" && isPlanSetting(normalizeHeader(w.name))));
}

export interface PlanAnalysis {
  plan: MultiYearPlan;
  /** Shadow notice of plan year 1. */
  shadow: ShadowNotice | null;
  tree: BudgetTree | null;
  drivers: CostDrivers | null;
  savings: SavingsScreen | null;
  funding: Funding | null;
}

/** The A-ROI results as funding candidates (final actions after overrides). */
export function priorityInputs(district: District, overrides?: Readonly<Record<string, Override>>): PriorityInput[] {
  if (!district.initiatives || district.initiatives.length === 0) return [];
  const a = analyseInitiatives(district.initiatives, district.segments, district.policy, undefined, overrides, district.schools.map((s) => s.id));
  return a.results.map((r) => ({
    name: r.name,
    action: r.action,
    aroi: r.aroi,
    total: r.cost.total,
    students: r.students,
    strategicPriority: r.initiative.strategicPriority,
  }));
}

/** Every planning analysis the inputs allow. */
export function analysePlanning(district: District, planning: Planning, opts: { overrides?: Readonly<Record<string, Override>> } = {}): PlanAnalysis {
  const plan = planYears(district, planning);
  const tree = planning.budgetLines ? budgetTree(planning.budgetLines) : null;
  const drivers = tree && planning.budgetLines ? costDrivers(district, planning.budgetLines, tree) : null;
  const st = planning.settings;
  const savings = planning.opportunities ? screenOpportunities(planning.opportunities, { years: st.years, budgetYear: st.budgetYear, fiscalYearStart: st.fiscalYearStart }) : null;
  const funding = savings ? fundPriorities(savings.rows, priorityInputs(district, opts.overrides)) : null;
  const shadow = plan.years.length ? shadowNotice(plan.years[0].allocation) : null;
  return { plan, shadow, tree, drivers, savings, funding };
}

const ratio = (x: number | null, digits = 2): number | null => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

/**
 * The `plan` section of summary.json (money in dollars, at most two decimals); the notes are written by
 * `warningText` (planWarningText, src/words/plan.ts: the words layer sits above the analyses) and the savings
 * quadrants by `quadrantText` (savingsQuadrantText).
 */
export function planJson(p: PlanAnalysis, warningText: (w: PlanWarning) => string, quadrantText: (q: Quadrant) => string): Record<string, unknown> {
  const out: Record<string, unknown> = {
    plan: multiYearJson(p.plan, warningText),
    shadow: p.shadow
      ? p.shadow.rows.map((r) => ({ id: r.id, name: r.name, total: dollarsFromCents(r.total), turnedOn: dollarsFromCents(r.turnedOn), gap: dollarsFromCents(r.gap) }))
      : null,
  };
  if (p.tree && p.drivers) out.budgetTree = budgetTreeJson(p.tree, p.drivers);
  if (p.savings) out.savings = savingsJson(p.savings, quadrantText);
  if (p.funding) {
    out.funding = {
      committed: dollarsFromCents(p.funding.committed),
      unassigned: dollarsFromCents(p.funding.unassigned),
      priorities: p.funding.priorities.map((x) => ({ initiative: x.initiative, action: x.action, funded: dollarsFromCents(x.funded), extraStudents: x.extraStudents })),
    };
  }
  return out;
}

/** The multi-year plan: district figures by year, the trigger and target years, each school's totals by year. */
function multiYearJson(plan: PlanAnalysis["plan"], warningText: (w: PlanWarning) => string): Record<string, unknown> {
  return {
    years: plan.years.map((y) => {
      const a = y.allocation;
      return {
        year: y.year,
        label: y.label,
        fiscalYear: y.fiscalYear,
        turnedOn: y.turnedOn,
        students: y.students,
        revenue: dollarsFromCents(a.totals.revenue),
        unlockedPool: dollarsFromCents(y.unlockedPool),
        central: dollarsFromCents(a.totals.central),
        schools: dollarsFromCents(a.totals.schools),
        surplus: dollarsFromCents(a.totals.surplus),
        holdHarmless: y.holdHarmless,
        weightProgress: ratio(y.weightProgress, 4),
        conserved: conservationBreaks(a).length === 0,
      };
    }),
    trigger: plan.trigger === null ? null : dollarsFromCents(plan.trigger),
    triggerYear: plan.triggerYear,
    targetYear: plan.hasTargets ? plan.targetYear : null,
    schools: plan.schools.map((s) => ({
      id: s.id,
      name: s.name,
      current: s.current === null ? null : dollarsFromCents(s.current),
      totals: s.totals.map(dollarsFromCents),
      turnedOn: s.turnedOn.map(dollarsFromCents),
      students: s.students,
    })),
    warnings: plan.warnings.map(warningText),
  };
}

/** The budget tree (area → function → object) and its cost drivers. */
function budgetTreeJson(t: NonNullable<PlanAnalysis["tree"]>, drivers: NonNullable<PlanAnalysis["drivers"]>): Record<string, unknown> {
  return {
    total: dollarsFromCents(t.amount),
    central: dollarsFromCents(t.central),
    schools: dollarsFromCents(t.schools),
    fte: t.fte,
    areas: t.areas.map((a) => ({
      name: a.name,
      amount: dollarsFromCents(a.amount),
      central: dollarsFromCents(a.central),
      schools: dollarsFromCents(a.schools),
      fte: a.fte,
      functions: a.children.map((f) => ({
        name: f.name,
        amount: dollarsFromCents(f.amount),
        fte: f.fte,
        objects: f.children.map((o) => ({ name: o.name, amount: dollarsFromCents(o.amount), fte: o.fte })),
      })),
    })),
    drivers: {
      students: drivers.students,
      perStudent: drivers.perStudent === null ? null : dollarsFromCents(drivers.perStudent),
      studentsPerFte: ratio(drivers.studentsPerFte),
      costPerFte: drivers.costPerFte === null ? null : dollarsFromCents(drivers.costPerFte),
      byArea: drivers.byArea.map((a) => ({
        area: a.area,
        perStudent: a.perStudent === null ? null : dollarsFromCents(a.perStudent),
        studentsPerFte: ratio(a.studentsPerFte),
        costPerFte: a.costPerFte === null ? null : dollarsFromCents(a.costPerFte),
      })),
    },
  };
}

/** The savings screener: totals, ranked opportunities, by area and by plan year. */
function savingsJson(s: NonNullable<PlanAnalysis["savings"]>, quadrantText: (q: Quadrant) => string): Record<string, unknown> {
  return {
    totals: { count: s.totals.count, rejected: s.totals.rejected, low: dollarsFromCents(s.totals.low), high: dollarsFromCents(s.totals.high), mid: dollarsFromCents(s.totals.mid), committed: dollarsFromCents(s.totals.committedLow) },
    opportunities: s.rows.map((r) => ({
      rank: r.rank,
      name: r.opportunity.name,
      area: r.opportunity.area,
      low: dollarsFromCents(r.opportunity.low),
      high: dollarsFromCents(r.opportunity.high),
      ease: r.opportunity.ease,
      score: dollarsFromCents(Math.round(r.score)),
      quadrant: r.quadrant === null ? null : quadrantText(r.quadrant),
      startYear: r.startYear,
      status: r.opportunity.status,
      owner: r.opportunity.owner,
    })),
    byArea: s.byArea.map((a) => ({ area: a.area, count: a.count, low: dollarsFromCents(a.low), high: dollarsFromCents(a.high) })),
    byYear: s.byYear.map((y) => ({ year: y.year, label: y.label, low: dollarsFromCents(y.low), high: dollarsFromCents(y.high), committed: dollarsFromCents(y.committedLow) })),
  };
}
