/** The one money module: whole cents, and money and counts written the same way everywhere. */
import * as fc from "fast-check";
import {
  axisDollars,
  cents,
  count,
  countOf,
  dollarFigure,
  dollars,
  dollarsAndCents,
  dollarsFromCents,
  dollarsInWords,
  editableDollars,
  excelDollars,
  fromDollars,
  MINUS,
  shortDollars,
  signedChange,
  signedDollars,
  sumCents,
  wholeCount,
  wholeDollars,
} from "../../src/engine/money";

describe("money", () => {
  test("cents accepts whole cents only", () => {
    expect(cents(123)).toBe(123);
    expect(Object.is(cents(-0), 0)).toBe(true);
    expect(() => cents(1.5)).toThrow(RangeError);
    expect(() => cents(Number.NaN)).toThrow(RangeError);
    expect(fromDollars(1234.5)).toBe(123_450);
    expect(fromDollars(-0.015)).toBe(-2);
    expect(sumCents([1, 2, 3])).toBe(6);
  });

  test("dollars: whole dollars without cents, otherwise two decimals, a true minus", () => {
    expect(dollars(123_400)).toBe("$1,234");
    expect(dollars(123_456)).toBe("$1,234.56");
    expect(dollars(-2_946_400)).toBe(`${MINUS}$29,464`);
    expect(dollars(0)).toBe("$0");
    expect(dollars(-0)).toBe("$0");
    expect(dollars(127_200)).toBe("$1,272");
  });

  test("whole dollars and dollars-and-cents", () => {
    expect(wholeDollars(123_450)).toBe("$1,235");
    expect(wholeDollars(-40)).toBe("$0");
    expect(dollarsAndCents(100_000_000)).toBe("$1,000,000.00");
    expect(dollarsAndCents(-25)).toBe(`${MINUS}$0.25`);
  });

  test("signed changes", () => {
    expect(signedDollars(120_000)).toBe("+$1,200");
    expect(signedDollars(-30_000)).toBe(`${MINUS}$300`);
    expect(signedDollars(20)).toBe("$0");
  });

  test("signed changes in any form: + for gains, a true minus for losses, no sign at zero", () => {
    expect(signedChange(1_250, dollarsAndCents)).toBe("+$12.50");
    expect(signedChange(-1_250, dollarsAndCents)).toBe(`${MINUS}$12.50`);
    expect(signedChange(0, dollarsAndCents)).toBe("$0.00");
    expect(signedChange(-123_456, dollars)).toBe(`${MINUS}$1,234.56`);
    expect(signedChange(-345_000_000, dollarsInWords)).toBe(`${MINUS}$3.5 million`);
    expect(signedChange(-40)).toBe("$0");
  });

  test("compact forms: short, chart axes, words", () => {
    expect(shortDollars(1_410_000_000)).toBe("$14.1M");
    expect(shortDollars(-250_000_000)).toBe(`${MINUS}$2.5M`);
    expect(shortDollars(95_000_000)).toBe("$950K");
    expect(axisDollars(1_234_567)).toBe("$1.2M");
    expect(axisDollars(-35_000)).toBe(`${MINUS}$35K`);
    expect(axisDollars(5_000)).toBe("$5,000");
    expect(dollarsInWords(340_000_000)).toBe("$3.4 million");
    expect(dollarsInWords(4_530_000)).toBe("$45,300");
    expect(dollarsInWords(81_150)).toBe("$812");
    expect(dollarsInWords(-81_150)).toBe(`${MINUS}$812`);
  });

  test("dollar figures, editing text and sheet cells", () => {
    expect(dollarFigure(1234)).toBe("$1,234");
    expect(dollarFigure(-0.5)).toBe(`${MINUS}$0.50`);
    expect(editableDollars(123_450)).toBe("$1,234.5");
    expect(editableDollars(-500)).toBe(`${MINUS}$5`);
    expect(editableDollars(12.34)).toBe("$0.1234");
    expect(excelDollars(-5, 2)).toBe("-$5.00");
    expect(excelDollars(1234.5, 0)).toBe("$1,235");
  });

  test("the compact and signed forms agree with the exact ones (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (c) => {
        const exact = wholeDollars(c);
        expect(signedChange(c)).toBe(c > 0 && exact !== "$0" ? `+${exact}` : exact);
        if (Math.abs(c) < 1e8) expect(dollarsInWords(c)).toBe(exact);
        expect(dollarFigure(dollarsFromCents(c))).toBe(dollars(c));
        expect(editableDollars(c).startsWith(MINUS)).toBe(c < 0);
      }),
    );
  });

  test("counts with thousands separators", () => {
    expect(count(10_126)).toBe("10,126");
    expect(count(12.5)).toBe("12.5");
    expect(wholeCount(10_125.6)).toBe("10,126");
    expect(countOf(1, "school")).toBe("1 school");
    expect(countOf(39, "school")).toBe("39 schools");
    expect(dollarsFromCents(-0.4)).toBe(0);
  });

  test("dollars reads back to the same cents (differential against a naive formatter)", () => {
    const naive = (c: number) => {
      const a = Math.abs(c);
      const whole = String(Math.floor(a / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
      const rest = a % 100;
      return `${c < 0 ? MINUS : ""}$${whole}${rest === 0 ? "" : `.${String(rest).padStart(2, "0")}`}`;
    };
    fc.assert(fc.property(fc.integer({ min: -1e14, max: 1e14 }), (c) => dollars(c) === naive(c)), { numRuns: 300 });
  });
});
