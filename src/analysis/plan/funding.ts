/**
 * Linking committed savings to the priorities they pay for (the Smarter School Spending project (Pivot Learning, 2017): "reallocate spending from lower priority
 * areas in order to fund instructional priorities"; DMGroup, Strategic Budgeting (2023): scale up what works).
 * - Money: each committed opportunity (Approved, Funded, Implemented) brings its Low estimate (the prudent figure).
 * - An opportunity whose Funds names an initiative pays for that initiative.
 * - The others are shared by the expand candidates (initiatives whose final A-ROI action is "expand", with a cost
 *   and students) in proportion to their cost, by largest remainder on cents, exactly like the sunset → expand
 *   what-if; without a candidate the money is shown as not yet assigned.
 * - Each funded initiative buys extra students at its current cost per student (whole students).
 */
import type { AroiAction } from "../aroi/actions";
import { splitInProportion } from "../aroi/split";
import { extraStudents } from "../aroi/whatif";
import type { Cents } from "../../engine/types";
import type { ScreenedOpportunity } from "./savings";

export interface PriorityInput {
  name: string;
  action: AroiAction;
  aroi: number | null;
  /** Fully loaded cost (cents). */
  total: Cents;
  students: number;
  strategicPriority: string;
}

export interface FundingLink {
  opportunity: string;
  initiative: string;
  amount: Cents;
  /** "named" when the opportunity's Funds column names the initiative, "shared" when pooled over expand candidates. */
  how: "named" | "shared";
}

export interface FundedPriority {
  initiative: string;
  strategicPriority: string;
  action: AroiAction;
  aroi: number | null;
  total: Cents;
  students: number;
  funded: Cents;
  extraStudents: number;
}

export interface Funding {
  committed: Cents;
  links: FundingLink[];
  priorities: FundedPriority[];
  /** Committed money with no initiative to pay for. */
  unassigned: Cents;
}

export function fundPriorities(rows: readonly ScreenedOpportunity[], initiatives: readonly PriorityInput[]): Funding {
  const committed = rows.filter((r) => r.committed && r.opportunity.status !== "Rejected");
  const byName = new Map(initiatives.map((i) => [i.name, i]));
  const candidates = initiatives.filter((i) => i.action === "expand" && i.total > 0 && i.students > 0);
  const links: FundingLink[] = [];
  let unassigned = 0;
  for (const r of committed) {
    const o = r.opportunity;
    if (o.low === 0) continue;
    if (o.funds !== null && byName.has(o.funds)) {
      links.push({ opportunity: o.name, initiative: o.funds, amount: o.low, how: "named" });
      continue;
    }
    if (candidates.length === 0) {
      unassigned += o.low;
      continue;
    }
    const parts = splitInProportion(o.low, candidates.map((c) => c.total));
    candidates.forEach((c, k) => {
      if (parts[k] > 0) links.push({ opportunity: o.name, initiative: c.name, amount: parts[k], how: "shared" });
    });
  }
  const funded = new Map<string, number>();
  for (const l of links) funded.set(l.initiative, (funded.get(l.initiative) ?? 0) + l.amount);
  const priorities: FundedPriority[] = initiatives
    .filter((i) => funded.has(i.name))
    .map((i) => {
      const f = funded.get(i.name) ?? 0;
      return {
        initiative: i.name,
        strategicPriority: i.strategicPriority,
        action: i.action,
        aroi: i.aroi,
        total: i.total,
        students: i.students,
        funded: f,
        extraStudents: extraStudents(f, i.students, i.total),
      };
    });
  return { committed: committed.reduce((s, r) => s + r.opportunity.low, 0), links, priorities, unassigned };
}
