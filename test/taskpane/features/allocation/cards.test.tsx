/** @jest-environment jsdom */
/** The result cards add up to the pool and show the engine's (and summary.json's) figures, for the sample and random districts. */
import "@testing-library/jest-dom";
import { cleanup, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { allocate } from "../../../../src/engine/allocate";
import { parseDistrict } from "../../../../src/engine/parse";
import { summaryJson } from "../../../../src/report/summary";
import type { Allocation } from "../../../../src/engine/types";
import { sampleDistrict } from "../../../../src/sample/district";
import { ResultCards } from "../../../../src/taskpane/features/allocation/ResultCards";
import { randomDistrict } from "../../../helpers/randomDistrict";

/** "$1,234.56" or "−$5" as cents, read independently of the pane's formatter. */
function cents(text: string): number {
  const t = text.replace(/[$,\s]/g, "").replace("−", "-");
  if (!/^-?\d+(\.\d\d)?$/.test(t)) throw new Error(`not an amount: ${text}`);
  return Math.round(Number(t) * 100);
}

function shownCards(a: Allocation): Map<string, number> {
  render(
    <FluentProvider theme={webLightTheme}>
      <ResultCards allocation={a} />
    </FluentProvider>,
  );
  const list = screen.getByLabelText("Totals");
  const out = new Map<string, number>();
  for (const dt of Array.from(list.querySelectorAll("dt"))) out.set(dt.textContent ?? "", cents(dt.nextElementSibling?.textContent ?? ""));
  cleanup();
  return out;
}

function check(a: Allocation) {
  const cards = shownCards(a);
  const json = summaryJson(a).totals;
  const pool = cards.get("Revenue pool");
  expect(pool).toBe(a.totals.revenue);
  expect(pool).toBe(Math.round(json.revenue * 100));
  // The parts: held centrally (without the surplus), the surplus when there is one, and what reaches schools.
  const held = cards.get("Held centrally") ?? NaN;
  const surplus = cards.get("Surplus (kept centrally)") ?? 0;
  const schools = cards.get("To schools") ?? NaN;
  expect(held + surplus + schools).toBe(pool);
  expect(held).toBe(Math.round((json.central - json.surplus) * 100));
  expect(surplus).toBe(Math.round(json.surplus * 100));
  expect(schools).toBe(Math.round(json.schools * 100));
  expect(cards.has("Surplus (kept centrally)")).toBe(a.totals.surplus !== 0);
  if (a.totals.unfunded !== 0) expect(cards.get("Unfunded formula cost")).toBe(a.totals.unfunded);
}

describe("result cards", () => {
  test("the sample district: the cards add up to the pool and equal summary.json", () => {
    const p = parseDistrict(sampleDistrict());
    if (!p.ok) throw new Error("the sample must parse");
    check(allocate(p.district));
  });

  test("random districts: the cards add up to the pool, to the cent", () => {
    let checked = 0;
    for (let seed = 1; seed <= 25; seed++) {
      let a: Allocation;
      try {
        a = allocate(randomDistrict(seed));
      } catch {
        continue; // decisions the engine refuses have no cards
      }
      check(a);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });

  test("a surplus is shown once: on its own card, not inside Held centrally", () => {
    const p = parseDistrict(sampleDistrict());
    if (!p.ok) throw new Error("the sample must parse");
    const a = allocate(p.district);
    const withSurplus: Allocation = { ...a, totals: { ...a.totals, surplus: 200, central: a.totals.central } };
    const cards = shownCards(withSurplus);
    expect(cards.get("Surplus (kept centrally)")).toBe(200);
    expect(cards.get("Held centrally")).toBe(a.totals.central - 200);
  });
});
