import { createMemoryHost } from "../../src/host/memory";
import type { RawTable, RawTables } from "../../src/engine/types";
import type { SheetPlan } from "../../src/report/plan";

function table(name: string, headers: string[], rows: (string | number)[][]): RawTable {
  return { name, headers, rows, origin: { sheet: name, headerRow: 1, firstColumn: 1, kind: "table" } };
}

function plan(name: string, role = "summary", v = "x"): SheetPlan {
  return { name, role, cells: [{ r: 0, c: 0, v }], tables: [], charts: [] };
}

const schools = table("Schools", ["School ID", "School Name"], [["S1", "Adams"], ["S2", "Baker"]]);
const enrollment = table("Enrollment", ["School ID", "Level", "Students"], [["S1", "Elementary", 300]]);

describe("createMemoryHost", () => {
  test("reads the tables it was given, with status for every contract table", async () => {
    const host = createMemoryHost({ schools, enrollment });
    const read = await host.readTables();
    expect(Object.keys(read.tables).sort()).toEqual(["enrollment", "schools"]);
    expect(read.tables.schools.rows).toEqual([["S1", "Adams"], ["S2", "Baker"]]);
    const byName = Object.fromEntries(read.status.map((s) => [s.name, s]));
    expect(byName.Schools).toMatchObject({ found: true, rows: 2 });
    expect(byName.Schools.where).toContain("Schools");
    expect(byName.Revenue).toEqual({ name: "Revenue", found: false, rows: 0, where: null });
    expect(read.errors).toEqual([]);
  });

  test("an empty workbook has no sheets and reports every table missing", async () => {
    const host = createMemoryHost(null);
    expect(host.sheets()).toEqual([]);
    const read = await host.readTables();
    expect(read.status.every((s) => !s.found)).toBe(true);
  });

  test("reads return copies: changing them does not change the workbook", async () => {
    const host = createMemoryHost({ schools });
    const read = await host.readTables();
    read.tables.schools.rows[0][1] = "changed";
    const again = await host.readTables();
    expect(again.tables.schools.rows[0][1]).toBe("Adams");
  });

  test("render creates own sheets, reports progress per sheet and lists them in the registry", async () => {
    const host = createMemoryHost({ schools });
    const progress: string[] = [];
    const res = await host.render([plan("Summary"), plan("Matrix", "matrix")], {
      onProgress: (p) => progress.push(`${p.done}/${p.total}`),
    });
    expect(res).toEqual({ sheets: ["Summary", "Matrix"], cancelled: false, notes: [] });
    expect(progress).toEqual(["0/2", "1/2", "2/2"]);
    expect(host.sheets().map((s) => [s.name, s.own, s.role])).toEqual([
      ["Schools", false, "input"],
      ["Summary", true, "summary"],
      ["Matrix", true, "matrix"],
    ]);
    expect(host.registry().map((e) => e.sheet)).toEqual(["Summary", "Matrix"]);
  });

  test("a second render replaces own sheets and keeps other own sheets", async () => {
    const host = createMemoryHost(null);
    await host.render([plan("Summary", "summary", "old"), plan("Adams", "school")]);
    await host.render([plan("Summary", "summary", "new")]);
    const names = host.sheets().map((s) => s.name);
    expect(names).toEqual(["Adams", "Summary"]);
    const summary = host.sheets().find((s) => s.name === "Summary");
    expect(summary?.plan?.cells[0].v).toBe("new");
    expect(host.registry().filter((e) => e.sheet === "Summary")).toHaveLength(1);
  });

  test("a user sheet with a plan's name is never touched: the plan gets a unique name", async () => {
    const host = createMemoryHost({ summary: table("Summary", ["Note"], [["mine"]]) });
    const res = await host.render([plan("summary")]);
    expect(res.sheets).toEqual(["summary (2)"]);
    const user = host.sheets().find((s) => s.name === "Summary");
    expect(user?.own).toBe(false);
    expect(user?.tables[0].rows).toEqual([["mine"]]);
  });

  test("cancelling mid-render leaves the previous own sheets intact (all-or-nothing)", async () => {
    const controller = new AbortController();
    const host = createMemoryHost(null, {
      beforeSheet: async (i) => {
        if (i === 1) controller.abort();
      },
    });
    await host.render([plan("Summary", "summary", "old")]);
    const before = host.sheets();
    const res = await host.render([plan("Summary", "summary", "new"), plan("Matrix", "matrix")], {
      signal: controller.signal,
    });
    expect(res).toEqual({ sheets: [], cancelled: true, notes: [] });
    expect(host.sheets()).toEqual(before);
    expect(host.registry().map((e) => e.sheet)).toEqual(["Summary"]);
  });

  test("an already aborted signal writes nothing", async () => {
    const host = createMemoryHost(null);
    const c = new AbortController();
    c.abort();
    const res = await host.render([plan("Summary")], { signal: c.signal });
    expect(res.cancelled).toBe(true);
    expect(host.sheets()).toEqual([]);
  });

  test("insertTables adds tables on new sheets and refuses to replace an existing table", async () => {
    const host = createMemoryHost({ schools });
    await host.insertTables({ enrollment });
    expect(host.sheets().map((s) => s.name)).toEqual(["Schools", "Enrollment"]);
    await expect(host.insertTables({ schools: table("SCHOOLS", ["School ID"], []), weights: table("Weights", ["Category"], []) })).rejects.toThrow(/SCHOOLS/);
    // Nothing at all was added by the refused call.
    expect(host.sheets().map((s) => s.name)).toEqual(["Schools", "Enrollment"]);
  });

  test("insertTables avoids clashing with an existing sheet name", async () => {
    const host = createMemoryHost(null);
    await host.render([plan("Revenue")]);
    await host.insertTables({ revenue: table("Revenue", ["Source", "Amount"], [["Title I", 5]]) });
    const read = await host.readTables();
    expect(read.tables.revenue.origin.sheet).toBe("Revenue (2)");
  });

  test("selectCell records the selection and rejects unknown sheets", async () => {
    const host = createMemoryHost({ schools });
    await host.selectCell("schools", "B3");
    expect(host.selection()).toEqual({ sheet: "Schools", address: "B3" });
    await expect(host.selectCell("Nope", "A1")).rejects.toThrow(/Nope/);
  });

  test("scenarios: save, replace by name, list sorted, delete", async () => {
    const host = createMemoryHost(null);
    await host.saveScenario({ name: "B plan", savedAt: "t1", json: "{}" });
    await host.saveScenario({ name: "A plan", savedAt: "t1", json: "{}" });
    await host.saveScenario({ name: "b PLAN", savedAt: "t2", json: "{\"x\":1}" });
    let list = await host.listScenarios();
    expect(list.map((s) => s.name)).toEqual(["A plan", "b PLAN"]);
    expect(list[1].json).toBe("{\"x\":1}");
    await host.deleteScenario("a plan");
    list = await host.listScenarios();
    expect(list.map((s) => s.name)).toEqual(["b PLAN"]);
    await expect(host.saveScenario({ name: "  ", savedAt: "t", json: "{}" })).rejects.toThrow();
  });

  test("capabilities default to ok and can be configured", async () => {
    expect(await createMemoryHost(null).capabilities()).toEqual({ ok: true, missing: [] });
    const limited = createMemoryHost(null, { capabilities: { ok: false, missing: ["ExcelApi 1.9"] } });
    expect(await limited.capabilities()).toEqual({ ok: false, missing: ["ExcelApi 1.9"] });
  });

  test("setTables edits a table in place and notifies subscribers", async () => {
    const host = createMemoryHost({ schools });
    let calls = 0;
    const off = host.subscribe(() => calls++);
    const edited: RawTables = { schools: table("Schools", ["School ID", "School Name"], [["S9", "Zed"]]) };
    host.setTables(edited);
    expect((await host.readTables()).tables.schools.rows).toEqual([["S9", "Zed"]]);
    expect(calls).toBe(1);
    off();
    host.setTables(edited);
    expect(calls).toBe(1);
  });
});

