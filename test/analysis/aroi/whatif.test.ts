import fc from "fast-check";
import { extraStudents, reallocateSunset } from "../../../src/analysis/aroi/whatif";
import type { WhatIfInput } from "../../../src/analysis/aroi/whatif";
import { whatIfText } from "../../../src/words/aroi";
import { ACTIONS } from "../../../src/analysis/aroi/actions";

const fixture: WhatIfInput[] = [
  { name: "Peer Tutoring", action: "expand", total: 2_500_000, students: 200 },
  { name: "Reading Buddies", action: "expand", total: 500_000, students: 100 },
  { name: "Summer Learning", action: "keep", total: 20_000_000, students: 400 },
  { name: "Chess Club", action: "sunset", total: 1_000_000, students: 50 },
];

describe("what-if: reinvest sunset money in expand candidates", () => {
  test("hand-checked spread and extra students", () => {
    const w = reallocateSunset(fixture);
    // Chess Club frees $10,000
    expect(w.freed).toBe(1_000_000);
    expect(w.sunset).toEqual([{ name: "Chess Club", freed: 1_000_000 }]);
    // by cost 25,000 : 5,000 → 833,333.33 / 166,666.67 cents → 833,333 / 166,667 (largest remainder)
    expect(w.expand.map((e) => e.extra)).toEqual([833_333, 166_667]);
    // Peer at $125/student: floor(833,333 × 200 / 2,500,000) = floor(66.67) = 66; left 833,333 − 66 × 12,500 = 8,333
    // Reading at $50/student: floor(166,667 × 100 / 500,000) = floor(33.33) = 33; left 166,667 − 33 × 5,000 = 1,667
    expect(w.expand.map((e) => [e.extraStudents, e.unspent])).toEqual([
      [66, 8_333],
      [33, 1_667],
    ]);
    expect(w.expand[0].perStudent).toBe(12_500);
    expect(w.distributed).toBe(1_000_000);
    expect(w.extraStudents).toBe(99);
    expect(w.unspent).toBe(10_000);
    expect(whatIfText(w)).toContain("$10,000.00");
    expect(whatIfText(w)).toContain("99 more student");
  });

  test("nothing to sunset, or nobody to expand", () => {
    const none = reallocateSunset(fixture.filter((r) => r.action !== "sunset"));
    expect(none.freed).toBe(0);
    expect(none.expand.map((e) => e.extra)).toEqual([0, 0]);
    expect(whatIfText(none)).toMatch(/No initiative is set to sunset/);
    const noExpand = reallocateSunset(fixture.filter((r) => r.action !== "expand"));
    expect(noExpand.expand).toEqual([]);
    expect(noExpand.unspent).toBe(1_000_000);
    expect(whatIfText(noExpand)).toContain("stays unallocated");
  });

  test("expand candidates without students or cost are skipped", () => {
    const w = reallocateSunset([...fixture, { name: "Empty", action: "expand", total: 0, students: 10 }, { name: "Nobody", action: "expand", total: 100, students: 0 }]);
    expect(w.expand.map((e) => e.name)).toEqual(["Peer Tutoring", "Reading Buddies"]);
  });

  test("extra students are whole and exact", () => {
    // $3 at 3 students per $9 = floor(300 × 3 / 900) = 1 exactly (no 0.9999 drift)
    expect(extraStudents(300, 3, 900)).toBe(1);
    expect(extraStudents(0, 3, 900)).toBe(0);
    expect(extraStudents(100, 2.5, 1_000)).toBe(0);
  });

  test("property: shares add up to the freed money; unspent + spent = freed", () => {
    const row = fc.record({
      name: fc.string({ maxLength: 3 }),
      action: fc.constantFrom(...ACTIONS),
      total: fc.integer({ min: 0, max: 1e10 }),
      students: fc.integer({ min: 0, max: 5_000 }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), (rows) => {
        const w = reallocateSunset(rows);
        expect(w.freed).toBe(rows.filter((r) => r.action === "sunset").reduce((s, r) => s + r.total, 0));
        if (w.expand.length && w.freed > 0) expect(w.distributed).toBe(w.freed);
        for (const e of w.expand) {
          expect(e.extraStudents).toBe(Math.floor((e.extra * e.students) / e.total + 1e-9));
          expect(e.unspent).toBeGreaterThanOrEqual(0);
        }
        const spent = w.expand.reduce((s, e) => s + (e.extra - e.unspent), 0);
        expect(spent + w.unspent).toBe(w.freed);
      }),
    );
  });
});
