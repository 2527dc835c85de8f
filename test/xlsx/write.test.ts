import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { NumberFormat, SheetPlan } from "../../src/report/plan";
import { REGISTRY_SHEET } from "../../src/report/registry";
import { readWorkbook } from "../../src/xlsx/read";
import { readRegistry } from "../../src/xlsx/registry-sheet";

/** Each registry row carries the per-run random mark its sheet also holds (src/host/ownership.ts). */
const MARK = expect.stringMatching(/^[a-z0-9]{12}_\d+$/) as unknown as string;
import { NUMBER_FORMATS, COLORS } from "../../src/xlsx/styles";
import { PlanError, SKIPS_CHARTS, renderPlans, writeWorkbook, writeWorkbookFile } from "../../src/xlsx/write";
import { excelLikeWorkbook } from "./excel-like";
import { cellXml, load, parts, save, sheetXml, snapshotSheet } from "./helpers";

const NOW = new Date(Date.UTC(2025, 2, 4, 12, 0, 0));

function plan(name: string, extra: Partial<SheetPlan> = {}): SheetPlan {
  return { name, role: extra.role ?? "summary", cells: [], tables: [], charts: [], ...extra };
}

const FORMATS: NumberFormat[] = ["currency", "currency0", "percent", "percent1", "integer", "decimal2", "decimal4", "text", "date"];
const LOOKS_LIKE_FORMULA = ["=1+2", "+44", "-x", "@home", "=SUM(A1:A3)"];

function richPlan(): SheetPlan {
  return plan("Summary", {
    cells: [
      { r: 0, c: 0, v: "District budget", style: "title" },
      { r: 1, c: 0, v: "FY 2025", style: "subtitle" },
      { r: 2, c: 0, v: "Source", style: "header" },
      { r: 3, c: 0, v: "Total", style: "total" },
      { r: 4, c: 0, v: "a note", style: "note" },
      { r: 5, c: 0, v: 7, style: "input", fmt: "integer" },
      { r: 6, c: 0, v: "up", style: "good" },
      { r: 7, c: 0, v: "down", style: "bad" },
      { r: 8, c: 0, v: "Label", style: "label" },
      { r: 9, c: 0, v: 3, unlocked: true },
      { r: 10, c: 0, v: true },
      { r: 11, c: 0, v: null },
      { r: 12, c: 0, v: Number.POSITIVE_INFINITY },
      ...FORMATS.map((fmt, i) => ({ r: 20 + i, c: 1, v: fmt === "text" ? "00123" : 1234.5678, fmt })),
      ...LOOKS_LIKE_FORMULA.map((v, i) => ({ r: 40 + i, c: 0, v })),
      { r: 50, c: 0, f: "SUM(B21:B22)", result: 2469.1356, fmt: "currency" as NumberFormat },
      { r: 51, c: 0, f: "=A50&\"x\"", result: "=1+2x" },
      { r: 52, c: 0, f: "1/0" },
    ],
    widths: { 0: 30, 1: 14 },
    freeze: { rows: 3, cols: 1 },
    tabColor: "1F6FB2",
    print: { landscape: true, fitToPage: true },
  });
}

