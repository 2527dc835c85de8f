/**
 * The board pack: one self-contained HTML file (inline CSS, charts as inline SVG, system fonts, no script, no
 * reference to anything outside the file) that prints on Letter and A4. Pure: results in, HTML string out.
 *
 * Sections, each from a new page: cover; the allocation on one page; the funding formula; winners and losers;
 * equity; A-ROI and funded priorities; and, when the workbook has them, the multi-year plan with the shadow notice,
 * and the budget tree and savings.
 */
import { carryOverTotals } from "../../engine/allocate/carryOver";
import type { StatKey } from "../../analysis/equity";
import { equityWordsOf, STAT_LABELS } from "../../words/equity";
import { count, dollars, signedChange } from "../../engine/money";
import { aroiChart, budgetChangeChart, budgetTreeChart, decileChart, equityScatterChart, multiYearChart, savingsChart, sourcesChart, type ChartContext } from "../charts/describe";
import { formatValue } from "../charts/option";
import { chartSvg } from "../charts/svg";
import type { ChartDescription } from "../charts/types";
import type { BoardPackInput } from "./input";

/** Chart width in CSS pixels: fits the printable width of both Letter and A4 (about 680 px) at 100%. */
export const BOARD_CHART_WIDTH = 660;

export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
const esc = escapeHtml;

/** Inline SVG needs no namespace declarations inside HTML; dropping them leaves no URL at all in the file. */
export function inlineSvg(svg: string): string {
  return svg.replace(/\s+xmlns(:\w+)?="[^"]*"/g, "").replace(/\s+(version|baseProfile)="[^"]*"/g, "");
}

const STYLE = `
@page { margin: 14mm 12mm 16mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: -apple-system, "Segoe UI", system-ui, Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 10.5pt; line-height: 1.4; color: #1b1b1b; background: #fff; }
main { max-width: 760px; margin: 0 auto; padding: 24px 16px; }
@media print { main { max-width: none; padding: 0; } }
section { break-before: page; page-break-before: always; }
section.cover { break-before: auto; page-break-before: auto; padding-top: 18vh; }
h1 { font-size: 26pt; margin: 0 0 8px; }
h2 { font-size: 17pt; margin: 0 0 6px; border-bottom: 2px solid #0f6cbd; padding-bottom: 4px; }
h3 { font-size: 12pt; margin: 16px 0 4px; break-after: avoid; page-break-after: avoid; }
p { margin: 4px 0 8px; }
.lead { font-size: 12pt; color: #424242; }
.muted { color: #555; font-size: 9pt; }
.figures { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8px; margin: 10px 0; }
.figure-box { border: 1px solid #d1d1d1; border-radius: 4px; padding: 6px 8px; break-inside: avoid; }
.figure-box .label { font-size: 8.5pt; color: #555; }
.figure-box .value { font-size: 13pt; font-weight: 600; white-space: nowrap; font-variant-numeric: tabular-nums; }
table { border-collapse: collapse; width: 100%; font-size: 8.8pt; margin: 6px 0 10px; }
thead { display: table-header-group; }
th { text-align: left; font-weight: 600; border-bottom: 1.5px solid #616161; padding: 3px 5px; vertical-align: bottom; }
td { border-bottom: 1px solid #e0e0e0; padding: 2px 5px; vertical-align: top; }
td.n, th.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr { break-inside: avoid; page-break-inside: avoid; }
tfoot td { font-weight: 600; border-top: 1.5px solid #616161; }
.gain { color: #0e700e; } .loss { color: #b10e1c; }
figure { margin: 10px 0 14px; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: 9pt; color: #424242; margin-top: 4px; }
figcaption b { color: #1b1b1b; }
ol.contents { font-size: 12pt; }
.notice { border-left: 4px solid #ca5010; padding: 4px 10px; background: #fdf6f3; }
`;

type Cell = string | number | null;
interface Col {
  header: string;
  /** Right-aligned, never wrapped. */
  num?: boolean;
}

