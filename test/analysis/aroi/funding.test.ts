import fc from "fast-check";
import {
  analyseInitiatives,
  fundingPlace,
  fundingSchools,
  hasFundingSources,
  parseFunding,
  reconcileFunding,
  schoolShortfalls,
  SHARE_UNITS,
  type FundingAllocation,
  type FundingReconciliation,
} from "../../../src/analysis/aroi";
import type { Initiative, RawTable } from "../../../src/engine/types";
import { fundingFlagText, fundingSummaryLine } from "../../../src/words/funding";
import { ini, POLICY } from "./fixture";

/** A source of a hand-made allocation; toSchools = Σ bySchool, amount = central + surplus + toSchools. */
function src(name: string, central: number, surplus: number, bySchool: number[]) {
  const toSchools = bySchool.reduce((a, b) => a + b, 0);
  return { name, amount: central + surplus + toSchools, central, surplus, toSchools, bySchool };
}

/**
 * Three schools, three sources (cents):
 *   Title I Part A  central $15,000.00, to schools S1 $50,000 + S2 $35,000 + S3 $0      = $100,000.00
 *   Local Levy      central $20,000.00 + surplus $0.50, to schools $10,000 + $10,000 + $9,999.50 = $50,000.00
 *   Title III       central  $2,000.00, to schools $1,000 + $3,000 + $4,000             = $10,000.00
 */
const ALLOC: FundingAllocation = {
  district: { schools: [{ id: "S1" }, { id: "S2" }, { id: "S3" }] },
  sources: [
    src("Title I Part A", 1_500_000, 0, [5_000_000, 3_500_000, 0]),
    src("Local Levy", 2_000_000, 50, [1_000_000, 1_000_000, 999_950]),
    src("Title III", 200_000, 0, [100_000, 300_000, 400_000]),
  ],
};

const funded = (name: string, schools: string, cents: number, funding: string | null): Initiative =>
  ini({ name, schools, directCost: cents, studentsServed: 100, attributes: funding === null ? {} : { fundingsource: funding } });

/**
 * Tutoring   S1,S2  $60,000.00  Title I Part A                      → Title I (schools) $60,000.00
 * Devices    All    $10,000.01  Local Levy 70%; Title I Part A 30%   → 1,000,001 × 0.7 = 700,000.7, × 0.3 = 300,000.3:
 *                                                                      floors 700,000 + 300,000, the left-over cent to
 *                                                                      the larger remainder (.7) → Levy 700,001, Title I 300,000 (central)
 * Newcomer   S1     $5,000.00   Title III                           → Title III (schools) $5,000.00
 * SEL        S3     $3,000.00   (none)
 * Summer     S2;S3  $40,000.00  Title I Part A 50%, Title III 50%   → Title I $20,000.00 + Title III $20,000.00 (schools)
 */
function inventory(): Initiative[] {
  return [
    funded("Tutoring", "S1, S2", 6_000_000, "Title I Part A"),
    funded("Devices", "All", 1_000_001, "Local Levy 70%; Title I Part A 30%"),
    funded("Newcomer", "S1", 500_000, "title iii"),
    funded("SEL", "S3", 300_000, null),
    funded("Summer", "S2;S3", 4_000_000, "Title I Part A 50%, Title III 50%"),
  ];
}

function reconcile(items: Initiative[], alloc: FundingAllocation = ALLOC): FundingReconciliation {
  const r = reconcileFunding(items.map((initiative) => ({ initiative, total: initiative.directCost })), alloc);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.reconciliation;
}