describe("writeWorkbook: values, formats and styles", () => {
  let buf: Buffer;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    buf = await writeWorkbook([richPlan()], undefined, { now: NOW });
    ws = (await load(buf)).getWorksheet("Summary")!;
  });

  test("values and number formats come back", () => {
    expect(ws.getCell("A1").value).toBe("District budget");
    expect(ws.getCell("A11").value).toBe(true);
    expect(ws.getCell("A12").value).toBeNull();
    expect(ws.getCell("A13").value).toEqual({ error: "#NUM!" });
    FORMATS.forEach((fmt, i) => {
      const cell = ws.getCell(21 + i, 2);
      expect(cell.numFmt).toBe(NUMBER_FORMATS[fmt]);
    });
    expect(NUMBER_FORMATS.currency).toBe('"$"#,##0.00');
    expect(NUMBER_FORMATS.currency0).toBe('"$"#,##0');
    expect(ws.getCell("B28").value).toBe("00123");
  });

  test("named styles", () => {
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 16 });
    expect(ws.getCell("A2").font).toMatchObject({ bold: true, size: 12 });
    expect(ws.getCell("A3").font).toMatchObject({ bold: true });
    expect(ws.getCell("A3").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: COLORS.headerFill } });
    expect(ws.getCell("A3").border.bottom).toMatchObject({ style: "thin" });
    expect(ws.getCell("A4").font).toMatchObject({ bold: true });
    expect(ws.getCell("A4").border.top).toMatchObject({ style: "thin" });
    expect(ws.getCell("A5").font).toMatchObject({ italic: true, color: { argb: COLORS.note } });
    expect(ws.getCell("A6").fill).toMatchObject({ fgColor: { argb: COLORS.inputFill } });
    expect(ws.getCell("A7").font).toMatchObject({ color: { argb: COLORS.good } });
    expect(ws.getCell("A8").font).toMatchObject({ color: { argb: COLORS.bad } });
    expect(ws.getCell("A9").font).toMatchObject({ bold: true });
  });

  test("text that looks like a formula stays text (read back and raw XML)", async () => {
    const xml = await sheetXml(buf, "Summary");
    LOOKS_LIKE_FORMULA.forEach((v, i) => {
      const cell = ws.getCell(41 + i, 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(v);
      expect(cell.formula).toBeUndefined();
      const c = cellXml(xml, `A${41 + i}`);
      expect(c).toMatch(/t="s"/);
      expect(c).not.toMatch(/<f>/);
    });
    // The same through ExcelJS's sheet model.
    const model = ws.model as unknown as { rows: { cells: { type: number; value: unknown; formula?: string }[] }[] };
    const modelCells = model.rows.flatMap((r) => r.cells).filter((c) => LOOKS_LIKE_FORMULA.includes(String(c.value)));
    expect(modelCells).toHaveLength(LOOKS_LIKE_FORMULA.length);
    for (const c of modelCells) {
      expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(c.formula).toBeUndefined();
    }
  });

  test("formulas are written with their cached results", async () => {
    expect(ws.getCell("A51").value).toEqual({ formula: "SUM(B21:B22)", result: 2469.1356 });
    expect(ws.getCell("A51").numFmt).toBe(NUMBER_FORMATS.currency);
    expect(ws.getCell("A52").value).toEqual({ formula: 'A50&"x"', result: "=1+2x" });
    expect(ws.getCell("A53").value).toEqual({ formula: "1/0" });
    const xml = await sheetXml(buf, "Summary");
    expect(cellXml(xml, "A51")).toMatch(/<f>SUM\(B21:B22\)<\/f><v>2469.1356<\/v>/);
  });

  test("sheet settings: widths, freeze panes, tab colour, print setup", () => {
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.getColumn(2).width).toBe(14);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 3 });
    expect(ws.properties.tabColor).toEqual({ argb: "FF1F6FB2" });
    expect(ws.pageSetup.orientation).toBe("landscape");
    expect(ws.pageSetup.fitToPage).toBe(true);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.fitToHeight).toBe(0);
  });

  test("the registry lists the sheet and is very hidden", async () => {
    const wb = await load(buf);
    const reg = wb.getWorksheet(REGISTRY_SHEET)!;
    expect(reg.state).toBe("veryHidden");
    expect(readRegistry(wb)).toEqual([{ sheet: "Summary", role: "summary", written: NOW.toISOString(), mark: MARK }]);
    const xml = (await parts(buf, /xl\/workbook\.xml$/))["xl/workbook.xml"];
    expect(xml).toMatch(new RegExp(`<sheet [^>]*name="${REGISTRY_SHEET}"[^>]*state="veryHidden"`));
  });
});

