import { parseEnrollment } from "../../../src/engine/parse/enrollment";
import type { ParseContext } from "../../../src/engine/parse/headers";
import { parseSchools } from "../../../src/engine/parse/schools";
import { parseDistrict } from "../../../src/engine/parse";
import { rawTable, sampleGrids, sampleRaw } from "../../helpers/raw";
import { parseWarningWords } from "../../../src/words/parseErrors";

const ctx = (): ParseContext => ({ errors: [], warnings: [] });
const schools = (c: ParseContext) => parseSchools(rawTable("Schools", sampleGrids().Schools), c);

describe("parseEnrollment", () => {
  it("takes every other column holding a number as a need category, in column order", () => {
    const c = ctx();
    const r = parseEnrollment(
      rawTable("Enrollment", [
        ["school id", "School Name", "Notes", "LEVEL", "Students", "Poverty %", "English Learner", "Special Ed"],
        ["101", "Lincoln", "new wing", "Elementary", "300", "150", null, 12],
        [101, "Lincoln", null, "Middle", 200, 60, "10", null],
        [null, "blank key row is skipped", null, null, null, 999, 999, 999],
      ]),
      schools(c),
      c,
    );
    expect(c.errors).toEqual([]);
    expect(r.needs).toEqual(["Poverty", "English Learner", "Special Ed"]);
    expect(r.rows.map((x) => [x.schoolId, x.schoolIndex, x.levelKey, x.students, x.needs, x.sheetRow])).toEqual([
      ["101", 0, "elementary", 300, [150, 0, 12], 2],
      ["101", 0, "middle", 200, [60, 10, 0], 3],
    ]);
    expect([...r.levels.values()]).toEqual(["Elementary", "Middle"]);
    expect(c.warnings.map(parseWarningWords)).toEqual([
      'Enrollment row 4 is skipped because its school id (Enrollment!A4) is blank, so its values are not used (School Name: "blank key row is skipped").',
      'Enrollment column "Notes" holds no numbers, so it is not a need category.',
      'School "102" (Adams Elementary) has no Enrollment rows, so it receives no formula money.',
      'School "103" (Roosevelt High) has no Enrollment rows, so it receives no formula money.',
    ]);
  });

  it("matches levels case-insensitively and keeps the first spelling", () => {
    const c = ctx();
    const r = parseEnrollment(
      rawTable("Enrollment", [
        ["School ID", "Level", "Students"],
        ["101", "K2 ", 10],
        ["102", "k2", 10],
        ["103", "Grade  1-2", 5],
      ]),
      schools(c),
      c,
    );
    expect(c.errors).toEqual([]);
    expect([...r.levels.entries()]).toEqual([
      ["k2", "K2"],
      ["grade 1-2", "Grade 1-2"],
    ]);
  });

  it("accepts a need count equal to Students and blank counts as 0", () => {
    const c = ctx();
    const r = parseEnrollment(
      rawTable("Enrollment", [
        ["School ID", "Level", "Students", "Poverty"],
        ["101", "E", 10, 10],
        ["102", "E", 0, null],
      ]),
      schools(c),
      c,
    );
    expect(c.errors).toEqual([]);
    expect(r.rows.map((x) => x.needs)).toEqual([[10], [0]]);
  });

  it("does not check School IDs when the Schools table is unusable", () => {
    const c = ctx();
    const none = parseSchools(undefined, c);
    const r = parseEnrollment(rawTable("Enrollment", [["School ID", "Level", "Students"], ["zzz", "E", 1]]), none, c);
    expect(c.errors.map((e) => e.table)).toEqual(["Schools"]);
    expect(r.known).toBe(true);
  });

  it("warns through parseDistrict about a school without enrollment", () => {
    const g = sampleGrids();
    const r = parseDistrict(sampleRaw({ Schools: [...g.Schools, ["104", "Empty School", null, null, "No", "East"]] }));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.warnings.map(parseWarningWords)).toEqual(['School "104" (Empty School) has no Enrollment rows, so it receives no formula money.']);
    expect(r.district.schools).toHaveLength(4);
  });
});
