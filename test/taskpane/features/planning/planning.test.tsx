/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { parseDistrict } from "../../../../src/engine/parse";
import { analysePlanning, parsePlanning, type PlanAnalysis } from "../../../../src/analysis/plan";
import type { Cell, District, RawTables } from "../../../../src/engine/types";
import { createMemoryHost } from "../../../../src/host/memory";
import { sampleDistrict } from "../../../../src/sample/district";
import { money, signedMoney } from "../../../../src/taskpane/ui/format";
import { OPPORTUNITY_STATUSES_RECORD, parseStatuses } from "../../../../src/taskpane/features/planning/records";
import { initialRoot, rootReducer } from "../../../../src/taskpane/store/root";
import { smallDistrict } from "../../fixture";
import { allocateNow, goTo, renderApp, type } from "../../helpers";

function parsed(tables: RawTables): District {
  const p = parseDistrict(tables);
  if (!p.ok) throw new Error("the sample district must parse");
  return p.district;
}

/** The engine's own planning analysis of a district (the pane must show exactly these figures). */
function expectedPlan(tables: RawTables, district: District, years?: number): PlanAnalysis {
  const p = parsePlanning(tables, district, years === undefined ? {} : { years });
  if (p.errors.length) throw new Error("the sample planning tables must parse");
  return analysePlanning(district, p.planning);
}

function column(tables: RawTables, table: string, header: string): Cell[] {
  const t = tables[table.toLowerCase()];
  const k = t.headers.indexOf(header);
  return t.rows.map((r) => r[k]);
}

/** The pane over a workbook; the Planning section needs valid inputs, not an allocation. */
async function ready(tables: RawTables = sampleDistrict(), opts: { allocate?: boolean } = {}) {
  const host = createMemoryHost(tables);
  const view = await renderApp(host);
  if (opts.allocate) await allocateNow();
  return { host, view };
}

async function analyse() {
  if (!document.querySelector('[data-view="planning"]')) goTo("Planning");
  fireEvent.click(screen.getByRole("button", { name: "Analyse planning" }));
  // With the results shown, jsdom re-renders a 39-school pane on each step: allow it a few seconds.
  await screen.findByRole("button", { name: "Write planning sheets" }, { timeout: 8000 });
}

async function open(panel: string) {
  const header = screen.getByRole("button", { name: panel });
  if (header.getAttribute("aria-expanded") !== "true") fireEvent.click(header);
}

/** Cell texts of a table's body rows. */
function bodyRows(table: HTMLElement): string[][] {
  return Array.from(table.querySelectorAll("tbody tr")).map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.textContent ?? ""));
}

/** A row of a years-as-columns table, by its label: the year cells. */
function yearRow(table: HTMLElement, label: string): string[] {
  const row = bodyRows(table).find((r) => r[0] === label);
  if (!row) throw new Error(`no row ${label}`);
  return row.slice(1);
}

