/**
 * Chart descriptions of the stakeholder survey, the readiness inventory and the peer benchmark (see ./types.ts):
 * diverging stacked bars of the answers by component and by role, readiness ratings by area, and a dot plot of the
 * district against its peers by function. Each returns null when there is nothing to plot.
 */
import type { Benchmark } from "../../analysis/benchmark";
import type { OutcomesAnalysis } from "../../analysis/outcomes";
import { fitProblemText } from "../../words/equity";
import { outcomesReadings, studentTypeText } from "../../words/outcomes";
import type { StudentTypes } from "../../analysis/studentTypes";
import type { ReadinessAnalysis } from "../../analysis/readiness";
import type { GroupStats, SurveyAnalysis } from "../../analysis/survey";
import { wholeDollars } from "../../engine/money";
import type { ChartContext } from "./describe";
import type { ChartCell, ChartDescription } from "./types";

const wb = (ctx: ChartContext) => ctx.workbook ?? "the district workbook";
const pts = (x: number) => Math.round(x * 1e6) / 1e4;

/** Shares answering 2, 1 (negative), 3, 4, in percent points; nulls when the group is suppressed. */
function diverging(g: GroupStats): ChartCell[] {
  if (!g.counts || g.n === 0) return [null, null, null, null];
  const [s1, s2, s3, s4] = g.counts.map((c) => c / g.n);
  return [-pts(s2) || 0, -pts(s1) || 0, pts(s3), pts(s4)];
}

function divergingChart(id: string, title: string, label: string, rows: { label: string; g: GroupStats }[], a: SurveyAnalysis, ctx: ChartContext): ChartDescription | null {
  if (rows.length === 0) return null;
  const shown = rows.filter((r) => r.g.agree !== null);
  const best = [...shown].sort((x, y) => (y.g.agree as number) - (x.g.agree as number))[0];
  const worst = [...shown].sort((x, y) => (x.g.agree as number) - (y.g.agree as number))[0];
  const hidden = rows.length - shown.length;
  return {
    id,
    kind: "bar",
    stacked: true,
    title,
    caption:
      `Each bar splits the answers of one ${label} (wave ${a.waves[a.waves.length - 1]}): disagreeing to the left of zero, agreeing to the right. ` +
      (hidden ? `${hidden} group(s) with fewer than ${a.minimumGroup} answers are left blank.` : ""),
    source: `Survey Responses of ${wb(ctx)} (1 strongly disagree … 4 strongly agree).`,
    alt:
      `Diverging stacked bars for ${rows.length} ${label}s.` +
      (best && worst ? ` Most agreement: ${best.label} (${Math.round((best.g.agree as number) * 100)}% agree); least: ${worst.label} (${Math.round((worst.g.agree as number) * 100)}%).` : ""),
    columns: [
      { header: label[0].toUpperCase() + label.slice(1), format: "text" },
      { header: "Disagree", format: "percentPoints" },
      { header: "Strongly disagree", format: "percentPoints" },
      { header: "Agree", format: "percentPoints" },
      { header: "Strongly agree", format: "percentPoints" },
      { header: "Answers", format: "integer" },
    ],
    rows: rows.map((r) => [r.label, ...diverging(r.g), r.g.n]),
    category: 0,
    series: [
      { name: "Disagree", mark: "bar", y: 1, tone: "orange" },
      { name: "Strongly disagree", mark: "bar", y: 2, tone: "loss" },
      { name: "Agree", mark: "bar", y: 3, tone: "teal" },
      { name: "Strongly agree", mark: "bar", y: 4, tone: "gain" },
    ],
    xAxis: { title: label[0].toUpperCase() + label.slice(1), format: "text" },
    yAxis: { title: "Share of answers (disagree left, agree right)", format: "percentPoints" },
  };
}

