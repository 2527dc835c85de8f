import { analyseOutcomes } from "../../../src/analysis/outcomes";
import { fitProblemText } from "../../../src/words/equity";
import { outcomesJson } from "../../../src/words/equityJson";
import { outcomesReadings } from "../../../src/words/outcomes";
import { perPupilByStudentType } from "../../../src/analysis/studentTypes";
import { studentTypesJson } from "../../../src/words/equityJson";
import { studentTypeText } from "../../../src/words/outcomes";
import { allocate } from "../../../src/engine/allocate";
import { explainer } from "../../../src/engine/allocate/explain";
import { equitySummary } from "../../../src/analysis/equity";
import { formatError } from "../../../src/words/errors";
import { parseDistrict } from "../../../src/engine/parse";
import type { ParseContext } from "../../../src/engine/parse/headers";
import { parseOutcomes } from "../../../src/engine/parse/outcomes";
import { outcomesPlan, studentTypesPlan } from "../../../src/report/outcomes";
import { sampleDistrict } from "../../../src/sample/district";
import { input } from "../equity/fixture";
import { rawTables, type Grid } from "../../helpers/raw";

const HEAD = ["School ID", "Year", "Measure", "Value"];
function parse(grid: Grid, ids = ["A", "B", "C", "D"]) {
  const ctx: ParseContext = { errors: [], warnings: [] };
  return { rows: parseOutcomes(rawTables({ Outcomes: grid }), ctx, ids), ctx };
}

describe("outcomes against poverty and $ per pupil", () => {
  // Four schools: poverty 10, 50, 80, 20 (fixture); proficiency 70, 50, 35, 65 in 2026.
  // On poverty: x̄ = 40, ȳ = 55; Sxy = (−30)(15)+(10)(−5)+(40)(−20)+(−20)(10) = −450−50−800−200 = −1500; Sxx = 900+100+1600+400 = 3000
  // -> slope −0.5, intercept 55 + 0.5·40 = 75.
  const s = equitySummary([input("A", 400, 0, 400_000_000, 10, 5), input("B", 300, 0, 330_000_000, 50, 10), input("C", 200, 0, 260_000_000, 80, 45), input("D", 500, 0, 550_000_000, 20, 30)]);
  const { rows, ctx } = parse([
    HEAD,
    ["A", 2026, "Reading %", 70],
    ["B", 2026, "Reading %", "50%"],
    ["C", 2026, "Reading %", 35],
    ["D", 2026, "Reading %", 65],
    ["A", 2025, "Reading %", 60],
    ["A", 2026, "Math growth", -2],
  ]);

  test("the first measure, its latest year; slopes by hand", () => {
    expect(ctx.errors).toEqual([]);
    const o = analyseOutcomes(rows!, s)!;
    expect([o.measure, o.year, o.measures, o.years]).toEqual(["Reading %", "2026", ["Reading %", "Math growth"], ["2025", "2026"]]);
    expect(o.schools.map((x) => x.value)).toEqual([70, 50, 35, 65]);
    if (!o.onPoverty.ok) throw new Error(fitProblemText(o.onPoverty.problem));
    expect(o.onPoverty.slope).toBeCloseTo(-0.5, 12);
    expect(o.onPoverty.intercept).toBeCloseTo(75, 10);
    // $ per pupil: A 10,000, B 11,000, C 13,000, D 11,000 (dollars); x̄ = 11,250
    // Sxy = (−1250)(15)+(−250)(−5)+(1750)(−20)+(−250)(10) = −18750+1250−35000−2500 = −55000; Sxx = 1562500+62500+3062500+62500 = 4750000
    if (!o.onPerPupil.ok) throw new Error(fitProblemText(o.onPerPupil.problem));
    expect(o.onPerPupil.slope).toBeCloseTo(-55000 / 4750000, 12);
    expect(outcomesReadings(o)[0]).toBe("Reading % (2026): each 10 more points of Poverty go with 5.0 lower (R² 1.00)."); // the four points lie on the line
    expect(outcomesJson(o)).toMatchObject({ measure: "Reading %", year: "2026", schools: 4, missing: [] });
  });

  test("another measure and year when asked; schools without a value are named", () => {
    const o = analyseOutcomes(rows!, s, { measure: "reading %", year: "2025" })!;
    expect(o.year).toBe("2025");
    expect(o.missing).toEqual(["B", "C", "D"]);
    expect(o.onPoverty.ok).toBe(false);
    const plan = outcomesPlan(analyseOutcomes(rows!, s)!, "Poverty");
    expect(plan.charts.map((c) => c.series.map((x) => x.name))).toEqual([["Schools", "Fitted line"], ["Schools", "Fitted line"]]);
  });

  test("located errors: unknown school, a value that is not a number, a repeated value", () => {
    const bad = parse([HEAD, ["Z", 2026, "Reading %", 50], ["A", 2026, "Reading %", "high"], ["A", 2026, "Reading %", 1], ["A", 2026, "reading %", 2]]);
    expect(bad.ctx.errors.map(formatError)).toEqual([
      `Outcomes row 2, column "School ID" (A2): expected a School ID listed in Schools, found "Z"`,
      `Outcomes row 3, column "Value" (D3): expected a number (e.g. 62 for 62% proficient), found "high"`,
      `Outcomes row 5, column "Value" (D5): expected one value per school, year and measure, found a second value for A, 2026, Reading % (the first is on row 4)`,
    ]);
  });
});

describe("$ per pupil by student type", () => {
  const parsed = parseDistrict(sampleDistrict());
  if (!parsed.ok) throw new Error("sample");
  const a = allocate(parsed.district);
  const t = perPupilByStudentType(a);

  test("adds up to the schools' total to the cent", () => {
    expect(t.total).toBe(a.totals.schools);
    expect(t.rows.map((r) => studentTypeText(r.type))).toEqual(["Base", "Poverty", "English Learner", "Special Education", "Foundation and adjustments"]);
  });

  test("against a naive recount of the explanation lines", () => {
    const explain = explainer(a);
    let poverty = 0;
    a.schools.forEach((_, i) => {
      for (const l of explain(i)) if (l.kind === "formula" && l.category === "Poverty") poverty += l.amount;
    });
    const povertyStudents = parsed.district.enrollment.reduce((n, r) => n + r.needs[0], 0);
    const row = t.rows[1];
    expect(row.amount).toBe(poverty);
    expect(row.students).toBe(povertyStudents);
    expect(row.perPupil).toBeCloseTo(poverty / povertyStudents, 9);
    expect(t.rows[0].students).toBe(20814);
    const json = studentTypesJson(t);
    expect(Object.keys(json[0])).toEqual(["type", "students", "amount", "perPupil"]);
    expect(studentTypesPlan(t).tables[0].rows).toHaveLength(5);
  });
});
