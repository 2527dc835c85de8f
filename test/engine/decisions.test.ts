import {
  applyDecisions,
  extractDecisions,
  parseDecisions,
  serializeDecisions,
  setPolicy,
  setRate,
  setSource,
  rateProblem,
  DecisionError,
  DecisionIndexError,
} from "../../src/engine/decisions";
import type { District, Source } from "../../src/engine/types";
import { wordedError } from "../../src/words/errors";
import { scenarioFileWords } from "../../src/words/decisions";
import { thrownWords } from "../../src/words/errors";
import { rateProblemWords } from "../../src/words/parseErrors";

/** The words a failed change shows in the pane (the problem is data: a DecisionError or a DecisionIndexError). */
function thrown(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e instanceof DecisionError || e instanceof DecisionIndexError).toBe(true);
    return thrownWords(e);
  }
  throw new Error("did not throw");
}

function source(name: string, patch: Partial<Source> = {}): Source {
  return {
    name,
    type: "State",
    restricted: false,
    amount: 1_000_000_00,
    status: "Unlocked",
    schoolShare: 1,
    funds: "All",
    eligible: { text: "All", levels: null, schoolIds: null, rules: [] },
    sheetRow: 2,
    ...patch,
  };
}

/** A small district as the parser would return it. */
function district(): District {
  return {
    schools: [],
    levels: ["Elementary", "High"],
    needs: ["Poverty", "English Learner"],
    enrollment: [],
    rates: [
      [{ kind: "weight", weight: 1 }, { kind: "weight", weight: 0.3 }, null],
      [{ kind: "weight", weight: 1.2 }, { kind: "weight", weight: 0.3 }, { kind: "weight", weight: 0.4 }],
    ],
    sources: [source("State Aid"), source("Title I", { funds: "Poverty", status: "Grant", sheetRow: 3 }), source("Central Office", { status: "Locked", schoolShare: 0, sheetRow: 4 })],
    policy: { baseAmount: null, foundationPerSchool: 0, holdHarmless: null, gainCap: null, phaseIn: 1, rounding: "cent", gainUnit: "", raw: { phasein: "100%" } },
    initiatives: null,
    segments: null,
  };
}

