import fc from "fast-check";
import { equityStats, gini, mcloone, STAT_KEYS, theil, verstegen } from "../../../src/analysis/equity/stats";

describe("equityStats, unweighted", () => {
  // values 100, 200, 300, 400 with poverty 10, 30, 20, 40
  const s = equityStats([100, 200, 300, 400], null, [10, 30, 20, 40]);

  test("location and spread", () => {
    expect(s.mean).toBeCloseTo(250, 10);
    expect(s.median).toBeCloseTo(250, 10); // (200 + 300) / 2
    expect(s.min).toBe(100);
    expect(s.max).toBe(400);
    expect(s.range).toBe(300);
    expect(s.p5).toBeCloseTo(115, 10); // h = 3*0.05 = 0.15 -> 100 + 0.15*100
    expect(s.p95).toBeCloseTo(385, 10); // h = 2.85 -> 300 + 0.85*100
    expect(s.restrictedRange).toBeCloseTo(270, 10);
    expect(s.frr).toBeCloseTo(270 / 115, 10);
    // population SD = sqrt((150² + 50² + 50² + 150²) / 4) = sqrt(12500)
    expect(s.cv).toBeCloseTo(Math.sqrt(12500) / 250, 10);
  });

  test("McLoone, Verstegen, Gini, Theil", () => {
    expect(s.mcloone).toBeCloseTo((100 + 200) / (250 * 2), 10); // 0.6
    expect(s.verstegen).toBeCloseTo((300 + 400) / (250 * 2), 10); // 1.4
    // Σ|xi−xj| over unordered pairs = 100+200+300+100+200+100 = 1000; G = 2·1000 / (2·4²·250) = 0.25
    expect(s.gini).toBeCloseTo(0.25, 10);
    // shares of the mean 0.4, 0.8, 1.2, 1.6: T = mean of r·ln r
    const t = (0.4 * Math.log(0.4) + 0.8 * Math.log(0.8) + 1.2 * Math.log(1.2) + 1.6 * Math.log(1.6)) / 4;
    expect(s.theil).toBeCloseTo(t, 12);
    expect(s.theil).toBeCloseTo(0.10644, 4);
  });

  test("slope and r2 against poverty", () => {
    // x̄ = 25, ȳ = 250, Sxy = 2250 − 250 − 250 + 2250 = 4000, Sxx = 500 -> slope 8, intercept 50
    // fitted 130, 290, 210, 370; SSE = 900+8100+8100+900 = 18000; SST = 50000; r2 = 0.64
    expect(s.slope).toBeCloseTo(8, 10);
    expect(s.r2).toBeCloseTo(0.64, 10);
  });
});

describe("equityStats, pupil-weighted", () => {
  // values 100 (3 pupils), 200 (1 pupil): expanded {100,100,100,200}
  const s = equityStats([100, 200], [3, 1]);
  test("hand-computed", () => {
    expect(s.mean).toBeCloseTo(125, 10);
    expect(s.median).toBe(100); // h = 1.5 within the 100s
    expect(s.p5).toBe(100);
    expect(s.p95).toBeCloseTo(185, 10); // h = 2.85 -> 100 + 0.85*100
    expect(s.cv).toBeCloseTo(Math.sqrt((3 * 25 ** 2 + 75 ** 2) / 4) / 125, 10);
    expect(s.mcloone).toBe(1); // nobody below the median
    expect(s.verstegen).toBeCloseTo(2, 10); // 200 / (100 × 1)
    // pairs (100,200): 3 of them, 100 each -> D = 300, G = 300 / (4² × 125) = 0.15
    expect(s.gini).toBeCloseTo(0.15, 10);
    expect(s.slope).toBeNull(); // no poverty given
  });

  test("zero-student schools are left out", () => {
    const a = equityStats([100, 200, 999], [3, 1, 0]);
    expect(a.max).toBe(200);
    expect(a.mean).toBeCloseTo(125, 10);
  });
});

describe("edge cases", () => {
  test("all equal: no spread, gini and theil 0, McLoone and Verstegen 1", () => {
    const s = equityStats([500, 500, 500], [10, 20, 30], [10, 20, 30]);
    expect(s.range).toBe(0);
    expect(s.cv).toBe(0);
    expect(s.gini).toBe(0);
    expect(s.theil).toBe(0);
    expect(s.mcloone).toBe(1);
    expect(s.verstegen).toBe(1);
    expect(s.frr).toBe(0);
    expect(s.slope).toBeCloseTo(0, 10);
    expect(s.r2).toBeNull(); // nothing to explain
  });

  test("undefined statistics are null, never invented", () => {
    const zero = equityStats([0, 0, 10]);
    expect(zero.frr).toBeNull(); // p5 = 0
    expect(equityStats([5, 7], null, [20, 20]).slope).toBeNull(); // no variation in poverty
    const empty = equityStats([]);
    for (const k of STAT_KEYS) expect(empty[k]).toBeNull();
    expect(gini([0, 0], [1, 1])).toBeNull();
    expect(theil([0, 0], [1, 1])).toBeNull();
    expect(mcloone([1], [1], 0)).toBeNull();
    expect(verstegen([1], [1], 0)).toBeNull();
  });

  test("one school", () => {
    const s = equityStats([300], [50]);
    expect([s.mean, s.median, s.min, s.max, s.p5, s.p95]).toEqual([300, 300, 300, 300, 300, 300]);
    expect(s.gini).toBe(0);
  });

  test("Theil treats 0·ln 0 as 0", () => {
    // values 0, 2: mean 1, r = 0 and 2 -> T = (0 + 2 ln 2) / 2 = ln 2
    expect(theil([0, 2], [1, 1])).toBeCloseTo(Math.log(2), 12);
  });
});

describe("weighted forms equal unweighted forms on expanded data (property)", () => {
  test("every statistic", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ v: fc.integer({ min: 100, max: 2_000_000 }), w: fc.integer({ min: 1, max: 5 }), p: fc.integer({ min: 0, max: 100 }) }),
          { minLength: 2, maxLength: 10 },
        ),
        (rows) => {
          const weighted = equityStats(
            rows.map((r) => r.v),
            rows.map((r) => r.w),
            rows.map((r) => r.p),
          );
          const ex = rows.flatMap((r) => Array.from({ length: r.w }, () => r));
          const plain = equityStats(
            ex.map((r) => r.v),
            null,
            ex.map((r) => r.p),
          );
          for (const k of STAT_KEYS) {
            const a = weighted[k];
            const b = plain[k];
            if (a === null || b === null) expect(a).toBe(b);
            else expect(a).toBeCloseTo(b, 6 - Math.max(0, Math.ceil(Math.log10(Math.abs(b) + 1)) - 3));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("equal values", () => {
  test("R² is undefined (null) for equal values, weighted or not, even when the weighted mean is not exact", () => {
    expect(equityStats([1999993, 1999993], [1, 4], [0, 1]).r2).toBeNull();
    expect(equityStats([1999993, 1999993, 1999993, 1999993, 1999993], null, [0, 1, 1, 1, 1]).r2).toBeNull();
  });
});
