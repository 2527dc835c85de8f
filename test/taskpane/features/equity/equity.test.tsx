/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { allocate } from "../../../../src/engine/allocate";
import { STAT_KEYS, equityInputs, equitySummary, measure, snapshot } from "../../../../src/analysis/equity";
import { parseDistrict } from "../../../../src/engine/parse";
import type { District, RawTables } from "../../../../src/engine/types";
import { createMemoryHost } from "../../../../src/host/memory";
import { statText } from "../../../../src/taskpane/ui/numbers";
import { parseSnapshot } from "../../../../src/taskpane/features/equity/snapshots";
import { smallDistrict } from "../../fixture";
import { allocateNow, goTo, renderApp, schoolCell, type } from "../../helpers";
import { equityWordsOf } from "../../../../src/words/equity";

function district(tables: RawTables): District {
  const p = parseDistrict(tables);
  if (!p.ok) throw new Error("the fixture must parse");
  return p.district;
}

/** The district with the Poverty weight set to `w` at every level, or at one level. */
function withPovertyWeight(d: District, w: number, level?: string): District {
  return { ...d, rates: d.rates.map((row, l) => row.map((r, c) => (c === 1 && (level === undefined || d.levels[l] === level) ? { kind: "weight", weight: w } : r))) };
}

async function ready() {
  const host = createMemoryHost(smallDistrict());
  await renderApp(host);
  await allocateNow();
  return host;
}

/** The stats table's [pupil-weighted, unweighted] texts, row by row in STAT_KEYS order. */
function shownStats(): string[][] {
  const table = screen.getByRole("table", { name: "Equity statistics" });
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((tr) => Array.from(tr.querySelectorAll("td")).slice(1).map((td) => td.textContent ?? ""));
}

function open(section: string) {
  fireEvent.click(screen.getByRole("button", { name: section }));
}

