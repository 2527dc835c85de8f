import { fundPriorities, type PriorityInput } from "../../../src/analysis/plan/funding";
import { medianOf, midpoint, savingsStart, screenOpportunities } from "../../../src/analysis/plan/savings";
import { savingsQuadrantText, savingsTimingText } from "../../../src/words/plan";
import { opp } from "./fixture";

const OPTS = { years: 5, budgetYear: 2027, fiscalYearStart: 7 };

describe("savings screener", () => {
  test("midpoint, median, timing rules", () => {
    expect(midpoint({ low: 1, high: 2 })).toBe(2);
    expect(midpoint({ low: 100, high: 300 })).toBe(200);
    expect(medianOf([3, 1, 2])).toBe(2);
    expect(medianOf([4, 1, 2, 3])).toBe(2.5);
    expect(medianOf([])).toBe(0);
    expect(savingsStart(opp("p"), OPTS).startYear).toBe(1);
    expect(savingsStart(opp("r", { constraint: "Rigid" }), OPTS).startYear).toBeNull();
    const rigid = savingsStart(opp("r", { constraint: "Rigid", contractEnd: { y: 2028, m: 6, d: 30 } }), OPTS);
    expect(rigid).toEqual({ startYear: 3, timing: { code: "afterContract", label: "2028-29", contractEnd: { y: 2028, m: 6, d: 30 } } });
    expect(savingsTimingText(rigid.timing)).toBe("from 2028-29 (contract ends 2028-06-30)");
    expect(savingsTimingText(savingsStart(opp("p"), OPTS).timing)).toBe("from year 1 (a district preference)");
    expect(savingsTimingText(savingsStart(opp("r", { constraint: "Rigid" }), OPTS).timing)).toBe("not within the plan (a rigid constraint with no end date)");
    expect(savingsTimingText(savingsStart(opp("r", { constraint: "Rigid", contractEnd: { y: 2028, m: 6, d: 30 } }), { ...OPTS, budgetYear: null }).timing)).toBe(
      'after the contract ends 2028-06-30 (set Policy "Budget Year" to place it in the plan)',
    );
    expect(savingsTimingText(savingsStart(opp("x", { status: "Rejected" }), OPTS).timing)).toBe("rejected");
    expect(savingsStart(opp("r", { constraint: "Rigid", contractEnd: { y: 2020, m: 6, d: 30 } }), OPTS).startYear).toBe(1);
    expect(savingsStart(opp("x", { status: "Rejected" }), OPTS).startYear).toBeNull();
  });

  test("ranked by ease-weighted impact, quadrants, totals by area and cumulative by year", () => {
    const s = screenOpportunities(
      [
        opp("Big hard", { lowD: 400_000, highD: 800_000, ease: 1, area: "Class size", constraint: "Rigid", contractEnd: { y: 2028, m: 6, d: 30 } }),
        opp("Quick", { lowD: 200_000, highD: 400_000, ease: 5, status: "Approved" }),
        opp("Small easy", { lowD: 50_000, highD: 70_000, ease: 4 }),
        opp("Small hard", { lowD: 40_000, highD: 60_000, ease: 2, constraint: "Rigid" }),
        opp("Dropped", { lowD: 900_000, highD: 900_000, ease: 5, status: "Rejected" }),
      ],
      OPTS,
    );
    expect(s.rows.map((r) => [r.opportunity.name, r.rank, r.quadrant && savingsQuadrantText(r.quadrant), r.startYear])).toEqual([
      ["Quick", 1, "Quick win", 1],
      ["Big hard", 2, "Major project", 3],
      ["Small easy", 3, "Easy small win", 1],
      ["Small hard", 4, "Reconsider", null],
      ["Dropped", null, null, null],
    ]);
    // Median of the live midpoints (600K, 300K, 60K, 50K) = 180K.
    expect(s.impactThreshold).toBe(18_000_000);
    expect(s.rows[0].score).toBe(30_000_000);
    expect(s.rows[1].score).toBe(12_000_000);
    expect(s.totals).toEqual({ count: 4, rejected: 1, low: 69_000_000, high: 133_000_000, mid: 101_000_000, committedLow: 20_000_000, blocked: 1 });
    expect(s.byArea.map((a) => [a.area, a.count, a.mid])).toEqual([["Class size", 1, 60_000_000], ["Ops", 3, 41_000_000]]);
    expect(s.byYear.map((y) => [y.label, y.count, y.low, y.committedLow])).toEqual([
      ["2026-27", 2, 25_000_000, 20_000_000],
      ["2027-28", 2, 25_000_000, 20_000_000],
      ["2028-29", 3, 65_000_000, 20_000_000],
      ["2029-30", 3, 65_000_000, 20_000_000],
      ["2030-31", 3, 65_000_000, 20_000_000],
    ]);
  });
});

describe("funding priorities from committed savings", () => {
  const INITS: PriorityInput[] = [
    { name: "Tutoring", action: "expand", aroi: 0.001, total: 100_000_00, students: 100, strategicPriority: "Math" },
    { name: "Pre-K", action: "expand", aroi: 0.002, total: 300_000_00, students: 50, strategicPriority: "Literacy" },
    { name: "Devices", action: "keep", aroi: null, total: 500_000_00, students: 1000, strategicPriority: "CCR" },
  ];

  test("named links pay their initiative; the rest is shared by expand candidates by cost; extra students at today's cost", () => {
    const s = screenOpportunities(
      [
        opp("Named", { lowD: 30_000, status: "Funded", funds: "Devices" }),
        opp("Pooled", { lowD: 40_001, highD: 50_000, status: "Implemented" }),
        opp("Idea", { lowD: 99_000, status: "Proposed" }),
      ],
      OPTS,
    );
    const f = fundPriorities(s.rows, INITS);
    expect(f.committed).toBe(7_000_100);
    expect(f.unassigned).toBe(0);
    // In ranked order: "Named" (midpoint $115,000) before "Pooled" ($45,000.50).
    expect(f.links).toEqual([
      { opportunity: "Named", initiative: "Devices", amount: 3_000_000, how: "named" },
      { opportunity: "Pooled", initiative: "Tutoring", amount: 1_000_025, how: "shared" },
      { opportunity: "Pooled", initiative: "Pre-K", amount: 3_000_075, how: "shared" },
    ]);
    const total = f.links.reduce((a, l) => a + l.amount, 0);
    expect(total).toBe(f.committed);
    expect(f.priorities.map((p) => [p.initiative, p.funded, p.extraStudents])).toEqual([
      ["Tutoring", 1_000_025, 10],
      ["Pre-K", 3_000_075, 5],
      ["Devices", 3_000_000, 60],
    ]);
  });

  test("without an expand candidate pooled money is unassigned", () => {
    const s = screenOpportunities([opp("Pooled", { lowD: 10, status: "Approved" })], OPTS);
    const f = fundPriorities(s.rows, [INITS[2]]);
    expect(f.links).toEqual([]);
    expect(f.unassigned).toBe(1000);
    expect(f.priorities).toEqual([]);
  });
});
