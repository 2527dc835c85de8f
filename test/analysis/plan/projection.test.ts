import { planWarningText } from "../../../src/words/plan";
import { projectDistricts, projectYear, scaleNeeds } from "../../../src/analysis/plan/projection";
import type { Projection } from "../../../src/analysis/plan/types";
import { planning, smallDistrict } from "./fixture";

const students = (d: ReturnType<typeof smallDistrict>) => d.enrollment.map((r) => r.students);

describe("projecting enrollment and revenue", () => {
  test("growth per level compounds, shared by largest remainder; needs keep their year-1 shares", () => {
    const d = smallDistrict();
    const p = planning(d, { enrollmentGrowth: [0.1, -0.02], revenueGrowth: [0.03, 0, -0.5] });
    const steps = projectDistricts(d, p, 3);
    expect(steps[0].district).toBe(d);
    // Elementary 500 -> 550 shared 300:200 -> 330 / 220; High 250 -> 245.
    expect(students(steps[1].district)).toEqual([330, 220, 245]);
    // Year 3: 550 -> 605 shared 330:220 -> 363 / 242; 245 -> 240.1 -> 240.
    expect(students(steps[2].district)).toEqual([363, 242, 240]);
    expect(steps[2].district.enrollment.map((r) => r.needs[0])).toEqual([73, 182, 96]);
    expect(steps[1].district.sources.map((s) => s.amount)).toEqual([92_700_000, 6_000_000, 2_500_000]);
    expect(steps[2].district.sources.map((s) => s.amount)).toEqual([95_481_000, 6_000_000, 1_250_000]);
    // Inputs are not modified.
    expect(students(d)).toEqual([300, 200, 250]);
  });

  test("overrides: a school's own level, a level total (others share the rest), a source amount; they feed later years", () => {
    const d = smallDistrict();
    const overrides: Projection[] = [
      { year: 2, kind: "Enrollment", key: 0, schoolIndex: 0, value: 310, sheetRow: 2 },
      { year: 2, kind: "Enrollment", key: 0, schoolIndex: null, value: 600, sheetRow: 3 },
      { year: 2, kind: "Revenue", key: 0, schoolIndex: null, value: 100_000_000, sheetRow: 4 },
      { year: 3, kind: "Enrollment", key: 1, schoolIndex: null, value: 10, sheetRow: 5 },
    ];
    const p = planning(d, { revenueGrowth: [0.1, 0, 0] }, { projections: overrides });
    const steps = projectDistricts(d, p, 3);
    expect(students(steps[1].district)).toEqual([310, 290, 250]);
    expect(steps[1].district.sources[0].amount).toBe(100_000_000);
    expect(steps[2].district.sources[0].amount).toBe(110_000_000);
    expect(students(steps[2].district)).toEqual([310, 290, 10]);
  });

  test("a level total below the schools given their own rows leaves the others at 0, with a warning", () => {
    const d = smallDistrict();
    const p = planning(d, {}, {
      projections: [
        { year: 2, kind: "Enrollment", key: 0, schoolIndex: 0, value: 400, sheetRow: 2 },
        { year: 2, kind: "Enrollment", key: 0, schoolIndex: null, value: 300, sheetRow: 3 },
      ],
    });
    const step = projectYear(d, d, p, 2);
    expect(students(step.district)).toEqual([400, 0, 250]);
    expect(step.warnings).toEqual([{ code: "levelTotalBelowSchools", row: 3, level: d.levels[0], year: 2, total: 300, fixed: 400 }]);
    expect(step.warnings.map(planWarningText)).toEqual([
      `Projections row 3: the ${d.levels[0]} total for year 2 (300) is below the schools given their own rows (400); the other ${d.levels[0]} rows get 0 students.`,
    ]);
  });

  test("scaleNeeds never exceeds the students and handles empty rows", () => {
    const d = smallDistrict();
    expect(scaleNeeds(d.enrollment[1], 10)).toEqual([8]);
    expect(scaleNeeds({ ...d.enrollment[1], students: 0, needs: [0] }, 50)).toEqual([0]);
    expect(scaleNeeds({ ...d.enrollment[1], students: 2, needs: [2] }, 1)).toEqual([1]);
  });
});
