/** A locked figure written with at most 12 significant digits: every spreadsheet reads it back as the same double. */
export function fixed12(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(12)) : 0;
}