describe("pane: equity", () => {
  test("after Allocate the pane shows both statistics columns, equal to equitySummary, and follows the decisions", async () => {
    await renderApp(createMemoryHost(smallDistrict()));
    expect(screen.queryByRole("heading", { name: "Equity" })).toBeNull();
    await allocateNow();
    goTo("Equity");
    expect(screen.getByRole("heading", { name: "Equity" })).toBeInTheDocument();
    const expected = equitySummary(equityInputs(allocate(district(smallDistrict()))));
    expect(shownStats()).toEqual(STAT_KEYS.map((k) => [statText(k, expected.pupilWeighted[k]), statText(k, expected.unweighted[k])]));
    // Independent of the pane's formatter: the pupil-weighted mean is all money ÷ all pupils, in dollars and cents.
    const a = allocate(district(smallDistrict()));
    const perPupil = a.schools.reduce((t, s) => t + s.total, 0) / a.schools.reduce((t, s) => t + s.students, 0);
    const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2 }).format(Math.round(perPupil) / 100);
    expect(shownStats()[0][0]).toBe(usd);
    // Each statistic has its meaning in words; the horizontal and vertical readings are there.
    expect(screen.getByRole("table", { name: "Equity statistics" })).toHaveTextContent(/McLoone index.*0\.95 or more is the usual benchmark/);
    expect(screen.getByRole("list", { name: "Horizontal equity" })).toHaveTextContent(equityWordsOf(expected).horizontal[0]);
    expect(screen.getByRole("list", { name: "Vertical equity" })).toHaveTextContent(equityWordsOf(expected).vertical[0]);
    expect(screen.getByText(/No need category counts English learners/)).toBeInTheDocument();
    open("Poverty deciles");
    const deciles = await screen.findByRole("table", { name: "Poverty deciles" });
    expect(within(deciles).getAllByRole("row")).toHaveLength(11);

    // A decision edited in the pane re-allocates, and the statistics follow.
    goTo("Allocation");
    type(screen.getByLabelText("Elementary Poverty weight"), "1");
    goTo("Equity");
    const after = equitySummary(equityInputs(allocate(withPovertyWeight(district(smallDistrict()), 1, "Elementary"))));
    await waitFor(() => expect(shownStats()).toEqual(STAT_KEYS.map((k) => [statText(k, after.pupilWeighted[k]), statText(k, after.unweighted[k])])));
    expect(after.pupilWeighted.slope).not.toBe(expected.pupilWeighted.slope);
  });

  test("Save snapshot stores it in the workbook; Compare with current shows both side by side and goes into the sheets", async () => {
    const host = await ready();
    goTo("Equity");
    open("Snapshots");
    type(screen.getByLabelText("Snapshot name"), "Baseline");
    fireEvent.click(screen.getByRole("button", { name: "Save snapshot" }));
    await screen.findByRole("list", { name: "Saved snapshots" });
    const record = (await host.listScenarios()).find((r) => r.name === "Snapshot: Baseline");
    expect(record).toBeDefined();
    const saved = parseSnapshot(record?.json ?? "");
    const base = snapshot("Baseline", equityInputs(allocate(district(smallDistrict()))));
    expect(saved.ok && saved.snapshot).toEqual(JSON.parse(JSON.stringify(base)));
    // A snapshot is not a scenario of decisions.
    expect(screen.queryByRole("button", { name: "Load Snapshot: Baseline" })).toBeNull();

    goTo("Allocation");
    type(screen.getByLabelText("Elementary Poverty weight"), "1");
    goTo("Equity");
    open("Snapshots");
    fireEvent.click(screen.getByRole("button", { name: "Compare with current" }));
    const table = await screen.findByRole("table", { name: "Snapshot Baseline compared with Current decisions" });
    const now = snapshot("Current decisions", equityInputs(allocate(withPovertyWeight(district(smallDistrict()), 1, "Elementary"))));
    const mcloone = within(table).getByText("McLoone index").closest("tr") as HTMLElement;
    expect(mcloone).toHaveTextContent(statText("mcloone", base.pupilWeighted.mcloone));
    expect(mcloone).toHaveTextContent(statText("mcloone", now.pupilWeighted.mcloone));
    const schools = screen.getByRole("table", { name: "$ per pupil by school: Baseline and Current decisions" });
    const adams = within(schools).getByText("Adams Elementary").closest("tr") as HTMLElement;
    expect(adams).toHaveTextContent(/\+\$/); // Adams has the most poverty among elementary schools: it gains.

    fireEvent.click(screen.getByRole("button", { name: "Write equity sheets" }));
    await screen.findByText("Written");
    expect(host.sheets().filter((s) => s.own).map((s) => s.name)).toEqual(["Equity", "Equity Data", "Poverty Deciles", "Equity Snapshots", "Student Types"]);

    fireEvent.click(screen.getByRole("button", { name: "Delete snapshot Baseline" }));
    await waitFor(() => expect(screen.queryByRole("list", { name: "Saved snapshots" })).toBeNull());
    expect(await host.listScenarios()).toEqual([]);
  });

  test("Write equity sheets renders Equity, Equity Data, Poverty Deciles and Student Types", async () => {
    const host = await ready();
    goTo("Equity");
    fireEvent.click(screen.getByRole("button", { name: "Write equity sheets" }));
    const done = await screen.findByText("Written");
    const own = host.sheets().filter((s) => s.own);
    expect(own.map((s) => s.role)).toEqual(["equity", "equity-data", "poverty-deciles", "equity-student-types"]);
    for (const s of own) expect(done.parentElement).toHaveTextContent(s.name);
    // The Allocation view's own write stays idle.
    goTo("Allocation");
    expect(screen.queryByText("Written")).toBeNull();
  });

  test("the equity write shows progress next to its button, and Cancel leaves the workbook as it was", async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let reached = false;
    const host = createMemoryHost(smallDistrict(), {
      beforeSheet: async (i) => {
        if (i === 1) {
          reached = true;
          await held;
        }
      },
    });
    await renderApp(host);
    await allocateNow();
    goTo("Equity");
    fireEvent.click(screen.getByRole("button", { name: "Write equity sheets" }));
    expect(await screen.findByText("Writing equity sheets")).toBeInTheDocument();
    await waitFor(() => expect(reached).toBe(true));
    expect(screen.getAllByRole("progressbar")).toHaveLength(1);
    expect(screen.getByRole("button", { name: "Write equity sheets" })).toBeDisabled();
    goTo("Allocation");
    expect(screen.getByRole("button", { name: "Write to workbook" })).toBeDisabled();
    goTo("Equity");
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    release();
    expect(await screen.findByText("Nothing was changed.")).toBeInTheDocument();
    expect(host.sheets().some((s) => s.own)).toBe(false);
  });

  test("a scenario cannot take a name reserved for snapshots", async () => {
    const host = await ready();
    goTo("Scenarios");
    type(screen.getByLabelText("Scenario name"), "Snapshot: mine");
    fireEvent.click(screen.getByRole("button", { name: "Save scenario" }));
    expect(await screen.findByText("Choose another name")).toBeInTheDocument();
    expect(await host.listScenarios()).toEqual([]);
  });

  test("Solve finds the weight for a slope target; Apply sets it and re-allocates", async () => {
    await ready();
    const d = district(smallDistrict());
    const slope = measure(allocate(withPovertyWeight(d, 1)), { kind: "slope", value: 0 });
    const before = schoolCell("Adams Elementary", 2);
    goTo("Equity");
    open("Solve for a target");
    fireEvent.change(screen.getByLabelText("Target"), { target: { value: "slope" } });
    type(screen.getByLabelText("Target value"), (slope / 100).toFixed(2));
    fireEvent.click(screen.getByRole("button", { name: "Solve" }));
    const solution = await screen.findByRole("group", { name: "Solution" });
    const found = /Weight found: ([\d.]+)/.exec(solution.textContent ?? "");
    expect(Number(found?.[1])).toBeCloseTo(1, 1);
    expect(within(solution).getByRole("table", { name: "Top movers" })).toHaveTextContent("Adams Elementary");
    // Nothing changes until the user accepts.
    expect(screen.queryByText("Unsaved edits")).toBeNull();
    expect(screen.getByRole("button", { name: "Undo" })).toBeDisabled();

    fireEvent.click(within(solution).getByRole("button", { name: "Apply weight" }));
    await screen.findByText("Weight applied");
    expect(screen.queryByRole("group", { name: "Solution" })).toBeNull();
    // The applied weight is an edit like any other: unsaved, and undone with Undo.
    expect(screen.getByText("Unsaved edits")).toBeInTheDocument();
    goTo("Allocation");
    await waitFor(() => expect(schoolCell("Adams Elementary", 2)).not.toBe(before));
    expect(Number(screen.getByLabelText("Elementary Poverty weight").getAttribute("value"))).toBeCloseTo(1, 1);
    fireEvent.click(screen.getByRole("button", { name: "Undo" }));
    await waitFor(() => expect(schoolCell("Adams Elementary", 2)).toBe(before));
    expect(screen.getByLabelText("Elementary Poverty weight")).toHaveValue("0.4");
    expect(screen.queryByText("Unsaved edits")).toBeNull();
  });

  test("a target outside the range says there is no solution and applies nothing", async () => {
    await ready();
    const before = schoolCell("Adams Elementary", 2);
    goTo("Equity");
    open("Solve for a target");
    type(screen.getByLabelText("Target value"), "100000");
    type(screen.getByLabelText("Highest weight"), "2");
    fireEvent.click(screen.getByRole("button", { name: "Solve" }));
    expect(await screen.findByText("No solution in range")).toBeInTheDocument();
    expect(screen.getByText(/No solution in the feasible range \[0, 2\]: the closest value reached is \$[\d,.]+ per pupil per point \(at weight 2\)\./)).toBeInTheDocument();
    expect(screen.getByText(/Nothing was changed\./)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Apply weight" })).toBeNull();
    goTo("Allocation");
    expect(screen.getByLabelText("Elementary Poverty weight")).toHaveValue("0.4");
    expect(schoolCell("Adams Elementary", 2)).toBe(before);
  });
});
