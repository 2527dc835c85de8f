/**
 * The `Enrollment` table: one row per school per level. Every column other than School ID, Level and Students
 * that holds at least one number is a need category; all-text columns (e.g. School Name) are ignored.
 */
import type { RawTable } from "../types";
import { labelKey, missingTable, normalizeHeader, stripUnit, TableReader, type ParseContext } from "./headers";
import type { SchoolsResult } from "./schools";
import { readNumeric } from "./values";
import { columnsOf } from "../tables";

/** An enrollment row before levels are ordered (levels depend on the Weights table too). */
export interface ParsedEnrollmentRow {
  schoolId: string;
  schoolIndex: number;
  /** labelKey of the level. */
  levelKey: string;
  students: number;
  needs: number[];
  sheetRow: number;
}

export interface EnrollmentResult {
  rows: ParsedEnrollmentRow[];
  /** Need category names (header without unit mark) in column order. */
  needs: string[];
  /** labelKey(level) -> spelling first seen, in order of first appearance. */
  levels: Map<string, string>;
  /** False when the table is missing or unusable: Weights and Revenue then skip level/category checks. */
  known: boolean;
  /** Extra columns that are not need categories (no numbers): normalised header -> header as written. */
  otherColumns: Map<string, string>;
}

export const ENROLLMENT_COLUMNS = columnsOf("Enrollment");

/** Columns never taken as need categories even when they hold numbers. */
const NOT_NEEDS = new Set(["schoolname", "name"]);

export function parseEnrollment(
  raw: RawTable | undefined,
  schools: SchoolsResult,
  ctx: ParseContext,
): EnrollmentResult {
  const result: EnrollmentResult = { rows: [], needs: [], levels: new Map(), known: false, otherColumns: new Map() };
  if (!raw) {
    missingTable(ctx, "Enrollment");
    return result;
  }
  const t = new TableReader("Enrollment", raw, ENROLLMENT_COLUMNS, ctx);
  if (!t.complete) return result;
  const cols: EnrollmentColumns = { id: t.col("School ID"), level: t.col("Level"), students: t.col("Students"), needs: [] };
  const used: number[] = [];
  for (let k = 0; k < t.length; k++) if (!t.skipKeyless(k, cols.id)) used.push(k);
  cols.needs = readNeedColumns(t, used, result, ctx);
  if (used.length === 0) {
    t.tableError(null, { code: "atLeastOneEnrollmentRow" }, { code: "emptyEnrollment" });
    return result;
  }
  const seen: RowsSeen = { firstRow: new Map(), withRows: new Set() };
  for (const k of used) result.rows.push(readEnrollmentRow(t, k, cols, schools, seen, result.levels));
  if (schools.known) {
    schools.schools.forEach((s, i) => {
      if (!seen.withRows.has(i)) ctx.warnings.push({ code: "noEnrollment", id: s.id, name: s.name });
    });
  }
  result.known = true;
  return result;
}

/** Where the table's columns are: School ID, Level, Students and the need categories in column order. */
interface EnrollmentColumns {
  id: number;
  level: number;
  students: number;
  needs: number[];
}

/** What the rows read so far hold: the first sheet row of each school and level, the schools with a row. */
interface RowsSeen {
  /** School ID and level key -> sheet row of their first row. */
  firstRow: Map<string, number>;
  /** Indexes (in Schools) of the schools with at least one row. */
  withRows: Set<number>;
}

/**
 * The need columns: every extra column holding a number in a used row (School Name and Name aside). The others
 * are noted in `result.otherColumns`, with a warning when they hold text; need names go to `result.needs`, and a
 * need named Base or All is an error.
 */
function readNeedColumns(t: TableReader, used: readonly number[], result: EnrollmentResult, ctx: ParseContext): number[] {
  const needCols: number[] = [];
  for (const c of t.extras) {
    const key = normalizeHeader(t.header(c));
    const numeric = used.some((k) => readNumeric(t.cell(k, c)) !== null);
    if (numeric && !NOT_NEEDS.has(key)) {
      needCols.push(c);
      continue;
    }
    result.otherColumns.set(key, t.header(c));
    if (!NOT_NEEDS.has(key) && used.some((k) => !t.blank(k, c)))
      ctx.warnings.push({ code: "textColumn", column: t.header(c) });
  }
  for (const c of needCols) {
    const name = stripUnit(t.header(c));
    result.needs.push(name === "" ? t.header(c) : name);
    if (["base", "all"].includes(normalizeHeader(name)))
      t.tableError(t.header(c), { code: "needNames" }, { code: "reservedNeed", name });
  }
  return needCols;
}

/** One used row: its school (checked against Schools when known), level, Students and need counts. */
function readEnrollmentRow(
  t: TableReader,
  k: number,
  cols: EnrollmentColumns,
  schools: SchoolsResult,
  seen: RowsSeen,
  levels: Map<string, string>,
): ParsedEnrollmentRow {
  const id = t.text(k, cols.id);
  let schoolIndex = -1;
  if (schools.known) {
    const idx = schools.byId.get(labelKey(id));
    if (idx === undefined) t.error(k, cols.id, { code: "schoolIdInSchools" });
    else {
      schoolIndex = idx;
      seen.withRows.add(idx);
    }
  }
  const levelKey = readLevel(t, k, cols.level, id, seen, levels);
  const students = t.students(k, cols.students, { code: "students" });
  return {
    schoolId: schoolIndex >= 0 ? schools.schools[schoolIndex].id : id,
    schoolIndex,
    levelKey,
    students: students ?? 0,
    needs: readNeeds(t, k, cols.needs, students),
    sheetRow: t.sheetRow(k),
  };
}

/**
 * A row's level key ("" when the level is blank): not All, once per school, its first spelling kept in `levels`.
 */
function readLevel(t: TableReader, k: number, levelCol: number, id: string, seen: RowsSeen, levels: Map<string, string>): string {
  const level = t.requiredText(k, levelCol, { code: "levelLabel" });
  if (level === undefined) return "";
  const levelKey = labelKey(level);
  if (levelKey === "all") {
    t.error(k, levelCol, { code: "levelNotAll" });
    return levelKey;
  }
  if (!levels.has(levelKey)) levels.set(levelKey, level.trim().replace(/\s+/g, " "));
  const pair = `${labelKey(id)}\u0000${levelKey}`;
  const dup = seen.firstRow.get(pair);
  if (dup !== undefined)
    t.error(k, levelCol, { code: "rowPerSchoolLevel" }, { code: "levelAgain", level, school: id, row: dup });
  else seen.firstRow.set(pair, t.sheetRow(k));
  return levelKey;
}

/** A row's need counts in column order: blank is 0; a count that is not a student count or exceeds Students is an error (and 0). */
function readNeeds(t: TableReader, k: number, needCols: readonly number[], students: number | undefined): number[] {
  return needCols.map((c) => {
    if (t.blank(k, c)) return 0;
    const v = t.students(k, c, { code: "needStudents" });
    if (v === undefined) return 0;
    if (students !== undefined && v > students) {
      t.error(k, c, { code: "atMostStudents", students }, { code: "moreStudents", value: t.cell(k, c), students });
      return 0;
    }
    return v;
  });
}
