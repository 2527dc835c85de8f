/// <reference types="office-js" />
import { queueChart } from "../../src/excel/charts";
import type { PlanChart } from "../../src/report/plan";

/** The few Office.js chart calls queueChart makes, recorded. */
function fakeSheet() {
  const calls: string[] = [];
  const series = () => ({
    set name(v: string) {
      calls.push(`series.name=${v}`);
    },
    setValues: (r: { a: string }) => calls.push(`setValues ${r.a}`),
    setXAxisValues: (r: { a: string }) => calls.push(`setXAxisValues ${r.a}`),
    setBubbleSizes: () => calls.push("setBubbleSizes"),
    trendlines: { add: () => calls.push("trendline") },
  });
  const chart = {
    title: { text: "" },
    series: { getItemAt: () => series(), add: (n: string) => (calls.push(`add series ${n}`), series()) },
    axes: { categoryAxis: { title: { text: "" } }, valueAxis: { title: { text: "" } } },
    setPosition: (a: string, b: string) => calls.push(`position ${a}:${b}`),
  };
  const ws = {
    getRange: (a: string) => ({ a }),
    charts: { add: (type: string, r: { a: string }, by: string) => (calls.push(`add ${type} ${r.a} ${by}`), chart) },
  };
  return { ws: ws as unknown as Excel.Worksheet, calls, chart };
}

const TREEMAP: PlanChart = {
  kind: "treemap",
  title: "Budget tree",
  series: [{ name: "Amount", values: "N12:N40", categories: "K12:M40" }],
  at: { r: 0, c: 15, width: 9, height: 20 },
  fallback: {
    kind: "barStacked",
    title: "By area",
    series: [
      { name: "Central", values: "L45:L50", categories: "K45:K50" },
      { name: "Schools", values: "M45:M50", categories: "K45:K50" },
    ],
    at: { r: 0, c: 15, width: 9, height: 20 },
  },
};

describe("queueChart: treemap", () => {
  test("with ExcelApi 1.9 a treemap is drawn from the hierarchy columns and the values", () => {
    const f = fakeSheet();
    expect(queueChart(f.ws, TREEMAP, true, true)).toBeNull();
    expect(f.calls[0]).toBe("add Treemap K12:N40 Columns");
    expect(f.chart.title.text).toBe("Budget tree");
  });

  test("without it the fallback stacked bars are drawn, with a note", () => {
    const f = fakeSheet();
    const note = queueChart(f.ws, TREEMAP, true, false);
    expect(note).toMatch(/stacked bars.*ExcelApi 1\.9/);
    expect(f.calls[0]).toBe("add BarStacked L45:L50 Columns");
    expect(f.calls).toContain("add series Schools");
    expect(f.chart.title.text).toBe("By area");
  });

  test("outside Office (no requirement sets) the default check falls back too", () => {
    const f = fakeSheet();
    expect(queueChart(f.ws, TREEMAP, true)).toMatch(/stacked bars/);
  });
});
