import ExcelJS from "exceljs";
import type { CellStyle } from "../../src/report/plan";
import { NUMBER_FORMATS, StyleCache, styleParts } from "../../src/xlsx/styles";

describe("NUMBER_FORMATS", () => {
  test("the plan's formats map to Excel codes", () => {
    expect(NUMBER_FORMATS).toEqual({
      currency: '"$"#,##0.00',
      currency0: '"$"#,##0',
      percent: "0%",
      percent1: "0.0%",
      percent2: "0.00%",
      integer: "#,##0",
      decimal2: "#,##0.00",
      decimal4: "#,##0.0000",
      text: "@",
      date: "yyyy-mm-dd",
    });
  });
});

describe("styleParts", () => {
  test("each named style has its look", () => {
    expect(styleParts("title").font).toEqual({ bold: true, size: 16 });
    expect(styleParts("subtitle").font).toEqual({ bold: true, size: 12 });
    expect(styleParts("header")).toMatchObject({ font: { bold: true }, fill: { type: "pattern" }, border: { bottom: { style: "thin" } } });
    expect(styleParts("total")).toMatchObject({ font: { bold: true }, border: { top: { style: "thin" } } });
    expect(styleParts("note").font).toMatchObject({ italic: true });
    expect(styleParts("input")).toMatchObject({ fill: { type: "pattern" }, protection: { locked: false } });
    expect(styleParts("good").font?.color).toBeDefined();
    expect(styleParts("bad").font?.color).not.toEqual(styleParts("good").font?.color);
    expect(styleParts("label").font).toEqual({ bold: true });
  });
});

describe("StyleCache", () => {
  test("one shared, frozen object per combination", () => {
    const cache = new StyleCache();
    const a = cache.get("header", "currency", false);
    expect(cache.get("header", "currency", undefined)).toBe(a);
    expect(cache.get("header", "percent", false)).not.toBe(a);
    expect(a).toMatchObject({ numFmt: NUMBER_FORMATS.currency, font: { bold: true } });
    expect(Object.isFrozen(a)).toBe(true);
    // every styled font is written whole (name and size), so other programs do not draw it in their own default font
    expect(a!.font).toMatchObject({ name: "Calibri", size: 11 });
    expect(Object.isFrozen(a!.font)).toBe(true);
    expect(cache.size).toBe(2);
    expect(cache.get("title", undefined, false)!.font).toMatchObject({ name: "Calibri", bold: true, size: 16 });
  });

  test("no style, no format, locked: nothing to set", () => {
    expect(new StyleCache().get(undefined, undefined, false)).toBeNull();
  });

  test("unlocked and input cells carry locked: false", () => {
    const cache = new StyleCache();
    expect(cache.get(undefined, undefined, true)).toEqual({ protection: { locked: false } });
    expect(cache.get("input", undefined, false)?.protection).toEqual({ locked: false });
    expect(cache.get("label", undefined, false)?.protection).toBeUndefined();
  });

  test("many cells share one style id when saved", async () => {
    const cache = new StyleCache();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    const styles: CellStyle[] = ["label", "good"];
    for (let r = 1; r <= 200; r++) {
      const cell = ws.getCell(r, 1);
      cell.value = r;
      cell.style = cache.get(styles[r % 2], "integer", false)!;
    }
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ExcelJS.Buffer);
    const s = back.getWorksheet("S")!;
    expect(s.getCell(2, 1).font).toMatchObject({ bold: true });
    expect(s.getCell(3, 1).font?.bold).toBeFalsy();
    expect(s.getCell(200, 1).numFmt).toBe(NUMBER_FORMATS.integer);
  });
});
