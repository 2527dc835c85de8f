import fc from "fast-check";
import { computeAroi } from "../../../src/analysis/aroi/aroi";
import { ALL_SCHOOLS, breakdownBy, breakdowns, NOT_GIVEN, schoolsOf } from "../../../src/analysis/aroi/breakdown";
import type { BreakdownItem, BreakdownKey } from "../../../src/analysis/aroi/breakdown";
import { initiativeCost } from "../../../src/analysis/aroi/cost";
import type { Initiative } from "../../../src/engine/types";
import { ini, inventory, SCHOOL_IDS } from "./fixture";

function items(list: Initiative[]): BreakdownItem[] {
  return list.map((i) => {
    const total = initiativeCost(i).total;
    return { initiative: i, total, aroi: computeAroi(i.learningGain, i.studentsServed, total).aroi };
  });
}

describe("breakdowns", () => {
  test("by strategic priority: cost, students, count and cost-weighted A-ROI", () => {
    const b = breakdownBy(items(inventory()), "strategicPriority");
    // by cost: Inclusion 300k, Acceleration 210k, Math 100k, (not given) 80k, Belonging 40k, Literacy 30k
    expect(b.rows.map((r) => [r.group, r.cost])).toEqual([
      ["Inclusion", 30_000_000],
      ["Acceleration", 21_000_000],
      ["Math", 10_000_000],
      [NOT_GIVEN, 8_000_000],
      ["Belonging", 4_000_000],
      ["Literacy", 3_000_000],
    ]);
    const lit = b.rows.find((r) => r.group === "Literacy");
    // "Literacy" and "literacy" are one group: Peer ($25,000, 200) + Reading Buddies ($5,000, 100)
    expect(lit?.initiatives).toBe(2);
    expect(lit?.students).toBe(300);
    // (0.25 × 200 + 0.08 × 100) ÷ $30,000 × 1,000 = 58 / 30 = 1.9333…
    expect(lit?.per1000).toBeCloseTo(58 / 30, 9);
    // Acceleration: Summer 0.3 × 400 = 120 and Chess 0 over $210,000 → 120/210 = 0.5714… per $1,000
    expect(b.rows[1].per1000).toBeCloseTo(120 / 210, 9);
    // Belonging: Mentoring (no gain) and Family Nights ($0) → no A-ROI, no cost with A-ROI
    const bel = b.rows.find((r) => r.group === "Belonging");
    expect(bel?.aroi).toBeNull();
    expect(bel?.costWithAroi).toBe(0);
    expect(b.totalCost).toBe(76_000_000);
  });

  test("by school: several schools and All split cost and students evenly by largest remainder", () => {
    const b = breakdownBy(items(inventory()), "school", SCHOOL_IDS);
    const by = new Map(b.rows.map((r) => [r.group, r]));
    // S1: Peer 1,250,000 + Math 3,333,334 + Tech 2,666,667 + Chess 1,000,000 = 8,250,001; students 100 + 84 + 134 + 50
    expect(by.get("S1")).toMatchObject({ cost: 8_250_001, students: 368, initiatives: 4 });
    // S2: Peer 1,250,000 + Math 3,333,333 + Co-Teaching 15,000,000 + Tech 2,666,667 + Mentoring 4,000,000
    expect(by.get("S2")).toMatchObject({ cost: 26_250_000, students: 716, initiatives: 5 });
    // S3: Math 3,333,333 + Summer 20,000,000 + Co-Teaching 15,000,000 + Tech 2,666,666 + Reading 500,000
    expect(by.get("S3")).toMatchObject({ cost: 41_499_999, students: 1_016, initiatives: 5 });
    expect(by.get(NOT_GIVEN)).toMatchObject({ cost: 0, students: 80, initiatives: 1 });
    // adds up to the inventory: $760,000 and 2,180 students
    expect(b.rows.reduce((s, r) => s + r.cost, 0)).toBe(76_000_000);
    expect(b.rows.reduce((s, r) => s + r.students, 0)).toBe(2_180);
    // S1's weighted A-ROI: Peer, Math, Tech, Chess all known:
    // Σ aroi × cost = 0.002×1,250,000 + 0.00025×3,333,334 + 0.00005×2,666,667 + 0×1,000,000 (cents) ÷ 8,250,001
    const w = 0.002 * 1_250_000 + 0.00025 * 3_333_334 + 0.00005 * 2_666_667;
    expect(by.get("S1")?.aroi).toBeCloseTo(w / 8_250_001, 12);
  });

  test("without the school list, All stays one group", () => {
    const b = breakdownBy(items(inventory()), "school");
    const all = b.rows.find((r) => r.group === ALL_SCHOOLS);
    // Math $100,000 + Tech $80,000
    expect(all).toMatchObject({ cost: 18_000_000, students: 650, initiatives: 2 });
  });

  test("parsing the Schools field", () => {
    expect(schoolsOf("S1, S1 ;S2")).toEqual(["S1", "S2"]);
    expect(schoolsOf("S1|S2\nS3")).toEqual(["S1", "S2", "S3"]);
    expect(schoolsOf("  ")).toEqual([NOT_GIVEN]);
    expect(schoolsOf(" , ")).toEqual([NOT_GIVEN]);
    expect(schoolsOf("ALL", ["A", "B"])).toEqual(["A", "B"]);
    expect(schoolsOf("All schools", [])).toEqual([ALL_SCHOOLS]);
  });

  test("fractional students are split in equal fractions", () => {
    const b = breakdownBy(items([ini({ name: "x", schools: "A,B", directCost: 101, studentsServed: 2.5 })]), "school");
    expect(b.rows.map((r) => [r.group, r.cost, r.students])).toEqual([
      ["A", 51, 1.25],
      ["B", 50, 1.25],
    ]);
  });

  const iniArb = fc.record({
    name: fc.string({ maxLength: 5 }),
    directCost: fc.integer({ min: 0, max: 1e10 }),
    staffHours: fc.integer({ min: 0, max: 2_000 }),
    hourlyCost: fc.integer({ min: 0, max: 20_000 }),
    indirectCost: fc.integer({ min: 0, max: 1e9 }),
    studentsServed: fc.integer({ min: 0, max: 10_000 }),
    learningGain: fc.option(fc.double({ min: -1, max: 2, noNaN: true }), { nil: null }),
    strategicPriority: fc.constantFrom("", "Literacy", "literacy", "Math", "Belonging"),
    department: fc.constantFrom("", "Academics", "SPED"),
    targetPopulation: fc.constantFrom("", "EL", "All students"),
    schools: fc.constantFrom("", "All", "S1", "S1, S2", "S2;S3;S9", "S3,S3"),
  });

  test("property: every breakdown's costs and students add up exactly to the inventory", () => {
    fc.assert(
      fc.property(fc.array(iniArb, { maxLength: 25 }), fc.boolean(), (raw, withList) => {
        const list = items(raw.map((r) => ini(r)));
        const total = list.reduce((s, it) => s + it.total, 0);
        const students = list.reduce((s, it) => s + it.initiative.studentsServed, 0);
        for (const b of breakdowns(list, withList ? SCHOOL_IDS : undefined)) {
          expect(b.rows.reduce((s, r) => s + r.cost, 0)).toBe(total);
          expect(b.rows.reduce((s, r) => s + r.students, 0)).toBe(students);
          for (const r of b.rows) expect(Number.isInteger(r.cost)).toBe(true);
          if ((["strategicPriority", "department", "targetPopulation"] as BreakdownKey[]).includes(b.key)) {
            expect(b.rows.reduce((s, r) => s + r.initiatives, 0)).toBe(list.length);
          }
        }
      }),
    );
  });
});