function table(cols: Col[], rows: Cell[][], foot?: Cell[]): string {
  const th = cols.map((c) => `<th${c.num ? ' class="n"' : ""}>${esc(c.header)}</th>`).join("");
  const td = (r: Cell[]) => r.map((v, k) => `<td${cols[k]?.num ? ' class="n"' : ""}>${v === null ? "" : typeof v === "string" && v.startsWith("<span") ? v : esc(String(v))}</td>`).join("");
  const body = rows.map((r) => `<tr>${td(r)}</tr>`).join("\n");
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody>${foot ? `<tfoot><tr>${td(foot)}</tr></tfoot>` : ""}</table>`;
}

function signed(cents: number): string {
  const cls = cents > 0 ? "gain" : cents < 0 ? "loss" : "";
  const text = signedChange(cents, dollars);
  return cls ? `<span class="${cls}">${esc(text)}</span>` : esc(text);
}

function pct(x: number | null, digits = 1): string {
  return x === null || !Number.isFinite(x) ? "" : `${(x * 100).toFixed(digits)}%`;
}

function figureBox(label: string, value: string): string {
  return `<div class="figure-box"><div class="label">${esc(label)}</div><div class="value">${esc(value)}</div></div>`;
}

interface Ctx {
  figure: number;
  charts: string[];
}

function chart(ctx: Ctx, d: ChartDescription | null): string {
  if (!d) return "";
  ctx.figure++;
  ctx.charts.push(d.id);
  const svg = inlineSvg(chartSvg(d, { width: BOARD_CHART_WIDTH }));
  return (
    `<figure role="group" aria-label="${esc(d.title)}">` +
    svg +
    `<figcaption><b>Figure ${ctx.figure}. ${esc(d.title)}.</b> ${esc(d.caption)} <i>Source: ${esc(d.source)}</i></figcaption></figure>`
  );
}

/** The data a chart plots, as a table (for charts whose figures are not already in a table of the section). */
function chartTable(d: ChartDescription | null, cols?: number[]): string {
  if (!d) return "";
  const which = cols ?? d.columns.map((_, k) => k);
  return table(
    which.map((k) => ({ header: d.columns[k].header, num: d.columns[k].format !== "text" })),
    d.rows.map((r) => which.map((k) => formatValue(r[k], d.columns[k].format))),
  );
}

export interface BoardPack {
  html: string;
  /** Section headings in order (the cover's title first). */
  sections: string[];
  /** Ids of the charts drawn, in order. */
  charts: string[];
}

type Section = { id: string; title: string; body: string };

/** What every section is drawn with: the input, the figure numbering and the charts' source wording. */
interface Pack {
  input: BoardPackInput;
  ctx: Ctx;
  chartCtx: ChartContext;
  students: number;
}

/** The allocation on one page. */
function allocationSection({ input, ctx, chartCtx, students }: Pack): Section {
  const a = input.allocation;
  const t = a.totals;
  const body =
    `<p class="lead">${esc(dollars(t.revenue))} of revenue from ${a.sources.length} sources: ${esc(dollars(t.central))} is held centrally and ` +
    `${esc(dollars(t.schools))} goes to ${a.schools.length} schools (${esc(count(students))} students)` +
    (t.surplus ? `; ${esc(dollars(t.surplus))} is surplus` : "") +
    `.</p><div class="figures">` +
    figureBox("Revenue pool", dollars(t.revenue)) +
    figureBox("Held centrally", dollars(t.central)) +
    figureBox("To schools", dollars(t.schools)) +
    figureBox("Schools", count(a.schools.length)) +
    figureBox("Students", count(students)) +
    figureBox("Per pupil (schools)", students ? dollars(Math.round(t.schools / students)) : "") +
    `</div>` +
    table(
      [{ header: "Source" }, { header: "Status" }, { header: "Amount", num: true }, { header: "Held centrally", num: true }, { header: "Surplus", num: true }, { header: "To schools", num: true }],
      a.sources.map((s) => [s.name, `${s.status}${s.restricted ? ", restricted" : ""}`, dollars(s.amount), dollars(s.central), dollars(s.surplus), dollars(s.toSchools)]),
      ["Total", "", dollars(t.revenue), dollars(t.central), dollars(t.surplus), dollars(t.schools)],
    ) +
    (t.unfunded ? `<p class="notice">${esc(dollars(t.unfunded))} of formula cost is not covered by any source (unfunded).</p>` : "") +
    chart(ctx, sourcesChart(a, chartCtx));
  return { id: "allocation", title: "The allocation", body };
}

/** The funding formula: $ per pupil and weights by level and category. */
function formulaSection({ input }: Pack): Section {
  const a = input.allocation;
  const m = a.matrix;
  const cats = m.categories;
  const body =
    `<p>Every school receives, for each student, the base amount of the student's level plus the amount of each need the student has. ` +
    `The same rates apply to every school; a school's budget is its counts × these rates, plus any adjustment shown on its own line.</p>` +
    `<h3>$ per pupil by level and category</h3>` +
    table([{ header: "Level" }, ...cats.map((c) => ({ header: c, num: true }))], m.levels.map((l, i) => [l, ...m.perPupil[i].map((v) => dollars(Math.round(v)))])) +
    `<h3>Weights (relative to the ${esc(m.levels[0] ?? "first")} base)</h3>` +
    table([{ header: "Level" }, ...cats.map((c) => ({ header: c, num: true }))], m.levels.map((l, i) => [l, ...m.weights[i].map((w) => w.toFixed(2))])) +
    `<p class="muted">Rates are for a school eligible for every source; grants limited to some schools are included at their rate for the eligible schools.</p>`;
  return { id: "formula", title: "The funding formula", body };
}

