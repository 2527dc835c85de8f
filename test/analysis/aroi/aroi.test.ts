import fc from "fast-check";
import { compareNames, computeAroi, formatNumber, formatShare, rankByAroi } from "../../../src/analysis/aroi/aroi";
import { aroiMissingText } from "../../../src/words/aroi";
import type { Rankable } from "../../../src/analysis/aroi/aroi";
import { initiativeCost } from "../../../src/analysis/aroi/cost";
import { inventory } from "./fixture";

describe("A-ROI", () => {
  test("A-ROI = gain × students ÷ cost in dollars, and per $1,000", () => {
    // 0.25 × 200 = 50 gain-students; ÷ $25,000 = 0.002 per dollar; × 1,000 = 2 per $1,000
    const v = computeAroi(0.25, 200, 2_500_000);
    expect(v.aroi).toBeCloseTo(0.002, 12);
    expect(v.per1000).toBeCloseTo(2, 9);
    expect(v.why).toBeNull();
    // 0.10 × 250 = 25; ÷ $100,000 = 0.00025; per $1,000 = 0.25
    expect(computeAroi(0.1, 250, 10_000_000).per1000).toBeCloseTo(0.25, 9);
    // zero gain is real data: A-ROI 0
    expect(computeAroi(0, 50, 1_000_000)).toEqual({ aroi: 0, per1000: 0, why: null });
    // a negative gain gives a negative return
    expect(computeAroi(-0.1, 100, 100_000).aroi).toBeCloseTo(-0.01, 12);
  });

  test("no made-up return: null with the reason", () => {
    expect(computeAroi(null, 100, 1_000_000)).toEqual({ aroi: null, per1000: null, why: "noOutcome" });
    expect(computeAroi(0.3, 100, 0)).toEqual({ aroi: null, per1000: null, why: "noCost" });
    expect(aroiMissingText("noOutcome")).toBe("no outcome data (Learning Gain is blank)");
    expect(aroiMissingText("noCost")).toBe("total cost is $0, so there is no return per dollar to compute");
  });

  test("ranking of the fixture: A-ROI descending, then rows without one in name order", () => {
    const rows = inventory().map((i) => ({ name: i.name, sheetRow: i.sheetRow, aroi: computeAroi(i.learningGain, i.studentsServed, initiativeCost(i).total).aroi }));
    // per $1,000: Peer 2.0, Reading 1.6, Summer 0.6, Math 0.25, Co-Teaching 0.1, Tech 0.05, Chess 0; then Family Nights (cost $0), Mentoring (no gain)
    expect(rankByAroi(rows).map((r) => r.name)).toEqual([
      "Peer Tutoring",
      "Reading Buddies",
      "Summer Learning",
      "Math Intervention",
      "Co-Teaching",
      "Tech PD",
      "Chess Club",
      "Family Nights",
      "Mentoring",
    ]);
  });

  test("ties broken by name", () => {
    const rows: Rankable[] = [
      { name: "b", aroi: 1, sheetRow: 2 },
      { name: "A", aroi: 1, sheetRow: 3 },
      { name: "c", aroi: 2, sheetRow: 4 },
      { name: "a2", aroi: null, sheetRow: 5 },
      { name: "A1", aroi: null, sheetRow: 6 },
    ];
    expect(rankByAroi(rows).map((r) => r.name)).toEqual(["c", "A", "b", "A1", "a2"]);
    expect(compareNames("a", "B")).toBeLessThan(0);
    expect(compareNames("B", "b")).toBeLessThan(0);
    expect(compareNames("x", "x")).toBe(0);
  });

  const rowArb = fc.record({
    name: fc.string({ maxLength: 4 }),
    aroi: fc.option(fc.integer({ min: -5, max: 5 }).map((x) => x / 4), { nil: null }),
    sheetRow: fc.nat(1000),
  });

  test("property: ranking is a permutation, ordered, and the same for any input order", () => {
    fc.assert(
      fc.property(fc.uniqueArray(rowArb, { selector: (r) => r.sheetRow, maxLength: 30 }), fc.infiniteStream(fc.nat()), (rows, seeds) => {
        const ranked = rankByAroi(rows);
        expect(ranked).toHaveLength(rows.length);
        expect(new Set(ranked)).toEqual(new Set(rows));
        // ordered: known A-ROI descending, then nulls
        for (let k = 1; k < ranked.length; k++) {
          const p = ranked[k - 1];
          const q = ranked[k];
          if (p.aroi === null) expect(q.aroi).toBeNull();
          if (p.aroi !== null && q.aroi !== null) expect(p.aroi).toBeGreaterThanOrEqual(q.aroi);
          if (p.aroi === q.aroi) expect(compareNames(p.name, q.name)).toBeLessThanOrEqual(0);
        }
        // shuffle (Fisher-Yates driven by the stream) and rank again
        const shuffled = rows.slice();
        const it = seeds[Symbol.iterator]();
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (it.next().value as number) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
        }
        expect(rankByAroi(shuffled)).toEqual(ranked);
      }),
    );
  });

  test("number formatting for reasons", () => {
    expect(formatNumber(2)).toBe("2");
    expect(formatNumber(0.25)).toBe("0.25");
    expect(formatNumber(0.000123456)).toBe("0.000123");
    expect(formatNumber(12.345)).toBe("12.35");
    expect(formatNumber(1234.5)).toBe("1,235");
    expect(formatNumber(0)).toBe("0");
    expect(formatShare(0.875)).toBe("87.5%");
  });
});
