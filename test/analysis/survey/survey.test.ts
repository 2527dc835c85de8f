import { analyseSurvey, groupStats, surveyJson } from "../../../src/analysis/survey";
import { surveyFlagText, surveyReadingText } from "../../../src/words/survey";
import { formatError } from "../../../src/words/errors";
import type { ParseContext } from "../../../src/engine/parse/headers";
import { parseSurveys, readResponse, type SurveyData } from "../../../src/engine/parse/surveys";
import type { Cell } from "../../../src/engine/types";
import { rawTables, type Grid } from "../../helpers/raw";
import { parseWarningWords } from "../../../src/words/parseErrors";

const HEAD = ["Respondent", "Role", "School ID", "Wave", "Item", "Component", "Response"];
const T = "I understand how resources are allocated to my school.";
const E = "Funds are allocated fairly across schools.";

function parse(grids: Record<string, Grid | undefined>, ids: string[] | undefined = ["101", "102"]): { data: SurveyData | null; ctx: ParseContext } {
  const ctx: ParseContext = { errors: [], warnings: [] };
  return { data: parseSurveys(rawTables(grids), ctx, ids), ctx };
}

/** n answers of `values` (cycled) by distinct respondents. */
function rows(prefix: string, role: string, wave: string, item: string, component: string, values: number[], school: Cell = "101"): Cell[][] {
  return values.map((v, i) => [`${prefix}${i}`, role, school, wave, item, component, v]);
}

function ok(grids: Record<string, Grid | undefined>): SurveyData {
  const { data, ctx } = parse(grids);
  expect(ctx.errors.map(formatError)).toEqual([]);
  if (!data) throw new Error("no survey");
  return data;
}

