import { analyseInitiatives, reconcileFunding, type FundingAllocation, type FundingReconciliation } from "../../src/analysis/aroi";
import {
  aroiFundingPlan,
  aroiPlans,
  AROI_FUNDING_ROLE,
  AROI_FUNDING_SHEET,
  AROI_SHEETS,
  FUNDING_SOURCE_COLUMNS,
  INVENTORY_COLUMNS,
} from "../../src/report/aroi";
import { a1 } from "../../src/report/names";
import type { PlanTable, SheetPlan } from "../../src/report/plan";
import { ini, inventory, POLICY, SCHOOL_IDS, segments } from "../analysis/aroi/fixture";

const analysis = analyseInitiatives(inventory(), segments(), POLICY, undefined, undefined, SCHOOL_IDS);
const plans = aroiPlans(analysis);
const sheet = (name: string) => plans.find((p) => p.name === name) as SheetPlan;
const table = (p: SheetPlan, name: string) => p.tables.find((t) => t.name === name) as PlanTable;

/** "J6:J12" → { col: 9, r1: 5, r2: 11 } (0-based). */
function parseRange(range: string) {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
  if (!m) throw new Error(`bad range ${range}`);
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  expect(m[1]).toBe(m[3]);
  return { col: col(m[1]), r1: Number(m[2]) - 1, r2: Number(m[4]) - 1 };
}

/** The values a range covers in a table column (the range must lie inside the table's data rows). */
function valuesAt(t: PlanTable, range: string) {
  const { col, r1, r2 } = parseRange(range);
  expect(r1).toBeGreaterThanOrEqual(t.r + 1);
  expect(r2).toBeLessThanOrEqual(t.r + t.rows.length);
  const c = col - t.c;
  expect(c).toBeGreaterThanOrEqual(0);
  expect(c).toBeLessThan(t.headers.length);
  return { header: t.headers[c], values: t.rows.slice(r1 - t.r - 1, r2 - t.r).map((row) => row[c]) };
}

