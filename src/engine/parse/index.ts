/**
 * parseDistrict: every input table read and validated in one pass. All problems are collected (never stopping
 * at the first) and returned in a deterministic order: by table (Schools, Enrollment, Weights, Revenue, Policy,
 * Initiatives, Initiative Segments), then by row (table-level problems first), then by column.
 */
import type { EligibilityContext } from "../eligibility";
import type { District, EnrollmentRow, InputError, ParseProblem, ParseResult, RawTables, Source } from "../types";
import { MAX_CENTS } from "./values";
import { findTable, TABLE_ORDER, type ParseContext } from "./headers";
import { parseEnrollment } from "./enrollment";
import { parseInitiatives, parseSegments } from "./initiatives";
import { parsePolicy } from "./policy";
import { parseRevenue } from "./revenue";
import { parseSchools } from "./schools";
import { attendanceErrors } from "../allocate/attendance";
import { checkBaseRates, parseWeights, resolveRates } from "./weights";
import { cellFinding, type Expectation, type Finding } from "../problems";

export { normalizeHeader, stripUnit } from "./headers";

/** Levels in order of first appearance in Weights rows, then the other Enrollment levels. */
export function orderLevels(fromWeights: Map<string, string>, fromEnrollment: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of fromWeights) if (fromEnrollment.has(k)) out.set(k, v);
  for (const [k, v] of fromEnrollment) if (!out.has(k)) out.set(k, v);
  return out;
}

function columnRank(e: InputError): string {
  // Cells sort by column letters (shorter first), so B7 comes before AA7.
  const m = e.cell ? /^([A-Z]+)/.exec(e.cell) : null;
  return m ? `${String(m[1].length).padStart(2, "0")}${m[1]}` : "";
}

/** Deterministic error order: table order, then row (table-level first), then column. Stable otherwise. */
export function sortErrors(errors: InputError[]): InputError[] {
  const rank = (t: string) => {
    const i = (TABLE_ORDER as readonly string[]).indexOf(t);
    return i < 0 ? TABLE_ORDER.length : i;
  };
  return errors
    .map((e, i) => ({ e, i }))
    .sort(
      (a, b) =>
        rank(a.e.table) - rank(b.e.table) ||
        (a.e.row ?? 0) - (b.e.row ?? 0) ||
        columnRank(a.e).localeCompare(columnRank(b.e)) ||
        a.i - b.i,
    )
    .map((x) => x.e);
}

const inTable = (ctx: ParseContext, table: string) => ctx.errors.some((e) => e.table === table);

/**
 * Problems no single cell causes, said as such and placed on the column whose values combine: no revenue at all,
 * revenue adding up beyond what whole cents hold exactly, no students at all. Checked only when the table's own
 * cells are fine (a bad cell is the first thing to fix).
 */
function checkTotals(rows: readonly EnrollmentRow[], sources: readonly Source[], ctx: ParseContext): void {
  if (sources.length > 0 && !inTable(ctx, "Revenue")) {
    const total = sources.reduce((t, s) => t + s.amount, 0);
    const at = (expect: Expectation, saw: Finding): ParseProblem => ({ code: "input", table: "Revenue", row: null, column: "Amount", expect, saw });
    if (total === 0) ctx.errors.push(at({ code: "someRevenue" }, { code: "allAmountsZero" }));
    else if (total > MAX_CENTS) ctx.errors.push(at({ code: "revenueTotal", max: MAX_CENTS }, { code: "amountsTotal", total }));
  }
  if (rows.length > 0 && !inTable(ctx, "Enrollment") && rows.every((r) => r.students === 0)) {
    ctx.errors.push({ code: "input", table: "Enrollment", row: null, column: "Students", expect: { code: "someStudents" }, saw: { code: "allStudentsZero" } });
  }
}

export function parseDistrict(raw: RawTables): ParseResult {
  const ctx: ParseContext = { errors: [], warnings: [] };
  const schools = parseSchools(findTable(raw, "Schools"), ctx);
  const enrollment = parseEnrollment(findTable(raw, "Enrollment"), schools, ctx);
  const weights = parseWeights(findTable(raw, "Weights"), enrollment, ctx);

  const levelMap = orderLevels(weights.levelOrder, enrollment.levels);
  const levelKeys = [...levelMap.keys()];
  const levels = [...levelMap.values()];
  const rates = resolveRates(weights.rows, levelKeys, enrollment.needs.length);
  const enrollmentRows: EnrollmentRow[] = enrollment.rows.map((r) => {
    const levelIndex = levelKeys.indexOf(r.levelKey);
    return {
      schoolId: r.schoolId,
      schoolIndex: r.schoolIndex,
      level: levelIndex >= 0 ? levels[levelIndex] : r.levelKey,
      levelIndex,
      students: r.students,
      needs: r.needs,
      sheetRow: r.sheetRow,
    };
  });
  if (enrollment.known && weights.categoryHeader !== null) {
    const studentsByLevel = levels.map(() => 0);
    for (const r of enrollmentRows) if (r.levelIndex >= 0) studentsByLevel[r.levelIndex] += r.students;
    checkBaseRates(weights, rates, levels, studentsByLevel, ctx);
  }

  const eligibility: EligibilityContext | null =
    schools.known && enrollment.known
      ? {
          levels,
          schoolIds: schools.schools.map((s) => s.id),
          needs: enrollment.needs,
          attributes: schools.attributeHeaders,
        }
      : null;
  const sources = parseRevenue(findTable(raw, "Revenue"), eligibility, ctx);
  checkTotals(enrollmentRows, sources, ctx);
  const policy = parsePolicy(findTable(raw, "Policy"), ctx);
  if (schools.known && enrollment.known && !inTable(ctx, "Policy")) {
    ctx.errors.push(...attendanceErrors({ schools: schools.schools, levels, enrollment: enrollmentRows, policy }, schools.invalidAttendance));
  } else {
    for (const [i, value] of schools.invalidAttendance) {
      const sc = schools.schools[i];
      const at = sc.attendancePlace;
      ctx.errors.push({ code: "input", table: "Schools", row: sc.sheetRow, column: at?.column ?? "Attendance Rate", ...(at ? { cell: at.cell, sheet: at.sheet } : {}), expect: { code: "attendanceRate" }, saw: cellFinding(value) });
    }
  }
  const initiatives = parseInitiatives(findTable(raw, "Initiatives"), ctx);
  const segments = parseSegments(findTable(raw, "Initiative Segments"), initiatives, ctx);

  if (ctx.errors.length > 0) return { ok: false, errors: sortErrors(ctx.errors) };
  const district: District = {
    schools: schools.schools,
    levels,
    needs: enrollment.needs,
    enrollment: enrollmentRows,
    rates,
    sources,
    policy,
    initiatives: initiatives.initiatives,
    segments,
  };
  return { ok: true, district, warnings: ctx.warnings };
}
