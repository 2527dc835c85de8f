import fc from "fast-check";
import { largestRemainder } from "../../../src/engine/allocate/largestRemainder";

const sum = (a: ArrayLike<number>) => Array.from(a).reduce((x, y) => x + y, 0);

describe("largestRemainder", () => {
  test("splits 100 cents in thirds as 34/33/33 (first tie wins)", () => {
    expect(Array.from(largestRemainder(100, [1, 1, 1]))).toEqual([34, 33, 33]);
  });
  test("gives the leftover units to the largest remainders", () => {
    // quotas 10 x [0.5, 0.3, 0.2] = 5, 3, 2 exactly; 11 -> 5.5, 3.3, 2.2 -> floors 5,3,2 + 1 to the 0.5
    expect(Array.from(largestRemainder(11, [0.5, 0.3, 0.2]))).toEqual([6, 3, 2]);
  });
  test("dollar unit: parts are whole dollars and the odd cents are left over", () => {
    const parts = largestRemainder(1050, [1, 1], 100);
    expect(Array.from(parts)).toEqual([500, 500]);
  });
  test("zero weights receive nothing; all-zero distributes nothing", () => {
    expect(Array.from(largestRemainder(10, [0, 2, 0, 3]))).toEqual([0, 4, 0, 6]);
    expect(Array.from(largestRemainder(10, [0, 0]))).toEqual([0, 0]);
  });
  test("negative totals split symmetrically", () => {
    expect(Array.from(largestRemainder(-100, [1, 1, 1]))).toEqual([-34, -33, -33]);
  });
  test("rejects non-integer totals", () => {
    expect(() => largestRemainder(1.5, [1])).toThrow(RangeError);
  });
  test("property: parts add up exactly and each is within one unit of its quota", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.constantFrom(1, 100),
        (total, weights, unit) => {
          const parts = largestRemainder(total, weights, unit);
          const W = weights.reduce((a, b) => a + b, 0);
          if (W === 0) return sum(parts) === 0;
          const units = Math.floor(total / unit);
          if (sum(parts) !== units * unit) return false;
          return weights.every((w, i) => Math.abs(parts[i] / unit - (units * w) / W) < 1 + 1e-6 && parts[i] % unit === 0);
        },
      ),
      { numRuns: 500 },
    );
  });
});

import { kthSmallest } from "../../../src/engine/allocate/largestRemainder";
test("kthSmallest agrees with sorting", () => {
  fc.assert(
    fc.property(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 200 }), fc.nat(), (xs, k0) => {
      const k = k0 % xs.length;
      const sorted = [...xs].sort((a, b) => a - b);
      return kthSmallest(Float64Array.from(xs), k) === sorted[k];
    }),
    { numRuns: 1000 },
  );
});
