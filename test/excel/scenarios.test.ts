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

/** A JSON text of about `bytes` characters, built in one go (bigJson grows it step by step, slowly for large sizes). */
function wideJson(bytes: number): string {
  const parts: string[] = [];
  for (let i = 0, n = 2; n < bytes; i++) {
    const part = `"w${i}":${i % 3 === 0 ? -i / 7 : i % 3 === 1 ? `"=formula-like ${i} é"` : i}`;
    parts.push(part);
    n += part.length + 1;
  }
  return `{${parts.join(",")}}`;
}

describe("scenarios: Excel's request and response limits", () => {
  test("a list larger than one response is read in pieces; a row larger than one request is written a few cells at a time", async () => {
    const fx = new FakeExcel();
    fx.addSheet("Data");
    const a = wideJson(300_000);
    const b = wideJson(50_000);
    await saveScenario(fx.ctx, { name: "A", savedAt: "t", json: a });
    await saveScenario(fx.ctx, { name: "B", savedAt: "t", json: b });
    fx.responseLimit = 150_000;
    fx.requestLimit = 150_000;
    const requests = fx.requests.length;
    expect((await listScenarios(fx.ctx)).map((s) => s.json)).toEqual([a, b]);
    // Saving again with a request budget smaller than scenario A's row (300 KB).
    await saveScenario(fx.ctx, { name: "C", savedAt: "t", json: "{}" }, 120_000);
    expect(Math.max(...fx.requests.slice(requests).map((r) => r.bytes))).toBeLessThanOrEqual(150_000);
    expect((await listScenarios(fx.ctx)).map((s) => [s.name, s.json])).toEqual([["A", a], ["B", b], ["C", "{}"]]);
    expect(fx.sheetNames()).toEqual(["Data", SCENARIO_SHEET]);
  });

  test("a save that fails part-way loses no saved scenario (the new list is written aside, then swapped in)", async () => {
    const fx = new FakeExcel();
    fx.addSheet("Data");
    await saveScenario(fx.ctx, { name: "Keep me", savedAt: "t", json: wideJson(100_000) });
    const before = await listScenarios(fx.ctx);
    for (const label of ["range.values", "worksheet.name", "worksheet.delete"]) {
      fx.failOnAction = { label, nth: 1 };
      await expect(saveScenario(fx.ctx, { name: "New", savedAt: "t", json: wideJson(100_000) }, 30_000)).rejects.toThrow(/Simulated failure/);
      fx.failOnAction = null;
      expect(await listScenarios(fx.ctx)).toEqual(before);
      expect(fx.sheetNames()).toEqual(["Data", SCENARIO_SHEET]);
      expect(fx.sheet(SCENARIO_SHEET).visibility).toBe("VeryHidden");
    }
  });
});
