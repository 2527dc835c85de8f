import fc from "fast-check";
import { needsRegression } from "../../../src/analysis/equity/index";
import { leastSquares, multipleOls, simpleOls, SIZE_TERM } from "../../../src/analysis/equity/regression";
import { fitProblemText } from "../../../src/words/equity";

describe("simpleOls", () => {
  test("Anscombe's quartet, data set I (published: y = 3.0001 + 0.5001x, R² = 0.6665, SE 1.1247 / 0.1179)", () => {
    const x = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
    const y = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68];
    const f = simpleOls(x, y);
    if (!f.ok) throw new Error(fitProblemText(f.problem));
    expect(f.intercept).toBeCloseTo(3.0001, 4);
    expect(f.slope).toBeCloseTo(0.5001, 4);
    expect(f.r2).toBeCloseTo(0.6665, 4);
    expect(f.seIntercept).toBeCloseTo(1.1247, 4);
    expect(f.seSlope).toBeCloseTo(0.1179, 4);
  });

  test("weighted fit equals the fit on expanded data", () => {
    // (0, 1) twice and (1, 3), (2, 2) once: expanded OLS
    const w = simpleOls([0, 1, 2], [1, 3, 2], [2, 1, 1]);
    const e = simpleOls([0, 0, 1, 2], [1, 1, 3, 2]);
    if (!w.ok || !e.ok) throw new Error("fit failed");
    // x̄ = 0.75, ȳ = 1.75; Sxy = (−.75)(−.75)·2 + (.25)(1.25) + (1.25)(.25) = 1.75; Sxx = 2.75 -> slope 7/11
    expect(e.slope).toBeCloseTo(7 / 11, 12);
    expect(w.slope).toBeCloseTo(e.slope, 12);
    expect(w.intercept).toBeCloseTo(e.intercept, 12);
    expect(w.r2).toBeCloseTo(e.r2 as number, 12);
  });

  test("honest failures", () => {
    expect(simpleOls([1], [2])).toEqual({ ok: false, problem: { code: "lineTooFew", n: 1 } });
    expect(simpleOls([5, 5, 5], [1, 2, 3])).toEqual({ ok: false, problem: { code: "sameShare" } });
    const two = simpleOls([1, 2], [3, 5]);
    expect(two.ok && two.seSlope).toBeNull();
  });
});

