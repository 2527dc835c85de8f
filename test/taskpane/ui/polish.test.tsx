/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { RawTable } from "../../../src/engine/types";
import { createMemoryHost, type MemoryHost } from "../../../src/host/memory";
import { WorkbookPanel, PICKER_FROM } from "../../../src/preview/WorkbookPanel";
import { formatValue, generalNumber, sheetGrid } from "../../../src/preview/grid";
import { initialTheme } from "../../../src/preview/index";
import { FIRST_WARNINGS, WarningList } from "../../../src/taskpane/ui/WarningList";
import { LISTED_SHEETS, sheetList } from "../../../src/taskpane/ui/WriteStatus";
import type { SheetPlan } from "../../../src/report/plan";
import { smallDistrict } from "../fixture";
import { allocateNow, renderApp, schoolCell } from "../helpers";

function table(name: string, headers: string[], rows: (string | number | null)[][]): RawTable {
  return { name, headers, rows, origin: { sheet: name, headerRow: 1, firstColumn: 1, kind: "table" } };
}

function plan(name: string): SheetPlan {
  return { name, role: "school", cells: [{ r: 0, c: 0, v: name, style: "title" }], tables: [], charts: [] };
}

describe("preview grid: cells as Excel shows them", () => {
  test("General format: no thousands separator, ten significant digits, scientific from 1E+11", () => {
    expect(generalNumber(1962)).toBe("1962");
    expect(generalNumber(2045167)).toBe("2045167");
    expect(generalNumber(-42)).toBe("-42");
    expect(generalNumber(0.1 + 0.2)).toBe("0.3");
    expect(generalNumber(1 / 3)).toBe("0.3333333333");
    expect(generalNumber(123456789012)).toBe("1.23457E+11");
    expect(generalNumber(0)).toBe("0");
    expect(formatValue(1962)).toBe("1962");
    expect(formatValue(1962, "integer")).toBe("1,962");
  });

  test("input tables: a year stays a year, budgets are currency and share columns percent, as the Office.js host formats them", () => {
    const host = createMemoryHost({
      schools: table("Schools", ["School ID", "Year Opened", "Current Budget", "Students"], [["E101", 1962, 2045167, 1234]]),
      revenue: table("Revenue", ["Source", "Amount", "School Share"], [["Levy", 500000.5, 40], ["Aid", 10, 0.55]]),
    });
    const [schools, revenue] = host.sheets();
    const s = sheetGrid(schools);
    expect(["1:0", "1:1", "1:2", "1:3"].map((k) => s.cells.get(k)?.text)).toEqual(["E101", "1962", "$2,045,167.00", "1234"]);
    expect(s.cells.get("1:1")?.numeric).toBe(true);
    const r = sheetGrid(revenue);
    expect(["1:1", "1:2", "2:2"].map((k) => r.cells.get(k)?.text)).toEqual(["$500,000.50", "40%", "55%"]);
  });
});

