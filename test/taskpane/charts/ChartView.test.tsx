/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
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
import { formatValue } from "../../../src/report/charts/format";
import type { ChartDescription } from "../../../src/report/charts/types";
import { ChartThemeContext, ChartView } from "../../../src/taskpane/charts/ChartView";
import { sampleInput } from "../../report/charts/sample";

// jsdom has no layout: every chart counts as scrolled into view (the pane draws a chart when it is seen).
class SeenObserver {
  constructor(private cb: (entries: { isIntersecting: boolean }[]) => void) {}
  observe(): void {
    this.cb([{ isIntersecting: true }]);
  }
  disconnect(): void {}
  unobserve(): void {}
}
(window as unknown as { IntersectionObserver: unknown }).IntersectionObserver = SeenObserver;

const { input } = sampleInput();
const plan = input.planning!;
const charts = [
  budgetChangeChart(input.allocation),
  sourcesChart(input.allocation),
  equityScatterChart(input.equity!),
  decileChart(input.equity!),
  aroiChart(input.aroi!),
  savingsChart(plan.savings!),
  multiYearChart(plan.plan),
  budgetTreeChart(plan.tree!),
] as ChartDescription[];

function show(d: ChartDescription, theme: "light" | "dark" = "light") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <ChartThemeContext.Provider value={theme}>
        <ChartView description={d} />
      </ChartThemeContext.Provider>
    </FluentProvider>,
  );
}

describe("ChartView", () => {
  test.each(charts.map((d) => [d.id, d] as const))("%s: drawn lazily as an image with its text alternative, caption and source", async (_id, d) => {
    const { container, unmount } = show(d);
    const figure = screen.getByRole("figure", { name: d.title });
    const img = within(figure).getByRole("img", { name: d.alt });
    expect(img).toHaveAttribute("tabindex", "0");
    expect(figure).toHaveTextContent(d.caption);
    expect(figure).toHaveTextContent(`Source: ${d.source}`);
    await waitFor(() => expect(img.querySelector("svg")).not.toBeNull());
    // the box is the one labelled image: the drawing inside it is hidden from screen readers (announced once)
    expect(img.querySelector("svg")).toHaveAttribute("aria-hidden", "true");
    expect(img.querySelectorAll('[role="img"]')).toHaveLength(0);
    expect(container.querySelector(`[data-chart="${d.id}"]`)).toBe(figure);
    unmount();
  });

  test("Show data lays the plotted figures out as a table, and Hide data removes it", async () => {
    const d = charts[0];
    show(d);
    const button = screen.getByRole("button", { name: "Show data" });
    expect(button).toHaveAttribute("aria-expanded", "false");
    fireEvent.click(button);
    const table = screen.getByRole("table", { name: `Data of the chart: ${d.title}` });
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(d.rows.length + 1);
    expect(within(rows[1]).getAllByRole("cell").map((c) => c.textContent)).toEqual(d.rows[0].map((v, k) => formatValue(v, d.columns[k].format)));
    expect(screen.getByRole("button", { name: "Hide data" })).toHaveAttribute("aria-expanded", "true");
    fireEvent.click(screen.getByRole("button", { name: "Hide data" }));
    expect(screen.queryByRole("table")).toBeNull();
  });

  test("dark theme: the dark palette (gains and losses stay distinguishable)", async () => {
    // some schools gain, some lose
    const base = charts[0];
    const d: ChartDescription = { ...base, rows: base.rows.map((r, i) => (i % 2 ? [r[0], r[1], -(r[2] as number), r[3]] : r)) };
    show(d, "dark");
    const img = screen.getByRole("img", { name: d.alt });
    await waitFor(() => expect(img.querySelector("svg")).not.toBeNull());
    const svg = img.innerHTML;
    expect(svg).toMatch(/#54B054|rgb\(84,176,84\)/i);
    expect(svg).toMatch(/#F1707B|rgb\(241,112,123\)/i);
    expect(svg).not.toMatch(/#107C10|#C50F1F/i);
  });
});
