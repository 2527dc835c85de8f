/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { createMemoryHost } from "../../../../src/host/memory";
import { allocate } from "../../../../src/engine/allocate";
import { parseDistrict } from "../../../../src/engine/parse";
import type { Allocation, District } from "../../../../src/engine/types";
import { smallDistrict } from "../../fixture";
import { allocateNow, renderApp, schoolCell, schoolOrder, total, type } from "../../helpers";

/** "$1,234,567.89" or "−$5" as a number of dollars. */
function dollars(text: string): number {
  const n = Number(text.replace(/[$,+\s]/g, "").replace("−", "-"));
  if (Number.isNaN(n)) throw new Error(`not dollars: ${text}`);
  return n;
}

/** The engine's allocation of the small district, with a policy change. */
function engine(change: (d: District) => District = (d) => d): Allocation {
  const p = parseDistrict(smallDistrict());
  if (!p.ok) throw new Error("the small district must parse");
  return allocate(change(p.district));
}

/** The engine's total for a school, in whole dollars as the table shows it. */
function engineTotal(a: Allocation, name: string): number {
  return Math.round((a.schools.find((x) => x.name === name)?.total ?? NaN) / 100);
}

async function ready() {
  const host = createMemoryHost(smallDistrict());
  await renderApp(host);
  await allocateNow();
  return host;
}

