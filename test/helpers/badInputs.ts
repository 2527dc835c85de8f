/**
 * A battery of bad inputs for every reader of the engine (src/engine/parse): each cell of every sample table set to
 * values a reader refuses, every column dropped, every table dropped, duplicated rows, plus the optional tables
 * (Policy, Initiatives, Initiative Segments, Survey Responses / Items / Waves, Outcomes, Peers, Readiness).
 * Returns every problem and every warning the readers report, in order, with the case that caused it.
 */
import { parseDistrict } from "../../src/engine/parse";
import type { ParseContext } from "../../src/engine/parse/headers";
import { parseOutcomes } from "../../src/engine/parse/outcomes";
import { parsePeers } from "../../src/engine/parse/peers";
import { parseReadiness } from "../../src/engine/parse/readiness";
import { parseSurveys } from "../../src/engine/parse/surveys";
import type { Cell, InputError, RawTables } from "../../src/engine/types";
import { appendRows, dropColumn, dropRow, rawTables, sampleGrids, sampleRaw, setCell, type Grid } from "./raw";

export interface BadRun {
  name: string;
  errors: InputError[];
  warnings: unknown[];
}

/** Values every cell of a table is set to, one at a time. */
const BAD: Cell[] = [null, "abc", -1, 1.234, 2.5, "150%", "$5", 0, 1e15, true, new Date(Date.UTC(2024, 0, 31)), "all", "base", 20_000_000];

const INITIATIVES: Grid = [
  ["Initiative", "Direct Cost", "Staff Hours", "Hourly Cost", "Indirect Cost", "Students Served", "Learning Gain", "Importance", "Effectiveness"],
  ["Reading Recovery", "$120,000", 10, 30, 1000, 80, 0.3, 4, 3],
  ["After School", 50000, null, null, null, 200, null, null, null],
];
const SEGMENTS: Grid = [
  ["Initiative", "Segment", "Students Served", "Learning Gain", "Cost"],
  ["Reading Recovery", "1+ year behind", 50, 0.4, 100],
  ["Reading Recovery", "less than 1 year behind", 30, 0.15, null],
];
const POLICY: Grid = [
  ["Setting", "Value"],
  ["Base Amount", null],
  ["Foundation Per School", 0],
  ["Hold Harmless", "98%"],
  ["Gain Cap", "5%"],
  ["Phase In", "100%"],
  ["Rounding", "cent"],
  ["ADA Levels", null],
  ["Survey Minimum Group", 5],
  ["Plan Years", 5],
];
const SURVEY: Grid = [
  ["Respondent", "Role", "School ID", "Wave", "Item", "Component", "Response"],
  ["r1", "Teacher", "101", "2025 Fall", "Funds are fair.", "Equity", 3],
  ["r2", "Principal", "District", "2025 Fall", "Funds are fair.", null, 4],
];
const ITEMS: Grid = [
  ["Item", "Component"],
  ["Funds are fair.", "Equity"],
  ["I understand the budget.", "Transparency"],
];
const WAVES: Grid = [["Wave"], ["2025 Fall"], ["2026 Spring"]];
const WIDE: Grid = [
  ["Respondent", "Role", "School ID", "Wave", "Funds are fair.", "I understand the budget.", "Timestamp"],
  ["r1", "Teacher", "101", "2025 Fall", 3, "agree", "9:00"],
  ["r2", "Parent", null, "2025 Fall", null, 2, "9:05"],
];
const OUTCOMES: Grid = [
  ["School ID", "Year", "Measure", "Value"],
  ["101", 2025, "Reading Proficiency %", "62%"],
  ["102", "2024-25", "Math Growth", 0.5],
];
const PEERS: Grid = [
  ["District", "Enrollment", "Function", "Amount", "FTE"],
  ["Springfield", 12000, "Transportation", 4_000_000, 50],
  ["Springfield", null, "Central Administration", 2_000_000, null],
  ["Shelbyville", 9000, "Transportation", 3_000_000, 40],
];
const READINESS: Grid = [
  ["Area", "Question", "Rating", "Evidence", "Owner"],
  ["Vision", "Is there a shared vision?", 3, "Board minutes", "Superintendent"],
  ["Systems", "Are the systems ready?", null, null, null],
];

