import { deleteScenario, listScenarios, saveScenario } from "../../src/excel/scenarios";
import { CELL_TEXT_LIMIT, SCENARIO_SHEET } from "../../src/report/registry";
import { FakeExcel } from "./fakeExcel";

function bigJson(bytes: number): string {
  const weights: Record<string, number | string> = {};
  let i = 0;
  // Values chosen so chunks may start with "-", digits or "=": all must survive as text.
  while (JSON.stringify(weights).length < bytes) {
    weights[`w${i}`] = i % 3 === 0 ? -i / 7 : i % 3 === 1 ? `=formula-like ${i}` : i;
    i++;
  }
  return JSON.stringify({ weights });
}

describe("scenarios", () => {
  test("no sheet yet: an empty list, and nothing is created by listing", async () => {
    const fx = new FakeExcel();
    fx.addSheet("Data");
    expect(await listScenarios(fx.ctx)).toEqual([]);
    expect(fx.sheetNames()).toEqual(["Data"]);
  });

  test("a 100 KB scenario round-trips exactly, in cells of at most 32,767 characters, in a very hidden sheet", async () => {
    const fx = new FakeExcel();
    fx.addSheet("Data", [["keep"]]);
    const json = bigJson(100_000);
    await saveScenario(fx.ctx, { name: "Plan A", savedAt: "2025-03-01T12:00:00.000Z", json });
    expect(fx.sheet(SCENARIO_SHEET).visibility).toBe("VeryHidden");
    for (const cell of fx.sheet(SCENARIO_SHEET).cells.values()) {
      expect(cell.formula).toBeNull();
      if (typeof cell.value === "string") expect(cell.value.length).toBeLessThanOrEqual(CELL_TEXT_LIMIT);
    }
    expect(fx.grid(SCENARIO_SHEET)[1].length).toBeGreaterThan(5);
    const list = await listScenarios(fx.ctx);
    expect(list).toEqual([{ name: "Plan A", savedAt: "2025-03-01T12:00:00.000Z", json }]);
    expect(JSON.parse(list[0].json)).toEqual(JSON.parse(json));
    expect(fx.grid("Data")).toEqual([["keep"]]);
  });

  test("save replaces a scenario of the same name; delete removes it; names that look like numbers stay text", async () => {
    const fx = new FakeExcel();
    fx.addSheet("Data");
    await saveScenario(fx.ctx, { name: "2025", savedAt: "t1", json: '{"a":1}' });
    await saveScenario(fx.ctx, { name: "Plan B", savedAt: "t2", json: "-1" });
    await saveScenario(fx.ctx, { name: "2025", savedAt: "t3", json: bigJson(40_000) });
    let list = await listScenarios(fx.ctx);
    expect(list.map((s) => [s.name, s.savedAt])).toEqual([
      ["2025", "t3"],
      ["Plan B", "t2"],
    ]);
    expect(list[1].json).toBe("-1");
    await deleteScenario(fx.ctx, "2025");
    list = await listScenarios(fx.ctx);
    expect(list).toEqual([{ name: "Plan B", savedAt: "t2", json: "-1" }]);
    // The old, longer row left no chunks behind.
    expect(fx.grid(SCENARIO_SHEET).every((row) => row.length <= 3)).toBe(true);
    await deleteScenario(fx.ctx, "no such scenario");
    expect(await listScenarios(fx.ctx)).toHaveLength(1);
  });

  test("a scenario needs a name", async () => {
    const fx = new FakeExcel();
    fx.addSheet("Data");
    await expect(saveScenario(fx.ctx, { name: "  ", savedAt: "", json: "{}" })).rejects.toThrow(/needs a name/);
  });
});
