import { attribute, principalFeedback, QUADRANTS, quadrantOf, yesNo } from "../../../src/analysis/aroi/feedback";
import { feedbackQuadrantText } from "../../../src/words/aroi";
import { ini, inventory } from "./fixture";

describe("principal feedback", () => {
  test("points and quadrants on the fixture (1–5 scale detected from a rating of 5)", () => {
    const f = principalFeedback(inventory());
    expect(f.scaleMax).toBe(5);
    expect(f.middle).toBe(3);
    expect(f.points.map((p) => [p.name, p.importance, p.effectiveness, p.quadrant])).toEqual([
      ["Peer Tutoring", 4, 4, "importantEffective"],
      ["Co-Teaching", 5, 2, "importantNotEffective"],
      // 3 is the neutral middle of 1–5, so not high
      ["Tech PD", 3, 1, "lessImportantNotEffective"],
      ["Chess Club", 2, 2, "lessImportantNotEffective"],
    ]);
    expect(f.quadrants).toEqual({
      importantEffective: 1,
      importantNotEffective: 1,
      effectiveLessImportant: 0,
      lessImportantNotEffective: 2,
    });
    expect(f.unrated).toHaveLength(5);
  });

  test("a 1–4 scale puts 3 in the high half", () => {
    const f = principalFeedback(inventory(), 4);
    expect(f.middle).toBe(2.5);
    expect(f.points.find((p) => p.name === "Tech PD")?.quadrant).toBe("importantNotEffective");
    expect(quadrantOf(2, 3, 2.5)).toBe("effectiveLessImportant");
    expect(QUADRANTS.map(feedbackQuadrantText)).toEqual(["Important & effective", "Important, not effective", "Effective, less important", "Less important & not effective"]);
  });

  test("implemented / wanted counts from Yes/No attribute columns", () => {
    const f = principalFeedback(inventory());
    // Implemented: Peer Yes, Chess Yes, Mentoring No, Reading No, 5 blank
    expect(f.implemented).toEqual({ yes: 2, no: 2, blank: 5 });
    // Wanted among the 7 not implemented: Mentoring Yes, Reading No, 5 blank
    expect(f.wanted).toEqual({ yes: 1, no: 1, blank: 5 });
  });

  test("no columns → null counts; headers match loosely; answers read leniently", () => {
    const plain = principalFeedback([ini({ name: "a" })]);
    expect(plain.implemented).toBeNull();
    expect(plain.wanted).toBeNull();
    expect(plain.points).toEqual([]);
    const i = ini({ name: "b", attributes: { "IMPLEMENTED_": true, "wan-ted": "n" } });
    expect(attribute(i, "implemented")).toEqual({ has: true, value: true });
    const f = principalFeedback([i]);
    expect(f.implemented).toEqual({ yes: 1, no: 0, blank: 0 });
    expect(f.wanted).toEqual({ yes: 0, no: 0, blank: 0 });
    expect(yesNo(" YES ")).toBe(true);
    expect(yesNo(0)).toBe(false);
    expect(yesNo("maybe")).toBeNull();
    expect(yesNo(null)).toBeNull();
  });
});
