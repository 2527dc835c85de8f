import { parseAddress, rectAddress } from "../../src/excel/address";
import { groupRects, splitRows } from "../../src/excel/rectangles";
import { formulaSheet, rewriteRefs } from "../../src/excel/refs";
import { asTypedText, dateToSerial, needsQuotePrefix, toCellInput } from "../../src/excel/text";
import { widthPoints } from "../../src/excel/formats";

describe("address", () => {
  test.each([
    ["Sheet1!B3:F20", { sheet: "Sheet1", r: 2, c: 1, rows: 18, cols: 5 }],
    ["'My ''Data'''!$AA$10", { sheet: "My 'Data'", r: 9, c: 26, rows: 1, cols: 1 }],
    ["C7", { sheet: null, r: 6, c: 2, rows: 1, cols: 1 }],
    ["Data!D5:B2", { sheet: "Data", r: 1, c: 1, rows: 4, cols: 3 }],
  ])("parseAddress(%s)", (a, expected) => expect(parseAddress(a)).toEqual(expected));
  test("bad address throws", () => expect(() => parseAddress("Sheet1!foo")).toThrow(/Not a cell address/));
  test("rectAddress", () => {
    expect(rectAddress({ r: 0, c: 0, rows: 1, cols: 1 })).toBe("A1");
    expect(rectAddress({ r: 2, c: 25, rows: 3, cols: 2 })).toBe("Z3:AA5");
  });
});

describe("groupRects", () => {
  test("a dense block is one rectangle", () => {
    const cells = [];
    for (let r = 0; r < 100; r++) for (let c = 0; c < 5; c++) cells.push({ r, c });
    expect(groupRects(cells)).toEqual([{ r: 0, c: 0, rows: 100, cols: 5 }]);
  });
  test("gaps up to maxGap are bridged; row spans must match to merge", () => {
    const cells = [
      { r: 0, c: 0 },
      { r: 0, c: 2 },
      { r: 1, c: 0 },
      { r: 1, c: 2 },
      { r: 2, c: 0 },
      { r: 4, c: 0 },
      { r: 4, c: 0 },
    ];
    expect(groupRects(cells, 0)).toEqual([
      { r: 0, c: 0, rows: 3, cols: 1 },
      { r: 0, c: 2, rows: 2, cols: 1 },
      { r: 4, c: 0, rows: 1, cols: 1 },
    ]);
    expect(groupRects(cells, 1)).toEqual([
      { r: 0, c: 0, rows: 2, cols: 3 },
      { r: 2, c: 0, rows: 1, cols: 1 },
      { r: 4, c: 0, rows: 1, cols: 1 },
    ]);
  });
  test("every cell is covered exactly once", () => {
    const cells = Array.from({ length: 500 }, (_, i) => ({ r: (i * 7) % 53, c: (i * 13) % 11 }));
    const rects = groupRects(cells, 2);
    for (const { r, c } of cells) expect(rects.filter((x) => r >= x.r && r < x.r + x.rows && c >= x.c && c < x.c + x.cols)).toHaveLength(1);
  });
  test("splitRows keeps bands under the size", () => {
    expect(splitRows({ r: 10, c: 0, rows: 10, cols: 2 }, () => 30, 100)).toEqual([
      { r: 10, c: 0, rows: 3, cols: 2 },
      { r: 13, c: 0, rows: 3, cols: 2 },
      { r: 16, c: 0, rows: 3, cols: 2 },
      { r: 19, c: 0, rows: 1, cols: 2 },
    ]);
  });
});

describe("refs", () => {
  const sheets = new Map([
    ["school budgets", "~sfs 2"],
    ["summary", "~sfs 1"],
  ]);
  const tables = new Map([["schoolbudgets", "sfs_tmp_2_SchoolBudgets"]]);
  test("sheet and table references are rewritten, string literals and unknown names are not", () => {
    expect(rewriteRefs(`'School Budgets'!D4+Summary!A1+Other!A1&"Summary!A1"`, sheets, tables)).toBe(`'~sfs 2'!D4+'~sfs 1'!A1+Other!A1&"Summary!A1"`);
    expect(rewriteRefs("SUM(SchoolBudgets[Total])+COUNT(Other[X])", sheets, tables)).toBe("SUM(sfs_tmp_2_SchoolBudgets[Total])+COUNT(Other[X])");
  });
  test("formulaSheet", () => {
    expect(formulaSheet("=Summary!$C$5")).toBe("Summary");
    expect(formulaSheet("='Summary (2)'!$C$5")).toBe("Summary (2)");
    expect(formulaSheet("=#REF!$C$5")).toBe("#REF");
    expect(formulaSheet("=0.05")).toBeNull();
  });
});

describe("text", () => {
  test.each(["=SUM(A1)", "+1", "-5", "@x", "'q", "007", "1.5", "$100", "15-Feb", "Mar 5", "TRUE", "false", "40%", "#N/A"])("%s needs the quote prefix", (s) =>
    expect(needsQuotePrefix(s)).toBe(true),
  );
  test.each(["Adams Elementary", "March Middle", "", "Title I", "K-8"])("%s is kept as typed", (s) => expect(needsQuotePrefix(s)).toBe(false));
  test("asTypedText / toCellInput", () => {
    expect(asTypedText("=A1")).toBe("'=A1");
    expect(asTypedText("abc", true)).toBe("'abc");
    expect(asTypedText("", true)).toBe("");
    expect(toCellInput(undefined)).toBeNull();
    expect(toCellInput(Number.NaN)).toBeNull();
    expect(toCellInput(new Date(Date.UTC(2024, 0, 1)))).toBe(45292);
    expect(dateToSerial(new Date(Date.UTC(1900, 2, 1)))).toBe(61);
  });
  test("widthPoints", () => expect(widthPoints(10)).toBe(56.25));
});
