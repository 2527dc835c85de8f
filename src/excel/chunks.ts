/// <reference types="office-js" />
/**
 * Reading cell values in bounded pieces. Excel on the web refuses a response over 5 MB
 * (ResponsePayloadSizeLimitExceeded), and a read of more than 5 million cells may come back with `values` null,
 * so no request asks for more than READ_CELLS cells; a piece that still fails is halved and read again, down to a
 * single cell (a row wider than the budget is read in column parts).
 */

/** Cells asked for in one request: ~2.5 MB of JSON at 50 bytes a cell, well under the 5 MB response limit. */
export const READ_CELLS = 50_000;

export interface Block {
  sheet: string;
  r: number;
  c: number;
  rows: number;
  cols: number;
}

interface Piece {
  block: number;
  /** Row offset inside the block. */
  at: number;
  rows: number;
  /** Column offset inside the block, and the columns read (a row wider than the budget is read in parts). */
  col: number;
  cols: number;
}

/** Office.js error codes that mean "this response (or request) was too large". */
export function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  const text = `${String(code ?? "")} ${e instanceof Error ? e.message : String(e)}`;
  return /PayloadSizeLimitExceeded/i.test(text);
}

function split(pieces: Piece[], cells: number): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    if (p.cols > cells) {
      // Wider than the budget: row by row, in column parts.
      for (let at = 0; at < p.rows; at++)
        for (let col = 0; col < p.cols; col += cells) out.push({ block: p.block, at: p.at + at, rows: 1, col: p.col + col, cols: Math.min(cells, p.cols - col) });
      continue;
    }
    const step = Math.max(1, Math.floor(cells / p.cols));
    for (let at = 0; at < p.rows; at += step) out.push({ ...p, at: p.at + at, rows: Math.min(step, p.rows - at) });
  }
  return out;
}

/** Read the values of every block (header rows included), in requests of at most `cells` cells each. */
export async function readBlocks(context: Excel.RequestContext, blocks: readonly Block[], cells = READ_CELLS): Promise<unknown[][][]> {
  const out: unknown[][][] = blocks.map((b) => new Array<unknown[]>(b.rows));
  let budget = cells;
  let queue = split(
    blocks.map((b, i) => ({ block: i, at: 0, rows: b.rows, col: 0, cols: b.cols })),
    budget,
  );
  while (queue.length > 0) {
    const batch: Piece[] = [];
    let size = 0;
    while (queue.length > 0 && (batch.length === 0 || size + queue[0].rows * queue[0].cols <= budget)) {
      const p = queue.shift() as Piece;
      batch.push(p);
      size += p.rows * p.cols;
    }
    const ranges = batch.map((p) => {
      const b = blocks[p.block];
      const range = context.workbook.worksheets.getItem(b.sheet).getRangeByIndexes(b.r + p.at, b.c + p.col, p.rows, p.cols);
      range.load("values");
      return range;
    });
    let ok = true;
    try {
      // One request per bounded piece of the input, not per row or cell.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      ok = ranges.every((r) => Array.isArray(r.values));
    } catch (e) {
      if (!isPayloadError(e)) throw e;
      ok = false;
    }
    if (!ok) {
      const single = batch.length === 1 && batch[0].rows === 1 && batch[0].cols === 1;
      if (single) {
        const b = blocks[batch[0].block];
        throw new Error(`A cell in row ${b.r + batch[0].at + 1} of sheet "${b.sheet}" is too large for Excel to send to the add-in; shorten its text.`);
      }
      budget = Math.max(1, Math.floor(Math.min(budget, size) / 2));
      queue = [...split(batch, budget), ...queue];
      continue;
    }
    batch.forEach((p, k) =>
      ranges[k].values.forEach((row, i) => {
        const target = (out[p.block][p.at + i] ??= new Array<unknown>(blocks[p.block].cols));
        row.forEach((v, j) => (target[p.col + j] = v));
      }),
    );
  }
  return out;
}
