/**
 * The project's import graph, read with the TypeScript compiler's own import scanner (static imports, `export …
 * from`, dynamic `import()` and `require`), and the two checks the architecture test makes on it: imports that
 * point up the layers, and import cycles.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

/** File (relative to the root, with "/") → the project files it imports. */
export type ImportGraph = Map<string, string[]>;

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of fs.readdirSync(dir)) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) sourceFiles(p, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null;
  const base = path.join(path.dirname(from), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  }
  return null;
}

/** The import graph of every .ts/.tsx file under `root/dir`. Unresolvable relative imports are reported. */
export function importGraph(root: string, dir = "src"): { graph: ImportGraph; unresolved: string[] } {
  const graph: ImportGraph = new Map();
  const unresolved: string[] = [];
  const rel = (p: string) => path.relative(root, p).split(path.sep).join("/");
  for (const file of sourceFiles(path.join(root, dir))) {
    const info = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
    const to: string[] = [];
    for (const i of info.importedFiles) {
      const target = resolve(file, i.fileName);
      if (target) to.push(rel(target));
      else if (i.fileName.startsWith(".")) unresolved.push(`${rel(file)} → ${i.fileName}`);
    }
    graph.set(rel(file), [...new Set(to)]);
  }
  return { graph, unresolved };
}

/** A layer: a name and the path prefixes of its files (a folder ends with "/"). Lower layers come first. */
export interface Layer {
  name: string;
  prefixes: string[];
}

/** The layer of a file: the one with the longest matching prefix, or null. */
export function layerOf(file: string, layers: readonly Layer[]): number | null {
  let best: number | null = null;
  let bestLength = -1;
  layers.forEach((l, k) => {
    for (const p of l.prefixes) {
      if (file.startsWith(p) && p.length > bestLength) {
        best = k;
        bestLength = p.length;
      }
    }
  });
  return best;
}

/** Every import from a file to a file of a higher layer: "src/engine/x.ts (engine) → src/report/y.ts (report)". */
export function upwardImports(graph: ImportGraph, layers: readonly Layer[]): string[] {
  const out: string[] = [];
  for (const [from, tos] of graph) {
    const lf = layerOf(from, layers);
    if (lf === null) continue;
    for (const to of tos) {
      const lt = layerOf(to, layers);
      if (lt !== null && lt > lf) out.push(`${from} (${layers[lf].name}) → ${to} (${layers[lt].name})`);
    }
  }
  return out.sort();
}

/** The import cycles: every strongly connected group of two or more files (or a file importing itself), sorted. */
export function importCycles(graph: ImportGraph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles.sort((a, b) => a[0].localeCompare(b[0]));
}