describe("pane: results", () => {
  test("shows the totals of the allocation", async () => {
    await ready();
    // Whole-cent rates leave a central rounding remainder ($8 here): it is the surplus, on its own card.
    expect(total("Revenue pool")).toBe("$11,100,000");
    expect(total("Held centrally")).toBe("$500,000");
    expect(total("Surplus (kept centrally)")).toBe("$8");
    expect(total("To schools")).toBe("$10,599,992");
    expect(screen.queryByText("Unfunded", { selector: "dt" })).toBeNull();
  });

  test("editing a weight re-allocates at once and every figure updates; nothing is written", async () => {
    const host = await ready();
    const before = schoolCell("Adams Elementary", 2);
    const baker = schoolCell("Baker Elementary", 2);
    const perPupilBefore = screen.getByRole("table", { name: /Funding formula/ }).textContent;
    type(screen.getByLabelText("Elementary Poverty weight"), "1");
    await waitFor(() => expect(schoolCell("Adams Elementary", 2)).not.toBe(before));
    expect(schoolCell("Baker Elementary", 2)).not.toBe(baker);
    // Money is conserved: the pool is the same, it moved between schools (the parts still add up to it).
    expect(dollars(total("Held centrally")) + dollars(total("Surplus (kept centrally)")) + dollars(total("To schools"))).toBeCloseTo(11_100_000, 2);
    expect(screen.getByRole("table", { name: /Funding formula/ }).textContent).not.toBe(perPupilBefore);
    expect(host.sheets().every((s) => !s.own)).toBe(true);
  });

  test("an invalid entry shows a validation message and changes nothing", async () => {
    await ready();
    const before = schoolCell("Adams Elementary", 2);
    const input = screen.getByLabelText("High Base weight");
    type(input, "lots");
    expect(await screen.findByText("Enter a weight, e.g. 0.4.")).toBeInTheDocument();
    expect(schoolCell("Adams Elementary", 2)).toBe(before);
    type(input, "-1");
    expect(await screen.findByText("Enter a value of 0 or more.")).toBeInTheDocument();
    type(input, "1.5");
    await waitFor(() => expect(screen.queryByText("Enter a value of 0 or more.")).toBeNull());
    expect(schoolCell("Adams Elementary", 2)).not.toBe(before);
  });

  test("the school table sorts by clicking a header (and again to reverse)", async () => {
    await ready();
    expect(schoolOrder()).toEqual(["Adams Elementary", "Baker Elementary", "Carver High"]);
    const totalHeader = screen.getByRole("columnheader", { name: "Total" });
    fireEvent.click(within(totalHeader).getByRole("button"));
    expect(totalHeader).toHaveAttribute("aria-sort", "descending");
    expect(schoolOrder()).toEqual(["Carver High", "Adams Elementary", "Baker Elementary"]);
    fireEvent.click(within(totalHeader).getByRole("button"));
    expect(schoolOrder()).toEqual(["Baker Elementary", "Adams Elementary", "Carver High"]);
    const changeHeader = screen.getByRole("columnheader", { name: "Change $" });
    fireEvent.click(within(changeHeader).getByRole("button"));
    // Adams gains, Baker and Carver lose: gainers green first.
    expect(schoolOrder()[0]).toBe("Adams Elementary");
    expect(schoolCell("Adams Elementary", 4)).toMatch(/^\+\$/);
    expect(schoolCell("Baker Elementary", 4)).toMatch(/^−\$/);
  });

  test("clicking a school opens how it was calculated, lines summing to its total", async () => {
    await ready();
    fireEvent.click(screen.getByRole("button", { name: "Adams Elementary" }));
    const detail = await screen.findByRole("region", { name: "How it was calculated: Adams Elementary" });
    expect(detail).toHaveTextContent("400 Elementary students × $4,798.46");
    expect(detail).toHaveTextContent("State Aid");
    expect(detail).toHaveTextContent("Title I");
    const lineTotal = within(detail).getByTestId("detail-total").textContent ?? "";
    expect(Math.round(dollars(lineTotal))).toBe(dollars(schoolCell("Adams Elementary", 2)));
    fireEvent.click(within(detail).getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("region", { name: /How it was calculated/ })).toBeNull();
  });

  test("a source's status and school share re-allocate at once", async () => {
    await ready();
    fireEvent.change(screen.getByLabelText("State Aid status"), { target: { value: "Locked" } });
    await waitFor(() => expect(total("Held centrally")).toBe("$10,500,000"));
    expect(screen.getByLabelText("State Aid school share")).toHaveValue("0%");
    fireEvent.change(screen.getByLabelText("State Aid status"), { target: { value: "Unlocked" } });
    await waitFor(() => expect(total("Held centrally")).toBe("$500,000"));
    type(screen.getByLabelText("State Aid school share"), "90%");
    await waitFor(() => expect(total("Held centrally")).toBe("$1,500,000"));
    type(screen.getByLabelText("State Aid school share"), "150%");
    expect(await screen.findByText("Enter a percent of at most 100%.")).toBeInTheDocument();
    expect(total("Held centrally")).toBe("$1,500,000");
  });

  test("policy: a hold-harmless floor keeps every school at 90% of its current budget or more", async () => {
    await ready();
    // Floors compare a school's money without grants (Title I is paid on top) with its Current Budget.
    const nonGrant = (a: Allocation, name: string) => {
      const i = a.schools.findIndex((x) => x.name === name);
      return a.schools[i].total - a.sources.reduce((sum, s) => sum + (s.status === "Grant" ? s.bySchool[i] : 0), 0);
    };
    const before = engine();
    expect(nonGrant(before, "Carver High")).toBeLessThan(0.9 * 6_900_000 * 100);
    type(screen.getByLabelText("Hold harmless"), "90%");
    const floored = engine((d) => ({ ...d, policy: { ...d.policy, holdHarmless: 0.9 } }));
    expect(floored.errors).toEqual([]);
    const current: Record<string, number> = { "Adams Elementary": 2_400_000, "Baker Elementary": 1_700_000, "Carver High": 6_900_000 };
    for (const [name, cur] of Object.entries(current)) expect(nonGrant(floored, name)).toBeGreaterThanOrEqual(0.9 * cur * 100);
    // Carver was below its floor and is lifted exactly to it.
    expect(nonGrant(floored, "Carver High")).toBe(0.9 * 6_900_000 * 100);
    await waitFor(() => expect(dollars(schoolCell("Carver High", 2))).toBe(engineTotal(floored, "Carver High")));
    expect(dollars(schoolCell("Baker Elementary", 2))).toBe(engineTotal(floored, "Baker Elementary"));
    expect(dollars(total("To schools"))).toBe(floored.totals.schools / 100);
    type(screen.getByLabelText("Phase-in"), "abc");
    expect(await screen.findByText(/"abc" is not a percent/)).toBeInTheDocument();
  });

  test("decisions that cannot be carried out are explained and block writing", async () => {
    await ready();
    expect(screen.getByRole("button", { name: "Write to workbook" })).toBeEnabled();
    type(screen.getByLabelText("Hold harmless"), "100%");
    expect(await screen.findByText("These decisions cannot be carried out")).toBeInTheDocument();
    expect(screen.getByText(/floors needing \$[\d,]+ of general money/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Write to workbook" })).toBeDisabled();
    type(screen.getByLabelText("Hold harmless"), "");
    await waitFor(() => expect(screen.getByRole("button", { name: "Write to workbook" })).toBeEnabled());
  });
});
