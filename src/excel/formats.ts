/// <reference types="office-js" />
import type { CellStyle, NumberFormat } from "../report/plan";

/** Excel number-format codes for the plan's named formats. */
export const NUMBER_FORMATS: Record<NumberFormat, string> = {
  currency: '"$"#,##0.00',
  currency0: '"$"#,##0',
  percent: "0%",
  percent1: "0.0%",
  percent2: "0.00%",
  integer: "#,##0",
  decimal2: "0.00",
  decimal4: "0.0000",
  text: "@",
  date: "yyyy-mm-dd",
};

export const HEADER_FILL = "#DDEBF7";
export const INPUT_FILL = "#FFF2CC";
export const GOOD_FILL = "#C6EFCE";
export const GOOD_FONT = "#006100";
export const BAD_FILL = "#FFC7CE";
export const BAD_FONT = "#9C0006";
export const NOTE_FONT = "#595959";

/**
 * Queue the formatting of one cell style on a range. Each call queues a handful of property sets,
 * so the renderer applies it per rectangle of equally styled cells, never per cell.
 */
export function applyStyle(range: Excel.Range, style: CellStyle): void {
  const f = range.format;
  switch (style) {
    case "title":
      f.font.bold = true;
      f.font.size = 16;
      break;
    case "subtitle":
      f.font.bold = true;
      f.font.size = 12;
      break;
    case "header":
      f.font.bold = true;
      f.fill.color = HEADER_FILL;
      break;
    case "total": {
      f.font.bold = true;
      const top = f.borders.getItem("EdgeTop");
      top.style = "Continuous";
      top.weight = "Thin";
      break;
    }
    case "note":
      f.font.italic = true;
      f.font.color = NOTE_FONT;
      break;
    case "input":
      f.fill.color = INPUT_FILL;
      break;
    case "good":
      f.fill.color = GOOD_FILL;
      f.font.color = GOOD_FONT;
      break;
    case "bad":
      f.fill.color = BAD_FILL;
      f.font.color = BAD_FONT;
      break;
    case "label":
      f.font.bold = true;
      break;
  }
}

/** Approximate JSON size of the property sets applyStyle queues (for payload estimates). */
export const STYLE_BYTES = 600;

/** Column width in points for a width in characters (Calibri 11: 7 px per character + 5 px padding). */
export function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}
