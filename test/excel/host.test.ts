/// <reference types="office-js" />
import { createExcelHost, type ExcelRunner } from "../../src/excel/host";
import { selectCell } from "../../src/excel/select";
import { FakeExcel } from "./fakeExcel";
import { envUpTo, plan } from "./helpers";

function runnerFor(fx: FakeExcel): ExcelRunner {
  return <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => batch(fx.ctx);
}

describe("createExcelHost", () => {
  test("wires every Host method to the workbook", async () => {
    const fx = new FakeExcel();
    fx.addSheet("Schools", [["School ID", "School Name"], ["S1", "Adams"]]);
    const host = createExcelHost(runnerFor(fx), envUpTo("1.11"));
    expect(host.kind).toBe("excel");
    const read = await host.readTables();
    expect(read.tables.schools.rows).toEqual([["S1", "Adams"]]);
    const res = await host.render([plan("Summary", "summary", { cells: [{ r: 0, c: 0, v: "Hello" }] })]);
    expect(res.sheets).toEqual(["Summary"]);
    await host.saveScenario({ name: "A", savedAt: "now", json: "{}" });
    expect(await host.listScenarios()).toEqual([{ name: "A", savedAt: "now", json: "{}" }]);
    await host.deleteScenario("A");
    expect(await host.listScenarios()).toEqual([]);
    const caps = await host.capabilities();
    expect(caps.ok).toBe(true);
    // ExcelApi 1.11 draws everything the studio writes (bubble charts need 1.7); only the merged-cell check (1.13) is missing.
    expect(caps.missing).toEqual([expect.stringMatching(/Merged cells.*1\.13/)]);
    await host.selectCell("Schools", "B2");
    expect(fx.selection).toEqual({ sheet: "Schools", address: "B2" });
    expect(fx.active?.name).toBe("Schools");
  });
});

describe("selectCell", () => {
  test("activates the sheet and selects the cell, in one sync; accepts Sheet!A1 addresses", async () => {
    const fx = new FakeExcel();
    fx.addSheet("One");
    fx.addSheet("Revenue (2025)");
    await selectCell(fx.ctx, "Revenue (2025)", "'Revenue (2025)'!C7");
    expect(fx.syncCount).toBe(1);
    expect(fx.active?.name).toBe("Revenue (2025)");
    expect(fx.selection).toEqual({ sheet: "Revenue (2025)", address: "C7" });
  });
  test("a missing sheet rejects", async () => {
    const fx = new FakeExcel();
    fx.addSheet("One");
    await expect(selectCell(fx.ctx, "Nope", "A1")).rejects.toThrow(/ItemNotFound/);
  });
});
