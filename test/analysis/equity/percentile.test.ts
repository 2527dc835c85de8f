import fc from "fast-check";
import { percentileInc, weightedPercentileInc } from "../../../src/analysis/equity/percentile";

describe("percentileInc (Excel PERCENTILE.INC)", () => {
  test("matches known Excel values", () => {
    // PERCENTILE.INC({1,2,3,4},0.05): h = (4-1)*0.05 = 0.15 -> 1 + 0.15*(2-1) = 1.15
    expect(percentileInc([1, 2, 3, 4], 0.05)).toBeCloseTo(1.15, 12);
    // PERCENTILE.INC({1,2,3,4},0.95): h = 2.85 -> 3 + 0.85*(4-3) = 3.85
    expect(percentileInc([1, 2, 3, 4], 0.95)).toBeCloseTo(3.85, 12);
    // Microsoft's documentation example: PERCENTILE.INC({1,3,2,4},0.3) = 1.9 (h = 0.9 -> 1 + 0.9)
    expect(percentileInc([1, 3, 2, 4], 0.3)).toBeCloseTo(1.9, 12);
    // Median of an even count is the average of the middle two: h = 1.5 -> 2 + 0.5 = 2.5
    expect(percentileInc([4, 1, 3, 2], 0.5)).toBeCloseTo(2.5, 12);
    expect(percentileInc([7], 0.95)).toBe(7);
    expect(percentileInc([5, 9], 0)).toBe(5);
    expect(percentileInc([5, 9], 1)).toBe(9);
  });

  test("empty input or p outside [0, 1] gives null", () => {
    expect(percentileInc([], 0.5)).toBeNull();
    expect(percentileInc([1, 2], 1.5)).toBeNull();
    expect(percentileInc([1, 2], -0.1)).toBeNull();
  });
});

describe("weightedPercentileInc (PERCENTILE.INC with pupils as frequency weights)", () => {
  test("hand-computed cases on expanded lists", () => {
    // {10 x3, 20 x1} = {10,10,10,20}: p=0.5 -> h=1.5 -> 10; p=0.8 -> h=2.4 -> 10+0.4*10 = 14; p=0.95 -> h=2.85 -> 18.5
    expect(weightedPercentileInc([20, 10], [1, 3], 0.5)).toBeCloseTo(10, 12);
    expect(weightedPercentileInc([20, 10], [1, 3], 0.8)).toBeCloseTo(14, 12);
    expect(weightedPercentileInc([20, 10], [1, 3], 0.95)).toBeCloseTo(18.5, 12);
    // Zero weights drop out: {1 x2, 3 x2} (5 has weight 0): p=0.05 -> h=0.15 -> 1
    expect(weightedPercentileInc([1, 5, 3], [2, 0, 2], 0.05)).toBe(1);
    expect(weightedPercentileInc([1, 5, 3], [2, 0, 2], 1)).toBe(3);
  });

  test("no positive weight gives null", () => {
    expect(weightedPercentileInc([1, 2], [0, 0], 0.5)).toBeNull();
  });

  test("equals PERCENTILE.INC on the expanded list (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ v: fc.integer({ min: 0, max: 100000 }), w: fc.integer({ min: 1, max: 6 }) }), { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (rows, p) => {
          const expanded = rows.flatMap((r) => Array<number>(r.w).fill(r.v));
          const got = weightedPercentileInc(
            rows.map((r) => r.v),
            rows.map((r) => r.w),
            p,
          ) as number;
          expect(got).toBeCloseTo(percentileInc(expanded, p) as number, 6);
        },
      ),
      { numRuns: 300 },
    );
  });
});
