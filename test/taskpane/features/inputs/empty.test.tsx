/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { createMemoryHost } from "../../../../src/host/memory";
import { renderApp } from "../../helpers";

describe("pane: empty workbook", () => {
  test("offers the sample district and blank templates", async () => {
    await renderApp(createMemoryHost(null));
    expect(screen.getByText("No input tables in this workbook")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Insert sample district" })).toBeEnabled();
    expect(screen.getByRole("button", { name: "Insert blank templates" })).toBeEnabled();
    expect(screen.queryByRole("button", { name: "Allocate" })).toBeNull();
  });

  test("Insert sample district creates the input tables in the workbook and reads them", async () => {
    const host = createMemoryHost(null);
    await renderApp(host);
    fireEvent.click(screen.getByRole("button", { name: "Insert sample district" }));
    await screen.findByText("Inserted the sample district");
    const names = host.sheets().map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["Schools", "Enrollment", "Weights", "Revenue"]));
    expect(host.sheets().every((s) => !s.own)).toBe(true);
    expect(screen.getByText("4 of 4 required tables found")).toBeInTheDocument();
    const list = screen.getByRole("list", { name: "Input tables" });
    expect(list).toHaveTextContent(/Schools\s*found/);
    // The sample is valid: it can be allocated at once.
    expect(await screen.findByRole("button", { name: "Allocate" })).toBeEnabled();
  });

  test("Insert blank templates creates header-only tables", async () => {
    const host = createMemoryHost(null);
    await renderApp(host);
    fireEvent.click(screen.getByRole("button", { name: "Insert blank templates" }));
    await screen.findByText("Inserted blank templates");
    const revenue = host.sheets().find((s) => s.name === "Revenue");
    expect(revenue?.tables[0].headers).toEqual(["Source", "Type", "Restricted", "Amount", "Status", "School Share", "Funds", "Eligible"]);
    expect(revenue?.tables[0].rows).toEqual([]);
    expect(host.sheets().map((s) => s.name)).toContain("Initiative Segments");
  });

  test("a host lacking capabilities says so in words", async () => {
    await renderApp(createMemoryHost(null, { capabilities: { ok: false, missing: ["ExcelApi 1.12 (charts)"] } }));
    expect(await screen.findByText(/This version of Excel lacks: ExcelApi 1.12 \(charts\)/)).toBeInTheDocument();
  });

  test("Read workbook re-reads inputs changed in the workbook", async () => {
    const host = createMemoryHost(null);
    await renderApp(host);
    await host.insertTables({
      schools: { name: "Schools", headers: ["School ID", "School Name"], rows: [["S1", "Adams"]], origin: { sheet: "Schools", headerRow: 1, firstColumn: 1, kind: "table" } },
    });
    fireEvent.click(screen.getByRole("button", { name: "Read workbook" }));
    await waitFor(() => expect(screen.getByText("1 of 4 required tables found")).toBeInTheDocument());
  });
});
