/// <reference types="office-js" />
import { MAX_REQUEST_BYTES, TEMP_PREFIX } from "../../src/excel/limits";
import { renderPlans } from "../../src/excel/render";
import { REGISTRY_SHEET } from "../../src/report/registry";
import type { SheetPlan } from "../../src/report/plan";
import { allocate } from "../../src/engine/allocate";
import { parseDistrict } from "../../src/engine/parse";
import { calculatorPlans } from "../../src/report/calculator";
import { textLayout } from "../../src/report/print";
import { sampleDistrict } from "../../src/sample/district";
import { FakeExcel } from "./fakeExcel";
import { budgetsTable, cellsFrom, envUpTo, plan, schoolPlan } from "./helpers";

const FOUR_MB = 4 * 1024 * 1024;

function userWorkbook(): FakeExcel {
  const fx = new FakeExcel();
  fx.addSheet("Schools", [
    ["School ID", "School Name", "Current Budget"],
    ["S1", "Adams", 1000],
    ["S2", "=SUM(A1)", 2000],
  ]);
  fx.addTable("Schools", "Schools", "A1:C3");
  fx.addSheet("Summary", [["My own notes"], [42]]);
  fx.sheet("Summary").colWidths[0] = 99;
  return fx;
}

function registryOf(fx: FakeExcel) {
  return fx.grid(REGISTRY_SHEET).slice(1).map((row) => ({ sheet: row[0], role: row[1] }));
}

function summaryPlan(): SheetPlan {
  return plan("Summary", "summary", {
    cells: [
      { r: 0, c: 0, v: "Summary", style: "title" },
      { r: 1, c: 0, v: "Schools total", style: "label" },
      { r: 1, c: 1, f: "SUM(SchoolBudgets[Total])", fmt: "currency" },
      { r: 2, c: 0, v: "First school", style: "label" },
      { r: 2, c: 1, f: "'School Budgets'!D4" },
      { r: 3, c: 0, v: "Note: see 'School Budgets'!D4", style: "note" },
    ],
    names: [{ name: "Schools_Total", ref: "$B$2" }],
    tabColor: "1F6FB2",
  });
}

function budgetsPlan(rows = 3): SheetPlan {
  return plan("School Budgets", "school-budgets", { tables: [budgetsTable(rows)], freeze: { rows: 3, cols: 1 } });
}

