/**
 * The survey's and the readiness inventory's words (src/words/survey.ts, src/words/readiness.ts): the analyses return
 * codes and figures, and the sheets, the CLI and the pane print these sentences. The expected sentences are written
 * out by hand, as the analyses printed them before the wording left them.
 */
import type { SurveyFlag, SurveyReading } from "../../src/analysis/survey";
import type { ReadinessReading } from "../../src/analysis/readiness";
import { readinessReadingText } from "../../src/words/readiness";
import { pointsText, rolePlural, surveyFlagText, surveyReadingText } from "../../src/words/survey";

const fell: SurveyFlag = { kind: "agreement fell", component: "Transparency", role: "Principal", wave: "2025 Fall", from: "2024 Fall", value: -0.236, agree: 0.5149 };

describe("survey words", () => {
  test.each<[string, SurveyFlag, string]>([
    ["agreement fell for a role", fell, "Transparency: 51% of principals agree in 2025 Fall, down 24 points since 2024 Fall."],
    ["agreement fell overall", { ...fell, role: null, value: -0.1, agree: 0.5 }, "Transparency: 50% agree in 2025 Fall, down 10 points since 2024 Fall."],
    ["a role without a plural of its own", { ...fell, role: "Student", value: -0.011 }, "Transparency: 51% of Student respondents agree in 2025 Fall, down 1 point since 2024 Fall."],
    ["a low mean", { kind: "low mean", component: "Innovation", role: null, wave: "2025 Fall", from: null, value: 2.456, agree: null }, "Innovation: the mean answer in 2025 Fall is 2.46 of 4, below 2.5 (more disagree than agree)."],
  ])("flag: %s", (_, f, text) => {
    expect(surveyFlagText(f)).toBe(text);
  });

  test.each<[string, SurveyReading, string]>([
    ["a component in its latest wave", { code: "component", component: "Equity", agree: 0.59, mean: 2.72, n: 197, wave: "2025 Fall", change: { agreeChange: 0.11, from: "2024 Fall" } }, "Equity: 59% agree in 2025 Fall (mean 2.72 of 4, 197 answers), up 11 points since 2024 Fall."],
    ["a component in its only wave", { code: "component", component: "Equity", agree: 0.6, mean: 2.6, n: 5, wave: "W1", change: null }, "Equity: 60% agree in W1 (mean 2.60 of 4, 5 answers)."],
    ["no change", { code: "component", component: "Equity", agree: 0.6, mean: 2.6, n: 5, wave: "W2", change: { agreeChange: 0.004, from: "W1" } }, "Equity: 60% agree in W2 (mean 2.60 of 4, 5 answers), unchanged since W1."],
    ["too few answers", { code: "suppressed", component: "Autonomy", n: 1, wave: "W2", minimumGroup: 5 }, "Autonomy: only 1 answer in W2, fewer than 5, so the result is not shown."],
    ["too few answers (plural)", { code: "suppressed", component: "Autonomy", n: 4, wave: "W2", minimumGroup: 5 }, "Autonomy: only 4 answers in W2, fewer than 5, so the result is not shown."],
    [
      "the item behind a role's fall",
      { code: "itemFell", component: "Community Engagement", role: "School Site Council", item: "Parents have a real say. ", agree: 0.49, agreeChange: -0.12, from: "2024 Fall" },
      "Community Engagement: 49% of School Site Council members agree that “Parents have a real say”, down 12 points since 2024 Fall.",
    ],
    ["a flag", { code: "flag", flag: fell }, "Transparency: 51% of principals agree in 2025 Fall, down 24 points since 2024 Fall."],
  ])("reading: %s", (_, r, text) => {
    expect(surveyReadingText(r)).toBe(text);
  });

  test("points and role plurals", () => {
    expect([-0.126, -0.01, 0, 0.004, 0.03].map(pointsText)).toEqual(["down 13 points", "down 1 point", "unchanged", "unchanged", "up 3 points"]);
    expect(["Teacher", "Principal", "School Site Council", "Parent", "Central Office", "Coach"].map(rolePlural)).toEqual([
      "teachers",
      "principals",
      "School Site Council members",
      "parents",
      "central office staff",
      "Coach respondents",
    ]);
  });
});

describe("readiness words", () => {
  test.each<[string, ReadinessReading, string]>([
    ["strongest and weakest", { code: "strongestWeakest", strongest: "Vision", strongestMean: 3.667, weakest: "Systems", weakestMean: 2 }, "Strongest area: Vision (average rating 3.7 of 4). Weakest: Systems (2.0 of 4)."],
    ["weak items, no owner", { code: "weakItems", count: 5, question: "Schools follow a calendar.", owner: "" }, "5 items are rated 2 or below; start with: “Schools follow a calendar.” (no owner named yet)."],
    ["one weak item with an owner", { code: "weakItems", count: 1, question: "q", owner: "CFO" }, "1 item is rated 2 or below; start with: “q” (owner: CFO)."],
    ["one unrated", { code: "unrated", count: 1 }, "1 question is not rated yet."],
    ["several unrated", { code: "unrated", count: 3 }, "3 questions are not rated yet."],
    ["the survey disagrees", { code: "surveyDisagrees", area: "Vision", mean: 3.5, agree: 0.4, component: "Equity", wave: "W1" }, "Vision: officials rate it 3.5 of 4, but only 40% of survey answers on Equity agree (W1): worth a conversation."],
  ])("%s", (_, r, text) => {
    expect(readinessReadingText(r)).toBe(text);
  });
});
