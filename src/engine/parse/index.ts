/**
 * parseDistrict: every input table read and validated in one pass. All problems are collected (never stopping
 * at the first) and returned in a deterministic order: by table (Schools, Enrollment, Weights, Revenue, Policy,
 * Initiatives, Initiative Segments), then by row (table-level problems first), then by column.
 */
import type { EligibilityContext } from "../eligibility";
import type { District, EnrollmentRow, InputError, ParseResult, RawTables } from "../types";
import { findTable, TABLE_ORDER, type ParseContext } from "./headers";
import { parseEnrollment } from "./enrollment";
import { parseInitiatives, parseSegments } from "./initiatives";
import { parsePolicy } from "./policy";
import { parseRevenue } from "./revenue";
import { parseSchools } from "./schools";
import { checkBaseRates, parseWeights, resolveRates } from "./weights";

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
  const policy = parsePolicy(findTable(raw, "Policy"), ctx);
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
