/**
 * Multi-year planning inputs:
 * - the optional `Projections` table (Year, Kind = Enrollment | Revenue, Key = level or source, School ID, Value):
 *   a value that replaces the growth assumption for one year;
 * - the planning settings of the `Policy` table (Budget Year, Fiscal Year Start, Plan Years, Enrollment Growth
 *   [<Level>], Revenue Growth [<Source>], Target Year, Hold Harmless Decay, Revenue Trigger);
 * - the `Target Weight` column of the `Weights` table (long-term weights reached gradually).
 * The Policy and Weights tables were already read by parseDistrict; here only the planning cells are checked, so
 * table-level problems (missing columns, duplicate headers) are not reported twice.
 */
import type { Cell, District, Policy, RawTable } from "../../engine/types";
import { readFiscalYear, readMonth, planYearOf } from "../plan/fiscal";
import type { PlanSettings, Projection, ProjectionKind } from "../plan/types";
import type { PlanYearProblem } from "../../engine/problems";
import { findTable, labelKey, normalizeHeader, TableReader, type ColumnSpec, type ParseContext, type TableName } from "../../engine/parse/headers";
import { defaultPolicy, POLICY_COLUMNS, readSetting } from "../../engine/parse/policy";
import { cellText } from "../../engine/parse/values";
import { DEFAULT_PLAN_YEARS, findSetting, MAX_PLAN_YEARS, readByAllocation, readByPlanning, reportedBy, type AllocationReadSetting, type PlanSetting } from "../../engine/policySettings";
import { PLAN_SETTINGS, isPlanSetting } from "../../engine/parse/planSettings";
import { WEIGHT_COLUMNS } from "../../engine/parse/weights";
import { columnsOf, TARGET_WEIGHT_COLUMN } from "../../engine/tables";

export const PROJECTIONS_TABLE = "Projections" satisfies TableName;

export const PROJECTION_COLUMNS = columnsOf("Projections");

export { DEFAULT_PLAN_YEARS, MAX_PLAN_YEARS };
export { PLAN_SETTINGS, isPlanSetting };

export function findProjections(raw: Record<string, RawTable>): RawTable | undefined {
  return findTable(raw, PROJECTIONS_TABLE);
}

export function defaultPlanSettings(district: Pick<District, "levels" | "sources"> | null): PlanSettings {
  return {
    budgetYear: null,
    fiscalYearStart: 7,
    years: DEFAULT_PLAN_YEARS,
    enrollmentGrowth: (district?.levels ?? []).map(() => 0),
    revenueGrowth: (district?.sources ?? []).map(() => 0),
    targetYear: null,
    holdHarmlessDecay: 0,
    revenueTrigger: null,
  };
}


/** A reader whose construction problems (already reported by parseDistrict) are dropped; cell problems are kept. */
function quietReader(table: TableName, raw: RawTable, specs: readonly ColumnSpec[], ctx: ParseContext) {
  const scratch: ParseContext = { errors: [], warnings: [] };
  const t = new TableReader(table, raw, specs, scratch);
  const start = scratch.errors.length;
  return { t, flush: () => ctx.errors.push(...scratch.errors.slice(start)) };
}

/** A plan year from a cell: 3, "Year 3" (plan years), or a fiscal year 2028, "2027-28", "FY2028" (needs the budget year). */
export function readPlanYear(c: Cell, budgetYear: number | null): { year: number } | { problem: PlanYearProblem } {
  const text = cellText(c);
  const plain = /^(?:year\s*)?(\d{1,2})$/i.exec(text);
  if (plain && Number(plain[1]) >= 1) return { year: Number(plain[1]) };
  const fy = typeof c === "number" ? (Number.isInteger(c) ? c : null) : readFiscalYear(text);
  if (fy !== null && fy >= 1900 && fy <= 2200) {
    if (budgetYear === null) return { problem: "needsBudgetYear" };
    return { year: planYearOf(fy, budgetYear) };
  }
  return { problem: "notYear" };
}

/**
 * The value of a setting the district's Policy parser reads (and reports a bad value of): taken from the parsed
 * policy; without one (the district failed) the cell is read the same way without reporting again (undefined: bad).
 */
function allocationValue(spec: AllocationReadSetting, raw: RawTable, k: number, policy: Partial<Policy> | undefined): unknown {
  if (policy) return policy[spec.key] ?? spec.default;
  const quiet: ParseContext = { errors: [], warnings: [] };
  const scratch = defaultPolicy();
  const t = new TableReader("Policy", raw, POLICY_COLUMNS, quiet);
  readSetting(scratch, spec, t, k, t.col("Value"));
  return quiet.errors.length === 0 ? (scratch[spec.key] ?? spec.default) : undefined;
}

