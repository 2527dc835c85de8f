import { defaultPlanSettings } from "../../../src/analysis/parse/projections";
import type { BudgetLine, Opportunity, Planning, PlanSettings } from "../../../src/analysis/plan/types";
import type { District } from "../../../src/engine/types";
import { makeDistrict } from "../../helpers/district";

/** Three schools, two levels, one need; a general source, a Title I grant and a locked source. Current budgets are the schools' non-grant money (the general pool). */
export function smallDistrict(policy: Partial<District["policy"]> = {}): District {
  return makeDistrict({
    schools: [
      { id: "A", current: 380_000, minimum: null },
      { id: "B", current: 285_000, minimum: null },
      { id: "C", current: 235_000, minimum: 100_000 },
    ],
    levels: ["Elementary", "High"],
    needs: ["Poverty"],
    enrollment: [
      ["A", "Elementary", 300, 60],
      ["B", "Elementary", 200, 150],
      ["C", "High", 250, 100],
    ],
    rates: { Elementary: { Base: 1 }, High: { Base: 1.2 }, All: { Poverty: 0.3 } },
    sources: [
      { name: "General", amount: 900_000 },
      { name: "Title I", amount: 60_000, status: "Grant", funds: "Poverty", restricted: true },
      { name: "Transport", amount: 50_000, status: "Locked" },
    ],
    policy,
  });
}

export function planning(d: District, settings: Partial<PlanSettings> = {}, extra: Partial<Planning> = {}): Planning {
  return {
    budgetLines: null,
    opportunities: null,
    projections: [],
    settings: { ...defaultPlanSettings(d), ...settings },
    targets: d.rates.map((row) => row.map(() => null)),
    ...extra,
  };
}

export function line(area: string, fn: string, object: string, school: number | null, dollars: number, fte: number | null = null): BudgetLine {
  return { fund: "General", area, function: fn, object, schoolId: school === null ? null : `S${school}`, schoolIndex: school, amount: Math.round(dollars * 100), fte, sheetRow: 2 };
}

export function opp(name: string, x: Partial<Opportunity> & { lowD?: number; highD?: number } = {}): Opportunity {
  const { lowD = 100_000, highD = 200_000, ...rest } = x;
  return { name, area: "Ops", low: lowD * 100, high: highD * 100, ease: 3, constraint: "Preference", contractEnd: null, owner: "", status: "Proposed", funds: null, sheetRow: 2, ...rest };
}
