/**
 * Comparing two allocations (two scenarios, or a scenario and the workbook's decisions): per school, matched
 * by School ID, the total under A and under B, the change in cents and in percent of A.
 */
import type { Allocation, Cents } from "./types";

export type CompareSide = "both" | "onlyA" | "onlyB";

export interface SchoolDelta {
  id: string;
  name: string;
  /** Total under A, or null when the school is only in B. */
  a: Cents | null;
  /** Total under B, or null when the school is only in A. */
  b: Cents | null;
  /** b - a, or null when the school is on one side only. */
  delta: Cents | null;
  /** delta / a as a fraction (0.05 = +5%); null when A is 0 or the school is on one side only. */
  deltaPct: number | null;
  side: CompareSide;
}

export interface Comparison {
  /** Schools in both: biggest gain first (ties by name); then schools only in A, then only in B. */
  schools: SchoolDelta[];
  /** Sums over each side's schools (all of them, including schools on one side only). */
  totals: { a: Cents; b: Cents; delta: Cents; deltaPct: number | null };
  gainers: number;
  losers: number;
  unchanged: number;
  onlyA: number;
  onlyB: number;
}

const byName = (x: SchoolDelta, y: SchoolDelta): number => x.name.localeCompare(y.name) || x.id.localeCompare(y.id);

export function compareAllocations(a: Allocation, b: Allocation): Comparison {
  const key = (id: string): string => id.trim().toLowerCase();
  const inB = new Map(b.schools.map((s) => [key(s.id), s]));
  const seen = new Set<string>();
  const both: SchoolDelta[] = [];
  const onlyA: SchoolDelta[] = [];
  for (const s of a.schools) {
    const k = key(s.id);
    const t = inB.get(k);
    if (!t) {
      onlyA.push({ id: s.id, name: s.name, a: s.total, b: null, delta: null, deltaPct: null, side: "onlyA" });
      continue;
    }
    seen.add(k);
    const delta = t.total - s.total;
    both.push({ id: s.id, name: s.name, a: s.total, b: t.total, delta, deltaPct: s.total === 0 ? null : delta / s.total, side: "both" });
  }
  const onlyB: SchoolDelta[] = b.schools
    .filter((s) => !seen.has(key(s.id)))
    .map((s) => ({ id: s.id, name: s.name, a: null, b: s.total, delta: null, deltaPct: null, side: "onlyB" as const }));
  both.sort((x, y) => (y.delta ?? 0) - (x.delta ?? 0) || byName(x, y));
  onlyA.sort(byName);
  onlyB.sort(byName);
  const totalA = a.schools.reduce((sum, s) => sum + s.total, 0);
  const totalB = b.schools.reduce((sum, s) => sum + s.total, 0);
  return {
    schools: [...both, ...onlyA, ...onlyB],
    totals: { a: totalA, b: totalB, delta: totalB - totalA, deltaPct: totalA === 0 ? null : (totalB - totalA) / totalA },
    gainers: both.filter((s) => (s.delta ?? 0) > 0).length,
    losers: both.filter((s) => (s.delta ?? 0) < 0).length,
    unchanged: both.filter((s) => s.delta === 0).length,
    onlyA: onlyA.length,
    onlyB: onlyB.length,
  };
}
