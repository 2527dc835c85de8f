/**
 * Sheet plans for the multi-year plan: "Plan Summary" (one row per year, with charts), "Plan Schools" (every
 * school's trajectory) and one sheet per plan year (sources that add up to the cent, and every school's budget).
 * Plain data only.
 */
import { conservationBreaks, type MultiYearPlan, type PlanYear } from "../analysis/plan/multiyear";
import { a1 } from "./names";
import { multiYearChart } from "./charts/describe";
import { placeChart } from "./charts/native";
import type { PlanCell, PlanChart, PlanTable, PlanValue, SheetPlan } from "./plan";
import { columnRange, dollars, figure } from "./sheetParts";
import { planWarningText } from "../words/plan";

const TEAL = "00796B";
const $ = dollars;

export const PLAN_SUMMARY_SHEET = "Plan Summary";
export const PLAN_SCHOOLS_SHEET = "Plan Schools";

/** Sheet name of a plan year: "Plan 2027-28" or "Plan Year 2". */
export function yearSheetName(y: PlanYear): string {
  return `Plan ${y.label}`;
}

export function multiYearPlans(plan: MultiYearPlan): SheetPlan[] {
  return [planSummaryPlan(plan), planSchoolsPlan(plan), ...plan.years.map((y) => planYearPlan(y))];
}

export function planSummaryPlan(plan: MultiYearPlan): SheetPlan {
  const n = plan.years.length;
  const first = plan.years[0];
  const last = plan.years[n - 1];
  const on = plan.triggerYear === null ? "not within the plan" : plan.years[plan.triggerYear - 1]?.label ?? `year ${plan.triggerYear}`;
  const cells: PlanCell[] = [
    { r: 0, c: 0, v: `Multi-year plan: ${n} year${n === 1 ? "" : "s"}${first ? ` (${first.label} to ${last.label})` : ""}`, style: "title" },
    {
      r: 1,
      c: 0,
      v: "Each year is a full allocation of that year's projected enrollment and revenue, so every source adds up to the cent each year. Current Budget of a year = the plan's total for the year before.",
      style: "note",
    },
    ...figure(3, "Revenue trigger (unlocked pool)", plan.trigger === null ? { v: "None: weights on from year 1" } : { v: $(plan.trigger), fmt: "currency" }),
    ...figure(4, "Weights turn on in", { v: plan.trigger === null ? first?.label ?? "" : on }),
    ...figure(5, "Target weights reached in", { v: plan.hasTargets ? (plan.years[plan.targetYear - 1]?.label ?? `plan year ${plan.targetYear}`) : "No Target Weight given" }),
  ];
  const rows: PlanValue[][] = plan.years.map((y) => {
    const t = y.allocation.totals;
    return [
      y.year,
      y.label,
      y.students,
      $(t.revenue),
      $(y.unlockedPool),
      y.turnedOn ? "Yes" : "No",
      y.holdHarmless,
      y.weightProgress,
      $(t.central - t.surplus),
      $(t.surplus),
      $(t.schools),
      y.students > 0 ? Math.round(t.schools / y.students) / 100 : 0,
      conservationBreaks(y.allocation).length === 0 ? "Yes" : "No",
    ];
  });
  const table: PlanTable = {
    name: "PlanYears",
    r: 7,
    c: 0,
    headers: ["Year", "Fiscal Year", "Students", "Revenue", "Unlocked Pool", "Weights On", "Hold Harmless", "Toward Target Weights", "Held Centrally", "Surplus", "To Schools", "Per Pupil", "Adds Up to the Cent"],
    rows,
    formats: ["integer", "text", "integer", "currency", "currency", "text", "percent1", "percent", "currency", "currency", "currency", "currency", "text"],
  };
  let r = 7 + Math.max(1, rows.length) + 2;
  if (plan.warnings.length) {
    cells.push({ r: r++, c: 0, v: "Notes", style: "subtitle" });
    for (const w of plan.warnings) cells.push({ r: r++, c: 0, v: planWarningText(w), style: "note" });
  }
  // Trajectories from their chart description: the data under the notes, the charts beside it.
  const desc = multiYearChart(plan);
  const placed = desc && n ? placeChart(desc, r + 1, 0, { r: r + 1, c: desc.columns.length + 1, width: 7, height: 18 }) : null;
  const charts: PlanChart[] = n
    ? [
        ...(placed?.chart ? [placed.chart] : []),
        {
          kind: "columnStacked",
          title: "Revenue by year: to schools and held centrally",
          series: [
            { name: "To schools", values: columnRange(table, 10), categories: columnRange(table, 1) },
            { name: "Held centrally", values: columnRange(table, 8), categories: columnRange(table, 1) },
          ],
          yTitle: "Dollars",
          at: { r: r + 1, c: (desc?.columns.length ?? 0) + 9, width: 7, height: 18 },
        },
      ]
    : [];
  return {
    name: PLAN_SUMMARY_SHEET,
    role: "plan-summary",
    cells,
    tables: placed ? [table, placed.table] : [table],
    charts,
    widths: { 0: 34, 1: 22, 2: 12, 3: 18, 4: 18, 5: 11, 6: 14, 7: 14, 8: 18, 9: 12, 10: 18, 11: 12, 12: 12 },
    tabColor: TEAL,
    print: { landscape: true, fitToPage: true },
  };
}

