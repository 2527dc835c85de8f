import fc from "fast-check";
import { splitEvenly, splitInProportion } from "../../../src/analysis/aroi/split";

describe("largest-remainder split", () => {
  test("even split gives left-over units to the first parts", () => {
    // $100,000.00 over 3 schools: 10,000,000 = 3 × 3,333,333 + 1 → first school gets the extra cent
    expect(splitEvenly(10_000_000, 3)).toEqual([3_333_334, 3_333_333, 3_333_333]);
    // $80,000.00 over 3: 8,000,000 = 3 × 2,666,666 + 2
    expect(splitEvenly(8_000_000, 3)).toEqual([2_666_667, 2_666_667, 2_666_666]);
    expect(splitEvenly(250, 3)).toEqual([84, 83, 83]);
    expect(splitEvenly(5, 0)).toEqual([]);
  });

  test("proportional split by largest remainder", () => {
    // $10,000 over costs 25,000 : 5,000 → quotas 833,333.33 and 166,666.67; the larger remainder (.67) gets the cent
    expect(splitInProportion(1_000_000, [2_500_000, 500_000])).toEqual([833_333, 166_667]);
    // $100,000 by students 100 : 150 → 4,000,000 and 6,000,000 exactly
    expect(splitInProportion(10_000_000, [100, 150])).toEqual([4_000_000, 6_000_000]);
    // all-zero weights: split evenly
    expect(splitInProportion(7, [0, 0])).toEqual([4, 3]);
    // negative and non-finite weights count as 0
    expect(splitInProportion(10, [-1, Number.NaN, 2])).toEqual([0, 0, 10]);
    // fractional weights use floating quotas: 1 : 2 of 10 → 3.33, 6.67 → [3, 7]
    expect(splitInProportion(10, [0.5, 1])).toEqual([3, 7]);
    // a negative amount splits like its opposite
    expect(splitInProportion(-10, [1, 2])).toEqual([-3, -7]);
    expect(() => splitInProportion(1.5, [1])).toThrow(RangeError);
  });

  test("property: parts add up exactly and stay within one unit of the exact quota", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e13 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 }),
        (total, weights) => {
          const parts = splitInProportion(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const W = weights.reduce((a, b) => a + b, 0);
          parts.forEach((p, i) => {
            expect(Number.isInteger(p)).toBe(true);
            const quota = W > 0 ? (total * weights[i]) / W : total / weights.length;
            expect(Math.abs(p - quota)).toBeLessThan(1 + 1e-6 * total);
          });
        },
      ),
    );
  });
});

describe("largest-remainder split with fractional weights", () => {
  test("property: parts add up exactly even with floating quotas", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 15 }),
        (total, weights) => {
          const parts = splitInProportion(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          for (const p of parts) expect(p).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

test("property: the even split equals the proportional split with equal weights", () => {
  fc.assert(
    fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 40 }), (total, n) => {
      expect(splitEvenly(total, n)).toEqual(splitInProportion(total, new Array<number>(n).fill(1)));
    }),
  );
});
