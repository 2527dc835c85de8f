/** How chart values print: in the table on demand, tooltips and axis labels. Pure; no drawing library. */
import { axisDollars, dollarFigure } from "../../engine/money";
import type { ChartCell, ValueFormat } from "./types";

const COMPACT = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const INT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const DEC = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 4 });

/** A value as the table on demand and tooltips print it. */
export function formatValue(v: ChartCell, f: ValueFormat): string {
  if (v === null || v === "") return "";
  if (typeof v === "string") return v;
  switch (f) {
    case "currency":
      return dollarFigure(v);
    case "percentPoints":
      return `${v.toFixed(1)}%`;
    case "integer":
      return INT.format(v);
    case "decimal":
      return DEC.format(v);
    default:
      return String(v);
  }
}

/** An axis tick label: compact ($1.2M, 35%, 1.5K). */
export function axisLabel(v: number, f: ValueFormat): string {
  switch (f) {
    case "currency":
      return axisDollars(v);
    case "percentPoints":
      return `${INT.format(v)}%`;
    case "integer":
      return Math.abs(v) >= 10_000 ? COMPACT.format(v) : INT.format(v);
    default:
      return DEC.format(v);
  }
}

