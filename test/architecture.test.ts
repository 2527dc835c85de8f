/**
 * Layers that only point down: engine ← analysis (A-ROI, equity, planning, surveys, benchmarks…) ← words ← report ← hosts (Office.js,
 * .xlsx, in memory) ← pane, preview and CLI. The engine imports nothing above it, and no import cycle exists anywhere.
 */
import * as path from "path";
import { importCycles, importGraph, layerOf, upwardImports, type ImportGraph, type Layer } from "./helpers/importGraph";

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

  test("no import cycle", () => {
    expect(importCycles(graph)).toEqual([]);
  });

  test("the checks find an upward import and a cycle when there is one", () => {
    const g: ImportGraph = new Map([
      ["src/engine/errors.ts", ["src/report/names.ts"]],
      ["src/report/names.ts", []],
      ["src/analysis/aroi/a.ts", ["src/analysis/aroi/b.ts"]],
      ["src/analysis/aroi/b.ts", ["src/analysis/aroi/a.ts", "src/engine/types.ts"]],
      ["src/engine/types.ts", []],
      ["src/engine/allocate/x.ts", ["src/analysis/plan/y.ts"]],
      ["src/analysis/plan/y.ts", ["src/engine/types.ts"]],
    ]);
    expect(upwardImports(g, LAYERS)).toEqual([
      "src/engine/allocate/x.ts (engine) → src/analysis/plan/y.ts (analysis)",
      "src/engine/errors.ts (engine) → src/report/names.ts (report)",
    ]);
    expect(importCycles(g)).toEqual([["src/analysis/aroi/a.ts", "src/analysis/aroi/b.ts"]]);
  });
});
