/** @jest-environment jsdom */
/** The shell: navigation between views with deep links and back, the question before discarding edits, undo and redo. */
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { createMemoryHost } from "../../../src/host/memory";
import { VIEWS } from "../../../src/taskpane/shell/views";
import { smallDistrict } from "../fixture";
import { allocateNow, goTo, renderApp, schoolCell, type } from "../helpers";

async function ready() {
  const host = createMemoryHost(smallDistrict());
  await renderApp(host);
  await allocateNow();
  return host;
}

const weight = () => screen.getByLabelText("Elementary Poverty weight");

/** A button of the open dialog (jsdom runs no open animation, so Fluent may leave the surface marked hidden). */
const dialogButton = (dialog: HTMLElement, name: string) => within(dialog).getByRole("button", { name, hidden: true });

describe("pane shell", () => {
  test("every view is in the navigation; Allocate goes to the allocation; a school opens in Schools, and back", async () => {
    await renderApp(createMemoryHost(smallDistrict()));
    const tabs = within(screen.getByTestId("view-tabs"));
    expect(tabs.getAllByRole("tab")).toHaveLength(VIEWS.length);
    for (const v of VIEWS) expect(tabs.getByRole("tab", { name: v.label })).toBeInTheDocument();
    expect(screen.getByText("Inputs valid")).toBeInTheDocument();
    expect(screen.getByText("Not allocated")).toBeInTheDocument();
    await allocateNow();
    expect(screen.getByText("Allocated")).toBeInTheDocument();
    expect(screen.getByText("Not written yet")).toBeInTheDocument();
    // Deep link: a school in the allocation's table opens its explanation in the Schools view.
    fireEvent.click(within(screen.getByRole("table", { name: "Schools" })).getByRole("button", { name: "Carver High" }));
    expect(await screen.findByRole("region", { name: "How it was calculated: Carver High" })).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: "Schools" })).toHaveAttribute("aria-selected", "true");
    // Back returns to where the user came from.
    fireEvent.click(screen.getAllByRole("button", { name: "Back to Allocation" })[0]);
    expect(await screen.findByRole("heading", { name: "Results" })).toBeInTheDocument();
    // Views that need results say how to get them.
    goTo("Home");
    fireEvent.click(screen.getByRole("button", { name: "Read workbook" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Read workbook" })).toBeEnabled());
  });

  test("a view that needs results offers Allocate until there are some", async () => {
    await renderApp(createMemoryHost(smallDistrict()));
    goTo("Schools");
    fireEvent.click(screen.getByRole("button", { name: "Allocate" }));
    expect(await screen.findByRole("table", { name: "Schools" })).toBeInTheDocument();
  });

  test("an edit is unsaved: reading the workbook asks first; Cancel keeps it; undo and redo (buttons and keys)", async () => {
    const host = await ready();
    const before = schoolCell("Adams Elementary", 2);
    expect(screen.getByRole("button", { name: "Undo" })).toBeDisabled();
    type(weight(), "1");
    await waitFor(() => expect(schoolCell("Adams Elementary", 2)).not.toBe(before));
    const edited = schoolCell("Adams Elementary", 2);
    expect(screen.getByText("Unsaved edits")).toBeInTheDocument();

    fireEvent.click(screen.getByRole("button", { name: "Read workbook" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Keep your unsaved edits?" });
    expect(dialog).toHaveTextContent("Reading the workbook again replaces the pane's decisions");
    fireEvent.click(dialogButton(dialog, "Cancel"));
    await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull());
    expect(weight()).toHaveValue("1");
    expect(schoolCell("Adams Elementary", 2)).toBe(edited);

    fireEvent.click(screen.getByRole("button", { name: "Undo" }));
    await waitFor(() => expect(weight()).toHaveValue("0.4"));
    expect(schoolCell("Adams Elementary", 2)).toBe(before);
    expect(screen.queryByText("Unsaved edits")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Redo" }));
    await waitFor(() => expect(weight()).toHaveValue("1"));
    expect(schoolCell("Adams Elementary", 2)).toBe(edited);
    // Ctrl+Z / Ctrl+Y outside a text field.
    fireEvent.keyDown(document.body, { key: "z", ctrlKey: true });
    await waitFor(() => expect(weight()).toHaveValue("0.4"));
    fireEvent.keyDown(document.body, { key: "y", ctrlKey: true });
    await waitFor(() => expect(weight()).toHaveValue("1"));

    // Save them as a scenario, then the read goes ahead.
    fireEvent.click(screen.getByRole("button", { name: "Read workbook" }));
    const again = await screen.findByRole("alertdialog", { name: "Keep your unsaved edits?" });
    type(within(again).getByLabelText(/Save them as scenario/), "Before re-reading");
    fireEvent.click(dialogButton(again, "Save and continue"));
    await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull());
    await waitFor(async () => expect((await host.listScenarios()).map((r) => r.name)).toContain("Before re-reading"));
    await waitFor(() => expect(weight()).toHaveValue("0.4"));
    expect(screen.queryByText("Unsaved edits")).toBeNull();
  });

  test("loading a scenario and inserting the sample ask too; Discard goes ahead", async () => {
    const host = await ready();
    await host.saveScenario({ name: "Other", savedAt: "2026-01-01", json: "{}" });
    type(weight(), "0.9");
    await waitFor(() => expect(screen.getByText("Unsaved edits")).toBeInTheDocument());
    goTo("Scenarios");
    fireEvent.click(screen.getByRole("button", { name: "Read workbook" }));
    const dialog = await screen.findByRole("alertdialog");
    fireEvent.click(dialogButton(dialog, "Discard edits"));
    await waitFor(() => expect(screen.queryByText("Unsaved edits")).toBeNull());
    goTo("Allocation");
    expect(weight()).toHaveValue("0.4");
  });
});
