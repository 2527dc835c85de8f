import { useMemo, useState } from "react";
import {
  Checkbox,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { Allocation } from "../../../engine/types";
import { money, signedMoney, signedPercent } from "../../ui/format";
import { NARROW, narrowCells, scrollX, num, numHead, wideOnly, gain, loss } from "../../ui/styles";

const useStyles = makeStyles({
  wrap: scrollX,
  table: {
    tableLayout: "auto",
    [NARROW]: {
      "& td, & th": narrowCells,
      "& td button": { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
    },
  },
  num,
  // Sortable numeric headers line up with their right-aligned numbers.
  numHead,
  // In a narrow pane the table drops the Current and Change $ columns (the school detail shows them).
  wideOnly,
  gain,
  loss,
  check: { width: "32px" },
  name: { minWidth: "72px" },
});

export type SortKey = "name" | "total" | "current" | "change" | "changePct" | "perPupil" | "carryOver" | "available";

interface Row {
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

const COLUMNS: { key: SortKey; label: string; numeric: boolean; wide?: boolean }[] = [
  { key: "name", label: "School", numeric: false },
  { key: "total", label: "Total", numeric: true },
  { key: "current", label: "Current", numeric: true, wide: true },
  { key: "change", label: "Change $", numeric: true, wide: true },
  { key: "changePct", label: "Change %", numeric: true },
  { key: "perPupil", label: "Per pupil", numeric: true },
];

/** Shown when any school has a Prior Year Balance: what it carried and what it has to spend (total + carried). */
const CARRY_COLUMNS: typeof COLUMNS = [
  { key: "carryOver", label: "Carried", numeric: true, wide: true },
  { key: "available", label: "Available", numeric: true, wide: true },
];

/** The table's columns: the carry-over ones only when a school has a balance from the prior year. */
export function schoolColumns(a: Allocation): typeof COLUMNS {
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

export interface SchoolTableProps {
  allocation: Allocation;
  selected: number[];
  onSelect: (indexes: number[]) => void;
  onOpen: (index: number) => void;
}

/** Per-school results: sortable by any column (click or Enter on a header), gainers green, losers red. */
export function SchoolTable({ allocation, selected, onSelect, onOpen }: SchoolTableProps) {
  const s = useStyles();
  const [sort, setSort] = useState<{ key: SortKey; dir: "ascending" | "descending" }>({ key: "name", dir: "ascending" });
  const rows = useMemo(() => sortRows(schoolRows(allocation), sort.key, sort.dir), [allocation, sort]);
  const columns = useMemo(() => schoolColumns(allocation), [allocation]);
  const carried = columns.length > COLUMNS.length;
  const chosen = new Set(selected);
  const all = rows.length > 0 && rows.every((r) => chosen.has(r.index));
  const some = rows.some((r) => chosen.has(r.index));

  const toggleSort = (key: SortKey) =>
    setSort((cur) => (cur.key === key ? { key, dir: cur.dir === "ascending" ? "descending" : "ascending" } : { key, dir: key === "name" ? "ascending" : "descending" }));

  const toggle = (index: number, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(index);
    else next.delete(index);
    onSelect([...next]);
  };

  const tone = (v: number | null) => (v === null || v === 0 ? undefined : v > 0 ? s.gain : s.loss);

  return (
    <div className={s.wrap}>
      <Table size="extra-small" className={s.table} aria-label="Schools">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={s.check}>
              <Checkbox
                aria-label="Select all schools"
                checked={all ? true : some ? "mixed" : false}
                onChange={(_, d) => onSelect(d.checked === true ? rows.map((r) => r.index) : [])}
              />
            </TableHeaderCell>
            {columns.map((c) => (
              <TableHeaderCell
                key={c.key}
                className={mergeClasses(c.key === "name" && s.name, c.numeric && s.numHead, c.wide && s.wideOnly)}
                sortable
                sortDirection={sort.key === c.key ? sort.dir : undefined}
                onClick={() => toggleSort(c.key)}
              >
                {c.label}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.index}>
              <TableCell>
                <Checkbox aria-label={`Select ${r.name}`} checked={chosen.has(r.index)} onChange={(_, d) => toggle(r.index, d.checked === true)} />
              </TableCell>
              <TableCell>
                <Link as="button" onClick={() => onOpen(r.index)}>
                  {r.name}
                </Link>
              </TableCell>
              <TableCell className={s.num}>{money(r.total)}</TableCell>
              <TableCell className={mergeClasses(s.num, s.wideOnly)}>{r.current === null ? "—" : money(r.current)}</TableCell>
              <TableCell className={mergeClasses(s.num, s.wideOnly, tone(r.change))}>{r.change === null ? "—" : signedMoney(r.change)}</TableCell>
              <TableCell className={mergeClasses(s.num, tone(r.change))}>{r.changePct === null ? "—" : signedPercent(r.changePct)}</TableCell>
              <TableCell className={s.num}>{money(r.perPupil)}</TableCell>
              {carried && <TableCell className={mergeClasses(s.num, s.wideOnly, tone(r.carryOver))}>{r.carryOver === null ? "—" : signedMoney(r.carryOver)}</TableCell>}
              {carried && <TableCell className={mergeClasses(s.num, s.wideOnly)}>{r.available === null ? "—" : money(r.available)}</TableCell>}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
