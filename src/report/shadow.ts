/**
 * The shadow notice sheet: for every school, this year's budget beside its budget with the formula turned on, and
 * the gap (the Strategic School Funding for Results guidebook's LAUSD notice). Plain data only; usable for any allocation (the calculators may reuse it).
 */
import type { ShadowNotice } from "../analysis/plan/shadow";
import type { PlanCell, PlanChart, PlanTable, SheetPlan } from "./plan";
import { columnRange, dollars, figure } from "./sheetParts";

const $ = dollars;

export const SHADOW_SHEET = "Shadow Notice";

export function shadowPlan(n: ShadowNotice, opts: { title?: string; name?: string } = {}): SheetPlan {
  const t = n.totals;
  const cells: PlanCell[] = [
    { r: 0, c: 0, v: opts.title ? `Shadow notice — ${opts.title}` : "Shadow notice", style: "title" },
    {
      r: 1,
      c: 0,
      v: "Your budget this year beside the budget the weighted student formula gives with it turned on (before floors, caps, phase-in or the revenue trigger). Gap = turned on − this year.",
      style: "note",
    },
    ...figure(3, "This year, all schools", { v: $(t.total), fmt: "currency" }),
    ...figure(4, "Formula turned on, all schools", { v: $(t.turnedOn), fmt: "currency" }),
    ...figure(5, "Schools that would gain", { v: t.gainers, fmt: "integer" }),
    { r: 5, c: 2, v: $(t.gain), fmt: "currency" },
    ...figure(6, "Schools that would give up money", { v: t.losers, fmt: "integer" }),
    { r: 6, c: 2, v: $(-t.loss), fmt: "currency" },
  ];
  const table: PlanTable = {
    name: "ShadowNotice",
    r: 8,
    c: 0,
    headers: ["School ID", "School Name", "Students", "Budget This Year", "With Formula Turned On", "Gap", "Gap %", "Per Pupil", "Per Pupil Turned On", "Rule Applied"],
    rows: n.rows.map((r) => [
      r.id,
      r.name,
      r.students,
      $(r.total),
      $(r.turnedOn),
      $(r.gap),
      r.gapShare === null ? null : Math.round(r.gapShare * 10000) / 10000,
      $(Math.round(r.perPupil)),
      $(Math.round(r.perPupilOn)),
      r.adjustment ?? "",
    ]),
    formats: ["text", "text", "integer", "currency", "currency", "currency", "percent1", "currency", "currency", "text"],
    totals: [2, 3, 4, 5],
  };
  const chart: PlanChart = {
    kind: "barClustered",
    title: "Gap with the formula turned on, by school",
    series: [{ name: "Gap", values: columnRange(table, 5), categories: columnRange(table, 1) }],
    xTitle: "Dollars",
    at: { r: 0, c: 11, width: 8, height: Math.min(40, Math.max(16, n.rows.length)) },
  };
  return {
    name: opts.name ?? SHADOW_SHEET,
    role: "shadow-notice",
    cells,
    tables: [table],
    charts: n.rows.length ? [chart] : [],
    widths: { 0: 34, 1: 32, 2: 10, 3: 18, 4: 22, 5: 16, 6: 10, 7: 12, 8: 18, 9: 16 },
    freeze: { rows: 9, cols: 2 },
    tabColor: "7030A0",
  };
}
