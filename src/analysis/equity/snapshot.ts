/**
 * DBOM "snapshots": the equity picture at one moment (a year, a scenario), kept as plain JSON so it can be
 * stored with scenarios and compared later with another snapshot (the Strategic School Funding for Results guidebook (AIR and Pivot Learning, 2013): compare snapshots to a baseline).
 */
import { deciles } from "./deciles";
import type { EquityInput } from "./inputs";
import { STAT_KEYS, equityStats, type StatKey, type Stats } from "./stats";

export interface Snapshot {
  name: string;
  schools: number;
  students: number;
  unweighted: Stats;
  pupilWeighted: Stats;
  /** Cents per pupil by school. */
  perSchool: { id: string; name: string; students: number; perPupil: number }[];
  /** Cents per pupil by poverty decile (null = empty decile). */
  deciles: { decile: number; perPupil: number | null }[];
}

export type Direction = "lower" | "higher" | null;

/** Which way is better for each statistic: spread measures lower, McLoone and slope (vertical equity) higher. */
export const BETTER: Record<StatKey, Direction> = {
  mean: null,
  median: null,
  min: null,
  max: null,
  p5: null,
  p95: null,
  r2: null,
  range: "lower",
  restrictedRange: "lower",
  frr: "lower",
  cv: "lower",
  gini: "lower",
  theil: "lower",
  verstegen: "lower",
  mcloone: "higher",
  slope: "higher",
};

export function snapshot(name: string, inputs: readonly EquityInput[]): Snapshot {
  const schools = inputs.filter((s) => s.students > 0);
  const values = schools.map((s) => s.perPupil);
  const weights = schools.map((s) => s.students);
  const poverty = schools.map((s) => (s.needs.length ? s.needs[0].pct : NaN));
  return {
    name,
    schools: schools.length,
    students: weights.reduce((a, b) => a + b, 0),
    unweighted: equityStats(values, null, poverty),
    pupilWeighted: equityStats(values, weights, poverty),
    perSchool: schools.map((s) => ({ id: s.id, name: s.name, students: s.students, perPupil: s.perPupil })),
    deciles: deciles(schools).map((d) => ({ decile: d.decile, perPupil: d.perPupil })),
  };
}

export type Verdict = "better" | "worse" | "same" | null;

export interface StatChange {
  key: StatKey;
  form: "unweighted" | "pupilWeighted";
  base: number | null;
  other: number | null;
  /** other − base (null when either is null). */
  change: number | null;
  verdict: Verdict;
}

export interface SnapshotComparison {
  base: string;
  other: string;
  stats: StatChange[];
  /** Schools in both snapshots, cents per pupil. */
  schools: { id: string; name: string; base: number; other: number; change: number }[];
  onlyInBase: string[];
  onlyInOther: string[];
  deciles: { decile: number; base: number | null; other: number | null; change: number | null }[];
}

function verdict(key: StatKey, change: number | null): Verdict {
  const dir = BETTER[key];
  if (dir === null || change === null) return null;
  if (Math.abs(change) < 1e-9) return "same";
  return (change < 0) === (dir === "lower") ? "better" : "worse";
}

export function compareSnapshots(base: Snapshot, other: Snapshot): SnapshotComparison {
  const stats: StatChange[] = [];
  for (const form of ["pupilWeighted", "unweighted"] as const) {
    for (const key of STAT_KEYS) {
      const b = base[form][key];
      const o = other[form][key];
      const change = b === null || o === null ? null : o - b;
      stats.push({ key, form, base: b, other: o, change, verdict: verdict(key, change) });
    }
  }
  const otherById = new Map(other.perSchool.map((s) => [s.id, s]));
  const baseIds = new Set(base.perSchool.map((s) => s.id));
  const schools = base.perSchool
    .filter((s) => otherById.has(s.id))
    .map((s) => {
      const o = otherById.get(s.id) as Snapshot["perSchool"][number];
      return { id: s.id, name: s.name, base: s.perPupil, other: o.perPupil, change: o.perPupil - s.perPupil };
    });
  return {
    base: base.name,
    other: other.name,
    stats,
    schools,
    onlyInBase: base.perSchool.filter((s) => !otherById.has(s.id)).map((s) => s.id),
    onlyInOther: other.perSchool.filter((s) => !baseIds.has(s.id)).map((s) => s.id),
    deciles: base.deciles.map((d, i) => {
      const o = other.deciles[i]?.perPupil ?? null;
      return { decile: d.decile, base: d.perPupil, other: o, change: d.perPupil === null || o === null ? null : o - d.perPupil };
    }),
  };
}
