/** Issue 11, item 4: plan year 1 is `sfs allocate` of the same workbook, for every school and source. */
import fc from "fast-check";
import { allocate } from "../../../src/engine/allocate";
import { parseDistrict } from "../../../src/engine/parse";
import { parsePlanning, planYears } from "../../../src/analysis/plan";
import type { Allocation, District } from "../../../src/engine/types";
import { sampleDistrict } from "../../../src/sample/district";
import { randomDistrict } from "../../helpers/randomDistrict";
import { planning } from "./fixture";

function same(a: Allocation, b: Allocation): void {
  expect(b.weightsOn).toBe(a.weightsOn);
  expect(b.sources.map((s) => [s.name, s.bySchool, s.surplus, s.central])).toEqual(a.sources.map((s) => [s.name, s.bySchool, s.surplus, s.central]));
  expect(b.schools.map((s) => [s.id, s.total, s.turnedOn, s.adjustment])).toEqual(a.schools.map((s) => [s.id, s.total, s.turnedOn, s.adjustment]));
  expect(b.matrix.perPupil).toEqual(a.matrix.perPupil);
}

describe("plan year 1 equals the allocation", () => {
  test("on the sample (whose Revenue Trigger keeps the weights off this year)", () => {
    const raw = sampleDistrict();
    const r = parseDistrict(raw);
    if (!r.ok) throw new Error("sample does not parse");
    const a = allocate(r.district);
    expect(a.errors).toEqual([]);
    expect(a.weightsOn).toBe(false);
    const plan = planYears(r.district, parsePlanning(raw, r.district).planning);
    expect(plan.errors).toEqual([]);
    same(a, plan.years[0].allocation);
    // Hold harmless still holds while the trigger is off: no school's non-grant money is below its floor.
    a.schools.forEach((s, i) => {
      const grants = a.sources.reduce((x, src) => x + (src.grant ? src.bySchool[i] : 0), 0);
      if (s.floor !== null) expect(s.total - grants).toBeGreaterThanOrEqual(s.floor);
    });
  });

  test("property: random districts with and without a revenue trigger", () => {
    fc.assert(
      fc.property(fc.integer(), fc.double({ min: 0.5, max: 1.5, noNaN: true }), fc.boolean(), (seed, f, withTrigger) => {
        const base = randomDistrict(seed);
        const probe: District = base;
        const pool = base.sources.reduce((x, s) => x + (s.status === "Unlocked" ? Math.round(s.amount * s.schoolShare) : 0), 0);
        const trigger = withTrigger ? Math.round(pool * f) : null;
        const d: District = { ...probe, policy: { ...base.policy, revenueTrigger: trigger } };
        const a = allocate(d);
        const plan = planYears(d, planning(d, { revenueTrigger: trigger }), 2);
        if (a.errors.length) {
          expect(plan.errors.length).toBeGreaterThan(0);
          return;
        }
        expect(plan.errors).toEqual([]);
        same(a, plan.years[0].allocation);
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
