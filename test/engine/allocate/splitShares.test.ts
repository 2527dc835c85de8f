import fc from "fast-check";
import { kthSmallest, largestRemainder, splitShares } from "../../../src/engine/allocate/largestRemainder";

/** Largest remainder as first written (quickselect over a copy of every remainder): the reference. */
function reference(total: number, weights: ArrayLike<number>, unit = 1): Float64Array {
  const n = weights.length;
  const out = new Float64Array(n);
  const sign = total < 0 ? -1 : 1;
  const units = Math.floor(Math.abs(total) / unit);
  let sum = 0;
  for (let i = 0; i < n; i++) if (weights[i] > 0) sum += weights[i];
  if (units === 0 || !(sum > 0)) return out;
  const rem = new Float64Array(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (!(w > 0)) {
      rem[i] = -1;
      continue;
    }
    const q = units * (w / sum);
    const f = Math.floor(q);
    out[i] = f;
    rem[i] = q - f;
    given += f;
  }
  let left = units - given;
  if (left > 0) {
    let eligible = 0;
    for (let i = 0; i < n; i++) if (rem[i] >= 0) eligible++;
    if (left >= eligible) {
      for (let i = 0; i < n && left > 0; i++) {
        if (rem[i] >= 0) {
          out[i] += 1;
          left--;
        }
      }
    } else {
      const threshold = kthSmallest(Float64Array.from(rem), n - left);
      let above = 0;
      for (let i = 0; i < n; i++) if (rem[i] > threshold) above++;
      let at = left - above;
      for (let i = 0; i < n; i++) {
        if (rem[i] > threshold) out[i] += 1;
        else if (rem[i] === threshold && at > 0) {
          out[i] += 1;
          at--;
        }
      }
    }
  } else if (left < 0) {
    for (let i = n - 1; i >= 0 && left < 0; i--) {
      if (out[i] > 0) {
        out[i] -= 1;
        left++;
      }
    }
  }
  if (unit !== 1 || sign !== 1) for (let i = 0; i < n; i++) out[i] = out[i] * unit * sign;
  return out;
}

/** The parts splitShares describes, finished as its callers do. */
function viaSplit(units: number, weights: number[]): number[] {
  const positive = weights.map((w, i) => [w, i] as const).filter(([w]) => w > 0);
  let sum = 0;
  for (const [w] of positive) sum += w;
  const shares = positive.map(([w]) => w / sum);
  const split = splitShares(units, shares, shares.length);
  const parts = shares.map((s, j) => {
    if (split.parts !== null) return split.parts[j];
    const q = units * s;
    const f = Math.floor(q);
    return f + Math.ceil(q - f - split.threshold);
  });
  for (const j of split.ties) parts[j] += 1;
  const out = new Array<number>(weights.length).fill(0);
  positive.forEach(([, i], j) => (out[i] = parts[j]));
  return out;
}

const weightLists = fc.oneof(
  fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 400 }),
  // Many equal weights: remainders tie, and ties go to the lower index.
  fc.tuple(fc.integer({ min: 1, max: 3000 }), fc.double({ min: 0.5, max: 50, noNaN: true }), fc.nat({ max: 5 })).map(([n, w, k]) =>
    Array.from({ length: n }, (_, i) => (i % 7 < k ? 0 : w * (1 + (i % 3)))),
  ),
  fc.array(fc.oneof(fc.constant(0), fc.constant(-3), fc.integer({ min: 1, max: 9 })), { minLength: 1, maxLength: 2000 }),
);
const totals = fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 1e12 }), fc.constant(2 ** 53 - 1));

describe("largest remainder: same parts as the original algorithm, to the bit", () => {
  test("largestRemainder", () => {
    fc.assert(
      fc.property(totals, fc.boolean(), weightLists, fc.constantFrom(1, 100), (total, negative, weights, unit) => {
        const t = negative ? -total : total;
        expect(Array.from(largestRemainder(t, weights, unit))).toEqual(Array.from(reference(t, weights, unit)));
      }),
      { numRuns: 1500 },
    );
  });

  test("splitShares, finished by the caller, over the entries with positive weights", () => {
    fc.assert(
      fc.property(totals, weightLists, (units, weights) => {
        expect(viaSplit(units, weights)).toEqual(Array.from(reference(units, weights, 1)));
      }),
      { numRuns: 1500 },
    );
  });

  test("writes into a given array", () => {
    const into = new Float64Array(3).fill(7);
    expect(largestRemainder(100, [1, 1, 1], 1, into)).toBe(into);
    expect(Array.from(into)).toEqual([34, 33, 33]);
  });
});
