/** @jest-environment jsdom */
/**
 * The pane's school table on a 1,000-school district renders only the rows in view (jsdom has no layout: the table
 * assumes 20 rows of 32 px), tells assistive technology where each stands among all 1,000, scrolls to any school
 * with the engine's figure, follows an edit, and keeps a focused or selected row as it was when it scrolls away.
 */
import "@testing-library/jest-dom";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { createMemoryHost } from "../../../../src/host/memory";
import { allocate } from "../../../../src/engine/allocate";
import { parseDistrict } from "../../../../src/engine/parse";
import type { Allocation, RawTables } from "../../../../src/engine/types";
import { syntheticDistrict } from "../../../../src/sample/synthetic";
import { allocateNow, goTo, renderApp, schoolRowsShown, type } from "../../helpers";

const ROW = 32;
/** 20 assumed rows in view plus 8 either side at most. */
const MAX_SHOWN = 20 + 2 * 8;

/**
 * A generated 1,000-school district (its Policy floors and caps left out so the pool pays them, as in the end-to-end
 * test), and with `w` a copy with Level 2's base weight set to it.
 */
function thousand(w?: number): RawTables {
  const raw = syntheticDistrict({ schools: 1000, levels: 3, needs: 3, sources: 20, seed: 11 });
  if (raw.policy) raw.policy = { ...raw.policy, rows: raw.policy.rows.filter((r) => !/hold harmless|gain cap|minimum|phase/i.test(String(r[0]))) };
  if (w === undefined) return raw;
  const rows = raw.weights.rows.map((r) => (r[0] === "Base" && r[1] === "Level 2" ? [r[0], r[1], w, r[3]] : r));
  return { ...raw, weights: { ...raw.weights, rows } };
}

function engine(raw: RawTables): Allocation {
  const p = parseDistrict(raw);
  if (!p.ok) throw new Error("the generated district must parse");
  return allocate(p.district);
}

/** "$1,234,567" or "−$5" as whole dollars. */
const dollars = (text: string) => Number(text.replace(/[$,+\s]/g, "").replace("−", "-"));

/** The shown rows as [aria-rowindex, name, total in dollars]. */
function shown(table: HTMLElement): [number, string, number][] {
  return schoolRowsShown(table).map((tr) => {
    const td = tr.querySelectorAll("td");
    return [Number(tr.getAttribute("aria-rowindex")), td[1].textContent ?? "", dollars(td[2].textContent ?? "")];
  });
}

/** What the engine says those rows should be: the school at each position in name order, and its total. */
function expected(a: Allocation, positions: number[]): [number, string, number][] {
  const order = a.schools.map((s) => s).sort((x, y) => x.name.localeCompare(y.name));
  return positions.map((p) => [p + 2, order[p].name, Math.round(order[p].total / 100)]);
}

function scrollTo(scroller: HTMLElement, px: number) {
  fireEvent.scroll(scroller, { target: { scrollTop: px } });
}

async function ready() {
  const before = engine(thousand());
  expect(before.errors).toEqual([]);
  await renderApp(createMemoryHost(thousand()));
  await allocateNow();
  goTo("Schools");
  const table = await screen.findByRole("table", { name: "Schools" });
  return { before, table, scroller: screen.getByTestId("schools-scroll") };
}

describe("pane: the school table on 1,000 schools renders only the rows in view", () => {
  test("a window of rows with their true positions; scrolled to the bottom the last school has the engine's total", async () => {
    const { before, table, scroller } = await ready();
    expect(table).toHaveAttribute("aria-rowcount", "1001");
    expect(within(table).getAllByRole("row")[0]).toHaveAttribute("aria-rowindex", "1");
    const top = shown(table);
    expect(top.length).toBeGreaterThanOrEqual(20);
    expect(top.length).toBeLessThanOrEqual(MAX_SHOWN);
    expect(top).toEqual(expected(before, top.map(([i]) => i - 2)));
    expect(top[0][0]).toBe(2);

    scrollTo(scroller, 500 * ROW);
    const middle = shown(table);
    expect(middle.length).toBeLessThanOrEqual(MAX_SHOWN);
    expect(middle.map(([i]) => i)).toContain(502);
    expect(middle).toEqual(expected(before, middle.map(([i]) => i - 2)));
    // The spacers stand for exactly the rows not rendered: 500 above the window's first, the rest below.
    const spacers = Array.from(table.querySelectorAll<HTMLElement>('tbody tr[aria-hidden="true"] td')).map((td) => parseInt(td.style.height, 10) / ROW);
    expect(spacers).toEqual([middle[0][0] - 2, 1000 - (middle.at(-1)?.[0] ?? 0) + 1]);

    scrollTo(scroller, 1000 * ROW);
    const bottom = shown(table);
    expect(bottom.length).toBeLessThanOrEqual(MAX_SHOWN);
    expect(bottom.at(-1)).toEqual(expected(before, [999])[0]);
    expect(bottom).toEqual(expected(before, bottom.map(([i]) => i - 2)));
  });

  test("a weight edit updates the totals in view to the engine's new figures", async () => {
    await ready();
    goTo("Allocation");
    const table = await screen.findByRole("table", { name: "Schools" });
    const scroller = screen.getByTestId("schools-scroll");
    scrollTo(scroller, 700 * ROW);
    const was = shown(table);
    expect(was.length).toBeLessThanOrEqual(MAX_SHOWN);
    const after = engine(thousand(2.5));
    expect(after.errors).toEqual([]);
    type(screen.getByLabelText("Level 2 Base weight"), "2.5");
    await waitFor(() => expect(shown(table)).not.toEqual(was));
    const now = shown(table);
    expect(now.map(([i]) => i)).toEqual(was.map(([i]) => i));
    expect(now).toEqual(expected(after, now.map(([i]) => i - 2)));
  });

  test("sorted by total, the bottom row is the smallest total", async () => {
    const { before, table, scroller } = await ready();
    fireEvent.click(within(screen.getByRole("columnheader", { name: "Total" })).getByRole("button"));
    scrollTo(scroller, 1000 * ROW);
    const smallest = Math.min(...before.schools.map((s) => s.total));
    const last = shown(table).at(-1);
    expect(last?.[0]).toBe(1001);
    expect(last?.[2]).toBe(Math.round(smallest / 100));
  });

  test("a focused row scrolled out of view stays rendered and focused, with its neighbours; a selected row comes back selected", async () => {
    const { before, table, scroller } = await ready();
    const name = expected(before, [3])[0][1];
    const box = screen.getByRole("checkbox", { name: `Select ${name}` });
    fireEvent.click(box);
    act(() => box.focus());
    scrollTo(scroller, 600 * ROW);
    expect(document.activeElement).toBe(box);
    expect(box).toBeChecked();
    const positions = shown(table).map(([i]) => i - 2);
    expect(positions.slice(0, 3)).toEqual([2, 3, 4]);
    expect(positions[3]).toBeGreaterThan(500);
    // Focus leaving the table lets the row go; scrolled back it is rendered again, still selected.
    act(() => box.blur());
    fireEvent.blur(box, { relatedTarget: document.body });
    expect(screen.queryByRole("checkbox", { name: `Select ${name}` })).toBeNull();
    scrollTo(scroller, 0);
    expect(screen.getByRole("checkbox", { name: `Select ${name}` })).toBeChecked();
  });
});
