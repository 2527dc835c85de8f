/**
 * Differential tests of the rounding helpers against naive references written here: the largest-remainder split
 * (sort the remainders, exact rational arithmetic) and the line rule (count × rate rounded half away from zero,
 * in exact decimal arithmetic).
 */
import fc from "fast-check";
import { largestRemainder } from "../../../src/engine/allocate/largestRemainder";
import { lineAmount, roundHalfUp } from "../../../src/engine/allocate/rounding";

/** Naive Hamilton split with integer weights, in exact BigInt arithmetic: floors, then sort remainders (ties: earlier). */
function naiveSplit(total: number, weights: number[], unit: number): number[] {
  const sign = total < 0 ? -1 : 1;
  const units = BigInt(Math.floor(Math.abs(total) / unit));
  const w = weights.map((x) => BigInt(Math.max(0, x)));
  const W = w.reduce((a, b) => a + b, 0n);
  if (W === 0n || units === 0n) return weights.map(() => 0);
  const floors = w.map((x) => (units * x) / W);
  const rems = w.map((x, i) => ({ i, r: (units * x) % W, positive: x > 0n }));
  let left = Number(units - floors.reduce((a, b) => a + b, 0n));
  rems.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  const out = floors.map(Number);
  for (const { i, positive } of rems) {
    if (left === 0) break;
    if (!positive) continue;
    out[i] += 1;
    left--;
  }
  return out.map((x) => (x === 0 ? 0 : x * unit * sign));
}

describe("largestRemainder agrees with a naive sorted-remainder split", () => {
  test("random integer weights, many ties, cents and dollars, negative totals", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5_000_000, max: 5_000_000 }),
        fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 1_000_000 })), { minLength: 1, maxLength: 40 }),
        fc.constantFrom(1, 100),
        (total, weights, unit) => {
          const got = Array.from(largestRemainder(total, weights, unit)).map((x) => (x === 0 ? 0 : x));
          expect(got).toEqual(naiveSplit(total, weights, unit));
        },
      ),
      { numRuns: Number(process.env.LR_RUNS ?? 1500) },
    );
  });
  test("ties go to the earlier part; dollars leave the odd cents over", () => {
    expect(Array.from(largestRemainder(200, [1, 1, 1], 1))).toEqual([67, 67, 66]);
    expect(Array.from(largestRemainder(20_050, [1, 1, 1], 100))).toEqual([6_700, 6_700, 6_600]);
    expect(Array.from(largestRemainder(-200, [1, 1, 1], 1))).toEqual([-67, -67, -66]);
  });
});

/** Naive line rule in exact decimal: count (up to 2 decimals) × rate (whole cents), halves away from zero, to the unit. */
function naiveLine(count: number, rate: number, unit: number): number {
  const c100 = BigInt(Math.round(count * 100));
  const x = c100 * BigInt(rate); // hundredths of a cent
  const u = BigInt(unit) * 100n;
  const neg = x < 0n;
  const ax = neg ? -x : x;
  const q = (ax + u / 2n) / u;
  const r = Number(q * BigInt(unit));
  return neg ? -r : r;
}

describe("the line rule agrees with exact decimal arithmetic", () => {
  test("count × whole-cent rate, rounded half up to the cent or the dollar", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300_000 }), fc.integer({ min: 1, max: 2_000_000 }), fc.constantFrom(1, 100), (c100, rate, unit) => {
        const count = c100 / 100;
        expect(lineAmount(count, rate, unit)).toBe(naiveLine(count, rate, unit));
      }),
      { numRuns: 3000 },
    );
  });
  test("halves round away from zero, like Excel's ROUND", () => {
    expect(lineAmount(80, 725125, 100)).toBe(58_010_000); // 80 × $7,251.25 = $580,100.00
    expect(lineAmount(1, 250, 100)).toBe(300); // $2.50 -> $3
    expect(lineAmount(0.5, 1, 1)).toBe(1); // half a cent -> 1 cent
    expect(roundHalfUp(-250, 100)).toBe(-300);
    expect(roundHalfUp(-249, 100)).toBe(-200);
  });
});
