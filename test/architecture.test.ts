/**
 * Layers that only point down: engine ← analysis (A-ROI, equity, planning, surveys, benchmarks…) ← words ← report ← hosts (Office.js,
 * .xlsx, in memory) ← pane, preview and CLI. The engine imports nothing above it, and no import cycle exists anywhere.
 */
import * as fs from "fs";
import * as path from "path";
import { importCycles, importGraph, layerOf, upwardImports, type ImportGraph, type Layer } from "./helpers/importGraph";
import { analysisWordingIn, sentencesIn } from "./helpers/sentences";

const ROOT = path.join(__dirname, "..");

/** Lowest first. A file belongs to the layer with the longest prefix it starts with. */
const LAYERS: Layer[] = [
  { name: "engine", prefixes: ["src/engine/"] },
  {
    name: "analysis",
    // A-ROI, equity, planning, surveys, readiness, benchmarks, outcomes, and the readers of the tables only the
    // analyses use (src/analysis/parse).
    prefixes: ["src/analysis/"],
  },
  // Wording: the sentences the pane, the sheets, the calculators and the CLI print, built from the engine's data.
  { name: "words", prefixes: ["src/words/"] },
  { name: "report", prefixes: ["src/report/", "src/sample/"] },
  { name: "hosts", prefixes: ["src/excel/", "src/xlsx/", "src/host/"] },
  { name: "app", prefixes: ["src/taskpane/", "src/preview/", "src/cli/"] },
];

/**
 * The engine files that still hold wording, each with why; every other file under src/engine builds no sentence
 * (its lines, notes and warnings are data, in words in src/words). Shrink this list; never grow it.
 */
const ENGINE_WORDING: Record<string, string> = {
  "src/engine/parse/": "the readers' located errors (src/words/errors.ts formats them)",
  "src/engine/tables.ts": "the contract's table registry (header descriptions, generated into docs/CONTRACT.md)",
  "src/engine/policySettings.ts": "the contract's Policy settings registry (generated into docs/CONTRACT.md)",
};

/**
 * The analysis files that still build sentences (A-ROI reasons, the funding reconciliation, savings labels, equity
 * solver messages, readiness, survey, benchmark and outcomes texts). Each is being moved to src/words; remove a file
 * from this list when it builds none. Shrink this list; never grow it.
 */
const ANALYSIS_WORDING_PENDING: string[] = [];

