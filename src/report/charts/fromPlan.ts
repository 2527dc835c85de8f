/**
 * The chart description of a native chart of a sheet plan: the description it was made from when it has one
 * (`nativeChart` keeps it), otherwise one built from the figures its ranges point at on the same plan. The browser
 * preview draws these, so every chart a sheet holds is shown, with the data Excel would plot.
 */
import { decodeA1Range } from "./ranges";
import type { PlanChart, PlanValue, SheetPlan } from "../plan";
import type { ChartCell, ChartDescription, ChartSeriesDescription, Tone, ValueFormat } from "./types";

const TONES: Tone[] = ["blue", "orange", "teal", "purple", "grey", "gain"];

/** Every value the plan puts in a cell, by "row,col" (tables' headers and rows included). */
function cellValues(p: SheetPlan): Map<string, PlanValue> {
  const m = new Map<string, PlanValue>();
  for (const c of p.cells) m.set(`${c.r},${c.c}`, c.v ?? c.result ?? null);
  for (const t of p.tables) {
    t.headers.forEach((h, k) => m.set(`${t.r},${t.c + k}`, h));
    t.rows.forEach((row, i) => row.forEach((v, k) => m.set(`${t.r + 1 + i},${t.c + k}`, v)));
  }
  return m;
}

function column(values: Map<string, PlanValue>, range: string | undefined): PlanValue[] | null {
  const box = range ? decodeA1Range(range) : null;
  if (!box) return null;
  const out: PlanValue[] = [];
  for (let r = box.r1; r <= box.r2; r++) for (let c = box.c1; c <= box.c2; c++) if (c === box.c2) out.push(values.get(`${r},${c}`) ?? null);
  return out;
}

/** Format guess for plotted numbers: money when the axis title says dollars. */
function formatOf(title: string | undefined): ValueFormat {
  return title && /\$|dollar/i.test(title) ? "currency" : "decimal";
}

export function describePlanChart(p: SheetPlan, chart: PlanChart): ChartDescription | null {
  if (chart.description) return chart.description;
  if (chart.kind === "treemap" || chart.kind === "pie" || chart.series.length === 0) return chart.fallback ? describePlanChart(p, { ...chart.fallback, title: chart.title }) : null;
  const values = cellValues(p);
  const scatter = chart.kind === "scatter" || chart.kind === "bubble";
  const cats = column(values, chart.series[0].categories) ?? [];
  const series = chart.series.map((s) => column(values, s.values) ?? []);
  const n = Math.max(0, ...series.map((x) => x.length));
  const num = (v: PlanValue | undefined): ChartCell => (typeof v === "number" && Number.isFinite(v) ? v : null);
  const columns = [{ header: scatter ? chart.xTitle ?? "x" : "Category", format: scatter ? formatOf(chart.xTitle) : ("text" as ValueFormat) }, ...chart.series.map((s) => ({ header: s.name, format: formatOf(chart.yTitle ?? chart.xTitle) }))];
  const rows: ChartCell[][] = [];
  for (let i = 0; i < n; i++) rows.push([scatter ? num(cats[i]) : String(cats[i] ?? ""), ...series.map((x) => num(x[i]))]);
  const kind = chart.kind === "barClustered" || chart.kind === "barStacked" ? "bar" : chart.kind === "columnClustered" || chart.kind === "columnStacked" ? "column" : scatter ? "scatter" : "line";
  const described: ChartSeriesDescription[] = chart.series.map((s, k) => ({
    name: s.name,
    mark: scatter ? (s.line ? "line" : "point") : kind === "line" ? "line" : "bar",
    ...(scatter ? { x: 0 } : {}),
    y: k + 1,
    tone: TONES[k % TONES.length],
  }));
  return {
    id: `Sheet_${chart.title.replace(/\W+/g, "_")}`,
    kind,
    stacked: chart.kind === "barStacked" || chart.kind === "columnStacked",
    title: chart.title,
    caption: `The chart Excel draws on the sheet "${p.name}", from the sheet's own figures.`,
    source: `Sheet "${p.name}".`,
    alt: `${chart.title}: ${chart.series.map((s) => s.name).join(", ")}, ${n} points.`,
    columns,
    rows,
    category: 0,
    series: described,
    xAxis: { title: chart.xTitle ?? "", format: columns[0].format },
    yAxis: { title: chart.yTitle ?? chart.xTitle ?? "", format: formatOf(chart.yTitle ?? chart.xTitle) },
  };
}
