/** A sheet of the in-memory workbook as a grid of display texts, the way Excel would show it. */
import { excelDollars } from "../engine/money";
import { columnFormat } from "../excel/insertTables";
import type { MemorySheet } from "../host/memory";
import type { NumberFormat, PlanValue } from "../report/plan";

export interface GridCell {
  text: string;
  numeric: boolean;
  header: boolean;
  style?: string;
}

export interface Grid {
  rows: number;
  cols: number;
  cells: Map<string, GridCell>;
  /** True when the sheet is larger than what is shown. */
  clipped: boolean;
}


/**
 * A number as Excel's General format shows it: no thousands separator (a year stays "1962"), up to ten
 * significant digits, scientific notation from 1E+11.
 */
export function generalNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return "0";
  if (Math.abs(v) >= 1e11 || Math.abs(v) < 1e-9) {
    const [mantissa, exp] = v.toExponential(5).split("e");
    const m = mantissa.includes(".") ? mantissa.replace(/0+$/, "").replace(/\.$/, "") : mantissa;
    const e = Number(exp);
    return `${m}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(10)));
}

/** A cell as Excel would display it: a plan's named number format, else General. */
export function formatValue(v: PlanValue | Date | undefined, fmt?: NumberFormat): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  switch (fmt) {
    case "currency":
      return excelDollars(v, 2);
    case "currency0":
      return excelDollars(v, 0);
    case "percent":
      return `${Math.round(v * 100)}%`;
    case "percent1":
      return `${(v * 100).toFixed(1)}%`;
    case "percent2":
      return `${(v * 100).toFixed(2)}%`;
    case "integer":
      return Math.round(v).toLocaleString("en-US");
    case "decimal2":
      return v.toFixed(2);
    case "decimal4":
      return v.toFixed(4);
    default:
      return generalNumber(v);
  }
}

/** The number format the Office.js host gives an input table's column (currency, percent), as a plan format. */
export function inputColumnFormat(header: string): NumberFormat | undefined {
  const f = columnFormat(header);
  return f === "currency" ? "currency" : f === "percent" ? "percent" : undefined;
}

/** An input cell as Excel shows it after "Insert sample district": a percent column may hold 40 for 40%. */
function inputText(v: PlanValue | Date, fmt: NumberFormat | undefined): string {
  if (fmt === "percent" && typeof v === "number" && v > 1) return formatValue(v / 100, fmt);
  return formatValue(v, fmt);
}

export function sheetGrid(sheet: MemorySheet, maxRows = 300, maxCols = 30): Grid {
  const cells = new Map<string, GridCell>();
  let rows = 0;
  let cols = 0;
  let clipped = false;
  const put = (r: number, c: number, cell: GridCell) => {
    if (r >= maxRows || c >= maxCols) {
      clipped = true;
      return;
    }
    rows = Math.max(rows, r + 1);
    cols = Math.max(cols, c + 1);
    const prev = cells.get(`${r}:${c}`);
    cells.set(`${r}:${c}`, prev && cell.text === "" ? { ...prev, style: cell.style ?? prev.style } : cell);
  };
  const isNum = (v: unknown) => typeof v === "number";
  for (const t of sheet.tables) {
    const r0 = t.origin.headerRow - 1;
    const c0 = t.origin.firstColumn - 1;
    const formats = t.headers.map(inputColumnFormat);
    t.headers.forEach((h, j) => put(r0, c0 + j, { text: h, numeric: false, header: true }));
    t.rows.forEach((row, i) => row.forEach((v, j) => put(r0 + 1 + i, c0 + j, { text: inputText(v, formats[j]), numeric: isNum(v), header: false })));
  }
  const plan = sheet.plan;
  if (plan) {
    for (const t of plan.tables) {
      t.headers.forEach((h, j) => put(t.r, t.c + j, { text: h, numeric: false, header: true }));
      t.rows.forEach((row, i) => row.forEach((v, j) => put(t.r + 1 + i, t.c + j, { text: formatValue(v, t.formats?.[j]), numeric: isNum(v), header: false })));
      if (t.totals && t.totals.length > 0) {
        const r = t.r + 1 + t.rows.length;
        put(r, t.c, { text: "Total", numeric: false, header: false, style: "total" });
        for (const j of t.totals) {
          const sum = t.rows.reduce((s, row) => s + (typeof row[j] === "number" ? (row[j] as number) : 0), 0);
          put(r, t.c + j, { text: formatValue(sum, t.formats?.[j]), numeric: true, header: false, style: "total" });
        }
      }
    }
    for (const c of plan.cells) {
      const v = c.f !== undefined ? c.result : c.v;
      put(c.r, c.c, { text: formatValue(v, c.fmt), numeric: isNum(v), header: c.style === "header", style: c.style });
    }
  }
  return { rows, cols, cells, clipped };
}
