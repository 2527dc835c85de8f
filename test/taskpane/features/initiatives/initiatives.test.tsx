/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { badgeClassNames } from "@fluentui/react-components";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { analyseInitiatives } from "../../../../src/analysis/aroi";
import { parseDistrict } from "../../../../src/engine/parse";
import type { Cell, RawTables } from "../../../../src/engine/types";
import { createMemoryHost } from "../../../../src/host/memory";
import { sampleDistrict } from "../../../../src/sample/district";
import { whatIfText } from "../../../../src/words/aroi";
import { CONTRACT_COLUMNS } from "../../../../src/taskpane/features/inputs/templates";
import { AROI_OVERRIDES_RECORD, parseOverrides } from "../../../../src/taskpane/features/initiatives/overrides";
import { smallDistrict } from "../../fixture";
import { allocateNow, goTo, renderApp, type } from "../../helpers";

/** The engine's own analysis of the sample district (the pane must show exactly this ranking). */
function expectedAnalysis(tables: RawTables) {
  const p = parseDistrict(tables);
  if (!p.ok) throw new Error("the sample district must parse");
  const d = p.district;
  return analyseInitiatives(d.initiatives ?? [], d.segments, d.policy, undefined, undefined, d.schools.map((s) => s.id));
}

async function analyse() {
  if (!screen.queryByRole("button", { name: "Analyse initiatives" })) goTo("Initiatives");
  fireEvent.click(screen.getByRole("button", { name: "Analyse initiatives" }));
  return screen.findByRole("list", { name: "Ranked initiatives" });
}

function card(name: string): HTMLElement {
  return screen.getByRole("listitem", { name });
}

/** The final action shown on an initiative's card. */
function action(name: string): string {
  return card(name).querySelector(`.${badgeClassNames.root}`)?.textContent ?? "";
}

