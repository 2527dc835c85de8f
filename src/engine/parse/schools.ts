/** The `Schools` table: unique School IDs, names, optional budgets, every other column kept as an attribute. */
import { validAttendance } from "../allocate/attendance";
import type { Cell, CellPlace, RawTable, School } from "../types";
import { labelKey, missingTable, normalizeHeader, TableReader, type ParseContext } from "./headers";
import { columnsOf } from "../tables";
import { readPercent } from "./values";

export interface SchoolsResult {
  schools: School[];
  /** labelKey(School ID) -> index into schools. */
  byId: Map<string, number>;
  /** normalised attribute key -> header as written (every extra column of the table). */
  attributeHeaders: Record<string, string>;
  /** False when the table is missing or unusable: other tables then skip School ID checks. */
  known: boolean;
  /**
   * Per school index, an Attendance Rate cell that is not a valid rate (as found): reported once Policy is read,
   * with the reason when the school is at an ADA level (see allocate/attendance.ts).
   */
  invalidAttendance: Map<number, Cell>;
}

export const SCHOOL_COLUMNS = columnsOf("Schools");

export function parseSchools(raw: RawTable | undefined, ctx: ParseContext): SchoolsResult {
  const result: SchoolsResult = { schools: [], byId: new Map(), attributeHeaders: {}, known: false, invalidAttendance: new Map() };
  if (!raw) {
    missingTable(ctx, "Schools");
    return result;
  }
  const t = new TableReader("Schools", raw, SCHOOL_COLUMNS, ctx);
  for (const c of t.extras) result.attributeHeaders[normalizeHeader(t.header(c))] = t.header(c);
  if (!t.complete) return result;
  const idCol = t.col("School ID");
  const nameCol = t.col("School Name");
  const currentCol = t.col("Current Budget");
  const minimumCol = t.col("Minimum Budget");
  const attendanceCol = t.col("Attendance Rate");
  // Without the column every school's carry-over is null; with it a blank cell means nothing carried ($0).
  const priorCol = t.col("Prior Year Balance");
  // Blank: no norm-based adjustment for this school (allocate/normAdjustment.ts).
  const normCol = t.col("Norm Budget");
  const firstRow = new Map<string, number>();
  for (let k = 0; k < t.length; k++) {
    if (t.skipKeyless(k, idCol)) continue;
    const id = t.text(k, idCol);
    const key = labelKey(id);
    const dup = firstRow.get(key);
    let ok = true;
    if (dup !== undefined) {
      t.error(k, idCol, { code: "uniqueSchoolId" }, { code: "again", text: id, row: dup });
      ok = false;
    } else firstRow.set(key, t.sheetRow(k));
    const name = t.requiredText(k, nameCol, { code: "schoolName" });
    const current = t.cents(k, currentCol, { blank: null });
    const minimum = t.cents(k, minimumCol, { blank: null });
    const attendance = attendanceCol < 0 || t.blank(k, attendanceCol) ? null : readPercent(t.cell(k, attendanceCol));
    const attendanceBad = attendance !== null && !validAttendance(attendance);
    const attendancePlace: CellPlace | undefined =
      attendanceCol < 0 ? undefined : { row: t.sheetRow(k), column: t.header(attendanceCol), cell: t.address(attendanceCol, t.sheetRow(k)), sheet: raw.origin.sheet };
    const normBudget = t.cents(k, normCol, { blank: null });
    const priorYear = t.cents(k, priorCol, { blank: priorCol < 0 ? null : 0, signed: true, what: { code: "balance" } });
    // A row with a bad cell is still registered (its errors already stop the parse), so that other tables
    // do not report its School ID as unknown.
    if (!ok) continue;
    if (attendanceBad || (attendanceCol >= 0 && !t.blank(k, attendanceCol) && attendance === null)) result.invalidAttendance.set(result.schools.length, t.cell(k, attendanceCol));
    const attributes: Record<string, Cell> = {};
    const attributeHeaders: Record<string, string> = {};
    for (const c of t.extras) {
      const h = t.header(c);
      const key2 = normalizeHeader(h);
      attributes[key2] = t.cell(k, c);
      attributeHeaders[key2] = h;
    }
    result.byId.set(key, result.schools.length);
    result.schools.push({
      id,
      name: name ?? "",
      current: current ?? null,
      minimum: minimum ?? null,
      // Only with the column: a district without it has no carry-over at all (see allocate/carryOver.ts).
      ...(priorCol >= 0 ? { priorYear: priorYear ?? 0 } : {}),
      ...(normCol >= 0 ? { normBudget: normBudget ?? null } : {}),
      attributes,
      attributeHeaders,
      sheetRow: t.sheetRow(k),
      ...(attendancePlace ? { attendance: attendanceBad ? null : attendance, attendancePlace } : {}),
    });
  }
  if (firstRow.size === 0) {
    t.tableError(t.header(idCol), { code: "atLeastOneSchool" }, { code: "noSchools" });
    return result;
  }
  result.known = true;
  return result;
}