describe("A-ROI sheet plans", () => {
  test("six sheets with roles, unique table names", () => {
    expect(plans.map((p) => p.name)).toEqual(Object.values(AROI_SHEETS));
    expect(new Set(plans.map((p) => p.role)).size).toBe(6);
    const names = plans.flatMap((p) => p.tables.map((t) => t.name.toLowerCase()));
    expect(new Set(names).size).toBe(names.length);
    for (const t of plans.flatMap((p) => p.tables)) {
      expect(new Set(t.headers).size).toBe(t.headers.length);
      for (const row of t.rows) expect(row).toHaveLength(t.headers.length);
      if (t.formats) expect(t.formats).toHaveLength(t.headers.length);
    }
  });

  test("tables and cells never overlap on a sheet", () => {
    for (const p of plans) {
      const used = new Map<string, string>();
      const mark = (r: number, c: number, what: string) => {
        const k = a1(r, c);
        expect(used.get(k) ?? what).toBe(what);
        used.set(k, what);
      };
      for (const t of p.tables) {
        const h = 1 + t.rows.length + (t.totals?.length ? 1 : 0);
        for (let r = t.r; r < t.r + h; r++) for (let c = t.c; c < t.c + t.headers.length; c++) mark(r, c, t.name);
      }
      for (const cell of p.cells) mark(cell.r, cell.c, `cell ${cell.r},${cell.c}`);
    }
  });

  test("inventory: ranked rows in dollars, unit in the headers", () => {
    const t = table(sheet(AROI_SHEETS.inventory), "AROI_Inventory");
    const C = INVENTORY_COLUMNS;
    expect(t.headers[C.gain]).toBe("Learning Gain (effect size)");
    expect(t.headers[C.aroi]).toBe("A-ROI (effect size × students per $)");
    expect(t.headers[C.per1000]).toBe("A-ROI per $1,000 (effect size × students)");
    const peer = t.rows[0];
    expect(peer[C.rank]).toBe(1);
    expect(peer[C.initiative]).toBe("Peer Tutoring");
    // $20,000 direct + $4,000 staff + $1,000 indirect = $25,000; $125 per student; 2 per $1,000
    expect([peer[C.directCost], peer[C.staffCost], peer[C.indirectCost], peer[C.totalCost], peer[C.perStudent]]).toEqual([20_000, 4_000, 1_000, 25_000, 125]);
    expect(peer[C.per1000] as number).toBeCloseTo(2, 9);
    expect(peer[C.suggested]).toBe("Expand");
    expect(t.formats?.[C.totalCost]).toBe("currency");
    expect(t.formats?.[C.perStudent]).toBe("currency");
    expect(t.totals).toEqual([C.directCost, C.staffCost, C.indirectCost, C.totalCost, C.students]);
    const mentoring = t.rows[8];
    expect(mentoring[C.initiative]).toBe("Mentoring");
    expect(mentoring[C.rank]).toBeNull();
    expect(mentoring[C.aroi]).toBeNull();
    expect(mentoring[C.suggested]).toBe("Collect data");
    const notes = sheet(AROI_SHEETS.inventory).cells.map((c) => String(c.v));
    expect(notes.some((n) => n.includes("effect size × students per dollar"))).toBe(true);
  });

  test("bubble chart points at the cost, A-ROI per $1,000 and students columns of the ranked rows with an A-ROI", () => {
    const p = sheet(AROI_SHEETS.inventory);
    const t = table(p, "AROI_Inventory");
    expect(p.charts).toHaveLength(1);
    const [chart] = p.charts;
    expect(chart.kind).toBe("bubble");
    const data = table(p, "Chart_AroiBubbles");
    const s = chart.series[0];
    const x = valuesAt(data, s.categories as string);
    const y = valuesAt(data, s.values);
    const size = valuesAt(data, s.sizes as string);
    expect(x.header).toBe("Total cost $");
    expect(y.header).toBe("A-ROI per $1,000");
    expect(size.header).toBe("Students served");
    // the 7 initiatives with an A-ROI, in the inventory's ranked order, figures equal to the inventory's
    const C = INVENTORY_COLUMNS;
    const ranked = t.rows.filter((r) => typeof r[C.per1000] === "number");
    expect(y.values).toEqual(ranked.map((r) => r[C.per1000]));
    expect(x.values).toEqual([25_000, 5_000, 200_000, 100_000, 300_000, 80_000, 10_000]);
    expect(size.values).toEqual([200, 100, 400, 250, 600, 400, 50]);
    // the chart data and the chart sit below the inventory
    expect(data.r).toBeGreaterThan(t.r + t.rows.length + 1);
    expect(chart.at.r).toBe(data.r);
    expect(chart.at.c).toBeGreaterThan(data.c + data.headers.length - 1);
  });

  test("breakdown sheet: four tables and a cost-by-priority bar chart on the priority table", () => {
    const p = sheet(AROI_SHEETS.breakdown);
    expect(p.tables.map((t) => t.name)).toEqual(["AROI_By_Priority", "AROI_By_Department", "AROI_By_Population", "AROI_By_School"]);
    const pri = table(p, "AROI_By_Priority");
    expect(pri.rows[0]).toEqual(["Inclusion", 1, 300_000, 300 / 760, 600, 300_000, expect.any(Number)]);
    const [chart] = p.charts;
    expect(chart.kind).toBe("barClustered");
    const cats = valuesAt(pri, chart.series[0].categories as string);
    const vals = valuesAt(pri, chart.series[0].values);
    expect(cats.header).toBe("Strategic Priority");
    expect(vals.header).toBe("Total Cost");
    expect(cats.values).toEqual(["Inclusion", "Acceleration", "Math", "(not given)", "Belonging", "Literacy"]);
    expect(vals.values).toEqual([300_000, 210_000, 100_000, 80_000, 40_000, 30_000]);
    // school costs in dollars add up to the inventory's $760,000 to the cent
    const school = table(p, "AROI_By_School");
    const sum = school.rows.reduce((s, r) => s + Math.round((r[2] as number) * 100), 0);
    expect(sum).toBe(76_000_000);
    expect(school.rows.find((r) => r[0] === "S1")?.[2]).toBe(82_500.01);
  });

  test("feedback sheet: scatter of importance × effectiveness on the points table", () => {
    const p = sheet(AROI_SHEETS.feedback);
    const pts = table(p, "AROI_Feedback");
    const [chart] = p.charts;
    expect(chart.kind).toBe("scatter");
    const x = valuesAt(pts, chart.series[0].categories as string);
    const y = valuesAt(pts, chart.series[0].values);
    expect(x.header).toBe("Importance");
    expect(y.header).toBe("Effectiveness");
    expect(x.values).toEqual([4, 5, 3, 2]);
    expect(y.values).toEqual([4, 2, 1, 2]);
    expect(table(p, "AROI_Feedback_Quadrants").rows).toEqual([
      ["Important & effective", 1],
      ["Important, not effective", 1],
      ["Effective, less important", 0],
      ["Less important & not effective", 2],
    ]);
    expect(table(p, "AROI_Feedback_Survey").rows).toEqual([
      ["Implemented on campus", 2, 2, 5],
      ["Wanted (if not yet in place)", 1, 1, 5],
    ]);
  });

  test("coverage, segments and what-if sheets", () => {
    const cov = table(sheet(AROI_SHEETS.coverage), "AROI_Coverage");
    expect(cov.rows[3]).toEqual(["All three", 1, 1 / 9, 100_000, 100 / 760]);
    const segs = table(sheet(AROI_SHEETS.segments), "AROI_Segments");
    // $40,000 and $60,000; 0.55 and 0.05 per $1,000; flagged on the first
    expect(segs.rows.map((r) => [r[1], r[7], r[8], r[10]])).toEqual([
      ["1+ year behind", 40_000, "Split by students", "Yes"],
      ["Less than 1 year behind", 60_000, "Split by students", ""],
    ]);
    expect(segs.rows[0][9] as number).toBeCloseTo(0.55, 9);
    const w = sheet(AROI_SHEETS.whatIf);
    const expand = table(w, "AROI_WhatIf_Expand");
    expect(expand.rows).toEqual([
      ["Peer Tutoring", 25_000, 200, 125, 8_333.33, 66, 83.33],
      ["Reading Buddies", 5_000, 100, 50, 1_666.67, 33, 16.67],
    ]);
    expect(table(w, "AROI_WhatIf_Sunset").rows).toEqual([["Chess Club", 10_000]]);
    const extra = w.cells.find((c) => c.v === "Extra students reached") as { r: number };
    expect(w.cells.find((c) => c.r === extra.r && c.c === 1)?.v).toBe(99);
  });

  test("formula-like text from the workbook is written as a value, never as a formula", () => {
    const evil = analyseInitiatives(
      [
        ini({ name: "=HYPERLINK(\"http://x\")", department: "+cmd", strategicPriority: "-1+2", targetPopulation: "@SUM(A1)", directCost: 100, studentsServed: 1, learningGain: 0.1 }),
      ],
      null,
      { gainUnit: "=units" },
    );
    const ps = aroiPlans(evil);
    for (const p of ps) {
      for (const c of p.cells) expect(c.f).toBeUndefined();
      for (const t of p.tables) for (const h of t.headers) expect(typeof h).toBe("string");
    }
    const t = table(ps[0], "AROI_Inventory");
    expect(t.rows[0][INVENTORY_COLUMNS.initiative]).toBe("=HYPERLINK(\"http://x\")");
    expect(t.rows[0][INVENTORY_COLUMNS.department]).toBe("+cmd");
    const pri = table(ps[2], "AROI_By_Priority");
    expect(pri.rows[0][0]).toBe("-1+2");
  });

  test("an empty inventory gives notes instead of empty tables and no charts", () => {
    const ps = aroiPlans(analyseInitiatives([], null, POLICY));
    expect(ps).toHaveLength(6);
    for (const p of ps) {
      expect(p.charts).toEqual([]);
      for (const t of p.tables) expect(t.rows.length).toBeGreaterThan(0);
    }
    expect(ps[0].cells.some((c) => c.v === "No initiatives in the Initiatives table.")).toBe(true);
  });
});