export function planSchoolsPlan(plan: MultiYearPlan): SheetPlan {
  const years = plan.years;
  const n = years.length;
  const cells: PlanCell[] = [
    { r: 0, c: 0, v: "School trajectories", style: "title" },
    { r: 1, c: 0, v: "Each school's budget in every plan year, its change over the plan, and its budget with the formula turned on in the last year.", style: "note" },
  ];
  const headers = ["School ID", "School Name", "Current Budget", ...years.map((y) => y.label), "Change Over Plan", "Change %", `Students ${years[0]?.label ?? ""}`.trim(), `Students ${years[n - 1]?.label ?? ""}`.trim(), "Turned On, Last Year"];
  const rows: PlanValue[][] = plan.schools.map((s) => {
    const firstTotal = s.totals[0] ?? 0;
    const lastTotal = s.totals[n - 1] ?? 0;
    return [
      s.id,
      s.name,
      s.current === null ? null : $(s.current),
      ...s.totals.map($),
      $(lastTotal - firstTotal),
      firstTotal !== 0 ? Math.round(((lastTotal - firstTotal) / firstTotal) * 10000) / 10000 : null,
      s.students[0] ?? 0,
      s.students[n - 1] ?? 0,
      $(s.turnedOn[n - 1] ?? 0),
    ];
  });
  const table: PlanTable = {
    name: "PlanSchools",
    r: 3,
    c: 0,
    headers,
    rows,
    formats: ["text", "text", "currency", ...years.map(() => "currency" as const), "currency", "percent1", "integer", "integer", "currency"],
    totals: [2, ...years.map((_, i) => 3 + i), 3 + n, 5 + n, 6 + n, 7 + n],
  };
  const chart: PlanChart = {
    kind: "barClustered",
    title: "Change over the plan, by school",
    series: [{ name: "Change", values: columnRange(table, 3 + n), categories: columnRange(table, 1) }],
    xTitle: "Dollars",
    at: { r: 0, c: headers.length + 1, width: 8, height: Math.min(40, Math.max(16, rows.length)) },
  };
  return {
    name: PLAN_SCHOOLS_SHEET,
    role: "plan-schools",
    cells,
    tables: [table],
    charts: rows.length && n ? [chart] : [],
    widths: Object.fromEntries(headers.map((h, i) => [i, i === 1 ? 32 : Math.max(12, Math.min(22, h.length + 2))])),
    freeze: { rows: 4, cols: 2 },
    tabColor: TEAL,
  };
}

export function planYearPlan(y: PlanYear): SheetPlan {
  const a = y.allocation;
  const t = a.totals;
  const cells: PlanCell[] = [
    { r: 0, c: 0, v: `Plan year ${y.year}: ${y.label}`, style: "title" },
    {
      r: 1,
      c: 0,
      v: y.turnedOn
        ? "The weights are turned on: the formula decides general money, with this year's floors and caps."
        : "The weights are not turned on yet (revenue trigger): general money follows each school's Current Budget, scaled to the pool. Turned-On shows the formula's amount.",
      style: "note",
    },
    ...figure(3, "Students", { v: y.students, fmt: "integer" }),
    ...figure(4, "Revenue", { v: $(t.revenue), fmt: "currency" }),
    ...figure(5, "To schools", { v: $(t.schools), fmt: "currency", style: "total" }),
    ...figure(6, "Hold harmless", y.holdHarmless === null ? { v: "None" } : { v: y.holdHarmless, fmt: "percent1" }),
    ...figure(7, "Toward target weights", { v: y.weightProgress, fmt: "percent" }),
    { r: 9, c: 0, v: "Sources (each adds up to its amount to the cent)", style: "subtitle" },
  ];
  const sources: PlanTable = {
    name: `PlanY${y.year}Sources`,
    r: 10,
    c: 0,
    headers: ["Source", "Status", "Amount", "Held Centrally", "Surplus", "To Schools"],
    rows: a.sources.map((s) => [s.name, s.status, $(s.amount), $(s.central), $(s.surplus), $(s.toSchools)]),
    formats: ["text", "text", "currency", "currency", "currency", "currency"],
    totals: [2, 3, 4, 5],
  };
  const top = 10 + Math.max(1, a.sources.length) + 4;
  cells.push({ r: top - 1, c: 0, v: "Schools", style: "subtitle" });
  const schools: PlanTable = {
    name: `PlanY${y.year}Schools`,
    r: top,
    c: 0,
    headers: ["School ID", "School Name", "Students", "Budget", "Turned-On Amount", "Last Year", "Change", "Change %", "Per Pupil", "Rule Applied"],
    rows: a.schools.map((s) => [
      s.id,
      s.name,
      s.students,
      $(s.total),
      $(s.turnedOn),
      s.current === null ? null : $(s.current),
      s.current === null ? null : $(s.total - s.current),
      s.current ? Math.round(((s.total - s.current) / s.current) * 10000) / 10000 : null,
      $(Math.round(s.perPupil)),
      s.adjustment ?? "",
    ]),
    formats: ["text", "text", "integer", "currency", "currency", "currency", "currency", "percent1", "currency", "text"],
    totals: [2, 3, 4, 5, 6],
  };
  cells.push(...figure(3, "Weights on", { v: y.turnedOn ? "Yes" : "No", style: y.turnedOn ? "good" : "bad" }, 3));
  cells.push(...figure(4, "Unlocked pool", { v: $(y.unlockedPool), fmt: "currency" }, 3));
  cells.push(...figure(5, "Total check (sources)", { f: `SUM(${a1(11, 5)}:${a1(10 + Math.max(1, a.sources.length), 5)})`, result: $(t.schools), fmt: "currency" }, 3));
  return {
    name: yearSheetName(y),
    role: "plan-year",
    cells,
    tables: [sources, schools],
    charts: [],
    widths: { 0: 34, 1: 32, 2: 14, 3: 22, 4: 18, 5: 16, 6: 14, 7: 10, 8: 12, 9: 16 },
    freeze: { rows: 0, cols: 0 },
    tabColor: TEAL,
  };
}
