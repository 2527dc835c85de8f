/**
 * Stakeholder survey sheets: "Survey Results" (what the answers say in words, the flags, component × wave and
 * component × wave × role with changes, and diverging stacked bars of the shares answering 1/2/3/4 by component and
 * by role in the latest wave) and "Survey Detail" (by item and by school). Suppressed groups print "fewer than N".
 * Plain data only.
 */
import type { ComponentRow, GroupStats, SurveyAnalysis, WaveChange } from "../analysis/survey";
import { surveyFlagText, surveyReadingText } from "../words/survey";
import { excelName } from "./names";
import type { NumberFormat, PlanCell, PlanChart, PlanTable, PlanValue, SheetPlan } from "./plan";
import { placeChart } from "./charts/native";
import { surveyComponentChart, surveyRoleChart } from "./charts/voices";

export const SURVEY_SHEET = "Survey Results";
export const SURVEY_DETAIL_SHEET = "Survey Detail";
const TAB = "8764B8";

/** What a suppressed figure prints. */
export function suppressedText(min: number): string {
  return `fewer than ${min}`;
}

function figures(g: GroupStats, min: number): PlanValue[] {
  if (g.suppressed) return [g.n, suppressedText(min), suppressedText(min)];
  return [g.n, g.mean, g.agree];
}

function changeCells(c: WaveChange | undefined): PlanValue[] {
  if (!c) return [null, null];
  return [c.meanChange, c.agreeChange === null ? null : c.agreeChange * 100];
}

const FIG_FORMATS: NumberFormat[] = ["integer", "decimal2", "percent"];
const CHANGE_FORMATS: NumberFormat[] = ["decimal2", "decimal2"];
const CHANGE_HEADERS = ["Mean Change", "Agree Change (points)"];

function resultsSheet(a: SurveyAnalysis): SheetPlan {
  const min = a.minimumGroup;
  const cells: PlanCell[] = [
    { r: 0, c: 0, v: "What stakeholders say: survey results by component, wave and role", style: "title" },
    {
      r: 1,
      c: 0,
      v:
        `${a.answers.toLocaleString("en-US")} answers from ${a.respondents.toLocaleString("en-US")} respondent(s) across ${a.waves.length} wave(s) (${a.waves.join(", ")}). ` +
        `Answers run from 1 (strongly disagree) to 4 (strongly agree); "agree" is the share answering 3 or 4. ` +
        `Groups with fewer than ${min} answers are not shown (Policy "Survey Minimum Group"), so no one can be identified.`,
      style: "note",
    },
  ];
  let r = 3;
  cells.push({ r: r++, c: 0, v: "In plain words", style: "subtitle" });
  for (const line of a.readings) cells.push({ r: r++, c: 0, v: surveyReadingText(line) });
  r++;
  cells.push({ r: r++, c: 0, v: `Flags (agreement down 10 points or more since the wave before; a component's mean below 2.5)`, style: "subtitle" });
  if (a.flags.length === 0) cells.push({ r: r++, c: 0, v: "None." });
  for (const f of a.flags) cells.push({ r: r++, c: 0, v: surveyFlagText(f), style: "bad" });
  r++;

  const compChange = (x: ComponentRow) => a.change.find((c) => c.component === x.component && c.to === x.wave);
  const compTable: PlanTable = {
    name: excelName("Survey_Components"),
    r,
    c: 0,
    headers: ["Component", "Wave", "Answers", "Mean (1-4)", "Agree", ...CHANGE_HEADERS],
    rows: a.byComponent.map((x) => [x.component, x.wave, ...figures(x, min), ...changeCells(compChange(x))]),
    formats: ["text", "text", ...FIG_FORMATS, ...CHANGE_FORMATS],
  };
  a.byComponent.forEach((x, i) => {
    const row = r + 1 + i;
    if (x.mean !== null && x.mean < 2.5) cells.push({ r: row, c: 3, v: x.mean, fmt: "decimal2", style: "bad" });
    const ch = compChange(x);
    if (ch && ch.agreeChange !== null && ch.agreeChange <= -0.1 + 1e-9) cells.push({ r: row, c: 6, v: ch.agreeChange * 100, fmt: "decimal2", style: "bad" });
  });
  r += Math.max(1, a.byComponent.length) + 3;

  const roleChange = (x: (typeof a.byRole)[number]) => a.roleChange.find((c) => c.component === x.component && c.role === x.role && c.to === x.wave);
  const roleTable: PlanTable = {
    name: excelName("Survey_Roles"),
    r,
    c: 0,
    headers: ["Component", "Wave", "Role", "Answers", "Mean (1-4)", "Agree", ...CHANGE_HEADERS],
    rows: a.byRole.map((x) => [x.component, x.wave, x.role, ...figures(x, min), ...changeCells(roleChange(x))]),
    formats: ["text", "text", "text", ...FIG_FORMATS, ...CHANGE_FORMATS],
  };
  a.byRole.forEach((x, i) => {
    const ch = roleChange(x);
    if (ch && ch.agreeChange !== null && ch.agreeChange <= -0.1 + 1e-9) cells.push({ r: r + 1 + i, c: 7, v: ch.agreeChange * 100, fmt: "decimal2", style: "bad" });
  });

  // Charts with their data right of the tables: shares answering 1–4 by component and by role in the latest wave.
  const chartCol = 10;
  const tables: PlanTable[] = [compTable, roleTable];
  const charts: PlanChart[] = [];
  let top = 3;
  for (const d of [surveyComponentChart(a), surveyRoleChart(a)]) {
    if (!d) continue;
    const placed = placeChart(d, top, chartCol, { r: top + d.rows.length + 2, c: chartCol, width: 8, height: 16 });
    tables.push(placed.table);
    if (placed.chart) charts.push(placed.chart);
    top += d.rows.length + 2 + 17;
  }

  return {
    name: SURVEY_SHEET,
    role: "survey",
    cells,
    tables,
    charts,
    widths: { 0: 24, 1: 12, 2: 20, 3: 11, 4: 11, 5: 11, 6: 13, 7: 14, 10: 30, 11: 12, 12: 16, 13: 12, 14: 14 },
    freeze: { rows: 1, cols: 0 },
    tabColor: TAB,
    print: { landscape: true, fitToPage: true },
  };
}

