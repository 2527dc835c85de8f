/**
 * Average daily attendance (ADA) funding, one allocation rule: at the levels Policy's ADA Levels names, a school's
 * BASE students (category 0, "Students") are funded on its average daily attendance instead of its enrollment:
 *
 *   ADA students = enrolled × attendance rate, rounded half-up to hundredths (in integers: no float drift).
 *
 * Need counts (poverty, English learners, …) stay as counted. The layout keeps the enrolled count and adds, per
 * cell, the difference ADA − enrolled (≤ 0, two decimals). Every place that pays a cell pays it as two lines —
 * enrolled × rate and difference × rate, each rounded half-up to the rounding unit (`cellAmount`) — and the
 * weighted pupils that solve a base count enrolled + difference: the pool is spent on attendance, so the solved
 * rate rises for every school (the pool is fixed), and the pool still conserves to the cent.
 */
import type { Cell, CellPlace, InputError, Policy, School } from "../types";
import { cellFinding, type Finding } from "../problems";
import { policySetting } from "../policySettings";
import { lineAmount } from "./rounding";

/** The level names Policy's ADA Levels lists (commas or semicolons between names), trimmed; [] when off. */
export function adaLevelNames(policy: Pick<Policy, "adaLevels">): string[] {
  const t = policy.adaLevels;
  if (typeof t !== "string") return [];
  return t
    .split(/[,;\n]/)
    .map((x) => x.trim())
    .filter((x) => x !== "");
}

const key = (s: string) => s.trim().toLowerCase();

/** Per district level: 1 when its Base students are funded on attendance. */
export function adaLevelFlags(levels: readonly string[], policy: Pick<Policy, "adaLevels">): Uint8Array {
  const names = new Set(adaLevelNames(policy).map(key));
  const out = new Uint8Array(levels.length);
  levels.forEach((l, i) => (out[i] = names.has(key(l)) ? 1 : 0));
  return out;
}

/** The names in ADA Levels that are not levels of the district (case and spaces ignored). */
export function unknownAdaLevels(levels: readonly string[], policy: Pick<Policy, "adaLevels">): string[] {
  const known = new Set(levels.map(key));
  return adaLevelNames(policy).filter((n) => !known.has(key(n)));
}

/** The attendance rate in hundredths of a percent (93.8% → 9380). */
export function basisPoints(rate: number): number {
  return Math.round(rate * 10000);
}

/** Whether a rate read as a fraction is one ADA funding accepts: above 0%, at most 100%, at most two decimals of a percent. */
export function validAttendance(rate: number): boolean {
  if (!Number.isFinite(rate) || rate <= 0 || rate > 1 + 1e-12) return false;
  return Math.abs(rate * 10000 - basisPoints(rate)) < 1e-6;
}

/** ADA students: enrolled × rate rounded half-up to hundredths, computed in integers (hundredths of a pupil × basis points). */
export function adaStudents(enrolled: number, rate: number): number {
  return hundredthsOnAttendance(Math.round(enrolled * 100), rate) / 100;
}

/** ADA students − enrolled (≤ 0, two decimals, exact in hundredths). */
export function adaDifference(enrolled: number, rate: number): number {
  const e100 = Math.round(enrolled * 100);
  return (hundredthsOnAttendance(e100, rate) - e100) / 100;
}

/** Hundredths of a pupil on attendance: hundredths enrolled × basis points, rounded half-up, in integers. */
function hundredthsOnAttendance(e100: number, rate: number): number {
  return Math.floor((e100 * basisPoints(rate) + 5000) / 10000);
}

/**
 * What one cell pays: enrolled × rate and (ADA − enrolled) × rate, each a line rounded half-up to the unit. With no
 * attendance difference it is the one line count × rate. Every site that pays a cell calls this.
 */
export function cellAmount(enrolled: number, difference: number, rate: number, unit: number): number {
  const a = lineAmount(enrolled, rate, unit);
  return difference === 0 ? a : a + lineAmount(difference, rate, unit);
}

/** What the allocation needs to check ADA funding's inputs. */
export interface AttendanceInputs {
  schools: readonly Pick<School, "id" | "sheetRow" | "attendance" | "attendancePlace">[];
  levels: readonly string[];
  enrollment: readonly { schoolIndex: number; levelIndex: number }[];
  policy: Pick<Policy, "adaLevels" | "places">;
}