/** Winners and losers against the current budgets. */
function winnersSection({ input, ctx, chartCtx }: Pack): Section {
  const a = input.allocation;
  const withCurrent = a.schools.filter((s) => s.current !== null);
  const change = budgetChangeChart(a, chartCtx);
  let body: string;
  if (!change) body = `<p>No school has a current budget in the Schools table, so there is no change to show.</p>`;
  else {
    const gains = withCurrent.filter((s) => s.total > (s.current as number));
    const losses = withCurrent.filter((s) => s.total < (s.current as number));
    const sum = (xs: typeof withCurrent) => xs.reduce((t, s) => t + s.total - (s.current as number), 0);
    const sorted = [...withCurrent].sort((x, y) => y.total - (y.current as number) - (x.total - (x.current as number)) || x.name.localeCompare(y.name));
    // The schools' own balances from last year, beside (never inside) the new budget.
    const carried = carryOverTotals(a.schools);
    const carriedHeaders = carried ? [{ header: "Carried", num: true }, { header: "Available", num: true }] : [];
    body =
      `<p class="lead">${gains.length} schools gain ${esc(dollars(sum(gains)))} in all; ${losses.length} schools lose ${esc(dollars(-sum(losses)))} in all, against their current budgets.</p>` +
      (carried
        ? `<p>Carried from the prior year (the schools' own balances, not part of the new budgets): ${signed(carried.surplus)} of surplus at ${carried.schoolsInSurplus} schools and ${signed(carried.deficit)} of deficit at ${carried.schoolsInDeficit} schools. Available = new budget + carried.</p>`
        : "") +
      chart(ctx, change) +
      `<h3>Every school, largest gain first</h3>` +
      table(
        [{ header: "School" }, { header: "Students", num: true }, { header: "Current", num: true }, { header: "New budget", num: true }, { header: "Change", num: true }, { header: "Change %", num: true }, { header: "Floor or cap" }, ...carriedHeaders],
        sorted.map((s) => [
          s.name,
          count(s.students),
          dollars(s.current as number),
          dollars(s.total),
          signed(s.total - (s.current as number)),
          s.current ? pct((s.total - (s.current as number)) / (s.current as number)) : "",
          s.adjustment ?? "",
          ...(carried ? [s.carryOver === null ? "" : signed(s.carryOver), s.available === null ? "" : dollars(s.available)] : []),
        ]),
      );
  }
  return { id: "winners", title: "Winners and losers", body };
}