function detailSheet(a: SurveyAnalysis): SheetPlan {
  const min = a.minimumGroup;
  const itemChange = (x: (typeof a.byItem)[number]) => a.itemChange.find((c) => c.item === x.item && c.to === x.wave);
  const itemTable: PlanTable = {
    name: excelName("Survey_Items_Results"),
    r: 3,
    c: 0,
    headers: ["Item", "Component", "Wave", "Answers", "Mean (1-4)", "Agree", ...CHANGE_HEADERS],
    rows: a.byItem.map((x) => [x.item, x.component, x.wave, ...figures(x, min), ...changeCells(itemChange(x))]),
    formats: ["text", "text", "text", ...FIG_FORMATS, ...CHANGE_FORMATS],
  };
  const schoolRow = 3 + Math.max(1, a.byItem.length) + 4;
  const schoolChange = (x: (typeof a.bySchool)[number]) => a.schoolChange.find((c) => c.schoolId === x.schoolId && c.component === x.component && c.to === x.wave);
  const schoolTable: PlanTable = {
    name: excelName("Survey_Schools"),
    r: schoolRow,
    c: 0,
    headers: ["School ID", "Component", "Wave", "Answers", "Mean (1-4)", "Agree", ...CHANGE_HEADERS],
    rows: a.bySchool.map((x) => [x.schoolId, x.component, x.wave, ...figures(x, min), ...changeCells(schoolChange(x))]),
    formats: ["text", "text", "text", ...FIG_FORMATS, ...CHANGE_FORMATS],
  };
  return {
    name: SURVEY_DETAIL_SHEET,
    role: "survey-detail",
    cells: [
      { r: 0, c: 0, v: "Survey results by item and by school", style: "title" },
      { r: 1, c: 0, v: `Answers with a School ID count here; district-wide answers count only in the district figures. Groups with fewer than ${min} answers are not shown.`, style: "note" },
      { r: schoolRow - 1, c: 0, v: "By school", style: "subtitle" },
    ],
    tables: [itemTable, schoolTable],
    charts: [],
    widths: { 0: 70, 1: 22, 2: 12, 3: 10, 4: 11, 5: 10, 6: 13, 7: 14 },
    freeze: { rows: 4, cols: 1 },
    tabColor: TAB,
    print: { landscape: true, fitToPage: true },
  };
}

/** The survey sheets: Survey Results, Survey Detail. */
export function surveyPlans(a: SurveyAnalysis): SheetPlan[] {
  return [resultsSheet(a), detailSheet(a)];
}
