import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { INPUT_TABLES } from "../../src/engine/tables";
import { DEFAULT_TABLE_NAMES, extractTables, looseName, readWorkbook } from "../../src/xlsx/read";
import { renderPlans } from "../../src/xlsx/write";
import type { SheetPlan } from "../../src/report/plan";
import { excelLikeWorkbook } from "./excel-like";

/** Write values across a row starting at an A1 address. */
function put(ws: ExcelJS.Worksheet, at: string, values: ExcelJS.CellValue[]): void {
  const start = ws.getCell(at);
  values.forEach((v, i) => {
    ws.getCell(Number(start.row), Number(start.col) + i).value = v;
  });
}

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A workbook with real tables, plain sheets, header variants and awkward cell values. */
async function sampleWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  // Schools: a real table whose header is on row 4, column C.
  const s = wb.addWorksheet("District data");
  s.getCell("A1").value = "District inputs";
  s.addTable({
    name: "Schools",
    ref: "C4",
    headerRow: true,
    columns: [{ name: "School ID" }, { name: "School Name" }, { name: "Current Budget" }, { name: "Opened" }],
    rows: [
      ["S1", "Lincoln", 1000.5, new Date(Date.UTC(2001, 8, 1))],
      ["S2", { richText: [{ text: "Wash" }, { text: "ington", font: { bold: true } }] }, { formula: "1000*2", result: 2000 }, null],
      ["S3", { text: "Adams", hyperlink: "https://example.org" }, { error: "#N/A" }, null],
      ["   ", null, null, null],
      [null, null, null, null],
    ],
  });
  // Enrollment: a plain sheet, header on row 3 starting in column B, blank rows in the middle and at the end.
  const e = wb.addWorksheet("enrollment");
  e.getCell("B3").value = "School ID";
  e.getCell("C3").value = "Level";
  e.getCell("D3").value = "Students";
  e.getCell("E3").value = " poverty_% ";
  put(e, "B4", ["S1", "Elementary", 300, 120]);
  put(e, "B6", ["S2", "Middle", { formula: "200+50", result: 250 }, 100]);
  e.getCell("H9").value = "outside the header's columns";
  e.getCell("C12").value = "  ";
  // Initiative Segments: a plain sheet named with underscores.
  const seg = wb.addWorksheet("Initiative_Segments");
  put(seg, "A1", ["Initiative", "Segment", "Students Served"]);
  put(seg, "A2", ["Tutoring", "1+ year behind", 40]);
  put(seg, "A3", ["Mentoring", "on track"]);
  put(seg, "B4", ["behind"]);
  // Weights: a table and ALSO a sheet named Weights: the table wins.
  const w = wb.addWorksheet("Weights");
  put(w, "A1", ["Category", "Level", "Weight"]);
  put(w, "A2", ["Sheet", "Version", 9]);
  const wt = wb.addWorksheet("Formula");
  wt.addTable({
    name: "weights",
    ref: "A1",
    columns: [{ name: "Category" }, { name: "Level" }, { name: "Weight" }],
    rows: [["Base", "All", 1], ["Poverty", "All", 0.25]],
  });
  // A table with a totals row (not data) named with hyphens/spaces removed.
  const b = wb.addWorksheet("Lines");
  b.addTable({
    name: "BudgetLines",
    ref: "B2",
    totalsRow: true,
    columns: [{ name: "Line", totalsRowLabel: "Total" }, { name: "Amount", totalsRowFunction: "sum" }],
    rows: [["Teachers", 10], ["Books", 5]],
  });
  // An empty sheet called Policy.
  wb.addWorksheet("Policy");
  return toBuffer(wb);
}

