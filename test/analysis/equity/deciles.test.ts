import { decileOf, deciles } from "../../../src/analysis/equity/deciles";
import { input } from "./fixture";

describe("deciles", () => {
  test("ten equal schools fall one per decile, lowest poverty first", () => {
    const schools = Array.from({ length: 10 }, (_, i) => input(`S${9 - i}`, 100, 1000 * i, 10_000, 95 - 10 * i, 0));
    const d = deciles(schools);
    expect(d.map((x) => x.schools)).toEqual(Array(10).fill(1));
    expect(d.map((x) => x.povertyMin)).toEqual([5, 15, 25, 35, 45, 55, 65, 75, 85, 95]);
    expect(d[0].label).toBe("1 (lowest poverty)");
    expect(d[9].label).toBe("10 (highest poverty)");
    // decile 10 holds the school with poverty 95: restricted 0 cents / 100 = 0, unrestricted 10,000 / 100 = 100
    expect(d[9].restrictedPerPupil).toBe(0);
    expect(d[9].unrestrictedPerPupil).toBe(100);
  });

  test("groups by pupils: a big school takes the decile of its middle pupil, empty deciles are null", () => {
    // 100 pupils at 10% poverty: midpoint 50 of 400 -> ⌊10·50/400⌋ = 1 -> decile 2
    // 300 pupils at 60% poverty: midpoint 100 + 150 = 250 -> ⌊6.25⌋ = 6 -> decile 7
    const d = deciles([input("B", 300, 30_000, 270_000, 60, 40), input("A", 100, 0, 50_000, 10, 0)]);
    expect(d.map((x) => x.schools)).toEqual([0, 1, 0, 0, 0, 0, 1, 0, 0, 0]);
    expect(d[0].perPupil).toBeNull();
    expect(d[6].restrictedPerPupil).toBe(100); // 30,000 / 300
    expect(d[6].perPupil).toBe(1000); // 300,000 / 300
    expect(d[6].needs).toEqual([
      { name: "Poverty", pct: 60 },
      { name: "English Learner", pct: 40 },
    ]);
  });

  test("group averages are per pupil and need shares pupil-weighted", () => {
    // both in decile 1..: 10 schools needed to fill; put two small schools in the same decile
    const d = deciles([input("A", 1, 100, 0, 1, 10), input("B", 3, 0, 900, 2, 20), input("C", 36, 0, 3600, 50, 0)]);
    // cumulative 40 pupils: A mid 0.5 -> decile 1; B mid 2.5 -> ⌊0.625⌋ -> decile 1; C mid 22 -> decile 6
    expect(d[0].schools).toBe(2);
    expect(d[0].perPupil).toBe(250); // (100 + 900) / 4
    expect(d[0].needs[1].pct).toBeCloseTo((1 * 10 + 3 * 20) / 4, 12);
    expect(decileOf(39, 1, 40)).toBe(9);
  });

  test("schools without students are left out", () => {
    expect(deciles([input("A", 0, 0, 0, 10, 0)]).every((x) => x.schools === 0)).toBe(true);
  });
});