describe("decisions", () => {
  test("extract then apply gives back an equal district", () => {
    const d = district();
    const r = applyDecisions(d, extractDecisions(d));
    expect(r).toEqual({ ok: true, district: d });
  });

  test("serialize / parse round-trip", () => {
    const x = extractDecisions(setRate(district(), 1, 2, { kind: "perPupil", cents: 123_456 }));
    const text = serializeDecisions(x);
    expect(JSON.parse(text).format).toBe("sfs-decisions");
    expect(parseDecisions(text)).toEqual({ ok: true, decisions: x });
  });

  test.each([
    ["not JSON", "{oops", /not valid JSON/],
    ["an array", "[]", /not a decisions object/],
    ["another format", JSON.stringify({ format: "x", version: 1 }), /format/],
    ["a future version", JSON.stringify({ format: "sfs-decisions", version: 2 }), /version 2/],
  ])("parseDecisions rejects %s", (_label, text, message) => {
    const r = parseDecisions(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(scenarioFileWords(r.error)).toMatch(message);
  });

  test("parseDecisions rejects malformed fields", () => {
    const good = JSON.parse(serializeDecisions(extractDecisions(district())));
    const broken = (f: (o: any) => void): boolean => {
      const o = JSON.parse(JSON.stringify(good));
      f(o);
      return parseDecisions(JSON.stringify(o)).ok;
    };
    expect(broken(() => undefined)).toBe(true);
    expect(broken((o) => (o.rates[0][0] = { kind: "weight", weight: "1" }))).toBe(false);
    expect(broken((o) => (o.rates[0] = [null]))).toBe(false);
    expect(broken((o) => (o.rates[0][1] = { kind: "magic" }))).toBe(false);
    expect(broken((o) => (o.sources[0].status = "Open"))).toBe(false);
    expect(broken((o) => (o.sources[0].schoolShare = "50%"))).toBe(false);
    expect(broken((o) => delete o.policy)).toBe(false);
    expect(broken((o) => (o.policy.rounding = "nickel"))).toBe(false);
    expect(broken((o) => (o.levels = "Elementary"))).toBe(false);
  });

  test("a scenario file's problem is data (a code and its values), worded in src/words/decisions.ts", () => {
    const good = JSON.parse(serializeDecisions(extractDecisions(district())));
    const problem = (f: (o: any) => void) => {
      const o = JSON.parse(JSON.stringify(good));
      f(o);
      const r = parseDecisions(JSON.stringify(o));
      return r.ok ? null : r.error;
    };
    const status = problem((o) => (o.sources[0].status = "Open"));
    expect(status).toEqual({ code: "sourceStatus", name: good.sources[0].name });
    expect(scenarioFileWords(status!)).toBe(`source ${good.sources[0].name}: status must be Unlocked, Locked or Grant.`);
    const rate = problem((o) => (o.rates[0][1] = { kind: "weight", weight: "1" }));
    expect(rate).toEqual({ code: "rate", level: good.levels[0], category: good.categories[1], problem: "weight" });
    expect(scenarioFileWords(rate!)).toBe(`rate ${good.levels[0]} / ${good.categories[1]}: the weight must be a number`);
    const rounding = problem((o) => (o.policy.rounding = "nickel"));
    expect(rounding).toEqual({ code: "policySetting", setting: "rounding" });
    expect(scenarioFileWords(rounding!)).toBe('the policy setting Rounding must be "cent" or "dollar".');
    expect(scenarioFileWords(problem((o) => (o.rates[1] = [null]))!)).toBe("rates row 2 must have one cell per category.");
    expect(scenarioFileWords(problem((o) => delete o.policy)!)).toBe("policy settings are missing.");
  });

  test("applyDecisions re-validates: share range, Locked with a share, funds, rates, policy", () => {
    const d = district();
    const x = extractDecisions(d);
    x.sources[0].schoolShare = 1.5;
    x.sources[2].schoolShare = 0.5; // Locked
    x.sources[1].funds = "Gifted";
    x.rates[0][1] = { kind: "weight", weight: -1 };
    x.policy.phaseIn = 2;
    x.policy.holdHarmless = Number.NaN;
    const r = applyDecisions(d, x);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const where = r.errors.map((e) => `${e.table}/${e.row}/${e.column}`);
    expect(where).toEqual(
      expect.arrayContaining(["Revenue/2/School Share", "Revenue/4/School Share", "Revenue/3/Funds", "Weights/null/Weight", "Policy/null/Phase In", "Policy/null/Hold Harmless"]),
    );
    expect(r.errors).toHaveLength(6);
    expect(r.errors.map(wordedError).find((e) => e.row === 4)?.expected).toMatch(/Locked/);
    expect(r.errors.map(wordedError).find((e) => e.row === 2)?.found).toBe("150%");
  });

  test("decisions naming unknown levels, categories or sources are errors, not silently dropped", () => {
    const d = district();
    const x = extractDecisions(d);
    x.levels[1] = "Middle";
    x.categories[2] = "Gifted";
    x.sources.push({ name: "Lottery", status: "Unlocked", schoolShare: 1, funds: "All", eligible: "All" });
    const r = applyDecisions(d, x);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => wordedError(e).found).sort()).toEqual(["Gifted", "Lottery", "Middle"]);
  });

  test("levels, categories and sources match by name whatever the order and case", () => {
    const d = district();
    const x = extractDecisions(d);
    x.levels = ["HIGH", "elementary"];
    x.rates = [x.rates[1], x.rates[0]];
    x.rates[0][0] = { kind: "weight", weight: 1.5 };
    x.sources = [{ ...x.sources[1], name: "title i", funds: "poverty", schoolShare: 0.5 }];
    const r = applyDecisions(d, x);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.district.rates[1][0]).toEqual({ kind: "weight", weight: 1.5 });
    expect(r.district.rates[0][0]).toEqual({ kind: "weight", weight: 1 });
    expect(r.district.sources[1]).toMatchObject({ name: "Title I", schoolShare: 0.5, funds: "Poverty" });
    expect(r.district.sources[0]).toBe(d.sources[0]);
  });

  test("setRate is immutable and validates", () => {
    const d = district();
    const e = setRate(d, 0, 2, { kind: "weight", weight: 0.25 });
    expect(e.rates[0][2]).toEqual({ kind: "weight", weight: 0.25 });
    expect(d.rates[0][2]).toBeNull();
    expect(e.rates[1]).toEqual(d.rates[1]);
    expect(() => setRate(d, 5, 0, null)).toThrow(RangeError);
    expect(() => setRate(d, 0, 3, null)).toThrow(RangeError);
    // an index naming nothing is data (what and which), worded in src/words/decisions.ts
    expect(() => setRate(d, 5, 0, null)).toThrow(expect.objectContaining({ target: "level", index: 5 }));
    expect(() => setRate(d, 0, 3, null)).toThrow(DecisionIndexError);
    expect(thrown(() => setRate(d, 5, 0, null))).toBe("No level 5");
    expect(thrown(() => setRate(d, 0, 3, null))).toBe("No category 3");
    expect(thrown(() => setRate(d, 0.5, 0, null))).toBe("No level 0.5");
    expect(() => setRate(d, 0, 0, { kind: "perPupil", cents: -1 })).toThrow(/Per Pupil/);
    expect(thrown(() => setRate(d, 0, 0, { kind: "perPupil", cents: -1 }))).toBe("Weights, Per Pupil: expected a dollar amount per pupil ≥ 0 for Elementary / Base, found -0.01");
  });

  test("rateProblem gives a bad rate's code, worded in src/words", () => {
    expect(rateProblem({ kind: "weight", weight: 0.4 })).toBeNull();
    expect(rateProblem(null)).toBeNull();
    expect(rateProblem({ kind: "weight", weight: Number.NaN })).toBe("weight");
    expect(rateProblemWords(rateProblem({ kind: "weight", weight: Number.NaN })!)).toBe("a weight ≥ 0");
    expect(rateProblemWords(rateProblem({ kind: "perPupil", cents: -5 })!)).toBe("a dollar amount per pupil ≥ 0");
  });

  test("setSource: Locked sets the share to 0%, unlocking restores 100%, and invalid patches throw", () => {
    const d = district();
    const locked = setSource(d, 0, { status: "Locked" });
    expect(locked.sources[0]).toMatchObject({ status: "Locked", schoolShare: 0 });
    expect(d.sources[0].status).toBe("Unlocked");
    const unlocked = setSource(locked, 0, { status: "Grant" });
    expect(unlocked.sources[0]).toMatchObject({ status: "Grant", schoolShare: 1 });
    expect(setSource(d, 0, { schoolShare: 0.4 }).sources[0].schoolShare).toBe(0.4);
    expect(thrown(() => setSource(d, 0, { status: "Locked", schoolShare: 0.4 }))).toMatch(/Locked/);
    expect(thrown(() => setSource(d, 0, { schoolShare: -0.1 }))).toBe("Revenue, School Share: expected a percent between 0% and 100%, found -10%");
    expect(() => setSource(d, 9, {})).toThrow(RangeError);
    expect(() => setSource(d, 9, {})).toThrow(expect.objectContaining({ target: "source", index: 9 }));
    expect(thrown(() => setSource(d, -1, {}))).toBe("No source -1");
  });

  test("setPolicy changes settings immutably and rejects invalid ones", () => {
    const d = district();
    const p = setPolicy(d, { holdHarmless: 0.98, gainCap: 0.05, phaseIn: 0.5, foundationPerSchool: 10_000_000 });
    expect(p.policy).toMatchObject({ holdHarmless: 0.98, gainCap: 0.05, phaseIn: 0.5, foundationPerSchool: 10_000_000, raw: { phasein: "100%" } });
    expect(d.policy.holdHarmless).toBeNull();
    expect(() => setPolicy(d, { gainCap: -0.1 })).toThrow(/Gain Cap/);
    expect(() => setPolicy(d, { baseAmount: -1 })).toThrow(/Base Amount/);
  });
});

describe("eligibility text", () => {
  test("edited eligible text is re-parsed against the district", () => {
    const d = district();
    const high = setSource(d, 1, { eligible: "High" });
    expect(high.sources[1].eligible).toEqual({ text: "High", levels: ["High"], schoolIds: null, rules: [] });
    const rule = setSource(d, 1, { eligible: "Poverty % >= 40%" });
    expect(rule.sources[1].eligible.rules).toHaveLength(1);
    expect(rule.sources[1].eligible.rules[0]).toMatchObject({ kind: "share", op: ">=" });
  });

  test("unreadable eligible text is an error on the source's row", () => {
    const d = district();
    const x = extractDecisions(d);
    x.sources[1].eligible = "Gifted > 3";
    const r = applyDecisions(d, x);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(wordedError(r.errors[0])).toMatchObject({ table: "Revenue", row: 3, column: "Eligible", found: "Gifted > 3" });
  });
});