/** Answers by component in the latest wave, as diverging stacked bars. */
export function surveyComponentChart(a: SurveyAnalysis, ctx: ChartContext = {}): ChartDescription | null {
  const last = a.waves[a.waves.length - 1];
  const rows = a.byComponent.filter((r) => r.wave === last).map((r) => ({ label: r.component, g: r }));
  return divergingChart("SurveyByComponent", `Answers by component, ${last ?? ""}`, "component", rows, a, ctx);
}

/** Answers by role (all components) in the latest wave, as diverging stacked bars. */
export function surveyRoleChart(a: SurveyAnalysis, ctx: ChartContext = {}): ChartDescription | null {
  const last = a.waves[a.waves.length - 1];
  const rows = a.roleTotals.filter((r) => r.wave === last).map((r) => ({ label: r.role, g: r }));
  return divergingChart("SurveyByRole", `Answers by role, ${last ?? ""}`, "role", rows, a, ctx);
}

/** Average readiness rating by area. */
export function readinessChart(r: ReadinessAnalysis, ctx: ChartContext = {}): ChartDescription | null {
  const rated = r.areas.filter((a) => a.mean !== null);
  if (rated.length === 0) return null;
  const low = [...rated].sort((x, y) => (x.mean as number) - (y.mean as number))[0];
  return {
    id: "ReadinessByArea",
    kind: "column",
    title: "Average readiness rating by area (1–4)",
    caption: "The district officials' average rating of the readiness questions in each area: 1 not in place, 4 firmly in place.",
    source: `Readiness table of ${wb(ctx)}.`,
    alt: `Column chart of ${rated.length} areas; the weakest is ${low.area} at ${(low.mean as number).toFixed(1)} of 4.`,
    columns: [
      { header: "Area", format: "text" },
      { header: "Average rating", format: "decimal" },
      { header: "Rated", format: "integer" },
    ],
    rows: r.areas.map((a) => [a.area, a.mean === null ? null : Math.round(a.mean * 100) / 100, a.rated]),
    category: 0,
    series: [{ name: "Average rating", mark: "bar", y: 1, tone: "purple" }],
    xAxis: { title: "Area", format: "text" },
    yAxis: { title: "Average rating (1–4)", format: "decimal" },
  };
}

/** The district's $ per pupil against the peers' 25th percentile, median and 75th percentile, one row per function. */
export function benchmarkDotChart(b: Benchmark, ctx: ChartContext = {}): ChartDescription | null {
  if (b.functions.length === 0) return null;
  const usd = (c: number | null) => (c === null ? null : Math.round(c) / 100);
  const above = b.functions.filter((f) => f.gapPerPupil !== null && f.gapPerPupil > 0).map((f) => f.function);
  return {
    id: "PeerDots",
    kind: "scatter",
    title: "The district against its peers: $ per pupil by function",
    caption: `One row per function (numbered as in the table): the peers' 25th percentile, median and 75th percentile, and the district. ${b.peers} peer districts.`,
    source: `Peers and Budget Lines of ${wb(ctx)}; percentiles as Excel's PERCENTILE.INC over the peer districts.`,
    alt: `Dot plot of ${b.functions.length} functions. Above the peer median: ${above.length ? above.join(", ") : "none"}.`,
    columns: [
      { header: "Function", format: "text" },
      { header: "#", format: "integer" },
      { header: "District", format: "currency" },
      { header: "Peer 25th percentile", format: "currency" },
      { header: "Peer median", format: "currency" },
      { header: "Peer 75th percentile", format: "currency" },
    ],
    rows: b.functions.map((f, i) => [f.function, i + 1, usd(f.perPupil), usd(f.peerP25), usd(f.peerMedian), usd(f.peerP75)]),
    category: 0,
    series: [
      { name: "Peer 25th percentile", mark: "point", x: 3, y: 1, tone: "grey" },
      { name: "Peer median", mark: "point", x: 4, y: 1, tone: "blue" },
      { name: "Peer 75th percentile", mark: "point", x: 5, y: 1, tone: "grey" },
      { name: "District", mark: "point", x: 2, y: 1, tone: "orange" },
    ],
    xAxis: { title: "$ per pupil", format: "currency" },
    yAxis: { title: "Function (# in the table)", format: "integer" },
  };
}

