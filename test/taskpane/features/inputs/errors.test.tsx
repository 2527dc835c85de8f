/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { createMemoryHost } from "../../../../src/host/memory";
import { smallDistrict } from "../../fixture";
import { renderApp } from "../../helpers";

describe("pane: validation problems", () => {
  test("a bad district shows located problems as links that select the cell", async () => {
    const host = createMemoryHost(smallDistrict({ stateAid: "abc" }));
    await renderApp(host);
    const region = screen.getByRole("region", { name: "Problems to fix" });
    expect(region).toHaveTextContent("1 problem to fix");
    const link = screen.getByRole("button", { name: /Revenue row 2, column "Amount" \(C2\): expected a dollar amount/ });
    expect(link).toHaveTextContent(/found "abc"/);
    expect(screen.queryByRole("button", { name: "Allocate" })).toBeNull();
    fireEvent.click(link);
    await waitFor(() => expect(host.selection()).toEqual({ sheet: "Revenue", address: "C2" }));
  });

  test("a missing required table is shown as missing, with blank templates offered for it", async () => {
    const tables = smallDistrict();
    delete tables.weights;
    const host = createMemoryHost(tables);
    await renderApp(host);
    expect(screen.getByText("3 of 4 required tables found")).toBeInTheDocument();
    const list = screen.getByRole("list", { name: "Input tables" });
    expect(list).toHaveTextContent(/Weights\s*missing/);
    expect(screen.getByRole("region", { name: "Problems to fix" })).toHaveTextContent(/Weights/);
    fireEvent.click(screen.getByRole("button", { name: "Insert blank templates" }));
    await screen.findByText("Inserted blank templates");
    // Only the tables that were missing are added; existing ones are untouched.
    expect(host.sheets().filter((s) => s.name.startsWith("Schools"))).toHaveLength(1);
    expect(host.sheets().find((s) => s.name === "Weights")?.tables[0].rows).toEqual([]);
  });

  test("fixing the workbook and reading again clears the problems", async () => {
    const host = createMemoryHost(smallDistrict({ stateAid: "abc" }));
    await renderApp(host);
    host.setTables({ revenue: smallDistrict().revenue });
    fireEvent.click(screen.getByRole("button", { name: "Read workbook" }));
    expect(await screen.findByRole("button", { name: "Allocate" })).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Problems to fix" })).toBeNull();
  });
});
