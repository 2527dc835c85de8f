/**
 * Data coverage of the Initiatives Inventory (DMGroup, Strategic Budgeting (2023), "Understanding Your District's Data Needs"):
 * how many initiatives have
 * - cost data: Direct Cost > 0,
 * - outcome data: a Learning Gain (not blank),
 * - segment data: at least one row in Initiative Segments (matched by name, trimmed, case-insensitive),
 * - all three (the ones ready for an in-depth A-ROI analysis),
 * each as a count, a share of the inventory, and the fully loaded cost they represent with its share of the
 * inventory's cost (the source's "26% of initiative investments met all criteria").
 */
import type { Cents, Initiative, InitiativeSegment } from "../../engine/types";
import { initiativeCost } from "./cost";
import { nameKey } from "./segments";

export interface CoverageItem {
  name: string;
  cost: boolean;
  outcome: boolean;
  segments: boolean;
  /** What is missing (in words by missingDataText, src/words/aroi.ts); empty when the initiative has all three. */
  missing: MissingData[];
}

export interface CoverageCount {
  count: number;
  /** count ÷ initiatives (0 when the inventory is empty). */
  share: number;
  /** Fully loaded cost of these initiatives. */
  cost: Cents;
  /** cost ÷ inventory cost (0 when that is 0). */
  costShare: number;
}

export interface Coverage {
  initiatives: number;
  totalCost: Cents;
  cost: CoverageCount;
  outcome: CoverageCount;
  segments: CoverageCount;
  all: CoverageCount;
  /** Per initiative, in input order. */
  items: CoverageItem[];
}

/** Data an initiative lacks: cost (Direct Cost $0 or blank), outcome (Learning Gain blank), segments (no rows). */
export type MissingData = "cost" | "outcome" | "segments";

/** Coverage of cost, outcome and segment data over the inventory. */
export function coverage(initiatives: readonly Initiative[], segments: readonly InitiativeSegment[]): Coverage {
  const withSegments = new Set(segments.map((s) => nameKey(s.initiative)));
  const totals = initiatives.map((i) => initiativeCost(i).total);
  const totalCost = totals.reduce((a, b) => a + b, 0);
  const items: CoverageItem[] = initiatives.map((i) => {
    const cost = i.directCost > 0;
    const outcome = i.learningGain !== null;
    const seg = withSegments.has(nameKey(i.name));
    const missing: MissingData[] = [];
    if (!cost) missing.push("cost");
    if (!outcome) missing.push("outcome");
    if (!seg) missing.push("segments");
    return { name: i.name, cost, outcome, segments: seg, missing };
  });
  const count = (pick: (c: CoverageItem) => boolean): CoverageCount => {
    let n = 0;
    let cost = 0;
    items.forEach((c, k) => {
      if (pick(c)) {
        n++;
        cost += totals[k];
      }
    });
    return {
      count: n,
      share: items.length ? n / items.length : 0,
      cost,
      costShare: totalCost > 0 ? cost / totalCost : 0,
    };
  };
  return {
    initiatives: items.length,
    totalCost,
    cost: count((c) => c.cost),
    outcome: count((c) => c.outcome),
    segments: count((c) => c.segments),
    all: count((c) => c.cost && c.outcome && c.segments),
    items,
  };
}
