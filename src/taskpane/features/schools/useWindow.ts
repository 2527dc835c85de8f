/**
 * Windowing for a long table of fixed-height rows: only the rows in view (and a few either side) are rendered;
 * spacer rows stand for the others so the scroll height and the scroll bar are those of the whole table.
 */
import { useCallback, useLayoutEffect, useRef, useState, type UIEvent } from "react";

/** The rows to render: positions start (inclusive) to end (exclusive) in display order. */
export interface WindowRange {
  start: number;
  end: number;
}

/**
 * The rows that meet the viewport [scrollTop, scrollTop + viewportHeight), widened by `overscan` rows each side and
 * kept within [0, rowCount). A scrollTop past the end (the table got shorter) counts as scrolled to the bottom.
 */
export function windowRange(rowCount: number, rowHeight: number, viewportHeight: number, scrollTop: number, overscan: number): WindowRange {
  if (rowCount <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const top = Math.max(0, Math.min(scrollTop, rowCount * rowHeight - viewportHeight));
  const first = Math.floor(top / rowHeight);
  const last = Math.ceil((top + Math.max(viewportHeight, 0)) / rowHeight); // exclusive
  return { start: Math.max(0, first - overscan), end: Math.min(rowCount, Math.max(last, first + 1) + overscan) };
}

/** What to render in order: a row at a display position, or a spacer standing for `rows` rows not rendered. */
export type Piece = { kind: "row"; at: number } | { kind: "gap"; rows: number; from: number };

/**
 * The window's rows plus the kept positions (a focused row and its neighbours stay rendered when scrolled away, so
 * focus and Tab order survive), in display order, with a spacer for every run of positions left out.
 */
export function windowPieces(rowCount: number, range: WindowRange, keep: readonly number[] = []): Piece[] {
  const shown = new Set<number>();
  for (let i = range.start; i < range.end; i++) shown.add(i);
  for (const k of keep) if (Number.isInteger(k) && k >= 0 && k < rowCount) shown.add(k);
  const sorted = [...shown].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  let next = 0;
  for (const at of sorted) {
    if (at > next) pieces.push({ kind: "gap", rows: at - next, from: next });
    pieces.push({ kind: "row", at });
    next = at + 1;
  }
  if (rowCount > next) pieces.push({ kind: "gap", rows: rowCount - next, from: next });
  return pieces;
}

export interface WindowOptions {
  /** Rows rendered beyond each edge of the viewport. */
  overscan: number;
  /**
   * The viewport's height in px when it cannot be measured (no layout, as under jsdom), or to fix it; a measured
   * height wins unless `fixed` is set.
   */
  viewportHeight: number;
  fixed?: boolean;
}

/**
 * Tracks a scroll container (attach `ref` and `onScroll`) and returns the rows to render. Re-renders only when the
 * range changes, not on every scrolled pixel.
 */
export function useWindow(rowCount: number, rowHeight: number, o: WindowOptions) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [measured, setMeasured] = useState(0);
  const viewport = o.fixed || measured <= 0 ? o.viewportHeight : measured;

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || o.fixed) return;
    const measure = () => setMeasured(el.clientHeight);
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [o.fixed]);

  // Keep only the first row in view in state: scrolling within a row does not re-render.
  const onScroll = useCallback((e: UIEvent<HTMLElement>) => setScrollTop(Math.floor(e.currentTarget.scrollTop / rowHeight) * rowHeight), [rowHeight]);
  const range = windowRange(rowCount, rowHeight, viewport, scrollTop, o.overscan);
  return { ref, onScroll, range, viewport };
}
