/** The school table's rows and columns, from the allocation, and their order. */
import type { Allocation } from "../../../engine/types";

export type SortKey = "name" | "total" | "current" | "change" | "changePct" | "perPupil" | "carryOver" | "available";

export interface Row {
  index: number;
  name: string;
  total: number;
  current: number | null;
  change: number | null;
  changePct: number | null;
  perPupil: number;
  /** Carried from the prior year (+ surplus, − deficit) and total + carried; null without a Prior Year Balance. */
  carryOver: number | null;
  available: number | null;
}

export interface Column {
  key: SortKey;
  label: string;
  numeric: boolean;
  wide?: boolean;
}

/** The columns every district has, in order. */
export const COLUMNS: Column[] = [
  { key: "name", label: "School", numeric: false },
  { key: "total", label: "Total", numeric: true },
  { key: "current", label: "Current", numeric: true, wide: true },
  { key: "change", label: "Change $", numeric: true, wide: true },
  { key: "changePct", label: "Change %", numeric: true },
  { key: "perPupil", label: "Per pupil", numeric: true },
];

/** Shown when any school has a Prior Year Balance: what it carried and what it has to spend (total + carried). */
const CARRY_COLUMNS: Column[] = [
  { key: "carryOver", label: "Carried", numeric: true, wide: true },
  { key: "available", label: "Available", numeric: true, wide: true },
];

/** The table's columns: the carry-over ones only when a school has a balance from the prior year. */
export function schoolColumns(a: Allocation): Column[] {
  return a.schools.some((sc) => sc.carryOver !== null) ? [...COLUMNS, ...CARRY_COLUMNS] : COLUMNS;
}

export function schoolRows(a: Allocation): Row[] {
  return a.schools.map((sc, index) => {
    const change = sc.current === null ? null : sc.total - sc.current;
    return {
      index,
      name: sc.name,
      total: sc.total,
      current: sc.current,
      change,
      changePct: change === null || !sc.current ? null : change / sc.current,
      perPupil: sc.perPupil,
      carryOver: sc.carryOver,
      available: sc.available,
    };
  });
}

/** Sort rows; blanks (no current budget) always last. */
export function sortRows(rows: Row[], key: SortKey, dir: "ascending" | "descending"): Row[] {
  const sign = dir === "ascending" ? 1 : -1;
  return [...rows].sort((x, y) => {
    if (key === "name") return sign * x.name.localeCompare(y.name) || x.index - y.index;
    const a = x[key];
    const b = y[key];
    if (a === null && b === null) return x.index - y.index;
    if (a === null) return 1;
    if (b === null) return -1;
    return sign * (a - b) || x.name.localeCompare(y.name);
  });
}
