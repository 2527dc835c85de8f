import { allocate } from "../../../src/engine/allocate";
import { boundsNotes, schoolBounds } from "../../../src/engine/allocate/bounds";
import { gainCapCeiling } from "../../../src/engine/allocate/gainCap";
import { holdHarmlessFloor } from "../../../src/engine/allocate/holdHarmless";
import { mobFloor } from "../../../src/engine/allocate/mob";
import { allocationWarningText, ruleNoteWords } from "../../../src/words/allocation";
import { solveNeutralFactor } from "../../../src/engine/allocate/neutrality";
import { phaseInTarget } from "../../../src/engine/allocate/phaseIn";
import { splitPool } from "../../../src/engine/allocate/pools";
import { spreadChanges } from "../../../src/engine/allocate/redistribute";
import { makeDistrict, twoSchools, type SimpleDistrict } from "../../helpers/district";

/** Two elementary schools, one need (Poverty), one general source unless replaced. */
const two = (over: Partial<SimpleDistrict> = {}): SimpleDistrict => twoSchools(over);
const cents = (d: number) => Math.round(d * 100);

describe("pools (lock / unlock / grant, school share)", () => {
  test("school share splits Amount between schools and centre, to the cent", () => {
    const s = makeDistrict(two({ sources: [{ name: "X", amount: 1000.01, share: 0.333 }] })).sources[0];
    const { central, pool } = splitPool(s);
    expect(pool).toBe(Math.round(100001 * 0.333));
    expect(central + pool).toBe(100001);
  });
  test("a Locked source is held centrally in full", () => {
    const a = allocate(makeDistrict(two({ sources: [{ name: "General", amount: 1_000_000 }, { name: "Transport", amount: 50_000, status: "Locked" }] })));
    expect(a.sources[1].toSchools).toBe(0);
    expect(a.sources[1].central).toBe(cents(50_000));
  });
});

describe("solved base", () => {
  test("weighted pupils: A has 100 + 80×0.5 = 140, B has 110; the pool is split 140:110", () => {
    const a = allocate(makeDistrict(two()));
    expect(a.schools[0].total).toBe(cents(560_000)); // 1,000,000 × 140/250
    expect(a.schools[1].total).toBe(cents(440_000));
    expect(a.sources[0].base).toBeCloseTo(cents(4000), 6); // $4,000 per weighted pupil
    expect(a.matrix.perPupil[0]).toEqual([cents(4000), cents(2000)]);
  });
  test("a Base Amount in Policy fixes the rate: cost is fixed, the rest is surplus", () => {
    const a = allocate(makeDistrict(two({ policy: { baseAmount: cents(3000) } })));
    expect(a.schools[0].total).toBe(cents(420_000)); // 140 × 3,000
    expect(a.schools[1].total).toBe(cents(330_000));
    expect(a.sources[0].surplus).toBe(cents(250_000));
  });
});

describe("restricted sources, grants and eligibility", () => {
  test("Funds = Poverty pays only poverty pupils (weighted), Grant only to eligible schools", () => {
    const a = allocate(
      makeDistrict(
        two({
          sources: [
            { name: "General", amount: 1_000_000 },
            { name: "Title I", amount: 90_000, status: "Grant", funds: "Poverty", rules: [{ kind: "share", key: "Poverty", label: "Poverty %", op: ">=", value: 40 }] },
          ],
        }),
      ),
    );
    // Only A (80% poverty) is eligible: all of Title I goes to A.
    expect(a.sources[1].bySchool).toEqual([cents(90_000), 0]);
    expect(a.sources[1].restricted).toBe(true);
  });
  test("a level list limits a source to that level's pupils", () => {
    const d = makeDistrict({
      schools: [{ id: "K8" }, { id: "M" }],
      needs: [],
      levels: ["Elementary", "Middle"],
      enrollment: [
        ["K8", "Elementary", 300],
        ["K8", "Middle", 100],
        ["M", "Middle", 300],
      ],
      rates: { All: { Base: 1 } },
      sources: [{ name: "Middle grant", amount: 40_000, status: "Grant", levels: ["Middle"] }],
    });
    const a = allocate(d);
    expect(a.sources[0].bySchool).toEqual([cents(10_000), cents(30_000)]);
  });
  test("a source nobody is eligible for is kept centrally as surplus with a note", () => {
    const a = allocate(makeDistrict(two({ sources: [{ name: "General", amount: 1000 }, { name: "Nobody", amount: 500, ids: ["Z"] }] })));
    expect(a.sources[1].surplus).toBe(cents(500));
    expect(a.warnings).toEqual([{ code: "noEligiblePupils", source: "Nobody", category: null, pool: cents(500) }]);
    expect(a.warnings.map(allocationWarningText)).toEqual(["Nobody: no eligible weighted pupils for the formula; its school pool of $500 is held centrally."]);
  });
});

