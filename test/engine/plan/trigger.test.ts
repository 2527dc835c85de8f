import { allocate } from "../../../src/engine/allocate";
import { statusQuo, triggerIndex, unlockedPool } from "../../../src/engine/plan/trigger";
import { conservationBreaks } from "../../../src/engine/plan/multiyear";
import { smallDistrict } from "./fixture";

describe("revenue trigger", () => {
  test("the unlocked pool counts Unlocked sources' school pools only", () => {
    const d = smallDistrict();
    expect(unlockedPool(d)).toBe(90_000_000);
    const shared = { ...d, sources: d.sources.map((s, i) => (i === 0 ? { ...s, schoolShare: 0.8 } : s)) };
    expect(unlockedPool(shared)).toBe(72_000_000);
  });

  test("weights turn on in the first year the pool reaches the trigger", () => {
    expect(triggerIndex([5, 9, 10, 12], null)).toBe(0);
    expect(triggerIndex([5, 9, 10, 12], 10)).toBe(2);
    expect(triggerIndex([5, 9], 10)).toBeNull();
  });

  test("before the trigger, general money follows Current Budget; grants keep their rules; money still adds up", () => {
    const a = allocate(smallDistrict());
    const key = [400_000_00, 300_000_00, 250_000_00];
    const q = statusQuo(a, key);
    expect(q.sources[0].bySchool).toEqual([37_894_737, 28_421_053, 23_684_210]);
    expect(q.sources[1].bySchool).toEqual(a.sources[1].bySchool);
    expect(q.schools.map((s) => s.total)).toEqual(q.schools.map((_, i) => q.sources[0].bySchool[i] + q.sources[1].bySchool[i]));
    expect(q.schools.map((s) => s.turnedOn)).toEqual(a.schools.map((s) => s.turnedOn));
    expect(q.schools.every((s) => s.adjustment === null)).toBe(true);
    expect(conservationBreaks(q)).toEqual([]);
    expect(q.totals.schools + q.totals.central).toBe(q.totals.revenue);
  });

  test("with dollar rounding, the cents the unit cannot give stay centrally as surplus", () => {
    const d = smallDistrict({ rounding: "dollar" });
    const q = statusQuo(allocate({ ...d, sources: d.sources.map((s, i) => (i === 0 ? { ...s, amount: 90_000_055 } : s)) }), [1, 1, 1]);
    for (const v of q.sources[0].bySchool) expect(v % 100).toBe(0);
    expect(q.sources[0].surplus).toBe(55);
    expect(conservationBreaks(q)).toEqual([]);
  });
});
