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
  const idCol = t.col("School ID");
  const levelCol = t.col("Level");
  const studentsCol = t.col("Students");

  const used: number[] = [];
  for (let k = 0; k < t.length; k++) if (!t.skipKeyless(k, idCol)) used.push(k);

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

  if (used.length === 0) {
    t.tableError(null, { code: "atLeastOneEnrollmentRow" }, { code: "emptyEnrollment" });
    return result;
  }

  const firstRow = new Map<string, number>();
  const withRows = new Set<number>();
  for (const k of used) {
    const id = t.text(k, idCol);
    let schoolIndex = -1;
    if (schools.known) {
      const idx = schools.byId.get(labelKey(id));
      if (idx === undefined) t.error(k, idCol, { code: "schoolIdInSchools" });
      else {
        schoolIndex = idx;
        withRows.add(idx);
      }
    }
    const level = t.requiredText(k, levelCol, { code: "levelLabel" });
    let levelKey = "";
    if (level !== undefined) {
      levelKey = labelKey(level);
      if (levelKey === "all") {
        t.error(k, levelCol, { code: "levelNotAll" });
      } else {
        if (!result.levels.has(levelKey)) result.levels.set(levelKey, level.trim().replace(/\s+/g, " "));
        const pair = `${labelKey(id)}\u0000${levelKey}`;
        const dup = firstRow.get(pair);
        if (dup !== undefined)
          t.error(k, levelCol, { code: "rowPerSchoolLevel" }, { code: "levelAgain", level, school: id, row: dup });
        else firstRow.set(pair, t.sheetRow(k));
      }
    }
    const students = t.students(k, studentsCol, { code: "students" });
    const needs: number[] = [];
    needCols.forEach((c) => {
      if (t.blank(k, c)) {
        needs.push(0);
        return;
      }
      const v = t.students(k, c, { code: "needStudents" });
      if (v === undefined) {
        needs.push(0);
      } else if (students !== undefined && students !== null && v > students) {
        t.error(k, c, { code: "atMostStudents", students }, { code: "moreStudents", value: t.cell(k, c), students });
        needs.push(0);
      } else needs.push(v);
    });
    result.rows.push({
      schoolId: schoolIndex >= 0 ? schools.schools[schoolIndex].id : id,
      schoolIndex,
      levelKey,
      students: students ?? 0,
      needs,
      sheetRow: t.sheetRow(k),
    });
  }
  if (schools.known) {
    schools.schools.forEach((s, i) => {
      if (!withRows.has(i)) ctx.warnings.push({ code: "noEnrollment", id: s.id, name: s.name });
    });
  }
  result.known = true;
  return result;
}
