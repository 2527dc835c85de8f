import type { Matrix } from "../types";
import type { Work } from "./work";

/**
 * The per-pupil $ matrix (seed Table 2.2): for each level x category, the $ a school eligible for every source
 * receives per pupil in that cell, and the same as weights relative to the first level's Base.
 * Weight cells: sum over sources of (source base x weight) for the sources that pay that category and reach that
 * level. Fixed cells: the fixed $ per pupil; by source, the share of that cell's cost each source paid.
 * The foundation is a per-school amount and is not part of the matrix.
 */
export function buildMatrix(w: Work): Matrix {
  const { d, L } = w;
  const { nLevels, nCats, weight, fixed, isFixed } = L;
  const S = d.sources.length;
  const categories = ["Base", ...d.needs];
  const bySource: number[][][] = [];
  for (let s = 0; s < S; s++) {
    const src = d.sources[s];
    const levels = src.eligible.levels === null ? null : new Set(src.eligible.levels.map((x) => x.trim().toLowerCase()));
    const m: number[][] = [];
    for (let l = 0; l < nLevels; l++) {
      const row: number[] = [];
      const reaches = levels === null || levels.has(d.levels[l].trim().toLowerCase());
      for (let c = 0; c < nCats; c++) {
        const o = l * nCats + c;
        const pays = w.cat[s] === -1 || w.cat[s] === c;
        if (!pays || !reaches) row.push(0);
        else if (isFixed[o]) row.push(w.costCat[o] > 0 ? (fixed[o] * w.paidCat[s][o]) / w.costCat[o] : 0);
        else row.push(w.base[s] !== null ? (w.base[s] as number) * weight[o] : 0);
      }
      m.push(row);
    }
    bySource.push(m);
  }
  const perPupil: number[][] = [];
  for (let l = 0; l < nLevels; l++) {
    const row: number[] = [];
    for (let c = 0; c < nCats; c++) {
      const o = l * nCats + c;
      if (isFixed[o]) row.push(fixed[o]);
      else {
        let v = 0;
        for (let s = 0; s < S; s++) v += bySource[s][l][c];
        row.push(v);
      }
    }
    perPupil.push(row);
  }
  const ref = perPupil[0]?.[0] ?? 0;
  const weights = perPupil.map((row) => row.map((v) => (ref > 0 ? v / ref : 0)));
  return { levels: [...d.levels], categories, perPupil, weights, bySource };
}
