import ExcelJS from "exceljs";
import { cellText, cellToCell, planResultToExcel, planValueToExcel, valueToCell } from "../../src/xlsx/values";

describe("valueToCell", () => {
  test("plain values", () => {
    expect(valueToCell(undefined)).toBeNull();
    expect(valueToCell(null)).toBeNull();
    expect(valueToCell(12.5)).toBe(12.5);
    expect(valueToCell(Number.NaN)).toBeNull();
    expect(valueToCell(false)).toBe(false);
    const d = new Date(Date.UTC(2024, 0, 2));
    expect(valueToCell(d)).toBe(d);
    expect(valueToCell(new Date(Number.NaN))).toBeNull();
  });

  test("text is kept as written, blank text is empty", () => {
    expect(valueToCell("  Lincoln ")).toBe("  Lincoln ");
    expect(valueToCell("")).toBeNull();
    expect(valueToCell(" \t\n")).toBeNull();
    expect(valueToCell("=1+2")).toBe("=1+2");
  });

  test("formulas, rich text, hyperlinks, errors", () => {
    expect(valueToCell({ formula: "A1*2", result: 4 })).toBe(4);
    expect(valueToCell({ sharedFormula: "B1", result: "x" })).toBe("x");
    expect(valueToCell({ formula: "A1" })).toBeNull();
    expect(valueToCell({ formula: "1/0", result: { error: "#DIV/0!" } })).toBe("#DIV/0!");
    expect(valueToCell({ richText: [{ text: "Wash" }, { text: "ington" }] })).toBe("Washington");
    expect(valueToCell({ richText: [{ text: " " }] })).toBeNull();
    expect(valueToCell({ text: "Adams", hyperlink: "https://x" })).toBe("Adams");
    expect(valueToCell({ text: { richText: [{ text: "Lin" }, { text: "coln" }] }, hyperlink: "https://x" })).toBe("Lincoln");
    expect(valueToCell({ error: "#N/A" })).toBe("#N/A");
    expect(valueToCell({ something: "else" })).toBeNull();
  });

  test("merged-away cells read as empty; the top-left keeps the value", () => {
    const ws = new ExcelJS.Workbook().addWorksheet("S");
    ws.getCell("A1").value = "merged";
    ws.mergeCells("A1:B2");
    expect(cellToCell(ws.getCell("A1"))).toBe("merged");
    expect(ws.getCell("B2").value).toBe("merged"); // what ExcelJS itself reports
    expect(cellToCell(ws.getCell("B2"))).toBeNull();
    expect(cellToCell(undefined)).toBeNull();
  });

  test("cellText", () => {
    expect(cellText(null)).toBe("");
    expect(cellText(2024)).toBe("2024");
    expect(cellText(true)).toBe("true");
    expect(cellText(new Date(Date.UTC(2024, 4, 6)))).toBe("2024-05-06");
  });
});

describe("planValueToExcel", () => {
  test("strings stay strings, whatever they start with", () => {
    for (const s of ["=1+2", "+44", "-x", "@home"]) expect(planValueToExcel(s)).toBe(s);
  });
  test("numbers, booleans, nulls; non-finite numbers are a visible #NUM!", () => {
    expect(planValueToExcel(3)).toBe(3);
    expect(planValueToExcel(true)).toBe(true);
    expect(planValueToExcel(null)).toBeNull();
    expect(planValueToExcel(undefined)).toBeNull();
    expect(planValueToExcel(Number.NaN)).toEqual({ error: "#NUM!" });
    expect(planValueToExcel(Number.NEGATIVE_INFINITY)).toEqual({ error: "#NUM!" });
  });
  test("text longer than Excel's limit is cut to 32,767 characters", () => {
    expect((planValueToExcel("x".repeat(40000)) as string).length).toBe(32767);
  });
  test("formula results", () => {
    expect(planResultToExcel(undefined)).toBeUndefined();
    expect(planResultToExcel(null)).toBeUndefined();
    expect(planResultToExcel(5)).toBe(5);
    expect(planResultToExcel("t")).toBe("t");
  });
});
