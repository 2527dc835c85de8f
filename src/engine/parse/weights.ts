/**
 * The `Weights` table: (Category, Level) -> an additive Weight or a fixed Per Pupil dollar amount.
 * A level-specific row overrides an `All` row; a category without a row for a level has no rate there.
 */
import type { RawTable, Rate } from "../types";
import { labelKey, missingTable, normalizeHeader, TableReader, type ParseContext } from "./headers";
import type { EnrollmentResult } from "./enrollment";
import { readPlainNumber } from "./values";
import { columnsOf } from "../tables";

export interface WeightRow {
  /** 0 = Base, k = needs[k-1]. */
  category: number;
  /** labelKey of the level, or null for `All`. */
  levelKey: string | null;
  rate: Rate;
  sheetRow: number;
}

export interface WeightsResult {
  rows: WeightRow[];
  /** labelKey(level) -> spelling, in order of first appearance in Weights rows (All excluded). */
  levelOrder: Map<string, string>;
  /** Header of the Category column as written (for table-level messages). */
  categoryHeader: string | null;
  sheet: string | null;
}

export const WEIGHT_COLUMNS = columnsOf("Weights");

export function parseWeights(raw: RawTable | undefined, enrollment: EnrollmentResult, ctx: ParseContext): WeightsResult {
  const result: WeightsResult = { rows: [], levelOrder: new Map(), categoryHeader: null, sheet: null };
  if (!raw) {
    missingTable(ctx, "Weights");
    return result;
  }
  const t = new TableReader("Weights", raw, WEIGHT_COLUMNS, ctx);
  result.sheet = raw.origin.sheet;
  if (!t.has("Weight") && !t.has("Per Pupil")) {
    t.tableError("Weight", { code: "columnEither", first: "Weight", second: "Per Pupil" }, t.columnsFound());
    return result;
  }
  if (!t.complete) return result;
  const catCol = t.col("Category");
  const levelCol = t.col("Level");
  const weightCol = t.col("Weight");
  const ppCol = t.col("Per Pupil");
  result.categoryHeader = t.header(catCol);
  const checkRefs = enrollment.known;
  const needKeys = new Map(enrollment.needs.map((n, i) => [normalizeHeader(n), i + 1]));
  const categories = { code: "category", categories: ["Base", ...enrollment.needs] } as const;
  const levels = { code: "levelOrAll", levels: [...enrollment.levels.values()] } as const;
  const firstRow = new Map<string, number>();

  for (let k = 0; k < t.length; k++) {
    if (t.skipKeyless(k, catCol)) continue;
    const catText = t.text(k, catCol);
    const catKey = normalizeHeader(catText);
    let category: number | undefined = catKey === "base" ? 0 : needKeys.get(catKey);
    if (category === undefined) {
      const other = enrollment.otherColumns.get(catKey);
      if (checkRefs) t.error(k, catCol, categories, other === undefined ? undefined : { code: "categoryNoNumbers", text: catText, column: other });
      category = -1;
    }
    const levelText = t.requiredText(k, levelCol, levels);
    let levelKey: string | null | undefined;
    if (levelText !== undefined) {
      const key = labelKey(levelText);
      if (key === "all") levelKey = null;
      else if (enrollment.levels.has(key) || !checkRefs) {
        levelKey = key;
        if (!result.levelOrder.has(key)) result.levelOrder.set(key, levelText.trim().replace(/\s+/g, " "));
      } else t.error(k, levelCol, levels);
    }
    const rate = readRate(t, k, weightCol, ppCol);
    if (category < 0 || levelKey === undefined || rate === undefined) continue;
    const pair = `${category}\u0000${levelKey ?? "\u0001all"}`;
    const dup = firstRow.get(pair);
    if (dup !== undefined) {
      t.error(k, levelCol, { code: "rowPerCategoryLevel" }, { code: "pairAgain", first: catText, second: levelText as string, row: dup });
      continue;
    }
    firstRow.set(pair, t.sheetRow(k));
    result.rows.push({ category, levelKey, rate, sheetRow: t.sheetRow(k) });
  }
  return result;
}

/** Exactly one of Weight (a number ≥ 0) and Per Pupil (dollars ≥ 0, to cents). */
function readRate(t: TableReader, k: number, weightCol: number, ppCol: number): Rate | undefined {
  const hasW = weightCol >= 0 && !t.blank(k, weightCol);
  const hasP = ppCol >= 0 && !t.blank(k, ppCol);
  if (hasW && hasP) {
    t.error(k, ppCol, { code: "weightNotBoth" }, { code: "weightAndPerPupil", weight: t.text(k, weightCol), perPupil: t.text(k, ppCol) });
    return undefined;
  }
  if (!hasW && !hasP) {
    t.error(k, weightCol >= 0 ? weightCol : ppCol, { code: "weightOrPerPupil" }, { code: "bothBlank" });
    return undefined;
  }
  if (hasW) {
    const w = readPlainNumber(t.cell(k, weightCol));
    if (w === null || w < 0) {
      t.error(k, weightCol, { code: "weight" });
      return undefined;
    }
    return { kind: "weight", weight: w };
  }
  const cents = t.cents(k, ppCol, { what: { code: "perPupil" } });
  return typeof cents === "number" ? { kind: "perPupil", cents } : undefined;
}

/**
 * rates[levelIndex][category]: the level-specific row, else the `All` row, else null.
 * `levelKeys` are the labelKeys of District.levels in order.
 */
export function resolveRates(rows: WeightRow[], levelKeys: string[], needCount: number): (Rate | null)[][] {
  const rates: (Rate | null)[][] = levelKeys.map(() => new Array<Rate | null>(needCount + 1).fill(null));
  for (const r of rows) if (r.levelKey === null) for (const lr of rates) lr[r.category] = r.rate;
  for (const r of rows) {
    if (r.levelKey === null) continue;
    const li = levelKeys.indexOf(r.levelKey);
    if (li >= 0) rates[li][r.category] = r.rate;
  }
  return rates;
}

/** Every level with students needs a Base rate (its own row or an All row). */
export function checkBaseRates(
  weights: WeightsResult,
  rates: (Rate | null)[][],
  levels: string[],
  studentsByLevel: number[],
  ctx: ParseContext,
): void {
  levels.forEach((level, li) => {
    if (studentsByLevel[li] > 0 && rates[li][0] === null) {
      ctx.errors.push({
        code: "input",
        table: "Weights",
        row: null,
        column: weights.categoryHeader ?? "Category",
        ...(weights.sheet !== null ? { sheet: weights.sheet } : {}),
        expect: { code: "baseRow", level, students: studentsByLevel[li] },
        saw: { code: "noBaseWeight", level },
      });
    }
  });
}