describe("writeWorkbook: tables", () => {
  const tablePlan = (): SheetPlan =>
    plan("School Budgets", {
      role: "school-budgets",
      tables: [
        {
          name: "SchoolBudgets",
          r: 2,
          c: 1,
          headers: ["School", "Students", "Total", "Share"],
          rows: [
            ["Lincoln", 300, 1500000.25, 0.6],
            ["=Washington", 200, 1000000.5, 0.4],
          ],
          formats: [undefined, "integer", "currency", "percent1"],
          totals: [1, 2],
        },
        { name: "Empty Table!", r: 10, c: 0, headers: ["A", "A", ""], rows: [] },
      ],
    });

  test("real tables with ref, headers, style, formats and a totals row", async () => {
    const buf = await writeWorkbook([tablePlan()]);
    const ws = (await load(buf)).getWorksheet("School Budgets")!;
    const t = (ws as unknown as { tables: Record<string, { model: Record<string, unknown> }> }).tables;
    expect(Object.keys(t).sort()).toEqual(["Empty_Table", "SchoolBudgets"]);
    const m = t.SchoolBudgets.model as { tableRef: string; headerRow: boolean; totalsRow: boolean; columns: { name: string; totalsRowFunction?: string }[]; style: { theme: string } };
    expect(m.tableRef).toBe("B3:E6");
    expect(m.headerRow).toBe(true);
    expect(m.totalsRow).toBe(true);
    expect(m.style.theme).toBe("TableStyleMedium2");
    expect(m.columns.map((c) => c.name)).toEqual(["School", "Students", "Total", "Share"]);
    expect(m.columns.map((c) => c.totalsRowFunction)).toEqual([undefined, "sum", "sum", "none"]);
    expect(ws.getCell("B5").value).toBe("=Washington");
    expect(ws.getCell("B5").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("C4").numFmt).toBe(NUMBER_FORMATS.integer);
    expect(ws.getCell("D5").numFmt).toBe(NUMBER_FORMATS.currency);
    expect(ws.getCell("E4").numFmt).toBe(NUMBER_FORMATS.percent1);
    expect(ws.getCell("B6").value).toBe("Total");
    expect(ws.getCell("D6").value).toEqual({ formula: "SUBTOTAL(109,SchoolBudgets[Total])", result: 2500000.75 });
    expect(ws.getCell("D6").numFmt).toBe(NUMBER_FORMATS.currency);
    // An empty table still gets one (blank) data row, and its headers are made unique and non-empty.
    const e = t.Empty_Table.model as { tableRef: string; columns: { name: string }[] };
    expect(e.tableRef).toBe("A11:C12");
    expect(e.columns.map((c) => c.name)).toEqual(["A", "A 2", "Column3"]);
    // Reading the written table back gives the same data (once the sheet is no longer marked as ours).
    const wb = await load(buf);
    wb.removeWorksheet(wb.getWorksheet(REGISTRY_SHEET)!.id);
    const read = await readWorkbook(await save(wb), ["SchoolBudgets"]);
    if (!read.ok) throw new Error("expected ok");
    expect(read.tables.schoolbudgets.rows).toEqual(tablePlan().tables[0].rows);
    expect(read.tables.schoolbudgets.origin).toEqual({ sheet: "School Budgets", headerRow: 3, firstColumn: 2, kind: "table" });
  });

  test("a summed first column gets a SUBTOTAL instead of the label", async () => {
    const p = plan("T", { tables: [{ name: "Nums", r: 0, c: 0, headers: ["N", "M"], rows: [[1, 2], [3, 4]], totals: [0, 1] }] });
    const ws = (await load(await writeWorkbook([p]))).getWorksheet("T")!;
    expect(ws.getCell("A4").value).toEqual({ formula: "SUBTOTAL(109,Nums[N])", result: 4 });
    expect(ws.getCell("B4").value).toEqual({ formula: "SUBTOTAL(109,Nums[M])", result: 6 });
  });

  test("table names are unique in the workbook (user tables and defined names included)", async () => {
    const base = new ExcelJS.Workbook();
    const user = base.addWorksheet("Data");
    user.addTable({ name: "SchoolBudgets", ref: "A1", columns: [{ name: "X" }], rows: [[1]] });
    base.definedNames.add("Data!$A$2", "SchoolBudgets_2");
    const p = tablePlan();
    p.cells.push({ r: 0, c: 0, f: "SUM(SchoolBudgets[Total])", result: 2500000.75 });
    const res = renderPlans(base, [p, plan("Other", { tables: [{ ...p.tables[0], r: 0, c: 0 }] })]);
    expect(res.tables).toEqual({ SchoolBudgets: "SchoolBudgets_4", "Empty Table!": "Empty_Table" });
    const wb = await load(await save(base));
    const names = wb.worksheets.flatMap((ws) => Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables));
    expect(names.sort()).toEqual(["Empty_Table", "SchoolBudgets", "SchoolBudgets_3", "SchoolBudgets_4"].sort());
    // Formulas that name the table follow the rename.
    expect(wb.getWorksheet("School Budgets")!.getCell("A1").value).toEqual({ formula: "SUM(SchoolBudgets_3[Total])", result: 2500000.75 });
  });
});

