import { salaryAdjustment, salaryPerPupil } from "../../../src/analysis/equity/salary";
import { input } from "./fixture";

describe("salary averaging", () => {
  test("the LAUSD and TRUSD presentation (2011): Franklin SH $255,636 over 2,236 students = $114 per pupil", () => {
    // 25,563,600 cents / 2,236 = 11,432.74 cents = $114.33
    expect(Math.round(salaryPerPupil(25_563_600, 0, 2236) / 100)).toBe(114);
    // Roosevelt ESP $51,630 over 324 = $159.35
    expect(Math.round(salaryPerPupil(5_163_000, 0, 324) / 100)).toBe(159);
    expect(salaryPerPupil(10, 0, 0)).toBe(0);
  });

  test("stats with and without the salary gap", () => {
    // A: $1,000/pupil, staff cost $100/pupil above average (10,000 cents x 100 pupils = 1,000,000)
    // B: $1,000/pupil, no salary figures (no adjustment)
    const res = salaryAdjustment([input("A", 100, 0, 10_000_000, 10, 0, 1_000_000), input("B", 100, 0, 10_000_000, 50, 0)]);
    if (!res) throw new Error("expected a result");
    expect(res.totalAdjustment).toBe(1_000_000);
    expect(res.rows[0]).toMatchObject({ id: "A", adjustment: 1_000_000, perPupil: 10_000, withActual: 100_000, withAverage: 90_000 });
    expect(res.rows[1]).toMatchObject({ adjustment: 0, withAverage: 100_000 });
    // at actual salaries everyone gets the same; at average salaries A is $100 below B
    expect(res.withActual.unweighted.range).toBe(0);
    expect(res.withAverage.unweighted.range).toBe(10_000);
    expect(res.withAverage.pupilWeighted.mean).toBe(95_000);
  });

  test("no salary figures: no result", () => {
    expect(salaryAdjustment([input("A", 100, 0, 1, 0, 0)])).toBeNull();
  });
});
