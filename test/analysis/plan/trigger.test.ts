import { allocate } from "../../../src/engine/allocate";
import { explainer } from "../../../src/engine/allocate/explain";
import { triggerIndex, unlockedPool } from "../../../src/analysis/plan/trigger";
import { conservationBreaks } from "../../../src/analysis/plan/multiyear";
import { lineProblems } from "../../helpers/lines";
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

  test("allocate honours the trigger: general money follows the current unrestricted budgets; grants keep their rules", () => {
    const on = allocate(smallDistrict());
    const off = allocate(smallDistrict({ revenueTrigger: 95_000_000 }));
    expect(on.weightsOn).toBe(true);
    expect(off.weightsOn).toBe(false);
    // Current budgets 380,000 / 285,000 / 235,000 (the whole general pool of 900,000), scaled to the general money
    // the schools receive (the pool less the rates' central rounding remainder).
    const paid = 90_000_000 - off.sources[0].remainder;
    expect(off.sources[0].remainder).toBe(on.sources[0].remainder);
    expect(off.sources[0].bySchool.reduce((x, v) => x + v, 0)).toBe(paid);
    [38_000_000, 28_500_000, 23_500_000].forEach((c, i) => expect(Math.abs(off.sources[0].bySchool[i] - (paid * c) / 90_000_000)).toBeLessThan(1));
    expect(off.sources[1].bySchool).toEqual(on.sources[1].bySchool);
    // The turned-on amounts (the shadow notice) are the formula's.
    expect(off.schools.map((s) => s.turnedOn)).toEqual(on.schools.map((s) => s.total));
    expect(off.schools.every((s) => s.adjustment === "Revenue trigger")).toBe(true);
    expect(conservationBreaks(off)).toEqual([]);
    // The school sheets show the move as its own labelled line.
    const lines = explainer(off)(0);
    expect(lines.filter((l) => l.kind === "adjustment").map((l) => l.rule)).toEqual(["Revenue trigger"]);
    expect(lineProblems(off)).toEqual([]);
  });

  test("while the trigger is off, schools keep current budgets scaled to a smaller pool, and hold harmless still holds", () => {
    const d = smallDistrict({ revenueTrigger: 95_000_000, holdHarmless: 0.98 });
    const a = allocate({ ...d, sources: d.sources.map((s, i) => (i === 0 ? { ...s, amount: 88_500_000 } : s)) });
    expect(a.errors).toEqual([]);
    a.schools.forEach((s) => expect(s.total - a.sources[1].bySchool[a.schools.indexOf(s)]).toBeGreaterThanOrEqual(Math.ceil(0.98 * (s.current as number))));
    expect(conservationBreaks(a)).toEqual([]);
  });

  test("with dollar rounding, the cents the unit cannot give stay centrally as surplus", () => {
    const d = smallDistrict({ rounding: "dollar", revenueTrigger: 95_000_000 });
    const q = allocate({ ...d, sources: d.sources.map((s, i) => (i === 0 ? { ...s, amount: 90_000_055 } : s)) });
    for (const v of q.sources[0].bySchool) expect(v % 100).toBe(0);
    expect(q.sources[0].surplus).toBe(55 + q.sources[0].remainder);
    expect(conservationBreaks(q)).toEqual([]);
  });
});
