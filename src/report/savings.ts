/**
 * Sheet plans for the savings screener: "Savings" (ranked opportunities, impact × ease chart, totals by area and by
 * plan year) and "Funded Priorities" (committed savings linked to the initiatives they pay for). Plain data only.
 */
import { ACTION_LABELS } from "../analysis/aroi/actions";
import { dateText } from "../analysis/plan/fiscal";
import type { Funding } from "../analysis/plan/funding";
import { EASY_FROM, QUADRANTS, type SavingsScreen } from "../analysis/plan/savings";
import { savingsQuadrantText, savingsTimingText } from "../words/plan";
import { savingsChart } from "./charts/describe";
import { placeChart } from "./charts/native";
import type { PlanCell, PlanChart, PlanTable, SheetPlan } from "./plan";
import { columnRange, dollars, figure } from "./sheetParts";
import { wholeDollars } from "../engine/money";

const ORANGE = "C55A11";
const $ = dollars;

export const SAVINGS_SHEET = "Savings";
export const FUNDING_SHEET = "Funded Priorities";

export function savingsPlan(s: SavingsScreen): SheetPlan {
  const cells = savingsSummaryCells(s);
  const ranked = rankedTable(s);
  const live = s.rows.filter((r) => r.rank !== null).length;
  let r = 12 + Math.max(1, s.rows.length) + 3;
  cells.push({ r: r - 1, c: 0, v: "By area", style: "subtitle" });
  const areas = areaTable(s, r);
  r += Math.max(1, s.byArea.length) + 4;
  cells.push({ r: r - 1, c: 0, v: "By plan year (yearly savings available that year, once constraints allow)", style: "subtitle" });
  const years = yearTable(s, r);
  r += Math.max(1, s.byYear.length) + 3;
  cells.push({ r, c: 0, v: `Quadrants: ${QUADRANTS.map(savingsQuadrantText).join(", ")}.`, style: "note" });
  const charts: PlanChart[] = [];
  const tables: PlanTable[] = [ranked, areas, years];
  if (live > 0) addSavingsCharts(s, areas, years, tables, charts);
  return {
    name: SAVINGS_SHEET,
    role: "plan-savings",
    cells,
    tables,
    charts,
    widths: { 0: 44, 1: 44, 2: 34, 3: 14, 4: 14, 5: 14, 6: 8, 7: 14, 8: 16, 9: 12, 10: 13, 11: 10, 12: 50, 13: 30, 14: 12, 15: 24 },
    freeze: { rows: 0, cols: 0 },
    tabColor: ORANGE,
    print: { landscape: true, fitToPage: true },
  };
}

/** The title, the scoring note and the totals at the top of the sheet. */
function savingsSummaryCells(s: SavingsScreen): PlanCell[] {
  const t = s.totals;
  return [
    { r: 0, c: 0, v: "Savings screener: sized and prioritised", style: "title" },
    {
      r: 1,
      c: 0,
      v: `Score = midpoint × Ease ÷ 5. High impact: midpoint ≥ the median (${wholeDollars(s.impactThreshold)}); easy: Ease ${EASY_FROM}-5. A Rigid constraint with a contract end date saves from the fiscal year after it; without an end date it cannot be captured in the plan.`,
      style: "note",
    },
    ...figure(3, "Opportunities (not rejected)", { v: t.count, fmt: "integer" }),
    ...figure(4, "Low estimate", { v: $(t.low), fmt: "currency" }),
    ...figure(5, "High estimate", { v: $(t.high), fmt: "currency" }),
    ...figure(6, "Midpoint", { v: $(t.mid), fmt: "currency", style: "total" }),
    ...figure(7, "Committed (Approved, Funded, Implemented; Low estimate)", { v: $(t.committedLow), fmt: "currency" }),
    ...figure(8, "Not capturable within the plan", { v: t.blocked, fmt: "integer" }),
    ...figure(9, "Rejected", { v: t.rejected, fmt: "integer" }),
    { r: 11, c: 0, v: "Ranked opportunities", style: "subtitle" },
  ];
}

/** The ranked opportunities, one row each. */
function rankedTable(s: SavingsScreen): PlanTable {
  return {
    name: "SavingsRanked",
    r: 12,
    c: 0,
    headers: ["Rank", "Opportunity", "Area", "Low $", "High $", "Midpoint", "Ease", "Score", "Quadrant", "Constraint", "Contract End", "First Year", "Timing", "Owner", "Status", "Funds"],
    rows: s.rows.map((r) => {
      const o = r.opportunity;
      return [
        r.rank,
        o.name,
        o.area,
        $(o.low),
        $(o.high),
        $(r.mid),
        o.ease,
        $(Math.round(r.score)),
        r.quadrant === null ? "" : savingsQuadrantText(r.quadrant),
        o.constraint,
        o.contractEnd === null ? "" : dateText(o.contractEnd),
        r.startYear,
        savingsTimingText(r.timing),
        o.owner,
        o.status,
        o.funds ?? "",
      ];
    }),
    formats: ["integer", "text", "text", "currency", "currency", "currency", "integer", "currency", "text", "text", "text", "integer", "text", "text", "text", "text"],
  };
}

