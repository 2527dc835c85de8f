/**
 * Sheet plans for the budget tree and its cost drivers: "Budget Tree" (the drill-down area → function → object,
 * central vs schools, with a treemap that falls back to stacked bars) and "Cost Drivers" (cost per student, students
 * per FTE and cost per FTE by area and by school). Plain data only.
 */
import type { CostDrivers } from "../analysis/plan/drivers";
import { treeLeaves, type BudgetTree } from "../analysis/plan/tree";
import { budgetTreeChart } from "./charts/describe";
import { chartDataTable, nativeChart } from "./charts/native";
import type { PlanCell, PlanChart, PlanTable, PlanValue, SheetPlan } from "./plan";
import { columnRange, dollars, figure } from "./sheetParts";

const GREEN = "2E7D32";
const $ = dollars;
const money = (cents: number | null): number | null => (cents === null ? null : $(Math.round(cents)));
const ratio2 = (x: number | null): number | null => (x === null ? null : Math.round(x * 100) / 100);

export const BUDGET_TREE_SHEET = "Budget Tree";
export const COST_DRIVERS_SHEET = "Cost Drivers";

export { columnRange };

export function budgetTreePlan(tree: BudgetTree): SheetPlan {
  const cells: PlanCell[] = [
    { r: 0, c: 0, v: "Budget tree: where every dollar goes", style: "title" },
    { r: 1, c: 0, v: "From the Budget Lines table: spending by area, function and object, central vs schools. Each level adds up to the level above it.", style: "note" },
    ...figure(3, "Total spending", { v: $(tree.amount), fmt: "currency", style: "total" }),
    ...figure(4, "Central", { v: $(tree.central), fmt: "currency" }),
    { r: 4, c: 2, v: tree.amount > 0 ? tree.central / tree.amount : 0, fmt: "percent1" },
    ...figure(5, "Schools", { v: $(tree.schools), fmt: "currency" }),
    { r: 5, c: 2, v: tree.amount > 0 ? tree.schools / tree.amount : 0, fmt: "percent1" },
    ...figure(6, "FTE", { v: tree.fte, fmt: "decimal2" }),
    ...figure(7, "Budget lines", { v: tree.lines, fmt: "integer" }),
  ];
  const share = (x: number) => (tree.amount > 0 ? x / tree.amount : 0);
  const drill: PlanValue[][] = [];
  for (const a of tree.areas) {
    drill.push(["Area", a.name, "", "", $(a.amount), $(a.central), $(a.schools), a.fte, share(a.amount)]);
    for (const f of a.children) {
      drill.push(["Function", a.name, f.name, "", $(f.amount), $(f.central), $(f.schools), f.fte, share(f.amount)]);
      for (const o of f.children) drill.push(["Object", a.name, f.name, o.name, $(o.amount), $(o.central), $(o.schools), o.fte, share(o.amount)]);
    }
  }
  cells.push({ r: 9, c: 0, v: "Drill-down (filter the Level column to see one level)", style: "subtitle" });
  const drillTable: PlanTable = {
    name: "BudgetTreeDrill",
    r: 10,
    c: 0,
    headers: ["Level", "Area", "Function", "Object", "Amount", "Central", "Schools", "FTE", "Share of Total"],
    rows: drill,
    formats: [undefined, undefined, undefined, undefined, "currency", "currency", "currency", "decimal2", "percent1"],
  };
  // Chart data to the right of the drill-down: the leaves (treemap) and the areas (stacked-bar fallback).
  const leaves = treeLeaves(tree);
  const desc = budgetTreeChart(tree);
  const leafTable: PlanTable = desc
    ? chartDataTable(desc, 10, 10, "BudgetTreeLeaves")
    : { name: "BudgetTreeLeaves", r: 10, c: 10, headers: ["Area", "Function", "Object", "Amount"], rows: [], formats: [undefined, undefined, undefined, "currency"] };
  const areaTop = 10 + Math.max(1, leaves.length) + 3;
  cells.push({ r: areaTop - 1, c: 10, v: "By area: central vs schools", style: "subtitle" });
  const areaTable: PlanTable = {
    name: "BudgetTreeAreas",
    r: areaTop,
    c: 10,
    headers: ["Area", "Central", "Schools", "Amount"],
    rows: tree.areas.map((a) => [a.name, $(a.central), $(a.schools), $(a.amount)]),
    formats: [undefined, "currency", "currency", "currency"],
    totals: [1, 2, 3],
  };
  const fallback: PlanChart = {
    kind: "barStacked",
    title: "Spending by area: central vs schools",
    series: [
      { name: "Central", values: columnRange(areaTable, 1), categories: columnRange(areaTable, 0) },
      { name: "Schools", values: columnRange(areaTable, 2), categories: columnRange(areaTable, 0) },
    ],
    xTitle: "Dollars",
    at: { r: 0, c: 15, width: 9, height: 20 },
  };
  // The treemap from its chart description (data: the leaves table); without treemaps (ExcelApi 1.9), stacked bars by area.
  const treemap = desc && nativeChart(desc, leafTable, { r: 0, c: 15, width: 9, height: 20 });
  const chart: PlanChart | null = treemap && { ...treemap, fallback };
  return {
    name: BUDGET_TREE_SHEET,
    role: "plan-budget-tree",
    cells,
    tables: [drillTable, leafTable, areaTable],
    charts: chart ? [chart] : [],
    widths: { 0: 26, 1: 24, 2: 30, 3: 26, 4: 16, 5: 16, 6: 16, 7: 10, 8: 12, 10: 24, 11: 30, 12: 26, 13: 16 },
    freeze: { rows: 0, cols: 0 },
    tabColor: GREEN,
    print: { landscape: true, fitToPage: true },
  };
}