describe("readWorkbook: tables and sheets", () => {
  let result: Awaited<ReturnType<typeof readWorkbook>>;
  beforeAll(async () => {
    result = await readWorkbook(await sampleWorkbook());
  });

  test("finds tables first, then sheets, with origins matching Excel rows", () => {
    if (!result.ok) throw new Error("expected ok");
    const { tables, found } = result;
    expect(Object.keys(tables).sort()).toEqual(["budget lines", "enrollment", "initiative segments", "policy", "schools", "weights"]);
    expect(tables.schools.origin).toEqual({ sheet: "District data", headerRow: 4, firstColumn: 3, kind: "table" });
    expect(tables.enrollment.origin).toEqual({ sheet: "enrollment", headerRow: 3, firstColumn: 2, kind: "sheet" });
    expect(found.find((f) => f.name === "Schools")).toMatchObject({ kind: "table", sheet: "District data", rows: 3, source: "Schools", range: "C4:F9" });
    expect(found.find((f) => f.name === "Initiative Segments")).toMatchObject({ kind: "sheet", sheet: "Initiative_Segments", rows: 3, range: "A1:C4" });
    // A blank cell inside the data stays a blank (merged cells are refused: see below).
    expect(tables["initiative segments"].rows).toEqual([
      ["Tutoring", "1+ year behind", 40],
      ["Mentoring", "on track", null],
      [null, "behind", null],
    ]);
  });

  test("converts cell values: rich text, hyperlinks, formulas, errors, dates, blanks", () => {
    if (!result.ok) throw new Error("expected ok");
    const s = result.tables.schools;
    expect(s.headers).toEqual(["School ID", "School Name", "Current Budget", "Opened"]);
    expect(s.rows[0]).toEqual(["S1", "Lincoln", 1000.5, new Date(Date.UTC(2001, 8, 1))]);
    expect(s.rows[1]).toEqual(["S2", "Washington", 2000, null]);
    expect(s.rows[2]).toEqual(["S3", "Adams", "#N/A", null]);
    // The whitespace-only and empty trailing rows are blank, so they are trimmed.
    expect(s.rows).toHaveLength(3);
  });

  test("a plain sheet keeps blank rows inside the data so row numbers stay right", () => {
    if (!result.ok) throw new Error("expected ok");
    const e = result.tables.enrollment;
    // Header texts are kept as written (matching variants is the parser's job).
    expect(e.headers).toEqual(["School ID", "Level", "Students", " poverty_% "]);
    expect(e.rows).toEqual([
      ["S1", "Elementary", 300, 120],
      [null, null, null, null],
      ["S2", "Middle", 250, 100],
    ]);
    // Data row k sits at sheet row headerRow + 1 + k.
    expect(e.origin.headerRow + 1 + 2).toBe(6);
  });

  test("a table named like the contract wins over a sheet of that name", () => {
    if (!result.ok) throw new Error("expected ok");
    const w = result.tables.weights;
    expect(w.origin.kind).toBe("table");
    expect(w.origin.sheet).toBe("Formula");
    expect(w.rows).toEqual([["Base", "All", 1], ["Poverty", "All", 0.25]]);
  });

  test("a totals row is not data; loose names match (BudgetLines = Budget Lines)", () => {
    if (!result.ok) throw new Error("expected ok");
    const b = result.tables["budget lines"];
    expect(b.rows).toEqual([["Teachers", 10], ["Books", 5]]);
    expect(b.origin).toEqual({ sheet: "Lines", headerRow: 2, firstColumn: 2, kind: "table" });
  });

  test("an empty sheet is found with no headers and no rows", () => {
    if (!result.ok) throw new Error("expected ok");
    expect(result.tables.policy).toMatchObject({ headers: [], rows: [] });
  });

  test("only the names asked for are read; keys are lower-cased", async () => {
    const r = await readWorkbook(await sampleWorkbook(), ["SCHOOLS", "Revenue"]);
    if (!r.ok) throw new Error("expected ok");
    expect(Object.keys(r.tables)).toEqual(["schools"]);
    expect(r.tables.schools.name).toBe("SCHOOLS");
  });
});

describe("readWorkbook: a file written by Excel", () => {
  test("reads the Excel table (header row kept despite ExcelJS's headerRowCount default) and the plain sheet", async () => {
    const r = await readWorkbook(await excelLikeWorkbook());
    if (!r.ok) throw new Error("expected ok");
    // The table is called tblSchools, so Schools is not found; the "revenue" sheet matches Revenue.
    expect(r.tables.schools).toBeUndefined();
    const named = await readWorkbook(await excelLikeWorkbook(), ["tblSchools", "Revenue"]);
    if (!named.ok) throw new Error("expected ok");
    const t = named.tables.tblschools;
    expect(t.origin).toEqual({ sheet: "Data", headerRow: 3, firstColumn: 2, kind: "table" });
    expect(t.headers).toEqual(["School ID", "School Name", "Current Budget", "Title I"]);
    expect(t.rows).toEqual([
      ["S1", "Lincoln", 1234.5, true],
      ["S2", "Washington", "#N/A", false],
    ]);
    const rev = named.tables.revenue;
    expect(rev.origin).toEqual({ sheet: "revenue", headerRow: 2, firstColumn: 2, kind: "sheet" });
    expect(rev.rows).toEqual([["General Fund", 5000000], ["Title I", 250000.25]]);
    // The date cell (numFmtId 14) reads as a Date.
    expect(named.workbook.getWorksheet("Data")!.getCell("G1").value).toEqual(new Date(Date.UTC(2024, 0, 2)));
  });
});

describe("readWorkbook: the tool's own sheets are never input", () => {
  test("a registry-listed sheet named like an input is ignored", async () => {
    const wb = new ExcelJS.Workbook();
    put(wb.addWorksheet("Inputs"), "A1", ["x"]);
    const plan: SheetPlan = { name: "Revenue", role: "summary", cells: [{ r: 0, c: 0, v: "Source" }, { r: 1, c: 0, v: "ours" }], tables: [], charts: [] };
    renderPlans(wb, [plan]);
    const r = await readWorkbook(await toBuffer(wb));
    if (!r.ok) throw new Error("expected ok");
    expect(r.tables.revenue).toBeUndefined();
    // Without the registry entry the same sheet would be read.
    const { tables } = extractTables(r.workbook, ["Inputs"]);
    expect(tables.inputs.headers).toEqual(["x"]);
  });
});

