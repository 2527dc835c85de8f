import { useCallback, useMemo, useRef, useState, type FocusEvent } from "react";
import { Checkbox, Table, TableBody, TableHeader, TableHeaderCell, TableRow, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Allocation } from "../../../engine/types";
import { NARROW, narrowCells, numHead, wideOnly } from "../../ui/styles";
import { COLUMNS, schoolColumns, schoolRows, sortRows, type SortKey } from "./rows";
import { ROW_HEIGHT, SchoolRow, SpacerRow } from "./SchoolRow";
import { useWindow, windowPieces } from "./useWindow";

export { schoolColumns, schoolRows, sortRows, type SortKey } from "./rows";

/** Rows rendered beyond each edge of the visible part of the table. */
const OVERSCAN = 8;
/** The visible height assumed when it cannot be measured (no layout): 20 rows. */
const FALLBACK_VIEWPORT = 20 * ROW_HEIGHT;

const useStyles = makeStyles({
  // The table scrolls inside its own box (both ways), its header row staying in view.
  scroll: { overflow: "auto", maxHeight: "70vh", overscrollBehavior: "contain" },
  table: {
    tableLayout: "auto",
    "& thead th": { position: "sticky", top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
    [NARROW]: {
      "& td, & th": narrowCells,
      "& td button": { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
    },
  },
  // Sortable numeric headers line up with their right-aligned numbers.
  numHead,
  // In a narrow pane the table drops the Current and Change $ columns (the school detail shows them).
  wideOnly,
  check: { width: "32px" },
  name: { minWidth: "72px" },
});

export interface SchoolTableProps {
  allocation: Allocation;
  selected: number[];
  onSelect: (indexes: number[]) => void;
  onOpen: (index: number) => void;
  /** The visible height (px) to assume: by default measured, and 20 rows where there is no layout. */
  viewportHeight?: number;
}

type Sort = { key: SortKey; dir: "ascending" | "descending" };

/**
 * Per-school results: sortable by any column (click or Enter on a header), gainers green, losers red. Only the rows in
 * view are rendered (a 1,000-school district re-renders a few dozen rows on an edit, not 1,000); aria-rowcount and
 * aria-rowindex tell assistive technology where each rendered row stands among all of them.
 */
export function SchoolTable({ allocation, selected, onSelect, onOpen, viewportHeight }: SchoolTableProps) {
  const s = useStyles();
  const [sort, setSort] = useState<Sort>({ key: "name", dir: "ascending" });
  const rows = useMemo(() => sortRows(schoolRows(allocation), sort.key, sort.dir), [allocation, sort]);
  const columns = useMemo(() => schoolColumns(allocation), [allocation]);
  const carried = columns.length > COLUMNS.length;
  const chosen = new Set(selected);
  const all = rows.length > 0 && rows.every((r) => chosen.has(r.index));
  const some = rows.some((r) => chosen.has(r.index));
  const win = useWindow(rows.length, ROW_HEIGHT, { overscan: OVERSCAN, viewportHeight: viewportHeight ?? FALLBACK_VIEWPORT, fixed: viewportHeight !== undefined });
  const focus = useFocusedRow(rows.map((r) => r.index));
  const pieces = windowPieces(rows.length, win.range, focus.keep);
  const onToggle = useLatest((index: number, on: boolean) => {
    const others = selected.filter((i) => i !== index);
    onSelect(on ? [...others, index] : others);
  });
  const onOpenRow = useLatest(onOpen);

  const toggleSort = (key: SortKey) =>
    setSort((cur) => (cur.key === key ? { key, dir: cur.dir === "ascending" ? "descending" : "ascending" } : { key, dir: key === "name" ? "ascending" : "descending" }));

  return (
    <div className={s.scroll} ref={win.ref} onScroll={win.onScroll} data-testid="schools-scroll">
      <Table size="extra-small" className={s.table} aria-label="Schools" aria-rowcount={rows.length + 1}>
        <TableHeader>
          <TableRow aria-rowindex={1}>
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
        <TableBody onFocus={focus.onFocus} onBlur={focus.onBlur}>
          {pieces.map((p) =>
            p.kind === "gap" ? (
              <SpacerRow key={`gap-${p.from}`} rows={p.rows} columns={columns.length + 1} />
            ) : (
              <SchoolRow
                key={rows[p.at].index}
                row={rows[p.at]}
                rowIndex={p.at + 2}
                carried={carried}
                checked={chosen.has(rows[p.at].index)}
                onToggle={onToggle}
                onOpen={onOpenRow}
              />
            ),
          )}
        </TableBody>
      </Table>
    </div>
  );
}

/** A stable function that always calls the latest `fn` (so memoised rows are not re-rendered for a new callback). */
function useLatest<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  const latest = useRef(fn);
  latest.current = fn;
  return useCallback((...args: A) => latest.current(...args), []);
}

/**
 * The school whose row holds the focus, and the display positions to keep rendered while it is scrolled away: its
 * row (so the focus and what is being done in it survive) and its neighbours (so Tab and Shift+Tab reach the next
 * and previous schools, not the edge of the window).
 */
function useFocusedRow(order: number[]) {
  const [school, setSchool] = useState<number | null>(null);
  const at = school === null ? -1 : order.indexOf(school);
  const keep = at < 0 ? [] : [at - 1, at, at + 1];
  const onFocus = (e: FocusEvent<HTMLElement>) => {
    const tr = (e.target as HTMLElement).closest("tr[data-school]");
    if (tr instanceof HTMLElement) setSchool(Number(tr.dataset.school));
  };
  // Focus leaving for another part of the page lets the row go; focus leaving the window (relatedTarget null) does not.
  const onBlur = (e: FocusEvent<HTMLElement>) => {
    const to = e.relatedTarget;
    if (to instanceof Node && !e.currentTarget.contains(to)) setSchool(null);
  };
  return { keep, onFocus, onBlur };
}
