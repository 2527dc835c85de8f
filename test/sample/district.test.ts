import type { Cell, RawTable, RawTables } from "../../src/engine/types";
import { PLANNING_TABLE_NAMES, SAMPLE_SEED, sampleDistrict } from "../../src/sample/district";
import { VOICES_TABLE_NAMES } from "../../src/sample/voices";
import { TABLE_NAMES } from "../../src/sample/tables";

const raw: RawTables = sampleDistrict();

function table(name: string): RawTable {
  const t = raw[name.toLowerCase()];
  if (!t) throw new Error(`missing table ${name}`);
  return t;
}
function column(t: RawTable, header: string): Cell[] {
  const i = t.headers.indexOf(header);
  if (i < 0) throw new Error(`${t.name} has no column ${header}`);
  return t.rows.map((r) => r[i] ?? null);
}
const num = (c: Cell): number => {
  if (typeof c !== "number") throw new Error(`not a number: ${String(c)}`);
  return c;
};

const schools = table("Schools");
const enrollment = table("Enrollment");
const ids = column(schools, "School ID") as string[];

/** Per school: students and need counts summed over its levels. */
function schoolTotals(): Map<string, { students: number; poverty: number; el: number; sped: number }> {
  const out = new Map<string, { students: number; poverty: number; el: number; sped: number }>();
  for (const r of enrollment.rows) {
    const id = String(r[0]);
    const t = out.get(id) ?? { students: 0, poverty: 0, el: 0, sped: 0 };
    t.students += num(r[2] ?? null);
    t.poverty += num(r[3] ?? null);
    t.el += num(r[4] ?? null);
    t.sped += num(r[5] ?? null);
    out.set(id, t);
  }
  return out;
}

function pearson(xs: number[], ys: number[]): number {
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    const dy = (ys[i] ?? 0) - my;
    sxy += (x - mx) * dy;
    sxx += (x - mx) ** 2;
    syy += dy * dy;
  });
  return sxy / Math.sqrt(sxx * syy);
}

