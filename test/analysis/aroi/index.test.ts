import { aroiWarningText } from "../../../src/words/aroi";
import fc from "fast-check";
import { analyseInitiatives, aroiJson, DEFAULT_GAIN_UNIT, withOverrides } from "../../../src/analysis/aroi";
import { ini, inventory, POLICY, SCHOOL_IDS, seg, segments } from "./fixture";

describe("analyseInitiatives", () => {
  const a = analyseInitiatives(inventory(), segments(), POLICY, undefined, undefined, SCHOOL_IDS);

  test("ranked results with ranks, totals and final actions", () => {
    expect(a.unit).toBe("effect size");
    expect(a.results.map((r) => [r.rank, r.name, r.action])).toEqual([
      [1, "Peer Tutoring", "expand"],
      [2, "Reading Buddies", "expand"],
      [3, "Summer Learning", "keep"],
      [4, "Math Intervention", "segment"],
      [5, "Co-Teaching", "fix"],
      [6, "Tech PD", "replace"],
      [7, "Chess Club", "sunset"],
      [null, "Family Nights", "collect data"],
      [null, "Mentoring", "collect data"],
    ]);
    // $760,000 over 2,180 students; 7 with an A-ROI
    expect(a.totals).toEqual({ initiatives: 9, cost: 76_000_000, students: 2_180, withAroi: 7 });
    expect(a.actionCounts).toEqual({ expand: 2, keep: 1, segment: 1, fix: 1, replace: 1, sunset: 1, "collect data": 2 });
    expect(a.segments.map((s) => s.initiative)).toEqual(["Math Intervention"]);
    expect(a.breakdowns.map((b) => b.key)).toEqual(["strategicPriority", "department", "targetPopulation", "school"]);
    expect(a.coverage.all.count).toBe(1);
    expect(a.feedback.points).toHaveLength(4);
    // Chess Club's $10,000 → Peer and Reading Buddies: 66 + 33 students
    expect(a.whatIf.extraStudents).toBe(99);
    expect(a.warnings).toEqual([]);
    const mentoring = a.results.find((r) => r.name === "Mentoring");
    expect(mentoring?.aroi).toBeNull();
    expect(mentoring?.aroiWhy).toBe("noOutcome");
    expect(mentoring?.missing).toHaveLength(2);
  });

  test("summary.json initiatives: dollars, aroi per dollar, final action", () => {
    const json = aroiJson(a);
    expect(json[0]).toEqual({ name: "Peer Tutoring", totalCost: 25_000, students: 200, gain: 0.25, aroi: expect.any(Number), action: "expand" });
    // 0.25 × 200 ÷ 25,000 = 0.002 gain-units × students per dollar
    expect(json[0].aroi).toBeCloseTo(0.002, 12);
    expect(json.find((j) => j.name === "Mentoring")).toEqual({ name: "Mentoring", totalCost: 40_000, students: 100, gain: null, aroi: null, action: "collect data" });
    expect(json.find((j) => j.name === "Family Nights")).toMatchObject({ totalCost: 0, gain: 0.1, aroi: null });
    for (const j of json) {
      expect(Object.keys(j).sort()).toEqual(["action", "aroi", "gain", "name", "students", "totalCost"]);
      expect(Math.round(j.totalCost * 100) / 100).toBe(j.totalCost);
    }
    // JSON round trip keeps nulls
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  test("overrides: suggested and chosen side by side; what-if follows the final action", () => {
    const o = analyseInitiatives(inventory(), segments(), POLICY, undefined, { "summer learning": { action: "sunset", note: "Budget cut" } }, SCHOOL_IDS);
    const summer = o.results.find((r) => r.name === "Summer Learning");
    expect(summer).toMatchObject({ suggested: "keep", action: "sunset", override: { action: "sunset", note: "Budget cut" } });
    // freed: Chess $10,000 + Summer $200,000 = $210,000 → by cost 25 : 5 → $175,000 / $35,000 → 1,400 + 700 students
    expect(o.whatIf.freed).toBe(21_000_000);
    expect(o.whatIf.expand.map((e) => [e.extra, e.extraStudents])).toEqual([
      [17_500_000, 1_400],
      [3_500_000, 700],
    ]);
    expect(aroiJson(o).find((j) => j.name === "Summer Learning")?.action).toBe("sunset");
    // withOverrides on the first analysis gives the same final state
    const w = withOverrides(a, { "Summer Learning": { action: "sunset", note: "Budget cut" } });
    expect(w.whatIf).toEqual(o.whatIf);
    expect(w.actionCounts.sunset).toBe(2);
    expect(withOverrides(w, {}).whatIf).toEqual(a.whatIf);
  });

  test("warnings for segment rows and overrides that name no initiative", () => {
    const o = analyseInitiatives(inventory(), [...segments(), seg("Ghost", "A", 10, 0.1)], POLICY, undefined, {
      Nobody: { action: "keep", note: "" },
      "Tech PD": { action: "cut" as never, note: "" },
    });
    // Data in the analysis, the same sentences as before in words.
    expect(o.warnings).toEqual([
      { code: "segmentUnknown", row: expect.any(Number), initiative: "Ghost" },
      { code: "overrideUnknown", name: "Nobody" },
      { code: "overrideAction", name: "Tech PD", action: "cut" },
    ]);
    const row = (o.warnings[0] as { row: number }).row;
    expect(o.warnings.map(aroiWarningText)).toEqual([
      `Initiative Segments row ${row}: initiative "Ghost" is not in the Initiatives table; the row is ignored.`,
      'Override for "Nobody" ignored: no initiative has that name.',
      'Override for "Tech PD" ignored: "cut" is not an action.',
    ]);
    expect(o.results.find((r) => r.name === "Tech PD")?.action).toBe("replace");
  });

  test("defaults: blank unit, no segments table, empty inventory", () => {
    const e = analyseInitiatives([], null, { gainUnit: "  " });
    expect(e.unit).toBe(DEFAULT_GAIN_UNIT);
    expect(e.results).toEqual([]);
    expect(aroiJson(e)).toEqual([]);
    const one = analyseInitiatives([ini({ name: "Solo", directCost: 100_000, studentsServed: 10, learningGain: 0.5 })], null, POLICY);
    // 0.5 × 10 ÷ $1,000 = 0.005; the only one is the top third and at the median → expand
    expect(one.results[0].aroi).toBeCloseTo(0.005, 12);
    expect(one.results[0].action).toBe("expand");
  });

  test("property: the ranked order does not depend on the input order", () => {
    const base = inventory();
    fc.assert(
      fc.property(fc.shuffledSubarray(base, { minLength: base.length, maxLength: base.length }), (shuffled) => {
        const b = analyseInitiatives(shuffled, segments(), POLICY, undefined, undefined, SCHOOL_IDS);
        expect(aroiJson(b)).toEqual(aroiJson(a));
        expect(b.whatIf).toEqual(a.whatIf);
      }),
      { numRuns: 30 },
    );
  });
});