/** A growth rate's rows: the one for every level (or source) and the ones for a single level (or source). */
interface GrowthRows {
  all: number | null;
  own: Map<number, number>;
}

/** The Policy table being read for the planning settings, and what its rows leave to resolve after them. */
interface PlanReading {
  t: TableReader;
  sCol: number;
  vCol: number;
  district: (Pick<District, "levels" | "sources"> & { policy?: Partial<Policy> }) | null;
  raw: RawTable;
  growth: Record<GrowthKey, GrowthRows>;
  /** The row of the Target Year (read last: a fiscal year needs the Budget Year), -1 without one. */
  targetRow: number;
}

type GrowthKey = "enrollmentGrowth" | "revenueGrowth";

/**
 * Read the planning settings (the registry's settings read by "planning") from the Policy table. `district` (when
 * parsed) names the levels and sources and holds the policy the district's parser read.
 */
export function parsePlanSettings(
  raw: RawTable | undefined,
  district: (Pick<District, "levels" | "sources"> & { policy?: Partial<Policy> }) | null,
  ctx: ParseContext,
): PlanSettings {
  const s = defaultPlanSettings(district);
  if (!raw) return s;
  const { t, flush } = quietReader("Policy", raw, POLICY_COLUMNS, ctx);
  if (!t.complete) return s;
  const r: PlanReading = {
    t,
    sCol: t.col("Setting"),
    vCol: t.col("Value"),
    district,
    raw,
    growth: { enrollmentGrowth: { all: null, own: new Map() }, revenueGrowth: { all: null, own: new Map() } },
    targetRow: -1,
  };
  const seen = new Set<string>();
  for (let k = 0; k < t.length; k++) {
    if (t.blank(k, r.sCol)) continue;
    const match = findSetting(t.text(k, r.sCol));
    if (!match || !readByPlanning(match.spec)) continue;
    const key = `${match.spec.key}:${match.suffix}`;
    if (seen.has(key)) continue; // duplicates are reported by parseDistrict
    seen.add(key);
    if (reportedBy(match.spec, "planning")) readPlanSetting(r, s, k, match.spec, match.suffix);
    else takeAllocationValue(r, s, k, match.spec);
  }
  s.enrollmentGrowth = s.enrollmentGrowth.map((_, i) => r.growth.enrollmentGrowth.own.get(i) ?? r.growth.enrollmentGrowth.all ?? 0);
  s.revenueGrowth = s.revenueGrowth.map((_, i) => r.growth.revenueGrowth.own.get(i) ?? r.growth.revenueGrowth.all ?? 0);
  readTargetYear(r, s);
  flush();
  return s;
}

/** A setting read first (and a bad value reported, once) by the district's parser: its value is taken here. */
function takeAllocationValue(r: PlanReading, s: PlanSettings, k: number, spec: PlanSetting): void {
  const v = readByAllocation(spec) ? allocationValue(spec, r.raw, k, r.district?.policy) : undefined;
  if (v !== undefined) (s as unknown as Record<string, unknown>)[spec.key] = v;
}

/**
 * Read one planning setting's Value (row k) into `s`. Every planning setting has its case: a new one in the registry
 * does not compile until it is read here.
 */
function readPlanSetting(r: PlanReading, s: PlanSettings, k: number, spec: PlanSetting, suffix: string): void {
  const { t, vCol } = r;
  switch (spec.key) {
    case "budgetYear": {
      if (t.blank(k, vCol)) break;
      const fy = readFiscalYear(t.text(k, vCol));
      if (fy === null || fy < 1900 || fy > 2200) t.error(k, vCol, { code: "setting", setting: spec.name });
      else s.budgetYear = fy;
      break;
    }
    case "fiscalYearStart": {
      if (t.blank(k, vCol)) break;
      const m = readMonth(t.text(k, vCol));
      if (m === null) t.error(k, vCol, { code: "setting", setting: spec.name });
      else s.fiscalYearStart = m;
      break;
    }
    case "years": {
      const n = t.number(k, vCol, { code: "setting", setting: spec.name }, { min: spec.min, max: spec.max, blank: DEFAULT_PLAN_YEARS });
      if (typeof n === "number" && !Number.isInteger(n)) t.error(k, vCol, { code: "setting", setting: spec.name });
      else if (typeof n === "number") s.years = n;
      break;
    }
    case "targetYear":
      r.targetRow = k;
      break;
    case "holdHarmlessDecay": {
      const v = t.percent(k, vCol, { code: "setting", setting: spec.name }, { min: spec.min, max: spec.max, blank: 0 });
      if (typeof v === "number") s.holdHarmlessDecay = v;
      break;
    }
    case "enrollmentGrowth":
    case "revenueGrowth":
      readGrowth(r, k, spec, spec.key, suffix);
      break;
    case "revenueTrigger":
      // Read first by the district's parser (its registry entry lists "allocation" first in readBy): the value is
      // taken from it by takeAllocationValue and never reaches this switch. Reading it here would need its own case.
      throw new RangeError("Revenue Trigger is read by the district's parser");
    default: {
      const unhandled: never = spec.key;
      throw new RangeError(`planning setting ${String(unhandled)} is not read`);
    }
  }
}

