/**
 * The pane's policy inputs, derived from the policy-settings registry: for each setting the pane may change, its
 * label, its hint, the value shown for editing and how typed text is read (by the setting's kind and bounds).
 */
import { DECISION_SETTINGS, type PolicyDecisions } from "../../../engine/decisions";
import { readChoice, type PolicySetting } from "../../../engine/policySettings";
import { unknownAdaLevels } from "../../../engine/allocate/attendance";
import type { District, Policy } from "../../../engine/types";
import { dollarsText, parseDollars, parsePercent, percentText, type Parsed } from "../../ui/format";

export interface PolicyInput {
  key: keyof PolicyDecisions;
  label: string;
  /** The unit and what blank means, e.g. "% of current budget (blank: no floor)". */
  hint: string;
  /** What the setting does, in one sentence. */
  help: string;
  text: (p: Policy) => string;
  /** Read typed text; `d` is the district being edited (level names are checked against its levels). */
  parse: (t: string, d?: District) => Parsed<unknown>;
}

function blankOr<T>(spec: PolicySetting, p: Parsed<T | null>): Parsed<unknown> {
  return p.ok && p.value === null ? { ok: true, value: spec.default } : p;
}

function input(spec: PolicySetting): PolicyInput {
  const key = spec.key as keyof PolicyDecisions;
  const base = { key, label: spec.label, hint: `${spec.unit} (blank: ${spec.blankMeans})`, help: spec.help };
  switch (spec.kind) {
    case "money":
      return {
        ...base,
        text: (p) => dollarsText(p[key] as number | null),
        parse: (t) => {
          const r = blankOr(spec, parseDollars(t, { blank: true }));
          return r.ok && spec.max !== undefined && typeof r.value === "number" && r.value > spec.max ? { ok: false, message: `Enter ${spec.expected}.` } : r;
        },
      };
    case "percent":
      return {
        ...base,
        text: (p) => percentText(p[key] as number | null),
        parse: (t) => blankOr(spec, parsePercent(t, { blank: true, max: spec.max })),
      };
    case "choice":
      return {
        ...base,
        text: (p) => String(p[key] ?? ""),
        parse: (t) => {
          if (t.trim() === "") return { ok: true, value: spec.default };
          const v = readChoice(spec, t);
          return v === null ? { ok: false, message: `Enter ${spec.expected}.` } : { ok: true, value: v };
        },
      };
    case "levels":
      return {
        ...base,
        text: (p) => String(p[key] ?? ""),
        parse: (t, d) => {
          if (t.trim() === "") return { ok: true, value: spec.default };
          const unknown = d ? unknownAdaLevels(d.levels, { adaLevels: t }) : [];
          return unknown.length ? { ok: false, message: `Enter ${spec.expected}; the levels are ${d?.levels.join(", ")}.` } : { ok: true, value: t.trim() };
        },
      };
    default:
      return { ...base, text: (p) => String(p[key] ?? ""), parse: (t) => ({ ok: true, value: t.trim() === "" ? spec.default : t.trim() }) };
  }
}

/** The policy inputs in registry order. */
export const POLICY_INPUTS: readonly PolicyInput[] = DECISION_SETTINGS.map(input);