/** One outcome measure against poverty (x = share in points) or against $ per pupil, with the fitted line. */
export function outcomeChart(o: OutcomesAnalysis, against: "poverty" | "perPupil", povertyName: string | null, ctx: ChartContext = {}): ChartDescription | null {
  const fit = against === "poverty" ? o.onPoverty : o.onPerPupil;
  const pts = o.schools.filter((s) => (against === "poverty" ? s.poverty !== null : true));
  if (pts.length === 0) return null;
  const xOf = (s: OutcomesAnalysis["schools"][number]) => (against === "poverty" ? (s.poverty as number) : Math.round(s.perPupil) / 100);
  const sorted = [...pts].sort((a, b) => xOf(a) - xOf(b));
  const pov = povertyName ?? "Poverty";
  const xTitle = against === "poverty" ? `${pov} (% of students)` : "$ per pupil";
  return {
    id: against === "poverty" ? "OutcomeOnPoverty" : "OutcomeOnPerPupil",
    kind: "scatter",
    title: `${o.measure} (${o.year}) against ${against === "poverty" ? `% ${pov}` : "$ per pupil"}`,
    caption:
      `Each dot is a school. ` +
      (fit.ok ? `The line is the least-squares fit, each school counted once${fit.r2 !== null ? ` (R² ${fit.r2.toFixed(2)})` : ""}.` : `No line: ${fitProblemText(fit.problem)}.`),
    source: `Outcomes and the equity analysis of ${wb(ctx)}.`,
    alt: `Scatter of ${pts.length} schools. ${outcomesReadings(o)[against === "poverty" ? 0 : 1] ?? ""}`,
    columns: [
      { header: "School", format: "text" },
      { header: xTitle, format: against === "poverty" ? "percentPoints" : "currency" },
      { header: o.measure, format: "decimal" },
      { header: "Fitted", format: "decimal" },
    ],
    rows: sorted.map((s) => [s.name, xOf(s), s.value, fit.ok ? Math.round((fit.intercept + fit.slope * xOf(s)) * 100) / 100 : null]),
    category: 0,
    series: [
      { name: "Schools", mark: "point", x: 1, y: 2, tone: "blue" },
      ...(fit.ok ? [{ name: "Fitted line", mark: "line" as const, x: 1, y: 3, tone: "fit" as const }] : []),
    ],
    xAxis: { title: xTitle, format: against === "poverty" ? "percentPoints" : "currency" },
    yAxis: { title: o.measure, format: "decimal" },
  };
}

/** District-wide $ per pupil by student type (base for every student, then each need on top). */
export function studentTypeChart(s: StudentTypes, ctx: ChartContext = {}): ChartDescription | null {
  const rows = s.rows.filter((r) => r.perPupil !== null);
  if (rows.length === 0) return null;
  return {
    id: "StudentTypes",
    kind: "column",
    title: "$ per pupil by student type, district-wide",
    caption: "Base: the formula's base dollars for every student ÷ all students. Each need: the dollars the formula gives for it ÷ the students counted in it, on top of base.",
    source: `Allocation of ${wb(ctx)} (each school's explanation lines).`,
    alt: `Column chart: ${rows.map((r) => `${studentTypeText(r.type)} ${wholeDollars(r.perPupil as number)}`).join(", ")}.`,
    columns: [
      { header: "Student type", format: "text" },
      { header: "$ per pupil", format: "currency" },
      { header: "Students", format: "integer" },
    ],
    rows: rows.map((r) => [studentTypeText(r.type), Math.round(r.perPupil as number) / 100, r.students]),
    category: 0,
    series: [{ name: "$ per pupil", mark: "bar", y: 1, tone: "teal" }],
    xAxis: { title: "Student type", format: "text" },
    yAxis: { title: "$ per pupil", format: "currency" },
  };
}
