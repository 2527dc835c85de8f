import { planWarningText } from "../../../src/words/plan";
import fc from "fast-check";
import { conservationBreaks, holdHarmlessFor, nonGrantTotal, planYears, ratesForYear, weightProgress } from "../../../src/analysis/plan/multiyear";
import type { Rate } from "../../../src/engine/types";
import { makeDistrict } from "../../helpers/district";
import { planning, smallDistrict } from "./fixture";
import { errorWords } from "../../../src/words/errors";

describe("multi-year rules", () => {
  test("weights move linearly to their targets by the Target Year", () => {
    expect([1, 2, 3, 4, 5].map((y) => weightProgress(y, 4))).toEqual([0, 1 / 3, 2 / 3, 1, 1]);
    expect(weightProgress(1, 1)).toBe(1);
    const rates: (Rate | null)[][] = [[{ kind: "weight", weight: 1 }, { kind: "weight", weight: 0.3 }, { kind: "perPupil", cents: 500 }, null]];
    expect(ratesForYear(rates, [[null, 0.5, 9, 1]], 0.5)).toEqual([[{ kind: "weight", weight: 1 }, { kind: "weight", weight: 0.4 }, { kind: "perPupil", cents: 500 }, null]]);
  });

  test("hold harmless decays by points per year from the turn-on year and stops at none", () => {
    expect([1, 2, 3, 4].map((y) => holdHarmlessFor(0.95, 0.02, y, 1))).toEqual([0.95, 0.93, 0.91, 0.89]);
    expect([1, 2, 3].map((y) => holdHarmlessFor(0.95, 0.02, y, 2))).toEqual([0.95, 0.95, 0.93]);
    expect(holdHarmlessFor(0.05, 0.05, 2, 1)).toBeNull();
    expect(holdHarmlessFor(null, 0.05, 3, 1)).toBeNull();
    expect(holdHarmlessFor(0.9, 0.02, 5, null)).toBe(0.9);
  });

  test("each year allocates that year's district; Current Budget is last year's non-grant total; the trigger turns weights on", () => {
    const d = smallDistrict({ holdHarmless: 0.98 });
    const p = planning(d, { revenueGrowth: [0.05, 0, 0], revenueTrigger: 94_000_000, holdHarmlessDecay: 0.03, budgetYear: 2027 });
    const plan = planYears(d, p, 4);
    expect(plan.errors).toEqual([]);
    expect(plan.years.map((y) => [y.label, y.turnedOn, y.unlockedPool, y.holdHarmless])).toEqual([
      ["2026-27", false, 90_000_000, 0.98],
      ["2027-28", true, 94_500_000, 0.98],
      ["2028-29", true, 99_225_000, 0.95],
      ["2029-30", true, 104_186_250, 0.92],
    ]);
    expect(plan.triggerYear).toBe(2);
    for (let y = 1; y < 4; y++) {
      const cur = plan.years[y].district.schools.map((s) => s.current);
      expect(cur).toEqual(plan.years[y - 1].allocation.schools.map((_, i) => nonGrantTotal(plan.years[y - 1].allocation, i)));
    }
    expect(plan.schools[0].totals).toEqual(plan.years.map((y) => y.allocation.schools[0].total));
    // Year 1 is the status quo: general money (the pool less the rates' central rounding remainder) in
    // proportion to Current Budget (380,000 / 285,000 / 235,000, the schools' non-grant money).
    const y1 = plan.years[0].allocation.sources[0];
    const paid = 90_000_000 - y1.remainder;
    expect(y1.bySchool.reduce((x, v) => x + v, 0)).toBe(paid);
    [380_000_00, 285_000_00, 235_000_00].forEach((c, i) => expect(Math.abs(y1.bySchool[i] - (paid * c) / 90_000_000)).toBeLessThan(1));
    for (const y of plan.years) expect(conservationBreaks(y.allocation)).toEqual([]);
  });

  test("a trigger never reached keeps the status quo and says so; targets reached by the Target Year", () => {
    const d = smallDistrict();
    const targets = d.rates.map((row, l) => row.map((_, c) => (c === 1 && l === 0 ? 0.6 : null)));
    const plan = planYears(d, planning(d, { revenueTrigger: 1e12, targetYear: 3 }, { targets }), 3);
    expect(plan.triggerYear).toBeNull();
    expect(plan.years.every((y) => !y.turnedOn)).toBe(true);
    expect(plan.warnings).toContainEqual({ code: "triggerNotReached", years: 3 });
    expect(plan.warnings.map(planWarningText)).toContain(
      "The unlocked pool does not reach the Revenue Trigger within the 3-year plan: the weights stay off and schools keep their current budgets scaled to the pool.",
    );
    expect(plan.years.map((y) => (y.district.rates[0][1] as { weight: number }).weight)).toEqual([0.3, 0.45, 0.6]);
    expect(plan.years.map((y) => (y.district.rates[1][1] as { weight: number }).weight)).toEqual([0.3, 0.3, 0.3]);
    expect(plan.hasTargets).toBe(true);
  });

  test("an impossible year (floors above the pool) stops the plan with located errors naming the year", () => {
    const d = smallDistrict({ holdHarmless: 0.99 });
    const p = planning(d, { revenueGrowth: [-0.5, 0, 0] });
    const plan = planYears(d, p, 3);
    expect(plan.errors.length).toBeGreaterThan(0);
    expect(plan.errors[0]).toMatchObject({ planYear: { year: 2, label: "Year 2" } });
    expect(errorWords(plan.errors[0]).expected).toMatch(/ \(in plan year 2, Year 2\)$/);
    expect(plan.years).toHaveLength(1);
  });

  test("property: every source of every plan year adds up to its amount to the cent", () => {
    let planned = 0;
    let beforeTrigger = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 900 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 2_000_000 })), { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 50_000_000 }), { minLength: 3, maxLength: 3 }),
        fc.record({
          g1: fc.integer({ min: -20, max: 20 }),
          r1: fc.integer({ min: -10, max: 10 }),
          hh: fc.option(fc.integer({ min: 50, max: 100 }), { nil: null }),
          decay: fc.integer({ min: 0, max: 10 }),
          trigger: fc.option(fc.integer({ min: 0, max: 60_000_000 }), { nil: null }),
          dollar: fc.boolean(),
          target: fc.integer({ min: 0, max: 100 }),
        }),
        (schools, amounts, o) => {
          const d = makeDistrict({
            schools: schools.map(([, , current], i) => ({ id: `S${i}`, current })),
            levels: ["Elementary", "High"],
            needs: ["Poverty"],
            enrollment: schools.map(([students, pov], i) => [`S${i}`, i % 2 ? "High" : "Elementary", students, Math.floor((students * pov) / 100)]),
            rates: { Elementary: { Base: 1 }, High: { Base: 1.3 }, All: { Poverty: 0.4 } },
            sources: [
              { name: "General", amount: amounts[0], share: 0.9 },
              { name: "Grant", amount: amounts[1], status: "Grant", funds: "Poverty" },
              { name: "Locked", amount: amounts[2], status: "Locked" },
            ],
            policy: { holdHarmless: o.hh === null ? null : o.hh / 100, rounding: o.dollar ? "dollar" : "cent" },
          });
          const targets = d.rates.map((row, l) => row.map((_, c) => (c === 1 ? o.target / 100 : l === 1 && c === 0 ? 1.5 : null)));
          const p = planning(d, { enrollmentGrowth: [o.g1 / 100, -o.g1 / 200], revenueGrowth: [o.r1 / 100, 0.01, 0], holdHarmlessDecay: o.decay / 100, revenueTrigger: o.trigger === null ? null : o.trigger * 100 }, { targets });
          const plan = planYears(d, p, 5);
          if (plan.errors.length) return; // impossible floors are reported, never half-computed
          planned++;
          if (plan.years.some((y) => !y.turnedOn)) beforeTrigger++;
          expect(plan.years).toHaveLength(5);
          for (const y of plan.years) {
            expect(conservationBreaks(y.allocation)).toEqual([]);
            const a = y.allocation;
            expect(a.totals.central + a.totals.schools).toBe(a.totals.revenue);
            expect(a.schools.reduce((s, x) => s + x.total, 0)).toBe(a.totals.schools);
          }
        },
      ),
      { numRuns: 80 },
    );
    // The property is not vacuous: most runs plan all five years, and some start before the trigger.
    expect(planned).toBeGreaterThan(30);
    expect(beforeTrigger).toBeGreaterThan(0);
  });
});
