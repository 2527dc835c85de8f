import { parseDistrict, sortErrors } from "../../../src/engine/parse";
import { wordedError } from "../../../src/words/errors";
import type { InputError, RawTables } from "../../../src/engine/types";
import { appendRows, type Grid, dropColumn, dropRow, rawTables, sampleGrids, sampleRaw, sampleWith, setCell } from "../../helpers/raw";

const g = sampleGrids();
const INITIATIVES: Grid = [
  ["Initiative", "Direct Cost", "Students Served", "Learning Gain", "Importance"],
  ["Reading Recovery", "$120,000", 80, 0.3, 4],
  ["After School", 50000, 200, null, null],
];
const SEGMENTS: Grid = [
  ["Initiative", "Segment", "Students Served", "Learning Gain"],
  ["Reading Recovery", "1+ year behind", 50, 0.4],
  ["Reading Recovery", "less than 1 year behind", 30, 0.15],
];
const withPolicy = (...rows: (string | number | null)[][]): RawTables =>
  sampleRaw({ Policy: [["Setting", "Value"], ...rows] });
const withInitiatives = (initiatives: Grid = INITIATIVES, segments: Grid | undefined = SEGMENTS): RawTables =>
  sampleRaw({ Initiatives: initiatives, "Initiative Segments": segments });

interface BadCase {
  name: string;
  raw: RawTables;
  table: string;
  row: number | null;
  column: string | null;
  cell?: string;
  expected: RegExp;
  found?: RegExp;
  /** Exact number of errors expected (default 1: no cascades). */
  count?: number;
}

