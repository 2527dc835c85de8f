import type { SolveTarget } from "../../../analysis/equity";
import { money, moneyCents } from "../../ui/format";
import { indexText } from "../../ui/numbers";

export type TargetKind = SolveTarget["kind"];

/** A typed number ("$12.50", "1,200", "-3", "0.95"), or null. */
export function parseNumber(text: string): number | null {
  const t = text.replace(/[$,\s]/g, "");
  if (t === "" || !/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  return Number(t);
}

/** The target's measure in words: slope in $ per pupil per point, McLoone as an index, a budget in $. */
export function measureText(kind: TargetKind, v: number): string {
  if (!Number.isFinite(v)) return "not defined";
  if (kind === "slope") return `${moneyCents(v)} per pupil per point`;
  if (kind === "mcloone") return indexText(v);
  return money(v);
}

/** The hint under the target value: what the measure means and where it stands now. */
export function targetHint(kind: TargetKind, poverty: string, now: number): string {
  return kind === "slope"
    ? `$ per pupil for each point of ${poverty} (pupil-weighted). Now: ${measureText(kind, now)}.`
    : kind === "mcloone"
      ? `Pupil-weighted, 0.95 is the usual benchmark. Now: ${measureText(kind, now)}.`
      : `The school's total budget in $. Now: ${measureText(kind, now)}.`;
}