/**
 * A growth rate row: "Enrollment Growth" alone (every level) or followed by a level ("Enrollment Growth High"),
 * likewise "Revenue Growth" with a source. An unknown level or source is reported on the Setting.
 */
function readGrowth(r: PlanReading, k: number, spec: PlanSetting, key: GrowthKey, suffix: string): void {
  const { t, district } = r;
  const enroll = key === "enrollmentGrowth";
  const rows = r.growth[key];
  if (suffix === "") {
    const v = growthValue(r, k, spec);
    if (v !== null) rows.all = v;
    return;
  }
  const keys = enroll ? (district?.levels ?? []).map(normalizeHeader) : (district?.sources ?? []).map((x) => normalizeHeader(x.name));
  const index = keys.indexOf(suffix);
  if (district && index < 0) {
    const names = enroll ? district.levels : district.sources.map((x) => x.name);
    t.error(k, r.sCol, { code: "growthSetting", setting: spec.name, enrollment: enroll, names });
    return;
  }
  const v = growthValue(r, k, spec);
  if (v !== null && index >= 0) rows.own.set(index, v);
}

/** A growth rate (blank: 0), null when the cell is bad (reported). */
function growthValue(r: PlanReading, k: number, spec: PlanSetting): number | null {
  const v = r.t.percent(k, r.vCol, { code: "setting", setting: spec.name }, { min: spec.min, max: spec.max, blank: 0 });
  return v === undefined ? null : (v ?? 0);
}

/** The Target Year, read after the other rows: a fiscal year is turned into a plan year with the Budget Year. */
function readTargetYear(r: PlanReading, s: PlanSettings): void {
  const { t, vCol, targetRow } = r;
  if (targetRow < 0 || t.blank(targetRow, vCol)) return;
  const y = readPlanYear(t.cell(targetRow, vCol), s.budgetYear);
  if ("problem" in y) t.error(targetRow, vCol, { code: "targetYear", problem: y.problem });
  else if (y.year < 1) t.error(targetRow, vCol, { code: "targetYearOn" });
  else s.targetYear = y.year;
}

const KINDS: Record<string, ProjectionKind> = { enrollment: "Enrollment", students: "Enrollment", revenue: "Revenue", amount: "Revenue" };

/**
 * Parse Projections. Needs the parsed district (levels, sources, School IDs and enrollment rows) for its checks;
 * with `district` null the rows are checked for form only and none is returned.
 */
