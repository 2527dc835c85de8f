/** The blank survey and readiness tables the pane inserts and `sfs survey --template` writes (src/report/templates.ts). */
import type { ParseContext } from "../../src/engine/parse/headers";
import { parseReadiness, READINESS_AREAS, type ReadinessItem } from "../../src/engine/parse/readiness";
import { parseSurveys } from "../../src/engine/parse/surveys";
import { readinessTemplate, surveyTemplate } from "../../src/report/templates";
import { READINESS_QUESTIONS } from "../../src/words/readiness";
import { TEMPLATE_ITEMS } from "../../src/words/survey";

describe("survey template", () => {
  test("example items for every guidebook component, an empty responses table that parses", () => {
    const t = surveyTemplate();
    expect(new Set(TEMPLATE_ITEMS.map((x) => x.component)).size).toBe(7);
    expect(t["survey items"].rows).toHaveLength(TEMPLATE_ITEMS.length);
    expect(t["survey items"].rows[0]).toEqual(["Money is shared among our district's schools fairly, according to what their students need.", "Equity"]);
    expect(t["survey waves"].rows).toEqual([["2025 Fall"]]);
    expect(t["survey responses"].rows).toEqual([]);
    const ctx: ParseContext = { errors: [], warnings: [] };
    const data = parseSurveys(t, ctx);
    expect(ctx.errors).toEqual([]);
    expect(data?.answers).toEqual([]);
    expect(data?.items).toEqual(TEMPLATE_ITEMS.map((x) => ({ item: x.item, component: x.component })));
    expect(Object.keys(surveyTemplate(new Set(["survey items"])))).toEqual(["survey waves", "survey responses"]);
  });
});

describe("readiness template", () => {
  test("the shipped questions: every area, parse cleanly, not rated", () => {
    const t = readinessTemplate();
    const ctx3: ParseContext = { errors: [], warnings: [] };
    const parsed = parseReadiness(t, ctx3) as ReadinessItem[];
    expect(ctx3.errors).toEqual([]);
    expect(parsed.length).toBe(READINESS_AREAS.reduce((n, a) => n + READINESS_QUESTIONS[a].questions.length, 0));
    expect(parsed.map((x) => x.question)).toEqual(READINESS_AREAS.flatMap((a) => READINESS_QUESTIONS[a].questions));
    expect(new Set(parsed.map((x) => x.area))).toEqual(new Set(READINESS_AREAS));
    expect(parsed.every((x) => x.rating === null)).toBe(true);
    expect(readinessTemplate(new Set(["readiness"]))).toEqual({});
  });
});
