import type { Cell, RawTable, RawTables } from "../../src/engine/types";
import { syntheticDistrict } from "../../src/sample/synthetic";

function table(raw: RawTables, key: string): RawTable {
  const t = raw[key];
  if (!t) throw new Error(`missing ${key}`);
  return t;
}
const num = (c: Cell | undefined): number => {
  if (typeof c !== "number") throw new Error(`not a number: ${String(c)}`);
  return c;
};

/** Classify an Eligible text the way the contract describes it. */
function eligibilityKind(text: string, levels: Set<string>, ids: Set<string>): string {
  if (text === "All") return "all";
  if (levels.has(text)) return "level";
  if (/^Need \d+ % >= \d+%$/.test(text)) return "share";
  if (/^[A-Za-z ]+ = \S+$/.test(text)) return "attribute";
  if (text.split(", ").every((id) => ids.has(id))) return "ids";
  return "unknown";
}

describe("syntheticDistrict", () => {
  test("sizes follow the options", () => {
    const raw = syntheticDistrict({ schools: 250, levels: 4, needs: 2, sources: 12, seed: 9 });
    const schools = table(raw, "schools");
    const enrollment = table(raw, "enrollment");
    expect(Object.keys(raw).sort()).toEqual(["enrollment", "policy", "revenue", "schools", "weights"]);
    expect(schools.rows).toHaveLength(250);
    expect(enrollment.rows.length).toBeGreaterThanOrEqual(250);
    expect(enrollment.rows.length).toBeLessThanOrEqual(500);
    expect(enrollment.headers).toEqual(["School ID", "Level", "Students", "Need 1", "Need 2"]);
    expect(table(raw, "revenue").rows).toHaveLength(12);
    const levels = new Set(enrollment.rows.map((r) => r[1]));
    for (const l of levels) expect(["Level 1", "Level 2", "Level 3", "Level 4"]).toContain(l);
    expect(levels.size).toBe(4);
    for (const t of Object.values(raw)) for (const r of t.rows) expect(r).toHaveLength(t.headers.length);
  });

  test("defaults: 3 levels, 3 needs, 20 sources", () => {
    const raw = syntheticDistrict({ schools: 50 });
    expect(table(raw, "enrollment").headers).toEqual(["School ID", "Level", "Students", "Need 1", "Need 2", "Need 3"]);
    expect(table(raw, "revenue").rows).toHaveLength(20);
    const base = table(raw, "weights").rows.filter((r) => r[0] === "Base").map((r) => r[1]);
    expect(base).toEqual(["Level 1", "Level 2", "Level 3"]);
  });

  test("is deterministic per seed and varies with the seed", () => {
    const a = syntheticDistrict({ schools: 300, seed: 4 });
    expect(syntheticDistrict({ schools: 300, seed: 4 })).toEqual(a);
    expect(syntheticDistrict({ schools: 300, seed: 5 })).not.toEqual(a);
  });

  test("every school has one or two adjacent levels; counts are sane; IDs are unique", () => {
    const raw = syntheticDistrict({ schools: 1_000, seed: 2 });
    const schools = table(raw, "schools");
    const ids = schools.rows.map((r) => String(r[0]));
    expect(new Set(ids).size).toBe(ids.length);
    const levelsOf = new Map<string, number[]>();
    let two = 0;
    for (const r of table(raw, "enrollment").rows) {
      const n = num(r[2]);
      expect(Number.isInteger(n)).toBe(true);
      expect(n).toBeGreaterThan(0);
      for (const c of r.slice(3)) {
        expect(Number.isInteger(num(c))).toBe(true);
        expect(num(c)).toBeGreaterThanOrEqual(0);
        expect(num(c)).toBeLessThanOrEqual(n);
      }
      const id = String(r[0]);
      levelsOf.set(id, [...(levelsOf.get(id) ?? []), Number(String(r[1]).replace("Level ", ""))]);
    }
    expect([...levelsOf.keys()].sort()).toEqual([...ids].sort());
    for (const ls of levelsOf.values()) {
      expect(ls.length === 1 || ls.length === 2).toBe(true);
      if (ls.length === 2) {
        two++;
        expect((ls[1] ?? 0) - (ls[0] ?? 0)).toBe(1);
      }
    }
    expect(two).toBeGreaterThan(0);
    // Title I follows Need 1's share, as in the sample.
    const share = new Map<string, [number, number]>();
    for (const r of table(raw, "enrollment").rows) {
      const cur = share.get(String(r[0])) ?? [0, 0];
      share.set(String(r[0]), [cur[0] + num(r[3]), cur[1] + num(r[2])]);
    }
    for (const r of schools.rows) {
      const [need, students] = share.get(String(r[0])) ?? [0, 1];
      expect(r[4]).toBe(need / students >= 0.4 ? "Yes" : "No");
    }
    // A few new schools have no Current Budget, a few no Minimum Budget.
    expect(schools.rows.some((r) => r[2] === null)).toBe(true);
    expect(schools.rows.some((r) => r[3] === null)).toBe(true);
  });

  test("weights cover every level and need, with one level override", () => {
    const raw = syntheticDistrict({ schools: 20, levels: 3, needs: 2, seed: 3 });
    const rows = table(raw, "weights").rows;
    expect(rows.filter((r) => r[0] === "Base")).toHaveLength(3);
    expect(rows.filter((r) => r[0] === "Need 1").map((r) => r[1])).toEqual(["All", "Level 3"]);
    expect(rows.filter((r) => r[0] === "Need 2").map((r) => r[1])).toEqual(["All"]);
    for (const r of rows) expect(num(r[2])).toBeGreaterThan(0);
  });

  test("revenue mixes statuses, funds and every kind of eligibility", () => {
    const seen = { status: new Set<string>(), funds: new Set<string>(), kinds: new Set<string>() };
    for (const seed of [1, 2, 3, 4, 5]) {
      const raw = syntheticDistrict({ schools: 100, seed });
      const ids = new Set(table(raw, "schools").rows.map((r) => String(r[0])));
      const levels = new Set(["Level 1", "Level 2", "Level 3"]);
      const rev = table(raw, "revenue");
      expect(rev.rows[0]?.slice(4)).toEqual(["Unlocked", expect.any(Number), "All", "All"]);
      const names = rev.rows.map((r) => r[0]);
      expect(new Set(names).size).toBe(names.length);
      for (const r of rev.rows) {
        expect(Number.isInteger(num(r[3]))).toBe(true);
        expect(num(r[3])).toBeGreaterThan(0);
        seen.status.add(String(r[4]));
        if (r[4] === "Locked") expect(r[5]).toBeNull();
        if (r[5] !== null) {
          expect(num(r[5])).toBeGreaterThan(0);
          expect(num(r[5])).toBeLessThanOrEqual(1);
        }
        seen.funds.add(r[6] === "All" ? "All" : "need");
        const kind = eligibilityKind(String(r[7]), levels, ids);
        expect(kind).not.toBe("unknown");
        seen.kinds.add(kind);
      }
    }
    expect(seen.status).toEqual(new Set(["Unlocked", "Locked", "Grant"]));
    expect(seen.funds).toEqual(new Set(["All", "need"]));
    expect(seen.kinds).toEqual(new Set(["all", "level", "share", "attribute", "ids"]));
  });

  test("general money covers the foundation and current budgets roughly match the school pools", () => {
    const raw = syntheticDistrict({ schools: 400, seed: 8 });
    const policy = new Map(table(raw, "policy").rows.map((r) => [String(r[0]), r[1]]));
    const foundation = num(policy.get("Foundation Per School"));
    expect(foundation).toBeGreaterThan(0);
    expect(num(policy.get("Hold Harmless"))).toBeLessThan(1);
    expect(num(policy.get("Gain Cap"))).toBeGreaterThan(0);
    const rev = table(raw, "revenue").rows;
    const general = num(rev[0]?.[3]) * num(rev[0]?.[5]);
    expect(general).toBeGreaterThan(foundation * 400);
    const pool = rev.reduce((a, r) => (r[4] === "Locked" ? a : a + num(r[3]) * (r[5] === null ? 1 : num(r[5]))), 0);
    const current = table(raw, "schools").rows.reduce((a, r) => a + (r[2] === null ? 0 : num(r[2])), 0);
    expect(current / pool).toBeGreaterThan(0.9);
    expect(current / pool).toBeLessThan(1.05);
  });

  test("edge shapes: one level, no needs, one source, one school", () => {
    const raw = syntheticDistrict({ schools: 1, levels: 1, needs: 0, sources: 1, seed: 1 });
    expect(table(raw, "schools").rows).toHaveLength(1);
    expect(table(raw, "enrollment").headers).toEqual(["School ID", "Level", "Students"]);
    expect(table(raw, "enrollment").rows).toHaveLength(1);
    expect(table(raw, "revenue").rows).toHaveLength(1);
    expect(table(raw, "weights").rows).toEqual([["Base", "Level 1", 1, null]]);
  });

  test("10,000 schools", () => {
    const raw = syntheticDistrict({ schools: 10_000, seed: 1 });
    const ids = table(raw, "schools").rows.map((r) => r[0]);
    expect(new Set(ids).size).toBe(10_000);
    expect(ids[0]).toBe("S00001");
    expect(ids[9_999]).toBe("S10000");
  });

  test("rejects impossible options", () => {
    expect(() => syntheticDistrict({ schools: 0 })).toThrow(RangeError);
    expect(() => syntheticDistrict({ schools: 2.5 })).toThrow(RangeError);
    expect(() => syntheticDistrict({ schools: 5, levels: 0 })).toThrow(RangeError);
    expect(() => syntheticDistrict({ schools: 5, needs: -1 })).toThrow(RangeError);
    expect(() => syntheticDistrict({ schools: 5, sources: 0 })).toThrow(RangeError);
  });
});
