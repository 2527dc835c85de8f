import { allocate } from "../../../src/engine/allocate";
import { shadowNotice } from "../../../src/analysis/plan/shadow";
import { smallDistrict } from "./fixture";

describe("shadow notice", () => {
  test("this year's budget beside the turned-on amount, gaps and totals", () => {
    // A hold harmless of 99% keeps A near its current budget while the formula would give it less.
    const a = allocate(smallDistrict({ holdHarmless: 0.99 }));
    expect(a.errors).toEqual([]);
    const n = shadowNotice(a);
    expect(n.rows.map((r) => r.id)).toEqual(["A", "B", "C"]);
    for (const [i, r] of n.rows.entries()) {
      expect(r.total).toBe(a.schools[i].total);
      expect(r.turnedOn).toBe(a.schools[i].turnedOn);
      expect(r.gap).toBe(r.turnedOn - r.total);
      expect(r.perPupil).toBeCloseTo(r.total / r.students, 9);
    }
    expect(n.rows.some((r) => r.gap !== 0)).toBe(true);
    expect(n.totals.total).toBe(a.totals.schools);
    expect(n.totals.gain - n.totals.loss).toBe(n.totals.turnedOn - n.totals.total);
    expect(n.totals.gainers + n.totals.losers).toBeLessThanOrEqual(3);
    expect(shadowNotice(a, () => "custom").rows[0].adjustment).toBe("custom");
  });
});