describe("A-ROI Funding sheet", () => {
  /**
   * Two schools, two sources (cents):
   *   Title III   central $200.00, to schools S1 $100.00 + S2 $300.00       = $600.00
   *   Local Levy  central $1,000.00 + surplus $0.50, to schools $500 + $500 = $2,000.50
   */
  const alloc: FundingAllocation = {
    district: { schools: [{ id: "S1" }, { id: "S2" }] },
    sources: [
      { name: "Title III", amount: 60_000, central: 20_000, surplus: 0, toSchools: 40_000, bySchool: [10_000, 30_000] },
      { name: "Local Levy", amount: 200_050, central: 100_000, surplus: 50, toSchools: 100_000, bySchool: [50_000, 50_000] },
    ],
  };
  /**
   * =Newcomer  S1   $250.00  Title III          → S1 receives $100.00: $150.00 short
   * Devices    All  $100.01  Local Levy 70%; Title III 30% → 10,001 × 0.7 = 7,000.7, × 0.3 = 3,000.3 → 7,001 + 3,000 (central)
   * PBIS       All  $40.00   (none)
   */
  function recon(items: { name: string; schools: string; cost: number; f: string | null }[]): FundingReconciliation {
    const r = reconcileFunding(
      items.map((x) => ({ initiative: ini({ name: x.name, schools: x.schools, directCost: x.cost, attributes: x.f ? { fundingsource: x.f } : {} }), total: x.cost })),
      alloc,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.reconciliation;
  }
  const r = recon([
    { name: "=Newcomer", schools: "S1", cost: 25_000, f: "Title III" },
    { name: "Devices", schools: "All", cost: 10_001, f: "Local Levy 70%; Title III 30%" },
    { name: "PBIS", schools: "All", cost: 4_000, f: null },
  ]);
  const p = aroiFundingPlan(r);

  test("name, role, flags styled bad above the tables; no overlaps; every text a value", () => {
    expect(p.name).toBe(AROI_FUNDING_SHEET);
    expect(p.role).toBe(AROI_FUNDING_ROLE);
    const bad = p.cells.filter((c) => c.style === "bad");
    expect(bad.map((c) => c.v)).toEqual(["Title III: =Newcomer charges $250.00 to the school S1 but that school receives $100.00 from it ($150.00 short)."]);
    for (const t of p.tables) expect(bad[0].r).toBeLessThan(t.r);
    const used = new Set<string>();
    for (const t of p.tables) {
      for (const row of t.rows) expect(row).toHaveLength(t.headers.length);
      expect(t.formats).toHaveLength(t.headers.length);
      const h = 1 + t.rows.length + (t.totals?.length ? 1 : 0);
      for (let rr = t.r; rr < t.r + h; rr++) for (let c = t.c; c < t.c + t.headers.length; c++) {
        expect(used.has(a1(rr, c))).toBe(false);
        used.add(a1(rr, c));
      }
    }
    for (const c of p.cells) {
      expect(c.f).toBeUndefined();
      expect(used.has(a1(c.r, c.c))).toBe(false);
    }
  });

  test("by source: dollars with currency formats, charges, what is left and the status", () => {
    const t = table(p, "AROI_Funding_Sources");
    const C = FUNDING_SOURCE_COLUMNS;
    for (const k of [C.amount, C.heldCentrally, C.toSchools, C.chargedCentral, C.chargedSchools, C.charged, C.centralLeft, C.schoolsLeft, C.remainder]) expect(t.formats?.[k]).toBe("currency");
    // Title III: held 200.00; to schools 400.00; central 30.00 (Devices); schools 250.00 (=Newcomer); left 170.00 / 150.00; remainder 600 − 280 = 320.00.
    expect(t.rows[0]).toEqual(["Title III", 600, 200, 400, 30, 250, 280, 170, 150, 320, 2, "Over-committed by $150.00"]);
    // Levy: held 1,000.50; Devices 70.01 central; left 930.49; remainder 2,000.50 − 70.01 = 1,930.49.
    expect(t.rows[1]).toEqual(["Local Levy", 2000.5, 1000.5, 1000, 70.01, 0, 70.01, 930.49, 1000, 1930.49, 1, "OK"]);
    expect(t.totals).toContain(C.charged);
  });

  test("by initiative: one row per source with share and where it is paid from; the unfunded ones listed", () => {
    expect(table(p, "AROI_Funding_Initiatives").rows).toEqual([
      ["=Newcomer", "S1", 250, "Title III", 1, 250, "Schools' allocation"],
      ["Devices", "All (district-wide)", 100.01, "Local Levy", 0.7, 70.01, "Central money"],
      ["Devices", "All (district-wide)", 100.01, "Title III", 0.3, 30, "Central money"],
    ]);
    expect(table(p, "AROI_Funding_Initiatives").formats).toEqual(["text", "text", "currency", "text", "percent1", "currency", "text"]);
    expect(table(p, "AROI_Funding_None").rows).toEqual([["PBIS", 40]]);
  });

  test("nothing over-committed: a good line; every initiative funded: a note instead of an empty table", () => {
    const ok = aroiFundingPlan(recon([{ name: "Devices", schools: "", cost: 10_001, f: "Local Levy" }]));
    expect(ok.cells.filter((c) => c.style === "bad")).toEqual([]);
    expect(ok.cells.find((c) => c.style === "good")?.v).toMatch(/^No source is over-committed/);
    expect(ok.tables.map((t) => t.name)).toEqual(["AROI_Funding_Sources", "AROI_Funding_Initiatives"]);
    expect(ok.cells.some((c) => c.v === "Every initiative names a funding source.")).toBe(true);
    expect(table(ok, "AROI_Funding_Sources").rows.map((row) => row[FUNDING_SOURCE_COLUMNS.status])).toEqual(["Not charged", "OK"]);
  });
});
