/** Print setup read back from written workbooks: every visible sheet of the result workbook and of a calculator. */
import ExcelJS from "exceljs";
import { allocate } from "../../src/engine/allocate";
import { equityInputs, equitySummary } from "../../src/analysis/equity";
import { parseDistrict } from "../../src/engine/parse";
import { allocationPlans } from "../../src/report/allocation";
import { equityPlans } from "../../src/report/equity";
import type { SheetPlan } from "../../src/report/plan";
import { calculatorPlans } from "../../src/report/calculator";
import { effectiveWidths, headerWidth, lineHeight, printSetup, shownText, textLayout, textWidth, usedBounds, wrappedLines } from "../../src/report/print";
import { sampleDistrict } from "../../src/sample/district";
import { calculatorWorkbook } from "../../src/xlsx/calculators";
import { CHARTS_NOTE, writeWorkbook } from "../../src/xlsx/write";
import { load } from "./helpers";

const parsed = parseDistrict(sampleDistrict());
if (!parsed.ok) throw new Error("sample");
const a = allocate(parsed.district);

function expectPrintable(ws: ExcelJS.Worksheet, plan?: SheetPlan): void {
  const ps = ws.pageSetup;
  expect(ps.fitToPage).toBe(true);
  expect(ps.fitToWidth).toBe(1);
  expect(["portrait", "landscape"]).toContain(ps.orientation);
  expect(ps.printArea).toMatch(/^\$?A\$?1:\$?[A-Z]+\$?\d+$/);
  expect(ws.headerFooter.oddHeader).toBe("&L&F&R&A");
  expect(ws.headerFooter.oddFooter).toBe("&LSchool Funding Studio&RPage &P of &N");
  if (plan) {
    const want = printSetup(plan);
    expect(ps.orientation).toBe(want.orientation);
    if (want.titleRows) expect(ps.printTitlesRow).toBe(want.titleRows.replace(/\$/g, ""));
    // every table header fits its column
    const narrow: string[] = [];
    for (const t of plan.tables) t.headers.forEach((h, k) => (ws.getColumn(t.c + k + 1).width ?? 0) < headerWidth(h) && narrow.push(`${plan.name}: ${h} ${ws.getColumn(t.c + k + 1).width}`));
    expect(narrow).toEqual([]);
  }
}

describe("print setup", () => {
  test("derived defaults: wide sheets landscape, the largest table's header row repeated, the used range printed", () => {
    const budgets = allocationPlans(a, { schools: [] }).find((p) => p.role === "school-budgets")!;
    const s = printSetup(budgets);
    expect(s.orientation).toBe("landscape");
    expect(s.titleRows).toBe(`$${budgets.tables[0].r + 1}:$${budgets.tables[0].r + 1}`);
    expect(s.area).toMatch(/^A1:[A-Z]+\d+$/);
    const narrow: SheetPlan = { name: "N", role: "x", cells: [{ r: 0, c: 0, v: "a" }], tables: [], charts: [] };
    expect(printSetup(narrow)).toMatchObject({ orientation: "portrait", area: "A1:A1", titleRows: null, fitWidth: 1, fitHeight: 0 });
    expect(printSetup({ ...narrow, print: { landscape: true } }).orientation).toBe("landscape");
    // every header word fits its column ("Floor or Cap Applied" wraps, never cut to "Floor or Cap Applie")
    const w = effectiveWidths(budgets);
    for (const t of budgets.tables) t.headers.forEach((h, k) => expect(w[t.c + k]).toBeGreaterThanOrEqual(Math.max(...h.split(" ").map((x) => x.length)) + 2));
  });

  test("the result workbook: every visible sheet set up for printing (allocation and equity sheets)", async () => {
    const plans = [...allocationPlans(a, { schools: [0, 1] }), ...equityPlans(equitySummary(equityInputs(a)))];
    const wb = await load(await writeWorkbook(plans));
    for (const plan of plans) {
      const ws = wb.getWorksheet(plan.name);
      expect(ws).toBeDefined();
      expectPrintable(ws!, plan);
    }
    expect(wb.getWorksheet("School Budgets")!.pageSetup.orientation).toBe("landscape");
    // the command line's workbook says where the charts are
    const notes = (name: string) => {
      const out: string[] = [];
      wb.getWorksheet(name)!.eachRow((row) => row.eachCell((c) => typeof c.value === "string" && out.push(c.value)));
      return out;
    };
    expect(notes("Summary")).toContain(CHARTS_NOTE);
    const budgets = plans.find((p) => p.role === "school-budgets")!;
    const at = budgets.charts[0].at;
    expect(wb.getWorksheet("School Budgets")!.getCell(at.r + 1, at.c + 1).value).toMatch(/^Chart "Budget change by school": drawn here by the add-in in Excel; printed in the board pack \(sfs report\)\.$/);
  });

  test("a school calculator: every visible sheet set up for printing", async () => {
    const wb = await load(Buffer.from(await calculatorWorkbook(a, 0)));
    const visible = wb.worksheets.filter((ws) => ws.state === "visible" || ws.state === undefined);
    expect(visible.length).toBeGreaterThan(1);
    for (const ws of visible) expectPrintable(ws);
  });
});

