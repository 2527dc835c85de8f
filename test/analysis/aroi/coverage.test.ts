import { coverage } from "../../../src/analysis/aroi/coverage";
import { missingDataText } from "../../../src/words/aroi";
import { inventory, segments } from "./fixture";

describe("data coverage", () => {
  test("counts and shares over the fixture inventory", () => {
    const c = coverage(inventory(), segments());
    expect(c.initiatives).toBe(9);
    // inventory cost: 25k + 100k + 200k + 300k + 80k + 10k + 40k + 5k + 0 = $760,000
    expect(c.totalCost).toBe(76_000_000);
    // cost data: all but Family Nights (Direct Cost 0) → 8 of 9, all $760,000
    expect(c.cost.count).toBe(8);
    expect(c.cost.share).toBeCloseTo(8 / 9, 12);
    expect(c.cost.cost).toBe(76_000_000);
    expect(c.cost.costShare).toBe(1);
    // outcome data: all but Mentoring → 8 of 9, $760,000 − $40,000 = $720,000 (94.7%)
    expect(c.outcome.count).toBe(8);
    expect(c.outcome.cost).toBe(72_000_000);
    expect(c.outcome.costShare).toBeCloseTo(720 / 760, 12);
    // segment data: Math Intervention only ("math intervention " matches) → 1 of 9, $100,000 (13.2%)
    expect(c.segments.count).toBe(1);
    expect(c.all.count).toBe(1);
    expect(c.all.share).toBeCloseTo(1 / 9, 12);
    expect(c.all.cost).toBe(10_000_000);
    expect(c.all.costShare).toBeCloseTo(100 / 760, 12);
  });

  test("missing items in words, per initiative", () => {
    const c = coverage(inventory(), segments());
    const by = new Map(c.items.map((i) => [i.name, i]));
    expect(by.get("Math Intervention")?.missing).toEqual([]);
    expect(by.get("Mentoring")?.missing).toEqual(["outcome", "segments"]);
    expect(by.get("Family Nights")?.missing).toEqual(["cost", "segments"]);
    expect(by.get("Peer Tutoring")?.missing).toEqual(["segments"]);
    expect(["cost", "outcome", "segments"].map((m) => missingDataText(m as "cost"))).toEqual([
      "cost data (Direct Cost is $0 or blank)",
      "outcome data (Learning Gain is blank)",
      "segment data (no rows in Initiative Segments)",
    ]);
  });

  test("an empty inventory has zero shares, not NaN", () => {
    const c = coverage([], []);
    expect(c.all).toEqual({ count: 0, share: 0, cost: 0, costShare: 0 });
  });
});
