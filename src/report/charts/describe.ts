/**
 * The chart descriptions of the studio, built from engine results. Each returns null when there is nothing to plot.
 * Money comes in as integer cents and is plotted in dollars rounded to the cent (the figures the sheets print).
 */
import type { AroiAnalysis } from "../../analysis/aroi";
import type { EquitySummary } from "../../analysis/equity";
import { fitProblemText } from "../../words/equity";
import { dollars, dollarsFromCents } from "../../engine/money";
import type { BudgetTree, MultiYearPlan, SavingsScreen } from "../../analysis/plan";
import type { Allocation } from "../../engine/types";
import type { ChartCell, ChartDescription } from "./types";
import { savingsQuadrantText } from "../../words/plan";

const usd = dollarsFromCents;
const fmtUsd = (d: number) => dollars(Math.round(d * 100));
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** Where the figures come from, in words (the workbook's name when known). */
export interface ChartContext {
  /** e.g. "the Springfield district workbook"; default "the district workbook". */
  workbook?: string;
}

const wb = (ctx: ChartContext) => ctx.workbook ?? "the district workbook";

/** Budget change by school: allocated total − current budget, largest gain first; gains green, losses red. */
export function budgetChangeChart(a: Allocation, ctx: ChartContext = {}): ChartDescription | null {
  const withCurrent = a.schools.filter((s) => s.current !== null);
  if (withCurrent.length === 0) return null;
  const rows: ChartCell[][] = withCurrent
    .map((s) => ({ s, change: s.total - (s.current as number) }))
    .sort((x, y) => y.change - x.change || x.s.name.localeCompare(y.s.name))
    .map(({ s, change }) => [s.name, s.id, usd(change), s.current ? Math.round((change / (s.current as number)) * 10000) / 100 : null]);
  const gains = rows.filter((r) => (r[2] as number) > 0).length;
  const losses = rows.filter((r) => (r[2] as number) < 0).length;
  const top = rows[0];
  const bottom = rows[rows.length - 1];
  const left = a.schools.length - withCurrent.length;
  return {
    id: "BudgetChange",
    kind: "bar",
    title: "Budget change by school",
    caption:
      "Each school's allocated budget minus its current budget, largest gain first: green bars gain, red bars lose." +
      (left ? ` ${plural(left, "school")} without a current budget ${left === 1 ? "is" : "are"} not shown.` : ""),
    source: `Allocation of ${wb(ctx)}: School Budgets, Total − Current Budget (Schools table).`,
    alt:
      `Horizontal bar chart of ${plural(rows.length, "school")}: ${gains} gain, ${losses} lose` +
      (rows.length - gains - losses ? `, ${rows.length - gains - losses} unchanged` : "") +
      `. Largest gain ${fmtUsd(top[2] as number)} (${top[0]}); largest loss or smallest gain ${fmtUsd(bottom[2] as number)} (${bottom[0]}).`,
    columns: [
      { header: "School", format: "text" },
      { header: "School ID", format: "text" },
      { header: "Change $", format: "currency" },
      { header: "Change %", format: "percentPoints" },
    ],
    rows,
    category: 0,
    series: [{ name: "Change vs current budget", mark: "bar", y: 2, tone: "blue", bySign: true }],
    xAxis: { title: "School", format: "text" },
    yAxis: { title: "Change in dollars", format: "currency" },
  };
}

/** Revenue by source: held centrally, surplus and to schools (the allocation on one page). */
export function sourcesChart(a: Allocation, ctx: ChartContext = {}): ChartDescription | null {
  if (a.sources.length === 0) return null;
  const rows: ChartCell[][] = a.sources.map((s) => [s.name, usd(s.central), usd(s.surplus), usd(s.toSchools)]);
  const biggest = [...a.sources].sort((x, y) => y.amount - x.amount)[0];
  return {
    id: "RevenueBySource",
    kind: "bar",
    stacked: true,
    title: "Revenue by source: held centrally and to schools",
    caption: "Each revenue source split into what is held centrally, any surplus, and what reaches schools.",
    source: `Revenue table of ${wb(ctx)}, after the allocation (Summary sheet).`,
    alt:
      `Stacked bars for ${plural(a.sources.length, "revenue source")}: ${dollars(a.totals.revenue)} in all, ${dollars(a.totals.central)} held centrally, ` +
      `${dollars(a.totals.schools)} to schools. The largest source is ${biggest.name} (${dollars(biggest.amount)}).`,
    columns: [
      { header: "Source", format: "text" },
      { header: "Held centrally", format: "currency" },
      { header: "Surplus", format: "currency" },
      { header: "To schools", format: "currency" },
    ],
    rows,
    category: 0,
    series: [
      { name: "Held centrally", mark: "bar", y: 1, tone: "grey" },
      { name: "Surplus", mark: "bar", y: 2, tone: "orange" },
      { name: "To schools", mark: "bar", y: 3, tone: "blue" },
    ],
    xAxis: { title: "Source", format: "text" },
    yAxis: { title: "Dollars", format: "currency" },
  };
}

/**
 * Per-pupil $ against poverty %: every school, the high-EL schools as their own series, and the fitted line of the
 * pupil-weighted regression (its slope is the equity slope the statistics report, $ per pupil per percentage point).
 */
export function equityScatterChart(s: EquitySummary, ctx: ChartContext = {}): ChartDescription | null {
  if (s.povertyNeed === null || s.schools.length === 0) return null;
  const fit = s.regression.simple.pupilWeighted;
  const schools = [...s.schools].sort((x, y) => (x.poverty ?? 0) - (y.poverty ?? 0) || x.id.localeCompare(y.id));
  const hasEl = s.highEl.need !== null && s.highEl.schoolIds.length > 0;
  const rows: ChartCell[][] = schools.map((x) => [
    x.name,
    x.poverty,
    usd(x.perPupil),
    x.highEl ? usd(x.perPupil) : null,
    fit.ok ? usd(fit.intercept + fit.slope * (x.poverty ?? 0)) : null,
    x.students,
  ]);
  const pov = s.povertyNeed;
  const slopeWords = fit.ok
    ? `The fitted line (pupil-weighted) rises ${fmtUsd(fit.slope / 100)} per pupil for each percentage point of ${pov}` +
      (fit.r2 !== null ? ` (R² ${fit.r2.toFixed(2)})` : "") +
      "."
    : `No fitted line: ${fitProblemText(fit.problem)}.`;
  const series: ChartDescription["series"] = [{ name: "Schools", mark: "point", x: 1, y: 2, tone: "blue" }];
  if (hasEl) series.push({ name: `High-EL schools (${s.highEl.need} ≥ ${s.highEl.thresholdPct}%)`, mark: "point", x: 1, y: 3, tone: "orange" });
  if (fit.ok) series.push({ name: "Fitted line (pupil-weighted)", mark: "line", x: 1, y: 4, tone: "fit" });
  const fitted = fit.ok ? fit.slope / 100 : null;
  return {
    id: "EquityScatter",
    kind: "scatter",
    title: `Per-pupil $ against % ${pov}`,
    caption: `Each dot is a school: its dollars per pupil against the share of its students in ${pov}. ${slopeWords}` + (hasEl ? ` High-EL schools are marked separately.` : ""),
    source: `Equity analysis of ${wb(ctx)}: Equity Data (per-pupil $ from the allocation, need shares from Enrollment).`,
    alt:
      `Scatter chart of ${plural(rows.length, "school")}, ${pov} % from ${Math.min(...schools.map((x) => x.poverty ?? 0)).toFixed(1)} to ` +
      `${Math.max(...schools.map((x) => x.poverty ?? 0)).toFixed(1)}. ` +
      (fitted !== null ? `Equity slope ${fmtUsd(fitted)} per pupil per percentage point${fitted > 0 ? ": more money where need is higher" : fitted < 0 ? ": less money where need is higher" : ""}. ` : "") +
      (hasEl ? `${plural(s.highEl.schoolIds.length, "high-EL school")}.` : ""),
    columns: [
      { header: "School", format: "text" },
      { header: `${pov} %`, format: "percentPoints" },
      { header: "$ per pupil", format: "currency" },
      { header: "High-EL $ per pupil", format: "currency" },
      { header: "Fitted $ per pupil", format: "currency" },
      { header: "Students", format: "integer" },
    ],
    rows,
    category: 0,
    series,
    xAxis: { title: `${pov} (% of students)`, format: "percentPoints" },
    yAxis: { title: "$ per pupil", format: "currency" },
  };
}

/** Average $ per pupil by poverty decile, unrestricted and restricted stacked (the guidebook's DBOM decile bars). */
export function decileChart(s: EquitySummary, ctx: ChartContext = {}): ChartDescription | null {
  if (s.povertyNeed === null || s.deciles.length === 0) return null;
  const pov = s.povertyNeed;
  const rows: ChartCell[][] = s.deciles.map((d) => [
    String(d.decile),
    d.unrestrictedPerPupil === null ? null : usd(d.unrestrictedPerPupil),
    d.restrictedPerPupil === null ? null : usd(d.restrictedPerPupil),
    d.perPupil === null ? null : usd(d.perPupil),
    d.students,
  ]);
  const filled = s.deciles.filter((d) => d.perPupil !== null);
  const lo = filled[0];
  const hi = filled[filled.length - 1];
  return {
    id: "PovertyDeciles",
    kind: "column",
    stacked: true,
    title: `$ per pupil by ${pov} decile`,
    caption: `Schools grouped into ten ${pov} deciles of about a tenth of the pupils each, lowest need first; each column is the group's average dollars per pupil, unrestricted below and restricted above.`,
    source: `Equity analysis of ${wb(ctx)}: Poverty Deciles (allocation by source, restricted = restricted or grant sources).`,
    alt:
      `Stacked column chart of ${plural(filled.length, "non-empty decile")}.` +
      (lo && hi ? ` Lowest-need decile ${fmtUsd(usd(lo.perPupil as number))} per pupil, highest-need decile ${fmtUsd(usd(hi.perPupil as number))}.` : ""),
    columns: [
      { header: "Decile", format: "text" },
      { header: "Unrestricted $ per pupil", format: "currency" },
      { header: "Restricted $ per pupil", format: "currency" },
      { header: "Total $ per pupil", format: "currency" },
      { header: "Students", format: "integer" },
    ],
    rows,
    category: 0,
    series: [
      { name: "Unrestricted", mark: "bar", y: 1, tone: "blue" },
      { name: "Restricted", mark: "bar", y: 2, tone: "teal" },
    ],
    xAxis: { title: `${pov} decile (1 = lowest)`, format: "text" },
    yAxis: { title: "$ per pupil", format: "currency" },
  };
}

/** Initiatives with an A-ROI: cost against A-ROI per $1,000, bubble size = students served. */
export function aroiChart(a: AroiAnalysis, ctx: ChartContext = {}): ChartDescription | null {
  const ranked = a.results.filter((r) => r.per1000 !== null);
  if (ranked.length === 0) return null;
  const rows: ChartCell[][] = ranked.map((r) => [r.name, usd(r.cost.total), r.per1000, r.students, r.rank, r.action]);
  const best = ranked[0];
  return {
    id: "AroiBubbles",
    kind: "bubble",
    title: "Initiatives: A-ROI against cost",
    caption: `Each bubble is an initiative with outcome data: its total cost across, its academic return per $1,000 (${a.unit} × students) up, bubble size = students served.`,
    source: `A-ROI analysis of ${wb(ctx)}: Initiatives table (costs, students served, learning gain).`,
    alt:
      `Bubble chart of ${plural(ranked.length, "initiative")} with an A-ROI (of ${a.results.length}). Highest: ${best.name}, ` +
      `${(best.per1000 as number).toPrecision(3)} per $1,000 at a cost of ${dollars(best.cost.total)}.`,
    columns: [
      { header: "Initiative", format: "text" },
      { header: "Total cost $", format: "currency" },
      { header: `A-ROI per $1,000`, format: "decimal" },
      { header: "Students served", format: "integer" },
      { header: "Rank", format: "integer" },
      { header: "Action", format: "text" },
    ],
    rows,
    category: 0,
    series: [{ name: "Initiatives", mark: "point", x: 1, y: 2, size: 3, tone: "purple" }],
    xAxis: { title: "Total cost ($)", format: "currency" },
    yAxis: { title: "A-ROI per $1,000", format: "decimal" },
    sizeLabel: "Students served",
  };
}

/** Savings opportunities: ease against midpoint savings (impact × ease). */
export function savingsChart(s: SavingsScreen, ctx: ChartContext = {}): ChartDescription | null {
  const live = s.rows.filter((r) => r.rank !== null);
  if (live.length === 0) return null;
  const rows: ChartCell[][] = live.map((r) => [r.opportunity.name, r.opportunity.ease, usd(r.mid), r.quadrant === null ? "" : savingsQuadrantText(r.quadrant), r.rank]);
  const quick = live.filter((r) => r.quadrant === "quickWin");
  return {
    id: "SavingsImpactEase",
    kind: "scatter",
    title: "Savings: impact × ease",
    caption: `Each dot is a savings opportunity: how easy it is (1 hard – 5 easy) across, its midpoint yearly savings up. Top right are quick wins (high impact from ${dollars(s.impactThreshold)}, easy).`,
    source: `Savings screener of ${wb(ctx)}: Opportunities table (low and high savings, ease).`,
    alt:
      `Scatter chart of ${plural(live.length, "opportunity", "opportunities")}, ${dollars(s.totals.mid)} midpoint savings in all; ` +
      `${plural(quick.length, "quick win")}${quick.length ? `: ${quick.map((q) => q.opportunity.name).join(", ")}` : ""}.`,
    columns: [
      { header: "Opportunity", format: "text" },
      { header: "Ease (1–5)", format: "integer" },
      { header: "Midpoint savings $", format: "currency" },
      { header: "Quadrant", format: "text" },
      { header: "Rank", format: "integer" },
    ],
    rows,
    category: 0,
    series: [{ name: "Opportunities", mark: "point", x: 1, y: 2, tone: "teal" }],
    xAxis: { title: "Ease (1 hard – 5 easy)", format: "integer" },
    yAxis: { title: "Midpoint savings ($ a year)", format: "currency" },
  };
}

/** Multi-year trajectories: revenue, to schools and held centrally by plan year. */
export function multiYearChart(p: MultiYearPlan, ctx: ChartContext = {}): ChartDescription | null {
  if (p.years.length === 0) return null;
  const rows: ChartCell[][] = p.years.map((y) => [y.label, usd(y.allocation.totals.revenue), usd(y.allocation.totals.schools), usd(y.allocation.totals.central), y.students]);
  const first = p.years[0];
  const last = p.years[p.years.length - 1];
  return {
    id: "MultiYear",
    kind: "line",
    title: "Multi-year plan: revenue and school budgets",
    caption:
      `Projected revenue, the total to schools and the amount held centrally in each plan year.` +
      (p.triggerYear !== null && p.triggerYear > 1 ? ` The weights turn on in ${p.years[p.triggerYear - 1]?.label ?? `year ${p.triggerYear}`}.` : ""),
    source: `Multi-year plan of ${wb(ctx)}: Plan Summary (projections from Policy growth settings and the Projections table).`,
    alt:
      `Line chart over ${plural(p.years.length, "year")}: revenue from ${dollars(first.allocation.totals.revenue)} (${first.label}) to ${dollars(last.allocation.totals.revenue)} (${last.label}); ` +
      `to schools from ${dollars(first.allocation.totals.schools)} to ${dollars(last.allocation.totals.schools)}.`,
    columns: [
      { header: "Year", format: "text" },
      { header: "Revenue", format: "currency" },
      { header: "To schools", format: "currency" },
      { header: "Held centrally", format: "currency" },
      { header: "Students", format: "integer" },
    ],
    rows,
    category: 0,
    series: [
      { name: "Revenue", mark: "line", y: 1, tone: "grey" },
      { name: "To schools", mark: "line", y: 2, tone: "blue" },
      { name: "Held centrally", mark: "line", y: 3, tone: "orange" },
    ],
    xAxis: { title: "Plan year", format: "text" },
    yAxis: { title: "Dollars", format: "currency" },
  };
}

/** The budget tree as a treemap: area → function → object, area sized by spending. */
export function budgetTreeChart(t: BudgetTree, ctx: ChartContext = {}): ChartDescription | null {
  if (t.lines === 0 || t.areas.length === 0) return null;
  const rows: ChartCell[][] = [];
  for (const a of t.areas) for (const f of a.children) for (const o of f.children) rows.push([a.name, f.name, o.name, usd(o.amount)]);
  const top = t.areas[0];
  return {
    id: "BudgetTree",
    kind: "treemap",
    title: "Budget tree: where every dollar goes",
    caption: "Spending by area, then function, then object: each rectangle's area is its share of the budget.",
    source: `Budget Lines table of ${wb(ctx)} (budget tree).`,
    alt:
      `Treemap of ${dollars(t.amount)} over ${plural(t.areas.length, "area")}: ` +
      t.areas
        .slice(0, 4)
        .map((a) => `${a.name} ${dollars(a.amount)} (${t.amount ? Math.round((a.amount / t.amount) * 100) : 0}%)`)
        .join(", ") +
      (t.areas.length > 4 ? ", …" : "") +
      `. The largest area is ${top.name}.`,
    columns: [
      { header: "Area", format: "text" },
      { header: "Function", format: "text" },
      { header: "Object", format: "text" },
      { header: "Amount", format: "currency" },
    ],
    rows,
    category: 2,
    path: [0, 1, 2],
    series: [{ name: "Amount", mark: "bar", y: 3, tone: "blue" }],
    xAxis: { title: "Area → function → object", format: "text" },
    yAxis: { title: "Dollars", format: "currency" },
  };
}
