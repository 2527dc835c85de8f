/** The one money module: whole cents, and money and counts written the same way everywhere. */
import * as fc from "fast-check";
import { cents, count, countOf, dollars, dollarsAndCents, dollarsFromCents, fromDollars, MINUS, perPupil, signedDollars, sumCents, wholeCount, wholeDollars } from "../../src/engine/money";

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
    expect(perPupil(127_200)).toBe("$1,272");
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