describe("reconcileFunding", () => {
  const r = reconcile(inventory());

  test("per initiative: sources, shares and amounts; the one without a source is listed as such", () => {
    expect(r.initiatives.map((x) => [x.name, x.scope, x.schools, x.charges.map((c) => [c.source, c.share, c.amount, c.paidFrom])])).toEqual([
      ["Tutoring", "schools", ["S1", "S2"], [["Title I Part A", 1, 6_000_000, "schools"]]],
      ["Devices", "district", [], [["Local Levy", 0.7, 700_001, "central"], ["Title I Part A", 0.3, 300_000, "central"]]],
      ["Newcomer", "schools", ["S1"], [["Title III", 1, 500_000, "schools"]]],
      ["Summer", "schools", ["S2", "S3"], [["Title I Part A", 0.5, 2_000_000, "schools"], ["Title III", 0.5, 2_000_000, "schools"]]],
    ]);
    expect(r.withoutSource).toEqual([{ name: "SEL", index: 3, sheetRow: expect.any(Number), totalCost: 300_000 }]);
    // 6,000,000 + 1,000,001 + 500,000 + 4,000,000 = 11,500,001 funded; SEL 300,000 not.
    expect(r.totals).toEqual({ initiatives: 5, funded: 4, fundedCost: 11_500_001, unfundedCost: 300_000, charged: 11_500_001, overCommitted: ["Title III"] });
  });

  test("per source: held centrally, to schools, charges, what is left", () => {
    const [t1, levy, t3] = r.sources;
    // Title I: central 300,000 (Devices); schools 6,000,000 (Tutoring) + 2,000,000 (Summer) = 8,000,000.
    expect(t1).toMatchObject({
      amount: 10_000_000, heldCentrally: 1_500_000, toSchools: 8_500_000, chargedCentral: 300_000, chargedSchools: 8_000_000,
      charged: 8_300_000, centralLeft: 1_200_000, schoolsLeft: 500_000, remainder: 1_700_000, initiatives: 3, flags: [],
    });
    // Levy: held centrally 2,000,000 + 50 surplus = 2,000,050; Devices 700,001 → 1,300,049 left there.
    expect(levy).toMatchObject({
      amount: 5_000_000, central: 2_000_000, surplus: 50, heldCentrally: 2_000_050, toSchools: 2_999_950, chargedCentral: 700_001,
      chargedSchools: 0, centralLeft: 1_300_049, schoolsLeft: 2_999_950, remainder: 4_299_999, flags: [],
    });
    // Title III: schools 500,000 (Newcomer at S1) + 2,000,000 (Summer at S2, S3) = 2,500,000 > 800,000 to schools.
    expect(t3).toMatchObject({ amount: 1_000_000, chargedSchools: 2_500_000, schoolsLeft: -1_700_000, remainder: -1_500_000 });
  });

  test("Title III: two separate over-committed groups, each in plain words", () => {
    // Newcomer charges S1 $5,000 but S1 receives $1,000; Summer charges S2+S3 $20,000 but they receive $3,000 + $4,000.
    expect(r.flags.map((f) => [f.source, f.kind, f.initiatives, f.schools, f.charged, f.available, f.shortfall])).toEqual([
      ["Title III", "schools", ["Newcomer"], ["S1"], 500_000, 100_000, 400_000],
      ["Title III", "schools", ["Summer"], ["S2", "S3"], 2_000_000, 700_000, 1_300_000],
    ]);
    expect(fundingFlagText(r.flags[0])).toBe("Title III: Newcomer charges $5,000.00 to the school S1 but that school receives $1,000.00 from it ($4,000.00 short).");
    expect(fundingFlagText(r.flags[1])).toBe("Title III: Summer charges $20,000.00 to the schools S2 and S3 but those schools receive $7,000.00 from it ($13,000.00 short).");
    expect(r.sources[2].flags).toEqual(r.flags);
    expect(fundingSummaryLine(r)).toBe(
      "Funding: 4 of 5 initiatives name a source ($115,000.01 charged); 1 without a funding source; 1 source over-committed: Title III.",
    );
  });

  test("central flag when district-wide initiatives charge more than the holdback + surplus", () => {
    // Levy central money: 2,000,000 + 50 = 2,000,050. Two district-wide initiatives charge 1,500,000 + 500,051 = 2,000,051.
    const items = [funded("Coaching", "All", 1_500_000, "Local Levy"), funded("PBIS", "", 500_051, "Local Levy 100%")];
    const x = reconcile(items);
    expect(x.flags).toHaveLength(1);
    expect(x.flags[0]).toMatchObject({ kind: "central", initiatives: ["Coaching", "PBIS"], charged: 2_000_051, available: 2_000_050, shortfall: 1 });
    expect(fundingFlagText(x.flags[0])).toBe(
      "Local Levy: the district-wide initiatives Coaching and PBIS charge $20,000.51 to central money but only $20,000.50 of it is held centrally ($0.01 short).",
    );
    // One cent less fits exactly: no flag.
    expect(reconcile([items[0], funded("PBIS", "All", 500_050, "Local Levy")]).flags).toEqual([]);
    expect(fundingSummaryLine(reconcile([items[0]]))).toBe("Funding: 1 of 1 initiative names a source ($15,000.00 charged); no source is over-committed.");
  });

  test("a school that receives nothing from the source cannot pay for an initiative charged to it", () => {
    const x = reconcile([funded("Lab", "S3", 1, "Title I Part A")]);
    expect(x.flags.map(fundingFlagText)).toEqual(["Title I Part A: Lab charges $0.01 to the school S3 but that school receives $0.00 from it ($0.01 short)."]);
  });

  test("takes the A-ROI analysis (costs in table order, staff and indirect cost included)", () => {
    // Total = 10,000 + 10 h × $50 + 1,000 = $11,500.00 → 1,150,000 cents.
    const items = [
      ini({ name: "B", schools: "All", directCost: 1_000_000, staffHours: 10, hourlyCost: 5_000, indirectCost: 100_000, studentsServed: 10, learningGain: 0.1, attributes: { fundingsource: "Local Levy" } }),
      ini({ name: "A", schools: "All", directCost: 100, studentsServed: 10, learningGain: 0.5 }),
    ];
    const a = analyseInitiatives(items, null, POLICY);
    expect(a.results.map((x) => x.name)).toEqual(["A", "B"]); // ranked
    const res = reconcileFunding(a, ALLOC);
    if (!res.ok) throw new Error("unexpected errors");
    expect(res.reconciliation.initiatives.map((x) => [x.name, x.index, x.totalCost])).toEqual([["B", 0, 1_150_000]]);
    expect(res.reconciliation.withoutSource.map((x) => x.name)).toEqual(["A"]);
  });
});