describe("multipleOls", () => {
  // Montgomery, Peck & Vining, Introduction to Linear Regression Analysis, delivery time data (Example 3.1):
  // time = 2.34123 + 1.61591 cases + 0.01438 distance, SE 1.09673 / 0.17073 / 0.00361, R² = 0.9596
  const data = [
    [16.68, 7, 560], [11.5, 3, 220], [12.03, 3, 340], [14.88, 4, 80], [13.75, 6, 150], [18.11, 7, 330], [8.0, 2, 110],
    [17.83, 7, 210], [79.24, 30, 1460], [21.5, 5, 605], [40.33, 16, 688], [21.0, 10, 215], [13.5, 4, 255], [19.75, 6, 462],
    [24.0, 9, 448], [29.0, 10, 776], [15.35, 6, 200], [19.0, 7, 132], [9.5, 3, 36], [35.1, 17, 770], [17.9, 10, 140],
    [52.32, 26, 810], [18.75, 9, 450], [19.83, 8, 635], [10.75, 4, 150],
  ];
  test("textbook example", () => {
    const f = multipleOls(
      data.map((d) => [d[1], d[2]]),
      data.map((d) => d[0]),
      ["Cases", "Distance"],
    );
    if (!f.ok) throw new Error(fitProblemText(f.problem));
    expect(f.names).toEqual(["Intercept", "Cases", "Distance"]);
    expect(f.coefficients[0]).toBeCloseTo(2.34123, 4);
    expect(f.coefficients[1]).toBeCloseTo(1.61591, 4);
    expect(f.coefficients[2]).toBeCloseTo(0.01438, 4);
    expect(f.standardErrors[0]).toBeCloseTo(1.09673, 4);
    expect(f.standardErrors[1]).toBeCloseTo(0.17073, 4);
    expect(f.standardErrors[2]).toBeCloseTo(0.00361, 5);
    expect(f.r2).toBeCloseTo(0.9596, 4);
  });

  test("one regressor agrees with simpleOls", () => {
    const x = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
    const y = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68];
    const m = multipleOls(x.map((v) => [v]), y, ["x"]);
    const s = simpleOls(x, y);
    if (!m.ok || !s.ok) throw new Error("fit failed");
    expect(m.coefficients[1]).toBeCloseTo(s.slope, 10);
    expect(m.standardErrors[1]).toBeCloseTo(s.seSlope as number, 10);
    expect(m.r2).toBeCloseTo(s.r2 as number, 10);
  });

  test("singular designs are reported, naming the column", () => {
    // EL share is twice the poverty share everywhere: collinear
    const rows = [[10, 20], [20, 40], [30, 60], [40, 80]];
    const f = multipleOls(rows, [1, 2, 3, 5], ["Poverty", "EL"]);
    expect(f.ok).toBe(false);
    if (!f.ok) expect(f.problem).toEqual({ code: "collinear", term: "EL" });
    if (!f.ok) expect(fitProblemText(f.problem)).toMatch(/singular: "EL"/);
    // a share that is the same in every school is collinear with the intercept
    const c = multipleOls([[5, 1], [5, 2], [5, 4]], [1, 2, 3], ["Poverty", "EL"]);
    expect(!c.ok && fitProblemText(c.problem)).toMatch(/"Poverty"/);
    expect(multipleOls([[1, 2]], [3], ["a", "b"])).toEqual({ ok: false, problem: { code: "tooFewSchools", n: 1, p: 3, shares: 2 } });
  });

  test("pupil-weighted coefficients equal OLS on expanded data (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ a: fc.integer({ min: 0, max: 100 }), b: fc.integer({ min: 0, max: 100 }), y: fc.integer({ min: 0, max: 10 ** 6 }), w: fc.integer({ min: 1, max: 4 }) }), {
          minLength: 5,
          maxLength: 12,
        }),
        (rows) => {
          const w = multipleOls(rows.map((r) => [r.a, r.b]), rows.map((r) => r.y), ["a", "b"], rows.map((r) => r.w));
          const ex = rows.flatMap((r) => Array.from({ length: r.w }, () => r));
          const e = multipleOls(ex.map((r) => [r.a, r.b]), ex.map((r) => r.y), ["a", "b"]);
          expect(w.ok).toBe(e.ok);
          if (w.ok && e.ok) {
            w.coefficients.forEach((c, j) => expect(c).toBeCloseTo(e.coefficients[j], 3));
            expect(w.r2 ?? 0).toBeCloseTo(e.r2 ?? 0, 6);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("leastSquares (QR)", () => {
  test("solves an overdetermined system and returns (XᵀX)⁻¹", () => {
    // X = [[1,0],[1,1],[1,2]], y = [1,2,4]: XᵀX = [[3,3],[3,5]], Xᵀy = [7,10] -> β = (5/6, 3/2);
    // (XᵀX)⁻¹ = [[5,-3],[-3,3]] / 6
    const r = leastSquares([[1, 0], [1, 1], [1, 2]], [1, 2, 4]);
    if (!r.ok) throw new Error("singular");
    expect(r.solution[0]).toBeCloseTo(5 / 6, 12);
    expect(r.solution[1]).toBeCloseTo(1.5, 12);
    expect(r.inverse[0][0]).toBeCloseTo(5 / 6, 12);
    expect(r.inverse[0][1]).toBeCloseTo(-3 / 6, 12);
    expect(r.inverse[1][0]).toBeCloseTo(-3 / 6, 12);
    expect(r.inverse[1][1]).toBeCloseTo(3 / 6, 12);
  });

  test("a column that repeats an earlier one is named", () => {
    expect(leastSquares([[1, 2], [2, 4], [3, 6]], [1, 2, 3])).toEqual({ ok: false, column: 1 });
    expect(leastSquares([[0, 1], [0, 2]], [1, 2])).toEqual({ ok: false, column: 0 });
  });

  test("stays accurate where the normal equations lose digits (Longley-like scale)", () => {
    // y = 1 + 1e-3·x exactly, x around 1e6: XᵀX has condition number ~1e13.
    const xs = [1e6, 1e6 + 1, 1e6 + 2, 1e6 + 3, 1e6 + 4];
    const r = leastSquares(xs.map((x) => [1, x]), xs.map((x) => 1 + 1e-3 * x));
    if (!r.ok) throw new Error("singular");
    expect(r.solution[1]).toBeCloseTo(1e-3, 9);
    expect(r.solution[0]).toBeCloseTo(1, 3);
  });
});

describe("needsRegression: need shares plus the school-size control", () => {
  test("recovers an exact plane: y = 5000 + 20·poverty − 300·ln(students)", () => {
    const pov = [10, 20, 30, 40, 50, 60];
    const students = [200, 800, 400, 1600, 300, 900];
    const y = pov.map((p, i) => 5000 + 20 * p - 300 * Math.log(students[i]));
    const f = needsRegression(pov.map((p) => [p]), y, ["Poverty"], students);
    if (!f.ok) throw new Error(fitProblemText(f.problem));
    expect(f.names).toEqual(["Intercept", "Poverty", SIZE_TERM]);
    expect(f.coefficients[0]).toBeCloseTo(5000, 6);
    expect(f.coefficients[1]).toBeCloseTo(20, 8);
    expect(f.coefficients[2]).toBeCloseTo(-300, 6);
    expect(f.r2).toBeCloseTo(1, 12);
    expect(f.sizeLeftOut).toBeUndefined();
  });

  test("hand-computed fit with noise (Frisch–Waugh–Lovell): the poverty coefficient is the slope on size-residualised data", () => {
    // 5 schools; ln(students) = 0, 1, 2, 3, 4 (students = e^k), poverty and y below.
    const lnS = [0, 1, 2, 3, 4];
    const students = lnS.map((k) => Math.exp(k));
    const pov = [10, 40, 20, 50, 30];
    const y = [100, 160, 110, 190, 120];
    const f = needsRegression(pov.map((p) => [p]), y, ["Poverty"], students);
    if (!f.ok) throw new Error(fitProblemText(f.problem));
    // Residualise on (1, lnS): lnS mean 2, Sxx = 10.
    // poverty: mean 30, Sxy = (-2)(-20)+(-1)(10)+0+(1)(20)+(2)(0) = 50 -> slope 5 -> fitted 20,25,30,35,40 -> e = -10, 15, -10, 15, -10
    // y: mean 136, Sxy = (-2)(-36)+(-1)(24)+0+(1)(54)+(2)(-16) = 70 -> slope 7 -> fitted 122,129,136,143,150 -> r = -22, 31, -26, 47, -30
    // poverty coefficient = Σ e·r / Σ e² = (220 + 465 + 260 + 705 + 300) / (100+225+100+225+100) = 1950 / 750 = 2.6
    expect(f.coefficients[1]).toBeCloseTo(2.6, 10);
    // size coefficient: y-slope on lnS minus 2.6 × poverty-slope on lnS = 7 − 2.6·5 = −6; intercept = 136 − 2.6·30 − (−6)·2 = 70
    expect(f.coefficients[2]).toBeCloseTo(-6, 10);
    expect(f.coefficients[0]).toBeCloseTo(70, 9);
    // residuals r − 2.6 e = -22+26, 31−39, -26+26, 47−39, -30+26 = 4, -8, 0, 8, -4; SSE = 160, n − p = 2 -> σ² = 80
    expect(f.residualSd).toBeCloseTo(Math.sqrt(80), 10);
    // SE(poverty) = √(σ² / Σe²) = √(80/750)
    expect(f.standardErrors[1]).toBeCloseTo(Math.sqrt(80 / 750), 10);
    // SST = 36²+24²+26²+54²+16² = 1296+576+676+2916+256 = 5720 -> R² = 1 − 160/5720
    expect(f.r2).toBeCloseTo(1 - 160 / 5720, 12);
  });

  test("without room for the size control the fit is made on the need shares and says so", () => {
    const f = needsRegression([[10], [20], [40]], [1, 2, 4], ["Poverty"], [300, 300, 300]);
    if (!f.ok) throw new Error(fitProblemText(f.problem));
    expect(f.names).toEqual(["Intercept", "Poverty"]);
    expect(f.sizeLeftOut).toEqual({ code: "collinear", term: SIZE_TERM });
  });
});