/** Every grid with each data cell replaced by each bad value, each column dropped, the first data row repeated. */
function mutations(grid: Grid): { name: string; grid: Grid }[] {
  const out: { name: string; grid: Grid }[] = [];
  for (let r = 1; r < grid.length; r++)
    for (let c = 0; c < grid[0].length; c++) for (const v of BAD) out.push({ name: `row ${r} col ${c} = ${String(v)}`, grid: setCell(grid, r, c, v) });
  for (let c = 0; c < grid[0].length; c++) out.push({ name: `without column ${c}`, grid: dropColumn(grid, c) });
  for (let c = 0; c < grid[0].length; c++) out.push({ name: `header ${c} blank`, grid: setCell(grid, 0, c, null) });
  out.push({ name: "first row twice", grid: appendRows(grid, grid[1]) });
  out.push({ name: "header twice", grid: grid.map((row, i) => [...row, i === 0 ? row[0] : null]) });
  out.push({ name: "no rows", grid: [grid[0]] });
  out.push({ name: "keyless row with values", grid: setCell(grid, 1, 0, null) });
  return out;
}

function district(name: string, raw: RawTables, runs: BadRun[]): void {
  const r = parseDistrict(raw);
  runs.push({ name, errors: r.ok ? [] : r.errors, warnings: r.ok ? r.warnings : [] });
}

function optional(name: string, read: (ctx: ParseContext) => unknown, runs: BadRun[]): void {
  const ctx: ParseContext = { errors: [], warnings: [] };
  read(ctx);
  runs.push({ name, errors: ctx.errors, warnings: ctx.warnings });
}

