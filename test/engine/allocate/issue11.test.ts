/**
 * The observations of issue 11 ("one number everywhere, and every number reproducible with a desktop calculator"),
 * each reproduced as a test.
 */
import { allocate } from "../../../src/engine/allocate";
import { explainer } from "../../../src/engine/allocate/explain";
import { summaryJson } from "../../../src/report/summary";
import { makeDistrict, type SimpleDistrict } from "../../helpers/district";

const cents = (d: number) => Math.round(d * 100);

describe("item 2: with a fixed rate, the amount is the product, rounded as a person rounds it", () => {
  test("Base Amount 4,028.47 × weight 1.8 × 80 students at dollar rounding = $580,100", () => {
    const a = allocate(
      makeDistrict({
        schools: [{ id: "S1" }],
        needs: [],
        levels: ["Elementary"],
        enrollment: [["S1", "Elementary", 80]],
        rates: { Elementary: { Base: 1.8 } },
        sources: [{ name: "General", amount: 1_000_000 }],
        policy: { baseAmount: cents(4028.47), rounding: "dollar" },
      }),
    );
    expect(a.schools[0].total).toBe(cents(580_100));
    const [line] = explainer(a)(0);
    // The printed rate is base × weight to the cent ($7,251.25): 80 × 7,251.25 = 580,100.
    expect(line).toMatchObject({ count: 80, rate: 725125, amount: cents(580_100) });
    // What the pool does not need stays central; nothing is scaled.
    expect(a.sources[0].surplus).toBe(cents(1_000_000 - 580_100));
  });
});

function threeSchools(withTitleI: boolean, extra: Partial<SimpleDistrict> = {}): SimpleDistrict {
  return {
    schools: [
      { id: "S1", current: 350_000 },
      { id: "S2", current: 250_000 },
      { id: "S3", current: 200_000 },
    ],
    needs: ["Poverty"],
    levels: ["Elementary"],
    enrollment: [
      ["S1", "Elementary", 400, 240],
      ["S2", "Elementary", 300, 60],
      ["S3", "Elementary", 200, 100],
    ],
    rates: { Elementary: { Base: 1, Poverty: 0.5 } },
    sources: [
      { name: "General", amount: 3_000_000 },
      ...(withTitleI ? [{ name: "Title I", amount: 30_000, status: "Grant" as const, funds: "Poverty", rules: [{ kind: "share" as const, key: "Poverty", label: "Poverty %", op: ">=" as const, value: 40 }] }] : []),
    ],
    policy: { baseAmount: cents(700) },
    ...extra,
  };
}

describe("item 3: a grant supplements, never supplants (ESSA §1118(b))", () => {
  test("with fixed rates, Title I is paid on top: S1 keeps $364,000 of General money", () => {
    const without = allocate(makeDistrict(threeSchools(false)));
    const withGrant = allocate(makeDistrict(threeSchools(true)));
    expect(without.schools[0].total).toBe(cents(364_000));
    expect(withGrant.sources[0].bySchool).toEqual(without.sources[0].bySchool);
    expect(withGrant.sources[1].toSchools).toBe(cents(30_000) - withGrant.sources[1].surplus);
    expect(withGrant.schools[0].total).toBeGreaterThan(cents(364_000));
    expect(withGrant.sources[1].bySchool[1]).toBe(0); // S2 (20% poverty) is not eligible
  });
  test("with a hold-harmless floor and a gain cap, the grant still changes no General money", () => {
    const extra = { policy: { holdHarmless: 0.98, gainCap: 0.02 } };
    const solved = (g: boolean) => allocate(makeDistrict({ ...threeSchools(g, extra), sources: threeSchools(g).sources.map((s) => (s.name === "General" ? { ...s, amount: 800_000 } : s)) }));
    expect(solved(true).sources[0].bySchool).toEqual(solved(false).sources[0].bySchool);
    expect(solved(true).schools[0].adjustment).not.toBeNull();
  });
});

describe("item 8: the nominal weight and the effective weight are both shown, labelled", () => {
  test("summary.json carries the Weights table's weight and the effective weight with restricted sources", () => {
    const a = allocate(makeDistrict({ ...threeSchools(true), policy: {} }));
    const j = summaryJson(a);
    expect(j.nominalWeights.Elementary.Poverty).toBe(0.5);
    expect(j.weights.Elementary.Poverty).toBeGreaterThan(0.5); // Title I adds to the poverty cell
  });
});
