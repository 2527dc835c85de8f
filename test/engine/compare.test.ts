import { compareAllocations } from "../../src/engine/compare";
import { allocate } from "../../src/engine/allocate";
import { parseDistrict } from "../../src/engine/parse";
import { setRate } from "../../src/engine/decisions";
import type { Allocation, District } from "../../src/engine/types";
import { smallDistrict, type SmallOptions } from "../taskpane/fixture";

function district(o: SmallOptions = {}): District {
  const p = parseDistrict(smallDistrict(o));
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.district;
}

/** The same allocation with school ids renamed (what a renamed workbook would give). */
function withIds(a: Allocation, f: (id: string) => string): Allocation {
  return { ...a, schools: a.schools.map((s) => ({ ...s, id: f(s.id) })) };
}

describe("compareAllocations", () => {
  const base = district();
  const a = allocate(base);
  // More weight on poverty moves money to the high-poverty schools.
  const b = allocate(setRate(setRate(base, 0, 1, { kind: "weight", weight: 1 }), 1, 1, { kind: "weight", weight: 1 }));
  const cmp = compareAllocations(a, b);

  test("per school: A, B, delta in cents and in percent of A", () => {
    expect(cmp.schools).toHaveLength(3);
    for (const row of cmp.schools) {
      const sa = a.schools.find((s) => s.id === row.id);
      const sb = b.schools.find((s) => s.id === row.id);
      expect(row.side).toBe("both");
      expect(row.a).toBe(sa?.total);
      expect(row.b).toBe(sb?.total);
      expect(row.delta).toBe((sb?.total ?? 0) - (sa?.total ?? 0));
      expect(row.deltaPct).toBeCloseTo((row.delta ?? 0) / (sa?.total ?? 1), 12);
    }
  });

  test("sorted by change, biggest gain first", () => {
    const deltas = cmp.schools.map((s) => s.delta ?? 0);
    expect(deltas).toEqual([...deltas].sort((x, y) => y - x));
    // Adams (75% poverty) gains, Baker (20% poverty) loses.
    expect(cmp.schools[0].id).toBe("S1");
    expect(cmp.schools[2].id).toBe("S2");
  });

  test("totals and counts of gainers, losers and unchanged", () => {
    expect(cmp.totals.a).toBe(a.schools.reduce((t, s) => t + s.total, 0));
    expect(cmp.totals.b).toBe(b.schools.reduce((t, s) => t + s.total, 0));
    expect(cmp.totals.delta).toBe(cmp.totals.b - cmp.totals.a);
    expect(cmp.gainers + cmp.losers + cmp.unchanged).toBe(3);
    expect(cmp.gainers).toBeGreaterThan(0);
    expect(cmp.losers).toBeGreaterThan(0);
    const same = compareAllocations(a, a);
    expect([same.gainers, same.losers, same.unchanged]).toEqual([0, 0, 3]);
    expect(same.totals.delta).toBe(0);
    expect(same.schools.every((s) => s.delta === 0 && s.deltaPct === 0)).toBe(true);
  });

  test("schools are matched by id, case-insensitively", () => {
    const lower = compareAllocations(a, withIds(a, (id) => id.toLowerCase()));
    expect(lower.schools.every((s) => s.side === "both")).toBe(true);
  });

  test("schools on one side only are listed as such, after the matched ones", () => {
    const withExtra = allocate(district({ extra: [["S4", "Dunn Elementary", 200, 100]] }));
    const withoutBaker = allocate(district({ without: "S2" }));
    const c = compareAllocations(withExtra, withoutBaker);
    expect(c.schools.slice(-2).map((s) => [s.id, s.side])).toEqual([
      ["S2", "onlyA"],
      ["S4", "onlyA"],
    ]);
    expect(c.schools.slice(-1)[0]).toMatchObject({ b: null, delta: null, deltaPct: null });
    expect([c.onlyA, c.onlyB]).toEqual([2, 0]);
    const back = compareAllocations(withoutBaker, withExtra);
    expect(back.schools.filter((s) => s.side === "onlyB").map((s) => s.id)).toEqual(["S2", "S4"]);
    expect(back.schools.find((s) => s.id === "S4")).toMatchObject({ a: null, delta: null });
  });

  test("delta % is null when A is 0", () => {
    const zero: Allocation = { ...a, schools: a.schools.map((s, i) => (i === 0 ? { ...s, total: 0 } : s)) };
    const c = compareAllocations(zero, a);
    const row = c.schools.find((s) => s.id === "S1");
    expect(row?.delta).toBe(a.schools[0].total);
    expect(row?.deltaPct).toBeNull();
  });
});
