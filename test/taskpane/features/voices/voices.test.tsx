/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { analyseSurvey } from "../../../../src/analysis/survey";
import { parseSurveys } from "../../../../src/engine/parse/surveys";
import { createMemoryHost } from "../../../../src/host/memory";
import { sampleDistrict } from "../../../../src/sample/district";
import { surveyReadingText } from "../../../../src/words/survey";
import { smallDistrict } from "../../fixture";
import { allocateNow, goTo, renderApp } from "../../helpers";

describe("pane: Voices (survey and readiness) and Peer benchmark", () => {
  test("the sample: the survey's readings and flags as the engine computes them, readiness by area, written as sheets", async () => {
    const tables = sampleDistrict();
    const expected = analyseSurvey(parseSurveys(tables, { errors: [], warnings: [] })!);
    const host = createMemoryHost(tables);
    await renderApp(host);
    goTo("Voices");
    const section = await screen.findByRole("region", { name: "Voices" }, { timeout: 15000 }); // the feature loads on first show
    const readings = within(section).getByRole("list", { name: "What the survey says" });
    expect(within(readings).getAllByRole("listitem").map((li) => li.textContent)).toEqual(expected.readings.map(surveyReadingText));
    expect(within(section).getByRole("list", { name: "Survey flags" })).toHaveTextContent(/of principals agree in 2025 Fall, down \d+ points since 2024 Fall/);
    const table = within(section).getByRole("table", { name: "Survey by component" });
    expect(within(table).getAllByRole("row")).toHaveLength(1 + 7);
    // the diverging bars carry the chart description's text alternative
    expect(within(section).getAllByRole("img")[0]).toHaveAccessibleName(/^Diverging stacked bars for 7 components\./);
    expect(within(section).getByRole("list", { name: "Readiness by area" })).toHaveTextContent("Systems: 2.0 of 4");
    fireEvent.click(within(section).getByRole("button", { name: "Write survey sheets" }));
    await within(section).findByText("Written");
    expect(host.sheets().filter((s) => s.own).map((s) => s.name)).toEqual(["Survey Results", "Survey Detail", "Readiness Summary"]);
  });

  test("the peer benchmark of the sample: a row per function, the dot plot and the plain words; written as sheets", async () => {
    const host = createMemoryHost(sampleDistrict());
    await renderApp(host);
    goTo("Peers");
    const section = await screen.findByRole("region", { name: "Peer benchmark" }, { timeout: 15000 });
    const table = within(section).getByRole("table", { name: "Peer benchmark by function" });
    expect(within(table).getAllByRole("row")).toHaveLength(1 + 9);
    expect(within(table).getByText("Central Administration").parentElement).toHaveTextContent(/\+\$\d+/);
    expect(within(section).getByRole("img")).toHaveAccessibleName(/^Dot plot of 9 functions\. Above the peer median: .*Central Administration/);
    expect(within(section).getByRole("list", { name: "What the benchmark says" })).toHaveTextContent(/matching the median would free \$[\d.]+ million/);
    fireEvent.click(within(section).getByRole("button", { name: "Write benchmark sheets" }));
    await within(section).findByText("Written");
    expect(host.sheets().filter((s) => s.own).map((s) => s.name)).toEqual(["Peer Benchmark", "Peer Data"]);
  });

  test("without survey tables: insert the template, then the empty table is reported, not analysed", async () => {
    const host = createMemoryHost(smallDistrict());
    await renderApp(host);
    goTo("Voices");
    const section = await screen.findByRole("region", { name: "Voices" }, { timeout: 15000 }); // the feature loads on first show
    expect(section).toHaveTextContent("No Survey Responses table yet.");
    fireEvent.click(within(section).getByRole("button", { name: "Insert survey template" }));
    await waitFor(() => expect(host.sheets().map((s) => s.name)).toEqual(expect.arrayContaining(["Survey Items", "Survey Waves", "Survey Responses", "Readiness"])));
    await within(section).findByText("The Survey Responses table has no answers yet.");
    // the shipped readiness questions are listed, not yet rated
    expect(within(section).getByRole("list", { name: "Readiness by area" })).toHaveTextContent("Vision: not rated (0 of 3 rated");
  });

  test("a Response of 5 is a located problem and no result is shown", async () => {
    const tables = sampleDistrict();
    tables["survey responses"].rows[0][6] = 5;
    await renderApp(createMemoryHost(tables));
    goTo("Voices");
    const section = await screen.findByRole("region", { name: "Voices" }, { timeout: 15000 }); // the feature loads on first show
    expect(within(section).getByRole("list", { name: "Survey tables: fix these to see the results" })).toHaveTextContent(
      `Survey Responses row 2, column "Response" (G2): expected a whole number from 1 (strongly disagree) to 4 (strongly agree), or blank for no answer, found 5`,
    );
    expect(within(section).queryByRole("list", { name: "What the survey says" })).toBeNull();
  });

  test("the equity write adds the outcomes (sample's Outcomes table) and $ per pupil by student type", async () => {
    const host = createMemoryHost(sampleDistrict());
    await renderApp(host);
    await allocateNow();
    goTo("Equity");
    fireEvent.click(await screen.findByRole("button", { name: "Write equity sheets" }));
    await screen.findByText("Written", {}, { timeout: 15000 });
    expect(host.sheets().filter((s) => s.own).map((s) => s.name)).toEqual(["Equity", "Equity Data", "Poverty Deciles", "Outcome Analysis", "Student Types"]);
  });
});
