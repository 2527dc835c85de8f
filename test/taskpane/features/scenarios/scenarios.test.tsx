/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { createMemoryHost } from "../../../../src/host/memory";
import { parseDecisions } from "../../../../src/engine/decisions";
import { smallDistrict } from "../../fixture";
import { allocateNow, goTo, renderApp, schoolCell, type } from "../../helpers";

async function ready() {
  const host = createMemoryHost(smallDistrict());
  await renderApp(host);
  await allocateNow();
  return host;
}

async function save(name: string) {
  goTo("Scenarios");
  type(screen.getByLabelText("Scenario name"), name);
  fireEvent.click(screen.getByRole("button", { name: "Save scenario" }));
  await screen.findByRole("button", { name: `Load ${name}` });
}

describe("pane: scenarios", () => {
  test("save stores the decisions in the workbook; load brings them back", async () => {
    const host = await ready();
    const original = schoolCell("Adams Elementary", 2);
    goTo("Allocation");
    type(screen.getByLabelText("Elementary Poverty weight"), "1");
    await waitFor(() => expect(schoolCell("Adams Elementary", 2)).not.toBe(original));
    const equity = schoolCell("Adams Elementary", 2);
    await save("Equity");
    const [record] = await host.listScenarios();
    expect(record.name).toBe("Equity");
    const parsed = parseDecisions(record.json);
    expect(parsed.ok && parsed.decisions.rates[0][1]).toEqual({ kind: "weight", weight: 1 });

    goTo("Allocation");
    type(screen.getByLabelText("Elementary Poverty weight"), "0.4");
    await waitFor(() => expect(schoolCell("Adams Elementary", 2)).toBe(original));
    // The edit since the save is unsaved: loading asks first.
    goTo("Scenarios");
    fireEvent.click(screen.getByRole("button", { name: "Load Equity" }));
    fireEvent.click(await screen.findByRole("button", { name: "Discard edits", hidden: true }));
    await waitFor(() => expect(schoolCell("Adams Elementary", 2)).toBe(equity));
    expect(screen.getByText('Loaded "Equity".')).toBeInTheDocument();
    goTo("Allocation");
    expect(screen.getByLabelText("Elementary Poverty weight")).toHaveValue("1");
  });

  test("compare two scenarios side by side, then write the comparison", async () => {
    const host = await ready();
    await save("Baseline");
    goTo("Allocation");
    type(screen.getByLabelText("Elementary Poverty weight"), "1");
    await save("Equity");
    fireEvent.change(screen.getByLabelText("Scenario A"), { target: { value: "Baseline" } });
    fireEvent.change(screen.getByLabelText("Scenario B"), { target: { value: "Equity" } });
    fireEvent.click(screen.getByRole("button", { name: "Compare" }));
    const table = await screen.findByRole("table", { name: "Comparison of Baseline and Equity" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent(/^Adams Elementary.*\+\$.*\+\d/);
    expect(rows[2]).toHaveTextContent(/−\$/);
    fireEvent.click(screen.getByRole("button", { name: "Write comparison" }));
    await screen.findByText("Written");
    const sheet = host.sheets().find((s) => s.role === "comparison");
    expect(sheet?.name).toBe("Compare Baseline vs Equity");
    expect(sheet?.plan?.tables[0].rows).toHaveLength(3);
  });

  test("delete removes a scenario from the workbook", async () => {
    const host = await ready();
    await save("Old idea");
    fireEvent.click(screen.getByRole("button", { name: "Delete Old idea" }));
    await waitFor(() => expect(screen.queryByRole("button", { name: "Load Old idea" })).toBeNull());
    expect(await host.listScenarios()).toEqual([]);
  });

  test("a scenario that no longer fits the workbook is refused with a reason", async () => {
    const host = await ready();
    await host.saveScenario({ name: "Broken", savedAt: "2026-01-01", json: "{not json" });
    fireEvent.click(screen.getByRole("button", { name: "Read workbook" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Read workbook" })).toBeEnabled());
    goTo("Scenarios");
    fireEvent.click(await screen.findByRole("button", { name: "Load Broken" }));
    expect(await screen.findByText("Could not load the scenario")).toBeInTheDocument();
    expect(screen.getByText(/not valid JSON/)).toBeInTheDocument();
  });
});