describe("writeWorkbook: defined names, protection, hidden sheets, charts", () => {
  const calc = (): SheetPlan =>
    plan("O'Brien Calc", {
      role: "calculator",
      cells: [
        { r: 4, c: 2, v: 300, style: "input", fmt: "integer" },
        { r: 5, c: 2, v: 0.25, unlocked: true, fmt: "percent" },
        { r: 6, c: 2, f: "C5*1000", result: 300000, fmt: "currency" },
        { r: 7, c: 2, v: "locked label" },
      ],
      names: [
        { name: "Input_Students_Elementary", ref: "$C$5" },
        { name: "Total_Budget", ref: "C7" },
        { name: "Both", ref: "$C$5:$C$6" },
      ],
      protect: {},
    });

  test("defined names resolve to the right cells", async () => {
    const wb = await load(await writeWorkbook([calc()]));
    const ranges = (n: string) => wb.definedNames.getRanges(n).ranges;
    expect(ranges("Total_Budget")).toEqual(["'O''Brien Calc'!$C$7"]);
    expect(ranges("Input_Students_Elementary")).toEqual(["'O''Brien Calc'!$C$5"]);
    expect(ranges("Both")).toEqual(["'O''Brien Calc'!$C$5:$C$6"]);
    expect(wb.getWorksheet("O'Brien Calc")!.getCell("C7").value).toEqual({ formula: "C5*1000", result: 300000 });
  });

  test("protection: sheet protected, input and unlocked cells editable, others locked", async () => {
    const buf = await writeWorkbook([calc(), { ...calc(), name: "Second", names: [], protect: { password: "s3cret" } }, { ...calc(), name: "Third", names: [], protect: { password: "s3cret" } }]);
    const wb = await load(buf);
    const ws = wb.getWorksheet("O'Brien Calc")!;
    const prot = (w: ExcelJS.Worksheet) => (w as unknown as { sheetProtection: Record<string, unknown> | null }).sheetProtection;
    // ExcelJS reads "allowed" (Excel's default) as undefined and "forbidden" as false.
    expect(prot(ws)).toMatchObject({ sheet: true, formatColumns: true, formatRows: true });
    expect(prot(ws)!.formatCells).not.toBe(true);
    expect(prot(ws)!.insertRows).not.toBe(true);
    expect(prot(ws)!.selectLockedCells).not.toBe(false);
    expect(prot(ws)!.selectUnlockedCells).not.toBe(false);
    expect(prot(ws)!.hashValue).toBeUndefined();
    expect(ws.getCell("C5").protection).toMatchObject({ locked: false });
    expect(ws.getCell("C6").protection).toMatchObject({ locked: false });
    // Locked is Excel's default: no protection override on the other cells.
    expect(ws.getCell("C7").protection?.locked).not.toBe(false);
    expect(ws.getCell("C8").protection?.locked).not.toBe(false);
    const second = prot(wb.getWorksheet("Second")!)!;
    expect(second).toMatchObject({ sheet: true, algorithmName: "SHA-512" });
    expect(typeof second.hashValue).toBe("string");
    expect(prot(wb.getWorksheet("Third")!)!.hashValue).toBe(second.hashValue);
    const xml = await sheetXml(buf, "Second");
    expect(xml).toMatch(/<sheetProtection [^>]*sheet="1"/);
  });

  test("hidden sheets are hidden; charts are skipped (no drawing parts)", async () => {
    expect(SKIPS_CHARTS).toBe(true);
    const p = plan("Chart data", {
      hidden: true,
      cells: [{ r: 0, c: 0, v: 1 }],
      charts: [{ kind: "columnClustered", title: "T", series: [{ name: "s", values: "A1:A1" }], at: { r: 2, c: 2, width: 6, height: 10 } }],
    });
    const buf = await writeWorkbook([plan("Visible", { cells: [{ r: 0, c: 0, v: "x" }] }), p]);
    const wb = await load(buf);
    expect(wb.getWorksheet("Chart data")!.state).toBe("hidden");
    expect(Object.keys(await parts(buf, /chart|drawing/))).toEqual([]);
  });

  test("the workbook opens on a visible sheet", async () => {
    const wb = await load(await writeWorkbook([plan("Hidden first", { hidden: true }), plan("Shown")]));
    expect(wb.views[0].activeTab).toBe(1);
    expect(wb.worksheets[wb.views[0].activeTab!].name).toBe("Shown");
  });

  test("malformed plans are refused before anything changes", () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Mine").getCell("A1").value = 1;
    expect(() => renderPlans(wb, [plan("Bad", { cells: [{ r: -1, c: 0, v: 1 }] })])).toThrow(PlanError);
    expect(() => renderPlans(wb, [plan("Bad", { names: [{ name: "X", ref: "not a ref" }] })])).toThrow(/bad reference/);
    expect(() => renderPlans(wb, [plan("Bad", { tabColor: "blue" })])).toThrow(/tab colour/);
    const t = { name: "A", r: 0, c: 0, headers: ["x", "y"], rows: [[1, 2]] };
    expect(() => renderPlans(wb, [plan("Bad", { tables: [t, { ...t, name: "B", r: 1, c: 1 }] })])).toThrow(/overlap/);
    expect(() => renderPlans(wb, [plan("Fine", { tables: [t, { ...t, name: "B", r: 2, c: 1 }] }), plan("Bad", { cells: [{ r: 0, c: 1.5, v: 1 }] })])).toThrow(PlanError);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Mine"]);
  });
});