describe("foundation per school", () => {
  test("every school gets the foundation first, the rest by formula", () => {
    const a = allocate(makeDistrict(two({ policy: { foundationPerSchool: cents(100_000) } })));
    // 800,000 left: A 140/250, B 110/250
    expect(a.schools[0].total).toBe(cents(100_000 + 448_000));
    expect(a.schools[1].total).toBe(cents(100_000 + 352_000));
    expect(a.schools[0].foundation).toBe(cents(100_000));
  });
  test("a foundation larger than the general pool is an error, located on Policy", () => {
    const a = allocate(makeDistrict(two({ policy: { foundationPerSchool: cents(600_000) } })));
    expect(a.errors[0]).toMatchObject({ table: "Policy", column: "Foundation Per School" });
  });
});

describe("fixed $ per pupil", () => {
  test("restricted money pays its category first; a shortfall is unfunded, never invented", () => {
    const d = makeDistrict(
      two({
        rates: { Elementary: { Base: { pp: 3000 }, Poverty: { pp: 1000 } } },
        sources: [
          { name: "General", amount: 500_000 },
          { name: "Poverty aid", amount: 50_000, funds: "Poverty" },
        ],
      }),
    );
    const a = allocate(d);
    // Cost: A 300,000 + 80,000; B 300,000 + 20,000 = 700,000; available 550,000.
    expect(a.sources[1].toSchools).toBe(cents(50_000)); // poverty cost 100,000 > 50,000
    expect(a.sources[1].bySchool).toEqual([cents(40_000), cents(10_000)]);
    expect(a.totals.schools).toBe(cents(550_000));
    expect(a.totals.unfunded).toBe(cents(150_000));
  });
});

