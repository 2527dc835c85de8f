import { compareSnapshots, equityInputs, equitySummary, snapshot, STAT_KEYS } from "../../src/analysis/equity/index";
import type { PlanTable, SheetPlan } from "../../src/report/plan";
import { equityDataColumns, equityPlans } from "../../src/report/equity";
import { equityAllocation, input } from "../analysis/equity/fixture";
import { equityWordsOf } from "../../src/words/equity";

/** "D5:D12" -> { col: 3, first: 4, last: 11 } (0-based), one column only. */
function parseRange(range: string): { col: number; first: number; last: number } {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
  if (!m) throw new Error(`not an A1 range: ${range}`);
  expect(m[1]).toBe(m[3]);
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { col, first: Number(m[2]) - 1, last: Number(m[4]) - 1 };
}

/** The header of the table column a range covers, checking the range is exactly that column's data rows. */
function headerAt(plan: SheetPlan, range: string): string {
  const { col, first, last } = parseRange(range);
  const t = plan.tables.find((x: PlanTable) => col >= x.c && col < x.c + x.headers.length && first === x.r + 1);
  if (!t) throw new Error(`${range} is not a table column on ${plan.name}`);
  expect(last).toBe(t.r + t.rows.length);
  return t.headers[col - t.c];
}

describe("equityPlans", () => {
  const summary = equitySummary(equityInputs(equityAllocation()));
  const plans = equityPlans(summary);
  const byName = (n: string) => plans.find((p) => p.name === n) as SheetPlan;

  test("sheets and roles", () => {
    expect(plans.map((p) => [p.name, p.role])).toEqual([
      ["Equity", "equity"],
      ["Equity Data", "equity-data"],
      ["Poverty Deciles", "poverty-deciles"],
    ]);
    for (const p of plans) for (const c of p.cells) expect(c.f).toBeUndefined();
  });

  test("Equity: both forms side by side, money in dollars, a meaning for each", () => {
    const t = byName("Equity").tables[0];
    expect(t.headers).toEqual(["Statistic", "Unweighted", "Pupil-weighted", "What it means"]);
    expect(t.rows).toHaveLength(STAT_KEYS.length);
    const mean = t.rows[STAT_KEYS.indexOf("mean")];
    expect(mean[1]).toBeCloseTo((summary.unweighted.mean as number) / 100, 9);
    expect(mean[2]).toBeCloseTo((summary.pupilWeighted.mean as number) / 100, 9);
    const cv = t.rows[STAT_KEYS.indexOf("cv")];
    expect(cv[2]).toBe(summary.pupilWeighted.cv); // ratios unchanged
    expect(t.rows[STAT_KEYS.indexOf("slope")][0]).toBe("Slope: $ per pupil per point of Poverty");
    for (const row of t.rows) expect(String(row[3]).length).toBeGreaterThan(20);
    // each statistic cell carries the format of its unit
    const cvCell = byName("Equity").cells.find((c) => c.r === t.r + 1 + STAT_KEYS.indexOf("cv") && c.c === 2);
    expect(cvCell?.fmt).toBe("percent1");
    const texts = byName("Equity").cells.map((c) => String(c.v));
    for (const line of [...equityWordsOf(summary).horizontal, ...equityWordsOf(summary).vertical]) expect(texts).toContain(line);
    expect(texts).toContain("per point of English Learner");
  });

  test("Equity Data: per school rows and the scatter pointing at its own columns", () => {
    const p = byName("Equity Data");
    const t = p.tables[0];
    expect(t.headers.slice(0, 9)).toEqual(["School ID", "School", "Students", "Per Pupil $", "Restricted $ per Pupil", "Unrestricted $ per Pupil", "Poverty %", "English Learner %", "High EL"]);
    expect(t.rows.map((r) => r[8])).toEqual(["No", "No", "Yes", "Yes"]);
    const cols = equityDataColumns(summary);
    // high-EL per pupil only for high-EL schools (C, D)
    expect(t.rows.map((r) => r[cols.highElPerPupil as number] === null)).toEqual([true, true, false, false]);
    expect(t.rows[2][6]).toBe(80);

    expect(p.charts).toHaveLength(1);
    const chart = p.charts[0];
    expect(chart.kind).toBe("scatter");
    expect(chart.series.map((s) => s.name)).toEqual(["Schools", "High-EL schools (English Learner ≥ 25%)", "Fitted line (pupil-weighted)"]);
    expect(chart.series[2].line).toBe(true);
    expect(headerAt(p, chart.series[0].values)).toBe("$ per pupil");
    expect(headerAt(p, chart.series[1].values)).toBe("High-EL $ per pupil");
    expect(headerAt(p, chart.series[2].values)).toBe("Fitted $ per pupil");
    for (const s of chart.series) expect(headerAt(p, s.categories as string)).toBe("Poverty %");
    // the chart's data table and the chart sit to the right of the school table
    const data = p.tables[1];
    expect(data.c).toBeGreaterThan(t.c + t.headers.length - 1);
    expect(chart.at.c).toBeGreaterThan(data.c + data.headers.length - 1);
    // poverty is written as a fraction with a percent format
    expect(data.formats?.[1]).toBe("percent1");
    expect(data.rows.map((r) => r[1])).toEqual([...summary.schools].sort((x, y) => (x.poverty ?? 0) - (y.poverty ?? 0)).map((x) => (x.poverty ?? 0) / 100));
  });

  test("Poverty Deciles: stacked restricted / unrestricted columns from the decile table", () => {
    const p = byName("Poverty Deciles");
    const t = p.tables[0];
    expect(t.rows).toHaveLength(10);
    expect(t.rows[0][0]).toBe("1 (lowest poverty)");
    const chart = p.charts[0];
    expect(chart.kind).toBe("columnStacked");
    expect(chart.series.map((s) => headerAt(p, s.values))).toEqual(["Unrestricted $ per pupil", "Restricted $ per pupil"]);
    for (const s of chart.series) expect(headerAt(p, s.categories as string)).toBe("Decile");
    const total = t.headers.indexOf("Total $ per Pupil");
    summary.deciles.forEach((d, i) => expect(t.rows[i][total]).toBe(d.perPupil === null ? null : d.perPupil / 100));
    // the chart does not cover the table
    expect(chart.at.r).toBeGreaterThan(t.r + t.rows.length);
  });

  test("Equity Snapshots when comparing", () => {
    const a = snapshot("2023", [input("A", 100, 0, 100_000, 10, 0), input("B", 100, 0, 200_000, 60, 0)]);
    const b = snapshot("2024", [input("A", 100, 0, 150_000, 10, 0), input("B", 100, 0, 150_000, 60, 0)]);
    const withCmp = equityPlans(summary, { comparison: compareSnapshots(a, b) });
    const p = withCmp[3];
    expect([p.name, p.role]).toEqual(["Equity Snapshots", "equity-snapshots"]);
    const [stats, schools] = p.tables;
    expect(stats.headers).toEqual(["Statistic", "Form", "2023", "2024", "Change", "Better or worse"]);
    expect(stats.rows).toHaveLength(2 * STAT_KEYS.length);
    const range = stats.rows.find((r) => r[0] === "Range (highest − lowest)" && r[1] === "Unweighted");
    // $10 per pupil range before ($20 − $10), $0 after
    expect(range).toEqual(["Range (highest − lowest)", "Unweighted", 10, 0, -10, "better"]);
    expect(schools.rows).toEqual([
      ["A", "School A", 10, 15, 5],
      ["B", "School B", 20, 15, -5],
    ]);
    expect(schools.r).toBeGreaterThan(stats.r + stats.rows.length);
  });

  test("no need category: no deciles sheet and no scatter; salary columns when given", () => {
    const plain = equitySummary([{ ...input("A", 10, 0, 100, 0, 0), needs: [] }]);
    const p = equityPlans(plain);
    expect(p.map((x) => x.name)).toEqual(["Equity", "Equity Data"]);
    expect(p[1].charts).toEqual([]);

    const sal = equitySummary([input("A", 100, 0, 1_000_000, 10, 0, 50_000), input("B", 100, 0, 1_000_000, 50, 30)]);
    const data = equityPlans(sal)[1].tables[0];
    expect(data.headers.slice(-3)).toEqual(["Salary Gap $", "Salary Gap $ per Pupil", "Per Pupil $ at Average Salaries"]);
    expect(data.rows[0].slice(-3)).toEqual([500, 5, 95]);
    expect(equityPlans(sal)[0].cells.some((c) => String(c.v).startsWith("Salary averaging"))).toBe(true);
  });
});
