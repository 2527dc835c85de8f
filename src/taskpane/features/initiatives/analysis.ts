/** The A-ROI analysis of the Initiatives tables (loaded with the Initiatives view). */
import { analyseInitiatives } from "../../../analysis/aroi";
import { findTable, type ParseContext } from "../../../engine/parse/headers";
import { parseInitiatives, parseSegments } from "../../../engine/parse/initiatives";
import { parsePolicy } from "../../../engine/parse/policy";
import type { RawTables } from "../../../engine/types";
import type { AroiOutcome } from "./overrides";

/**
 * Analyse the Initiatives (and Initiative Segments, Policy's Learning Gain Unit) tables on their own, so that the
 * analysis works in a workbook whose allocation tables are missing or still being filled. `schoolIds` expands
 * "All" in the Schools column.
 */
export function aroiFromTables(tables: RawTables, schoolIds?: readonly string[]): AroiOutcome {
  const raw = findTable(tables, "Initiatives");
  if (!raw) return { kind: "missing" };
  const ctx: ParseContext = { errors: [], warnings: [] };
  const policy = parsePolicy(findTable(tables, "Policy"), ctx);
  const initiatives = parseInitiatives(raw, ctx);
  const segments = parseSegments(findTable(tables, "Initiative Segments"), initiatives, ctx);
  const errors = ctx.errors.filter((e) => e.table === "Initiatives" || e.table === "Initiative Segments");
  if (errors.length > 0 || initiatives.initiatives === null) return { kind: "problems", errors };
  const analysis = analyseInitiatives(initiatives.initiatives, segments, policy, undefined, undefined, schoolIds);
  return { kind: "ok", analysis, unknownOverrides: [] };
}
