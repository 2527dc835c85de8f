import type { SolveProblem } from "../../src/analysis/equity/solve";
import { SIZE_TERM, type FitProblem } from "../../src/analysis/equity/regression";
import { fitProblemText, sizeLeftOutText, termName } from "../../src/words/equity";
import type { InputError } from "../../src/engine/types";
import { solveProblemText, solveProblemTitle } from "../../src/words/equitySolve";

const error: InputError = { table: "Policy", row: 4, column: "Value", expected: "a payable floor", found: "3" };

describe("the weight solver's reasons in words", () => {
  test("every problem has its sentence; values through the caller's formatter, the engine's error through describeError", () => {
    const cases: [SolveProblem, string][] = [
      [{ code: "outsideRange", lo: 0, hi: 3, target: 10, min: 0, max: 9 }, "no solution in [0, 3]: the target 10 lies outside [f(0), f(3)] = [0, 9]"],
      [
        { code: "jumps", target: 2.5, tolerance: 0.5, a: 1.2345678, b: 1.3, closest: { weight: 0.00001, value: 2 } },
        "no weight reaches $2.50 within ±$0.50: the result jumps over it between 1.23457 and 1.3 (rounding, floors or caps make steps): the closest value reached is $2.00 (at weight 1.00e-5)",
      ],
      [{ code: "noneAccepted", lo: 0, hi: 3, rejected: { weight: 0, error } }, 'no weight in [0, 3] gives an allocation the engine accepts: the engine rejects the allocation at weight 0 (Policy row 4, "Value": bad)'],
      [{ code: "noneAccepted", lo: 0, hi: 3, rejected: null }, "no weight in [0, 3] gives an allocation the engine accepts: "],
      [
        { code: "notReached", feasible: { lo: 0.5, hi: 3 }, closest: null, rejected: { weight: 0.25, error } },
        'no solution in the feasible range [0.5, 3]; the engine rejects the allocation at weight 0.25 (Policy row 4, "Value": bad)',
      ],
      [{ code: "perPupilNoBase" }, "the category is priced in $ per pupil and the first level's Base $ per pupil is 0, so a weight cannot be converted to dollars"],
      [{ code: "notNeed", category: 9, needs: [] }, '"9" is not a need category in Enrollment (none)'],
      [{ code: "notLevel", level: "Middle", levels: ["Elementary", "High"] }, '"Middle" is not a level (Elementary, High)'],
      [{ code: "emptyRange", lo: 2, hi: 1 }, "the search range [2, 1] is empty"],
      [{ code: "noSchool", schoolId: "Q" }, 'no school with ID "Q"'],
      [{ code: "failed", message: "out of memory" }, "out of memory"],
    ];
    const o = { formatValue: (v: number) => `$${v.toFixed(2)}`, describeError: (e: InputError) => `${e.table} row ${e.row}, "${e.column}": bad` };
    for (const [p, text] of cases) expect(solveProblemText(p, o)).toBe(text);
    expect(cases.map(([p]) => solveProblemTitle(p))).toEqual([
      "No solution in range",
      "No weight reaches the target exactly",
      "Cannot solve",
      "Cannot solve",
      "No solution in range",
      ...Array(6).fill("Cannot solve"),
    ]);
    // without a formatter: the number itself, the weight only
    expect(solveProblemText(cases[1][0])).toBe(
      "no weight reaches 2.5 within ±0.5: the result jumps over it between 1.23457 and 1.3 (rounding, floors or caps make steps): the closest value reached is 2 (at weight 1.00e-5)",
    );
    expect(solveProblemText(cases[2][0])).toBe("no weight in [0, 3] gives an allocation the engine accepts: the engine rejects the allocation at weight 0");
  });

  test("a fit's problem in words, the size control by its name", () => {
    const cases: [FitProblem, string][] = [
      [{ code: "lineTooFew", n: 1 }, "a fitted line needs at least 2 schools; found 1"],
      [{ code: "sameShare" }, "every school has the same share, so no line can be fitted"],
      [{ code: "tooFewSchools", n: 2, p: 3, shares: 2 }, "not enough schools: 2 school(s) for 3 coefficients (the intercept and 2 share(s))"],
      [{ code: "noWeight" }, "the design is singular: there are no schools with a positive weight"],
      [{ code: "noNeeds" }, "Enrollment has no need category"],
    ];
    for (const [p, text] of cases) expect(fitProblemText(p)).toBe(text);
    expect(fitProblemText({ code: "collinear", term: "EL" })).toMatch(/^the design is singular: "EL" is a linear combination/);
    expect(sizeLeftOutText({ code: "collinear", term: SIZE_TERM })).toMatch(/^fitted without the school-size control: the design is singular: "School size \(ln of Students\)" is/);
    expect([termName("Poverty"), termName(SIZE_TERM), termName(JSON.parse(JSON.stringify(SIZE_TERM)))]).toEqual(["Poverty", "School size (ln of Students)", "School size (ln of Students)"]);
  });
});