describe("pane: initiatives (A-ROI)", () => {
  test("Analyse initiatives shows the ranked inventory with the district's unit and never a made-up return", async () => {
    const tables = sampleDistrict();
    const expected = expectedAnalysis(tables);
    await renderApp(createMemoryHost(tables));
    const list = await analyse();
    const items = within(list).getAllByRole("listitem");
    expect(items.map((li) => li.getAttribute("aria-labelledby") && document.getElementById(li.getAttribute("aria-labelledby") as string)?.textContent)).toEqual(
      expected.results.map((r) => r.name),
    );
    // Ranked first: A-ROI per $1,000 with the unit from Policy ("effect size").
    const first = expected.results[0];
    expect(first.rank).toBe(1);
    expect(items[0]).toHaveTextContent("#1");
    expect(items[0]).toHaveTextContent(`A-ROI ${first.per1000?.toPrecision(3)} effect size × students per $1,000`);
    // Without a Learning Gain: "no outcome data", no rank and no number.
    const blank = expected.results.find((r) => r.gain === null);
    expect(blank).toBeDefined();
    const blankCard = card(blank?.name ?? "");
    expect(blankCard).toHaveTextContent("no outcome data");
    expect(blankCard).not.toHaveTextContent(/A-ROI \d/);
    expect(blankCard).toHaveTextContent("–");
    expect(action(blank?.name ?? "")).toBe("Collect data");
    // Totals line and action counts.
    expect(screen.getByText(new RegExp(`^${expected.totals.initiatives} initiatives,`))).toHaveTextContent(`${expected.totals.withAroi} with an A-ROI`);

    // Coverage, breakdowns, feedback and the what-if sit in their own panels.
    fireEvent.click(screen.getByRole("button", { name: "Data coverage" }));
    const coverage = await screen.findByRole("table", { name: "Data coverage" });
    expect(within(coverage).getByText("Outcome data").closest("tr")).toHaveTextContent(`${expected.coverage.outcome.count} of ${expected.coverage.initiatives}`);
    expect(screen.getByRole("list", { name: "Missing data by initiative" })).toHaveTextContent(blank?.name ?? "");
    fireEvent.click(screen.getByRole("button", { name: "Breakdowns" }));
    const byPriority = await screen.findByRole("table", { name: "Initiatives by Strategic Priority" });
    expect(within(byPriority).getAllByRole("row")).toHaveLength(1 + expected.breakdowns[0].rows.length);
    fireEvent.change(screen.getByLabelText("Breakdown by"), { target: { value: "school" } });
    expect(await screen.findByRole("table", { name: "Initiatives by School" })).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Segments" }));
    expect(await screen.findByRole("table", { name: "Segments of Math Intervention" })).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Principal feedback" }));
    const quadrants = await screen.findByRole("list", { name: "Principal feedback by quadrant" });
    expect(quadrants).toHaveTextContent(`Important & effective: ${expected.feedback.quadrants.importantEffective}`);
    fireEvent.click(screen.getByRole("button", { name: "What-if: sunset → expand" }));
    expect(await screen.findByText(whatIfText(expected.whatIf))).toBeInTheDocument();
    expect(screen.getByRole("table", { name: "Expand candidates" })).toHaveTextContent(`+${expected.whatIf.expand[0].extraStudents.toLocaleString("en-US")}`);
  });

  test("an override is saved in the workbook, applied, and kept after re-reading and reopening", async () => {
    const host = createMemoryHost(sampleDistrict());
    const view = await renderApp(host);
    await analyse();
    const target = "Online Math Courseware";
    expect(action(target)).toBe("Sunset");
    fireEvent.click(screen.getByRole("button", { name: "What-if: sunset → expand" }));
    expect(await screen.findByText(/^Sunsetting 1 initiative\(s\) frees/)).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText(`Action for ${target}`), { target: { value: "fix" } });
    await waitFor(() => expect(action(target)).toBe("Fix"));
    // The what-if follows the final actions (withOverrides): nothing is sunset any more.
    expect(await screen.findByText("No initiative is set to sunset, so no money is freed.")).toBeInTheDocument();
    const note = await screen.findByLabelText(`Note for ${target}`);
    type(note, "Vendor retraining first");
    fireEvent.blur(note);
    await waitFor(async () => {
      const rec = (await host.listScenarios()).find((r) => r.name === AROI_OVERRIDES_RECORD);
      const parsed = rec ? parseOverrides(rec.json) : null;
      expect(parsed && parsed.ok && parsed.overrides[target]).toEqual({ action: "fix", note: "Vendor retraining first" });
    });
    expect(card(target)).toHaveTextContent("Suggested: Sunset.");

    // Re-read the workbook: the override comes back from the workbook.
    fireEvent.click(screen.getByRole("button", { name: "Read workbook" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Read workbook" })).toBeEnabled());
    await waitFor(() => expect(screen.getByLabelText(`Note for ${target}`)).toHaveValue("Vendor retraining first"));
    expect(screen.getByLabelText(`Action for ${target}`)).toHaveValue("fix");

    // A new pane over the same workbook loads it too.
    view.unmount();
    cleanup();
    await renderApp(host);
    await analyse();
    expect(action(target)).toBe("Fix");
    expect(screen.getByLabelText(`Note for ${target}`)).toHaveValue("Vendor retraining first");
    // The record is the pane's own: it is not offered as a scenario.
    await allocateNow();
    goTo("Scenarios");
    expect(screen.queryByRole("button", { name: `Load ${AROI_OVERRIDES_RECORD}` })).toBeNull();
    goTo("Initiatives");

    // Reset brings back the suggestion and removes the record.
    fireEvent.click(screen.getByRole("button", { name: `Reset ${target} to the suggested action` }));
    await waitFor(() => expect(action(target)).toBe("Sunset"));
    await waitFor(async () => expect((await host.listScenarios()).map((r) => r.name)).not.toContain(AROI_OVERRIDES_RECORD));
  });

  test("Write A-ROI sheets renders the analysis into the workbook", async () => {
    const host = createMemoryHost(sampleDistrict());
    await renderApp(host);
    await analyse();
    fireEvent.click(screen.getByRole("button", { name: "Write A-ROI sheets" }));
    const done = await screen.findByText("Written");
    const own = host.sheets().filter((s) => s.own);
    expect(own.map((s) => s.role)).toEqual(["aroi", "aroi-coverage", "aroi-breakdown", "aroi-segments", "aroi-feedback", "aroi-whatif"]);
    for (const s of own) expect(done.parentElement).toHaveTextContent(s.name);
    expect(JSON.stringify(own[0].plan)).toContain("Online Math Courseware");
    // The input tables are untouched.
    expect(host.sheets().filter((s) => !s.own).every((s) => s.role === "input")).toBe(true);
  });

  test("without an Initiatives table the pane offers the template, then analyses the empty table honestly", async () => {
    const host = createMemoryHost(smallDistrict());
    await renderApp(host);
    goTo("Initiatives");
    expect(screen.getByRole("button", { name: "Analyse initiatives" })).toBeDisabled();
    fireEvent.click(screen.getByRole("button", { name: "Insert initiatives template" }));
    await screen.findByText("Inserted the initiatives template");
    const sheet = (name: string) => host.sheets().find((s) => s.name === name);
    expect(sheet("Initiatives")?.tables[0].headers).toEqual(CONTRACT_COLUMNS.Initiatives);
    expect(sheet("Initiatives")?.tables[0].rows).toEqual([]);
    expect(sheet("Initiative Segments")?.tables[0].headers).toEqual(CONTRACT_COLUMNS["Initiative Segments"]);
    expect(host.sheets().map((s) => s.name)).not.toContain("Policy");
    expect(screen.queryByRole("button", { name: "Insert initiatives template" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Analyse initiatives" }));
    expect(await screen.findByText(/The Initiatives table has no rows yet/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Write A-ROI sheets" })).toBeDisabled();
  });

  test("Analyse reads the latest Initiatives rows and keeps the pane's decisions", async () => {
    const base = smallDistrict();
    const initiative = (name: string, gain: Cell): Cell[] => [name, "Academics", "", "All", "Math", "Grades 6-8", "", 100_000, 0, 0, 0, 200, gain, 4, 4];
    const withInitiatives = (rows: Cell[][]): RawTables => ({
      ...base,
      initiatives: { name: "Initiatives", headers: CONTRACT_COLUMNS.Initiatives, rows, origin: { sheet: "Initiatives", headerRow: 1, firstColumn: 1, kind: "table" } },
    });
    const host = createMemoryHost(withInitiatives([initiative("Tutoring", 0.2)]));
    await renderApp(host);
    await allocateNow();
    type(screen.getByLabelText("Elementary Poverty weight"), "1");
    await analyse();
    expect(screen.getAllByRole("listitem", { name: /Tutoring|Coaching/ })).toHaveLength(1);

    host.setTables(withInitiatives([initiative("Tutoring", 0.2), initiative("Coaching", "abc")]));
    fireEvent.click(screen.getByRole("button", { name: "Analyse initiatives" }));
    expect(await screen.findByText("Fix the Initiatives tables first")).toBeInTheDocument();
    expect(screen.getByText(/Initiatives row 3, column "Learning Gain"/)).toBeInTheDocument();

    host.setTables(withInitiatives([initiative("Tutoring", 0.2), initiative("Coaching", null)]));
    fireEvent.click(screen.getByRole("button", { name: "Analyse initiatives" }));
    await waitFor(() => expect(screen.getAllByRole("listitem", { name: /Tutoring|Coaching/ })).toHaveLength(2));
    expect(card("Coaching")).toHaveTextContent("no outcome data");
    // The weight typed in the pane is still there: analysing does not re-read the decisions.
    goTo("Allocation");
    expect(screen.getByLabelText("Elementary Poverty weight")).toHaveValue("1");
  });
});
