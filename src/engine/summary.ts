import { dollarsFromCents } from "./money";
import type { Allocation } from "./types";


function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

export interface SummaryJson {
  totals: { revenue: number; central: number; schools: number; surplus: number; unfunded: number };
  matrix: Record<string, Record<string, number>>;
  weights: Record<string, Record<string, number>>;
  sources: {
    name: string;
    status: string;
    amount: number;
    central: number;
    schoolPool: number;
    foundation: number;
    surplus: number;
    schools: number;
    basePerWeightedPupil: number | null;
  }[];
  schools: {
    id: string;
    name: string;
    students: number;
    total: number;
    turnedOn: number;
    bySource: Record<string, number>;
    current: number | null;
    minimum: number | null;
    change: number | null;
    perPupil: number;
    adjustment: string | null;
    unfunded: number;
  }[];
  warnings: string[];
}

/** The contract's summary.json for an allocation (money in dollars, at most two decimals). */
export function summaryJson(a: Allocation): SummaryJson {
  const matrix: Record<string, Record<string, number>> = {};
  const weights: Record<string, Record<string, number>> = {};
  a.matrix.levels.forEach((level, l) => {
    matrix[level] = {};
    weights[level] = {};
    a.matrix.categories.forEach((cat, c) => {
      matrix[level][cat] = dollarsFromCents(Math.round(a.matrix.perPupil[l][c]));
      weights[level][cat] = Math.round(a.matrix.weights[l][c] * 10000) / 10000;
    });
  });
  return {
    totals: {
      revenue: dollarsFromCents(a.totals.revenue),
      central: dollarsFromCents(a.totals.central),
      schools: dollarsFromCents(a.totals.schools),
      surplus: dollarsFromCents(a.totals.surplus),
      unfunded: dollarsFromCents(a.totals.unfunded),
    },
    matrix,
    weights,
    sources: a.sources.map((s) => ({
      name: s.name,
      status: s.status,
      amount: dollarsFromCents(s.amount),
      central: dollarsFromCents(s.central),
      schoolPool: dollarsFromCents(s.schoolPool),
      foundation: dollarsFromCents(s.foundation),
      surplus: dollarsFromCents(s.surplus),
      schools: dollarsFromCents(s.toSchools),
      basePerWeightedPupil: s.base === null ? null : round2(s.base / 100),
    })),
    schools: a.schools.map((s, i) => ({
      id: s.id,
      name: s.name,
      students: s.students,
      total: dollarsFromCents(s.total),
      turnedOn: dollarsFromCents(s.turnedOn),
      bySource: Object.fromEntries(a.sources.map((src) => [src.name, dollarsFromCents(src.bySchool[i])])),
      current: s.current === null ? null : dollarsFromCents(s.current),
      minimum: s.minimum === null ? null : dollarsFromCents(s.minimum),
      change: s.current === null ? null : dollarsFromCents(s.total - s.current),
      perPupil: s.students > 0 ? round2(s.total / s.students / 100) : 0,
      adjustment: s.adjustment,
      unfunded: dollarsFromCents(s.unfunded),
    })),
    warnings: a.warnings,
  };
}