describe("architecture", () => {
  const { graph, unresolved } = importGraph(ROOT);

  test("every relative import resolves to a source file", () => {
    expect(unresolved).toEqual([]);
    expect(graph.size).toBeGreaterThan(100);
  });

  test("every source file belongs to a layer", () => {
    expect([...graph.keys()].filter((f) => layerOf(f, LAYERS) === null)).toEqual([]);
  });

  test("imports only point down: the engine imports nothing from report, hosts, pane, preview or CLI", () => {
    expect(upwardImports(graph, LAYERS)).toEqual([]);
  });

  test("the engine imports nothing from the words layer (wording sits above the engine and the analyses)", () => {
    const words = [...graph].flatMap(([from, tos]) => (from.startsWith("src/engine/") ? tos.filter((to) => to.startsWith("src/words/")).map((to) => `${from} → ${to}`) : []));
    expect(words).toEqual([]);
    expect([...graph.keys()].some((f) => f.startsWith("src/words/"))).toBe(true);
  });

  test("the engine builds no sentences: the allocation's lines, rule notes and warnings are data, worded in src/words", () => {
    const exempt = Object.keys(ENGINE_WORDING);
    const files = [...graph.keys()].filter((f) => f.startsWith("src/engine/") && !exempt.some((e) => f.startsWith(e)));
    expect(files.filter((f) => f.startsWith("src/engine/allocate/")).length).toBeGreaterThan(15);
    expect(files.flatMap((f) => sentencesIn(f, fs.readFileSync(path.join(ROOT, f), "utf8")))).toEqual([]);
    // Every exemption names something that exists.
    for (const e of exempt) expect(fs.existsSync(path.join(ROOT, e))).toBe(true);
  });

  test("the analyses build no sentences either: their results are codes and numbers, worded in src/words", () => {
    const files = [...graph.keys()].filter((f) => f.startsWith("src/analysis/") && !ANALYSIS_WORDING_PENDING.includes(f));
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap((f) => sentencesIn(f, fs.readFileSync(path.join(ROOT, f), "utf8")))).toEqual([]);
    // A file still listed builds sentences (remove it from the list when it stops).
    expect(ANALYSIS_WORDING_PENDING.filter((f) => !fs.existsSync(path.join(ROOT, f)) || sentencesIn(f, fs.readFileSync(path.join(ROOT, f), "utf8")).length === 0)).toEqual([]);
  });

  test("the sentence check finds the wording the engine used to build, and leaves located errors alone", () => {
    const before = [
      "export function lineText(l: Line): string {",
      "  return `${count(l.count ?? 0)} ${l.level ?? \"\"} ${who} × ${dollars(l.rate ?? 0)} = ${dollars(l.amount)} (${l.source})`;",
      "}",
      "function adjust(w: Work): void {",
      "  if (solved.excess > 0) w.warnings.push(`Every school is at its gain cap: ${dollars(held)} of general money is held centrally.`);",
      '  const label = "Carried from the prior year";',
      "}",
      "class Model extends Base {",
      "  constructor() {",
      '    super("Carried from the prior year");',
      "  }",
      "}",
    ].join("\n");
    expect(sentencesIn("src/engine/allocate/x.ts", before)).toEqual([
      "src/engine/allocate/x.ts:2: … … … × … = … (…)",
      "src/engine/allocate/x.ts:5: Every school is at its gain cap: … of general money is held centrally.",
      "src/engine/allocate/x.ts:6: Carried from the prior year",
      "src/engine/allocate/x.ts:10: Carried from the prior year",
    ]);
    const errors = [
      'import { count } from "../some where else";',
      "type Kind = \"one two three\";",
      "function check(): void {",
      '  w.errors.push(settingError(d, "foundationPerSchool", `at most ${x} per school from the pool`, dollars(amount)));',
      '  errors.push({ table: "Schools", row: 2, column: "Attendance Rate", expected: "a rate above 0% and at most 100%", found: `${x} is not a rate` });',
      "  throw new RangeError(`No level ${levelIndex} in this district`);",
      "}",
      "class MissingValueError extends Error {",
      "  constructor(id: string) {",
      "    super(`an expression refers to ${id}, which has no value yet`);",
      "  }",
      "}",
    ].join("\n");
    expect(sentencesIn("src/engine/allocate/y.ts", errors)).toEqual([]);
  });

  test("the analyses hand over data: no sentence is pushed as a warning or given to a table reader as an expectation", () => {
    const files = [...graph.keys()].filter((f) => f.startsWith("src/analysis/"));
    expect(files.filter((f) => f.startsWith("src/analysis/parse/")).length).toBeGreaterThan(3);
    expect(files.flatMap((f) => analysisWordingIn(f, fs.readFileSync(path.join(ROOT, f), "utf8")))).toEqual([]);
  });

  test("the analysis check finds the warnings and expectations the analyses used to word", () => {
    const old = [
      "function plan(): void {",
      "    if (p.year > n) warnings.push(`Projections row ${p.sheetRow}: year ${p.year} is after the last plan year (${n}); the row is not used.`);",
      "        warnings.push(",
      "          `Projections row ${total.sheetRow}: the ${level} total for year ${year} (${total.value}) is below the schools given their own rows (${fixedSum}); the other ${level} rows get 0 students.`,",
      "        );",
      "    if (!known.has(nameKey(name))) warnings.push(`Override for \"${name}\" ignored: no initiative has that name.`);",
      '    const ease = t.number(k, c.ease, "a whole number from 1 (hard) to 5 (easy)", { min: 1, max: 5 });',
      '    const restricted = t.cents(k, t.col("Restricted $"), { what: "a dollar amount ≥ 0 (restricted spending)" });',
      "      if (dup !== undefined) t.rowError(k, { code: \"projectionOnce\" }, `the same year, kind, key and school again (already on row ${dup})`);",
      "}",
    ].join("\n");
    expect(analysisWordingIn("src/analysis/x.ts", old).map((l) => l.split(": ")[0])).toEqual([2, 3, 6, 7, 8, 9].map((n) => `src/analysis/x.ts:${n}`));
    const data = [
      "function plan(): void {",
      '  warnings.push({ code: "projectionAfterPlan", row: p.sheetRow, year: p.year, years: n });',
      '  const ease = t.number(k, c.ease, { code: "ease" }, { min: 1, max: 5 });',
      '  notes.push(name);',
      "}",
    ].join("\n");
    expect(analysisWordingIn("src/analysis/y.ts", data)).toEqual([]);
  });

  test("no import cycle", () => {
    expect(importCycles(graph)).toEqual([]);
  });

  test("the checks find an upward import and a cycle when there is one", () => {
    const g: ImportGraph = new Map([
      ["src/engine/errors.ts", ["src/report/names.ts"]],
      ["src/engine/allocate/explain.ts", ["src/words/allocation.ts"]],
      ["src/words/allocation.ts", ["src/engine/types.ts"]],
      ["src/report/names.ts", []],
      ["src/analysis/aroi/a.ts", ["src/analysis/aroi/b.ts"]],
      ["src/analysis/aroi/b.ts", ["src/analysis/aroi/a.ts", "src/engine/types.ts"]],
      ["src/engine/types.ts", []],
      ["src/engine/allocate/x.ts", ["src/analysis/plan/y.ts"]],
      ["src/analysis/plan/y.ts", ["src/engine/types.ts"]],
    ]);
    expect(upwardImports(g, LAYERS)).toEqual([
      "src/engine/allocate/explain.ts (engine) → src/words/allocation.ts (words)",
      "src/engine/allocate/x.ts (engine) → src/analysis/plan/y.ts (analysis)",
      "src/engine/errors.ts (engine) → src/report/names.ts (report)",
    ]);
    expect(importCycles(g)).toEqual([["src/analysis/aroi/a.ts", "src/analysis/aroi/b.ts"]]);
  });
});