/** Every run of the battery, in a fixed order. */
export function badInputRuns(): BadRun[] {
  const runs: BadRun[] = [];
  const g = sampleGrids();
  for (const table of Object.keys(g)) {
    for (const m of mutations(g[table])) district(`${table} ${m.name}`, sampleRaw({ [table]: m.grid }), runs);
    district(`without ${table}`, sampleRaw({ [table]: undefined }), runs);
  }
  district("every amount 0", sampleRaw({ Revenue: g.Revenue.map((r, i) => (i === 0 ? r : setCell([r], 0, 3, 0)[0])) }), runs);
  district("amounts too large together", sampleRaw({ Revenue: g.Revenue.map((r, i) => (i === 0 ? r : setCell([r], 0, 3, 900_000_000_000)[0])) }), runs);
  district("every student 0", sampleRaw({ Enrollment: g.Enrollment.map((r, i) => (i === 0 ? r : [r[0], r[1], r[2], 0, 0, 0])) }), runs);
  district("no Base weight for High", sampleRaw({ Weights: dropRow(g.Weights, 3) }), runs);
  district("no Weight nor Per Pupil column", sampleRaw({ Weights: dropColumn(dropColumn(g.Weights, 3), 2) }), runs);
  district("Enrollment text column", sampleRaw({ Enrollment: g.Enrollment.map((r, i) => [...r, i === 0 ? "Gifted" : "x"]) }), runs);
  district("school without enrollment", sampleRaw({ Schools: appendRows(g.Schools, ["104", "New School", null, null, null, null]) }), runs);
  district("Weights names a text column", sampleRaw({ Enrollment: g.Enrollment.map((r, i) => [...r, i === 0 ? "Gifted" : null]), Weights: appendRows(g.Weights, ["gifted", "All", 0.1, null]) }), runs);
  for (const e of ["Povrty >= 40", "Elementary, 101", "101; 555", "Poverty % >= many", "Region > North", ";", "Poverty >=", ">= 4", "101; 555; 777"])
    district(`Eligible ${e}`, sampleRaw({ Revenue: setCell(g.Revenue, 2, 7, e) }), runs);
  for (const m of mutations(POLICY)) district(`Policy ${m.name}`, sampleRaw({ Policy: m.grid }), runs);
  district("Policy unknown setting", sampleRaw({ Policy: appendRows(POLICY, ["Colour", "blue"]) }), runs);
  district("Policy ADA Levels unknown", sampleRaw({ Policy: setCell(POLICY, 7, 1, "Primary") }), runs);
  district("Attendance Rate bad", sampleRaw({ Schools: g.Schools.map((r, i) => [...r, i === 0 ? "Attendance Rate" : i === 1 ? "120%" : 0.95]) }), runs);
  district("Attendance Rate bad with ADA", sampleRaw({ Schools: g.Schools.map((r, i) => [...r, i === 0 ? "Attendance Rate" : i === 1 ? "abc" : 0.95]), Policy: setCell(POLICY, 7, 1, "Elementary") }), runs);
  for (const m of mutations(INITIATIVES)) district(`Initiatives ${m.name}`, sampleRaw({ Initiatives: m.grid, "Initiative Segments": SEGMENTS }), runs);
  for (const m of mutations(SEGMENTS)) district(`Segments ${m.name}`, sampleRaw({ Initiatives: INITIATIVES, "Initiative Segments": m.grid }), runs);
  district("Segments without Initiatives", sampleRaw({ "Initiative Segments": SEGMENTS }), runs);

  const ids = ["101", "102"];
  const surveys = (name: string, grids: Record<string, Grid | undefined>) => optional(name, (ctx) => parseSurveys(rawTables(grids), ctx, ids), runs);
  for (const m of mutations(SURVEY)) surveys(`Survey ${m.name}`, { "Survey Responses": m.grid, "Survey Items": ITEMS, "Survey Waves": WAVES, Policy: POLICY });
  for (const m of mutations(SURVEY)) surveys(`Survey alone ${m.name}`, { "Survey Responses": m.grid });
  for (const m of mutations(WIDE)) surveys(`Wide ${m.name}`, { "Survey Responses": m.grid, "Survey Items": ITEMS, "Survey Waves": WAVES });
  for (const m of mutations(ITEMS)) surveys(`Items ${m.name}`, { "Survey Responses": SURVEY, "Survey Items": m.grid });
  for (const m of mutations(WAVES)) surveys(`Waves ${m.name}`, { "Survey Responses": SURVEY, "Survey Waves": m.grid });
  surveys("Wide without Items", { "Survey Responses": WIDE });
  surveys("Wide with no item column", { "Survey Responses": WIDE.map((r) => r.slice(0, 4).concat(r.slice(6))), "Survey Items": ITEMS });
  surveys("Long without Response", { "Survey Responses": dropColumn(SURVEY, 6) });
  surveys("second answer", { "Survey Responses": appendRows(SURVEY, ["r1", "Teacher", "101", "2025 Fall", "Funds are fair.", "Equity", 2]) });
  for (const v of [0, "many", 2.5, null]) surveys(`Minimum Group ${String(v)}`, { "Survey Responses": SURVEY, Policy: [["Setting", "Value"], ["Survey Minimum Group", v]] });
  for (const m of mutations(OUTCOMES)) optional(`Outcomes ${m.name}`, (ctx) => parseOutcomes(rawTables({ Outcomes: m.grid }), ctx, ids), runs);
  optional("Outcomes second value", (ctx) => parseOutcomes(rawTables({ Outcomes: appendRows(OUTCOMES, ["101", 2025, "reading proficiency %", 60]) }), ctx, ids), runs);
  for (const m of mutations(PEERS)) optional(`Peers ${m.name}`, (ctx) => parsePeers(rawTables({ Peers: m.grid }), ctx), runs);
  optional("Peers enrollment differs", (ctx) => parsePeers(rawTables({ Peers: setCell(PEERS, 2, 1, 13000) }), ctx), runs);
  for (const m of mutations(READINESS)) optional(`Readiness ${m.name}`, (ctx) => parseReadiness(rawTables({ Readiness: m.grid }), ctx), runs);
  return runs;
}