describe("group figures", () => {
  test("mean, agreement and counts by hand", () => {
    // 1, 2, 3, 4, 4: mean 14/5 = 2.8, agree 3/5
    expect(groupStats([1, 2, 3, 4, 4], 5)).toEqual({ n: 5, counts: [1, 1, 1, 2], mean: 2.8, agree: 0.6, suppressed: false });
  });
  test("suppression exactly at the threshold: 4 answers hidden, 5 shown", () => {
    expect(groupStats([4, 4, 4, 4], 5)).toEqual({ n: 4, counts: null, mean: null, agree: null, suppressed: true });
    expect(groupStats([4, 4, 4, 4, 4], 5).suppressed).toBe(false);
    expect(groupStats([4, 4], 2).mean).toBe(4);
  });
  test("answers: 1–4 and the four words; blank is no answer; anything else undefined", () => {
    expect([1, "2", 3, " 4 ", "Strongly agree", "disagree"].map(readResponse)).toEqual([1, 2, 3, 4, 4, 2]);
    expect([null, "", "  "].map(readResponse)).toEqual([null, null, null]);
    expect([5, 0, 2.5, "agree-ish", "-1", true].map((c) => readResponse(c as Cell))).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});

describe("analysis by component, role, item and school, with wave changes", () => {
  // Transparency, principals: 2024 Fall agree 4/6 (0.667), 2025 Fall agree 2/5 (0.4) -> down 27 points.
  // Transparency, teachers: 2024 Fall 5 answers agree 3/5, 2025 Fall 5 answers agree 3/5.
  // Equity, teachers: 2024 Fall [1,2,2,2,3] mean 2.0, 2025 Fall [2,2,3,3,3] mean 2.6.
  const grids = {
    "Survey Responses": [
      HEAD,
      ...rows("p", "Principal", "2024 Fall", T, "Transparency", [3, 4, 3, 4, 1, 2]),
      ...rows("t", "Teacher", "2024 Fall", T, "Transparency", [3, 3, 4, 1, 2], "102"),
      ...rows("t", "Teacher", "2024 Fall", E, "Equity", [1, 2, 2, 2, 3], "102"),
      ...rows("p", "principal", "2025 Fall", T, "transparency", [3, 1, 2, 2, 4]),
      ...rows("t", "Teacher", "2025 Fall", T, "Transparency", [4, 4, 3, 1, 1], "District"),
      ...rows("t", "Teacher", "2025 Fall", E, "Equity", [2, 2, 3, 3, 3], null),
    ],
  };
  const a = analyseSurvey(ok(grids));

  test("waves in first-appearance order; components and roles in the guidebook's order", () => {
    expect(a.waves).toEqual(["2024 Fall", "2025 Fall"]);
    expect(a.components).toEqual(["Equity", "Transparency"]);
    expect(a.roles).toEqual(["Teacher", "Principal"]);
    expect(a.answers).toBe(31);
  });

  test("by component × wave", () => {
    const t24 = a.byComponent.find((r) => r.component === "Transparency" && r.wave === "2024 Fall");
    // 11 answers: 3,4,3,4,1,2,3,3,4,1,2 -> sum 30, agree 7
    expect(t24).toMatchObject({ n: 11, counts: [2, 2, 4, 3], agree: 7 / 11 });
    expect(t24?.mean).toBeCloseTo(30 / 11, 12);
    const e25 = a.byComponent.find((r) => r.component === "Equity" && r.wave === "2025 Fall");
    expect(e25).toMatchObject({ n: 5, mean: 2.6, agree: 0.6 });
  });

  test("by role and the changes between waves", () => {
    const p = a.roleChange.find((c) => c.component === "Transparency" && c.role === "Principal");
    expect(p?.agreeChange).toBeCloseTo(0.4 - 4 / 6, 12);
    // means: (3+4+3+4+1+2)/6 = 17/6; (3+1+2+2+4)/5 = 2.4
    expect(p?.meanChange).toBeCloseTo(2.4 - 17 / 6, 12);
    const e = a.change.find((c) => c.component === "Equity");
    expect(e).toMatchObject({ from: "2024 Fall", to: "2025 Fall" });
    expect(e?.meanChange).toBeCloseTo(0.6, 12);
    expect(e?.agreeChange).toBeCloseTo(0.4, 12);
  });

  test("by item and by school (district-wide answers count only in the district figures)", () => {
    // items in order of first appearance (no Survey Items table)
    expect(a.byItem.map((r) => [r.item, r.wave, r.n])).toEqual([
      [T, "2024 Fall", 11],
      [T, "2025 Fall", 10],
      [E, "2024 Fall", 5],
      [E, "2025 Fall", 5],
    ]);
    expect(a.schools).toEqual(["101", "102"]);
    const s101 = a.bySchool.filter((r) => r.schoolId === "101");
    expect(s101.map((r) => [r.component, r.wave, r.n])).toEqual([
      ["Transparency", "2024 Fall", 6],
      ["Transparency", "2025 Fall", 5],
    ]);
  });

  test("flags: agreement down 10 points or more, mean below 2.5", () => {
    // Transparency overall: 7/11 agree in 2024 Fall, 5/10 in 2025 Fall: down 13.6 points
    expect(a.flags.map((f) => [f.kind, f.component, f.role, f.wave])).toEqual([
      ["agreement fell", "Transparency", null, "2025 Fall"],
      ["agreement fell", "Transparency", "Principal", "2025 Fall"],
      ["low mean", "Equity", null, "2024 Fall"],
    ]);
    expect(a.flags.map(surveyFlagText)).toEqual([
      "Transparency: 50% agree in 2025 Fall, down 14 points since 2024 Fall.",
      expect.stringMatching(/^Transparency: \d+% of principals agree in 2025 Fall, down \d+ points since 2024 Fall\.$/),
      expect.stringMatching(/^Equity: the mean answer in 2024 Fall is \d\.\d\d of 4, below 2\.5 \(more disagree than agree\)\.$/),
    ]);
  });

  test("plain-language readings", () => {
    expect(a.readings.map(surveyReadingText)).toContain("Equity: 60% agree in 2025 Fall (mean 2.60 of 4, 5 answers), up 40 points since 2024 Fall.");
    expect(a.readings.map(surveyReadingText)).toContain(`Transparency: 40% of principals agree that “${T.slice(0, -1)}”, down 27 points since 2024 Fall.`);
  });

  test("summary.json shape, exactly", () => {
    const j = surveyJson(a);
    expect(Object.keys(j)).toEqual(["waves", "byComponent", "byRole", "change"]);
    expect(Object.keys(j.byComponent[0])).toEqual(["component", "wave", "n", "mean", "agree"]);
    expect(Object.keys(j.byRole[0])).toEqual(["component", "wave", "role", "n", "mean", "agree"]);
    expect(Object.keys(j.change[0])).toEqual(["component", "from", "to", "meanChange", "agreeChange"]);
  });
});

describe("suppression, flags at exactly 10 points, and wave order from Survey Waves", () => {
  test("a group of 4 keeps n, hides mean and agreement; its changes are null", () => {
    const a = analyseSurvey(
      ok({
        "Survey Responses": [HEAD, ...rows("a", "Parent", "W1", T, "Transparency", [4, 4, 4, 4, 4]), ...rows("a", "Parent", "W2", T, "Transparency", [1, 1, 1, 1])],
      }),
    );
    expect(a.byComponent.map((r) => [r.wave, r.n, r.mean, r.agree, r.suppressed])).toEqual([
      ["W1", 5, 4, 1, false],
      ["W2", 4, null, null, true],
    ]);
    expect(a.change[0]).toMatchObject({ meanChange: null, agreeChange: null });
    expect(surveyJson(a).byComponent[1]).toEqual({ component: "Transparency", wave: "W2", n: 4, mean: null, agree: null });
    expect(surveyReadingText(a.readings[0])).toMatch(/only 4 answers in W2, fewer than 5/);
  });

  test("Policy Survey Minimum Group changes the threshold", () => {
    const data = ok({
      "Survey Responses": [HEAD, ...rows("a", "Parent", "W1", T, "Transparency", [4, 4, 4])],
      Policy: [["Setting", "Value"], ["Survey Minimum Group", 3]],
    });
    expect(data.minimumGroup).toBe(3);
    expect(analyseSurvey(data).byComponent[0].mean).toBe(4);
  });

  test("a fall of exactly 10 points is flagged; 9 is not", () => {
    // W1 agree 6/10, W2 agree 5/10 -> exactly −0.1
    const ten = analyseSurvey(
      ok({ "Survey Responses": [HEAD, ...rows("a", "Parent", "W1", T, "Transparency", [3, 3, 3, 3, 3, 3, 1, 1, 1, 1]), ...rows("a", "Parent", "W2", T, "Transparency", [3, 3, 3, 3, 3, 1, 1, 1, 1, 1])] }),
    );
    expect(ten.flags.filter((f) => f.kind === "agreement fell").map((f) => f.role)).toEqual([null, "Parent"]);
    const nine = analyseSurvey(
      ok({
        "Survey Responses": [
          HEAD,
          ...rows("a", "Parent", "W1", T, "Transparency", Array.from({ length: 100 }, (_, i) => (i < 60 ? 3 : 2))),
          ...rows("a", "Parent", "W2", T, "Transparency", Array.from({ length: 100 }, (_, i) => (i < 51 ? 3 : 2))),
        ],
      }),
    );
    expect(nine.flags.filter((f) => f.kind === "agreement fell")).toEqual([]);
  });

  test("Survey Waves gives the order; a wave not listed there is a located error", () => {
    const grids = {
      "Survey Responses": [HEAD, ...rows("a", "Parent", "2025 Fall", T, "Transparency", [3, 3, 3, 3, 3]), ...rows("b", "Parent", "2024 Fall", T, "Transparency", [4, 4, 4, 4, 4])],
      "Survey Waves": [["Wave"], ["2024 Fall"], ["2025 Fall"]],
    };
    const a = analyseSurvey(ok(grids));
    expect(a.waves).toEqual(["2024 Fall", "2025 Fall"]);
    expect(a.change[0]).toMatchObject({ from: "2024 Fall", to: "2025 Fall", meanChange: -1 });
    const { ctx } = parse({ ...grids, "Survey Waves": [["Wave"], ["2024 Fall"]] });
    expect(ctx.errors.map(formatError)[0]).toBe(`Survey Responses row 2, column "Wave" (D2): expected a wave listed in Survey Waves (2024 Fall), found "2025 Fall"`);
  });
});

describe("located errors; nothing half-read", () => {
  test("Response 5, a blank role, an unknown school, a repeated answer", () => {
    const { ctx } = parse({
      "Survey Responses": [
        HEAD,
        ["r1", "Teacher", "101", "W1", T, "Transparency", 5],
        ["r2", "", "101", "W1", T, "Transparency", 3],
        ["r3", "Teacher", "999", "W1", T, "Transparency", 3],
        ["r4", "Teacher", "101", "W1", T, "Transparency", 3],
        ["r4", "Teacher", "101", "W1", T, "Transparency", 2],
        ["r5", "Teacher", "101", "W1", T, "", 2],
      ],
    });
    expect(ctx.errors.map(formatError)).toEqual([
      `Survey Responses row 2, column "Response" (G2): expected a whole number from 1 (strongly disagree) to 4 (strongly agree), or blank for no answer, found 5`,
      `Survey Responses row 3, column "Role" (B3): expected the respondent's role (e.g. Teacher, Principal, School Site Council, Parent, Central Office), found a blank cell`,
      `Survey Responses row 4, column "School ID" (C4): expected a School ID listed in Schools, "District", or blank for a district-wide answer, found "999"`,
      `Survey Responses row 6, column "Response" (G6): expected one answer per respondent, item and wave, found a second answer from "r4" to "${T}" in W1 (the first is on row 5)`,
      `Survey Responses row 7, column "Component" (F7): expected a component (e.g. Equity, Transparency, Autonomy…), or the item listed in Survey Items with its component, found a blank cell`,
    ]);
  });

  test("a blank Response is no answer, not an error", () => {
    const data = ok({ "Survey Responses": [HEAD, ["r1", "Teacher", "", "W1", T, "Transparency", null], ["r2", "Teacher", "", "W1", T, "Transparency", 2]] });
    expect(data.answers).toHaveLength(1);
  });

  test("the component comes from Survey Items when the row leaves it blank", () => {
    const data = ok({ "Survey Responses": [HEAD, ["r1", "Teacher", "", "W1", T, null, 2]], "Survey Items": [["Item", "Component"], [T, "Transparency"]] });
    expect(data.answers[0].component).toBe("Transparency");
  });

  test("Survey Minimum Group that is not a whole number ≥ 1", () => {
    const { ctx } = parse({ "Survey Responses": [HEAD], Policy: [["Setting", "Value"], ["Survey Minimum Group", 0]] });
    expect(ctx.errors.map(formatError)).toEqual([`Policy row 2, column "Value" (B2): expected a whole number of answers ≥ 1 below which a group is not shown (blank means 5), found 0`]);
  });
});

describe("the wide export", () => {
  const items = [["Item", "Component"], [T, "Transparency"], [E, "Equity"]];
  test("one row per respondent, one column per item listed in Survey Items; other columns noted and ignored", () => {
    const { data, ctx } = parse({
      "Survey Responses": [
        ["Respondent", "Role", "School ID", "Wave", "Timestamp", T, E],
        ["a", "Teacher", "101", "W1", "2025-10-01", 3, "Strongly disagree"],
        ["b", "Principal", "", "W1", "2025-10-02", null, 4],
      ],
      "Survey Items": items,
    });
    expect(ctx.errors).toEqual([]);
    expect(ctx.warnings.map(parseWarningWords)).toEqual([`Survey Responses: the column "Timestamp" is not an item of Survey Items and is ignored.`]);
    expect(data?.wide).toBe(true);
    expect(data?.answers.map((x) => [x.respondent, x.item, x.component, x.response])).toEqual([
      ["a", T, "Transparency", 3],
      ["a", E, "Equity", 1],
      ["b", E, "Equity", 4],
    ]);
  });

  test("a bad answer in an item column is located; without Survey Items the wide export is refused", () => {
    const { ctx } = parse({ "Survey Responses": [["Respondent", "Role", "School ID", "Wave", T], ["a", "Teacher", "101", "W1", 7]], "Survey Items": items });
    expect(ctx.errors.map(formatError)).toEqual([
      `Survey Responses row 2, column "${T}" (E2): expected a whole number from 1 (strongly disagree) to 4 (strongly agree), or blank for no answer, found 7`,
    ]);
    const none = parse({ "Survey Responses": [["Respondent", "Role", "School ID", "Wave", T], ["a", "Teacher", "101", "W1", 3]] });
    expect(none.ctx.errors[0]).toMatchObject({ table: "Survey Responses", column: "Item" });
  });
});
