/**
 * Synthetic districts for the benchmarks that allocate. The generator's Hold Harmless and Minimum Budgets are drawn
 * at random; when the floors they ask for cost more than the general money, the allocation (rightly) refuses, so the
 * benchmark keeps the district and drops those floors (it measures speed, not policy).
 */
import { allocate } from "../src/engine/allocate";
import { parseDistrict } from "../src/engine/parse";
import type { RawTables } from "../src/engine/types";
import { syntheticDistrict, type SyntheticOptions } from "../src/sample/synthetic";

function withoutFloors(raw: RawTables): RawTables {
  const out: RawTables = { ...raw };
  const schools = raw.schools;
  if (schools) {
    const k = schools.headers.findIndex((h) => h.toLowerCase().replace(/\s+/g, "") === "minimumbudget");
    out.schools = { ...schools, rows: schools.rows.map((r) => r.map((v, j) => (j === k ? null : v))) };
  }
  const policy = raw.policy;
  if (policy) out.policy = { ...policy, rows: policy.rows.filter((r) => String(r[0] ?? "").toLowerCase() !== "hold harmless") };
  return out;
}

/** A synthetic district that allocates: as generated, or without its floors when they cannot be paid. */
export function allocatableDistrict(opts: SyntheticOptions): { raw: RawTables; floorsDropped: boolean } {
  const raw = syntheticDistrict(opts);
  const p = parseDistrict(raw);
  if (p.ok && allocate(p.district).errors.length === 0) return { raw, floorsDropped: false };
  const bare = withoutFloors(raw);
  const q = parseDistrict(bare);
  if (!q.ok) throw new Error(`synthetic district does not parse: ${JSON.stringify(q.errors.slice(0, 3))}`);
  const a = allocate(q.district);
  if (a.errors.length) throw new Error(`synthetic district does not allocate: ${JSON.stringify(a.errors.slice(0, 3))}`);
  return { raw: bare, floorsDropped: true };
}
