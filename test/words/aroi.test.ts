import { savedChoiceUnmatchedText } from "../../src/words/aroi";

describe("A-ROI and savings words", () => {
  test("a choice saved for a name the table no longer has: the initiatives' action and the opportunities' status say it the same way", () => {
    expect(savedChoiceUnmatchedText("action", "Reading Coaches")).toBe('A saved action for "Reading Coaches" is kept but no initiative has that name now.');
    expect(savedChoiceUnmatchedText("status", "Bus routes")).toBe('A saved status for "Bus routes" is kept but no opportunity has that name now.');
  });
});
