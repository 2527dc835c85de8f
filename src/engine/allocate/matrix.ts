import type { Matrix } from "../types";
import type { Work } from "./work";

/**
 * The per-pupil $ matrix (the guidebook's Table 2.2): for each level × category, the whole-cent rate a school eligible for
 * every source receives per pupil in that cell — the sum of the sources' rates, which are the rates their lines
 * use — and the same as effective weights relative to the first level's Base, beside the nominal weights the
 * Weights table sets. Fixed cells show their fixed rate (what a pupil costs; the sources' rates add up to it while
 * the pools can pay). The foundation is a per-school amount and is not part of the matrix.
 */
export function buildMatrix(w: Work): Matrix {
  const { d, L } = w;
  const { nLevels, nCats, nRows, fixed, isFixed } = L;
  const categories = ["Base", ...d.needs];
  const bySource: number[][][] = d.sources.map((_, s) => {
    const m: number[][] = [];
    for (let l = 0; l < nLevels; l++) {
      const row: number[] = [];
      for (let c = 0; c < nCats; c++) {
        const o = l * nCats + c;
        const fromRow = isFixed[o] && !w.grant[s];
        row.push(fromRow ? (w.rowRate[s]?.[(nRows + l) * nCats + c] ?? 0) : w.cellRate[s][o]);
      }
      m.push(row);
    }
    return m;
  });
  const perPupil: number[][] = [];
  for (let l = 0; l < nLevels; l++) {
    const row: number[] = [];
    for (let c = 0; c < nCats; c++) {
      const o = l * nCats + c;
      let v = 0;
      for (let s = 0; s < bySource.length; s++) if (!(isFixed[o] && !w.grant[s])) v += bySource[s][l][c];
      row.push(isFixed[o] ? fixed[o] + v : v);
    }
    perPupil.push(row);
  }
  const ref = perPupil[0]?.[0] ?? 0;
  const weights = perPupil.map((row) => row.map((v) => (ref > 0 ? v / ref : 0)));
  const nominal = d.levels.map((_, l) => categories.map((_c, c) => {
    const r = d.rates[l]?.[c] ?? null;
    return r !== null && r.kind === "weight" ? r.weight : null;
  }));
  return { levels: [...d.levels], categories, perPupil, weights, nominal, bySource };
}
