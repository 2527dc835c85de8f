/**
 * The optional `Readiness` table: the guidebook's Tier 2 readiness inventory for district officials.
 *
 * | column   | required | meaning                                                                      |
 * |----------|----------|------------------------------------------------------------------------------|
 * | Area     | yes      | one of Vision, Context, Capacity, Systems                                    |
 * | Question | yes      | the question (the tool ships a set; districts may add their own)             |
 * | Rating   | no       | 1 (not in place) … 4 (firmly in place); blank = not rated yet                |
 * | Evidence | no       | what supports the rating                                                     |
 * | Owner    | no       | who answers for it                                                           |
 *
 * Rows whose Area and Question are both blank are skipped. Every problem is a located error, collected in one pass.
 */
import type { RawTables } from "../types";
import { findTable, labelKey, TableReader, type ParseContext, type TableName } from "./headers";
import { readPlainNumber } from "./values";
import { columnsOf } from "../tables";

export const READINESS_TABLE = "Readiness" satisfies TableName;

/** The four readiness areas, in the guidebook's order. */
export const READINESS_AREAS = ["Vision", "Context", "Capacity", "Systems"] as const;
export type ReadinessArea = (typeof READINESS_AREAS)[number];

/** What each rating means. */
export const RATING_WORDS = ["not in place", "beginning", "mostly in place", "firmly in place"] as const;

export const READINESS_COLUMNS = columnsOf("Readiness");

export interface ReadinessItem {
  area: ReadinessArea;
  question: string;
  /** 1–4, or null when not rated yet. */
  rating: 1 | 2 | 3 | 4 | null;
  evidence: string;
  owner: string;
  sheetRow: number;
}

/** Parse the Readiness table; null when the workbook has none. */
export function parseReadiness(raw: RawTables, ctx: ParseContext): ReadinessItem[] | null {
  const table = findTable(raw, READINESS_TABLE);
  if (!table) return null;
  const t = new TableReader(READINESS_TABLE, table, READINESS_COLUMNS, ctx);
  if (!t.complete) return [];
  const c = { area: t.col("Area"), question: t.col("Question"), rating: t.col("Rating"), evidence: t.col("Evidence"), owner: t.col("Owner") };
  const out: ReadinessItem[] = [];
  for (let k = 0; k < t.length; k++) {
    if (t.blank(k, c.area) && t.blank(k, c.question)) continue;
    const before = ctx.errors.length;
    const areaExpected = { code: "area", areas: READINESS_AREAS } as const;
    const areaText = t.requiredText(k, c.area, areaExpected);
    const area = areaText === undefined ? undefined : READINESS_AREAS.find((a) => labelKey(a) === labelKey(areaText));
    if (areaText !== undefined && area === undefined) t.error(k, c.area, areaExpected);
    const question = t.requiredText(k, c.question, { code: "question" });
    let rating: 1 | 2 | 3 | 4 | null = null;
    if (!t.blank(k, c.rating)) {
      const n = readPlainNumber(t.cell(k, c.rating));
      if (n === null || !Number.isInteger(n) || n < 1 || n > 4) t.error(k, c.rating, { code: "readinessRating" });
      else rating = n as 1 | 2 | 3 | 4;
    }
    if (ctx.errors.length > before) continue;
    out.push({ area: area as ReadinessArea, question: question as string, rating, evidence: t.text(k, c.evidence), owner: t.text(k, c.owner), sheetRow: t.sheetRow(k) });
  }
  return out;
}
