/// <reference types="office-js" />
import { FakeExcel } from "./fakeExcel";

/** The fake must behave like Office.js where the host's correctness depends on it. */
describe("FakeExcel", () => {
  test("actions are queued until sync; loaded properties are readable only after the sync", async () => {
    const fx = new FakeExcel();
    fx.addSheet("A");
    const ws = fx.ctx.workbook.worksheets.getItem("A");
    ws.getRange("B2").values = [[5]];
    expect(fx.cell("A", "B2")).toBeUndefined();
    const r = ws.getRange("B2");
    r.load("values");
    expect(() => r.values).toThrow(/PropertyNotLoaded/);
    await fx.ctx.sync();
    expect(r.values).toEqual([[5]]);
    expect(fx.syncCount).toBe(1);
    expect(fx.requests[0].bytes).toBeGreaterThan(0);
  });

  test("values are typed: formulas, numbers, quote prefix", async () => {
    const fx = new FakeExcel();
    const ws = fx.addSheet("A") && fx.ctx.workbook.worksheets.getItem("A");
    ws.getRange("A1:E1").values = [["=1+1", "-5", "'=1+1", "text", null]];
    await fx.ctx.sync();
    expect(fx.cell("A", "A1")).toMatchObject({ formula: "=1+1", value: null });
    expect(fx.cell("A", "B1")).toMatchObject({ formula: null, value: -5 });
    expect(fx.cell("A", "C1")).toMatchObject({ formula: null, value: "=1+1" });
    expect(fx.cell("A", "E1")).toBeUndefined();
  });

  test("a failing action stops its request; earlier actions stay applied", async () => {
    const fx = new FakeExcel();
    fx.addSheet("A");
    const sheets = fx.ctx.workbook.worksheets;
    sheets.add("B");
    sheets.add("A"); // duplicate name
    sheets.add("C");
    await expect(fx.ctx.sync()).rejects.toThrow(/ItemAlreadyExists/);
    expect(fx.sheetNames()).toEqual(["A", "B"]);
  });

  test("renaming a sheet or table updates formulas that refer to it; deleting one leaves #REF!", async () => {
    const fx = new FakeExcel();
    fx.addSheet("A", [["=SUM('Old name'!A1:A3)+T[X]"]]);
    fx.addSheet("Old name", [["X"], [1]]);
    fx.addTable("Old name", "T", "A1:A2");
    const ctx = fx.ctx;
    ctx.workbook.worksheets.getItem("Old name").name = "New";
    ctx.workbook.tables.getItem("T").name = "Tab";
    await ctx.sync();
    expect(fx.cell("A", "A1")?.formula).toBe("=SUM(New!A1:A3)+Tab[X]");
    ctx.workbook.worksheets.getItem("New").delete();
    await ctx.sync();
    expect(fx.cell("A", "A1")?.formula).toBe("=SUM(#REF!A1:A3)+Tab[X]");
  });

  test("protected sheets refuse writes to locked cells; the last visible sheet cannot be hidden", async () => {
    const fx = new FakeExcel();
    fx.addSheet("A");
    const ws = fx.ctx.workbook.worksheets.getItem("A");
    ws.protection.protect();
    ws.getRange("A1").values = [[1]];
    await expect(fx.ctx.sync()).rejects.toThrow(/protected/);
    ws.visibility = "Hidden" as Excel.SheetVisibility;
    await expect(fx.ctx.sync()).rejects.toThrow(/last visible/);
  });

  test("failOnSync fails the whole request before anything is applied", async () => {
    const fx = new FakeExcel();
    fx.addSheet("A");
    fx.failOnSync = 1;
    fx.ctx.workbook.worksheets.add("B");
    await expect(fx.ctx.sync()).rejects.toThrow(/Simulated failure of request 1/);
    expect(fx.sheetNames()).toEqual(["A"]);
  });
});

describe("FakeExcel: real Excel's refusals and limits", () => {
  test("a very hidden sheet cannot be deleted; made hidden first, it can", async () => {
    const fx = new FakeExcel();
    fx.addSheet("A");
    fx.addSheet("B").visibility = "VeryHidden";
    const ws = fx.ctx.workbook.worksheets.getItem("B");
    ws.delete();
    await expect(fx.ctx.sync()).rejects.toThrow(/InvalidOperation: .*very hidden/);
    ws.visibility = "Hidden";
    ws.delete();
    await fx.ctx.sync();
    expect(fx.sheetNames()).toEqual(["A"]);
  });

  test("requests and responses over the limit fail with Office's codes; reads over the cell limit give values null", async () => {
    const fx = new FakeExcel();
    fx.addSheet("A", Array.from({ length: 100 }, (_, i) => [`row ${i} ${"é".repeat(50)}`]));
    fx.responseLimit = 5_000;
    const r = fx.ctx.workbook.worksheets.getItem("A").getRange("A1:A100");
    r.load("values");
    await expect(fx.ctx.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    fx.requestLimit = 1_000;
    fx.ctx.workbook.worksheets.getItem("A").getRange("B1").values = [["x".repeat(2_000)]];
    await expect(fx.ctx.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    fx.nullValuesOver = 10;
    const big = fx.ctx.workbook.worksheets.getItem("A").getRange("A1:A11");
    big.load("values");
    await fx.ctx.sync();
    expect(big.values).toBeNull();
  });
});
