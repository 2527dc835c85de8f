/**
 * The optional `Peers` table, long format: spending and staffing of comparable districts by function.
 *
 * | column     | required | meaning                                                                          |
 * |------------|----------|----------------------------------------------------------------------------------|
 * | District   | yes      | the peer district's name                                                         |
 * | Enrollment | yes*     | its students, > 0 (*on at least one of its rows; every filled one must agree)     |
 * | Function   | yes      | e.g. Transportation, Central Administration (matched to Budget Lines' Function, else Area) |
 * | Amount     | yes      | dollars ≥ 0 spent on the function                                                 |
 * | FTE        | no       | full-time equivalents in the function, ≥ 0                                        |
 *
 * Several rows for the same district and function are added together. Rows whose District, Function and Amount
 * are all blank are skipped. Every problem is a located error, collected in one pass.
 */
import type { Cents, RawTables } from "../types";
import { findTable, labelKey, TableReader, type ParseContext, type TableName } from "./headers";
import { columnsOf } from "../tables";

export const PEERS_TABLE = "Peers" satisfies TableName;

export const PEER_COLUMNS = columnsOf("Peers");

export interface PeerDistrict {
  name: string;
  enrollment: number;
  /** Function (as first written) → amount and FTE (null when no row of the function gave FTE). */
  functions: Map<string, { amount: Cents; fte: number | null }>;
  sheetRow: number;
}

export interface PeersData {
  districts: PeerDistrict[];
  /** Functions in order of first appearance. */
  functions: string[];
}

/** Parse the Peers table; null when the workbook has none. */
export function parsePeers(raw: RawTables, ctx: ParseContext): PeersData | null {
  const table = findTable(raw, PEERS_TABLE);
  if (!table) return null;
  const t = new TableReader(PEERS_TABLE, table, PEER_COLUMNS, ctx);
  if (!t.complete) return { districts: [], functions: [] };
  const c = { district: t.col("District"), enrollment: t.col("Enrollment"), fn: t.col("Function"), amount: t.col("Amount"), fte: t.col("FTE") };
  const byKey = new Map<string, { d: PeerDistrict; enrollmentRow: number | null; firstK: number; ok: boolean }>();
  const fnNames = new Map<string, string>();
  for (let k = 0; k < t.length; k++) {
    if (t.blank(k, c.district) && t.blank(k, c.fn) && t.blank(k, c.amount)) continue;
    const before = ctx.errors.length;
    const name = t.requiredText(k, c.district, { code: "peerName" });
    const fnText = t.requiredText(k, c.fn, { code: "peerFunction" });
    const amount = t.cents(k, c.amount, {});
    const fte = t.number(k, c.fte, { code: "fte" }, { min: 0, blank: null });
    let enrollment: number | null = null;
    if (!t.blank(k, c.enrollment)) {
      const e = t.number(k, c.enrollment, { code: "peerStudents" }, { min: 0 });
      if (e === 0) t.error(k, c.enrollment, { code: "peerStudents" });
      else if (typeof e === "number") enrollment = e;
    }
    if (name === undefined) continue;
    const key = labelKey(name);
    let entry = byKey.get(key);
    if (!entry) {
      entry = { d: { name, enrollment: 0, functions: new Map(), sheetRow: t.sheetRow(k) }, enrollmentRow: null, firstK: k, ok: true };
      byKey.set(key, entry);
    }
    if (enrollment !== null) {
      if (entry.enrollmentRow === null) {
        entry.d.enrollment = enrollment;
        entry.enrollmentRow = t.sheetRow(k);
      } else if (entry.d.enrollment !== enrollment)
        t.error(k, c.enrollment, { code: "sameEnrollment", district: entry.d.name, students: entry.d.enrollment, row: entry.enrollmentRow });
    }
    if (ctx.errors.length > before) {
      entry.ok = false;
      continue;
    }
    const fkey = labelKey(fnText as string);
    const fn = fnNames.get(fkey) ?? (fnText as string);
    fnNames.set(fkey, fn);
    const prev = entry.d.functions.get(fn);
    entry.d.functions.set(fn, {
      amount: (prev?.amount ?? 0) + (amount as number),
      fte: fte === null || fte === undefined ? (prev?.fte ?? null) : (prev?.fte ?? 0) + fte,
    });
  }
  for (const { d, enrollmentRow, firstK } of byKey.values()) {
    if (enrollmentRow === null && t.blank(firstK, c.enrollment))
      t.error(firstK, c.enrollment, { code: "peerStudentsSomewhere", district: d.name });
  }
  const districts = [...byKey.values()].filter((e) => e.ok && e.enrollmentRow !== null).map((e) => e.d);
  return { districts, functions: [...fnNames.values()] };
}