describe("sampleDistrict", () => {
  test("is deterministic for a seed and varies with the seed", () => {
    expect(sampleDistrict(SAMPLE_SEED)).toEqual(raw);
    expect(sampleDistrict()).toEqual(sampleDistrict());
    const other = sampleDistrict(7);
    expect(other.schools?.rows).not.toEqual(raw.schools?.rows);
    // School IDs and names are fixed; only the numbers move with the seed.
    expect(column(other.schools as RawTable, "School ID")).toEqual(ids);
  });

  test("has the seven contract tables, the three planning tables and the survey, readiness, peer and outcome tables, keyed by lower-cased name, placed at A1 of a sheet named like the table", () => {
    expect(Object.keys(raw).sort()).toEqual([...TABLE_NAMES, ...PLANNING_TABLE_NAMES, ...VOICES_TABLE_NAMES].map((n) => n.toLowerCase()).sort());
    for (const name of [...TABLE_NAMES, ...PLANNING_TABLE_NAMES, ...VOICES_TABLE_NAMES]) {
      const t = table(name);
      expect(t.name).toBe(name);
      expect(t.origin).toEqual({ sheet: name, headerRow: 1, firstColumn: 1, kind: "table" });
      expect(t.rows.length).toBeGreaterThan(0);
      for (const row of t.rows) expect(row).toHaveLength(t.headers.length);
    }
    expect(schools.headers).toEqual([
      "School ID", "School Name", "Current Budget", "Minimum Budget", "Title I", "Region", "Principal", "Year Opened", "Attendance Rate", "Prior Year Balance", "Norm Budget",
    ]);
    expect(enrollment.headers).toEqual(["School ID", "Level", "Students", "Poverty", "English Learner", "Special Education"]);
    expect(table("Revenue").headers).toEqual(["Source", "Type", "Restricted", "Amount", "Status", "School Share", "Funds", "Eligible"]);
  });

  test("about 40 schools with unique IDs in the E/M/H/K numbering and a mix of levels", () => {
    expect(ids.length).toBeGreaterThanOrEqual(36);
    expect(ids.length).toBeLessThanOrEqual(42);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[EMHK]\d{3}$/);
    expect(ids.filter((id) => id.startsWith("E")).length).toBeGreaterThanOrEqual(22);
    expect(ids.filter((id) => id.startsWith("M")).length).toBeGreaterThanOrEqual(6);
    expect(ids.filter((id) => id.startsWith("H")).length).toBeGreaterThanOrEqual(5);
    const names = column(schools, "School Name") as string[];
    expect(new Set(names).size).toBe(names.length);
    // A name that starts like a formula, to exercise text-as-text writing.
    expect(names.some((n) => /^[=+\-@]/.test(n))).toBe(true);
  });

  test("enrollment: every row's school exists, the K-8 school has an Elementary and a Middle row, counts are sane", () => {
    const idSet = new Set(ids);
    const perSchool = new Map<string, string[]>();
    for (const r of enrollment.rows) {
      const id = String(r[0]);
      expect(idSet.has(id)).toBe(true);
      perSchool.set(id, [...(perSchool.get(id) ?? []), String(r[1])]);
      const students = num(r[2] ?? null);
      expect(Number.isInteger(students)).toBe(true);
      for (const c of r.slice(3)) {
        const n = num(c);
        expect(Number.isInteger(n)).toBe(true);
        expect(n).toBeGreaterThanOrEqual(0);
        expect(n).toBeLessThanOrEqual(students);
      }
    }
    expect([...perSchool.keys()].sort()).toEqual([...ids].sort());
    const k8 = ids.filter((id) => id.startsWith("K"));
    expect(k8).toHaveLength(1);
    expect(perSchool.get(k8[0] ?? "")).toEqual(["Elementary", "Middle"]);
    for (const [id, levels] of perSchool) if (!id.startsWith("K")) expect(levels).toHaveLength(1);
  });

  test("students total is plausible for a mid-size district and school sizes fit their level", () => {
    const totals = schoolTotals();
    const students = [...totals.values()].reduce((a, t) => a + t.students, 0);
    expect(students).toBeGreaterThanOrEqual(18_000);
    expect(students).toBeLessThanOrEqual(22_000);
    const ranges: Record<string, [number, number]> = { Elementary: [300, 650], Middle: [500, 900], High: [900, 1_800] };
    let small = 0;
    for (const r of enrollment.rows) {
      const id = String(r[0]);
      if (id.startsWith("K")) continue;
      const [lo, hi] = ranges[String(r[1])] ?? [0, 0];
      const n = num(r[2] ?? null);
      if (n < lo) small++;
      expect(n).toBeLessThanOrEqual(hi);
    }
    // Only the small alternative high school is below its level's usual range.
    expect(small).toBe(1);
  });

  test("need shares are realistic and English learners correlate with poverty", () => {
    const totals = schoolTotals();
    const pov: number[] = [];
    const el: number[] = [];
    for (const t of totals.values()) {
      pov.push(t.poverty / t.students);
      el.push(t.el / t.students);
      expect(t.poverty / t.students).toBeGreaterThanOrEqual(0.095);
      expect(t.poverty / t.students).toBeLessThanOrEqual(0.905);
      expect(t.el / t.students).toBeGreaterThanOrEqual(0.015);
      expect(t.el / t.students).toBeLessThanOrEqual(0.405);
      expect(t.sped / t.students).toBeGreaterThanOrEqual(0.085);
      expect(t.sped / t.students).toBeLessThanOrEqual(0.165);
    }
    expect(Math.min(...pov)).toBeLessThan(0.25);
    expect(Math.max(...pov)).toBeGreaterThan(0.65);
    expect(pearson(pov, el)).toBeGreaterThan(0.6);
  });

  test("Title I is Yes exactly when the school's poverty share is at least 40%", () => {
    const totals = schoolTotals();
    const titleI = column(schools, "Title I");
    let yes = 0;
    ids.forEach((id, i) => {
      const t = totals.get(id);
      if (!t) throw new Error(id);
      const expected = t.poverty * 100 >= 40 * t.students ? "Yes" : "No";
      expect(titleI[i]).toBe(expected);
      if (expected === "Yes") yes++;
    });
    expect(yes).toBeGreaterThan(5);
    expect(yes).toBeLessThan(ids.length - 5);
    expect(new Set(column(schools, "Region"))).toEqual(new Set(["North", "South", "East", "West"]));
    for (const y of column(schools, "Year Opened")) expect(num(y)).toBeGreaterThanOrEqual(1900);
  });

  test("current budgets are plausible per pupil; minimum budgets are below them except where the MOB binds", () => {
    const totals = schoolTotals();
    const current = column(schools, "Current Budget").map(num);
    const minimum = column(schools, "Minimum Budget").map(num);
    let binding = 0;
    ids.forEach((id, i) => {
      const students = totals.get(id)?.students ?? 0;
      const cur = current[i] ?? 0;
      const min = minimum[i] ?? 0;
      expect(Number.isInteger(cur)).toBe(true);
      expect(cur / students).toBeGreaterThan(4_500);
      expect(cur / students).toBeLessThan(14_000);
      if (min > 0.95 * cur) binding++;
      else {
        expect(min / cur).toBeGreaterThanOrEqual(0.59);
        expect(min / cur).toBeLessThanOrEqual(0.71);
      }
    });
    // At least one school whose minimum operating budget is above even the 95% hold-harmless floor.
    expect(binding).toBeGreaterThanOrEqual(1);
    const totalCurrent = current.reduce((a, b) => a + b, 0);
    const revenue = table("Revenue");
    // Current Budget is a school's non-grant money (grants are paid on top): the Unlocked sources' school pools.
    const pool = revenue.rows.reduce((a, r) => a + (r[4] === "Unlocked" ? num(r[3] ?? null) * (r[5] === null ? 0 : num(r[5] ?? null)) : 0), 0);
    // Current budgets add up to roughly what those sources put in the schools' pools.
    expect(totalCurrent / pool).toBeGreaterThan(0.93);
    expect(totalCurrent / pool).toBeLessThan(1.07);
  });

  test("weights: every enrollment level has a Base weight; the formula is in weights mode", () => {
    const weights = table("Weights");
    expect(weights.headers).toEqual(["Category", "Level", "Weight", "Per Pupil", "Target Weight"]);
    const levels = new Set(column(enrollment, "Level").map(String));
    const baseLevels = new Set(weights.rows.filter((r) => r[0] === "Base").map((r) => String(r[1])));
    for (const l of levels) expect(baseLevels.has(l)).toBe(true);
    expect(weights.rows).toContainEqual(["English Learner", "High", 0.2, null, 0.25]);
    expect(weights.rows).toContainEqual(["Poverty", "All", 0.34, null, 0.4]);
    expect(weights.rows.filter((r) => r[0] === "Base").map((r) => r[4])).toEqual([null, null, null]);
    const needs = new Set(enrollment.headers.slice(3));
    for (const r of weights.rows) {
      expect(r[3]).toBeNull();
      expect(typeof r[2]).toBe("number");
      if (r[0] !== "Base") expect(needs.has(String(r[0]))).toBe(true);
    }
  });

  test("revenue: nine sources with whole-dollar amounts totalling a plausible budget", () => {
    const revenue = table("Revenue");
    expect(column(revenue, "Source")).toEqual([
      "State Base Aid", "Local Levy", "State Compensatory Ed", "Title I Part A", "Title III", "IDEA Part B",
      "Transportation", "High School CTE Grant", "Community Foundation Literacy",
    ]);
    const amounts = column(revenue, "Amount").map(num);
    for (const a of amounts) expect(Number.isInteger(a)).toBe(true);
    const total = amounts.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(215_000_000);
    expect(total).toBeLessThan(245_000_000);
    expect(new Set(column(revenue, "Status"))).toEqual(new Set(["Unlocked", "Locked", "Grant"]));
    const byName = new Map(revenue.rows.map((r) => [String(r[0]), r]));
    expect(byName.get("Transportation")?.[5]).toBeNull();
    expect(byName.get("State Base Aid")?.[5]).toBe(0.72);
    expect(byName.get("Title I Part A")?.slice(4)).toEqual(["Grant", 0.85, "Poverty", "Poverty % >= 40%"]);
    expect(byName.get("High School CTE Grant")?.[7]).toBe("High");
    expect(byName.get("Community Foundation Literacy")?.[7]).toBe("Title I = Yes");
    const needs = new Set(["All", ...enrollment.headers.slice(3)]);
    for (const f of column(revenue, "Funds")) expect(needs.has(String(f))).toBe(true);
    for (const s of column(revenue, "School Share")) if (s !== null) expect(num(s)).toBeLessThanOrEqual(1);
  });

  test("policy settings, including the planning settings", () => {
    const rows = table("Policy").rows;
    expect(rows.slice(0, 6)).toEqual([
      ["Foundation Per School", 150_000],
      ["Hold Harmless", 0.95],
      ["Gain Cap", 0.08],
      ["Phase In", 1],
      ["Rounding", "dollar"],
      ["Learning Gain Unit", "effect size"],
    ]);
    expect(rows.slice(6).map((r) => r[0])).toEqual([
      "Budget Year", "Plan Years", "Enrollment Growth", "Enrollment Growth High", "Revenue Growth",
      "Revenue Growth State Base Aid", "Revenue Growth Title I Part A", "Target Year", "Hold Harmless Decay", "Revenue Trigger",
    ]);
    // The trigger sits a little above this year's unlocked pool, so the weights turn on in a later plan year.
    const revenue = table("Revenue");
    const pool = revenue.rows.filter((r) => r[4] === "Unlocked").reduce((a, r) => a + num(r[3] ?? null) * num(r[5] ?? null), 0);
    const trigger = num(rows.find((r) => r[0] === "Revenue Trigger")?.[1] ?? null);
    expect(trigger).toBeGreaterThan(pool);
    expect(trigger).toBeLessThan(pool * 1.05);
  });

  test("planning tables: ~60 budget lines with FTE, 31 opportunities in 7 areas totalling about $8M, a few projections", () => {
    const lines = table("Budget Lines");
    expect(lines.headers).toEqual(["Fund", "Area", "Function", "Object", "School ID", "Amount", "FTE"]);
    expect(lines.rows.length).toBeGreaterThanOrEqual(55);
    expect(lines.rows.length).toBeLessThanOrEqual(70);
    const where = new Set(column(lines, "School ID").map(String));
    expect(where.has("Central")).toBe(true);
    for (const id of ids) expect(where.has(id)).toBe(true);
    const areas = new Set(column(lines, "Area").map(String));
    for (const a of ["Instruction", "Special Education", "Operations", "Central Administration"]) expect(areas.has(a)).toBe(true);
    const fns = new Set(column(lines, "Function").map(String));
    for (const f of ["Transportation", "Food Service", "Maintenance"]) expect(fns.has(f)).toBe(true);
    expect(column(lines, "FTE").filter((f) => typeof f === "number").length).toBeGreaterThan(50);

    const opp = table("Opportunities");
    expect(opp.rows).toHaveLength(31);
    expect(new Set(column(opp, "Area")).size).toBe(7);
    const mid = opp.rows.reduce((a, r) => a + (num(r[2] ?? null) + num(r[3] ?? null)) / 2, 0);
    expect(mid).toBeGreaterThan(7_000_000);
    expect(mid).toBeLessThan(9_500_000);
    for (const r of opp.rows) expect(num(r[3] ?? null)).toBeGreaterThanOrEqual(num(r[2] ?? null));
    expect(column(opp, "Contract End Date").some((d) => d instanceof Date)).toBe(true);
    expect(new Set(column(opp, "Constraint"))).toEqual(new Set(["Rigid", "Preference"]));

    const proj = table("Projections");
    expect(proj.headers).toEqual(["Year", "Kind", "Key", "School ID", "Value"]);
    expect(proj.rows.length).toBeGreaterThanOrEqual(3);
    expect(new Set(column(proj, "Kind"))).toEqual(new Set(["Enrollment", "Revenue"]));
  });

  test("initiatives: a realistic inventory with partial outcome data", () => {
    const init = table("Initiatives");
    const names = column(init, "Initiative").map(String);
    expect(names.length).toBeGreaterThanOrEqual(20);
    expect(names.length).toBeLessThanOrEqual(30);
    expect(new Set(names).size).toBe(names.length);
    const gains = column(init, "Learning Gain");
    const blank = gains.filter((g) => g === null).length;
    expect(blank / gains.length).toBeGreaterThanOrEqual(0.5);
    expect(blank / gains.length).toBeLessThanOrEqual(0.7);
    for (const g of gains) if (g !== null) {
      expect(num(g)).toBeGreaterThanOrEqual(-0.05);
      expect(num(g)).toBeLessThanOrEqual(0.45);
    }
    for (const c of column(init, "Importance")) expect([1, 2, 3, 4, 5]).toContain(c);
    const eff = column(init, "Effectiveness");
    expect(eff.filter((e) => e === null).length).toBeGreaterThan(0);
    for (const e of eff) if (e !== null) expect([1, 2, 3, 4, 5]).toContain(e);
    expect(column(init, "Staff Hours").some((h) => h === null)).toBe(true);
    expect(column(init, "Indirect Cost").some((h) => h === null)).toBe(true);
    expect(new Set(column(init, "Strategic Priority")).size).toBeGreaterThanOrEqual(4);
    const idSet = new Set(ids);
    for (const s of column(init, "Schools").map(String)) {
      if (s === "All") continue;
      const list = s.split(",").map((x) => x.trim());
      expect(list.length).toBeGreaterThan(0);
      for (const id of list) expect(idSet.has(id)).toBe(true);
    }
    const served = column(init, "Students Served").map(num);
    for (const n of served) expect(n).toBeLessThanOrEqual(22_000);
    for (const c of column(init, "Direct Cost")) expect(num(c)).toBeGreaterThan(0);
  });

  test("initiatives: a Funding Source column naming Revenue sources, with shares adding to 100%, blank for about a third", () => {
    const init = table("Initiatives");
    expect(init.headers[init.headers.length - 1]).toBe("Funding Source");
    const sources = new Set(column(table("Revenue"), "Source").map(String));
    const byName = new Map(init.rows.map((r) => [String(r[0]), r[init.headers.indexOf("Funding Source")] ?? null]));
    expect(byName.get("High-Dosage Tutoring")).toBe("Title I Part A");
    expect(byName.get("Newcomer EL Program")).toBe("Title III");
    expect(byName.get("Pre-K Expansion")).toBe("State Compensatory Ed");
    expect(byName.get("1:1 Student Devices")).toBe("Local Levy 70%; State Base Aid 30%");
    const given = [...byName.values()].filter((v) => v !== null).map(String);
    const blank = byName.size - given.length;
    expect(blank / byName.size).toBeGreaterThanOrEqual(0.25);
    expect(blank / byName.size).toBeLessThanOrEqual(0.4);
    for (const text of given) {
      const parts = text.split("; ").map((p) => /^(.*?)(?: (\d+)%)?$/.exec(p) as RegExpExecArray);
      for (const m of parts) expect(sources.has(m[1])).toBe(true);
      if (parts.length > 1) expect(parts.reduce((t, m) => t + Number(m[2]), 0)).toBe(100);
      else expect(parts[0][2]).toBeUndefined();
    }
  });

  test("initiative segments break down three initiatives consistently", () => {
    const seg = table("Initiative Segments");
    expect(seg.headers).toEqual(["Initiative", "Segment", "Students Served", "Learning Gain", "Cost"]);
    const init = table("Initiatives");
    const byName = new Map(init.rows.map((r) => [String(r[0]), r]));
    const groups = new Map<string, Cell[][]>();
    for (const r of seg.rows) groups.set(String(r[0]), [...(groups.get(String(r[0])) ?? []), r]);
    expect(groups.size).toBe(3);
    expect(seg.rows).toContainEqual(["Math Intervention", "1+ year behind", 180, 0.38, null]);
    expect(seg.rows).toContainEqual(["Math Intervention", "less than 1 year behind", 240, 0.01, null]);
    const col = (h: string): number => init.headers.indexOf(h);
    for (const [name, rows] of groups) {
      const it = byName.get(name);
      if (!it) throw new Error(`segment of unknown initiative ${name}`);
      const students = rows.reduce((a, r) => a + num(r[2] ?? null), 0);
      expect(students).toBe(it[col("Students Served")]);
      const gain = rows.reduce((a, r) => a + num(r[2] ?? null) * num(r[3] ?? null), 0) / students;
      expect(gain).toBeCloseTo(num(it[col("Learning Gain")] ?? null), 1);
      const costs = rows.map((r) => r[4] ?? null);
      if (costs.every((c) => c !== null)) {
        const total =
          num(it[col("Direct Cost")] ?? null) +
          num(it[col("Staff Hours")] ?? null) * num(it[col("Hourly Cost")] ?? null) +
          num(it[col("Indirect Cost")] ?? null);
        expect(costs.reduce<number>((a, c) => a + num(c), 0)).toBe(total);
      }
    }
  });

  test.each([1, 2, 3, 99, 123456])("core invariants hold for seed %i too", (seed) => {
    const t = sampleDistrict(seed);
    const sch = t.schools as RawTable;
    const enr = t.enrollment as RawTable;
    const totals = new Map<string, { students: number; poverty: number }>();
    for (const r of enr.rows) {
      const students = num(r[2] ?? null);
      for (const c of r.slice(3)) expect(num(c)).toBeLessThanOrEqual(students);
      const cur = totals.get(String(r[0])) ?? { students: 0, poverty: 0 };
      cur.students += students;
      cur.poverty += num(r[3] ?? null);
      totals.set(String(r[0]), cur);
    }
    const students = [...totals.values()].reduce((a, x) => a + x.students, 0);
    expect(students).toBeGreaterThanOrEqual(18_000);
    expect(students).toBeLessThanOrEqual(22_000);
    let binding = 0;
    for (const r of sch.rows) {
      const x = totals.get(String(r[0]));
      if (!x) throw new Error(String(r[0]));
      expect(r[4]).toBe(x.poverty * 100 >= 40 * x.students ? "Yes" : "No");
      if (num(r[3] ?? null) > 0.95 * num(r[2] ?? null)) binding++;
    }
    expect(binding).toBeGreaterThanOrEqual(1);
  });
});
