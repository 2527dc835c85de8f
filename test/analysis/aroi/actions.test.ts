import { actionContext, applyOverrides, DEFAULT_RULES, median, suggestAction } from "../../../src/analysis/aroi/actions";
import type { ActionInput, Actionable, AroiRules } from "../../../src/analysis/aroi/actions";
import { analyseInitiatives } from "../../../src/analysis/aroi/index";
import type { ActionReason } from "../../../src/analysis/aroi/actions";
import { actionReasonText } from "../../../src/words/aroi";
import { inventory, POLICY, SCHOOL_IDS, segments } from "./fixture";

/** The reason as printed. */
const text = (x: { reason: ActionReason } | undefined): string => (x ? actionReasonText(x.reason) : "");

function actionsOf(rules?: Partial<AroiRules>) {
  const a = analyseInitiatives(inventory(), segments(), POLICY, rules, undefined, SCHOOL_IDS);
  return { a, by: new Map(a.results.map((r) => [r.name, r])) };
}

describe("suggested actions", () => {
  test("thresholds: top third of A-ROI and the median cost per student", () => {
    const { a } = actionsOf();
    // 7 initiatives with an A-ROI; ⌈7/3⌉ = 3rd best is Summer Learning at 0.6 per $1,000
    expect(a.context.topThreshold).toBeCloseTo(0.0006, 12);
    // costs per student of the 8 with cost and students: 50,125,200,200,400,400,500,500 → (200 + 400) / 2 = $300
    expect(a.context.medianPerStudent).toBe(30_000);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([])).toBeNull();
  });

  test("each rule is triggered by the fixture, with a reason naming the numbers", () => {
    const { by } = actionsOf();
    const peer = by.get("Peer Tutoring");
    expect(peer?.suggested).toBe("expand");
    expect(text(peer)).toContain("A-ROI 2 effect size × students per $1,000");
    expect(text(peer)).toContain("at or above 0.6 per $1,000");
    expect(text(peer)).toContain("$125.00");
    expect(text(peer)).toContain("$300.00");
    expect(by.get("Reading Buddies")?.suggested).toBe("expand");

    const summer = by.get("Summer Learning");
    // top third (0.6 ≥ 0.6) but $500 per student is above the $300 median
    expect(summer?.suggested).toBe("keep");
    expect(text(summer)).toContain("$500.00");
    expect(text(summer)).toContain("above the median $300.00");

    const math = by.get("Math Intervention");
    expect(math?.suggested).toBe("segment");
    expect(text(math)).toContain("1+ year behind");
    expect(text(math)).toContain("88%");

    const co = by.get("Co-Teaching");
    expect(co?.suggested).toBe("fix");
    expect(text(co)).toContain("importance 5");
    expect(text(co)).toContain("effectiveness 2");

    const tech = by.get("Tech PD");
    // gain 0.01 ≤ 0.02 with importance 3 > 2 → replace
    expect(tech?.suggested).toBe("replace");
    expect(text(tech)).toContain("0.01 effect size");
    expect(text(tech)).toContain("importance 3");

    const chess = by.get("Chess Club");
    // gain 0 ≤ 0.02 with importance 2 ≤ 2 → sunset
    expect(chess?.suggested).toBe("sunset");
    expect(text(chess)).toContain("importance 2");

    expect(by.get("Mentoring")?.suggested).toBe("collect data");
    expect(text(by.get("Mentoring"))).toContain("no outcome data");
    expect(by.get("Family Nights")?.suggested).toBe("collect data");
    expect(text(by.get("Family Nights"))).toContain("$0");
  });

  test("rules are configurable", () => {
    // no fix rule reachable: Co-Teaching's A-ROI 0.1 is below the top third → keep
    expect(actionsOf({ fixMinImportance: 6 }).by.get("Co-Teaching")?.suggested).toBe("keep");
    // and with a higher low-gain threshold its 0.05 gain (importance 5) → replace
    expect(actionsOf({ fixMinImportance: 6, lowGain: 0.06 }).by.get("Co-Teaching")?.suggested).toBe("replace");
    // the whole top half counts as top: ⌈7/2⌉ = 4th best is Math at 0.25, but segment wins for Math
    const half = actionsOf({ expandTopShare: 0.5 });
    expect(half.a.context.topThreshold).toBeCloseTo(0.00025, 12);
    // a stricter concentration rule drops the segment suggestion; Math's 0.1 gain then → keep (0.25 < 0.6)
    expect(actionsOf({ concentrationImpactShare: 0.9 }).by.get("Math Intervention")?.suggested).toBe("keep");
    expect(DEFAULT_RULES.lowGain).toBe(0.02);
    expect(Object.isFrozen(DEFAULT_RULES)).toBe(true);
  });

  test("edge cases of the rule order", () => {
    const ctx = actionContext([{ aroi: 0.001, perStudent: 100, totalCost: 1_000 }], DEFAULT_RULES, "points");
    const base: ActionInput = { gain: 0.5, aroi: 0.001, aroiWhy: null, perStudent: 100, importance: null, effectiveness: null, concentration: null };
    expect(suggestAction(base, ctx, DEFAULT_RULES).action).toBe("expand");
    // low gain with no importance rating → replace, saying it is not rated
    const low = suggestAction({ ...base, gain: 0.01 }, ctx, DEFAULT_RULES);
    expect(low.action).toBe("replace");
    expect(text(low)).toContain("not rated");
    // fix without outcome data says so
    const fix = suggestAction({ ...base, gain: null, aroi: null, aroiWhy: "noOutcome", importance: 4, effectiveness: 1 }, ctx, DEFAULT_RULES);
    expect(fix.action).toBe("fix");
    expect(text(fix)).toContain("no outcome data yet");
    // no students served: cost per student unknown → keep, not expand
    const noStudents = suggestAction({ ...base, perStudent: null }, ctx, DEFAULT_RULES);
    expect(noStudents.action).toBe("keep");
    expect(text(noStudents)).toContain("unknown");
    // an empty inventory has no thresholds
    expect(actionContext([], DEFAULT_RULES, "x")).toEqual({ unit: "x", topThreshold: null, medianPerStudent: null });
  });
});

describe("overrides", () => {
  const rows: Actionable[] = [
    { name: "Summer Learning", suggested: "keep", override: null, action: "keep" },
    { name: "Tech PD", suggested: "replace", override: { action: "fix", note: "old" }, action: "fix" },
  ];
  test("the suggested and the overridden action side by side", () => {
    const out = applyOverrides(rows, { " summer learning": { action: "expand", note: "Board priority" } });
    expect(out[0]).toEqual({ name: "Summer Learning", suggested: "keep", override: { action: "expand", note: "Board priority" }, action: "expand" });
    // not named any more → back to the suggestion
    expect(out[1]).toEqual({ name: "Tech PD", suggested: "replace", override: null, action: "replace" });
    // inputs are not mutated
    expect(rows[0].action).toBe("keep");
  });
  test("an unknown action is ignored", () => {
    const out = applyOverrides(rows, { "Tech PD": { action: "cut" as never, note: "" } });
    expect(out[1].action).toBe("replace");
  });
});
