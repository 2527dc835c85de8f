/**
 * The "Readiness Summary" sheet: ratings by area with a column chart, the weakest items with their evidence and
 * owners, and Tier 1 beside it — the survey components that speak to each area, with a link to the Survey Results
 * sheet when the survey was analysed in the same run. Plain data only.
 */
import { AREA_COMPONENTS, type ReadinessAnalysis } from "../analysis/readiness";
import { RATING_WORDS } from "../engine/parse/readiness";
import { READINESS_QUESTIONS, readinessReadingText } from "../words/readiness";
import { excelName, quoteSheet } from "./names";
import type { PlanCell, PlanTable, SheetPlan } from "./plan";
import { placeChart } from "./charts/native";
import { readinessChart } from "./charts/voices";
import { SURVEY_SHEET } from "./survey";

export const READINESS_SHEET = "Readiness Summary";

export function readinessPlan(r: ReadinessAnalysis, opts: { surveySheet?: boolean } = {}): SheetPlan {
  const cells: PlanCell[] = [
    { r: 0, c: 0, v: "Readiness inventory (Tier 2): vision, context, capacity, systems", style: "title" },
    {
      r: 1,
      c: 0,
      v: `Ratings: 1 ${RATING_WORDS[0]}, 2 ${RATING_WORDS[1]}, 3 ${RATING_WORDS[2]}, 4 ${RATING_WORDS[3]}. "Ready" is the share of rated questions at 3 or 4. ${r.readings.map(readinessReadingText).join(" ")}`,
      style: "note",
    },
  ];
  if (opts.surveySheet)
    cells.push({
      r: 2,
      c: 0,
      f: `HYPERLINK("#${quoteSheet(SURVEY_SHEET).replace(/"/g, '""')}!A1","Tier 1: what stakeholders say (Survey Results)")`,
      result: "Tier 1: what stakeholders say (Survey Results)",
    });
  const areaTable: PlanTable = {
    name: excelName("Readiness_Areas"),
    r: 4,
    c: 0,
    headers: ["Area", "What it looks at", "Questions", "Rated", "Average Rating", "Ready", "Survey Components (Tier 1)", "Survey Agree"],
    rows: r.areas.map((a) => {
      const shown = a.survey.filter((s) => s.agree !== null);
      const agree = shown.length ? shown.reduce((t, s) => t + (s.agree as number) * s.n, 0) / shown.reduce((t, s) => t + s.n, 0) : null;
      return [a.area, READINESS_QUESTIONS[a.area].about, a.questions, a.rated, a.mean, a.ready, AREA_COMPONENTS[a.area].join(", "), agree];
    }),
    formats: ["text", "text", "integer", "integer", "decimal2", "percent", "text", "percent"],
  };
  const weakRow = 4 + r.areas.length + 4;
  const weakTable: PlanTable = {
    name: excelName("Readiness_Weakest"),
    r: weakRow,
    c: 0,
    headers: ["Area", "Question", "Rating", "Evidence", "Owner"],
    rows: r.weakest.map((x) => [x.area, x.question, x.rating, x.evidence, x.owner || "(no owner named)"]),
    formats: ["text", "text", "integer", "text", "text"],
  };
  cells.push({ r: weakRow - 1, c: 0, v: "Weakest items (rated 2 or below), lowest first", style: "subtitle" });
  if (r.weakest.length === 0) cells.push({ r: weakRow + 1, c: 0, v: "No item is rated 2 or below.", style: "note" });
  const d = readinessChart(r);
  const placed = d ? placeChart(d, 4, 9, { r: 4 + d.rows.length + 2, c: 9, width: 7, height: 14 }) : null;
  const chart = placed?.chart ?? null;
  return {
    name: READINESS_SHEET,
    role: "readiness",
    cells,
    tables: placed ? [areaTable, weakTable, placed.table] : [areaTable, weakTable],
    charts: chart ? [chart] : [],
    widths: { 0: 12, 1: 70, 2: 10, 3: 40, 4: 22, 5: 10, 6: 34, 7: 12 },
    freeze: { rows: 1, cols: 0 },
    tabColor: "8764B8",
    print: { landscape: true, fitToPage: true },
  };
}
