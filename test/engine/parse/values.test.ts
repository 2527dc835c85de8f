import {
  cellText,
  isoDate,
  isBlank,
  readDollars,
  readNumeric,
  readPercent,
  readPlainNumber,
  readYesNo,
  toCents,
} from "../../../src/engine/parse/values";
import { describeCell } from "../../../src/words/parseErrors";

describe("readNumeric", () => {
  it.each([
    [1234.5, 1234.5],
    ["1,234.50", 1234.5],
    ["$1,234.50", 1234.5],
    [" 1200 ", 1200],
    ["-$5", -5],
    ["$-5", -5],
    ["(1,000)", -1000],
    ["+7", 7],
    [".5", 0.5],
    ["12.", 12],
    ["\u22123", -3],
    ["40%", 0.4],
    ["12.5 %", 0.125],
  ])("reads %p as %p", (cell, value) => {
    expect(readNumeric(cell)?.value).toBeCloseTo(value, 12);
  });

  it.each([["abc"], ["1,2"], ["12,34,567"], ["1e3"], ["$"], ["--5"], [""], [null], [true], [NaN], [Infinity], ["1.2.3"]])(
    "rejects %p",
    (cell) => {
      expect(readNumeric(cell as never)).toBeNull();
    },
  );

  it("remembers the unit marks", () => {
    expect(readNumeric("$5")).toEqual({ value: 5, percent: false, dollar: true });
    expect(readNumeric("5%")).toEqual({ value: 0.05, percent: true, dollar: false });
  });
});

describe("typed readers", () => {
  it("plain numbers refuse $ and %", () => {
    expect(readPlainNumber("1,200")).toBe(1200);
    expect(readPlainNumber("$1,200")).toBeNull();
    expect(readPlainNumber("12%")).toBeNull();
  });

  it("dollars accept $ but not %", () => {
    expect(readDollars("$1,234.50")).toBe(1234.5);
    expect(readDollars(99)).toBe(99);
    expect(readDollars("40%")).toBeNull();
  });

  it("dollars become integer cents with Math.round(x * 100)", () => {
    expect(toCents(1234.5)).toBe(123450);
    expect(toCents(0.015)).toBe(Math.round(0.015 * 100));
    expect(toCents(1272.499)).toBe(127250);
    expect(Object.is(toCents(-0.001), 0)).toBe(true);
  });

  it.each([
    ["40%", 0.4],
    [0.4, 0.4],
    [40, 0.4],
    ["40", 0.4],
    ["0.4", 0.4],
    [1, 1],
    ["100%", 1],
    [100, 1],
    [0, 0],
    ["150%", 1.5],
    [-10, -0.1],
  ])("percent %p is the fraction %p", (cell, fraction) => {
    expect(readPercent(cell)).toBeCloseTo(fraction, 12);
  });

  it("percent refuses text and dollars", () => {
    expect(readPercent("half")).toBeNull();
    expect(readPercent("$40")).toBeNull();
  });

  it.each([
    ["Yes", true],
    ["y", true],
    ["TRUE", true],
    ["1", true],
    [1, true],
    [true, true],
    ["No", false],
    [" n ", false],
    ["false", false],
    [0, false],
    [false, false],
  ])("Yes/No %p is %p", (cell, value) => {
    expect(readYesNo(cell)).toBe(value);
  });

  it("Yes/No refuses anything else", () => {
    expect(readYesNo("Maybe")).toBeNull();
    expect(readYesNo(2)).toBeNull();
    expect(readYesNo(null)).toBeNull();
  });
});

describe("cell text and descriptions", () => {
  it("reads numbers as text for IDs", () => {
    expect(cellText(101)).toBe("101");
    expect(cellText("  A-7 ")).toBe("A-7");
    expect(cellText(null)).toBe("");
    expect(cellText(false)).toBe("FALSE");
    expect(cellText(new Date(Date.UTC(2025, 6, 1)))).toBe("2025-07-01");
    // an invalid date has no text (the .xlsx reader reads it as a blank cell); its words are in src/words
    expect(cellText(new Date(Number.NaN))).toBe("");
    expect(isoDate(new Date(Number.NaN))).toBeNull();
    expect(isoDate(new Date(Date.UTC(2024, 1, 29)))).toBe("2024-02-29");
  });

  it("describes found values for messages", () => {
    expect(describeCell("abc")).toBe('"abc"');
    expect(describeCell(-5)).toBe("-5");
    expect(describeCell(null)).toBe("a blank cell");
    expect(describeCell("   ")).toBe("a blank cell");
    expect(describeCell(true)).toBe("TRUE");
    expect(describeCell(new Date(Date.UTC(2024, 0, 31)))).toBe("a date 2024-01-31");
    expect(describeCell(new Date(Number.NaN))).toBe("a date an invalid date");
    expect(describeCell("x".repeat(100))).toHaveLength(62);
  });

  it("knows blank cells", () => {
    expect(isBlank(undefined)).toBe(true);
    expect(isBlank(" ")).toBe(true);
    expect(isBlank(0)).toBe(false);
    expect(isBlank(false)).toBe(false);
  });
});