/**
 * ADA funding's located problems: a level name in ADA Levels that no Enrollment row has (a Policy error), and a
 * school at an ADA level with no valid Attendance Rate (a Schools error naming the cell, and why it is needed).
 * `invalid` holds, per school index, the text of an Attendance Rate cell the Schools parser could not accept:
 * it is always a problem, said with the reason when the school is at an ADA level.
 */
export function attendanceErrors(x: AttendanceInputs, invalid: ReadonlyMap<number, Cell> = new Map()): InputError[] {
  const errors: InputError[] = [];
  const names = adaLevelNames(x.policy);
  // ADA off and no bad cell (every allocation without ADA): nothing to check.
  if (names.length === 0 && invalid.size === 0) return errors;
  const unknown = unknownAdaLevels(x.levels, x.policy);
  if (unknown.length > 0) {
    const spec = policySetting("adaLevels");
    const at = x.policy.places?.adaLevels;
    const what = { code: "input", expect: { code: "adaLevels", levels: x.levels }, saw: { code: "notLevels", names: unknown } } as const;
    errors.push(at ? { ...what, table: "Policy", row: at.row, column: at.column, cell: at.cell, ...(at.sheet ? { sheet: at.sheet } : {}) } : { ...what, table: "Policy", row: null, column: spec.name });
  }
  const flags = adaLevelFlags(x.levels, x.policy);
  const adaLevelsOf = x.schools.map(() => new Set<number>());
  for (const r of x.enrollment) if (r.levelIndex >= 0 && flags[r.levelIndex]) adaLevelsOf[r.schoolIndex]?.add(r.levelIndex);
  x.schools.forEach((sc, i) => {
    const at = adaLevelsOf[i];
    const bad = invalid.get(i);
    const needed = at.size > 0;
    if (bad === undefined && (!needed || (sc.attendance !== null && sc.attendance !== undefined && validAttendance(sc.attendance)))) return;
    const adaLevels = [...at].sort((a, b) => a - b).map((l) => x.levels[l]);
    const place: CellPlace | undefined = sc.attendancePlace;
    const found: Finding =
      bad !== undefined ? cellFinding(bad) : sc.attendance === null || sc.attendance === undefined ? (place ? cellFinding(null) : { code: "noAttendanceColumn" }) : { code: "rate", fraction: sc.attendance };
    errors.push({
      code: "input",
      table: "Schools",
      row: sc.sheetRow,
      column: place?.column ?? "Attendance Rate",
      ...(place ? { cell: place.cell, ...(place.sheet ? { sheet: place.sheet } : {}) } : {}),
      expect: { code: "attendanceRate", school: sc.id, adaLevels },
      saw: found,
    });
  });
  return errors;
}

/** A school's attendance figures for the surfaces (summary.json, the sheets): one number per concept. */
export interface SchoolAttendance {
  /** The school's Attendance Rate (fraction), or null when not given. */
  rate: number | null;
  /** Base students funded on attendance: Σ over the school's rows at an ADA level of enrolled × rate (half-up to hundredths); null when none. */
  adaStudents: number | null;
  /** The enrolled students of those rows (null when none). */
  enrolled: number | null;
}

/** Each school's attendance figures (aligned with district.schools). */
export function schoolAttendance(d: { schools: readonly Pick<School, "attendance">[]; levels: readonly string[]; enrollment: readonly { schoolIndex: number; levelIndex: number; students: number }[]; policy: Pick<Policy, "adaLevels"> }): SchoolAttendance[] {
  const flags = adaLevelFlags(d.levels, d.policy);
  const ada100 = d.schools.map(() => 0);
  const enrolled = d.schools.map(() => 0);
  const any = d.schools.map(() => false);
  for (const r of d.enrollment) {
    const rate = d.schools[r.schoolIndex]?.attendance;
    if (r.levelIndex < 0 || !flags[r.levelIndex] || typeof rate !== "number") continue;
    any[r.schoolIndex] = true;
    ada100[r.schoolIndex] += Math.round(adaStudents(r.students, rate) * 100);
    enrolled[r.schoolIndex] += r.students;
  }
  return d.schools.map((s, i) => ({
    rate: typeof s.attendance === "number" ? s.attendance : null,
    adaStudents: any[i] ? ada100[i] / 100 : null,
    enrolled: any[i] ? enrolled[i] : null,
  }));
}