/** Equity: the statistics in words, the charts and the table. */
function equitySection({ input, ctx, chartCtx }: Pack): Section | null {
  if (!input.equity) return null;
  const e = input.equity;
  const keys: StatKey[] = ["mean", "median", "min", "max", "restrictedRange", "frr", "cv", "mcloone", "verstegen", "gini", "slope", "r2"];
  const money = new Set<StatKey>(["mean", "median", "min", "max", "restrictedRange", "slope"]);
  const show = (k: StatKey, v: number | null) => (v === null ? "—" : money.has(k) ? dollars(Math.round(v)) : k === "cv" || k === "frr" ? pct(v) : v.toFixed(3));
  const label = (k: StatKey) => (k === "slope" ? `Slope: $ per pupil per point of ${e.povertyNeed ?? "poverty"}` : k === "r2" ? `R² of the ${e.povertyNeed ?? "poverty"} line` : STAT_LABELS[k]);
  const body =
    `<h3>What the statistics say</h3>` +
    [...equityWordsOf(e).horizontal, ...equityWordsOf(e).vertical].map((w) => `<p>${esc(w)}</p>`).join("") +
    chart(ctx, equityScatterChart(e, chartCtx)) +
    chart(ctx, decileChart(e, chartCtx)) +
    `<h3>Equity statistics of $ per pupil (${e.schools.length} schools)</h3>` +
    table(
      [{ header: "Statistic" }, { header: "Pupil-weighted", num: true }, { header: "Unweighted", num: true }],
      keys.map((k) => [label(k), show(k, e.pupilWeighted[k]), show(k, e.unweighted[k])]),
    ) +
    `<p class="muted">Pupil-weighted: every pupil counts once (the district's view); unweighted: every school counts once. Money statistics are dollars per pupil.</p>` +
    `<h3>$ per pupil by decile</h3>` +
    chartTable(decileChart(e, chartCtx));
  return { id: "equity", title: "Equity", body };
}

/** A-ROI and funded priorities. */
function aroiSection({ input, ctx, chartCtx }: Pack): Section | null {
  if (!input.aroi) return null;
  const r = input.aroi;
  const ranked = r.results.filter((x) => x.rank !== null);
  const funding = input.planning?.funding ?? null;
  const body =
    `<p class="lead">${r.results.length} initiatives cost ${esc(dollars(r.totals.cost))} and serve ${esc(count(r.totals.students))} students; ${r.totals.withAroi} have the outcome data for an academic return on investment (A-ROI, ${esc(r.unit)} × students per dollar).</p>` +
    chart(ctx, aroiChart(r, chartCtx)) +
    `<h3>Initiatives ranked by A-ROI</h3>` +
    table(
      [{ header: "Rank", num: true }, { header: "Initiative" }, { header: "Cost", num: true }, { header: "Students", num: true }, { header: "A-ROI per $1,000", num: true }, { header: "Action" }],
      ranked.map((x) => [x.rank, x.name, dollars(x.cost.total), count(x.students), x.per1000 === null ? "" : x.per1000.toPrecision(3), x.action]),
    ) +
    (r.results.length > ranked.length ? `<p class="muted">Without an A-ROI (no outcome data or no cost): ${esc(r.results.filter((x) => x.rank === null).map((x) => x.name).join(", "))}.</p>` : "") +
    (funding && funding.priorities.length
      ? `<h3>Funded priorities</h3><p>Committed savings of ${esc(dollars(funding.committed))} pay for these initiatives:</p>` +
        table(
          [{ header: "Initiative" }, { header: "Priority" }, { header: "Funded", num: true }, { header: "More students", num: true }],
          funding.priorities.map((p) => [p.initiative, p.strategicPriority, dollars(p.funded), count(p.extraStudents)]),
        )
      : "");
  return { id: "aroi", title: "A-ROI and funded priorities", body };
}

/** The multi-year plan and the shadow notice. */
function planSection({ input, ctx, chartCtx }: Pack): Section | null {
  const pl = input.planning;
  if (!pl || !input.hasPlan) return null;
  const plan = pl.plan;
  let body =
    chart(ctx, multiYearChart(plan, chartCtx)) +
    table(
      [{ header: "Year" }, { header: "Students", num: true }, { header: "Revenue", num: true }, { header: "Unlocked pool", num: true }, { header: "To schools", num: true }, { header: "Weights" }, { header: "Hold harmless", num: true }],
      plan.years.map((y) => [y.label, count(y.students), dollars(y.allocation.totals.revenue), dollars(y.unlockedPool), dollars(y.allocation.totals.schools), y.turnedOn ? "on" : "off", y.holdHarmless === null ? "none" : pct(y.holdHarmless)]),
    );
  if (plan.trigger !== null)
    body += `<p>Revenue trigger ${esc(dollars(plan.trigger))}: the weights turn on ${plan.triggerYear === null ? "not within the plan" : `in ${esc(plan.years[plan.triggerYear - 1]?.label ?? "")}`}.</p>`;
  if (pl.shadow) {
    const s = pl.shadow;
    const moved = s.rows.filter((x) => x.gap !== 0).sort((x, y) => y.gap - x.gap || x.name.localeCompare(y.name));
    body +=
      `<h3>Shadow notice</h3><p class="notice">With the formula turned on this year, ${s.totals.gainers} schools would gain ${esc(dollars(s.totals.gain))} and ${s.totals.losers} would give up ${esc(dollars(Math.abs(s.totals.loss)))}.</p>` +
      (moved.length
        ? table(
            [{ header: "School" }, { header: "This year", num: true }, { header: "Formula turned on", num: true }, { header: "Difference", num: true }],
            moved.map((x) => [x.name, dollars(x.total), dollars(x.turnedOn), signed(x.gap)]),
          )
        : "");
  }
  return { id: "plan", title: "Multi-year plan", body };
}

