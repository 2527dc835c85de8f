import { analyseSegments, findConcentration, nameKey } from "../../../src/analysis/aroi/segments";
import { DEFAULT_RULES } from "../../../src/analysis/aroi/actions";
import { concentrationText } from "../../../src/words/aroi";
import { seg, segments } from "./fixture";

describe("segments", () => {
  test("math intervention: costs split by students, per-segment A-ROI, concentration flag", () => {
    const a = analyseSegments("Math Intervention", 10_000_000, segments(), DEFAULT_RULES);
    const [behind, near] = a.segments;
    // $100,000 split 100 : 150 → $40,000 and $60,000
    expect(behind.cost).toBe(4_000_000);
    expect(near.cost).toBe(6_000_000);
    expect(behind.costSource).toBe("split");
    // impact 0.22 × 100 = 22 and 0.02 × 150 = 3; total 25
    expect(behind.impact).toBeCloseTo(22, 9);
    expect(near.impact).toBeCloseTo(3, 9);
    expect(a.totalImpact).toBeCloseTo(25, 9);
    expect(a.totalStudents).toBe(250);
    // A-ROI per $1,000: 22 / 40,000 × 1,000 = 0.55; 3 / 60,000 × 1,000 = 0.05
    expect(behind.per1000).toBeCloseTo(0.55, 9);
    expect(near.per1000).toBeCloseTo(0.05, 9);
    // shares: 22/25 = 88% of the impact with 100/250 = 40% of the students → concentrated
    expect(behind.impactShare).toBeCloseTo(0.88, 9);
    expect(behind.studentShare).toBeCloseTo(0.4, 9);
    expect(a.concentrated).not.toBeNull();
    expect(a.concentrated?.segment).toBe("1+ year behind");
    expect(a.concentrated && concentrationText(a.concentrated)).toContain("88%");
    expect(a.concentrated && concentrationText(a.concentrated)).toContain("40%");
  });

  test("a given segment cost is used; the rest of the cost goes to unpriced segments by students", () => {
    const rows = [seg("X", "A", 100, 0.1, 3_000_000), seg("X", "B", 50, 0.1), seg("X", "C", 150, 0.1)];
    const a = analyseSegments("X", 10_000_000, rows, DEFAULT_RULES);
    // A keeps $30,000; the remaining $70,000 splits 50 : 150 → $17,500 / $52,500
    expect(a.segments.map((s) => s.cost)).toEqual([3_000_000, 1_750_000, 5_250_000]);
    expect(a.segments.map((s) => s.costSource)).toEqual(["given", "split", "split"]);
    // given costs above the initiative total leave nothing to split
    const b = analyseSegments("X", 1_000_000, rows, DEFAULT_RULES);
    expect(b.segments.map((s) => s.cost)).toEqual([3_000_000, 0, 0]);
    expect(b.segments[1].aroi).toBeNull();
  });

  test("no flag when the gain is spread, when the big segment holds most students, or with one segment", () => {
    // 60 × 0.1 = 6 vs 40 × 0.1 = 4: 60% of impact → no
    expect(analyseSegments("X", 100_000, [seg("X", "A", 60, 0.1), seg("X", "B", 40, 0.1)], DEFAULT_RULES).concentrated).toBeNull();
    // 80 × 0.1 = 8 of 8.2 (97.6%) but 80% of students → no (it serves most students anyway)
    expect(analyseSegments("X", 100_000, [seg("X", "A", 80, 0.1), seg("X", "B", 20, 0.01)], DEFAULT_RULES).concentrated).toBeNull();
    expect(analyseSegments("X", 100_000, [seg("X", "A", 10, 0.5)], DEFAULT_RULES).concentrated).toBeNull();
    // negative total impact → shares undefined → no flag
    const neg = analyseSegments("X", 100_000, [seg("X", "A", 10, -0.5), seg("X", "B", 90, 0.01)], DEFAULT_RULES);
    expect(neg.segments[0].impactShare).toBeNull();
    expect(neg.concentrated).toBeNull();
  });

  test("thresholds are configurable; a blank gain stays null", () => {
    const rows = [seg("X", "A", 55, 0.2), seg("X", "B", 45, 0.05), seg("X", "C", 10, null)];
    // impact 11 vs 2.25: 11/13.25 = 83% with 55/110 = 50% of students
    const strict = { concentrationImpactShare: 0.9, concentrationStudentShare: 0.6 };
    expect(analyseSegments("X", 1_000_000, rows, strict).concentrated).toBeNull();
    const loose = { concentrationImpactShare: 0.8, concentrationStudentShare: 0.6 };
    const a = analyseSegments("X", 1_000_000, rows, loose);
    expect(a.concentrated?.segment).toBe("A");
    expect(a.segments[2].impact).toBeNull();
    expect(a.segments[2].aroi).toBeNull();
    expect(findConcentration([], loose)).toBeNull();
  });

  test("names match trimmed and case-insensitively", () => {
    expect(nameKey(" Math Intervention ")).toBe(nameKey("math intervention"));
  });
});