describe("readWorkbook: not a workbook", () => {
  const expectNotWorkbook = (r: Awaited<ReturnType<typeof readWorkbook>>, found: RegExp) => {
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ table: "(workbook)", row: null, column: null, expected: "an Excel workbook (.xlsx)" });
    expect(r.errors[0].found).toMatch(found);
  };

  test("empty buffer", async () => expectNotWorkbook(await readWorkbook(Buffer.alloc(0)), /empty/));
  test("CSV text", async () => expectNotWorkbook(await readWorkbook(Buffer.from("School ID,School Name\nS1,Lincoln\n")), /CSV/));
  test("random bytes", async () => {
    const bytes = Buffer.alloc(2048);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 251;
    expectNotWorkbook(await readWorkbook(bytes), /not a zip/);
  });
  test("a zip header followed by garbage", async () => {
    const bytes = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(300, 7)]);
    expectNotWorkbook(await readWorkbook(bytes), /damaged/);
  });
  test("an old .xls (OLE) file", async () => {
    const bytes = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]);
    expectNotWorkbook(await readWorkbook(bytes), /\.xls/);
  });
  test("missing path", async () => {
    expectNotWorkbook(await readWorkbook(path.join(os.tmpdir(), "sfs-no-such-dir", "missing.xlsx")), /no file at/);
  });
  test("a folder", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "sfs-read-"));
    try {
      expectNotWorkbook(await readWorkbook(dir), /folder/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
  test("a real file on disk and an ArrayBuffer read fine", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "sfs-read-"));
    try {
      const buf = await sampleWorkbook();
      const file = path.join(dir, "in.xlsx");
      await fs.writeFile(file, buf);
      const fromPath = await readWorkbook(file);
      const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
      const fromAb = await readWorkbook(ab);
      expect(fromPath.ok && fromAb.ok).toBe(true);
      if (fromPath.ok && fromAb.ok) expect(fromAb.tables).toEqual(fromPath.tables);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe("names", () => {
  test("default names are the contract's, and loose names drop spaces, _ and -", () => {
    expect(DEFAULT_TABLE_NAMES).toContain("Initiative Segments");
    // The one list of input tables (src/engine/tables.ts), in its order.
    expect(DEFAULT_TABLE_NAMES).toEqual([...INPUT_TABLES]);
    expect(new Set(DEFAULT_TABLE_NAMES.map(looseName)).size).toBe(DEFAULT_TABLE_NAMES.length);
    expect(looseName("Initiative_Segments")).toBe(looseName("initiative-segments"));
    expect(looseName("Initiative Segments")).toBe("initiativesegments");
    expect(looseName("Schools")).not.toBe(looseName("School"));
  });
});

describe("readWorkbook: merged cells inside an input table are refused", () => {
  async function withMerge(sheetTable: boolean, range: string): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Enrollment");
    const rows = [
      ["E1", "Elementary", 300],
      ["E1", "Elementary", 150],
      ["E2", "Elementary", 450],
    ];
    if (sheetTable) {
      ws.addRow(["School ID", "Level", "Students"]);
      rows.forEach((r) => ws.addRow(r));
    } else {
      ws.getCell("A1").value = "Enrollment by school";
      ws.addTable({ name: "Enrollment", ref: "A3", columns: [{ name: "School ID" }, { name: "Level" }, { name: "Students" }], rows });
    }
    ws.mergeCells(range);
    return toBuffer(wb);
  }

  test("a merged School ID over two rows (A4:A5) names the table, the sheet and the range", async () => {
    const r = await readWorkbook(await withMerge(false, "A4:A5"), ["Enrollment"]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([expect.objectContaining({ table: "Enrollment", row: 4, column: "School ID", cell: "A4:A5", found: "the merged range A4:A5" })]);
  });
  test("the same on a plain sheet", async () => {
    const r = await readWorkbook(await withMerge(true, "C2:C3"), ["Enrollment"]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toEqual(expect.objectContaining({ row: 2, column: "Students", cell: "C2:C3" }));
  });
  test("a merged title outside the table is fine", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Data");
    ws.getCell("A1").value = "Title";
    ws.mergeCells("A1:C1");
    ws.addTable({ name: "Enrollment", ref: "A3", columns: [{ name: "School ID" }, { name: "Students" }], rows: [["E1", 3]] });
    const r = await readWorkbook(await toBuffer(wb), ["Enrollment"]);
    expect(r.ok).toBe(true);
  });
});