function areaTable(s: SavingsScreen, r: number): PlanTable {
  return {
    name: "SavingsByArea",
    r,
    c: 0,
    headers: ["Area", "Opportunities", "Low $", "High $", "Midpoint", "Committed"],
    rows: s.byArea.map((a) => [a.area, a.count, $(a.low), $(a.high), $(a.mid), $(a.committedLow)]),
    formats: ["text", "integer", "currency", "currency", "currency", "currency"],
    totals: [1, 2, 3, 4, 5],
  };
}

function yearTable(s: SavingsScreen, r: number): PlanTable {
  return {
    name: "SavingsByYear",
    r,
    c: 0,
    headers: ["Year", "Fiscal Year", "Opportunities", "Low $", "High $", "Committed"],
    rows: s.byYear.map((y) => [y.year, y.label, y.count, $(y.low), $(y.high), $(y.committedLow)]),
    formats: ["integer", "text", "integer", "currency", "currency", "currency"],
  };
}

/** The impact × ease chart (its data table added to `tables`), savings by area and savings by plan year. */
function addSavingsCharts(s: SavingsScreen, areas: PlanTable, years: PlanTable, tables: PlanTable[], charts: PlanChart[]): void {
  // Impact × ease from its chart description: its data to the right of the tables, the chart beside it.
  const desc = savingsChart(s);
  const placed = desc && placeChart(desc, 0, 17, { r: 0, c: 17 + desc.columns.length + 1, width: 8, height: 18 });
  if (placed?.chart) {
    tables.push(placed.table);
    charts.push(placed.chart);
  }
  charts.push({
    kind: "barClustered",
    title: "Savings by area (midpoint)",
    series: [{ name: "Midpoint", values: columnRange(areas, 4), categories: columnRange(areas, 0) }],
    xTitle: "Dollars",
    at: { r: 19, c: 23, width: 8, height: 16 },
  });
  charts.push({
    kind: "columnClustered",
    title: "Savings available by plan year",
    series: [
      { name: "Low", values: columnRange(years, 3), categories: columnRange(years, 1) },
      { name: "High", values: columnRange(years, 4), categories: columnRange(years, 1) },
      { name: "Committed", values: columnRange(years, 5), categories: columnRange(years, 1) },
    ],
    yTitle: "Dollars per year",
    at: { r: 36, c: 23, width: 8, height: 16 },
  });
}

export function fundingPlan(f: Funding): SheetPlan {
  const cells: PlanCell[] = [
    { r: 0, c: 0, v: "Funded priorities: what the savings pay for", style: "title" },
    {
      r: 1,
      c: 0,
      v: "Committed savings (Low estimate) pay for the initiative their Funds column names; the rest is shared by the initiatives whose A-ROI action is Expand, in proportion to their cost, buying extra students at today's cost per student.",
      style: "note",
    },
    ...figure(3, "Committed savings", { v: $(f.committed), fmt: "currency", style: "total" }),
    ...figure(4, "Not yet assigned (no expand candidate)", { v: $(f.unassigned), fmt: "currency" }),
    { r: 6, c: 0, v: "Priorities funded", style: "subtitle" },
  ];
  const priorities: PlanTable = {
    name: "FundedPriorities",
    r: 7,
    c: 0,
    headers: ["Initiative", "Strategic Priority", "A-ROI Action", "A-ROI per $1,000", "Current Cost", "Students Served", "Funded by Savings", "Extra Students"],
    rows: f.priorities.map((p) => [p.initiative, p.strategicPriority, ACTION_LABELS[p.action], p.aroi === null ? null : Math.round(p.aroi * 1000 * 10000) / 10000, $(p.total), p.students, $(p.funded), p.extraStudents]),
    formats: ["text", "text", "text", "decimal4", "currency", "integer", "currency", "integer"],
    totals: [6, 7],
  };
  const top = 7 + Math.max(1, f.priorities.length) + 4;
  cells.push({ r: top - 1, c: 0, v: "Links: opportunity → initiative", style: "subtitle" });
  const links: PlanTable = {
    name: "FundingLinks",
    r: top,
    c: 0,
    headers: ["Opportunity", "Initiative", "Amount", "How"],
    rows: f.links.map((l) => [l.opportunity, l.initiative, $(l.amount), l.how === "named" ? "Named in Funds" : "Shared by expand candidates"]),
    formats: ["text", "text", "currency", "text"],
    totals: [2],
  };
  return {
    name: FUNDING_SHEET,
    role: "plan-funding",
    cells,
    tables: [priorities, links],
    charts: [],
    widths: { 0: 44, 1: 30, 2: 26, 3: 16, 4: 16, 5: 14, 6: 18, 7: 14 },
    tabColor: ORANGE,
  };
}
