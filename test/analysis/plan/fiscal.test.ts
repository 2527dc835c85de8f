import { dateText, firstYearAfterContract, fiscalLabel, fiscalYearOf, planYearOf, readDate, readFiscalYear, readMonth, yearLabel } from "../../../src/analysis/plan/fiscal";

describe("fiscal calendar", () => {
  test("a July-June fiscal year is named by the year it ends in", () => {
    expect(fiscalYearOf({ y: 2026, m: 7, d: 1 }, 7)).toBe(2027);
    expect(fiscalYearOf({ y: 2027, m: 6, d: 30 }, 7)).toBe(2027);
    expect(fiscalYearOf({ y: 2027, m: 3, d: 1 }, 1)).toBe(2027);
    expect(fiscalLabel(2027, 7)).toBe("2026-27");
    expect(fiscalLabel(2000, 7)).toBe("1999-00");
    expect(fiscalLabel(2027, 1)).toBe("2027");
    expect(yearLabel(2, 2027, 7)).toBe("2027-28");
    expect(yearLabel(2, null, 7)).toBe("Year 2");
    expect(planYearOf(2029, 2027)).toBe(3);
  });

  test("a rigid contract saves from the fiscal year after the one it ends in", () => {
    expect(firstYearAfterContract({ y: 2027, m: 6, d: 30 }, 2027, 7)).toBe(2);
    expect(firstYearAfterContract({ y: 2027, m: 8, d: 31 }, 2027, 7)).toBe(3);
    expect(firstYearAfterContract({ y: 2025, m: 1, d: 1 }, 2027, 7)).toBe(0);
  });

  test("reading fiscal years, months and dates", () => {
    expect(readFiscalYear("2027")).toBe(2027);
    expect(readFiscalYear("FY 2027")).toBe(2027);
    expect(readFiscalYear("FY27")).toBe(2027);
    expect(readFiscalYear("2026-27")).toBe(2027);
    expect(readFiscalYear("2099-00")).toBe(2100);
    expect(readFiscalYear("2026/2027")).toBe(2027);
    expect(readFiscalYear("2026-28")).toBeNull();
    expect(readFiscalYear("soon")).toBeNull();
    expect(readMonth("July")).toBe(7);
    expect(readMonth("sep")).toBe(9);
    expect(readMonth("12")).toBe(12);
    expect(readMonth("13")).toBeNull();
    expect(readMonth("ju")).toBeNull();
    expect(readDate(new Date(Date.UTC(2027, 5, 30)))).toEqual({ y: 2027, m: 6, d: 30 });
    expect(readDate(46568)).toEqual({ y: 2027, m: 6, d: 30 });
    expect(readDate("2027-06-30")).toEqual({ y: 2027, m: 6, d: 30 });
    expect(readDate("6/30/2027")).toEqual({ y: 2027, m: 6, d: 30 });
    expect(readDate("2027-02-30")).toBeNull();
    expect(readDate("June")).toBeNull();
    expect(readDate(true)).toBeNull();
    expect(dateText({ y: 2027, m: 6, d: 3 })).toBe("2027-06-03");
  });
});
