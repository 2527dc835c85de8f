/**
 * Synthetic districts of any size for benchmarks and property tests. Pure and deterministic per seed.
 * Schools enrol one or two adjacent levels ("Level 1".."Level k"); need categories are "Need 1".."Need n"
 * (Need 1 plays the role of poverty); revenue sources mix Unlocked / Locked / Grant, fund the whole
 * formula or one need, and are limited to all schools, a level, a need-share rule, an attribute rule or
 * a list of School IDs. Amounts are in whole dollars, percent columns hold fractions.
 */
import type { Cell, RawTables } from "../engine/types";
import { clamp, createRandom, type Random } from "./random";
import { dollars, rawTable, roundTo, toRawTables } from "./tables";

export interface SyntheticOptions {
  /** Number of schools (>= 1). */
  schools: number;
  /** Number of levels, default 3. */
  levels?: number;
  /** Number of need categories, default 3 (0 allowed). */
  needs?: number;
  /** Number of revenue sources, default 20. */
  sources?: number;
  /** PRNG seed, default 1. */
  seed?: number;
}

const TYPES = ["Federal", "State", "Local", "Private", "Other"] as const;
const GROUPS = ["A", "B", "C"] as const;

function checkCount(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be an integer >= ${min}, got ${value}`);
  return value;
}

/** Round to two decimals (for weights and shares). */
function r2(x: number): number {
  return Math.round(x * 100) / 100;
}

export function syntheticDistrict(opts: SyntheticOptions): RawTables {
  const nSchools = checkCount("schools", opts.schools, 1);
  const nLevels = checkCount("levels", opts.levels ?? 3, 1);
  const nNeeds = checkCount("needs", opts.needs ?? 3, 0);
  const nSources = checkCount("sources", opts.sources ?? 20, 1);
  const rnd = createRandom(opts.seed ?? 1);

  const levels = Array.from({ length: nLevels }, (_, i) => `Level ${i + 1}`);
  const needs = Array.from({ length: nNeeds }, (_, i) => `Need ${i + 1}`);
  const width = Math.max(5, String(nSchools).length);
  const ids = Array.from({ length: nSchools }, (_, i) => `S${String(i + 1).padStart(width, "0")}`);

  const weights = drawWeights(rnd, levels, needs);
  const enrollment = drawEnrollment(rnd, ids, levels, nNeeds, weights);
  const titleI = Array.from({ length: nSchools }, (_, s) =>
    nNeeds >= 1 ? (enrollment.firstNeedShare[s] ?? 0) >= 0.4 : rnd.chance(0.5),
  );
  const group = Array.from({ length: nSchools }, () => rnd.pick(GROUPS));
  const totalStudents = enrollment.students.reduce((a, b) => a + b, 0);
  const revenue = drawRevenue(rnd, nSources, { total: totalStudents, schools: nSchools }, needs, eligibilityPicker(rnd, levels, needs, ids));
  const schools = drawSchools(rnd, ids, enrollment.weighted, revenue, titleI, group);

  return toRawTables([
    rawTable("Schools", ["School ID", "School Name", "Current Budget", "Minimum Budget", "Title I", "Group"], schools),
    rawTable("Enrollment", ["School ID", "Level", "Students", ...needs], enrollment.rows),
    rawTable("Weights", ["Category", "Level", "Weight", "Per Pupil"], weightRows(levels, needs, weights)),
    rawTable("Revenue", ["Source", "Type", "Restricted", "Amount", "Status", "School Share", "Funds", "Eligible"], revenue.rows),
    rawTable("Policy", ["Setting", "Value"], [
      ["Foundation Per School", revenue.foundation],
      ["Hold Harmless", r2(rnd.uniform(0.9, 0.99))],
      ["Gain Cap", r2(rnd.uniform(0.03, 0.1))],
    ]),
  ]);
}

/** The weights: a base weight per level, one weight per need for All levels, and a level override for Need 1. */
interface SyntheticWeights {
  baseWeight: number[];
  needWeight: number[];
  /** The level whose Need 1 weight is overridden (-1: none). */
  overrideLevel: number;
  overrideWeight: number;
}

function drawWeights(rnd: Random, levels: string[], needs: string[]): SyntheticWeights {
  const baseWeight = levels.map((_, i) => r2(1 + 0.08 * i));
  const needWeight = needs.map(() => r2(rnd.uniform(0.1, 1.0)));
  const overrideLevel = levels.length >= 2 && needs.length >= 1 ? levels.length - 1 : -1;
  const overrideWeight = r2((needWeight[0] ?? 0) + 0.1);
  return { baseWeight, needWeight, overrideLevel, overrideWeight };
}

/** The weight of need `need` at level `level`. */
function weightOf(w: SyntheticWeights, need: number, level: number): number {
  return need === 0 && level === w.overrideLevel ? w.overrideWeight : (w.needWeight[need] ?? 0);
}

/** The Weights table's rows. */
function weightRows(levels: string[], needs: string[], w: SyntheticWeights): Cell[][] {
  const weights: Cell[][] = levels.map((level, l) => ["Base", level, w.baseWeight[l] ?? 1, null]);
  needs.forEach((need, k) => weights.push([need, "All", w.needWeight[k] ?? 0, null]));
  if (w.overrideLevel >= 0) weights.push([needs[0] ?? "", levels[w.overrideLevel] ?? "", w.overrideWeight, null]);
  return weights;
}

/** The Enrollment rows (one or two adjacent levels per school) and, per school, its weighted and plain students. */
function drawEnrollment(rnd: Random, ids: string[], levels: string[], nNeeds: number, weights: SyntheticWeights) {
  const nSchools = ids.length;
  const nLevels = levels.length;
  const rows: Cell[][] = [];
  const weighted = new Float64Array(nSchools);
  const students = new Float64Array(nSchools);
  const firstNeedShare = new Float64Array(nSchools);
  for (let s = 0; s < nSchools; s++) {
    const first = rnd.int(0, nLevels - 1);
    const span = first + 1 < nLevels && rnd.chance(0.3) ? 2 : 1;
    const share1 = rnd.uniform(0.05, 0.95);
    let first1 = 0;
    for (let l = first; l < first + span; l++) {
      const n = rnd.int(40, 1_200);
      const row: Cell[] = [ids[s] ?? "", levels[l] ?? "", n];
      let w = n * (weights.baseWeight[l] ?? 1);
      for (let k = 0; k < nNeeds; k++) {
        const share = k === 0 ? share1 : clamp(share1 * rnd.uniform(0, 0.6) + rnd.uniform(0, 0.15), 0, 1);
        const count = Math.min(n, Math.round(n * clamp(share + rnd.normal(0, 0.02), 0, 1)));
        row.push(count);
        w += count * weightOf(weights, k, l);
        if (k === 0) first1 += count;
      }
      rows.push(row);
      weighted[s] = (weighted[s] ?? 0) + w;
      students[s] = (students[s] ?? 0) + n;
    }
    firstNeedShare[s] = (students[s] ?? 0) > 0 ? first1 / (students[s] ?? 1) : 0;
  }
  return { rows, weighted, students, firstNeedShare };
}

/** Draws an Eligible rule: all schools, a level, a need-share rule, a list of School IDs or an attribute rule. */
function eligibilityPicker(rnd: Random, levels: string[], needs: string[], ids: string[]): () => string {
  const nSchools = ids.length;
  return () => {
    const kind = rnd.int(0, 5);
    switch (kind) {
      case 1:
        return levels[rnd.int(0, levels.length - 1)] ?? "All";
      case 2:
        return needs.length > 0 ? `Need 1 % >= ${rnd.pick([30, 40, 50])}%` : "All";
      case 3: {
        const count = Math.min(nSchools, rnd.int(3, 8));
        const picked = new Set<string>();
        while (picked.size < count) picked.add(ids[rnd.int(0, nSchools - 1)] ?? "");
        return Array.from(picked).sort().join(", ");
      }
      case 4:
        return "Title I = Yes";
      case 5:
        return `Group = ${rnd.pick(GROUPS)}`;
      default:
        return "All";
    }
  };
}

interface SyntheticRevenue {
  rows: Cell[][];
  foundation: number;
  /** Roughly what the sources give the schools beyond the foundation amounts. */
  toSchoolsEstimate: number;
}

/** Revenue: source 1 is the general formula money; the rest mix every status, fund and eligibility kind. */
function drawRevenue(rnd: Random, nSources: number, students: { total: number; schools: number }, needs: string[], pickEligibility: () => string): SyntheticRevenue {
  const foundation = roundTo(rnd.uniform(50_000, 150_000), 1_000);
  const rows: Cell[][] = [];
  let toSchoolsEstimate = 0;
  for (let i = 0; i < nSources; i++) {
    const name = i === 0 ? "General Aid" : `Source ${i + 1}`;
    if (i === 0) {
      const share = r2(rnd.uniform(0.6, 0.9));
      const amount = dollars(students.total * rnd.uniform(6_000, 8_000) + foundation * students.schools / share);
      toSchoolsEstimate += amount * share - foundation * students.schools;
      rows.push([name, "State", "No", amount, "Unlocked", share, "All", "All"]);
      continue;
    }
    const status = rnd.pick(["Unlocked", "Unlocked", "Locked", "Grant", "Grant"] as const);
    const amount = dollars(students.total * rnd.uniform(20, 600));
    const share = status === "Locked" ? null : rnd.chance(0.3) ? null : r2(rnd.uniform(0.5, 1));
    const funds = needs.length > 0 && rnd.chance(0.5) ? (needs[rnd.int(0, needs.length - 1)] ?? "All") : "All";
    const eligible = pickEligibility();
    if (status !== "Locked") toSchoolsEstimate += amount * (share ?? 1);
    rows.push([name, rnd.pick(TYPES), status === "Grant" ? "Yes" : rnd.pick(["Yes", "No"]), amount, status, share, funds, eligible]);
  }
  return { rows, foundation, toSchoolsEstimate };
}

/** The Schools rows: current budgets near a rough formula estimate; a few schools are new (no Current Budget) or have no MOB. */
function drawSchools(rnd: Random, ids: string[], weighted: Float64Array, revenue: SyntheticRevenue, titleI: boolean[], group: string[]): Cell[][] {
  const totalWeighted = weighted.reduce((a, b) => a + b, 0);
  const perWeighted = totalWeighted > 0 ? revenue.toSchoolsEstimate / totalWeighted : 0;
  const schools: Cell[][] = [];
  for (let s = 0; s < ids.length; s++) {
    const estimate = revenue.foundation + (weighted[s] ?? 0) * perWeighted;
    const current = rnd.chance(0.02) ? null : dollars(estimate * (1 + rnd.uniform(-0.15, 0.15)));
    const minimum = rnd.chance(0.1) ? null : roundTo(estimate * rnd.uniform(0.5, 0.75), 1_000);
    schools.push([ids[s] ?? "", `School ${s + 1}`, current, minimum, titleI[s] ? "Yes" : "No", group[s] ?? "A"]);
  }
  return schools;
}
