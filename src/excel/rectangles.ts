import type { Rect } from "./address";

/**
 * Group cell positions into few rectangles so that a sheet is written with a handful of 2-D range writes
 * instead of one call per cell. Cells in the same row closer than `maxGap` empty columns share a run;
 * runs with the same columns on consecutive rows merge into one rectangle. The holes a gap leaves are
 * written as null (Office.js leaves such cells unchanged).
 */
export function groupRects(cells: Iterable<{ r: number; c: number }>, maxGap = 0): Rect[] {
  const byRow = new Map<number, number[]>();
  for (const { r, c } of cells) {
    let cols = byRow.get(r);
    if (!cols) byRow.set(r, (cols = []));
    cols.push(c);
  }
  const rows = Array.from(byRow.keys()).sort((a, b) => a - b);
  const done: Rect[] = [];
  // Open rectangles (ending at the previous row) keyed by "c:cols".
  let open = new Map<string, Rect>();
  let prevRow = -2;
  for (const r of rows) {
    const cols = (byRow.get(r) ?? []).sort((a, b) => a - b);
    const runs: Array<[number, number]> = [];
    for (const c of cols) {
      const last = runs[runs.length - 1];
      if (last && c <= last[1]) continue;
      if (last && c - last[1] - 1 <= maxGap) last[1] = c;
      else runs.push([c, c]);
    }
    const next = new Map<string, Rect>();
    for (const [c0, c1] of runs) {
      const key = `${c0}:${c1 - c0 + 1}`;
      const prev = r === prevRow + 1 ? open.get(key) : undefined;
      if (prev) {
        prev.rows++;
        open.delete(key);
        next.set(key, prev);
      } else {
        next.set(key, { r, c: c0, rows: 1, cols: c1 - c0 + 1 });
      }
    }
    for (const rect of open.values()) done.push(rect);
    open = next;
    prevRow = r;
  }
  for (const rect of open.values()) done.push(rect);
  return done.sort((a, b) => a.r - b.r || a.c - b.c);
}

/**
 * Split a rectangle into bands of whole rows, each of at most `maxBytes` by the given per-row size,
 * so one huge block never makes a request too large.
 */
export function splitRows(rect: Rect, rowBytes: (row: number) => number, maxBytes: number): Rect[] {
  const out: Rect[] = [];
  let start = rect.r;
  let size = 0;
  for (let r = rect.r; r < rect.r + rect.rows; r++) {
    const b = rowBytes(r);
    if (r > start && size + b > maxBytes) {
      out.push({ r: start, c: rect.c, rows: r - start, cols: rect.cols });
      start = r;
      size = 0;
    }
    size += b;
  }
  out.push({ r: start, c: rect.c, rows: rect.r + rect.rows - start, cols: rect.cols });
  return out;
}