describe("Funding Source cells", () => {
  const specs = (texts: string[], alloc = ALLOC) => {
    const p = parseFunding(texts.map((t, k) => funded(`I${k}`, "All", 100, t)), alloc);
    if (!p.ok) throw new Error(JSON.stringify(p.errors));
    return p.specs.map((s) => s.shares);
  };

  test("one name is 100%; shares with %, (…%), ': 0.75' and plain numbers; names case- and space-insensitive", () => {
    expect(specs(["  title  i part a "])).toEqual([[{ source: 0, units: SHARE_UNITS }]]);
    expect(specs(["Local Levy (25%); Title III: 0.75"])).toEqual([[{ source: 1, units: 25_000_000 }, { source: 2, units: 75_000_000 }]]);
    expect(specs(["Local Levy 40, Title III 60"])).toEqual([[{ source: 1, units: 40_000_000 }, { source: 2, units: 60_000_000 }]]);
    // Thirds to the millionth of a percent: 33.333333 + 33.333333 + 33.333334 = 100.
    expect(specs(["Title I Part A 33.333333%; Local Levy 33.333333%; Title III 33.333334%"])[0]?.map((s) => s.units)).toEqual([33_333_333, 33_333_333, 33_333_334]);
    // Blank: no source (null), never guessed.
    expect(specs([""])).toEqual([null]);
  });

  test("a source name with a comma is recognised; ',' still separates the others", () => {
    const alloc: FundingAllocation = { district: ALLOC.district, sources: [src("Title I, Part A", 0, 0, [1, 1, 1]), src("Local Levy", 0, 0, [1, 1, 1])] };
    expect(specs(["Title I, Part A 60%, Local Levy 40%"], alloc)).toEqual([[{ source: 0, units: 60_000_000 }, { source: 1, units: 40_000_000 }]]);
    expect(specs(["Title I, Part A"], alloc)).toEqual([[{ source: 0, units: SHARE_UNITS }]]);
  });

  test("every problem located in one pass (row, column, cell, sheet), nothing computed", () => {
    const raw: RawTable = {
      name: "Initiatives",
      headers: ["Initiative", "Schools", "Direct Cost", "Students Served", "Funding source"],
      rows: [],
      origin: { sheet: "Programs", headerRow: 3, firstColumn: 2, kind: "sheet" },
    };
    const place = fundingPlace(raw);
    expect(place).toEqual({ sheet: "Programs", fundingHeader: "Funding source", fundingLetter: "F", schoolsHeader: "Schools", schoolsLetter: "C" });
    const rows: [string, string][] = [
      ["All", "Title 1"],
      ["All", "Local Levy 60%; Title III 30%"],
      ["All", "Local Levy; Title III"],
      ["All", "Local Levy 140%"],
      ["All", "Local Levy abc%"],
      ["All", "Local Levy 50%, local levy 50%"],
      ["S1, S9", "Title III"],
      ["S9", ""],
      ["All", "40%"],
    ];
    const items = rows.map(([schools, f], k) => ini({ name: `I${k}`, schools, directCost: 100, sheetRow: 4 + k, attributes: f ? { fundingsource: f } : {} }));
    expect(hasFundingSources(items)).toBe(true);
    const res = reconcileFunding(items.map((initiative) => ({ initiative, total: 100 })), ALLOC, place);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    const one = (row: number, cell: string, column: string) => ({ table: "Initiatives", row, column, cell, sheet: "Programs" });
    const F = "Funding source";
    expect(res.errors).toEqual([
      { ...one(4, "F4", F), expected: expect.stringContaining("a Revenue source name (one of Title I Part A, Local Levy and Title III)"), found: '"Title 1" (no Revenue source has that name)' },
      { ...one(5, "F5", F), expected: "shares adding up to 100%", found: '"Local Levy 60%; Title III 30%", which adds up to 90%' },
      { ...one(6, "F6", F), expected: expect.stringContaining("a share after each source"), found: '"Local Levy" and "Title III" without a share' },
      { ...one(7, "F7", F), expected: expect.stringContaining("a share above 0% and at most 100%"), found: '"Local Levy 140%"' },
      { ...one(8, "F8", F), expected: expect.stringContaining("a share above 0% and at most 100%"), found: '"Local Levy abc%"' },
      { ...one(9, "F9", F), expected: "each source named once", found: '"Local Levy" twice ("Local Levy 50%" and "local levy 50%")' },
      { ...one(10, "C10", "Schools"), expected: "School IDs of the Schools table (or All) for an initiative with a Funding Source", found: '"S9" (not a School ID)' },
      // Row 11 has no Funding Source: its Schools list is not checked here.
      { ...one(12, "F12", F), expected: expect.stringContaining("a Revenue source name"), found: '"40%" (no Revenue source has that name)' },
    ]);
  });

  test("without a place the column is the contract name and no cell is given", () => {
    const p = parseFunding([funded("X", "All", 1, "Nope")], ALLOC);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.errors[0]).toMatchObject({ table: "Initiatives", column: "Funding Source", found: '"Nope" (no Revenue source has that name)' });
    expect(p.ok ? undefined : p.errors[0].cell).toBeUndefined();
    expect(hasFundingSources([funded("X", "All", 1, null)])).toBe(false);
    expect(hasFundingSources(null)).toBe(false);
  });

  test("Schools: All or blank is district-wide; lists are de-duplicated", () => {
    expect(fundingSchools("All")).toBeNull();
    expect(fundingSchools(" all schools ")).toBeNull();
    expect(fundingSchools("")).toBeNull();
    expect(fundingSchools("S1; S2|s1\nS3")).toEqual(["S1", "S2", "S3"]);
  });
});

