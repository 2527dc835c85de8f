/** The comparison sheet: per school totals under two scenarios, the change in $ and %, and a chart of changes. */
import type { Comparison } from "../engine/compare";
import type { PlanCell, PlanChart, PlanValue, SheetPlan } from "./plan";
import { a1, excelName } from "./names";

/** 0-based row of the comparison table's header. */
export const COMPARISON_HEADER_ROW = 4;

const dollars = (c: number | null): number | null => (c === null ? null : c / 100);

function note(side: Comparison["schools"][number]["side"], nameA: string, nameB: string): string {
  if (side === "onlyA") return `Only in ${nameA}`;
  if (side === "onlyB") return `Only in ${nameB}`;
  return "";
}

export function comparisonPlan(nameA: string, nameB: string, cmp: Comparison): SheetPlan {
  const headers = ["School ID", "School", `A: ${nameA}`, `B: ${nameB}`, "Change $", "Change %", "Note"];
  const rows: PlanValue[][] = cmp.schools.map((s) => [
    s.id,
    s.name,
    dollars(s.a),
    dollars(s.b),
    dollars(s.delta),
    s.deltaPct,
    note(s.side, nameA, nameB),
  ]);
  const first = COMPARISON_HEADER_ROW + 1;
  const cells: PlanCell[] = [
    { r: 0, c: 0, v: `Scenario comparison: ${nameA} vs ${nameB}`, style: "title" },
    { r: 1, c: 0, v: "Each school's total under A and under B; change = B − A, in % of A.", style: "note" },
    {
      r: 2,
      c: 0,
      v: `Gainers: ${cmp.gainers}   Losers: ${cmp.losers}   Unchanged: ${cmp.unchanged}` +
        (cmp.onlyA + cmp.onlyB > 0 ? `   On one side only: ${cmp.onlyA + cmp.onlyB}` : ""),
      style: "subtitle",
    },
  ];
  // Gainers green, losers red: the same value and format, with a style.
  cmp.schools.forEach((s, k) => {
    if (s.delta === null || s.delta === 0) return;
    const style = s.delta > 0 ? "good" : "bad";
    cells.push({ r: first + k, c: 4, v: dollars(s.delta), fmt: "currency", style });
    if (s.deltaPct !== null) cells.push({ r: first + k, c: 5, v: s.deltaPct, fmt: "percent1", style });
  });
  const charts: PlanChart[] = [];
  const inBoth = cmp.schools.filter((s) => s.side === "both").length;
  if (inBoth > 0) {
    // Schools in both come first, so the chart's range is contiguous.
    const last = first + inBoth - 1;
    charts.push({
      kind: "columnClustered",
      title: "Change by school (B − A)",
      series: [{ name: "Change $", values: `${a1(first, 4)}:${a1(last, 4)}`, categories: `${a1(first, 1)}:${a1(last, 1)}` }],
      xTitle: "School",
      yTitle: "Change ($)",
      at: { r: COMPARISON_HEADER_ROW, c: headers.length + 1, width: 8, height: 18 },
    });
  }
  return {
    name: `Compare ${nameA} vs ${nameB}`,
    role: "comparison",
    cells,
    tables: [
      {
        name: excelName(`Compare_${nameA}_${nameB}`),
        r: COMPARISON_HEADER_ROW,
        c: 0,
        headers,
        rows,
        formats: ["text", "text", "currency", "currency", "currency", "percent1", "text"],
        totals: [2, 3, 4],
      },
    ],
    charts,
    widths: { 0: 12, 1: 28, 2: 16, 3: 16, 4: 14, 5: 10, 6: 20 },
    freeze: { rows: COMPARISON_HEADER_ROW + 1, cols: 2 },
    tabColor: "8764B8",
    print: { landscape: true, fitToPage: true },
  };
}