export function costDriversPlan(d: CostDrivers): SheetPlan {
  const cells: PlanCell[] = [
    { r: 0, c: 0, v: "Cost drivers", style: "title" },
    {
      r: 1,
      c: 0,
      v: "Cost per student uses the Enrollment students; students per FTE uses the FTE on the Budget Lines (for the area that holds classroom teachers it is students per teacher); cost per FTE counts only lines that carry FTE. n/a: nothing to divide by.",
      style: "note",
    },
    ...figure(3, "Students", { v: d.students, fmt: "integer" }),
    ...figure(4, "Spending per student", d.perStudent === null ? { v: "n/a" } : { v: money(d.perStudent), fmt: "currency" }),
    ...figure(5, "Students per FTE (all staff)", d.studentsPerFte === null ? { v: "n/a" } : { v: ratio2(d.studentsPerFte), fmt: "decimal2" }),
    ...figure(6, "Cost per FTE", d.costPerFte === null ? { v: "n/a" } : { v: money(d.costPerFte), fmt: "currency" }),
    ...figure(7, "Central share of spending", { v: d.centralShare, fmt: "percent1" }),
    { r: 9, c: 0, v: "By area", style: "subtitle" },
  ];
  const areas: PlanTable = {
    name: "CostDriversByArea",
    r: 10,
    c: 0,
    headers: ["Area", "Amount", "Share", "Central", "Schools", "FTE", "Per Student", "Students per FTE", "Cost per FTE"],
    rows: d.byArea.map((a) => [a.area, $(a.amount), a.share, $(a.central), $(a.schools), a.fte, money(a.perStudent), ratio2(a.studentsPerFte), money(a.costPerFte)]),
    formats: [undefined, "currency", "percent1", "currency", "currency", "decimal2", "currency", "decimal2", "currency"],
  };
  const top = 10 + Math.max(1, d.byArea.length) + 3;
  cells.push({ r: top - 1, c: 0, v: "By school (school-based budget lines only)", style: "subtitle" });
  const schools: PlanTable = {
    name: "CostDriversBySchool",
    r: top,
    c: 0,
    headers: ["School ID", "School Name", "Students", "School Lines", "FTE", "Per Student", "Students per FTE"],
    rows: d.bySchool.map((s) => [s.id, s.name, s.students, $(s.amount), s.fte, money(s.perStudent), ratio2(s.studentsPerFte)]),
    formats: ["text", "text", "integer", "currency", "decimal2", "currency", "decimal2"],
  };
  const chart: PlanChart = {
    kind: "barClustered",
    title: "Spending per student by area",
    series: [{ name: "Per student", values: columnRange(areas, 6), categories: columnRange(areas, 0) }],
    xTitle: "Dollars per student",
    at: { r: 0, c: 10, width: 8, height: 18 },
  };
  return {
    name: COST_DRIVERS_SHEET,
    role: "plan-cost-drivers",
    cells,
    tables: [areas, schools],
    charts: d.byArea.length ? [chart] : [],
    widths: { 0: 30, 1: 30, 2: 12, 3: 16, 4: 16, 5: 12, 6: 14, 7: 16, 8: 14 },
    tabColor: GREEN,
  };
}