describe("schoolShortfalls (maximum flow)", () => {
  test("shared schools: the flow routes each charge to a school that can pay", () => {
    // A 400 at schools 0 or 1, B 300 at school 1; school 0 gives 400, school 1 gives 300: A ← 0, B ← 1.
    expect(schoolShortfalls([{ name: "A", amount: 400, schools: [0, 1] }, { name: "B", amount: 300, schools: [1] }], [400, 300])).toEqual([]);
  });

  test("a group that its schools cannot pay together", () => {
    // 600 + 300 = 900 charged to schools 0, 1 that give 500 + 350 = 850.
    expect(schoolShortfalls([{ name: "A", amount: 600, schools: [0, 1] }, { name: "B", amount: 300, schools: [1] }], [500, 350])).toEqual([
      { charges: [0, 1], schools: [0, 1], charged: 900, available: 850 },
    ]);
  });

  test("a local shortfall that a district total would hide", () => {
    // 100 + 100 = 200 ≤ 50 + 500 in total, but A's school 0 gives only 50.
    expect(schoolShortfalls([{ name: "A", amount: 100, schools: [0] }, { name: "B", amount: 100, schools: [1] }], [50, 500])).toEqual([
      { charges: [0], schools: [0], charged: 100, available: 50 },
    ]);
  });

  test("property: the flagged shortfall equals the worst Hall deficiency over every subset of charges (brute force)", () => {
    const arb = fc.record({
      bySchool: fc.array(fc.nat(1_000), { minLength: 1, maxLength: 5 }),
      charges: fc.array(fc.record({ amount: fc.nat(1_500), picks: fc.array(fc.nat(4), { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 6 }),
    });
    fc.assert(
      fc.property(arb, ({ bySchool, charges }) => {
        const list = charges.map((c, i) => ({ name: `C${i}`, amount: c.amount, schools: [...new Set(c.picks.map((p) => p % bySchool.length))] }));
        let worst = 0;
        for (let mask = 1; mask < 1 << list.length; mask++) {
          const chosen = list.filter((_, i) => mask & (1 << i));
          const schools = new Set(chosen.flatMap((c) => c.schools));
          const deficiency = chosen.reduce((t, c) => t + c.amount, 0) - [...schools].reduce((t, k) => t + bySchool[k], 0);
          worst = Math.max(worst, deficiency);
        }
        const groups = schoolShortfalls(list, bySchool);
        for (const g of groups) {
          expect(g.charged).toBeGreaterThan(g.available);
          expect(g.charged).toBe(g.charges.reduce((t, i) => t + list[i].amount, 0));
          expect(g.available).toBe(g.schools.reduce((t, k) => t + bySchool[k], 0));
          // Every school of the group's charges is in the group.
          for (const i of g.charges) for (const k of list[i].schools) expect(g.schools).toContain(k);
        }
        expect(groups.reduce((t, g) => t + g.charged - g.available, 0)).toBe(worst);
      }),
      { numRuns: 300 },
    );
  });
});

describe("conservation (property)", () => {
  test("Σ charges of an initiative = its total cost; Σ over sources = Σ costs of the funded initiatives", () => {
    const names = ["Alpha", "Beta Fund", "Gamma", "Delta Grant"];
    const alloc: FundingAllocation = {
      district: { schools: [{ id: "A1" }, { id: "B2" }, { id: "C3" }] },
      sources: names.map((n, k) => src(n, 1_000 * k, k, [10_000, 20_000 * k, 5])),
    };
    const item = fc.record({
      cost: fc.nat(5_000_000_000),
      schools: fc.constantFrom("All", "", "A1", "A1, C3", "B2;C3;A1"),
      // Integer percents adding to 100 over 1-4 distinct sources, or no source.
      split: fc.option(
        fc.shuffledSubarray([0, 1, 2, 3], { minLength: 1 }).chain((srcs) =>
          fc.array(fc.integer({ min: 1, max: 100 }), { minLength: srcs.length - 1, maxLength: srcs.length - 1 }).map((cuts) => {
            const points = [...new Set(cuts.map((c) => Math.min(c, 99)))].sort((a, b) => a - b);
            const bounds = [0, ...points, 100];
            return bounds.slice(1).map((b, i) => ({ source: srcs[i], pct: b - bounds[i] }));
          }),
        ),
        { nil: null },
      ),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 8 }), (list) => {
        const items = list.map((x, k) => ({
          initiative: ini({ name: `I${k}`, schools: x.schools, attributes: x.split ? { fundingsource: x.split.map((s) => `${names[s.source]} ${s.pct}%`).join("; ") } : {} }),
          total: x.cost,
        }));
        const res = reconcileFunding(items, alloc);
        if (!res.ok) throw new Error(JSON.stringify(res.errors));
        const r = res.reconciliation;
        for (const f of r.initiatives) expect(f.charges.reduce((t, c) => t + c.amount, 0)).toBe(f.totalCost);
        const fundedCost = items.filter((_, k) => list[k].split !== null).reduce((t, x) => t + x.total, 0);
        expect(r.sources.reduce((t, s) => t + s.charged, 0)).toBe(fundedCost);
        expect(r.totals.fundedCost + r.totals.unfundedCost).toBe(items.reduce((t, x) => t + x.total, 0));
        for (const s of r.sources) {
          expect(s.remainder).toBe(s.centralLeft + s.schoolsLeft);
          expect(s.chargedCentral).toBe(r.initiatives.flatMap((f) => f.charges).filter((c) => c.sourceIndex === s.sourceIndex && c.paidFrom === "central").reduce((t, c) => t + c.amount, 0));
        }
      }),
      { numRuns: 200 },
    );
  });
});
