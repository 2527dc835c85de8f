import type { PlanCell, PlanTable, SheetPlan } from "../../src/report/plan";
import type { ExcelEnv } from "../../src/excel/env";

/** An environment that supports ExcelApi up to `max` (e.g. "1.12"). */
export function envUpTo(max: string, now = new Date("2025-03-01T12:00:00Z")): ExcelEnv & { asked: string[] } {
  const [, maxMinor] = max.split(".").map(Number);
  const asked: string[] = [];
  return {
    asked,
    isSetSupported(set: string, version: string) {
      asked.push(`${set} ${version}`);
      return set === "ExcelApi" && Number(version.split(".")[1]) <= maxMinor;
    },
    now: () => now,
  };
}

/** A hand-built sheet plan. */
export function plan(name: string, role: string, extra: Partial<SheetPlan> = {}): SheetPlan {
  return { name, role, cells: [], tables: [], charts: [], ...extra };
}

/** Cells from a grid of values starting at (r0, c0); undefined entries are skipped. */
export function cellsFrom(rows: (string | number | boolean | null | undefined)[][], r0 = 0, c0 = 0, more: Partial<PlanCell> = {}): PlanCell[] {
  const out: PlanCell[] = [];
  rows.forEach((row, i) => row.forEach((v, j) => v !== undefined && out.push({ r: r0 + i, c: c0 + j, v, ...more })));
  return out;
}

/** A per-school sheet like the report builder's: title, a few label/value lines, a total formula. */
export function schoolPlan(i: number, lines = 20, name = `School ${i}`, detail = ""): SheetPlan {
  const cells: PlanCell[] = [{ r: 0, c: 0, v: name, style: "title" }];
  cells.push({ r: 2, c: 0, v: "Source", style: "header" }, { r: 2, c: 1, v: "Students", style: "header" }, { r: 2, c: 2, v: "Amount", style: "header" });
  for (let k = 0; k < lines; k++) {
    cells.push({ r: 3 + k, c: 0, v: `Line ${k} of the explanation for ${name}${detail}` });
    cells.push({ r: 3 + k, c: 1, v: 100 + k, fmt: "integer" });
    cells.push({ r: 3 + k, c: 2, v: 1234.56 + k, fmt: "currency" });
  }
  cells.push({ r: 3 + lines, c: 0, v: "Total", style: "total" });
  cells.push({ r: 3 + lines, c: 2, f: `SUM(C4:C${3 + lines})`, result: 0, fmt: "currency", style: "total" });
  return plan(name, "school", { cells, widths: { 0: 40, 1: 12, 2: 14 }, freeze: { rows: 3, cols: 0 } });
}

export function budgetsTable(rows: number, name = "SchoolBudgets"): PlanTable {
  return {
    name,
    r: 2,
    c: 0,
    headers: ["School ID", "School Name", "Students", "Total"],
    rows: Array.from({ length: rows }, (_, i) => [`S${i + 1}`, `School ${i + 1}`, 300 + i, 1_000_000 + i * 100]),
    formats: [undefined, undefined, "integer", "currency"],
    totals: [2, 3],
  };
}
