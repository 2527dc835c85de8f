/**
 * Number formats and cell styles of the ExcelJS renderer.
 *
 * ExcelJS keeps one style object per cell and mutates it when a single property (numFmt, font...) is set.
 * To avoid allocating and hashing a fresh object for every cell, each distinct (style, format, unlocked)
 * combination is built once, frozen, and assigned whole (`cell.style = shared`). Frozen objects also make
 * any accidental in-place mutation by a later setter throw instead of silently restyling other cells.
 */
import type ExcelJS from "exceljs";
import type { CellStyle, NumberFormat } from "../report/plan";

/** Excel number-format codes for the plan's named formats. */
export const NUMBER_FORMATS: Readonly<Record<NumberFormat, string>> = Object.freeze({
  currency: '"$"#,##0.00',
  currency0: '"$"#,##0',
  percent: "0%",
  percent1: "0.0%",
  percent2: "0.00%",
  integer: "#,##0",
  decimal2: "#,##0.00",
  decimal4: "#,##0.0000",
  text: "@",
  date: "yyyy-mm-dd",
});

/** Colours (ARGB) used by the named styles. */
export const COLORS = Object.freeze({
  headerFill: "FFD9E1F2",
  inputFill: "FFFFF2CC",
  border: "FF8EA9DB",
  note: "FF6B6B6B",
  good: "FF1E7B34",
  bad: "FFC00000",
});

/** The workbook's body font (Excel's default), under every styled font. */
export const BASE_FONT: Readonly<Partial<ExcelJS.Font>> = Object.freeze({ name: "Calibri", family: 2, size: 11 });

type StyleParts = Partial<Pick<ExcelJS.Style, "font" | "fill" | "border" | "protection">>;

function solidFill(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb }, bgColor: { argb } };
}

/** The look of each named style (without number format or protection). */
export function styleParts(style: CellStyle): StyleParts {
  switch (style) {
    case "title":
      return { font: { bold: true, size: 16 } };
    case "subtitle":
      return { font: { bold: true, size: 12 } };
    case "header":
      return {
        font: { bold: true },
        fill: solidFill(COLORS.headerFill),
        border: { bottom: { style: "thin", color: { argb: COLORS.border } } },
      };
    case "total":
      return { font: { bold: true }, border: { top: { style: "thin", color: { argb: "FF000000" } } } };
    case "note":
      return { font: { italic: true, color: { argb: COLORS.note } } };
    case "input":
      return { fill: solidFill(COLORS.inputFill), protection: { locked: false } };
    case "good":
      return { font: { color: { argb: COLORS.good } } };
    case "bad":
      return { font: { color: { argb: COLORS.bad } } };
    case "label":
      return { font: { bold: true } };
  }
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === "object" && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as Record<string, unknown>)) deepFreeze(v);
  }
  return o;
}

/**
 * A cache of shared, frozen ExcelJS style objects. One cache per render: the objects are only ever
 * assigned whole to cells, never modified.
 */
export class StyleCache {
  private readonly cache = new Map<string, Partial<ExcelJS.Style>>();

  /** The shared style for a cell, or null when the cell needs no style at all. */
  get(style: CellStyle | undefined, fmt: NumberFormat | undefined, unlocked: boolean | undefined): Partial<ExcelJS.Style> | null {
    const open = unlocked === true || style === "input";
    if (!style && !fmt && !open) return null;
    const key = `${style ?? ""}|${fmt ?? ""}|${open ? 1 : 0}`;
    let s = this.cache.get(key);
    if (!s) {
      const built: Partial<ExcelJS.Style> = style ? { ...styleParts(style) } : {};
      // A font is written whole: without its name and size, other spreadsheet programs draw it in their own default
      // font (LibreOffice: a wide serif), so bold and italic text would be wider than the columns made for it.
      if (built.font) built.font = { ...BASE_FONT, ...built.font };
      if (fmt) built.numFmt = NUMBER_FORMATS[fmt];
      if (open) built.protection = { locked: false };
      s = deepFreeze(built);
      this.cache.set(key, s);
    }
    return s;
  }

  /** Number of distinct styles built so far. */
  get size(): number {
    return this.cache.size;
  }
}
