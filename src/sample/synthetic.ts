/**
 * Synthetic districts of any size for benchmarks and property tests. Pure and deterministic per seed.
 * Schools enrol one or two adjacent levels ("Level 1".."Level k"); need categories are "Need 1".."Need n"
 * (Need 1 plays the role of poverty); revenue sources mix Unlocked / Locked / Grant, fund the whole
 * formula or one need, and are limited to all schools, a level, a need-share rule, an attribute rule or
 * a list of School IDs. Amounts are in whole dollars, percent columns hold fractions.
 */
import type { Cell, RawTables } from "../engine/types";
import { clamp, createRandom } from "./random";
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

  // Weights: a base weight per level, one weight per need for All levels, and a level override for Need 1.
  const baseWeight = levels.map((_, i) => r2(1 + 0.08 * i));
  const needWeight = needs.map(() => r2(rnd.uniform(0.1, 1.0)));
  const overrideLevel = nLevels >= 2 && nNeeds >= 1 ? nLevels - 1 : -1;
  const overrideWeight = r2((needWeight[0] ?? 0) + 0.1);
  const weightOf = (need: number, level: number): number =>
    need === 0 && level === overrideLevel ? overrideWeight : (needWeight[need] ?? 0);

  // Enrollment.
  const enrollment: Cell[][] = [];
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
      let w = n * (baseWeight[l] ?? 1);
      for (let k = 0; k < nNeeds; k++) {
        const share = k === 0 ? share1 : clamp(share1 * rnd.uniform(0, 0.6) + rnd.uniform(0, 0.15), 0, 1);
        const count = Math.min(n, Math.round(n * clamp(share + rnd.normal(0, 0.02), 0, 1)));
        row.push(count);
        w += count * weightOf(k, l);
        if (k === 0) first1 += count;
      }
      enrollment.push(row);
      weighted[s] = (weighted[s] ?? 0) + w;
      students[s] = (students[s] ?? 0) + n;
    }
    firstNeedShare[s] = (students[s] ?? 0) > 0 ? first1 / (students[s] ?? 1) : 0;
  }
  const totalStudents = students.reduce((a, b) => a + b, 0);
  const totalWeighted = weighted.reduce((a, b) => a + b, 0);

  const titleI = Array.from({ length: nSchools }, (_, s) =>
    nNeeds >= 1 ? (firstNeedShare[s] ?? 0) >= 0.4 : rnd.chance(0.5),
  );
  const group = Array.from({ length: nSchools }, () => rnd.pick(GROUPS));

  const pickEligibility = (): string => {
    const kind = rnd.int(0, 5);
    switch (kind) {
      case 1:
        return levels[rnd.int(0, nLevels - 1)] ?? "All";
      case 2:
        return nNeeds > 0 ? `Need 1 % >= ${rnd.pick([30, 40, 50])}%` : "All";
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

  // Revenue: source 1 is the general formula money; the rest mix every status, fund and eligibility kind.
  const foundation = roundTo(rnd.uniform(50_000, 150_000), 1_000);
  const revenue: Cell[][] = [];
  let toSchoolsEstimate = 0;
  for (let i = 0; i < nSources; i++) {
    const name = i === 0 ? "General Aid" : `Source ${i + 1}`;
    if (i === 0) {
      const share = r2(rnd.uniform(0.6, 0.9));
      const amount = dollars(totalStudents * rnd.uniform(6_000, 8_000) + foundation * nSchools / share);
      toSchoolsEstimate += amount * share - foundation * nSchools;
      revenue.push([name, "State", "No", amount, "Unlocked", share, "All", "All"]);
      continue;
    }
    const status = rnd.pick(["Unlocked", "Unlocked", "Locked", "Grant", "Grant"] as const);
    const amount = dollars(totalStudents * rnd.uniform(20, 600));
    const share = status === "Locked" ? null : rnd.chance(0.3) ? null : r2(rnd.uniform(0.5, 1));
    const funds = nNeeds > 0 && rnd.chance(0.5) ? (needs[rnd.int(0, nNeeds - 1)] ?? "All") : "All";
    const eligible = pickEligibility();
    if (status !== "Locked") toSchoolsEstimate += amount * (share ?? 1);
    revenue.push([name, rnd.pick(TYPES), status === "Grant" ? "Yes" : rnd.pick(["Yes", "No"]), amount, status, share, funds, eligible]);
  }

  // Current budgets near a rough formula estimate; a few schools are new (no Current Budget) or have no MOB.
  const perWeighted = totalWeighted > 0 ? toSchoolsEstimate / totalWeighted : 0;
  const schools: Cell[][] = [];
  for (let s = 0; s < nSchools; s++) {
    const estimate = foundation + (weighted[s] ?? 0) * perWeighted;
    const current = rnd.chance(0.02) ? null : dollars(estimate * (1 + rnd.uniform(-0.15, 0.15)));
    const minimum = rnd.chance(0.1) ? null : roundTo(estimate * rnd.uniform(0.5, 0.75), 1_000);
    schools.push([ids[s] ?? "", `School ${s + 1}`, current, minimum, titleI[s] ? "Yes" : "No", group[s] ?? "A"]);
  }

  const weights: Cell[][] = levels.map((level, l) => ["Base", level, baseWeight[l] ?? 1, null]);
  needs.forEach((need, k) => weights.push([need, "All", needWeight[k] ?? 0, null]));
  if (overrideLevel >= 0) weights.push([needs[0] ?? "", levels[overrideLevel] ?? "", overrideWeight, null]);

  return toRawTables([
    rawTable("Schools", ["School ID", "School Name", "Current Budget", "Minimum Budget", "Title I", "Group"], schools),
    rawTable("Enrollment", ["School ID", "Level", "Students", ...needs], enrollment),
    rawTable("Weights", ["Category", "Level", "Weight", "Per Pupil"], weights),
    rawTable("Revenue", ["Source", "Type", "Restricted", "Amount", "Status", "School Share", "Funds", "Eligible"], revenue),
    rawTable("Policy", ["Setting", "Value"], [
      ["Foundation Per School", foundation],
      ["Hold Harmless", r2(rnd.uniform(0.9, 0.99))],
      ["Gain Cap", r2(rnd.uniform(0.03, 0.1))],
    ]),
  ]);
}
