/**
 * The school table's windowing arithmetic, against a naive reference written here: a row is rendered when any pixel
 * of it is in the viewport, or it lies within `overscan` rows of one that is; spacers stand for exactly the rows left
 * out, so the scroll height is the whole table's.
 */
import { windowPieces, windowRange, type Piece } from "../../../../src/taskpane/features/schools/useWindow";

/** Naive: test every row's pixels against the viewport (scrollTop clamped to the scrollable range). */
function naiveRows(rowCount: number, h: number, vh: number, scrollTop: number, overscan: number): number[] {
  const top = Math.max(0, Math.min(scrollTop, rowCount * h - vh));
  const seen: number[] = [];
  for (let i = 0; i < rowCount; i++) if (i * h < top + Math.max(vh, 1) && (i + 1) * h > top) seen.push(i);
  if (seen.length === 0) return [];
  const out: number[] = [];
  for (let i = 0; i < rowCount; i++) if (i >= seen[0] - overscan && i <= seen[seen.length - 1] + overscan) out.push(i);
  return out;
}

function rangeRows(r: { start: number; end: number }): number[] {
  return Array.from({ length: Math.max(0, r.end - r.start) }, (_, i) => r.start + i);
}

/** A small deterministic random generator (the cases are the same on every run). */
function lcg(state: number) {
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe("windowRange", () => {
  test("worked cases: the top, the middle, the bottom, past the end, a short table", () => {
    // 1,000 rows of 32 px in a 640 px viewport (20 rows), 8 rows of overscan.
    expect(windowRange(1000, 32, 640, 0, 8)).toEqual({ start: 0, end: 28 });
    expect(windowRange(1000, 32, 640, 3200, 8)).toEqual({ start: 92, end: 128 });
    expect(windowRange(1000, 32, 640, 3216, 8)).toEqual({ start: 92, end: 129 }); // half a row in: one more row shows
    expect(windowRange(1000, 32, 640, 32000 - 640, 8)).toEqual({ start: 972, end: 1000 });
    expect(windowRange(1000, 32, 640, 999_999, 8)).toEqual({ start: 972, end: 1000 });
    expect(windowRange(3, 32, 640, 0, 8)).toEqual({ start: 0, end: 3 });
    expect(windowRange(3, 32, 640, 500, 8)).toEqual({ start: 0, end: 3 });
    expect(windowRange(0, 32, 640, 0, 8)).toEqual({ start: 0, end: 0 });
    // No height to show anything in still renders the first row and the overscan.
    expect(windowRange(1000, 32, 0, 0, 2)).toEqual({ start: 0, end: 3 });
  });

  test("equals the naive reference on 2,000 random cases", () => {
    const rnd = lcg(20240611);
    for (let k = 0; k < 2000; k++) {
      const rowCount = Math.floor(rnd() * 1200);
      const h = 1 + Math.floor(rnd() * 48);
      const vh = Math.floor(rnd() * 1500);
      const scrollTop = Math.floor(rnd() * (rowCount * h + 200));
      const overscan = Math.floor(rnd() * 12);
      const got = rangeRows(windowRange(rowCount, h, vh, scrollTop, overscan));
      const want = naiveRows(rowCount, h, vh, scrollTop, overscan);
      if (got.join() !== want.join()) throw new Error(`rows ${rowCount}, height ${h}, viewport ${vh}, scrollTop ${scrollTop}, overscan ${overscan}: ${got[0]}..${got.at(-1)} vs ${want[0]}..${want.at(-1)}`);
    }
  });
});

describe("windowPieces", () => {
  const rowsOf = (pieces: Piece[]) => pieces.flatMap((p) => (p.kind === "row" ? [p.at] : []));
  const covered = (pieces: Piece[]) => pieces.reduce((n, p) => n + (p.kind === "row" ? 1 : p.rows), 0);

  test("a window in the middle: a spacer above and below standing for exactly the rows left out", () => {
    expect(windowPieces(10, { start: 3, end: 6 })).toEqual([
      { kind: "gap", rows: 3, from: 0 },
      { kind: "row", at: 3 },
      { kind: "row", at: 4 },
      { kind: "row", at: 5 },
      { kind: "gap", rows: 4, from: 6 },
    ]);
    expect(windowPieces(3, { start: 0, end: 3 })).toEqual([0, 1, 2].map((at) => ({ kind: "row", at })));
  });

  test("kept rows (a focused row and its neighbours) stay in their place between spacers; out-of-range ones are ignored", () => {
    const pieces = windowPieces(1000, { start: 900, end: 930 }, [4, 5, 6, -1, 1000]);
    expect(pieces.slice(0, 5)).toEqual([
      { kind: "gap", rows: 4, from: 0 },
      { kind: "row", at: 4 },
      { kind: "row", at: 5 },
      { kind: "row", at: 6 },
      { kind: "gap", rows: 893, from: 7 },
    ]);
    expect(covered(pieces)).toBe(1000);
  });

  test("random windows and kept rows: rows ascending and unique, every row accounted for once, no empty spacer", () => {
    const rnd = lcg(77);
    for (let k = 0; k < 500; k++) {
      const n = Math.floor(rnd() * 300);
      const start = Math.floor(rnd() * (n + 1));
      const end = start + Math.floor(rnd() * (n - start + 1));
      const keep = Array.from({ length: Math.floor(rnd() * 4) }, () => Math.floor(rnd() * (n + 4)) - 2);
      const pieces = windowPieces(n, { start, end }, keep);
      const rows = rowsOf(pieces);
      const want = [...new Set([...rangeRows({ start, end }), ...keep.filter((x) => x >= 0 && x < n)])].sort((a, b) => a - b);
      expect(rows).toEqual(want);
      expect(covered(pieces)).toBe(n);
      for (const p of pieces) if (p.kind === "gap") expect(p.rows).toBeGreaterThan(0);
      for (let i = 1; i < pieces.length; i++) expect(pieces[i].kind === "gap" && pieces[i - 1].kind === "gap").toBe(false);
    }
  });
});
