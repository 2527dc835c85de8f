/**
 * The per-pupil $ by student type in words (src/words/outcomes.ts, src/words/equityJson.ts): the analysis leaves the
 * line that is no student type unnamed (null); the sheet, the chart, the CLI and summary.json print its name.
 */
import { studentTypesJson } from "../../src/words/equityJson";
import { studentTypeText } from "../../src/words/outcomes";

test("a category keeps its name; the line of no student type is 'Foundation and adjustments'", () => {
  expect([studentTypeText("Base"), studentTypeText("English Learner"), studentTypeText(null)]).toEqual(["Base", "English Learner", "Foundation and adjustments"]);
  const json = studentTypesJson({
    rows: [
      { type: "Base", students: 3, amount: 30_001, perPupil: 30_001 / 3 },
      { type: null, students: 3, amount: 0, perPupil: 0 },
    ],
    total: 30_001,
    students: 3,
  });
  expect(json).toEqual([
    { type: "Base", students: 3, amount: 300.01, perPupil: 100 },
    { type: "Foundation and adjustments", students: 3, amount: 0, perPupil: 0 },
  ]);
});
