import {
  aroiChart,
  budgetChangeChart,
  budgetTreeChart,
  decileChart,
  equityScatterChart,
  multiYearChart,
  savingsChart,
  sourcesChart,
} from "../../../src/report/charts/describe";
import { chartDataTable, nativeChart, placeChart } from "../../../src/report/charts/native";
import { chartOption } from "../../../src/report/charts/option";
import { DARK, LIGHT } from "../../../src/report/charts/palette";
import { chartSvg } from "../../../src/report/charts/svg";
import type { ChartDescription } from "../../../src/report/charts/types";
import { equityPlans } from "../../../src/report/equity";
import { sampleInput } from "./sample";

const { input } = sampleInput();
const a = input.allocation;
const e = input.equity!;
const plan = input.planning!;

function all(): ChartDescription[] {
  return [
    budgetChangeChart(a),
    sourcesChart(a),
    equityScatterChart(e),
    decileChart(e),
    aroiChart(input.aroi!),
    savingsChart(plan.savings!),
    multiYearChart(plan.plan),
    budgetTreeChart(plan.tree!),
  ] as ChartDescription[];
}

describe("chart descriptions against the figures they plot (sample district)", () => {
  test("every description is complete: rows as wide as the columns, series on real columns, words for every reader", () => {
    const ds = all();
    expect(ds.every((d) => d !== null)).toBe(true);
    expect(new Set(ds.map((d) => d.id)).size).toBe(ds.length);
    for (const d of ds) {
      expect(d.rows.length).toBeGreaterThan(0);
      for (const r of d.rows) expect(r).toHaveLength(d.columns.length);
      for (const s of d.series) for (const c of [s.x, s.y, s.size].filter((x) => x !== undefined)) expect(c).toBeLessThan(d.columns.length);
      expect(d.caption.length).toBeGreaterThan(20);
      expect(d.source).toMatch(/table|sheet|analysis|plan/i);
      expect(d.alt.length).toBeGreaterThan(20);
    }
  });

  test("budget change: one bar per school with a current budget, total − current in dollars, largest gain first", () => {
    const d = budgetChangeChart(a)!;
    const expected = a.schools
      .filter((s) => s.current !== null)
      .map((s) => ({ name: s.name, change: Math.round(s.total - (s.current as number)) / 100 }))
      .sort((x, y) => y.change - x.change || x.name.localeCompare(y.name));
    expect(d.rows.map((r) => [r[0], r[2]])).toEqual(expected.map((x) => [x.name, x.change]));
    const gains = expected.filter((x) => x.change > 0).length;
    expect(d.alt).toContain(`${gains} gain`);
    // gains green, losses red, in the pane and in Excel
    const option = chartOption(d, { width: 350 }) as { series: { data: { value: number; itemStyle: { color: string } }[] }[] };
    for (const p of option.series[0].data) expect(p.itemStyle.color).toBe(p.value < 0 ? LIGHT.tones.loss : LIGHT.tones.gain);
    const native = placeChart(d, 50, 0, { r: 50, c: 5, width: 10, height: 20 }).chart!;
    expect(native.series[0].pointColors).toEqual(d.rows.map((r) => ((r[2] as number) < 0 ? "#C50F1F" : "#107C10").slice(1)));
  });

  test("equity scatter: the fitted line is the pupil-weighted equity slope; high-EL points are the high-EL schools", () => {
    const d = equityScatterChart(e)!;
    const fit = d.rows.map((r) => [r[1] as number, r[4] as number]);
    const [x0, y0] = fit[0];
    const [x1, y1] = fit[fit.length - 1];
    // the line's slope (dollars per percentage point) is the statistic the Equity sheet reports
    expect((y1 - y0) / (x1 - x0)).toBeCloseTo((e.pupilWeighted.slope as number) / 100, 1);
    for (const [x, y] of fit) {
      const f = e.regression.simple.pupilWeighted;
      if (!f.ok) throw new Error("no fit");
      expect(y).toBeCloseTo((f.intercept + f.slope * x) / 100, 2);
    }
    // every school once, at its poverty share and per-pupil dollars
    const byName = new Map(e.schools.map((s) => [s.name, s]));
    expect(d.rows).toHaveLength(e.schools.length);
    for (const r of d.rows) {
      const s = byName.get(r[0] as string)!;
      expect(r[1]).toBe(s.poverty);
      expect(r[2]).toBe(Math.round(s.perPupil) / 100);
      expect(r[3] !== null).toBe(s.highEl);
    }
    expect(d.rows.filter((r) => r[3] !== null)).toHaveLength(e.highEl.schoolIds.length);
    expect(d.series.map((s) => s.mark)).toEqual(["point", "point", "line"]);
  });

  test("deciles: the same figures as the Poverty Deciles table", () => {
    const d = decileChart(e)!;
    const sheet = equityPlans(e).find((p) => p.name === "Poverty Deciles")!;
    const t = sheet.tables[0];
    const col = (h: string) => t.headers.indexOf(h);
    const round = (v: unknown) => (v === null ? null : Math.round((v as number) * 100) / 100);
    expect(d.rows.map((r) => [r[1], r[2], r[3], r[4]])).toEqual(
      t.rows.map((r) => [round(r[col("Unrestricted $ per Pupil")]), round(r[col("Restricted $ per Pupil")]), round(r[col("Total $ per Pupil")]), r[col("Students")]]),
    );
    for (const r of d.rows) if (r[3] !== null) expect((r[1] as number) + (r[2] as number)).toBeCloseTo(r[3] as number, 1);
  });

  test("A-ROI bubbles, savings, multi-year and the budget tree plot the analyses' figures", () => {
    const ar = aroiChart(input.aroi!)!;
    const ranked = input.aroi!.results.filter((r) => r.per1000 !== null);
    expect(ar.rows.map((r) => [r[0], r[1], r[2], r[3]])).toEqual(ranked.map((r) => [r.name, r.cost.total / 100, r.per1000, r.students]));

    const sv = savingsChart(plan.savings!)!;
    const live = plan.savings!.rows.filter((r) => r.rank !== null);
    expect(sv.rows.map((r) => [r[0], r[1], r[2]])).toEqual(live.map((r) => [r.opportunity.name, r.opportunity.ease, r.mid / 100]));

    const my = multiYearChart(plan.plan)!;
    expect(my.rows.map((r) => r[1])).toEqual(plan.plan.years.map((y) => y.allocation.totals.revenue / 100));
    expect(my.rows.map((r) => r[2])).toEqual(plan.plan.years.map((y) => y.allocation.totals.schools / 100));

    const tree = budgetTreeChart(plan.tree!)!;
    const cents = tree.rows.reduce((s, r) => s + Math.round((r[3] as number) * 100), 0);
    expect(cents).toBe(plan.tree!.amount);

    const src = sourcesChart(a)!;
    expect(src.rows.reduce((s, r) => s + Math.round((r[3] as number) * 100), 0)).toBe(a.totals.schools);
  });

  test("native charts reference the description's own data table; percents are written as fractions", () => {
    for (const d of all()) {
      const t = chartDataTable(d, 5, 2);
      expect(t.headers).toEqual(d.columns.map((c) => c.header));
      const chart = nativeChart(d, t, { r: 5, c: 10, width: 8, height: 18 })!;
      expect(chart.title).toBe(d.title);
      if (d.kind !== "treemap") expect(chart.series.map((s) => s.name)).toEqual(d.series.map((s) => s.name));
      for (const s of chart.series) expect(s.values).toMatch(/^[A-Z]+7:[A-Z]+\d+$/);
    }
    const sc = equityScatterChart(e)!;
    const t = chartDataTable(sc, 0, 0);
    expect(t.rows[0][1]).toBeCloseTo((sc.rows[0][1] as number) / 100, 5);
    expect(t.formats?.[1]).toBe("percent1");
  });

  test("static SVG: every chart renders without a browser, light and dark, with its text alternative", () => {
    for (const d of all()) {
      for (const theme of [LIGHT, DARK]) {
        const svg = chartSvg(d, { width: 350, theme });
        expect(svg.startsWith('<svg role="img"')).toBe(true);
        expect(svg).toContain('viewBox="0 0 350 ');
        expect(svg).toContain(`aria-label="${d.alt.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}"`);
      }
    }
  });

  test("inside the pane's labelled chart box the drawing is hidden from screen readers, so the chart is announced once", () => {
    for (const d of all()) {
      const svg = chartSvg(d, { width: 350, inside: true });
      expect(svg.startsWith('<svg aria-hidden="true" focusable="false"')).toBe(true);
      expect(svg).not.toContain('role="img"');
      expect(svg).not.toContain("<title>");
    }
  });
});
