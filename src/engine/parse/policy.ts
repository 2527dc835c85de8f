/**
 * The optional `Policy` table (Setting, Value): base amount, foundation, hold harmless, gain cap, phase-in,
 * rounding and the learning-gain unit. Unknown settings are kept in `raw` with a warning.
 */
import type { Cell, Policy, RawTable } from "../types";
import { normalizeHeader, TableReader, type ParseContext } from "./headers";
import { isPlanSetting } from "./planSettings";
import { cellText } from "./values";

export const POLICY_COLUMNS = [
  { name: "Setting", required: true },
  { name: "Value", required: true },
];

export function defaultPolicy(): Policy {
  return {
    baseAmount: null,
    foundationPerSchool: 0,
    holdHarmless: null,
    gainCap: null,
    phaseIn: 1,
    rounding: "cent",
    gainUnit: "effect size",
    raw: {},
  };
}

/** Known settings by normalised name. */
const SETTINGS = {
  baseamount: "Base Amount",
  foundationperschool: "Foundation Per School",
  holdharmless: "Hold Harmless",
  gaincap: "Gain Cap",
  phasein: "Phase In",
  rounding: "Rounding",
  learninggainunit: "Learning Gain Unit",
} as const;
type SettingKey = keyof typeof SETTINGS;

export function parsePolicy(raw: RawTable | undefined, ctx: ParseContext): Policy {
  const policy = defaultPolicy();
  if (!raw) return policy;
  const t = new TableReader("Policy", raw, POLICY_COLUMNS, ctx);
  if (!t.complete) return policy;
  const sCol = t.col("Setting");
  const vCol = t.col("Value");
  const firstRow = new Map<string, number>();
  for (let k = 0; k < t.length; k++) {
    if (t.blank(k, sCol)) continue;
    const name = t.text(k, sCol);
    const key = normalizeHeader(name);
    const dup = firstRow.get(key);
    if (dup !== undefined) {
      t.error(k, sCol, "each setting only once", `"${name}" again (already on row ${dup})`);
      continue;
    }
    firstRow.set(key, t.sheetRow(k));
    const value: Cell = t.cell(k, vCol);
    policy.raw[key] = value;
    if (!(key in SETTINGS) && !isPlanSetting(key)) {
      ctx.warnings.push(
        `Policy row ${t.sheetRow(k)}: the setting "${name}" is not one the tool uses (known: ${Object.values(SETTINGS).join(", ")}); it is kept but ignored.`,
      );
      continue;
    }
    applySetting(policy, key as SettingKey, t, k, vCol);
  }
  return policy;
}

function applySetting(policy: Policy, key: SettingKey, t: TableReader, k: number, vCol: number): void {
  switch (key) {
    case "baseamount": {
      const v = t.cents(k, vCol, { blank: null, what: "a dollar amount ≥ 0 per weighted pupil (blank: solved from revenue)" });
      if (v !== undefined) policy.baseAmount = v;
      return;
    }
    case "foundationperschool": {
      const v = t.cents(k, vCol, { blank: 0, what: "a dollar amount ≥ 0 per school (blank means $0)" });
      if (v !== undefined && v !== null) policy.foundationPerSchool = v;
      return;
    }
    case "holdharmless": {
      const v = t.percent(k, vCol, "a percentage of Current Budget from 0% to 100% (e.g. 98%), or blank for none", {
        min: 0,
        max: 1,
        blank: null,
      });
      if (v !== undefined) policy.holdHarmless = v;
      return;
    }
    case "gaincap": {
      const v = t.percent(k, vCol, "a percentage ≥ 0 (e.g. 5%), or blank for none", { min: 0, blank: null });
      if (v !== undefined) policy.gainCap = v;
      return;
    }
    case "phasein": {
      const v = t.percent(k, vCol, "a percentage from 0% to 100% (blank means 100%)", { min: 0, max: 1, blank: 1 });
      if (v !== undefined && v !== null) policy.phaseIn = v;
      return;
    }
    case "rounding": {
      if (t.blank(k, vCol)) return;
      const v = cellText(t.cell(k, vCol)).toLowerCase();
      if (v === "cent" || v === "cents") policy.rounding = "cent";
      else if (v === "dollar" || v === "dollars") policy.rounding = "dollar";
      else t.error(k, vCol, `"cent" or "dollar"`);
      return;
    }
    case "learninggainunit": {
      const v = cellText(t.cell(k, vCol));
      if (v !== "") policy.gainUnit = v;
      return;
    }
  }
}