export function parseProjections(raw: RawTable | undefined, district: District | null, settings: PlanSettings, ctx: ParseContext): Projection[] {
  if (!raw) return [];
  const t = new TableReader(PROJECTIONS_TABLE, raw, PROJECTION_COLUMNS, ctx);
  if (!t.complete) return [];
  const c = { year: t.col("Year"), kind: t.col("Kind"), key: t.col("Key"), school: t.col("School ID"), value: t.col("Value") };
  const levelKeys = (district?.levels ?? []).map(labelKey);
  const sourceKeys = (district?.sources ?? []).map((s) => labelKey(s.name));
  const schoolKeys = new Map((district?.schools ?? []).map((s, i) => [labelKey(s.id), i]));
  const rowsAt = new Set((district?.enrollment ?? []).map((r) => `${r.schoolIndex}:${r.levelIndex}`));
  const firstRow = new Map<string, number>();
  const out: Projection[] = [];
  for (let k = 0; k < t.length; k++) {
    if (t.blank(k, c.year) && t.blank(k, c.key)) continue;
    const before = ctx.errors.length;
    let year: number | undefined;
    if (t.blank(k, c.year)) t.error(k, c.year, { code: "projectionYear" });
    else {
      const y = readPlanYear(t.cell(k, c.year), settings.budgetYear);
      if ("problem" in y) t.error(k, c.year, { code: "projectionYear", problem: y.problem });
      else if (y.year < 2) t.error(k, c.year, { code: "projectionYearAfter" });
      else year = y.year;
    }
    const kind = KINDS[labelKey(t.text(k, c.kind))];
    if (kind === undefined) t.error(k, c.kind, { code: "projectionKind" });
    const keyText = t.requiredText(k, c.key, { code: "projectionKey", kind });
    let key = -1;
    if (keyText !== undefined && kind !== undefined && district) {
      key = (kind === "Enrollment" ? levelKeys : sourceKeys).indexOf(labelKey(keyText));
      if (key < 0) {
        const list = kind === "Enrollment" ? district.levels : district.sources.map((s) => s.name);
        t.error(k, c.key, { code: "projectionKey", kind, names: list });
      }
    }
    let schoolIndex: number | null = null;
    if (c.school >= 0 && !t.blank(k, c.school)) {
      if (kind === "Revenue") t.error(k, c.school, { code: "projectionSchoolRevenue" });
      else if (district) {
        const i = schoolKeys.get(labelKey(t.text(k, c.school)));
        if (i === undefined) t.error(k, c.school, { code: "projectionSchool" });
        else if (key >= 0 && !rowsAt.has(`${i}:${key}`)) t.error(k, c.school, { code: "projectionSchoolLevel", level: district.levels[key] });
        else schoolIndex = i;
      }
    }
    let value: number | undefined;
    if (kind === "Revenue") {
      const v = t.cents(k, c.value, { what: { code: "projectionRevenue" } });
      if (typeof v === "number") value = v;
    } else {
      const v = t.students(k, c.value, { code: "students" });
      if (typeof v === "number") value = v;
    }
    if (year !== undefined && kind !== undefined && key >= 0) {
      const id = `${year}:${kind}:${key}:${schoolIndex ?? ""}`;
      const dup = firstRow.get(id);
      if (dup !== undefined) t.rowError(k, { code: "projectionOnce" }, { code: "projectionAgain", row: dup });
      else firstRow.set(id, t.sheetRow(k));
    }
    if (ctx.errors.length > before || !district || year === undefined || kind === undefined || value === undefined) continue;
    out.push({ year, kind, key, schoolIndex, value, sheetRow: t.sheetRow(k) });
  }
  return out;
}

const TARGET_COLUMNS = [...WEIGHT_COLUMNS, TARGET_WEIGHT_COLUMN];

/**
 * The Weights table's optional `Target Weight` column, resolved like the weights themselves (a level-specific row
 * overrides an `All` row): targets[level][category], null where no target applies. A target needs a Weight row.
 */
export function parseTargetWeights(raw: RawTable | undefined, district: District | null, ctx: ParseContext): (number | null)[][] {
  const targets = (district?.rates ?? []).map((row) => row.map((): number | null => null));
  if (!raw || !district) return targets;
  const { t, flush } = quietReader("Weights", raw, TARGET_COLUMNS, ctx);
  const tc = t.col("Target Weight");
  if (!t.complete || tc < 0) return targets;
  const catCol = t.col("Category");
  const levelCol = t.col("Level");
  const wCol = t.col("Weight");
  const needKeys = district.needs.map(normalizeHeader);
  const levelKeys = district.levels.map(labelKey);
  const allRows: { cat: number; level: number | null; target: number | null }[] = [];
  for (let k = 0; k < t.length; k++) {
    if (t.blank(k, catCol)) continue;
    const catKey = normalizeHeader(t.text(k, catCol));
    const cat = catKey === "base" ? 0 : needKeys.indexOf(catKey) + 1;
    const lk = labelKey(t.text(k, levelCol));
    const level = lk === "all" ? null : levelKeys.indexOf(lk);
    if (cat < 0 || level === -1) continue; // reported by parseDistrict
    let target: number | null = null;
    if (!t.blank(k, tc)) {
      const v = t.number(k, tc, { code: "targetWeight" }, { min: 0, blank: null });
      if (wCol < 0 || t.blank(k, wCol)) t.error(k, tc, { code: "targetWeightNeedsWeight" });
      else if (typeof v === "number") target = v;
    }
    allRows.push({ cat, level, target });
  }
  // All rows first, then level rows override, as resolveRates does for the weights.
  const cell = targets.map((row) => row.map(() => ({ set: false, target: null as number | null })));
  for (const r of allRows) if (r.level === null) for (const row of cell) if (row[r.cat]) row[r.cat] = { set: true, target: r.target };
  for (const r of allRows) if (r.level !== null && cell[r.level]?.[r.cat]) cell[r.level][r.cat] = { set: true, target: r.target };
  flush();
  return cell.map((row, l) => row.map((x, c) => (x.set && x.target !== null && district.rates[l][c]?.kind === "weight" ? x.target : null)));
}