/** The budget tree and the savings opportunities. */
function spendingSection({ input, ctx, chartCtx }: Pack): Section | null {
  const pl = input.planning;
  if (!pl || !(pl.tree || pl.savings)) return null;
  let body = "";
  if (pl.tree) {
    body += `<p>${esc(dollars(pl.tree.amount))} of spending in ${pl.tree.lines} budget lines: ${esc(dollars(pl.tree.central))} central, ${esc(dollars(pl.tree.schools))} in schools.</p>`;
    body += chart(ctx, budgetTreeChart(pl.tree, chartCtx));
    body += table(
      [{ header: "Area" }, { header: "Amount", num: true }, { header: "Central", num: true }, { header: "Schools", num: true }, { header: "Share", num: true }],
      pl.tree.areas.map((x) => [x.name, dollars(x.amount), dollars(x.central), dollars(x.schools), pl.tree && pl.tree.amount ? pct(x.amount / pl.tree.amount) : ""]),
    );
  }
  if (pl.savings) {
    const sv = pl.savings;
    body += `<h3>Savings opportunities</h3><p>${sv.totals.count} opportunities: ${esc(dollars(sv.totals.low))} to ${esc(dollars(sv.totals.high))} a year (midpoint ${esc(dollars(sv.totals.mid))}); committed ${esc(dollars(sv.totals.committedLow))}.</p>`;
    body += chart(ctx, savingsChart(sv, chartCtx));
    body += chartTable(savingsChart(sv, chartCtx), [4, 0, 1, 2, 3]);
  }
  return { id: "spending", title: "Budget tree and savings", body };
}

/** The board pack of one district's results. */
export function buildBoardPack(input: BoardPackInput): BoardPack {
  const a = input.allocation;
  const pack: Pack = { input, ctx: { figure: 0, charts: [] }, chartCtx: { workbook: input.workbook }, students: a.schools.reduce((s, x) => s + x.students, 0) };
  // In this order: the figures are numbered as they are drawn.
  const sections: Section[] = [];
  for (const section of [allocationSection, formulaSection, winnersSection, equitySection, aroiSection, planSection, spendingSection]) {
    const s = section(pack);
    if (s) sections.push(s);
  }
  const ctx = pack.ctx;
  const title = `${input.district}: school budgets${input.budgetYear ? ` ${input.budgetYear}` : ""}`;
  const cover =
    `<section class="cover" id="cover"><h1>${esc(input.district)}</h1>` +
    `<p class="lead">Board pack: school budgets${input.budgetYear ? ` for ${esc(input.budgetYear)}` : ""}</p>` +
    `<p>Prepared ${esc(input.date)} from ${esc(input.workbook)}.</p>` +
    `<h3>Contents</h3><ol class="contents">${sections.map((s) => `<li>${esc(s.title)}</li>`).join("")}</ol>` +
    `<p class="muted">Every figure comes from the district workbook through the same engine as the Excel add-in and the school calculators; amounts are in US dollars.</p></section>`;
  const html =
    `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${esc(title)}</title><style>${STYLE}</style></head><body><main>\n${cover}\n` +
    sections.map((s) => `<section id="${s.id}"><h2>${esc(s.title)}</h2>\n${s.body}\n</section>`).join("\n") +
    `\n</main></body></html>\n`;
  return { html, sections: sections.map((s) => s.title), charts: ctx.charts };
}
