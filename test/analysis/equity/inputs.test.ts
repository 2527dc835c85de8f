import { equityInputs, equityInputsFromSpending, needShares, type SpendingRow } from "../../../src/analysis/equity/inputs";
import { equityAllocation, equityDistrict } from "./fixture";

describe("equityInputs (from an allocation)", () => {
  const alloc = equityAllocation();
  const inputs = equityInputs(alloc);

  test("one input per school with need shares in percent points", () => {
    expect(inputs.map((s) => s.id)).toEqual(["A", "B", "C", "D"]);
    // A: 40 of 400 in poverty = 10%, 20 of 400 EL = 5%; C: 160/200 = 80%, 90/200 = 45%
    expect(inputs[0].needs).toEqual([
      { name: "Poverty", pct: 10 },
      { name: "English Learner", pct: 5 },
    ]);
    expect(inputs[2].needs.map((n) => n.pct)).toEqual([80, 45]);
    expect(inputs[3].students).toBe(500);
  });

  test("restricted = restricted or Grant sources; restricted + unrestricted = the school's total", () => {
    inputs.forEach((s, i) => {
      const title = alloc.sources.find((x) => x.name === "Title I")?.bySchool[i] ?? NaN;
      expect(s.restricted).toBe(title);
      expect(s.restricted + s.unrestricted).toBe(alloc.schools[i].total);
      expect(s.perPupil).toBeCloseTo(alloc.schools[i].total / alloc.schools[i].students, 9);
      expect(s.restrictedPerPupil + s.unrestrictedPerPupil).toBeCloseTo(s.perPupil, 9);
    });
  });

  test("needShares adds a school's levels together", () => {
    const { students, shares } = needShares(equityDistrict());
    expect(students).toEqual([400, 300, 200, 500]);
    expect(shares[3][1].pct).toBe(30); // 150 of 500
  });
});

describe("equityInputsFromSpending", () => {
  const d = equityDistrict();
  const row = (schoolId: string, year: string, r: number, u: number, actual: number | null = null, average: number | null = null, sheetRow = 2): SpendingRow => ({
    schoolId,
    year,
    restricted: r,
    unrestricted: u,
    actualSalaries: actual,
    averageSalaries: average,
    sheetRow,
  });

  test("latest year by default; several rows of a school add up; missing schools listed", () => {
    const res = equityInputsFromSpending(d, [
      row("A", "2023", 1, 1),
      row("A", "2024", 100_000, 400_000),
      row("a", "2024", 0, 100_000, 5_000_000, 4_000_000),
      row("B", "2024", 30_000, 270_000),
    ]);
    expect(res.errors).toEqual([]);
    expect(res.year).toBe("2024");
    expect(res.years).toEqual(["2023", "2024"]);
    expect(res.missing).toEqual(["C", "D"]);
    expect(res.inputs.map((s) => s.id)).toEqual(["A", "B"]);
    const a = res.inputs[0];
    expect([a.restricted, a.unrestricted, a.total]).toEqual([100_000, 500_000, 600_000]);
    expect(a.perPupil).toBe(1500); // 600,000 cents / 400 pupils
    expect(a.salaryAdjustment).toBe(1_000_000); // actual − average
    expect(res.inputs[1].salaryAdjustment).toBeNull();
  });

  test("a chosen year", () => {
    const res = equityInputsFromSpending(d, [row("A", "2023", 4, 0), row("A", "2024", 8, 0)], { year: "2023" });
    expect(res.inputs[0].total).toBe(4);
  });

  test("problems are located errors and nothing is analysed", () => {
    const res = equityInputsFromSpending(d, [row("Z", "2024", 1, 1, null, null, 5), row("A", "2024", 1, 1, 10, null, 6)], { year: "2030" });
    expect(res.inputs).toEqual([]);
    expect(res.errors).toEqual([
      { table: "Spending", row: 5, column: "School ID", expected: "a School ID listed in Schools", found: '"Z"' },
      { table: "Spending", row: 6, column: "Average Salaries", expected: "both Actual Salaries and Average Salaries, or neither", found: "only one of the two" },
      { table: "Spending", row: null, column: "Year", expected: "a row for year 2030", found: "2024" },
    ]);
  });
});