const cases: BadCase[] = [
  // Schools
  { name: "duplicate School ID", raw: sampleRaw({ Schools: appendRows(g.Schools, ["101", "Lincoln again", null, null, "No", "East"]) }), table: "Schools", row: 5, column: "School ID", cell: "A5", expected: /not used by another school/, found: /"101" again \(already on row 2\)/ },
  { name: "duplicate School ID differing only in case and spaces", raw: sampleRaw({ Schools: appendRows(g.Schools, [" 102 ", "x", null, null, null, null]) }), table: "Schools", row: 5, column: "School ID", cell: "A5", expected: /not used by another school/ },
  { name: "blank School Name", raw: sampleWith("Schools", 1, 1, null), table: "Schools", row: 2, column: "School Name", cell: "B2", expected: /school's name/, found: /a blank cell/ },
  { name: "text Current Budget", raw: sampleWith("Schools", 1, 2, "lots"), table: "Schools", row: 2, column: "Current Budget", cell: "C2", expected: /dollar amount ≥ 0/, found: /"lots"/ },
  { name: "negative Minimum Budget", raw: sampleWith("Schools", 2, 3, -100), table: "Schools", row: 3, column: "Minimum Budget", cell: "D3", expected: /dollar amount ≥ 0/, found: /-100/ },
  { name: "missing required column School Name", raw: sampleRaw({ Schools: dropColumn(g.Schools, 1) }), table: "Schools", row: null, column: "School Name", expected: /a column "School Name"/, found: /"School ID"/ },
  { name: "Schools with no rows", raw: sampleRaw({ Schools: [g.Schools[0]] }), table: "Schools", row: null, column: "School ID", expected: /at least one school/, count: 1 },
  { name: "missing required table Schools", raw: sampleRaw({ Schools: undefined }), table: "Schools", row: null, column: null, expected: /named "Schools"/, found: /no such table/ },
  // Enrollment
  { name: "unknown school", raw: sampleWith("Enrollment", 1, 0, "999"), table: "Enrollment", row: 2, column: "School ID", cell: "A2", expected: /School ID listed in the Schools table/, found: /"999"/ },
  { name: "need count above Students", raw: sampleWith("Enrollment", 1, 4, 301), table: "Enrollment", row: 2, column: "Poverty", cell: "E2", expected: /at most the row's Students \(300\)/, found: /301, more than the 300 students/ },
  { name: "negative need count", raw: sampleWith("Enrollment", 3, 5, -3), table: "Enrollment", row: 4, column: "EL", cell: "F4", expected: /number of students ≥ 0/ },
  { name: "text need count", raw: sampleWith("Enrollment", 3, 5, "some"), table: "Enrollment", row: 4, column: "EL", cell: "F4", expected: /number of students ≥ 0/, found: /"some"/ },
  { name: "negative Students", raw: sampleWith("Enrollment", 4, 3, -1), table: "Enrollment", row: 5, column: "Students", cell: "D5", expected: /number of students ≥ 0/ },
  { name: "boolean Students", raw: sampleWith("Enrollment", 4, 3, true), table: "Enrollment", row: 5, column: "Students", cell: "D5", expected: /number of students/, found: /TRUE/ },
  { name: "blank Level", raw: sampleWith("Enrollment", 1, 2, null), table: "Enrollment", row: 2, column: "Level", cell: "C2", expected: /level label/ },
  { name: "Level named All in Enrollment", raw: sampleWith("Enrollment", 1, 2, "all"), table: "Enrollment", row: 2, column: "Level", cell: "C2", expected: /other than "All"/ },
  { name: "duplicate (School ID, Level)", raw: sampleRaw({ Enrollment: appendRows(g.Enrollment, ["101", "x", "middle", 10, 0, 0]) }), table: "Enrollment", row: 6, column: "Level", cell: "C6", expected: /one row per school and level/, found: /already on row 3/ },
  { name: "empty enrollment", raw: sampleRaw({ Enrollment: [g.Enrollment[0]] }), table: "Enrollment", row: null, column: null, expected: /at least one enrollment row/, found: /empty/ },
  { name: "missing required column Students", raw: sampleRaw({ Enrollment: dropColumn(g.Enrollment, 3) }), table: "Enrollment", row: null, column: "Students", expected: /a column "Students"/ },
  { name: "duplicate need column header", raw: sampleRaw({ Enrollment: g.Enrollment.map((r, i) => [...r, i === 0 ? "poverty %" : 0]) }), table: "Enrollment", row: 1, column: "poverty %", cell: "G1", expected: /each column header only once/, found: /column E "Poverty"/ },
  { name: "need category named Base", raw: sampleRaw({ Enrollment: g.Enrollment.map((r, i) => [...r, i === 0 ? "Base" : 1]) }), table: "Enrollment", row: null, column: "Base", expected: /other than "Base" and "All"/ },
  { name: "missing required table Enrollment", raw: sampleRaw({ Enrollment: undefined }), table: "Enrollment", row: null, column: null, expected: /named "Enrollment"/ },
  // Weights
  { name: "unknown level in Weights", raw: sampleRaw({ Weights: appendRows(g.Weights, ["Base", "Primary", 1, null]) }), table: "Weights", row: 7, column: "Level", cell: "B7", expected: /level from Enrollment or "All" \(Elementary, Middle, High, All\)/, found: /"Primary"/ },
  { name: "unknown category in Weights", raw: sampleRaw({ Weights: appendRows(g.Weights, ["Gifted", "All", 0.1, null]) }), table: "Weights", row: 7, column: "Category", cell: "A7", expected: /"Base" or a need category from Enrollment \(Base, Poverty, EL\)/, found: /"Gifted"/ },
  { name: "both Weight and Per Pupil", raw: sampleWith("Weights", 4, 3, 100), table: "Weights", row: 5, column: "Per Pupil", cell: "D5", expected: /not both/, found: /Weight 0.25 and Per Pupil 100/ },
  { name: "neither Weight nor Per Pupil", raw: sampleWith("Weights", 4, 2, null), table: "Weights", row: 5, column: "Weight", cell: "C5", expected: /one of the two/, found: /both blank/ },
  { name: "negative Weight", raw: sampleWith("Weights", 4, 2, -0.25), table: "Weights", row: 5, column: "Weight", cell: "C5", expected: /weight ≥ 0/ },
  { name: "text Per Pupil", raw: sampleRaw({ Weights: setCell(setCell(g.Weights, 5, 2, null), 5, 3, "a lot") }), table: "Weights", row: 6, column: "Per Pupil", cell: "D6", expected: /dollar amount per pupil/, found: /"a lot"/ },
  { name: "blank Level in Weights", raw: sampleWith("Weights", 4, 1, null), table: "Weights", row: 5, column: "Level", cell: "B5", expected: /level from Enrollment or "All"/ },
  { name: "duplicate weight row", raw: sampleRaw({ Weights: appendRows(g.Weights, ["base", " elementary ", 1.05, null]) }), table: "Weights", row: 7, column: "Level", cell: "B7", expected: /one row per Category and Level/, found: /already on row 2/ },
  { name: "missing Base weight for a level", raw: sampleRaw({ Weights: dropRow(g.Weights, 3) }), table: "Weights", row: null, column: "Category", expected: /a Base row for level "High"/, found: /no Base weight for "High"/ },
  { name: "no Weight and no Per Pupil column", raw: sampleRaw({ Weights: dropColumn(dropColumn(g.Weights, 3), 2) }), table: "Weights", row: null, column: "Weight", expected: /"Weight" or a column "Per Pupil"/ },
  { name: "missing required table Weights", raw: sampleRaw({ Weights: undefined }), table: "Weights", row: null, column: null, expected: /named "Weights"/ },
  { name: "Weights category naming an Enrollment column without numbers", raw: sampleRaw({ Enrollment: g.Enrollment.map((r, i) => [...r, i === 0 ? "Gifted" : null]), Weights: appendRows(g.Weights, ["gifted", "All", 0.1, null]) }), table: "Weights", row: 7, column: "Category", cell: "A7", expected: /need category from Enrollment/, found: /the Enrollment column "Gifted" holds no numbers/ },
  // Revenue
  { name: "negative amount", raw: sampleWith("Revenue", 1, 3, -5), table: "Revenue", row: 2, column: "Amount", cell: "D2", expected: /dollar amount ≥ 0/, found: /^-5$/ },
  { name: "text amount", raw: sampleWith("Revenue", 1, 3, "abc"), table: "Revenue", row: 2, column: "Amount", cell: "D2", expected: /dollar amount ≥ 0/, found: /^"abc"$/ },
  { name: "blank amount", raw: sampleWith("Revenue", 2, 3, null), table: "Revenue", row: 3, column: "Amount", cell: "D3", expected: /dollar amount/, found: /a blank cell/ },
  { name: "date amount", raw: sampleWith("Revenue", 2, 3, new Date(Date.UTC(2024, 0, 31))), table: "Revenue", row: 3, column: "Amount", cell: "D3", expected: /dollar amount/, found: /a date 2024-01-31/ },
  { name: "percent amount", raw: sampleWith("Revenue", 2, 3, "40%"), table: "Revenue", row: 3, column: "Amount", cell: "D3", expected: /dollar amount/ },
  { name: "School Share > 100%", raw: sampleWith("Revenue", 1, 5, "150%"), table: "Revenue", row: 2, column: "School Share", cell: "F2", expected: /from 0% to 100%/, found: /"150%"/ },
  { name: "School Share 150 (a number above 1 is a percentage)", raw: sampleWith("Revenue", 1, 5, 150), table: "Revenue", row: 2, column: "School Share", cell: "F2", expected: /from 0% to 100%/ },
  { name: "School Share < 0", raw: sampleWith("Revenue", 1, 5, -0.1), table: "Revenue", row: 2, column: "School Share", cell: "F2", expected: /from 0% to 100%/ },
  { name: "Locked with a share", raw: sampleWith("Revenue", 3, 5, "10%"), table: "Revenue", row: 4, column: "School Share", cell: "F4", expected: /Locked sources are held centrally/, found: /10%.*Locked/ },
  { name: "duplicate source", raw: sampleRaw({ Revenue: appendRows(g.Revenue, ["state aid", null, null, 5, null, null, null, null]) }), table: "Revenue", row: 5, column: "Source", cell: "A5", expected: /Source name not used by another row/, found: /already on row 2/ },
  { name: "bad Status", raw: sampleWith("Revenue", 1, 4, "Frozen"), table: "Revenue", row: 2, column: "Status", cell: "E2", expected: /Unlocked, Locked, Grant/, found: /"Frozen"/ },
  { name: "bad Type", raw: sampleWith("Revenue", 1, 1, "Lottery"), table: "Revenue", row: 2, column: "Type", cell: "B2", expected: /Federal, State, Local, Private, Other/ },
  { name: "bad Yes/No in Restricted", raw: sampleWith("Revenue", 1, 2, "Maybe"), table: "Revenue", row: 2, column: "Restricted", cell: "C2", expected: /Yes or No/, found: /"Maybe"/ },
  { name: "Funds naming an unknown category", raw: sampleWith("Revenue", 2, 6, "Gifted"), table: "Revenue", row: 3, column: "Funds", cell: "G3", expected: /All, Base or a need category from Enrollment \(Poverty, EL\)/, found: /"Gifted"/ },
  { name: "unparseable Eligible", raw: sampleWith("Revenue", 2, 7, "Povrty >= 40"), table: "Revenue", row: 3, column: "Eligible", cell: "H3", expected: /a list of levels.*School IDs.*rules joined by "and"/, found: /"Povrty" is neither a need category nor a Schools column/ },
  { name: "Eligible list mixing levels and School IDs", raw: sampleWith("Revenue", 2, 7, "Elementary, 101"), table: "Revenue", row: 3, column: "Eligible", cell: "H3", expected: /list of levels/, found: /mixes levels and School IDs/ },
  { name: "Eligible list with an unknown name", raw: sampleWith("Revenue", 2, 7, "101; 555"), table: "Revenue", row: 3, column: "Eligible", cell: "H3", expected: /list of School IDs/, found: /"555" is neither a level nor a School ID/ },
  { name: "Eligible share rule with a text value", raw: sampleWith("Revenue", 2, 7, "Poverty % >= many"), table: "Revenue", row: 3, column: "Eligible", cell: "H3", expected: /rules/, found: /not a percentage/ },
  { name: "Eligible ordering a text value", raw: sampleWith("Revenue", 2, 7, "Region > North"), table: "Revenue", row: 3, column: "Eligible", cell: "H3", expected: /rules/, found: /only be compared with = or <>/ },
  { name: "missing required column Amount", raw: sampleRaw({ Revenue: dropColumn(g.Revenue, 3) }), table: "Revenue", row: null, column: "Amount", expected: /a column "Amount"/ },
  { name: "missing required table Revenue", raw: sampleRaw({ Revenue: undefined }), table: "Revenue", row: null, column: null, expected: /named "Revenue"/ },
  // Policy
  { name: "bad Rounding", raw: withPolicy(["Rounding", "nickel"]), table: "Policy", row: 2, column: "Value", cell: "B2", expected: /"cent" or "dollar"/, found: /"nickel"/ },
  { name: "Phase In > 100%", raw: withPolicy(["Rounding", "dollar"], ["Phase In", "150%"]), table: "Policy", row: 3, column: "Value", cell: "B3", expected: /from 0% to 100%/ },
  { name: "negative Gain Cap", raw: withPolicy(["Gain Cap", -5]), table: "Policy", row: 2, column: "Value", cell: "B2", expected: /percentage ≥ 0/ },
  { name: "Hold Harmless above 100%", raw: withPolicy(["Hold Harmless", "120%"]), table: "Policy", row: 2, column: "Value", cell: "B2", expected: /percentage of Current Budget from 0% to 100%/ },
  { name: "text Base Amount", raw: withPolicy(["Base Amount", "high"]), table: "Policy", row: 2, column: "Value", cell: "B2", expected: /dollar amount ≥ 0 per weighted pupil/ },
  { name: "duplicate Policy setting", raw: withPolicy(["Phase In", "50%"], ["phase_in", "60%"]), table: "Policy", row: 3, column: "Setting", cell: "A3", expected: /each setting only once/, found: /already on row 2/ },
  { name: "Policy without a Value column", raw: sampleRaw({ Policy: [["Setting"], ["Rounding"]] }), table: "Policy", row: null, column: "Value", expected: /a column "Value"/ },
  // Initiatives
  { name: "duplicate initiative", raw: withInitiatives(appendRows(INITIATIVES, ["after school", 1, 1, null, null])), table: "Initiatives", row: 4, column: "Initiative", cell: "A4", expected: /Initiative name not used by another row/ },
  { name: "blank Direct Cost", raw: withInitiatives(setCell(INITIATIVES, 2, 1, null)), table: "Initiatives", row: 3, column: "Direct Cost", cell: "B3", expected: /dollar amount ≥ 0 per year/ },
  { name: "negative Students Served", raw: withInitiatives(setCell(INITIATIVES, 1, 2, -80)), table: "Initiatives", row: 2, column: "Students Served", cell: "C2", expected: /number of students ≥ 0/ },
  { name: "text Learning Gain", raw: withInitiatives(setCell(INITIATIVES, 1, 3, "good")), table: "Initiatives", row: 2, column: "Learning Gain", cell: "D2", expected: /learning gain per student served/ },
  { name: "Importance outside 1-5", raw: withInitiatives(setCell(INITIATIVES, 1, 4, 7)), table: "Initiatives", row: 2, column: "Importance", cell: "E2", expected: /rating from 1 to 5/ },
  { name: "Initiatives missing Students Served column", raw: withInitiatives(dropColumn(INITIATIVES, 2), undefined), table: "Initiatives", row: null, column: "Students Served", expected: /a column "Students Served"/ },
  { name: "segment for an unknown initiative", raw: withInitiatives(INITIATIVES, appendRows(SEGMENTS, ["Tutoring", "all", 10, 0.1])), table: "Initiative Segments", row: 4, column: "Initiative", cell: "A4", expected: /Initiative listed in the Initiatives table/, found: /"Tutoring"/ },
  { name: "blank Segment", raw: withInitiatives(INITIATIVES, setCell(SEGMENTS, 1, 1, null)), table: "Initiative Segments", row: 2, column: "Segment", cell: "B2", expected: /segment name/ },
  { name: "duplicate segment", raw: withInitiatives(INITIATIVES, appendRows(SEGMENTS, ["reading recovery", "1+ Year Behind", 5, 0.2])), table: "Initiative Segments", row: 4, column: "Segment", cell: "B4", expected: /one row per Initiative and Segment/ },
  { name: "segments without an Initiatives table", raw: sampleRaw({ "Initiative Segments": SEGMENTS }), table: "Initiative Segments", row: null, column: null, expected: /an Initiatives table/ },
];

describe("parseDistrict: bad input", () => {
  it("has at least 35 distinct cases", () => {
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    expect(cases.length).toBeGreaterThanOrEqual(35);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const r = parseDistrict(c.raw);
    if (r.ok) throw new Error("expected errors, got a district");
    expect(r.errors).toHaveLength(c.count ?? 1);
    const e = r.errors.map(wordedError).find((x) => x.table === c.table && x.row === c.row && x.column === c.column) as InputError;
    expect(e).toBeDefined();
    expect(e.expected).toMatch(c.expected);
    if (c.found) expect(e.found).toMatch(c.found);
    if (c.cell !== undefined) expect(e.cell).toBe(c.cell);
    if (c.row !== null) expect(e.sheet).toBe(c.table);
    expect(e.found?.length).toBeGreaterThan(0);
  });
});

describe("parseDistrict: collecting errors", () => {
  it("reports errors from several tables in one call, in table then row order", () => {
    const grids = sampleGrids();
    const raw = rawTables({
      ...grids,
      Schools: setCell(grids.Schools, 2, 2, "n/a"),
      Enrollment: setCell(setCell(grids.Enrollment, 4, 4, 900), 1, 3, "x"),
      Weights: setCell(grids.Weights, 4, 3, 10),
      Revenue: setCell(setCell(grids.Revenue, 2, 4, "Frozen"), 1, 3, -1),
      Policy: [["Setting", "Value"], ["Rounding", "nickel"]],
    });
    const r = parseDistrict(raw);
    if (r.ok) throw new Error("expected errors");
    expect(r.errors.map((e) => `${e.table}!${e.cell}`)).toEqual([
      "Schools!C3",
      "Enrollment!D2",
      "Enrollment!E5",
      "Weights!D5",
      "Revenue!D2",
      "Revenue!E3",
      "Policy!B2",
    ]);
  });

  it("collects every bad cell of a row and of a table, not only the first", () => {
    const grids = sampleGrids();
    const revenue = setCell(setCell(setCell(grids.Revenue, 1, 1, "Lottery"), 1, 2, "Maybe"), 1, 3, "abc");
    const r = parseDistrict(rawTables({ ...grids, Revenue: setCell(revenue, 2, 3, "-$4") }));
    if (r.ok) throw new Error("expected errors");
    expect(r.errors.map((e) => e.cell)).toEqual(["B2", "C2", "D2", "D3"]);
  });

  it("reports every missing required table at once", () => {
    const r = parseDistrict({});
    if (r.ok) throw new Error("expected errors");
    expect(r.errors.map((e) => e.table)).toEqual(["Schools", "Enrollment", "Weights", "Revenue"]);
    expect(r.errors.every((e) => e.row === null && e.column === null)).toBe(true);
  });

  it("names the sheet row and cell of a table placed anywhere on another sheet", () => {
    const grids = sampleGrids();
    const raw = rawTables(
      { ...grids, Revenue: setCell(grids.Revenue, 2, 3, "abc") },
      { Revenue: { sheet: "Inputs", headerRow: 10, firstColumn: 3, kind: "table" } },
    );
    const r = parseDistrict(raw);
    if (r.ok) throw new Error("expected errors");
    expect(r.errors.map(wordedError)).toEqual([
      { table: "Revenue", sheet: "Inputs", row: 12, column: "Amount", cell: "F12", expected: expect.any(String), found: '"abc"' },
    ]);
  });

  it("sorts table-level errors before row errors and columns by letter", () => {
    const e = (table: string, row: number | null, cell?: string): InputError => ({ table, row, column: null, cell, expected: "", found: "" });
    const sorted = sortErrors([e("Revenue", 2, "AA2"), e("Schools", 3, "B3"), e("Revenue", 2, "B2"), e("Revenue", null), e("Schools", 2, "C2")]);
    expect(sorted.map((x) => `${x.table}:${x.row}:${x.cell ?? "-"}`)).toEqual([
      "Schools:2:C2",
      "Schools:3:B3",
      "Revenue:null:-",
      "Revenue:2:B2",
      "Revenue:2:AA2",
    ]);
  });
});

describe("parseDistrict: good input", () => {
  it("returns the district with levels, needs, rates and sources", () => {
    const r = parseDistrict(sampleRaw());
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const d = r.district;
    expect(d.levels).toEqual(["Elementary", "Middle", "High"]);
    expect(d.needs).toEqual(["Poverty", "EL"]);
    expect(d.schools.map((s) => s.id)).toEqual(["101", "102", "103"]);
    expect(d.enrollment.map((e) => [e.schoolIndex, e.levelIndex, e.students, e.needs])).toEqual([
      [0, 0, 300, [150, 30]],
      [0, 1, 200, [60, 0]],
      [1, 0, 400, [100, 40]],
      [2, 2, 500, [250, 25]],
    ]);
    expect(d.rates[1]).toEqual([{ kind: "weight", weight: 1.1 }, { kind: "weight", weight: 0.25 }, { kind: "weight", weight: 0.4 }]);
    expect(d.sources.map((s) => [s.name, s.amount, s.status, s.schoolShare, s.funds])).toEqual([
      ["State Aid", 1_000_000_000, "Unlocked", 0.9, "All"],
      ["Title I", 60_000_000, "Grant", 1, "Poverty"],
      ["Central Office", 50_000_000, "Locked", 0, "All"],
    ]);
    expect(d.policy.phaseIn).toBe(1);
    expect(d.initiatives).toBeNull();
    expect(d.segments).toBeNull();
    expect(r.warnings).toEqual([]);
  });

  it("orders levels by the Weights rows first, then other Enrollment levels, keeping the first spelling", () => {
    const grids = sampleGrids();
    const weights = [
      ["Category", "Level", "Weight"],
      ["Base", "all", 1],
      ["Base", "HIGH", 1.2],
      ["Poverty", " middle ", 0.3],
    ];
    const r = parseDistrict(rawTables({ ...grids, Weights: weights }));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.district.levels).toEqual(["HIGH", "middle", "Elementary"]);
    expect(r.district.enrollment.map((e) => e.level)).toEqual(["Elementary", "middle", "Elementary", "HIGH"]);
    expect(r.district.rates.map((l) => (l[0] as { weight: number }).weight)).toEqual([1.2, 1, 1]);
  });

  it("reads Initiatives and Initiative Segments when present", () => {
    const r = parseDistrict(withInitiatives());
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.district.initiatives?.map((i) => [i.name, i.directCost, i.studentsServed, i.learningGain])).toEqual([
      ["Reading Recovery", 12_000_000, 80, 0.3],
      ["After School", 5_000_000, 200, null],
    ]);
    expect(r.district.segments?.map((s) => [s.initiative, s.segment])).toEqual([
      ["Reading Recovery", "1+ year behind"],
      ["Reading Recovery", "less than 1 year behind"],
    ]);
  });

  it("matches header variants in every table", () => {
    const g = sampleGrids();
    const raw = sampleRaw({
      Schools: [["school_id", "SCHOOL NAME", "current-budget ($)"], ...g.Schools.slice(1).map((r) => r.slice(0, 3))],
      Enrollment: [["School Id", "level", "STUDENTS", "Poverty %", "E_L"], ...g.Enrollment.slice(1).map((r) => [r[0], r[2], r[3], r[4], r[5]])],
      Weights: [["CATEGORY", "Level", "weight", "per_pupil ($)"], ...g.Weights.slice(1)],
      Revenue: [["source", "Amount ($)", "School Share %", "FUNDS", "eligible"], ["A", "$5", "40", "poverty", "poverty % >= 40%"]],
    });
    const r = parseDistrict(raw);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.district.needs).toEqual(["Poverty", "E_L"]);
    expect(r.district.schools[1].current).toBe(80_000_000);
    expect(r.district.sources[0]).toMatchObject({ amount: 500, schoolShare: 0.4, funds: "Poverty" });
    expect(r.district.rates[0][2]).toEqual({ kind: "weight", weight: 0.4 });
  });

  it("looks tables up by key regardless of case", () => {
    const raw = sampleRaw();
    const moved: RawTables = {};
    for (const [k, v] of Object.entries(raw)) moved[k.toUpperCase()] = v;
    expect(parseDistrict(moved).ok).toBe(true);
  });
});
