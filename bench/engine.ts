import { allocate } from "../src/engine/allocate";
import { buildLayout } from "../src/engine/allocate/layout";
import { eligibleRows } from "../src/engine/eligibility";
import { parseDistrict } from "../src/engine/parse";
import type { District } from "../src/engine/types";
import { syntheticDistrict } from "../src/sample/synthetic";

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export function time(fn: () => void, runs: number, warmup = 3): number {
  for (let k = 0; k < warmup; k++) fn();
  const ts: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

export function syntheticParsed(schools: number, sources = 20): District {
  const raw = syntheticDistrict({ schools, levels: 3, needs: 3, sources, seed: 7 });
  const p = parseDistrict(raw);
  if (!p.ok) throw new Error(`synthetic district does not parse: ${JSON.stringify(p.errors.slice(0, 3))}`);
  return p.district;
}

/**
 * The baseline: the least any allocation must do — for each source, one plain pass over the enrollment input
 * arrays summing count x weight over the rows the source may pay (eligibility precomputed, as inputs).
 */
export function summingPass(d: District, elig: Uint8Array[], counts: Float64Array, weights: Float64Array, rowLevel: Int32Array, nCats: number): number {
  let total = 0;
  const nRows = rowLevel.length;
  for (let s = 0; s < elig.length; s++) {
    const e = elig[s];
    let sum = 0;
    for (let r = 0; r < nRows; r++) {
      if (!e[r]) continue;
      const o = r * nCats;
      const lo = rowLevel[r] * nCats;
      for (let c = 0; c < nCats; c++) sum += counts[o + c] * weights[lo + c];
    }
    total += sum;
  }
  return total + d.sources.length;
}

export function benchEngine(schools = 10000): { engineMs: number; baselineMs: number; ratio: number; rows: number; sources: number } {
  const d = syntheticParsed(schools);
  const L = buildLayout(d);
  const elig = d.sources.map((s) => eligibleRows(d, s));
  let sink = 0;
  const baseline = () => {
    sink += summingPass(d, elig, L.counts, L.weight, L.rowLevel, L.nCats);
  };
  const engine = () => {
    sink += allocate(d).totals.schools;
  };
  // The two are measured alternately, so that a change in the machine's load affects both alike.
  const [baselineMs, engineMs] = timeAlternately([baseline, engine], 31);
  if (sink === 42) console.log("");
  return { engineMs, baselineMs, ratio: engineMs / baselineMs, rows: d.enrollment.length, sources: d.sources.length };
}

/** Median time of each function over `runs` rounds, each round running every function once, in turn. */
export function timeAlternately(fns: (() => void)[], runs: number, warmup = 3): number[] {
  for (let k = 0; k < warmup; k++) for (const fn of fns) fn();
  const ts: number[][] = fns.map(() => []);
  for (let k = 0; k < runs; k++) {
    fns.forEach((fn, j) => {
      const t0 = performance.now();
      fn();
      ts[j].push(performance.now() - t0);
    });
  }
  return ts.map(median);
}
