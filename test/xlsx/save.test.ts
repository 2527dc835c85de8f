import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { PlanValue, SheetPlan } from "../../src/report/plan";
import { BIG_TABLE_ROWS, saveWorkbook } from "../../src/xlsx/save";
import { worksheetTables } from "../../src/xlsx/loaded-tables";

const dir = mkdtempSync(path.join(tmpdir(), "sfs-save-"));

function bigPlan(n: number): SheetPlan {
  const rows: PlanValue[][] = Array.from({ length: n }, (_, k) => [
    `S${k}`,
    k % 7 === 0 ? "=SUM(A1:A9)" : k % 11 === 0 ? "a <b> & \"c\"\u0001" : `Name ${k}`,
    k % 5 === 0 ? null : k * 1.25,
    k % 3 === 0,
  ]);
  return {
    name: "Lines",
    role: "school",
    cells: [{ r: 0, c: 0, v: "School lines", style: "title" }],
    tables: [{ name: "Lines", r: 3, c: 1, headers: ["ID", "Name", "Amount", "Flag"], rows, formats: [undefined, undefined, "currency", undefined] }],
    charts: [],
  };
}

describe("saveWorkbook streams big tables", () => {
  test("a table above the threshold reads back cell by cell, with its format, ref and the user's sheets kept", async () => {
    const n = BIG_TABLE_ROWS + 500;
    const base = new ExcelJS.Workbook();
    const user = base.addWorksheet("Mine");
    user.getCell("B2").value = { formula: "1+1", result: 2 };
    user.getCell("C3").value = "keep me";
    const file = path.join(dir, "big.xlsx");
    const plan = bigPlan(n);
    const result = await saveWorkbook(file, [plan], base);
    expect(result.sheets).toEqual(["Lines"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet("Mine")!.getCell("B2").value).toEqual({ formula: "1+1", result: 2 });
    expect(wb.getWorksheet("Mine")!.getCell("C3").value).toBe("keep me");
    const ws = wb.getWorksheet("Lines")!;
    const [t] = worksheetTables(ws);
    expect((t as unknown as { tableRef?: string; ref?: string }).tableRef ?? (t as unknown as { ref: string }).ref).toBe(`B4:E${4 + n}`);
    const expected = plan.tables[0].rows;
    for (let k = 0; k < n; k++) {
      const row = ws.getRow(5 + k);
      const want = expected[k].map((v) => (typeof v === "string" ? v.replace(/\u0001/g, "") : v));
      const got = [2, 3, 4, 5].map((c) => row.getCell(c).value);
      expect(got).toEqual(want);
    }
    // Text that looks like a formula stays text; the currency format of the first row is on every row.
    expect(ws.getCell("C5").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell(`D${4 + n}`).numFmt).toBe(ws.getCell("D6").numFmt);
    expect(ws.getCell("D6").numFmt).toMatch(/\$|#,##0/);
  });

  test("a small table is written by ExcelJS as before (same values)", async () => {
    const file = path.join(dir, "small.xlsx");
    await saveWorkbook(file, [bigPlan(10)]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet("Lines")!.getCell("C5").value).toBe("=SUM(A1:A9)");
    expect(wb.getWorksheet("Lines")!.getCell("D6").value).toBe(1.25);
  });
});