describe("renderPlans", () => {
  test("writes values, formulas, formats, styles, tables, names and the registry; a user 'Summary' sheet is kept", async () => {
    const fx = userWorkbook();
    const before = fx.snapshot("Summary");
    const res = await renderPlans(fx.ctx, [summaryPlan(), budgetsPlan()], {}, envUpTo("1.12"));
    expect(res.cancelled).toBe(false);
    expect(res.sheets).toEqual(["Summary (2)", "School Budgets"]);
    expect(fx.snapshot("Summary")).toEqual(before);
    expect(fx.sheetNames()).toEqual(["Schools", "Summary", "Summary (2)", "School Budgets", REGISTRY_SHEET]);
    expect(fx.sheetNames().some((n) => n.startsWith(TEMP_PREFIX))).toBe(false);

    // Cross-sheet and structured references point at the final sheet and table names.
    expect(fx.cell("Summary (2)", "B2")?.formula).toBe("=SUM(SchoolBudgets[Total])");
    expect(fx.cell("Summary (2)", "B3")?.formula).toBe("='School Budgets'!D4");
    // A string that mentions a sheet is left alone.
    expect(fx.cell("Summary (2)", "A4")?.value).toBe("Note: see 'School Budgets'!D4");
    expect(fx.cell("Summary (2)", "B2")?.numberFormat).toBe('"$"#,##0.00');
    expect(fx.cell("Summary (2)", "A1")?.format).toMatchObject({ "font.bold": true, "font.size": 16 });
    expect(fx.cell("Summary (2)", "A4")?.format).toMatchObject({ "font.italic": true });
    expect(fx.sheet("Summary (2)").tabColor).toBe("#1F6FB2");

    const table = fx.tables.find((t) => t.name === "SchoolBudgets");
    expect(table).toBeDefined();
    expect(table?.sheet.name).toBe("School Budgets");
    expect(table?.style).toBe("TableStyleMedium2");
    expect(table?.showTotals).toBe(true);
    expect(fx.grid("School Budgets").slice(2, 6)).toEqual([
      ["School ID", "School Name", "Students", "Total"],
      ["S1", "School 1", 300, 1_000_000],
      ["S2", "School 2", 301, 1_000_100],
      ["S3", "School 3", 302, 1_000_200],
    ]);
    expect(fx.cell("School Budgets", "D7")?.formula).toBe("=SUBTOTAL(109,[Total])");
    expect(fx.cell("School Budgets", "A7")?.value).toBe("Total");
    expect(fx.cell("School Budgets", "D4")?.numberFormat).toBe('"$"#,##0.00');
    expect(fx.sheet("School Budgets").frozen).toEqual({ rows: 3, cols: 1 });

    const name = fx.names.find((n) => n.name === "Schools_Total");
    expect(name?.scope).toBeNull();
    expect(name?.sheet?.name).toBe("Summary (2)");

    expect(fx.sheet(REGISTRY_SHEET).visibility).toBe("VeryHidden");
    expect(registryOf(fx)).toEqual([
      { sheet: "Summary (2)", role: "summary" },
      { sheet: "School Budgets", role: "school-budgets" },
    ]);
    expect(fx.active?.name).toBe("Summary (2)");
    // Calculation is suspended for each write batch.
    expect(fx.appCalls).toContain("calc");
  });

  test("a school named \"=SUM(A1)\" gets a sheet and a title written as text; page layout and screen updating follow the API sets", async () => {
    const fx = userWorkbook();
    const p = { ...schoolPlan(1, 2, "=SUM(A1)"), print: { landscape: true, fitToPage: true } };
    const res = await renderPlans(fx.ctx, [p], {}, envUpTo("1.8"));
    expect(res.sheets).toEqual(["=SUM(A1)"]);
    expect(fx.cell("=SUM(A1)", "A1")).toMatchObject({ value: "=SUM(A1)", formula: null });
    expect(fx.appCalls).not.toContain("screen");
    expect(fx.sheet("=SUM(A1)").props).toEqual({});
    const fx2 = userWorkbook();
    await renderPlans(fx2.ctx, [p], {}, envUpTo("1.9"));
    expect(fx2.appCalls).toContain("screen");
    expect(fx2.sheet("=SUM(A1)").props).toMatchObject({
      "pageLayout.orientation": "Landscape",
      "pageLayout.zoom": { horizontalFitToPages: 1, verticalFitToPages: 0 },
      "pageLayout.printArea": expect.stringMatching(/^A1:[A-Z]+\d+$/),
      "pageLayout.headersFooters.leftHeader": "&F",
      "pageLayout.headersFooters.rightHeader": "&A",
      "pageLayout.headersFooters.rightFooter": "Page &P of &N",
    });
  });

  test("text that looks like a formula or a number is written as text (quote prefix), never as a formula", async () => {
    const fx = userWorkbook();
    const p = plan("Odd names", "school", {
      cells: cellsFrom([["=SUM(A1)", "+1", "-5", "@x", "007", "15-Feb", "TRUE", "'quoted", "40%", "plain"]]),
      tables: [{ name: "Odd", r: 3, c: 0, headers: ["=Name", "Value"], rows: [["=SUM(A1)", 1]] }],
    });
    await renderPlans(fx.ctx, [p], {}, envUpTo("1.12"));
    expect(fx.grid("Odd names")[0]).toEqual(["=SUM(A1)", "+1", "-5", "@x", "007", "15-Feb", "TRUE", "'quoted", "40%", "plain"]);
    for (let c = 0; c < 10; c++) expect(fx.sheet("Odd names").cells.get(`0,${c}`)?.formula).toBeNull();
    expect(fx.cell("Odd names", "A4")?.value).toBe("=Name");
    expect(fx.cell("Odd names", "A5")?.value).toBe("=SUM(A1)");
    expect(fx.cell("Odd names", "A5")?.formula).toBeNull();
  });

  test("re-render replaces only the sheets listed in the registry", async () => {
    const fx = userWorkbook();
    await renderPlans(fx.ctx, [summaryPlan(), budgetsPlan(), schoolPlan(1), schoolPlan(2)], {}, envUpTo("1.12"));
    // The user adds a sheet named like one of ours would be, and one of their own.
    fx.addSheet("School 3", [["user data"]]);
    fx.addSheet("Notes", [["keep me"]]);
    const userSheets = ["Schools", "Summary", "School 3", "Notes"];
    const before = userSheets.map((s) => fx.snapshot(s));
    const second = [summaryPlan(), budgetsPlan(5), schoolPlan(1, 3), schoolPlan(3, 3)];
    const res = await renderPlans(fx.ctx, second, {}, envUpTo("1.12"));
    expect(res.sheets).toEqual(["Summary (2)", "School Budgets", "School 1", "School 3 (2)"]);
    expect(userSheets.map((s) => fx.snapshot(s))).toEqual(before);
    // "School 2" was ours with role "school": replaced by the new set (gone).
    expect(fx.sheetNames().sort()).toEqual([...userSheets, "Summary (2)", "School Budgets", "School 1", "School 3 (2)", REGISTRY_SHEET].sort());
    expect(fx.grid("School Budgets").length).toBe(2 + 1 + 5 + 1);
    expect(fx.tables.filter((t) => t.name.toLowerCase().startsWith("schoolbudgets")).map((t) => t.name)).toEqual(["SchoolBudgets"]);
    expect(fx.names.filter((n) => n.name === "Schools_Total")).toHaveLength(1);
    expect(fx.names.find((n) => n.name === "Schools_Total")?.sheet?.name).toBe("Summary (2)");
    expect(registryOf(fx).map((e) => e.sheet)).toEqual(res.sheets);
  });

  test("a school calculator: long texts wrap as in the .xlsx writer (merged across their room, rows as tall as their lines)", async () => {
    const parsed = parseDistrict(sampleDistrict());
    if (!parsed.ok) throw new Error("sample");
    const plans = calculatorPlans(allocate(parsed.district), 0);
    const fx = userWorkbook();
    await renderPlans(fx.ctx, plans, {}, envUpTo("1.12"));
    let merged = 0;
    for (const p of plans) {
      const sheet = fx.sheet(p.name);
      const t = textLayout(p);
      for (const w of t.wrapped) {
        expect([p.name, w.r, w.c, fx.cellAt(sheet, w.r, w.c).format.wrapText]).toEqual([p.name, w.r, w.c, true]);
        const areas = sheet.merged.filter((m) => m.r === w.r && m.c === w.c);
        expect(areas).toEqual(w.last > w.c ? [{ r: w.r, c: w.c, rows: 1, cols: w.last - w.c + 1 }] : []);
        merged += areas.length;
      }
      for (const row of t.rows) {
        expect(fx.cellAt(sheet, row.r, 0).format.rowHeight).toBe(row.height);
        expect(fx.cellAt(sheet, row.r, 0).format.verticalAlignment).toBe(row.align === "top" ? "Top" : "Bottom");
      }
      // the written texts are the plan's (nothing merged away)
      for (const c of p.cells) if (typeof c.v === "string") expect(fx.cellAt(sheet, c.r, c.c).value).toBe(c.v);
    }
    expect(merged).toBeGreaterThan(0);
  });

  test("own sheets of another role are kept on re-render, and stay in the registry", async () => {
    const fx = userWorkbook();
    await renderPlans(fx.ctx, [plan("A-ROI", "aroi", { cells: cellsFrom([["ROI"]]) })], {}, envUpTo("1.12"));
    await renderPlans(fx.ctx, [summaryPlan()], {}, envUpTo("1.12"));
    expect(fx.grid("A-ROI")).toEqual([["ROI"]]);
    expect(registryOf(fx)).toEqual([
      { sheet: "A-ROI", role: "aroi" },
      { sheet: "Summary (2)", role: "summary" },
    ]);
  });

  test("1,000 school sheets and a 1,000-row table: batched syncs, none over 4 MB, progress after each batch", async () => {
    const fx = userWorkbook();
    const plans = [plan("School Budgets", "school-budgets", { tables: [budgetsTable(1000)] })];
    const detail = ": 312 students at the Elementary level x $4,512.37 per weighted pupil from State Foundation Aid (Unlocked, distributed by the formula)";
    for (let i = 1; i <= 1000; i++) plans.push(schoolPlan(i, 40, `School ${i}`, detail));
    const progress: number[] = [];
    const res = await renderPlans(fx.ctx, plans, { onProgress: (p) => progress.push(p.done) }, envUpTo("1.12"));
    expect(res.sheets).toHaveLength(1001);

    const total = fx.requests.reduce((a, r) => a + r.bytes, 0);
    const biggest = Math.max(...fx.requests.map((r) => r.bytes));
    expect(total).toBeGreaterThan(1.5 * FOUR_MB); // big enough that batching matters
    expect(biggest).toBeLessThan(FOUR_MB);
    expect(biggest).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    // list + fill batches + swap; no per-sheet or per-cell syncs.
    expect(fx.syncCount).toBeLessThanOrEqual(Math.ceil(total / FOUR_MB) + 4);
    expect(fx.syncCount).toBeGreaterThanOrEqual(4);
    // Progress is monotone and ends at the total.
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress[progress.length - 1]).toBe(1001);
    // Blocks, not cells: each school sheet is written with a few range writes.
    const writes = fx.log.filter((l) => l === "range.values" || l === "range.formulas").length;
    expect(writes).toBeLessThan(1001 * 4);
    // Spot-check a sheet.
    expect(fx.grid("School 777")[3]).toEqual(["Line 0 of the explanation for School 777" + detail, 100, 1234.56]);
    expect(fx.cell("School 777", "C44")?.formula).toBe("=SUM(C4:C43)");
    expect(fx.sheet("School 777").colWidths[0]).toBeCloseTo((40 * 7 + 5) * 0.75);
  });

  function failureCase() {
    const fx = userWorkbook();
    const plans = [summaryPlan(), budgetsPlan(50)];
    for (let i = 1; i <= 60; i++) plans.push(schoolPlan(i, 30));
    return { fx, plans, env: { ...envUpTo("1.12"), maxRequestBytes: 60_000 } };
  }

  async function expectUnchangedAfter(inject: (fx: FakeExcel) => void, message: RegExp) {
    const { fx, plans, env } = failureCase();
    await renderPlans(fx.ctx, [summaryPlan(), budgetsPlan(), schoolPlan(1)], {}, env);
    const names = fx.sheetNames();
    const before = names.map((s) => fx.snapshot(s));
    // Excel lists names alphabetically, so only the set of names (and where they point) is observable.
    const nameList = () => JSON.stringify(fx.names.map((x) => [x.name, x.scope?.name, x.sheet?.name]).sort());
    const namesBefore = nameList();
    const tablesBefore = fx.tables.map((t) => t.name);
    fx.syncCount = 0;
    inject(fx);
    await expect(renderPlans(fx.ctx, plans, {}, env)).rejects.toThrow(message);
    expect(fx.sheetNames()).toEqual(names);
    expect(names.map((s) => fx.snapshot(s))).toEqual(before);
    expect(nameList()).toBe(namesBefore);
    expect(fx.tables.map((t) => t.name)).toEqual(tablesBefore);
  }

  test("a failed request at any point (listing, every write batch, the swap) leaves the workbook exactly as it was", async () => {
    const dry = failureCase();
    await renderPlans(dry.fx.ctx, dry.plans, {}, dry.env);
    const syncs = dry.fx.syncCount;
    expect(syncs).toBeGreaterThan(5);
    for (let n = 1; n <= syncs; n++) {
      await expectUnchangedAfter((fx) => (fx.failOnSync = n), /Simulated failure of request .*(nothing was changed|left as it was)/);
    }
  });

  test("an action failing midway through a write batch (earlier actions applied) is cleaned up too", async () => {
    await expectUnchangedAfter((fx) => (fx.failOnAction = { label: "range.values", nth: 40 }), /Writing the report sheets failed \(Simulated failure of action range.values #40\)/);
    // In the swap request: after the old sheets were parked and the new ones renamed.
    await expectUnchangedAfter((fx) => (fx.failOnAction = { label: "names.add", nth: 1 }), /Writing the report sheets failed \(Simulated failure of action names.add #1\)\. The workbook was left as it was/);
    await expectUnchangedAfter((fx) => (fx.failOnAction = { label: "worksheet.delete", nth: 1 }), /left as it was/);
    await expectUnchangedAfter((fx) => (fx.failOnAction = { label: "worksheet.activate", nth: 1 }), /left as it was/);
  });

  test("cancel between batches deletes the temporary sheets and changes nothing else", async () => {
    const fx = userWorkbook();
    const names = fx.sheetNames();
    const before = names.map((s) => fx.snapshot(s));
    const controller = new AbortController();
    const plans = [budgetsPlan(20)];
    for (let i = 1; i <= 50; i++) plans.push(schoolPlan(i, 30));
    const progress: number[] = [];
    const res = await renderPlans(
      fx.ctx,
      plans,
      {
        signal: controller.signal,
        onProgress: (p) => {
          progress.push(p.done);
          if (progress.length === 2) controller.abort();
        },
      },
      { ...envUpTo("1.12"), maxRequestBytes: 50_000 },
    );
    expect(res).toEqual({ sheets: [], cancelled: true, notes: [] });
    expect(progress).toHaveLength(2);
    expect(fx.sheetNames()).toEqual(names);
    expect(names.map((s) => fx.snapshot(s))).toEqual(before);
    expect(fx.tables.map((t) => t.name)).toEqual(["Schools"]);
  });

  test("an already aborted signal writes nothing", async () => {
    const fx = userWorkbook();
    const controller = new AbortController();
    controller.abort();
    const res = await renderPlans(fx.ctx, [summaryPlan()], { signal: controller.signal }, envUpTo("1.12"));
    expect(res.cancelled).toBe(true);
    expect(fx.syncCount).toBe(0);
  });

  test("charts: series, categories, titles, trendline; bubble drawn as a bubble chart from ExcelApi 1.7 (type 1.1, sizes 1.7)", async () => {
    const cells = cellsFrom([
      ["School", "Poverty %", "Per pupil", "Students"],
      ["A", 0.2, 9000, 300],
      ["B", 0.5, 11000, 500],
      ["C", 0.8, 13000, 200],
    ]);
    const p = plan("Equity", "equity", {
      cells,
      charts: [
        {
          kind: "scatter",
          title: "Per pupil vs poverty",
          xTitle: "Poverty %",
          yTitle: "$ per pupil",
          series: [{ name: "Schools", values: "C2:C4", categories: "B2:B4", trendline: "linear" }],
          at: { r: 6, c: 0, width: 8, height: 15 },
        },
        {
          kind: "bubble",
          title: "Size by students",
          series: [{ name: "Schools", values: "C2:C4", categories: "B2:B4", sizes: "D2:D4" }],
          at: { r: 6, c: 9, width: 8, height: 15 },
        },
        {
          kind: "columnClustered",
          title: "Two series",
          series: [
            { name: "Per pupil", values: "C2:C4", categories: "A2:A4" },
            { name: "Students", values: "D2:D4", categories: "A2:A4" },
          ],
          at: { r: 22, c: 0, width: 8, height: 15 },
        },
        { kind: "pie", title: "Students", yTitle: "ignored", series: [{ name: "Students", values: "D2:D4", categories: "A2:A4" }], at: { r: 22, c: 9, width: 6, height: 12 } },
      ],
    });
    const full = new FakeExcel();
    full.addSheet("Data");
    const r1 = await renderPlans(full.ctx, [p], {}, envUpTo("1.12"));
    expect(r1.notes).toEqual([]);
    const [scatter, bubble, column, pie] = full.sheet("Equity").charts;
    expect(scatter.type).toBe("XYScatter");
    expect(scatter.title).toBe("Per pupil vs poverty");
    expect(scatter.xTitle).toBe("Poverty %");
    expect(scatter.yTitle).toBe("$ per pupil");
    expect(scatter.series).toHaveLength(1);
    expect(scatter.series[0]).toMatchObject({ name: "Schools", trendlines: ["Linear"] });
    expect(scatter.series[0].values?.rect).toEqual({ r: 1, c: 2, rows: 3, cols: 1 });
    expect(scatter.series[0].x?.rect).toEqual({ r: 1, c: 1, rows: 3, cols: 1 });
    expect(scatter.position).toEqual(["A7", "H21"]);
    expect(bubble.type).toBe("Bubble");
    expect(bubble.series[0].sizes?.rect).toEqual({ r: 1, c: 3, rows: 3, cols: 1 });
    expect(column.series.map((s) => [s.name, s.values?.rect.c])).toEqual([
      ["Per pupil", 2],
      ["Students", 3],
    ]);
    expect(pie.type).toBe("Pie");
    expect(pie.yTitle).toBe("");

    const old = new FakeExcel();
    old.addSheet("Data");
    const r2 = await renderPlans(old.ctx, [p], {}, envUpTo("1.7"));
    expect(old.sheet("Equity").charts[1].type).toBe("Bubble");
    expect(old.sheet("Equity").charts[1].series[0].sizes?.rect).toEqual({ r: 1, c: 3, rows: 3, cols: 1 });
    expect(r2.notes.filter((n) => /bubble|scatter/i.test(n))).toEqual([]);
  });

  test("protection, unlocked input cells, hidden sheets, sheet-level names when several sheets share one", async () => {
    const fx = new FakeExcel();
    fx.addSheet("Inputs");
    fx.addName("Total_Budget", "Inputs", "A1");
    const calc = (i: number) =>
      plan(`Calc ${i}`, "calculator", {
        cells: [
          { r: 0, c: 0, v: "Students", style: "label" },
          { r: 0, c: 1, v: 100 * i, style: "input", unlocked: true },
          { r: 1, c: 0, v: "Total", style: "total" },
          { r: 1, c: 1, f: "B1*10", style: "total" },
        ],
        names: [{ name: "Total_Budget", ref: "$B$2" }, { name: `Students_${i}`, ref: "$B$1" }],
        protect: { password: "pw" },
      });
    const hidden = plan("Lookup", "lookup", { cells: cellsFrom([["x"]]), hidden: true });
    const res = await renderPlans(fx.ctx, [calc(1), calc(2), hidden], {}, envUpTo("1.12"));
    expect(res.sheets).toEqual(["Calc 1", "Calc 2", "Lookup"]);
    expect(fx.sheet("Calc 1").protected).toBe(true);
    expect(fx.sheet("Calc 1").password).toBe("pw");
    expect(fx.cell("Calc 1", "B1")?.format["protection.locked"]).toBe(false);
    expect(fx.cell("Calc 1", "B1")?.format["fill.color"]).toBeDefined();
    expect(fx.sheet("Lookup").visibility).toBe("Hidden");
    // Total_Budget: on two plans -> sheet-level on each; the user's workbook-level name is untouched.
    const tb = fx.names.filter((n) => n.name === "Total_Budget");
    expect(tb.map((n) => [n.scope?.name ?? null, n.sheet?.name])).toEqual([
      [null, "Inputs"],
      ["Calc 1", "Calc 1"],
      ["Calc 2", "Calc 2"],
    ]);
    expect(fx.names.find((n) => n.name === "Students_2")).toMatchObject({ scope: null, rect: { r: 0, c: 1, rows: 1, cols: 1 } });
  });

  test("a sheet larger than one request is split into row bands", async () => {
    const fx = new FakeExcel();
    fx.addSheet("Data");
    const big = plan("Big", "big", { tables: [budgetsTable(20_000, "Big")] });
    await renderPlans(fx.ctx, [big], {}, { ...envUpTo("1.12"), maxRequestBytes: 400_000 });
    expect(Math.max(...fx.requests.map((r) => r.bytes))).toBeLessThan(400_000);
    expect(fx.syncCount).toBeGreaterThan(3);
    expect(fx.grid("Big")[2 + 20_000]).toEqual(["S20000", "School 20000", 20_299, 1_000_000 + 19_999 * 100]);
    expect(fx.tables.find((t) => t.name === "Big")?.rect).toEqual({ r: 2, c: 0, rows: 20_002, cols: 4 });
  });
});

describe("renderPlans: what real Excel refuses", () => {
  test("a first render failing in the swap after the registry became very hidden still puts the workbook back", async () => {
    // Real Excel refuses to delete a very hidden sheet; the undo must make the new registry visible first.
    const fx = userWorkbook();
    const names = fx.sheetNames();
    const before = names.map((s) => fx.snapshot(s));
    fx.failOnAction = { label: "worksheet.activate", nth: 1 };
    await expect(renderPlans(fx.ctx, [summaryPlan(), budgetsPlan()], {}, envUpTo("1.12"))).rejects.toThrow(
      /Simulated failure of action worksheet.activate #1\)\. The workbook was left as it was/,
    );
    expect(fx.sheetNames()).toEqual(names);
    expect(names.map((s) => fx.snapshot(s))).toEqual(before);
    expect(fx.names).toEqual([]);
  });

  test("request sizes are counted in UTF-8 bytes: text in a non-Latin script stays under the budget", async () => {
    const fx = userWorkbook();
    // 3 bytes per character in UTF-8, 1 unit in UTF-16: a budget counted in UTF-16 units would send 3x too much.
    const wide = "学校予算".repeat(500);
    const plans = Array.from({ length: 20 }, (_, i) => plan(`School ${i + 1}`, "school", { cells: cellsFrom(Array.from({ length: 20 }, () => [wide])) }));
    fx.requestLimit = 400_000;
    await renderPlans(fx.ctx, plans, {}, { ...envUpTo("1.12"), maxRequestBytes: 300_000 });
    expect(Math.max(...fx.requests.map((r) => r.bytes))).toBeLessThanOrEqual(400_000);
  });
});

describe("renderPlans: the tool's marks", () => {
  test("every written sheet carries a hidden mark; the mark of a sheet the user deleted (#REF!) is removed at the next write", async () => {
    const fx = userWorkbook();
    await renderPlans(fx.ctx, [summaryPlan(), budgetsPlan()], {}, envUpTo("1.12"));
    const marks = () => fx.names.filter((n) => n.name.startsWith("_sfs_own_"));
    expect(marks().map((n) => [n.sheet?.name, n.visible])).toEqual([
      ["Summary (2)", false],
      ["School Budgets", false],
    ]);
    fx.deleteSheet(fx.sheet("School Budgets"));
    expect(marks().map((n) => n.sheet?.name ?? "#REF!")).toEqual(["Summary (2)", "#REF!"]);
    await renderPlans(fx.ctx, [summaryPlan()], {}, envUpTo("1.12"));
    expect(marks().map((n) => n.sheet?.name ?? "#REF!")).toEqual(["Summary (2)"]);
  });
});