describe("long texts inside the printed columns (textLayout)", () => {
  const sheet = (cells: SheetPlan["cells"], widths: Record<number, number>): SheetPlan => ({ name: "S", role: "x", cells, tables: [], charts: [], widths });

  test("words wrap at spaces; a word wider than the room is broken", () => {
    expect(wrappedLines("aa bb", 10)).toBe(1);
    expect(wrappedLines("aaaa bbbb cccc", 9)).toBe(2);
    expect(wrappedLines("a".repeat(30), 10)).toBe(3); // 30 × 0.9 = 27 units in rooms of 10
    expect(wrappedLines("a".repeat(40), 10)).toBe(4);
    expect(textWidth("abc", "label")).toBeGreaterThan(textWidth("abc"));
    expect(textWidth("abc", "title")).toBeGreaterThan(textWidth("abc", "label"));
  });

  test("a text spills over empty neighbours when it fits, wraps merged across them when not, wraps in its column when a neighbour is taken", () => {
    const long = "word ".repeat(30).trim(); // 149 characters
    const p = sheet(
      [
        { r: 0, c: 0, v: "A title that spills a little", style: "title" },
        { r: 1, c: 0, v: long, style: "note" },
        { r: 2, c: 0, v: long, style: "label" },
        { r: 2, c: 2, v: 5, fmt: "integer" },
        { r: 3, c: 0, v: "Header wider than its column", style: "header" },
        { r: 4, c: 0, f: 'IF(A1>0,"short","a much longer sentence that the formula can show instead of the short one")', result: "short" },
        { r: 4, c: 1, v: 1 },
      ],
      { 0: 20, 1: 10, 2: 10 },
    );
    const t = textLayout(p);
    expect(t.wrapped).toEqual([
      { r: 1, c: 0, last: 2 },
      { r: 2, c: 0, last: 1 },
      { r: 3, c: 0, last: 2 },
      { r: 4, c: 0, last: 0 },
    ]);
    const height = (r: number) => t.rows.find((x) => x.r === r);
    expect(height(1)).toEqual({ r: 1, height: wrappedLines(long, 39, "note") * 15, align: "top" });
    expect(height(2)).toEqual({ r: 2, height: wrappedLines(long, 29, "label") * 15, align: "top" });
    expect(height(3)).toEqual({ r: 3, height: 15, align: "bottom" });
    expect(height(4)!.height).toBeGreaterThanOrEqual(4 * 15);
    expect(height(0)).toBeUndefined();
  });

  test("every school's calculator: every text fits its room or wraps, and every sheet's columns print at 7 pt or more one page wide", () => {
    const sizes: Record<string, number> = {};
    for (const p of a.schools.flatMap((s, i) => calculatorPlans(a, i).map((plan) => ({ ...plan, name: `${s.id} ${plan.name}` })))) {
      const widths = effectiveWidths(p);
      const { cols } = usedBounds(p);
      const t = textLayout(p, widths);
      const wrapped = new Set(t.wrapped.map((w) => `${w.r},${w.c}`));
      const taken = new Set(p.cells.filter((c) => c.v !== null || c.f || c.unlocked).map((c) => `${c.r},${c.c}`));
      const unfit: string[] = [];
      for (const c of p.cells) {
        const text = shownText(c);
        if (!text || wrapped.has(`${c.r},${c.c}`)) continue;
        let room = -1;
        for (let k = c.c; k < Math.max(cols, c.c + 1) && (k === c.c || !taken.has(`${c.r},${k}`)); k++) room += widths[k] ?? 8.43;
        if (textWidth(text, c.style) > room) unfit.push(`${p.name} ${c.r},${c.c}: ${text}`);
      }
      expect(unfit).toEqual([]);
      for (const w of t.wrapped) {
        const c = p.cells.find((x) => x.r === w.r && x.c === w.c)!;
        let room = -1;
        for (let k = w.c; k <= w.last; k++) room += widths[k] ?? 8.43;
        expect(t.rows.find((x) => x.r === w.r)!.height).toBeGreaterThanOrEqual(wrappedLines(shownText(c)!, room, c.style) * lineHeight(c.style));
      }
      // the used columns in points (Calibri 11: 7 px a character + 5 px) against the printable width of Letter
      let points = 0;
      for (let k = 0; k < cols; k++) points += ((widths[k] ?? 8.43) * 7 + 5) * 0.75;
      const s = printSetup(p);
      const page = ((s.orientation === "landscape" ? 11 : 8.5) - s.margins.left - s.margins.right) * 72;
      sizes[p.name] = 11 * Math.min(1, page / points);
    }
    expect(Object.entries(sizes).filter(([, pt]) => pt < 7.3)).toEqual([]);
  });

  test("the .xlsx writer applies the layout: wrapped cells, merged across their room, rows as tall as their lines", async () => {
    const plans = calculatorPlans(a, 0);
    const wb = await load(Buffer.from(await calculatorWorkbook(a, 0)));
    let merged = 0;
    for (const p of plans) {
      const ws = wb.getWorksheet(p.name)!;
      const t = textLayout(p);
      expect(t.wrapped.length).toBeGreaterThan(0);
      for (const w of t.wrapped) {
        const cell = ws.getCell(w.r + 1, w.c + 1);
        expect([p.name, w.r, w.c, cell.alignment?.wrapText]).toEqual([p.name, w.r, w.c, true]);
        if (w.last > w.c) {
          merged++;
          expect(ws.getCell(w.r + 1, w.last + 1).master.address).toBe(cell.address);
          expect(ws.getCell(w.r + 1, w.last + 2).master.address).not.toBe(cell.address);
        } else expect(cell.isMerged).toBe(false);
      }
      for (const row of t.rows) {
        expect(ws.getRow(row.r + 1).height).toBe(row.height);
        const first = p.cells.find((c) => c.r === row.r)!;
        expect(ws.getCell(first.r + 1, first.c + 1).alignment?.vertical).toBe(row.align);
      }
    }
    expect(merged).toBeGreaterThan(0);
  });
});
