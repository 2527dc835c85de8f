import type { District, Eligibility, Policy, Rate, Source, Status } from "../../src/engine/types";

export interface SimpleSource {
  name: string;
  amount: number; // dollars
  status?: Status;
  share?: number; // fraction
  funds?: string;
  restricted?: boolean;
  levels?: string[] | null;
  ids?: string[] | null;
  rules?: Eligibility["rules"];
}

export interface SimpleDistrict {
  /** attendance: the Attendance Rate as a fraction (e.g. 0.938). */
  schools: { id: string; name?: string; current?: number | null; minimum?: number | null; priorYear?: number | null; normBudget?: number | null; attributes?: Record<string, string | number>; attendance?: number }[];
  needs: string[];
  levels: string[];
  /** [schoolId, level, students, ...needCounts] */
  enrollment: (string | number)[][];
  /** rates[level][category] as weight numbers, or { pp: dollars } for fixed $ per pupil; missing = none. */
  rates: Record<string, Record<string, number | { pp: number }>>;
  sources: SimpleSource[];
  policy?: Partial<Policy>;
}

/** Build a validated-looking District directly (bypassing the parser) for engine unit tests. Dollars in, cents inside. */
export function makeDistrict(x: SimpleDistrict): District {
  const schools = x.schools.map((s, k) => ({
    id: s.id,
    name: s.name ?? `School ${s.id}`,
    current: s.current == null ? null : Math.round(s.current * 100),
    minimum: s.minimum == null ? null : Math.round(s.minimum * 100),
    ...(s.priorYear === undefined ? {} : { priorYear: s.priorYear === null ? null : Math.round(s.priorYear * 100) }),
    ...(s.normBudget === undefined ? {} : { normBudget: s.normBudget === null ? null : Math.round(s.normBudget * 100) }),
    attributes: s.attributes ?? {},
    attributeHeaders: Object.fromEntries(Object.keys(s.attributes ?? {}).map((key) => [key, key])),
    sheetRow: k + 2,
    ...(s.attendance !== undefined ? { attendance: s.attendance } : {}),
  }));
  const idIndex = new Map(schools.map((s, i) => [s.id, i]));
  const enrollment = x.enrollment.map((row, k) => {
    const [id, level, students, ...needs] = row;
    const levelIndex = x.levels.indexOf(String(level));
    if (levelIndex < 0) throw new Error(`unknown level ${level}`);
    const schoolIndex = idIndex.get(String(id));
    if (schoolIndex === undefined) throw new Error(`unknown school ${id}`);
    return {
      schoolId: String(id),
      schoolIndex,
      level: String(level),
      levelIndex,
      students: Number(students),
      needs: x.needs.map((_, j) => Number(needs[j] ?? 0)),
      sheetRow: k + 2,
    };
  });
  const cats = ["Base", ...x.needs];
  const rates: (Rate | null)[][] = x.levels.map((level) =>
    cats.map((cat) => {
      const v = x.rates[level]?.[cat] ?? x.rates["All"]?.[cat];
      if (v === undefined) return null;
      return typeof v === "number" ? { kind: "weight", weight: v } : { kind: "perPupil", cents: Math.round(v.pp * 100) };
    }),
  );
  const sources: Source[] = x.sources.map((s, k) => ({
    name: s.name,
    type: null,
    restricted: s.restricted ?? false,
    amount: Math.round(s.amount * 100),
    status: s.status ?? "Unlocked",
    schoolShare: s.share ?? (s.status === "Locked" ? 0 : 1),
    funds: s.funds ?? "All",
    eligible: { text: "custom", levels: s.levels ?? null, schoolIds: s.ids ?? null, rules: s.rules ?? [] },
    sheetRow: k + 2,
  }));
  const policy: Policy = {
    baseAmount: null,
    foundationPerSchool: 0,
    holdHarmless: null,
    gainCap: null,
    phaseIn: 1,
    rounding: "cent",
    gainUnit: "effect size",
    raw: {},
    ...x.policy,
  };
  return { schools, levels: x.levels, needs: x.needs, enrollment, rates, sources, policy, initiatives: null, segments: null };
}

/**
 * The two-school district many rule tests start from: two elementary schools of 100 students (80 and 20 in
 * poverty), weights 1 and 0.5, current budgets $600,000 and $400,000, one general source of $1,000,000 — so
 * $4,000 per weighted pupil, A = $560,000 and B = $440,000. `prior`: each school's Prior Year Balance.
 */
export function twoSchools(over: Partial<SimpleDistrict> = {}, prior?: [number | null | undefined, number | null | undefined]): SimpleDistrict {
  return {
    schools: [
      { id: "A", current: 600_000, ...(prior ? { priorYear: prior[0] } : {}) },
      { id: "B", current: 400_000, ...(prior ? { priorYear: prior[1] } : {}) },
    ],
    needs: ["Poverty"],
    levels: ["Elementary"],
    enrollment: [
      ["A", "Elementary", 100, 80],
      ["B", "Elementary", 100, 20],
    ],
    rates: { Elementary: { Base: 1, Poverty: 0.5 } },
    sources: [{ name: "General", amount: 1_000_000 }],
    ...over,
  };
}