describe("phase-in, hold harmless, gain cap, MOB (budget-neutral)", () => {
  test("phase-in target moves part of the way", () => {
    expect(phaseInTarget(200, 100, 0.25)).toBe(125);
    expect(phaseInTarget(200, null, 0.25)).toBe(200);
  });
  test("bounds: floor is the larger of MOB and hold harmless; caps round down, floors up", () => {
    expect(schoolBounds(100_001, 50_000, 0.9, 0.1, 1)).toEqual({ lo: 90_001, hi: 110_001, floorRule: "Hold harmless" });
    expect(schoolBounds(100_000, 95_000, 0.9, null, 100)).toEqual({ lo: 95_000, hi: Infinity, floorRule: "MOB" });
    expect(schoolBounds(100_000, 200_000, null, 0.1, 1).hi).toBe(200_000); // floor above the cap wins
  });
  test("hold harmless 100%: B is held at its current budget, A pays for it", () => {
    const a = allocate(makeDistrict(two({ schools: [{ id: "A", current: 500_000 }, { id: "B", current: 460_000 }], policy: { holdHarmless: 1 } })));
    expect(a.schools[1].total).toBe(cents(460_000));
    expect(a.schools[1].adjustment).toBe("Hold harmless");
    expect(a.schools[0].total).toBe(cents(540_000));
    expect(a.schools[0].turnedOn).toBe(cents(560_000));
  });
  test("gain cap 5%: A is capped at 105% of current, the excess goes to B", () => {
    const a = allocate(makeDistrict(two({ schools: [{ id: "A", current: 500_000 }, { id: "B", current: 500_000 }], policy: { gainCap: 0.05 } })));
    expect(a.schools[0].total).toBe(cents(525_000));
    expect(a.schools[0].adjustment).toBe("Gain cap");
    expect(a.schools[1].total).toBe(cents(475_000));
  });
  test("MOB top-up", () => {
    const a = allocate(makeDistrict(two({ schools: [{ id: "A", current: null }, { id: "B", current: null, minimum: 470_000 }] })));
    expect(a.schools[1].total).toBe(cents(470_000));
    expect(a.schools[1].adjustment).toBe("MOB");
    expect(a.schools[0].total).toBe(cents(530_000));
  });
  test("floors that cost more than the general money are an error, located on Policy", () => {
    const a = allocate(makeDistrict(two({ schools: [{ id: "A", current: 800_000 }, { id: "B", current: 800_000 }], policy: { holdHarmless: 1 } })));
    expect(a.errors[0]).toMatchObject({ table: "Policy" });
  });
  test("phase-in 50%: halfway from current to formula, then rescaled to keep the total", () => {
    const a = allocate(makeDistrict(two({ schools: [{ id: "A", current: 500_000 }, { id: "B", current: 500_000 }], policy: { phaseIn: 0.5 } })));
    // formula 560,000 / 440,000 -> targets 530,000 / 470,000 (sum 1,000,000: factor 1)
    expect(a.schools.map((s) => s.total)).toEqual([cents(530_000), cents(470_000)]);
    expect(a.schools[0].adjustment).toBe("Phase-in");
  });
  test("solveNeutralFactor scales the free schools by one factor", () => {
    const r = solveNeutralFactor([100, 100, 100], [0, 150, 0], [Infinity, Infinity, Infinity], 300)!;
    expect(r.values[1]).toBe(150);
    expect(r.values[0]).toBeCloseTo(75, 9);
    expect(r.k).toBeCloseTo(0.75, 12);
    expect(solveNeutralFactor([1], [10], [20], 5)).toBeNull();
  });
  test("spreadChanges keeps row and column sums exact", () => {
    const x = spreadChanges([5, -3, -2, 7, -7], [3, 1, 1]);
    x[0].forEach((_, i) => expect(x.reduce((a, col) => a + col[i], 0)).toBe([5, -3, -2, 7, -7][i]));
    for (const col of x) expect(col.reduce((a, b) => a + b, 0)).toBe(0);
  });
});

describe("rounding", () => {
  test("dollar rounding: every school amount is whole dollars, odd cents stay central", () => {
    const a = allocate(makeDistrict(two({ sources: [{ name: "General", amount: 1_000_000.57 }], policy: { rounding: "dollar" } })));
    for (const s of a.schools) expect(s.total % 100).toBe(0);
    expect(a.sources[0].surplus).toBe(57);
  });
});

describe("MOB, hold harmless and gain cap, one file each, with their notes", () => {
  test("each rule's bound, rounded so that rounding never breaks it, and its note in words", () => {
    expect(mobFloor(95_050, 100)).toBe(95_100);
    expect(mobFloor(null, 1)).toBe(0);
    expect(holdHarmlessFloor(100_001, 0.9, 1)).toBe(90_001);
    expect(holdHarmlessFloor(null, 0.9, 1)).toBe(0);
    expect(gainCapCeiling(100_001, 0.1, 100)).toBe(110_000);
    expect(gainCapCeiling(100_000, null, 1)).toBe(Infinity);
    const notes = boundsNotes(292_302_400, 100_000_000, 0.95, 0.05, 1);
    expect(notes.map((n) => n.code)).toEqual(["mob", "holdHarmless", "gainCap"]);
    expect(ruleNoteWords(notes[1])).toBe("Hold harmless: at least 95% × $2,923,024 = $2,776,872.80 of non-grant money");
  });
});
