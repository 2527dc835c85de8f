import { benchmark } from "../../src/analysis/benchmark";
import { analyseReadiness } from "../../src/analysis/readiness";
import { analyseSurvey } from "../../src/analysis/survey";
import type { ParseContext } from "../../src/engine/parse/headers";
import { parsePeers } from "../../src/engine/parse/peers";
import { parseReadiness } from "../../src/engine/parse/readiness";
import { parseSurveys } from "../../src/engine/parse/surveys";
import { benchmarkPlans } from "../../src/report/benchmark";
import type { PlanTable, SheetPlan } from "../../src/report/plan";
import { readinessPlan } from "../../src/report/readiness";
import { surveyPlans } from "../../src/report/survey";
import { rawTables } from "../helpers/raw";

const ctx = (): ParseContext => ({ errors: [], warnings: [] });
const table = (p: SheetPlan, name: string): PlanTable => p.tables.find((t) => t.name === name) as PlanTable;

describe("survey sheets", () => {
  const rows = [
    ...[4, 4, 3, 3, 1].map((v, i) => [`a${i}`, "Teacher", "101", "W1", "fair", "Equity", v]),
    ...[4, 4, 1, 1].map((v, i) => [`b${i}`, "Principal", "101", "W1", "fair", "Equity", v]),
  ];
  const data = parseSurveys(rawTables({ "Survey Responses": [["Respondent", "Role", "School ID", "Wave", "Item", "Component", "Response"], ...rows] }), ctx());
  const [results, detail] = surveyPlans(analyseSurvey(data!));

  test("component and role tables; a group under the minimum prints as suppressed with its n", () => {
    expect(results.name).toBe("Survey Results");
    expect(table(results, "Survey_Components").rows).toEqual([["Equity", "W1", 9, 25 / 9, 6 / 9, null, null]]);
    expect(table(results, "Survey_Roles").rows).toEqual([
      ["Equity", "W1", "Teacher", 5, 3, 0.8, null, null],
      ["Equity", "W1", "Principal", 4, "fewer than 5", "fewer than 5", null, null],
    ]);
    expect(detail.tables.map((t) => t.name)).toEqual(["Survey_Items_Results", "Survey_Schools"]);
  });

  test("diverging stacked bars from the chart descriptions: disagree shares negative, agree positive; suppressed roles blank", () => {
    // sheet values are fractions (percent format)
    expect(table(results, "Chart_SurveyByComponent").rows).toEqual([["Equity", 0, -0.333333, 0.222222, 0.444444, 9]]);
    expect(table(results, "Chart_SurveyByRole").rows).toEqual([
      ["Teacher", 0, -0.2, 0.4, 0.4, 5],
      ["Principal", null, null, null, null, 4],
    ]);
    expect(results.charts.map((c) => [c.kind, c.series.map((s) => s.name)])).toEqual([
      ["barStacked", ["Disagree", "Strongly disagree", "Agree", "Strongly agree"]],
      ["barStacked", ["Disagree", "Strongly disagree", "Agree", "Strongly agree"]],
    ]);
    const t = table(results, "Chart_SurveyByComponent");
    expect(results.charts[0].series[0]).toMatchObject({ values: `L${t.r + 2}:L${t.r + 2}`, categories: `K${t.r + 2}:K${t.r + 2}` });
  });
});

describe("readiness and benchmark sheets", () => {
  test("readiness: areas with a chart, weakest items, a link to the survey results when there are some", () => {
    const items = parseReadiness(rawTables({ Readiness: [["Area", "Question", "Rating", "Evidence", "Owner"], ["Systems", "calendar", 1, "none", ""]] }), ctx());
    const plan = readinessPlan(analyseReadiness(items!), { surveySheet: true });
    expect(plan.name).toBe("Readiness Summary");
    expect(table(plan, "Readiness_Weakest").rows).toEqual([["Systems", "calendar", 1, "none", "(no owner named)"]]);
    expect(plan.charts[0].kind).toBe("columnClustered");
    expect(table(plan, "Chart_ReadinessByArea").rows[3]).toEqual(["Systems", 1, 1]);
    expect(plan.cells.find((c) => c.f)?.f).toBe(`HYPERLINK("#'Survey Results'!A1","Tier 1: what stakeholders say (Survey Results)")`);
    expect(readinessPlan(analyseReadiness(items!)).cells.some((c) => c.f)).toBe(false);
  });

  test("benchmark: the table in dollars, the dot plot reads x from the figure columns and y from #", () => {
    const peers = parsePeers(rawTables({ Peers: [["District", "Enrollment", "Function", "Amount"], ["A", 100, "Transportation", 50_000], ["B", 100, "Transportation", 70_000]] }), ctx());
    const b = benchmark(peers!, [{ fund: "", area: "Operations", function: "Transportation", object: "", schoolId: null, schoolIndex: null, amount: 5_000_000, fte: null, sheetRow: 2 }], 100);
    const [plan, data] = benchmarkPlans(b);
    const t = table(plan, "Peer_Benchmark");
    expect(t.rows).toEqual([[1, "Transportation", 500, 550, 600, 650, -100, -10000, 1, 3, null, null]]);
    const dot = plan.charts[0];
    expect(dot.kind).toBe("scatter");
    expect(dot.series.map((s) => s.name)).toEqual(["Peer 25th percentile", "Peer median", "Peer 75th percentile", "District"]);
    const d = table(plan, "Chart_PeerDots");
    expect(d.rows).toEqual([["Transportation", 1, 500, 550, 600, 650]]);
    const row = d.r + 2;
    // y = the function's number (column B), x = the district's $ per pupil (column C)
    expect(dot.series[3]).toMatchObject({ values: `B${row}:B${row}`, categories: `C${row}:C${row}` });
    expect(data.tables[0].rows).toEqual([["A", 500], ["B", 700]]);
  });
});
