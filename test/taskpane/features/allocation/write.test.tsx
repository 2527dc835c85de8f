/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { createMemoryHost } from "../../../../src/host/memory";
import { smallDistrict } from "../../fixture";
import { allocateNow, renderApp } from "../../helpers";

/** A gate that holds the render before a given sheet until released. */
function gate(at: number) {
  let release: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (release = resolve));
  let reached = false;
  return {
    beforeSheet: async (i: number) => {
      if (i === at) {
        reached = true;
        await opened;
      }
    },
    release: () => release(),
    reached: () => reached,
  };
}

describe("pane: write to workbook", () => {
  test("writes every sheet, then names them in a success message", async () => {
    const host = createMemoryHost(smallDistrict());
    await renderApp(host);
    await allocateNow();
    fireEvent.click(screen.getByRole("button", { name: "Write to workbook" }));
    const done = await screen.findByText("Written");
    const own = host.sheets().filter((s) => s.own);
    expect(own.length).toBe(6); // Summary, Matrix, School Budgets and one sheet per school
    expect(own.map((s) => s.role)).toEqual(expect.arrayContaining(["summary", "matrix", "school-budgets", "school"]));
    for (const s of own) expect(done.parentElement).toHaveTextContent(s.name);
    // The input tables are untouched.
    expect(host.sheets().filter((s) => !s.own).map((s) => s.tables[0].rows.length)).toEqual([3, 3, 3, 3]);
  });

  test("shows progress and Cancel leaves the workbook exactly as it was", async () => {
    const g = gate(2);
    const host = createMemoryHost(smallDistrict(), { beforeSheet: g.beforeSheet });
    await renderApp(host);
    await allocateNow();
    const before = host.sheets();
    fireEvent.click(screen.getByRole("button", { name: "Write to workbook" }));
    expect(await screen.findByRole("progressbar")).toBeInTheDocument();
    await waitFor(() => expect(g.reached()).toBe(true));
    expect(screen.getByText(/\(2 of 6\)/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Write to workbook" })).toBeDisabled();
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    g.release();
    expect(await screen.findByText("Nothing was changed.")).toBeInTheDocument();
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(host.sheets()).toEqual(before);
    expect(host.registry()).toEqual([]);
  });

  test("a failed write says so honestly", async () => {
    const host = createMemoryHost(smallDistrict(), {
      beforeSheet: async (i) => {
        if (i === 1) throw new Error("The workbook is locked for editing.");
      },
    });
    await renderApp(host);
    await allocateNow();
    fireEvent.click(screen.getByRole("button", { name: "Write to workbook" }));
    expect(await screen.findByText("The write failed")).toBeInTheDocument();
    expect(screen.getByText(/The workbook is locked for editing\. Nothing was changed\./)).toBeInTheDocument();
    expect(host.sheets().some((s) => s.own)).toBe(false);
  });

  test("Write selected schools writes only the chosen schools' own sheets", async () => {
    const host = createMemoryHost(smallDistrict());
    await renderApp(host);
    await allocateNow();
    expect(screen.queryByRole("button", { name: "Write selected schools" })).toBeNull();
    fireEvent.click(screen.getByRole("checkbox", { name: "Select Baker Elementary" }));
    fireEvent.click(screen.getByRole("button", { name: "Write selected schools" }));
    await screen.findByText("Written");
    const schoolSheets = host.sheets().filter((s) => s.role === "school");
    expect(schoolSheets).toHaveLength(1);
    expect(JSON.stringify(schoolSheets[0].plan)).toContain("Baker Elementary");
    expect(JSON.stringify(schoolSheets[0].plan)).not.toContain("Adams Elementary");
  });
});
