/**
 * Build RawTables from plain arrays for tests: `rawTables({ Schools: [["School ID", "School Name"], ["101", "Lincoln"]] })`.
 * The first array of each table is its header row; by default a table sits on a sheet of its own name with the
 * header in row 1 and the first column in A (so data row k is sheet row k + 2).
 */
import type { Cell, RawTable, RawTables } from "../../src/engine/types";

export type Grid = Cell[][];
export type Origin = RawTable["origin"];

/** One raw table from a grid whose first row is the header. */
export function rawTable(name: string, grid: Grid, origin: Partial<Origin> = {}): RawTable {
  const [headers = [], ...rows] = grid;
  return {
    name,
    headers: headers.map((h) => (h === null || h === undefined ? "" : String(h))),
    rows: rows.map((r) => [...r]),
    origin: { sheet: name, headerRow: 1, firstColumn: 1, kind: "sheet", ...origin },
  };
}

/** Raw tables keyed by lower-cased contract name. Undefined entries are left out (a missing table). */
export function rawTables(grids: Record<string, Grid | undefined>, origins: Record<string, Partial<Origin>> = {}): RawTables {
  const out: RawTables = {};
  for (const [name, grid] of Object.entries(grids)) {
    if (grid === undefined) continue;
    out[name.toLowerCase()] = rawTable(name, grid, origins[name] ?? {});
  }
  return out;
}

/**
 * A small valid district: 3 schools (101 K-8 with Elementary + Middle rows, 102 Elementary, 103 High),
 * needs Poverty / EL, base weights by level, a Poverty weight for All, a Title I grant and a locked source.
 */
export function sampleGrids(): Record<string, Grid> {
  return {
    Schools: [
      ["School ID", "School Name", "Current Budget", "Minimum Budget", "Title I", "Region"],
      [101, "Lincoln K-8", 1_000_000, null, "Yes", "North"],
      ["102", "Adams Elementary", "$800,000", 250000, "No", "South"],
      ["103", "Roosevelt High", null, null, "Y", "North"],
    ],
    Enrollment: [
      ["School ID", "School Name", "Level", "Students", "Poverty", "EL"],
      ["101", "Lincoln K-8", "Elementary", 300, 150, 30],
      ["101", "Lincoln K-8", "Middle", 200, 60, null],
      ["102", "Adams Elementary", "Elementary", 400, 100, 40],
      ["103", "Roosevelt High", "High", 500, 250, 25],
    ],
    Weights: [
      ["Category", "Level", "Weight", "Per Pupil"],
      ["Base", "Elementary", 1, null],
      ["Base", "Middle", 1.1, null],
      ["Base", "High", 1.2, null],
      ["Poverty", "All", 0.25, null],
      ["EL", "All", 0.4, null],
    ],
    Revenue: [
      ["Source", "Type", "Restricted", "Amount", "Status", "School Share", "Funds", "Eligible"],
      ["State Aid", "State", "No", "$10,000,000", "Unlocked", "90%", "All", "All"],
      ["Title I", "Federal", "Yes", 600000, "Grant", null, "Poverty", "Poverty % >= 40%"],
      ["Central Office", "Local", "No", 500000, "Locked", null, null, null],
    ],
  };
}

/** The sample district as RawTables, with optional replacements (undefined removes a table). */
export function sampleRaw(overrides: Record<string, Grid | undefined> = {}): RawTables {
  return rawTables({ ...sampleGrids(), ...overrides });
}

/** A copy of a grid with one cell replaced: row 0 is the header, so data row k is grid row k + 1. */
export function setCell(grid: Grid, row: number, col: number, value: Cell): Grid {
  const copy = grid.map((r) => [...r]);
  while (copy[row].length <= col) copy[row].push(null);
  copy[row][col] = value;
  return copy;
}

/** The sample grid of one table with one cell replaced, as RawTables of the whole sample district. */
export function sampleWith(table: string, row: number, col: number, value: Cell): RawTables {
  const grids = sampleGrids();
  return rawTables({ ...grids, [table]: setCell(grids[table], row, col, value) });
}

/** A copy of a grid with extra data rows appended. */
export function appendRows(grid: Grid, ...rows: Cell[][]): Grid {
  return [...grid.map((r) => [...r]), ...rows.map((r) => [...r])];
}

/** A copy of a grid without one column (0-based). */
export function dropColumn(grid: Grid, col: number): Grid {
  return grid.map((r) => r.filter((_, i) => i !== col));
}

/** A copy of a grid without one row (0 is the header). */
export function dropRow(grid: Grid, row: number): Grid {
  return grid.filter((_, i) => i !== row).map((r) => [...r]);
}