describe("memory host: files handed to the user", () => {
  const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  test("openWorkbook and download are recorded in order, as copies, and notify the preview", async () => {
    const host = createMemoryHost(null);
    let changes = 0;
    host.subscribe(() => changes++);
    const bytes = new Uint8Array([0x50, 0x4b, 1]);
    await host.openWorkbook("S1 Adams.xlsx", bytes);
    bytes[2] = 99;
    await host.download("School calculators.zip", new Uint8Array([7]), "application/zip");
    expect(host.files()).toEqual([
      { kind: "workbook", name: "S1 Adams.xlsx", mime: XLSX, bytes: new Uint8Array([0x50, 0x4b, 1]) },
      { kind: "download", name: "School calculators.zip", mime: "application/zip", bytes: new Uint8Array([7]) },
    ]);
    expect(changes).toBe(2);
    expect(host.sheets()).toEqual([]); // the workbook itself is not touched
  });

  test("with deliver (the preview's browser download) every file is delivered first; a failed delivery is not recorded", async () => {
    const delivered: [string, number, string][] = [];
    let fail = false;
    const host = createMemoryHost(null, {
      deliver: async (name, bytes, mime) => {
        if (fail) throw new Error("the browser blocked the download");
        delivered.push([name, bytes.byteLength, mime]);
      },
    });
    await host.openWorkbook("S1 Adams.xlsx", new Uint8Array([1, 2]));
    expect(delivered).toEqual([["S1 Adams.xlsx", 2, XLSX]]);
    fail = true;
    await expect(host.download("b.zip", new Uint8Array([1]), "application/zip")).rejects.toThrow(/blocked/);
    expect(host.files().map((f) => f.name)).toEqual(["S1 Adams.xlsx"]);
  });

  test("an empty file or a blank name is refused", async () => {
    const host = createMemoryHost(null);
    await expect(host.openWorkbook("a.xlsx", new Uint8Array(0))).rejects.toThrow(/empty/);
    await expect(host.download(" ", new Uint8Array([1]), "x")).rejects.toThrow(/needs a name/);
    expect(host.files()).toEqual([]);
  });
});
