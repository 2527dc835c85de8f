/**
 * A source's eligibility (the Revenue table's `Eligible` column, parsed by src/engine/eligibility.ts) in plain words:
 * the Allocation sheet, the calculator's Explanation and the reasons a school cannot receive a source.
 */
import { andList } from "../engine/listText";
import type { Eligibility, EligibilityRule } from "../engine/types";

const OP_WORDS: Record<EligibilityRule["op"], string> = {
  ">=": "≥",
  "<=": "≤",
  ">": ">",
  "<": "<",
  "=": "=",
  "<>": "≠",
};

/** A rule in plain words: "Poverty share ≥ 40%", "Title I = Yes". */
export function describeRule(r: EligibilityRule): string {
  if (r.kind === "share") return `${r.key} share ${OP_WORDS[r.op]} ${r.value}%`;
  return `${r.label} ${OP_WORDS[r.op]} ${r.value}`;
}

/** The eligibility in plain words, e.g. "Only schools where Poverty share ≥ 40% and Title I = Yes". */
export function describeEligibility(e: Eligibility): string {
  const parts: string[] = [];
  if (e.levels !== null) parts.push(`the ${andList(e.levels)} level${e.levels.length === 1 ? "" : "s"}`);
  if (e.schoolIds !== null) parts.push(`school${e.schoolIds.length === 1 ? "" : "s"} ${andList(e.schoolIds)}`);
  if (e.rules.length > 0) parts.push(`schools where ${e.rules.map(describeRule).join(" and ")}`);
  return parts.length === 0 ? "All schools and levels" : `Only ${parts.join("; ")}`;
}
