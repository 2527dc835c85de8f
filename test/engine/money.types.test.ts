/**
 * Money's unit is checked by the compiler. The `@ts-expect-error` lines below are compiled by `tsc --noEmit -p .`
 * (test/static.test.ts and every landing run it): if a Dollars figure could be assigned to Cents, or the other way,
 * the directive would be unused and tsc would fail. The runtime assertions check that the brand costs nothing.
 */
import { cents, dollars, dollarsFromCents, fromDollars, sumCents, type Cents, type Dollars } from "../../src/engine/money";
import type { Line, SchoolResult, SourceResult } from "../../src/engine/types";

describe("Cents: a unit the compiler checks", () => {
  test("a Dollars figure is not Cents, and Cents are not Dollars", () => {
    const typed: Dollars = 12.5;
    const inCents: Cents = fromDollars(typed);
    // @ts-expect-error a dollar figure assigned to cents
    const wrong: Cents = typed;
    // @ts-expect-error cents assigned to a dollar figure
    const wrongBack: Dollars = inCents;
    // @ts-expect-error the formatters take cents, not dollars
    dollars(dollarsFromCents(inCents));
    // @ts-expect-error an engine line's amount is cents
    const line: Pick<Line, "amount"> = { amount: typed };
    // @ts-expect-error a school's total is cents
    const school: Pick<SchoolResult, "total"> = { total: dollarsFromCents(inCents) };
    // @ts-expect-error a source's amount is cents
    const source: Pick<SourceResult, "amount"> = { amount: typed };
    expect([inCents, wrong, wrongBack, line.amount, school.total, source.amount]).toEqual([1250, 12.5, 1250, 12.5, 12.5, 12.5]);
  });

  test("plain numbers and arithmetic stay cents without casts", () => {
    const a: Cents = 1200;
    const b: Cents = cents(300);
    const total: Cents = a + b * 2 - Math.round(0.4);
    const perPupil: SchoolResult["perPupil"] = total / 7;
    expect(total).toBe(1800);
    expect(sumCents([a, b])).toBe(1500);
    expect(perPupil).toBeCloseTo(257.142857, 5);
    expect(dollars(total)).toBe("$18");
  });
});
