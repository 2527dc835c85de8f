/**
 * The optional `Policy` table (Setting, Value). Which settings exist, how each Value is read, its bounds, its
 * default and its message all come from the policy-settings registry (src/engine/policySettings.ts). The settings
 * the registry says the allocation reads (`readBy`) are read here; the others by the planning parser
 * (src/analysis/parse/projections.ts) or the survey parser. Unknown settings are kept in `raw` with a warning.
 */
import {
  ALLOCATION_SETTINGS,
  defaultPolicy,
  findSetting,
  POLICY_SETTINGS,
  readByAllocation,
  readChoice,
  type AllocationReadSetting,
} from "../policySettings";
import type { Cell, Policy, RawTable } from "../types";
import { normalizeHeader, TableReader, type ParseContext } from "./headers";
import { cellText } from "./values";
import { columnsOf } from "../tables";

export { defaultPolicy };

export const POLICY_COLUMNS = columnsOf("Policy");

export function parsePolicy(raw: RawTable | undefined, ctx: ParseContext): Policy {
  const policy = defaultPolicy();
  if (!raw) return policy;
  // The table is read into the new (not yet shared) record; the engine only ever sees it read-only.
  const settingsAsWritten: Record<string, Cell> = { ...policy.raw };
  const places: NonNullable<Policy["places"]> = {};
  const t = new TableReader("Policy", raw, POLICY_COLUMNS, ctx);
  if (!t.complete) return policy;
  const sCol = t.col("Setting");
  const vCol = t.col("Value");
  const firstRow = new Map<string, number>();
  for (let k = 0; k < t.length; k++) {
    if (t.blank(k, sCol)) continue;
    const name = t.text(k, sCol);
    const match = findSetting(name);
    // Aliases of one setting count as the same setting.
    const key = match && match.suffix === "" ? normalizeHeader(match.spec.name) : normalizeHeader(name);
    const dup = firstRow.get(key);
    if (dup !== undefined) {
      t.error(k, sCol, { code: "settingOnce" }, { code: "again", text: name, row: dup });
      continue;
    }
    firstRow.set(key, t.sheetRow(k));
    const value: Cell = t.cell(k, vCol);
    settingsAsWritten[normalizeHeader(name)] = value;
    if (!match) {
      ctx.warnings.push({ code: "unknownSetting", row: t.sheetRow(k), name, known: POLICY_SETTINGS.map((s) => s.name) });
      continue;
    }
    if (readByAllocation(match.spec)) {
      readSetting(policy, match.spec, t, k, vCol);
      const row = t.sheetRow(k);
      places[match.spec.key] = { row, column: t.header(vCol), cell: t.address(vCol, row), sheet: raw.origin.sheet };
    }
  }
  return { ...policy, raw: settingsAsWritten, ...(Object.keys(places).length > 0 ? { places } : {}) };
}

/** Read one allocation setting's Value cell into its Policy field as its registry entry says; a bad value is a located error. */
export function readSetting(policy: Policy, spec: AllocationReadSetting, t: TableReader, k: number, vCol: number): void {
  const set = (v: unknown) => ((policy as unknown as Record<string, unknown>)[spec.key] = v);
  const blank = spec.default as number | null;
  const expected = { code: "setting", setting: spec.name } as const;
  switch (spec.kind) {
    case "money": {
      const v = t.cents(k, vCol, { blank, what: expected });
      if (v !== undefined && (v === null || spec.max === undefined || v <= spec.max)) set(v);
      else if (v !== undefined) t.error(k, vCol, expected);
      return;
    }
    case "percent": {
      const v = t.percent(k, vCol, expected, { min: spec.min, max: spec.max, blank });
      if (v !== undefined) set(v);
      return;
    }
    case "wholeNumber": {
      const v = t.number(k, vCol, expected, { min: spec.min, max: spec.max, blank });
      if (typeof v === "number" && !Number.isInteger(v)) t.error(k, vCol, expected);
      else if (v !== undefined) set(v);
      return;
    }
    case "choice": {
      if (t.blank(k, vCol)) return;
      const v = readChoice(spec, cellText(t.cell(k, vCol)));
      if (v === null) t.error(k, vCol, expected);
      else set(v);
      return;
    }
    default: {
      const v = cellText(t.cell(k, vCol));
      if (v !== "") set(v);
    }
  }
}

/** The allocation settings, for callers that list them. */
export { ALLOCATION_SETTINGS };
