/** Print setup read back from written workbooks: every visible sheet of the result workbook and of a calculator. */
import ExcelJS from "exceljs";
import { allocate } from "../../src/engine/allocate";
import { equityInputs, equitySummary } from "../../src/analysis/equity";
import { parseDistrict } from "../../src/engine/parse";
import { allocationPlans } from "../../src/report/allocation";
import { equityPlans } from "../../src/report/equity";
import type { SheetPlan } from "../../src/report/plan";
import { effectiveWidths, headerWidth, printSetup } from "../../src/report/print";
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
