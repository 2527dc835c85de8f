import ExcelJS from "exceljs";
import { decodeRange, repairLoadedTables, tableBox, worksheetTables } from "../../src/xlsx/loaded-tables";
import { excelLikeWorkbook } from "./excel-like";
import { load, parts, save } from "./helpers";

describe("decodeRange / tableBox", () => {
  test("A1 ranges", () => {
    expect(decodeRange("B3:E9")).toEqual({ top: 3, left: 2, bottom: 9, right: 5 });
    expect(decodeRange("$C$5")).toEqual({ top: 5, left: 3, bottom: 5, right: 3 });
    expect(decodeRange("E9:B3")).toEqual({ top: 3, left: 2, bottom: 9, right: 5 });
    expect(decodeRange("AA10")).toEqual({ top: 10, left: 27, bottom: 10, right: 27 });
    expect(decodeRange("Sheet!A1")).toBeNull();
    expect(decodeRange("A0")).toBeNull();
  });

  test("in-memory tables: box from the top-left ref and the rows", () => {
    const ws = new ExcelJS.Workbook().addWorksheet("S");
    ws.addTable({ name: "T", ref: "B2", totalsRow: true, columns: [{ name: "a" }, { name: "b", totalsRowFunction: "sum" }], rows: [[1, 2], [3, 4]] });
    const [model] = worksheetTables(ws);
    expect(tableBox(model)).toEqual({ top: 2, left: 2, bottom: 5, right: 3 });
  });
});

describe("repairLoadedTables", () => {
  test("ExcelJS alone loses the header row of an Excel-written table", async () => {
    const wb = await load(await excelLikeWorkbook());
    const [model] = worksheetTables(wb.getWorksheet("Data")!);
    expect(model.headerRow).toBe(false);
    expect(model.columns.every((c) => c.filterButton === undefined)).toBe(true);
  });

  test("puts the header row and the filter buttons back; idempotent", async () => {
    const wb = await load(await excelLikeWorkbook());
    expect(repairLoadedTables(wb)).toBe(1);
    const [model] = worksheetTables(wb.getWorksheet("Data")!);
    expect(model.headerRow).toBe(true);
    expect(model.columns.every((c) => c.filterButton === true)).toBe(true);
    expect(repairLoadedTables(wb)).toBe(0);
    const xml = Object.values(await parts(await save(wb), /xl\/tables\/table\d+\.xml$/))[0];
    expect(xml).toMatch(/headerRowCount="1"/);
    expect(xml).toMatch(/hiddenButton="0"/);
  });

  test("a table whose first row is data (no header row) is left without one", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.addTable({ name: "NoHeader", ref: "A1", headerRow: false, columns: [{ name: "Key" }, { name: "Value" }], rows: [["a", 1], ["b", 2]] });
    const loaded = await load(await save(wb));
    repairLoadedTables(loaded);
    const [model] = worksheetTables(loaded.getWorksheet("S")!);
    expect(model.headerRow).toBe(false);
  });

  test("a table without filter buttons keeps them off and gets a valid autoFilter range", async () => {
    const wb = await load(await excelLikeWorkbook());
    const [model] = worksheetTables(wb.getWorksheet("Data")!);
    delete model.autoFilterRef; // as loaded from a table whose buttons were switched off in Excel
    repairLoadedTables(wb);
    expect(model.autoFilterRef).toBe("B3:E5");
    expect(model.columns.every((c) => c.filterButton === false)).toBe(true);
  });

  test("tables added in memory are not touched", () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").addTable({ name: "T", ref: "A1", columns: [{ name: "a" }], rows: [[1]] });
    expect(repairLoadedTables(wb)).toBe(0);
  });
});
