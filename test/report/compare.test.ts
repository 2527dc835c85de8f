import { allocate } from "../../src/engine/allocate";
import { compareAllocations } from "../../src/engine/compare";
import { setRate } from "../../src/engine/decisions";
import { parseDistrict } from "../../src/engine/parse";
import { comparisonPlan, COMPARISON_HEADER_ROW } from "../../src/report/compare";
import type { District } from "../../src/engine/types";
import { smallDistrict, type SmallOptions } from "../taskpane/fixture";

function district(o: SmallOptions = {}): District {
  const p = parseDistrict(smallDistrict(o));
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.district;
}

describe("comparisonPlan", () => {
  const base = district({ extra: [["S4", "Dunn Elementary", 200, 100]] });
  const moreNeed = setRate(base, 0, 1, { kind: "weight", weight: 1.2 });
  const cmp = compareAllocations(allocate(base), allocate(district({ without: "S2" })));
  const cmp2 = compareAllocations(allocate(base), allocate(moreNeed));
  const plan = comparisonPlan("Base", "=Equity", cmp2);

  test("a table of schools in dollars with currency and percent formats", () => {
    expect(plan.role).toBe("comparison");
    expect(plan.name).toBe("Compare Base vs =Equity");
    const t = plan.tables[0];
    expect(t.r).toBe(COMPARISON_HEADER_ROW);
    expect(t.headers).toEqual(["School ID", "School", "A: Base", "B: =Equity", "Change $", "Change %", "Note"]);
    expect(t.formats).toEqual(["text", "text", "currency", "currency", "currency", "percent1", "text"]);
    expect(t.totals).toEqual([2, 3, 4]);
    expect(t.rows).toHaveLength(4);
    cmp2.schools.forEach((s, k) => {
      expect(t.rows[k]).toEqual([s.id, s.name, (s.a ?? 0) / 100, (s.b ?? 0) / 100, (s.delta ?? 0) / 100, s.deltaPct, ""]);
    });
    expect(/^[A-Za-z_][A-Za-z0-9_.]*$/.test(t.name)).toBe(true);
  });

  test("gainers are styled good and losers bad, with the table's value", () => {
    const first = COMPARISON_HEADER_ROW + 1;
    const styled = plan.cells.filter((c) => c.c === 4 && (c.style === "good" || c.style === "bad"));
    expect(styled.length).toBe(cmp2.gainers + cmp2.losers);
    for (const c of styled) {
      const row = cmp2.schools[c.r - first];
      expect(c.style).toBe((row.delta ?? 0) > 0 ? "good" : "bad");
      expect(c.v).toBe(plan.tables[0].rows[c.r - first][4]);
    }
  });

  test("one-sided rows are noted and not styled; the chart covers only matched schools", () => {
    const p = comparisonPlan("A", "B", cmp);
    const rows = p.tables[0].rows;
    expect(rows.slice(-2).map((r) => r[6])).toEqual(["Only in A", "Only in A"]);
    expect(rows.slice(-1)[0][3]).toBeNull();
    const first = COMPARISON_HEADER_ROW + 1;
    const matched = cmp.schools.filter((s) => s.side === "both").length;
    expect(p.charts[0].kind).toBe("columnClustered");
    expect(p.charts[0].series[0].values).toBe(`E${first + 1}:E${first + matched}`);
    expect(p.charts[0].series[0].categories).toBe(`B${first + 1}:B${first + matched}`);
    expect(p.cells.some((c) => c.r >= first + matched && (c.style === "good" || c.style === "bad"))).toBe(false);
  });

  test("no chart when no school is on both sides", () => {
    const a = allocate(base);
    const none = comparisonPlan("A", "B", compareAllocations(a, { ...a, schools: [] }));
    expect(none.charts).toEqual([]);
    expect(none.tables[0].rows.every((r) => r[6] === "Only in A")).toBe(true);
  });
});
