import { analyseReadiness, readinessJson } from "../../../src/analysis/readiness";
import { readinessReadingText } from "../../../src/words/readiness";
import { analyseSurvey } from "../../../src/analysis/survey";
import { formatError } from "../../../src/words/errors";
import type { ParseContext } from "../../../src/engine/parse/headers";
import { parseReadiness, type ReadinessItem } from "../../../src/engine/parse/readiness";
import { parseSurveys } from "../../../src/engine/parse/surveys";
import { rawTables, type Grid } from "../../helpers/raw";

const HEAD = ["Area", "Question", "Rating", "Evidence", "Owner"];

function parse(grid: Grid): { items: ReadinessItem[] | null; ctx: ParseContext } {
  const ctx: ParseContext = { errors: [], warnings: [] };
  return { items: parseReadiness(rawTables({ Readiness: grid }), ctx), ctx };
}

describe("readiness inventory", () => {
  const { items, ctx } = parse([
    HEAD,
    ["Vision", "v1", 4, "plan", "Superintendent"],
    ["vision", "v2", 3, "", ""],
    ["Context", "c1", 2, "minutes", "Chief of Staff"],
    ["Capacity", "k1", 1, "interviews", ""],
    ["Capacity", "k2", null, "", ""],
    ["Systems", "s1", 2, "calendar", "CFO"],
    [null, null, null, null, null],
  ]);

  test("areas summarised by hand: mean of the rated questions and the share at 3 or 4", () => {
    expect(ctx.errors).toEqual([]);
    const r = analyseReadiness(items as ReadinessItem[]);
    expect(r.areas.map((a) => [a.area, a.questions, a.rated, a.mean, a.ready])).toEqual([
      ["Vision", 2, 2, 3.5, 1],
      ["Context", 1, 1, 2, 0],
      ["Capacity", 2, 1, 1, 0],
      ["Systems", 1, 1, 2, 0],
    ]);
    expect(r.unrated).toBe(1);
  });

  test("weakest items lowest first with evidence and owners", () => {
    const r = analyseReadiness(items as ReadinessItem[]);
    expect(r.weakest.map((x) => [x.question, x.rating, x.evidence, x.owner])).toEqual([
      ["k1", 1, "interviews", ""],
      ["c1", 2, "minutes", "Chief of Staff"],
      ["s1", 2, "calendar", "CFO"],
    ]);
    expect(r.readings[1]).toEqual({ code: "weakItems", count: 3, question: "k1", owner: "" });
    expect(readinessReadingText(r.readings[1])).toBe("3 items are rated 2 or below; start with: “k1” (no owner named yet).");
    expect(readinessJson(r).weakest).toHaveLength(3);
  });

  test("linked to the survey (Tier 1): related components' agreement in the latest wave", () => {
    const ctx2: ParseContext = { errors: [], warnings: [] };
    const survey = parseSurveys(
      rawTables({
        "Survey Responses": [
          ["Respondent", "Role", "School ID", "Wave", "Item", "Component", "Response"],
          ...[1, 1, 2, 3, 4].map((v, i) => [`r${i}`, "Teacher", "", "W1", "fair", "Equity", v]),
        ],
      }),
      ctx2,
    );
    const r = analyseReadiness(items as ReadinessItem[], analyseSurvey(survey!));
    expect(r.areas[0].survey).toEqual([{ component: "Equity", wave: "W1", agree: 0.4, n: 5 }]);
    // officials rate Vision 3.5 but only 40% of Equity answers agree
    expect(r.readings.map(readinessReadingText).join(" ")).toMatch(/Vision: officials rate it 3.5 of 4, but only 40% of survey answers on Equity agree \(W1\)/);
  });

  test("an unknown Area where the four areas are required, a Rating of 5, a blank question", () => {
    const bad = parse([HEAD, ["Budget", "q", 3, "", ""], ["Systems", "q", 5, "", ""], ["Vision", "", 2, "", ""]]);
    expect(bad.ctx.errors.map(formatError)).toEqual([
      `Readiness row 2, column "Area" (A2): expected one of the readiness areas Vision, Context, Capacity, Systems, found "Budget"`,
      `Readiness row 3, column "Rating" (C3): expected a whole number from 1 (not in place) to 4 (firmly in place), or blank when not rated yet, found 5`,
      `Readiness row 4, column "Question" (B4): expected the readiness question, found a blank cell`,
    ]);
    expect(bad.items).toEqual([]);
  });
});
