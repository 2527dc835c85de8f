/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createMemoryHost } from "../../src/host/memory";
import { WorkbookPanel } from "../../src/preview/WorkbookPanel";
import { sheetGrid } from "../../src/preview/grid";
import { smallDistrict } from "../taskpane/fixture";

describe("preview workbook panel", () => {
  test("lists the sheets as tabs and shows the chosen sheet as a grid; follows writes", async () => {
    const host = createMemoryHost(smallDistrict());
    render(
      <FluentProvider theme={webLightTheme}>
        <WorkbookPanel host={host} />
      </FluentProvider>,
    );
    expect(screen.getByRole("tab", { name: "Schools (input)" })).toBeInTheDocument();
    const grid = screen.getByRole("table", { name: "Sheet Schools" });
    expect(within(grid).getByText("Adams Elementary")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("tab", { name: "Revenue (input)" }));
    expect(screen.getByRole("table", { name: "Sheet Revenue" })).toHaveTextContent("Title I");
    await act(async () => {
      await host.render([{ name: "Summary", role: "summary", cells: [{ r: 0, c: 0, v: "Totals", style: "title" }, { r: 1, c: 1, v: 1234.5, fmt: "currency" }], tables: [], charts: [] }]);
    });
    fireEvent.click(screen.getByRole("tab", { name: "Summary" }));
    expect(screen.getByRole("table", { name: "Sheet Summary" })).toHaveTextContent("$1,234.50");
  });

  test("an empty workbook says so", () => {
    render(<WorkbookPanel host={createMemoryHost(null)} />);
    expect(screen.getByText(/The workbook is empty/)).toBeInTheDocument();
  });

  test("sheetGrid lays out plan tables with formats and totals", () => {
    const host = createMemoryHost(null);
    const plan = {
      name: "T",
      role: "x",
      cells: [{ r: 0, c: 0, f: "SUM(B3:B4)", result: 3 }],
      tables: [{ name: "T", r: 1, c: 0, headers: ["Name", "Share"], rows: [["a", 0.25], ["b", 0.5]], formats: [undefined, "percent1" as const], totals: [1] }],
      charts: [],
    };
    return host.render([plan]).then(() => {
      const g = sheetGrid(host.sheets()[0]);
      expect(g.cells.get("0:0")?.text).toBe("3");
      expect(g.cells.get("1:1")).toMatchObject({ text: "Share", header: true });
      expect(g.cells.get("2:1")?.text).toBe("25.0%");
      expect(g.cells.get("4:1")?.text).toBe("75.0%");
      expect([g.rows, g.cols]).toEqual([5, 2]);
    });
  });
});