describe("re-running on a user's workbook", () => {
  async function userWorkbook(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet("Summary");
    s.getCell("A1").value = "The user's own summary";
    s.getCell("B2").value = 1234.5;
    s.getCell("B2").numFmt = "0.0";
    s.getCell("B3").value = { formula: "B2*2", result: 2469 };
    s.getCell("C3").value = { richText: [{ text: "bold", font: { bold: true } }, { text: " plain" }] };
    s.mergeCells("D1:E2");
    s.getColumn(1).width = 40;
    const d = wb.addWorksheet("Data");
    d.addTable({ name: "Schools", ref: "A1", columns: [{ name: "School ID" }, { name: "School Name" }], rows: [["S1", "Lincoln"], ["S2", "=not a formula"]] });
    d.getCell("D1").value = new Date(Date.UTC(2024, 5, 30));
    d.getCell("D1").numFmt = "dd/mm/yyyy";
    wb.definedNames.add("Data!$A$2", "FirstSchool");
    wb.addWorksheet("Hidden notes", { state: "hidden" }).getCell("A1").value = "secret";
    return save(wb);
  }

  const firstPlans = (): SheetPlan[] => [
    plan("Summary", { cells: [{ r: 0, c: 0, v: "run 1" }], names: [{ name: "Run_Total", ref: "$A$1" }] }),
    plan("Matrix", { role: "matrix", cells: [{ r: 0, c: 0, f: "Summary!A1", result: "run 1" }], tables: [{ name: "Matrix", r: 2, c: 0, headers: ["Level"], rows: [["K"]] }] }),
  ];
  const secondPlans = (): SheetPlan[] => [
    plan("Summary", { cells: [{ r: 0, c: 0, v: "run 2" }], names: [{ name: "Run_Total", ref: "$A$1" }] }),
    plan("Detail", { role: "school", cells: [{ r: 0, c: 0, f: "'Summary'!A1&\" Summary!A1\"", result: "run 2 Summary!A1" }] }),
  ];

  test("user sheets are unchanged, own sheets replaced, names de-duplicated, registry rewritten", async () => {
    const original = await load(await userWorkbook());
    const before = original.worksheets.map(snapshotSheet);

    const run1 = await readWorkbook(await userWorkbook());
    if (!run1.ok) throw new Error("expected ok");
    const r1 = renderPlans(run1.workbook, firstPlans(), { now: NOW });
    expect(r1.sheets).toEqual(["Summary (2)", "Matrix"]);
    const buf1 = await save(run1.workbook);

    const run2 = await readWorkbook(buf1);
    if (!run2.ok) throw new Error("expected ok");
    const later = new Date(NOW.getTime() + 60000);
    const r2 = renderPlans(run2.workbook, secondPlans(), { now: later });
    expect(r2.sheets).toEqual(["Summary (2)", "Detail"]);
    const buf2 = await save(run2.workbook);

    const after = await load(buf2);
    // Matrix (role "matrix") is not among the second run's roles, so it is kept; Summary (2) is replaced.
    expect(after.worksheets.map((w) => w.name)).toEqual(["Summary", "Data", "Hidden notes", "Matrix", "Summary (2)", "Detail", REGISTRY_SHEET]);
    // User sheets: identical in every value, formula, format, style, merge, table and state.
    expect(after.worksheets.slice(0, 3).map(snapshotSheet)).toEqual(before);
    expect(after.getWorksheet("Hidden notes")!.state).toBe("hidden");
    expect(after.getWorksheet(REGISTRY_SHEET)!.state).toBe("veryHidden");
    // The replaced own sheet has the new content; the one of another role is untouched.
    expect(after.getWorksheet("Matrix")!.getCell("A3").value).toBe("Level");
    expect(after.getWorksheet("Summary (2)")!.getCell("A1").value).toBe("run 2");
    // Formulas follow the renamed sheet, but not text inside string literals.
    expect(after.getWorksheet("Detail")!.getCell("A1").value).toEqual({ formula: "'Summary (2)'!A1&\" Summary!A1\"", result: "run 2 Summary!A1" });
    // The user's defined name is kept; ours points at the new sheet only (no stale range).
    expect(after.definedNames.getRanges("FirstSchool").ranges).toEqual(["Data!$A$2"]);
    expect(after.definedNames.getRanges("Run_Total").ranges).toEqual(["'Summary (2)'!$A$1"]);
    expect(readRegistry(after)).toEqual([
      { sheet: "Matrix", role: "matrix", written: NOW.toISOString(), mark: MARK },
      { sheet: "Summary (2)", role: "summary", written: later.toISOString(), mark: MARK },
      { sheet: "Detail", role: "school", written: later.toISOString(), mark: MARK },
    ]);
    // The input table still reads the same.
    const again = await readWorkbook(buf2, ["Schools"]);
    if (!again.ok) throw new Error("expected ok");
    expect(again.tables.schools.rows).toEqual([["S1", "Lincoln"], ["S2", "=not a formula"]]);
  });

  test("a run replaces own sheets of the roles it writes, and only those", async () => {
    const run1 = await readWorkbook(await userWorkbook());
    if (!run1.ok) throw new Error("expected ok");
    renderPlans(run1.workbook, firstPlans(), { now: NOW });
    const run2 = await readWorkbook(await save(run1.workbook));
    if (!run2.ok) throw new Error("expected ok");
    renderPlans(run2.workbook, [plan("Matrix", { role: "matrix", cells: [{ r: 0, c: 0, v: "matrix 2" }] })], { now: NOW });
    const after = await load(await save(run2.workbook));
    expect(after.worksheets.map((w) => w.name)).toEqual(["Summary", "Data", "Hidden notes", "Summary (2)", "Matrix", REGISTRY_SHEET]);
    expect(after.getWorksheet("Matrix")!.getCell("A1").value).toBe("matrix 2");
    expect(after.getWorksheet("Summary (2)")!.getCell("A1").value).toBe("run 1");
    expect(readRegistry(after).map((e) => e.sheet)).toEqual(["Summary (2)", "Matrix"]);
  });

  test("a file written by Excel keeps its table header row and filter buttons after a run", async () => {
    const read = await readWorkbook(await excelLikeWorkbook(), ["tblSchools"]);
    if (!read.ok) throw new Error("expected ok");
    renderPlans(read.workbook, [plan("Summary", { cells: [{ r: 0, c: 0, v: 1 }] })]);
    const buf = await save(read.workbook);
    const table = Object.values(await parts(buf, /xl\/tables\/table\d+\.xml$/));
    expect(table).toHaveLength(1);
    expect(table[0]).toMatch(/ref="B3:E5"/);
    expect(table[0]).not.toMatch(/headerRowCount="0"/);
    expect(table[0]).not.toMatch(/hiddenButton="1"/);
    const back = await readWorkbook(buf, ["tblSchools"]);
    if (!back.ok) throw new Error("expected ok");
    expect(back.tables.tblschools).toEqual(read.tables.tblschools);
  });
});

describe("writeWorkbookFile", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "sfs-write-"));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  test("writes a readable workbook and leaves no temporary file", async () => {
    const file = path.join(dir, "out.xlsx");
    const res = await writeWorkbookFile(file, [plan("Summary", { cells: [{ r: 0, c: 0, v: "hello" }] })]);
    expect(res.sheets).toEqual(["Summary"]);
    expect(await fs.readdir(dir)).toEqual(["out.xlsx"]);
    const wb = await load(await fs.readFile(file));
    expect(wb.getWorksheet("Summary")!.getCell("A1").value).toBe("hello");
  });

  test("a failed save leaves the old file intact and no temporary file", async () => {
    const file = path.join(dir, "out.xlsx");
    await fs.mkdir(file); // the target is a folder: the final rename fails
    await expect(writeWorkbookFile(file, [plan("Summary")])).rejects.toThrow();
    expect(await fs.readdir(dir)).toEqual(["out.xlsx"]);
    expect((await fs.stat(file)).isDirectory()).toBe(true);
    await expect(writeWorkbookFile(path.join(dir, "missing", "out.xlsx"), [plan("Summary")])).rejects.toThrow();
    expect(await fs.readdir(dir)).toEqual(["out.xlsx"]);
  });
});