describe("preview workbook panel", () => {
  function many(): MemoryHost {
    const host = createMemoryHost(smallDistrict());
    return host;
  }

  test(`with more than ${PICKER_FROM} sheets a "Go to sheet" list joins the scrolling tab strip`, async () => {
    const host = many();
    render(
      <FluentProvider theme={webLightTheme}>
        <WorkbookPanel host={host} />
      </FluentProvider>,
    );
    expect(screen.queryByRole("combobox", { name: "Go to sheet" })).toBeNull(); // 4 input sheets
    await act(async () => {
      await host.render(Array.from({ length: 12 }, (_, i) => plan(`School ${i + 1}`)));
    });
    const list = screen.getByRole("combobox", { name: "Go to sheet" });
    expect(within(list).getAllByRole("option")).toHaveLength(16);
    expect(within(list).getByRole("group", { name: "Input tables" })).toHaveTextContent("Schools");
    expect(within(list).getByRole("group", { name: "Written by the tool" })).toHaveTextContent("School 12");
    fireEvent.change(list, { target: { value: "School 12" } });
    expect(screen.getByRole("table", { name: "Sheet School 12" })).toHaveTextContent("School 12");
    expect(screen.getByRole("tab", { name: "School 12" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getAllByRole("tab")).toHaveLength(16);
  });

  test("the theme switch asks for the dark theme; without a handler there is no switch", () => {
    const host = createMemoryHost(smallDistrict());
    const chosen: string[] = [];
    const { unmount } = render(<WorkbookPanel host={host} theme="light" onThemeChange={(t) => chosen.push(t)} />);
    fireEvent.click(screen.getByRole("switch", { name: "Dark theme" }));
    expect(chosen).toEqual(["dark"]);
    unmount();
    render(<WorkbookPanel host={host} />);
    expect(screen.queryByRole("switch")).toBeNull();
  });

  test("the grid scroller can be reached with the keyboard", () => {
    render(<WorkbookPanel host={createMemoryHost(smallDistrict())} />);
    expect(screen.getByRole("group", { name: "Cells of Schools (input), scrollable" })).toHaveAttribute("tabindex", "0");
  });

  test("initialTheme: ?theme= wins, else the system preference", () => {
    expect(initialTheme("?theme=dark", false)).toBe("dark");
    expect(initialTheme("?x=1&theme=light", true)).toBe("light");
    expect(initialTheme("", true)).toBe("dark");
    expect(initialTheme("?theme=blue", false)).toBe("light");
  });
});

describe("pane polish", () => {
  test("a write names a few sheets and counts the rest", () => {
    const names = Array.from({ length: 42 }, (_, i) => `Sheet ${i + 1}`);
    expect(sheetList(names)).toBe(`42 sheets: ${names.slice(0, LISTED_SHEETS).join(", ")} and ${42 - LISTED_SHEETS} more.`);
    expect(sheetList(names.slice(0, 3))).toBe("3 sheets: Sheet 1, Sheet 2, Sheet 3.");
    expect(sheetList(["Summary"])).toBe("Sheet: Summary.");
  });

  test("after a write the pane shows the renderer's notes (things drawn differently)", async () => {
    const memory = createMemoryHost(smallDistrict());
    const host: MemoryHost = {
      ...memory,
      render: async (plans, options) => ({ ...(await memory.render(plans, options)), notes: ["The bubble chart on Equity was drawn as a scatter chart."] }),
    };
    await renderApp(host);
    await allocateNow();
    fireEvent.click(screen.getByRole("button", { name: "Write to workbook" }));
    await screen.findByText("Written");
    expect(screen.getByText("Drawn differently")).toBeInTheDocument();
    expect(screen.getByRole("list", { name: "Notes on the written sheets" })).toHaveTextContent("The bubble chart on Equity was drawn as a scatter chart.");
  });

  test("without notes no notes are shown", async () => {
    await renderApp(createMemoryHost(smallDistrict()));
    await allocateNow();
    fireEvent.click(screen.getByRole("button", { name: "Write to workbook" }));
    await screen.findByText("Written");
    expect(screen.queryByText("Drawn differently")).toBeNull();
  });

  test("a long list of warnings shows the first few and the rest on request", () => {
    const warnings = Array.from({ length: 7 }, (_, i) => `Policy row ${i + 2}: unknown setting.`);
    render(<WarningList warnings={warnings} />);
    const list = screen.getByRole("list", { name: "Check these" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(FIRST_WARNINGS);
    expect(screen.getByText("Check these (7)")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Show all 7" }));
    expect(within(list).getAllByRole("listitem")).toHaveLength(7);
    fireEvent.click(screen.getByRole("button", { name: "Show fewer" }));
    expect(within(list).getAllByRole("listitem")).toHaveLength(FIRST_WARNINGS);
  });

  test("no warnings, no message", () => {
    const { container } = render(<WarningList warnings={[]} />);
    expect(container).toBeEmptyDOMElement();
  });

  test("the school detail shows the current budget and the change, which the narrow table leaves out", async () => {
    await renderApp(createMemoryHost(smallDistrict()));
    await allocateNow();
    const total = schoolCell("Adams Elementary", 2);
    const change = schoolCell("Adams Elementary", 4);
    const pct = schoolCell("Adams Elementary", 5);
    fireEvent.click(within(screen.getByRole("table", { name: "Schools" })).getByRole("button", { name: "Adams Elementary" }));
    const detail = screen.getByRole("region", { name: "How it was calculated: Adams Elementary" });
    expect(detail).toHaveTextContent("Current budget$2,400,000");
    expect(detail).toHaveTextContent(`Change${change} (${pct})`);
    expect(total).toMatch(/^\$[\d,]+$/);
  });
});