describe("pane: planning", () => {
  test("Analyse planning: the budget tree's total equals the Budget Lines, and areas open to functions and objects", async () => {
    const tables = sampleDistrict();
    const sum = column(tables, "Budget Lines", "Amount").reduce((a: number, v) => a + Math.round(Number(v) * 100), 0);
    expect(sum).toBeGreaterThan(0);
    await ready(tables);
    // The section reads only after the click; nothing is planned before.
    expect(screen.queryByRole("table", { name: "Budget tree" })).toBeNull();
    await analyse();
    const tree = await screen.findByRole("table", { name: "Budget tree" });
    expect(screen.getByTestId("budget-tree-total")).toHaveTextContent(money(sum));
    const expected = expectedPlan(tables, parsed(tables)).tree!;
    // One row per area (closed), then the total; the areas add up to the total.
    const rows = bodyRows(tree);
    expect(rows).toHaveLength(expected.areas.length + 1);
    expect(rows.slice(0, -1).map((r) => r[1])).toEqual(expected.areas.map((a) => money(a.amount)));
    expect(expected.areas.reduce((a, x) => a + x.amount, 0)).toBe(sum);
    // Open the largest area, then its largest function: the objects appear with their amounts.
    const area = expected.areas[0];
    fireEvent.click(within(tree).getByRole("button", { name: `Expand ${area.name}` }));
    const fn = area.children[0];
    const fnButton = within(tree).getByRole("button", { name: `Expand ${fn.name}` });
    expect(within(tree).getByRole("button", { name: `Collapse ${area.name}` })).toHaveAttribute("aria-expanded", "true");
    fireEvent.click(fnButton);
    const after = bodyRows(tree);
    expect(after).toHaveLength(expected.areas.length + 1 + area.children.length + fn.children.length);
    for (const o of fn.children) expect(after.some((r) => r[0].startsWith(o.name) && r[1] === money(o.amount))).toBe(true);
    // Central vs schools on every row.
    const top = after[0];
    expect(top[3]).toBe(money(area.central));
    expect(top[4]).toBe(money(area.schools));
    fireEvent.click(within(tree).getByRole("button", { name: `Collapse ${area.name}` }));
    expect(bodyRows(tree)).toHaveLength(expected.areas.length + 1);

    // Cost drivers: one row per area.
    await open("Cost drivers");
    const drivers = await screen.findByRole("table", { name: "Cost drivers by area" });
    expect(bodyRows(drivers)).toHaveLength(expected.areas.length);
  });

  test("the savings screener ranks by impact × ease, and a status change is saved, applied and kept", async () => {
    const tables = sampleDistrict();
    // The ranking, worked out from the table itself: score = midpoint × ease ÷ 5, Rejected rows unranked.
    const t = tables.opportunities;
    const col = (h: string) => t.headers.indexOf(h);
    const live = t.rows
      .filter((r) => String(r[col("Status")] ?? "").toLowerCase() !== "rejected")
      .map((r) => {
        const mid = Math.floor((Math.round(Number(r[col("Low $")]) * 100) + Math.round(Number(r[col("High $")]) * 100) + 1) / 2);
        return { name: String(r[col("Opportunity")]), mid, score: (mid * Number(r[col("Ease")])) / 5 };
      })
      .sort((a, b) => b.score - a.score || b.mid - a.mid || (a.name < b.name ? -1 : 1));
    const { host, view } = await ready(tables);
    await analyse();
    await open("Savings screener");
    const list = await screen.findByRole("list", { name: "Ranked opportunities" });
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(t.rows.length);
    const names = items.map((li) => document.getElementById(li.getAttribute("aria-labelledby") as string)?.textContent);
    expect(names.slice(0, live.length)).toEqual(live.map((x) => x.name));
    expect(items[0]).toHaveTextContent(/^#1/);
    expect(items[0]).toHaveTextContent(`Impact ${money(live[0].mid)}`);
    expect(screen.getByRole("table", { name: "Savings by area" })).toBeInTheDocument();
    expect(bodyRows(screen.getByRole("table", { name: "Savings by year" })).map((r) => r[0])).toEqual(["2026-27", "2027-28", "2028-29", "2029-30", "2030-31"]);
    // Committed savings pay for A-ROI priorities; the opportunity links to the priority it funds.
    const funded = screen.getByRole("table", { name: "Funded priorities" });
    expect(bodyRows(funded).length).toBeGreaterThan(0);
    const link = within(list).getAllByRole("button").find((b) => bodyRows(funded).some((r) => r[0].startsWith(b.textContent ?? "\u0000")));
    expect(link).toBeDefined();
    fireEvent.click(link as HTMLElement);
    expect(document.activeElement?.closest("table")).toBe(funded);

    // Mark a Proposed opportunity as Approved: committed savings grow, the record is saved in the workbook.
    const committed = () => /Committed \(Approved, Funded or Implemented, at the low estimate\): (\$[\d,]+)/.exec(screen.getByText(/^\d+ opportunities/).textContent ?? "")?.[1];
    const before = committed();
    const proposed = t.rows.find((r) => String(r[col("Status")]) === "Proposed");
    const target = String(proposed?.[col("Opportunity")]);
    const low = Math.round(Number(proposed?.[col("Low $")]) * 100);
    fireEvent.change(screen.getByLabelText(`Status of ${target}`), { target: { value: "Approved" } });
    await waitFor(() => expect(screen.getByLabelText(`Status of ${target}`)).toHaveValue("Approved"));
    const toCents = (s: string | undefined) => Math.round(Number((s ?? "").replace(/[$,]/g, "")) * 100);
    await waitFor(() => expect(toCents(committed()) - toCents(before)).toBe(low));
    expect(screen.getByText("Set in the pane; the table says Proposed.")).toBeInTheDocument();
    await waitFor(async () => {
      const rec = (await host.listScenarios()).find((r) => r.name === OPPORTUNITY_STATUSES_RECORD);
      const p = rec ? parseStatuses(rec.json) : null;
      expect(p && p.ok && p.statuses[target]).toBe("Approved");
    });
    // The record is the pane's own: not offered as a scenario. The Opportunities table is untouched.
    const listed = rootReducer(initialRoot(), { type: "records/listed", list: await host.listScenarios() });
    expect(listed.scenarios.list.map((r) => r.name)).not.toContain(OPPORTUNITY_STATUSES_RECORD);
    expect(listed.planning.statuses).toEqual({ [target]: "Approved" });
    expect(host.sheets().find((s) => s.name === "Opportunities")?.tables[0].rows.find((r) => r[0] === target)?.[col("Status")]).toBe("Proposed");

    // Re-read the workbook, and open a new pane over it: the status comes back from the workbook.
    fireEvent.click(screen.getByRole("button", { name: "Read workbook" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Read workbook" })).toBeEnabled());
    await waitFor(() => expect(screen.getByLabelText(`Status of ${target}`)).toHaveValue("Approved"));
    view.unmount();
    cleanup();
    await renderApp(host);
    await analyse();
    await open("Savings screener");
    await waitFor(() => expect(screen.getByLabelText(`Status of ${target}`)).toHaveValue("Approved"));
    // Back to the table's status removes the record.
    fireEvent.change(screen.getByLabelText(`Status of ${target}`), { target: { value: "Proposed" } });
    await waitFor(async () => expect((await host.listScenarios()).map((r) => r.name)).not.toContain(OPPORTUNITY_STATUSES_RECORD));
  });

  test("the multi-year plan: years as columns, each year's schools total is that year's allocation, and Years re-plans", async () => {
    const tables = sampleDistrict();
    const district = parsed(tables);
    await ready(tables);
    await analyse();
    await open("Multi-year plan");
    const table = await screen.findByRole("table", { name: "Multi-year plan" });
    const expected = expectedPlan(tables, district);
    const labels = ["2026-27", "2027-28", "2028-29", "2029-30", "2030-31"];
    expect(Array.from(table.querySelectorAll("thead th")).map((th) => th.textContent)).toEqual(["Plan year", ...labels]);
    const toSchools = yearRow(table, "To schools");
    expected.plan.years.forEach((y, k) => {
      const sum = y.allocation.schools.reduce((a, s) => a + s.total, 0);
      expect(sum).toBe(y.allocation.totals.schools);
      expect(toSchools[k]).toBe(money(sum));
    });
    // The trigger: off in the first year, on from the second; every year adds up to the cent.
    expect(yearRow(table, "Weights")).toEqual(["Off", "On", "On", "On", "On"]);
    expect(yearRow(table, "Adds up to the cent")).toEqual(labels.map(() => "Yes"));
    expect(screen.getByText(/the weights turn on in 2027-28/)).toBeInTheDocument();

    // One school's trajectory.
    const i = 5;
    fireEvent.change(screen.getByLabelText("School for the trajectory"), { target: { value: String(i) } });
    const traj = await screen.findByRole("table", { name: `Trajectory of ${district.schools[i].name}` });
    expect(yearRow(traj, "Budget")).toEqual(expected.plan.schools[i].totals.map(money));
    expect(yearRow(traj, "Formula turned on")).toEqual(expected.plan.schools[i].turnedOn.map(money));
    expect(yearRow(traj, "Gap")).toEqual(expected.plan.schools[i].turnedOn.map((v, k) => signedMoney(v - expected.plan.schools[i].totals[k])));

    // Years: 3 plans three years; 11 is refused and the plan is kept.
    const years = screen.getByLabelText("Years");
    expect(years).toHaveValue("5");
    type(years, "11");
    expect(await screen.findByText("Enter a whole number of years from 1 to 10.")).toBeInTheDocument();
    expect(Array.from(screen.getByRole("table", { name: "Multi-year plan" }).querySelectorAll("thead th"))).toHaveLength(6);
    type(years, "3");
    await waitFor(() => expect(Array.from(screen.getByRole("table", { name: "Multi-year plan" }).querySelectorAll("thead th"))).toHaveLength(4));
    const three = expectedPlan(tables, district, 3);
    expect(yearRow(screen.getByRole("table", { name: "Multi-year plan" }), "To schools")).toEqual(three.plan.years.map((y) => money(y.allocation.totals.schools)));
  });

  test("the plan follows the pane's decisions, and a workbook without planning tables still gets the plan and the shadow notice", async () => {
    const tables = smallDistrict();
    const district = parsed(tables);
    await ready(tables, { allocate: true });
    goTo("Planning");
    expect(screen.getByText(/add Budget Lines, Opportunities and Projections/)).toBeInTheDocument();
    goTo("Allocation");
    type(screen.getByLabelText("Elementary Poverty weight"), "1");
    await analyse();
    await open("Multi-year plan");
    const i = district.schools.findIndex((s) => s.id === "S1");
    const traj = await screen.findByRole("table", { name: `Trajectory of ${district.schools[i].name}` });
    const edited: District = {
      ...district,
      rates: district.rates.map((row, l) => row.map((r, c) => (district.levels[l] === "Elementary" && c === 1 ? { kind: "weight", weight: 1 } : r))),
    };
    const withDecision = expectedPlan(tables, edited);
    const without = expectedPlan(tables, district);
    expect(withDecision.plan.schools[i].totals[0]).not.toBe(without.plan.schools[i].totals[0]);
    expect(yearRow(traj, "Budget")).toEqual(withDecision.plan.schools[i].totals.map(money));
    // Without Budget Lines or Opportunities the pane says so instead of inventing figures.
    await open("Budget tree");
    expect(screen.getByText(/This workbook has no Budget Lines table/)).toBeInTheDocument();
    expect(screen.queryByRole("table", { name: "Budget tree" })).toBeNull();
    await open("Shadow notice");
    expect(bodyRows(await screen.findByRole("table", { name: "Shadow notice" }))).toHaveLength(3);
  });

  test("the shadow notice: every school this year, turned on and the gap, in the order chosen", async () => {
    const tables = sampleDistrict();
    await ready(tables);
    await analyse();
    await open("Shadow notice");
    const table = await screen.findByRole("table", { name: "Shadow notice" });
    const notice = expectedPlan(tables, parsed(tables)).shadow!;
    const rows = bodyRows(table);
    expect(rows).toHaveLength(notice.rows.length);
    expect(rows).toHaveLength(39);
    // Default order: largest gain first.
    const byGap = [...notice.rows].sort((a, b) => b.gap - a.gap || a.name.localeCompare(b.name));
    // This year (with the turned-on figure under it for narrow panes), turned on, gap.
    expect(rows.map((r) => r[1])).toEqual(byGap.map((r) => `${money(r.total)}on ${money(r.turnedOn)}`));
    expect(rows[0][2]).toBe(money(byGap[0].turnedOn));
    expect(rows[0][3]).toBe(signedMoney(byGap[0].gap));
    expect(rows[rows.length - 1][3]).toBe(signedMoney(byGap[byGap.length - 1].gap));
    expect(byGap[0].gap).toBeGreaterThan(0);
    expect(byGap[byGap.length - 1].gap).toBeLessThan(0);
    // Sort by school name, then by the largest loss.
    fireEvent.change(screen.getByLabelText("Sort the shadow notice by"), { target: { value: "name" } });
    const names = bodyRows(table).map((r) => r[0]);
    const sorted = [...notice.rows].sort((a, b) => a.name.localeCompare(b.name));
    sorted.forEach((r, k) => expect(names[k].startsWith(r.name)).toBe(true));
    fireEvent.change(screen.getByLabelText("Sort the shadow notice by"), { target: { value: "loss" } });
    expect(bodyRows(table)[0][3]).toBe(signedMoney(byGap[byGap.length - 1].gap));
    expect(screen.getByText(new RegExp(`${notice.totals.gainers} schools would gain ${money(notice.totals.gain).replace(/[$]/g, "\\$")}`))).toBeInTheDocument();
  });

  test("Write planning sheets renders the plan into the workbook with progress; input tables are untouched", async () => {
    const tables = sampleDistrict();
    const { host } = await ready(tables);
    await analyse();
    fireEvent.click(screen.getByRole("button", { name: "Write planning sheets" }));
    const done = await screen.findByText("Written");
    const own = host.sheets().filter((s) => s.own);
    expect(own.map((s) => s.name)).toEqual([
      "Plan Summary",
      "Plan Schools",
      "Plan 2026-27",
      "Plan 2027-28",
      "Plan 2028-29",
      "Plan 2029-30",
      "Plan 2030-31",
      "Shadow Notice",
      "Budget Tree",
      "Cost Drivers",
      "Savings",
      "Funded Priorities",
    ]);
    expect(done.parentElement).toHaveTextContent("12 sheets: Plan Summary");
    expect(host.sheets().filter((s) => !s.own).every((s) => s.role === "input")).toBe(true);
    expect(host.sheets().find((s) => s.name === "Budget Lines")?.tables[0].rows).toEqual(tables["budget lines"].rows);
  });

  test("a bad planning table: located problems as links, and nothing can be written", async () => {
    const tables = sampleDistrict();
    const bl = tables["budget lines"];
    bl.rows[0][bl.headers.indexOf("Amount")] = "lots";
    const op = tables.opportunities;
    op.rows[2][op.headers.indexOf("Ease")] = 9;
    const { host } = await ready(tables);
    goTo("Planning");
    fireEvent.click(screen.getByRole("button", { name: "Analyse planning" }));
    expect(await screen.findByText("Fix the planning tables first")).toBeInTheDocument();
    const problems = screen.getByRole("list", { name: "Planning problems" });
    const links = within(problems).getAllByRole("button");
    expect(links).toHaveLength(2);
    expect(links[0]).toHaveTextContent(/^Budget Lines row 2, column "Amount"/);
    expect(links[1]).toHaveTextContent(/^Opportunities row 4, column "Ease"/);
    fireEvent.click(links[0]);
    await waitFor(() => expect(host.selection()).toEqual({ sheet: "Budget Lines", address: "F2" }));
    expect(screen.queryByRole("button", { name: "Write planning sheets" })).toBeNull();
    expect(screen.queryByRole("table", { name: "Budget tree" })).toBeNull();
    expect(host.sheets().filter((s) => s.own)).toEqual([]);

    // Fixed in the workbook, analysed again: the plan appears.
    const good = sampleDistrict();
    host.setTables(good);
    await analyse();
    expect(await screen.findByRole("table", { name: "Budget tree" })).toBeInTheDocument();
    expect(screen.queryByText("Fix the planning tables first")).toBeNull();
  });
});
