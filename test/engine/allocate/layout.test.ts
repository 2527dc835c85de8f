import { buildLayout } from "../../../src/engine/allocate/layout";
import { makeDistrict } from "../../helpers/district";

const district = () =>
  makeDistrict({
    schools: [{ id: "A" }, { id: "B" }],
    needs: ["Poverty"],
    levels: ["Elementary", "Middle"],
    enrollment: [
      ["B", "Middle", 200, 50],
      ["A", "Elementary", 100, 80],
      ["B", "Elementary", 10, 1],
    ],
    rates: { Elementary: { Base: 1, Poverty: 0.5 }, Middle: { Base: 1.1, Poverty: { pp: 120 } } },
    sources: [{ name: "General", amount: 1_000_000 }],
  });

describe("buildLayout", () => {
  test("flattens enrollment and rates", () => {
    const L = buildLayout(district());
    expect(Array.from(L.rowSchool)).toEqual([1, 0, 1]);
    expect(Array.from(L.counts)).toEqual([200, 50, 100, 80, 10, 1]);
    expect(Array.from(L.students)).toEqual([100, 210]);
    expect(Array.from(L.rowsOf.subarray(L.rowStart[1], L.rowStart[2]))).toEqual([0, 2]);
    expect(Array.from(L.weight)).toEqual([1, 0.5, 1.1, 0]);
    expect(Array.from(L.fixed)).toEqual([0, 0, 0, 12000]);
    expect(L.anyFixed).toBe(true);
  });

  test("each call builds its own layout (no state kept between runs) and recomputes the rates every time", () => {
    const d = district();
    const a = buildLayout(d);
    const b = buildLayout({ ...d, rates: d.rates.map((row) => row.map(() => ({ kind: "weight" as const, weight: 2 }))) });
    expect(b.counts).not.toBe(a.counts);
    expect(Array.from(b.counts)).toEqual(Array.from(a.counts));
    expect(Array.from(b.weight)).toEqual([2, 2, 2, 2]);
    expect(b.anyFixed).toBe(false);
    const c = buildLayout({ ...d, policy: { ...d.policy, baseAmount: 500_000 } });
    expect(Array.from(c.fixed)).toEqual([500_000, 250_000, 550_000, 12000]);
  });

  test("a new enrollment array is flattened again", () => {
    const d = district();
    const a = buildLayout(d);
    const enrollment = d.enrollment.map((r, k) => (k === 1 ? { ...r, students: 150 } : r));
    const b = buildLayout({ ...d, enrollment });
    expect(b.counts).not.toBe(a.counts);
    expect(Array.from(b.students)).toEqual([150, 210]);
    expect(Array.from(buildLayout(d).students)).toEqual([100, 210]);
  });
});
