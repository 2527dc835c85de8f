import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { MemoryHost } from "../../src/host/memory";
import { App } from "../../src/taskpane/App";

// jsdom has no layout: Fluent's MessageBar observes its size to reflow, so give it an observer that never fires.
class StillResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  (window as unknown as { ResizeObserver: typeof StillResizeObserver }).ResizeObserver = StillResizeObserver;
}

/** Render the pane over a host and wait for the first read of the workbook. */
export async function renderApp(host: MemoryHost) {
  const utils = render(<App host={host} />);
  await waitFor(() => expect(screen.getByRole("button", { name: "Read workbook" })).toBeEnabled());
  await waitFor(() => expect(screen.queryByText("Not read")).toBeNull());
  await waitFor(() => expect(screen.queryByText("Reading…")).toBeNull());
  return utils;
}

/** Go to a view of the pane by its label in the navigation ("Home", "Allocation", "Schools", …). */
export function goTo(label: string) {
  // jsdom applies no container query, so both the narrow menu and the wide tab list are there: the tabs are
  // quicker (no popover). Found within the tab list: role queries over a whole view are slow in jsdom.
  fireEvent.click(within(screen.getByTestId("view-tabs")).getByRole("tab", { name: label }));
}

/** Click Allocate (on Home) and wait for the results (the Allocation view). */
export async function allocateNow() {
  if (!screen.queryByRole("button", { name: "Allocate" })) goTo("Home");
  fireEvent.click(screen.getByRole("button", { name: "Allocate" }));
  await screen.findByRole("heading", { name: "Results" });
}

/** The text of a total in the results' totals list, e.g. "To schools". */
export function total(label: string): string {
  const dt = screen.getByText(label, { selector: "dt" });
  return dt.nextElementSibling?.textContent ?? "";
}

/** Type into an input as a user would (one change event with the whole text). */
export function type(input: HTMLElement, text: string) {
  fireEvent.change(input, { target: { value: text } });
}

/** The school table's rendered rows (not the spacers standing for rows scrolled out of view), in display order. */
export function schoolRowsShown(table: HTMLElement): HTMLTableRowElement[] {
  return Array.from(table.querySelectorAll<HTMLTableRowElement>("tbody tr[aria-rowindex]"));
}

/** The school table's row texts, in display order (name and total). */
export function schoolOrder(): string[] {
  if (!screen.queryByRole("table", { name: "Schools" })) goTo("Schools");
  const table = screen.getByRole("table", { name: "Schools" });
  return schoolRowsShown(table).map((tr) => tr.querySelectorAll("td")[1]?.textContent ?? "");
}

/** A total cell of a school row in the school table. */
export function schoolCell(name: string, column: number): string {
  if (!screen.queryByRole("table", { name: "Schools" })) goTo("Schools");
  const table = screen.getByRole("table", { name: "Schools" });
  const row = schoolRowsShown(table).find((tr) => tr.querySelectorAll("td")[1]?.textContent === name);
  return row?.querySelectorAll("td")[column]?.textContent ?? "";
}

export async function flush() {
  await act(async () => {
    await Promise.resolve();
  });
}
