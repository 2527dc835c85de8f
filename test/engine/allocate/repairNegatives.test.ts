import fc from "fast-check";
import { allocate } from "../../../src/engine/allocate";
import { repairNegatives } from "../../../src/engine/allocate/adjust";
import { randomDistrict } from "../../helpers/randomDistrict";

function sums(by: number[][], rows: number[]): { row: number[]; col: number[] } {
  return { row: rows.map((i) => by.reduce((x, s) => x + s[i], 0)), col: by.map((s) => rows.reduce((x, i) => x + s[i], 0)) };
}

describe("repairNegatives", () => {
  it("repairs a negative no single school can absorb (every school capped to no general money)", () => {
    // Two general sources, three schools whose general money is 0: cumulative rounding left +8/-167/+159 and its mirror.
    const by = [
      [8, -167, 159],
      [-8, 167, -159],
    ];
    repairNegatives(by, [0, 1, 2]);
    expect(by).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });

  it("keeps every school's and every source's sum and leaves no negative cell (random, non-negative sums)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 24, maxLength: 24 }),
        fc.array(fc.integer({ min: -300, max: 300 }), { minLength: 24, maxLength: 24 }),
        (m, n, base, noise) => {
          // Start from a non-negative matrix, then add changes that keep every row and column sum (a zero-sum pattern).
          const by = Array.from({ length: m }, (_, s) => Array.from({ length: n }, (_, i) => base[(s * n + i) % 24]));
          for (let s = 0; s + 1 < m; s++) {
            for (let i = 0; i + 1 < n; i++) {
              const k = noise[(s * n + i) % 24];
              by[s][i] += k;
              by[s + 1][i] -= k;
              by[s][i + 1] -= k;
              by[s + 1][i + 1] += k;
            }
          }
          const rows = Array.from({ length: n }, (_, i) => i);
          const before = sums(by, rows);
          fc.pre(before.row.every((v) => v >= 0) && before.col.every((v) => v >= 0));
          repairNegatives(by, rows);
          expect(sums(by, rows)).toEqual(before);
          expect(by.every((s) => s.every((v) => v >= 0))).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("the random district that showed it: no source pays a school a negative amount", () => {
    const a = allocate(randomDistrict(-1831066580));
    for (const s of a.sources) expect(Array.from(s.bySchool).every((v) => v >= 0)).toBe(true);
  });
});
