import fc from "fast-check";
import { dollarsFromCents, costPerStudent, formatDollars, initiativeCost, roundCents, staffCost } from "../../../src/analysis/aroi/cost";
import { ini, inventory } from "./fixture";

describe("fully loaded cost", () => {
  test("staff cost = hours × hourly cost, rounded to the cent", () => {
    // 100 h × $40.00 = $4,000.00
    expect(staffCost(100, 4_000)).toBe(400_000);
    // 1.5 h × $33.33 = $49.995 → $50.00 (half away from zero)
    expect(staffCost(1.5, 3_333)).toBe(5_000);
    // 1.3 h × $45.55 = $59.215 → $59.22 (binary noise 5921.4999… must not round down)
    expect(staffCost(1.3, 4_555)).toBe(5_922);
    // 0.25 h × $10.01 = $2.5025 → $2.50
    expect(staffCost(0.25, 1_001)).toBe(250);
    expect(staffCost(0, 9_999)).toBe(0);
    expect(staffCost(Number.NaN, 100)).toBe(0);
  });

  test("roundCents rounds half away from zero", () => {
    expect(roundCents(2.5)).toBe(3);
    expect(roundCents(-2.5)).toBe(-3);
    expect(roundCents(2.4999999999999996)).toBe(3);
    expect(roundCents(2.49)).toBe(2);
  });

  test("total = direct + staff + indirect; cost per student", () => {
    const [peer] = inventory();
    // 20,000 + 100 × 40 + 1,000 = $25,000; 25,000 / 200 = $125.00 per student
    expect(initiativeCost(peer)).toEqual({ direct: 2_000_000, staff: 400_000, indirect: 100_000, total: 2_500_000, perStudent: 12_500 });
    const none = initiativeCost(ini({ name: "Nobody", directCost: 1_000, studentsServed: 0 }));
    expect(none.total).toBe(1_000);
    expect(none.perStudent).toBeNull();
    // $10.00 over 3 students = 333.33… cents, not rounded
    expect(costPerStudent(1_000, 3)).toBeCloseTo(333.3333333, 6);
  });

  test("formatting dollars", () => {
    expect(formatDollars(123_456_789)).toBe("$1,234,567.89");
    expect(formatDollars(5)).toBe("$0.05");
    expect(formatDollars(-5)).toBe("\u2212$0.05");
    expect(formatDollars(12_500)).toBe("$125.00");
    expect(formatDollars(30_000.4)).toBe("$300.00");
    expect(dollarsFromCents(2_500_001)).toBe(25_000.01);
  });

  test("property: total cost is the sum of its parts and staff cost is within half a cent of hours × rate", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.double({ min: 0, max: 100_000, noNaN: true }),
        fc.integer({ min: 0, max: 50_000 }),
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        (direct, hours, hourly, indirect, students) => {
          const c = initiativeCost(ini({ name: "x", directCost: direct, staffHours: hours, hourlyCost: hourly, indirectCost: indirect, studentsServed: students }));
          expect(Number.isInteger(c.staff)).toBe(true);
          expect(c.total).toBe(c.direct + c.staff + c.indirect);
          expect(Math.abs(c.staff - hours * hourly)).toBeLessThanOrEqual(0.5 + 1e-6 * Math.max(1, hours * hourly));
          if (students > 0) expect(c.perStudent).toBeCloseTo(c.total / students, 6);
          else expect(c.perStudent).toBeNull();
        },
      ),
    );
  });
});
