/**
 * The policy-settings registry: every setting the `Policy` table (Setting, Value) may hold, declared once. The
 * Policy parser, the planning parser, the checks on edited decisions, the pane's policy inputs, the Summary sheet,
 * the school calculators and the contract's table in docs/CONTRACT.md are all derived from this list: adding a
 * setting is one entry here plus the rule that uses it.
 */
import { normalizeHeader } from "./parse/headers";
import type { Cents, Policy } from "./types";

/** Which parts of the tool read a setting. */
export type SettingFeature = "allocation" | "calculators" | "aroi" | "planning" | "survey";

/**
 * The parsers that read a setting's Value cell: "allocation" is the district's Policy parser
 * (src/engine/parse/policy.ts, into Policy, which allocate() reads), "planning" the planning parser
 * (src/analysis/parse/projections.ts, into PlanSettings), "survey" the survey parser (src/engine/parse/surveys.ts).
 */
export type SettingParser = "allocation" | "planning" | "survey";

/** How a setting's Value cell is read. */
export type SettingKind =
  /** Dollars ≥ 0, kept as integer cents. */
  | "money"
  /** A percentage (40%, 0.4 and 40 all mean 40%), kept as a fraction. */
  | "percent"
  /** One of a few words. */
  | "choice"
  /** Free text. */
  | "text"
  /** Level names of Enrollment separated by commas (blank: none). */
  | "levels"
  /** A whole number. */
  | "wholeNumber"
  /** A fiscal year: 2027, "2026-27", "FY2027". */
  | "fiscalYear"
  /** A month: a name or 1-12. */
  | "month"
  /** A plan year (1, 2, 3…) or a fiscal year. */
  | "planYear";

/** The Policy fields the allocation reads (what the pane may edit as a decision). */
export type PolicyKey = Exclude<keyof Policy, "raw">;

/** The planning settings' fields (see PlanSettings in src/analysis/plan/types.ts). */
export type PlanKey =
  | "budgetYear"
  | "fiscalYearStart"
  | "years"
  | "targetYear"
  | "holdHarmlessDecay"
  | "revenueTrigger"
  | "enrollmentGrowth"
  | "revenueGrowth";

export interface SettingChoice {
  /** The value kept (e.g. "dollar"). */
  value: string;
  /** Words accepted in the cell, lower case (e.g. "dollar", "dollars"). */
  words: readonly string[];
  /** How the value is shown (e.g. "Whole dollars"). */
  label: string;
}

interface SettingBase {
  /** The Setting as the contract writes it, e.g. "Hold Harmless". */
  name: string;
  /** Other accepted spellings (matched like headers: case, spaces, "_" and "-" do not matter). */
  aliases: readonly string[];
  kind: SettingKind;
  /** The unit in words, for the docs and hints ("$ per weighted pupil", "% of current budget"). */
  unit: string;
  /** What a blank cell or a missing row means, in words. */
  blankMeans: string;
  /** Bounds of a number (fractions for percentages, cents for money), inclusive. */
  min?: number;
  max?: number;
  choices?: readonly SettingChoice[];
  /** The setting's name may be followed by a level or a source ("Enrollment Growth Elementary"). */
  suffix?: "level" | "source";
  features: readonly SettingFeature[];
  /**
   * The parsers that read it. The first one listed reads the cell and reports a bad value; a parser listed after it
   * takes the value the first one read (so a bad value is reported once).
   */
  readBy: readonly SettingParser[];
  /** Short label on the pane, the Summary sheet and the calculators. */
  label: string;
  /** One sentence: what it does. Used by the pane's hint, the sheets' notes and the docs. */
  help: string;
  /** What a bad value is measured against in a message ("expected …"). */
  expected: string;
}

/** A setting of the allocation (a field of Policy). */
export interface PolicySetting extends SettingBase {
  target: "policy";
  key: PolicyKey;
  default: Cents | number | string | null;
  /** Where it is shown besides the docs: the pane's policy inputs, the Summary sheet, the calculators' Rates sheet. */
  surfaces: { pane: boolean; summary: boolean; calculator: boolean };
}

/** A setting of the multi-year plan (a field of PlanSettings, read by the planning parser). */
export interface PlanSetting extends SettingBase {
  target: "plan";
  key: PlanKey;
  default: Cents | number | string | null;
}

/** A setting of the stakeholder survey (read by the survey parser, src/engine/parse/surveys.ts). */
export interface SurveySetting extends SettingBase {
  target: "survey";
  key: "minimumGroup";
  default: number;
}

export type SettingSpec = PolicySetting | PlanSetting | SurveySetting;

const ALLOCATION_SURFACES = { pane: true, summary: true, calculator: true } as const;

export const MAX_PLAN_YEARS = 30;
export const DEFAULT_PLAN_YEARS = 5;

/** Every Policy setting, in the order the docs, the pane, the Summary and the calculators list them. */
export const POLICY_SETTINGS: readonly SettingSpec[] = [
  {
    target: "policy",
    key: "baseAmount",
    name: "Base Amount",
    aliases: ["Base Per Pupil"],
    kind: "money",
    unit: "$ per weighted pupil",
    default: null,
    blankMeans: "solved from each source's pool",
    min: 0,
    features: ["allocation", "calculators"],
    readBy: ["allocation"],
    label: "Base amount",
    help: "A fixed dollar amount per weighted pupil; blank solves it from each source's pool.",
    expected: "a dollar amount ≥ 0 per weighted pupil (blank: solved from revenue)",
    surfaces: ALLOCATION_SURFACES,
  },
  {
    target: "policy",
    key: "foundationPerSchool",
    name: "Foundation Per School",
    aliases: ["Foundation"],
    kind: "money",
    unit: "$ per school",
    default: 0,
    blankMeans: "$0",
    min: 0,
    features: ["allocation", "calculators"],
    readBy: ["allocation"],
    label: "Foundation per school",
    help: "Dollars every school gets first, from general money, before the weighted formula.",
    expected: "a dollar amount ≥ 0 per school (blank means $0)",
    surfaces: ALLOCATION_SURFACES,
  },
  {
    target: "policy",
    key: "holdHarmless",
    name: "Hold Harmless",
    aliases: [],
    kind: "percent",
    unit: "% of current budget",
    default: null,
    blankMeans: "no floor",
    min: 0,
    max: 1,
    features: ["allocation", "calculators", "planning"],
    readBy: ["allocation"],
    label: "Hold harmless",
    help: "The floor: no school gets less than this share of its current budget.",
    expected: "a percentage of Current Budget from 0% to 100% (e.g. 98%), or blank for none",
    surfaces: ALLOCATION_SURFACES,
  },
  {
    target: "policy",
    key: "gainCap",
    name: "Gain Cap",
    aliases: [],
    kind: "percent",
    unit: "% over current budget",
    default: null,
    blankMeans: "no cap",
    min: 0,
    features: ["allocation", "calculators", "planning"],
    readBy: ["allocation"],
    label: "Gain cap",
    help: "The most a school's budget may grow over its current budget.",
    expected: "a percentage ≥ 0 (e.g. 5%), or blank for none",
    surfaces: ALLOCATION_SURFACES,
  },
  {
    target: "policy",
    key: "phaseIn",
    name: "Phase In",
    aliases: [],
    kind: "percent",
    unit: "% of the move",
    default: 1,
    blankMeans: "100%",
    min: 0,
    max: 1,
    features: ["allocation", "calculators"],
    readBy: ["allocation"],
    label: "Phase-in",
    help: "The share of each school's move from its current budget to the formula applied this year.",
    expected: "a percentage from 0% to 100% (blank means 100%)",
    surfaces: ALLOCATION_SURFACES,
  },
  {
    target: "policy",
    key: "normAdjustment",
    name: "Norm Adjustment",
    aliases: ["Norm Based Adjustment"],
    kind: "percent",
    unit: "% of the gap to Norm Budget",
    default: 0,
    blankMeans: "0% (off)",
    min: 0,
    max: 1,
    features: ["allocation", "calculators"],
    readBy: ["allocation"],
    label: "Norm adjustment",
    help: "Moves schools this share of the way to their Norm Budget, budget-neutrally, on its own line.",
    expected: "a percentage from 0% to 100% (blank means 0%, off)",
    surfaces: ALLOCATION_SURFACES,
  },
  {
    target: "policy",
    key: "rounding",
    name: "Rounding",
    aliases: [],
    kind: "choice",
    unit: "cent or dollar",
    default: "cent",
    blankMeans: "cent",
    choices: [
      { value: "cent", words: ["cent", "cents"], label: "Cents" },
      { value: "dollar", words: ["dollar", "dollars", "whole dollars"], label: "Whole dollars" },
    ],
    features: ["allocation", "calculators"],
    readBy: ["allocation"],
    label: "Rounding",
    help: "The unit each source's school amounts are rounded to; what rounding leaves is a labelled line.",
    expected: `"cent" or "dollar"`,
    surfaces: ALLOCATION_SURFACES,
  },
  {
    target: "policy",
    key: "adaLevels",
    name: "ADA Levels",
    aliases: ["Average Daily Attendance Levels", "ADA Level", "Attendance Levels"],
    kind: "levels",
    unit: "level names",
    default: null,
    blankMeans: "none: every level is funded on enrollment",
    features: ["allocation", "calculators"],
    readBy: ["allocation"],
    label: "ADA levels",
    help: "Levels whose base students are funded on average daily attendance (enrolled × the school's Attendance Rate) instead of enrollment.",
    expected: "level names of Enrollment separated by commas (e.g. Middle, High), or blank for none",
    surfaces: ALLOCATION_SURFACES,
  },
  {
    target: "policy",
    key: "gainUnit",
    name: "Learning Gain Unit",
    aliases: ["Gain Unit"],
    kind: "text",
    unit: "words",
    default: "effect size",
    blankMeans: "effect size",
    features: ["aroi"],
    readBy: ["allocation"],
    label: "Learning gain unit",
    help: "The unit the Initiatives' Learning Gain is measured in, named in the A-ROI figures.",
    expected: "the name of the unit of Learning Gain (e.g. effect size)",
    surfaces: { pane: false, summary: false, calculator: false },
  },
  {
    target: "plan",
    key: "budgetYear",
    name: "Budget Year",
    aliases: [],
    kind: "fiscalYear",
    unit: "fiscal year",
    default: null,
    blankMeans: "plan years are numbered 1, 2, 3…",
    features: ["planning"],
    readBy: ["planning"],
    label: "Budget year",
    help: "The fiscal year of the workbook's figures (named by the year it ends in); plan year 1.",
    expected: `a fiscal year such as 2027, "2026-27" or "FY2027" (named by the year it ends in)`,
  },
  {
    target: "plan",
    key: "fiscalYearStart",
    name: "Fiscal Year Start",
    aliases: [],
    kind: "month",
    unit: "month",
    default: 7,
    blankMeans: "July",
    features: ["planning"],
    readBy: ["planning"],
    label: "Fiscal year start",
    help: "The first month of the fiscal year.",
    expected: "the first month of the fiscal year: a month name (e.g. July) or number 1-12",
  },
  {
    target: "plan",
    key: "years",
    name: "Plan Years",
    aliases: [],
    kind: "wholeNumber",
    unit: "years",
    default: DEFAULT_PLAN_YEARS,
    blankMeans: `${DEFAULT_PLAN_YEARS} years`,
    min: 1,
    max: MAX_PLAN_YEARS,
    features: ["planning"],
    readBy: ["planning"],
    label: "Plan years",
    help: "How many years the multi-year plan covers.",
    expected: `a whole number of years from 1 to ${MAX_PLAN_YEARS} (blank means ${DEFAULT_PLAN_YEARS})`,
  },
  {
    target: "plan",
    key: "targetYear",
    name: "Target Year",
    aliases: [],
    kind: "planYear",
    unit: "plan or fiscal year",
    default: null,
    blankMeans: "Target Weights are not used",
    features: ["planning"],
    readBy: ["planning"],
    label: "Target year",
    help: "The year by which the Weights' Target Weight column is reached, in even steps.",
    expected: "the plan year (1, 2, 3...) or fiscal year (e.g. 2031) by which Target Weights are reached",
  },
  {
    target: "plan",
    key: "holdHarmlessDecay",
    name: "Hold Harmless Decay",
    aliases: [],
    kind: "percent",
    unit: "percentage points a year",
    default: 0,
    blankMeans: "none",
    min: 0,
    max: 1,
    features: ["planning"],
    readBy: ["planning"],
    label: "Hold harmless decay",
    help: "How many percentage points Hold Harmless falls each year after the weights turn on.",
    expected: "percentage points per year from 0% to 100% (e.g. 2%), or blank for none",
  },
  {
    target: "plan",
    key: "revenueTrigger",
    name: "Revenue Trigger",
    aliases: [],
    kind: "money",
    unit: "$ of unlocked pool",
    default: null,
    blankMeans: "the weights are on from year 1",
    min: 0,
    features: ["allocation", "planning"],
    readBy: ["allocation", "planning"],
    label: "Revenue trigger",
    help: "The unlocked pool at which the weights turn on; below it schools keep their current budgets.",
    expected: "a dollar amount ≥ 0 (the unlocked pool at which the weights turn on), or blank for none",
  },
  {
    target: "plan",
    key: "enrollmentGrowth",
    name: "Enrollment Growth",
    aliases: [],
    kind: "percent",
    unit: "% a year",
    default: 0,
    blankMeans: "0%",
    min: -1,
    suffix: "level",
    features: ["planning"],
    readBy: ["planning"],
    label: "Enrollment growth",
    help: "Yearly growth of enrollment; followed by a level (Enrollment Growth Elementary) for that level only.",
    expected: "a yearly growth percentage (e.g. 2%, -1.5%), or blank for 0%",
  },
  {
    target: "plan",
    key: "revenueGrowth",
    name: "Revenue Growth",
    aliases: [],
    kind: "percent",
    unit: "% a year",
    default: 0,
    blankMeans: "0%",
    min: -1,
    suffix: "source",
    features: ["planning"],
    readBy: ["planning"],
    label: "Revenue growth",
    help: "Yearly growth of revenue; followed by a source (Revenue Growth Title I) for that source only.",
    expected: "a yearly growth percentage (e.g. 2%, -1.5%), or blank for 0%",
  },
  {
    target: "survey",
    key: "minimumGroup",
    name: "Survey Minimum Group",
    aliases: ["Survey Minimum", "Minimum Survey Group"],
    kind: "wholeNumber",
    unit: "answers",
    default: 5,
    blankMeans: "5 answers",
    min: 1,
    features: ["survey"],
    readBy: ["survey"],
    label: "Survey minimum group",
    help: "Survey groups with fewer answers than this are not shown, so no respondent can be identified.",
    expected: "a whole number of answers ≥ 1 below which a group is not shown (blank means 5)",
  },
];

/** The key a setting name matches on, as headers do: lower case, no spaces, "_", "-" or trailing unit mark. */
export function settingKey(name: string): string {
  return normalizeHeader(name);
}

const BY_KEY = new Map<string, SettingSpec>();
for (const s of POLICY_SETTINGS) for (const n of [s.name, ...s.aliases]) BY_KEY.set(settingKey(n), s);

/** A Policy row's setting and, for a setting followed by a level or source, what follows (normalised). */
export interface SettingMatch {
  spec: SettingSpec;
  suffix: string;
}

/** The setting a Policy row names, or null when the tool does not know it. */
export function findSetting(name: string): SettingMatch | null {
  const key = settingKey(name);
  const exact = BY_KEY.get(key);
  if (exact) return { spec: exact, suffix: "" };
  for (const s of POLICY_SETTINGS) {
    if (!s.suffix) continue;
    for (const n of [s.name, ...s.aliases]) {
      const k = settingKey(n);
      if (key.startsWith(k)) return { spec: s, suffix: key.slice(k.length) };
    }
  }
  return null;
}

/** Whether a parser reads the setting (its registry entry lists it in `readBy`). */
export function readBy(spec: SettingSpec, parser: SettingParser): boolean {
  return spec.readBy.includes(parser);
}

/** A setting the district's Policy parser reads: its key is a field of Policy. */
export type AllocationReadSetting = SettingSpec & { key: PolicyKey };

/** Whether the district's Policy parser reads the setting into Policy (allocate() honours it). */
export function readByAllocation(spec: SettingSpec): spec is AllocationReadSetting {
  return readBy(spec, "allocation");
}

/** Whether the planning parser reads the setting into PlanSettings. */
export function readByPlanning(spec: SettingSpec): spec is PlanSetting {
  return readBy(spec, "planning");
}

/** Whether this parser is the one that reads the setting's cell and reports a bad value (the first listed). */
export function reportedBy(spec: SettingSpec, parser: SettingParser): boolean {
  return spec.readBy[0] === parser;
}

/** The allocation's settings (fields of Policy). */
export const ALLOCATION_SETTINGS: readonly PolicySetting[] = POLICY_SETTINGS.filter((s): s is PolicySetting => s.target === "policy");

/** The planning settings. */
export const PLAN_SETTING_SPECS: readonly PlanSetting[] = POLICY_SETTINGS.filter((s): s is PlanSetting => s.target === "plan");

/** The survey's settings. */
export const SURVEY_SETTING_SPECS: readonly SurveySetting[] = POLICY_SETTINGS.filter((s): s is SurveySetting => s.target === "survey");

/** The allocation setting of a Policy field. */
export function policySetting(key: PolicyKey): PolicySetting {
  const s = ALLOCATION_SETTINGS.find((x) => x.key === key);
  if (!s) throw new RangeError(`no policy setting ${key}`);
  return s;
}

/** The planning setting of a PlanSettings field. */
export function planSetting(key: PlanKey): PlanSetting {
  const s = PLAN_SETTING_SPECS.find((x) => x.key === key);
  if (!s) throw new RangeError(`no planning setting ${key}`);
  return s;
}

/** The Policy every setting's default gives. */
export function defaultPolicy(): Policy {
  const p: Record<string, unknown> = { raw: {} };
  for (const s of ALLOCATION_SETTINGS) p[s.key] = s.default;
  return p as unknown as Policy;
}

/** The choice a word names ("Dollars" → dollar), or null. */
export function readChoice(spec: SettingBase, text: string): string | null {
  const t = text.trim().toLowerCase();
  return spec.choices?.find((c) => c.words.includes(t))?.value ?? null;
}

/**
 * Whether an already-read value (cents, fraction, choice value, text, null for blank) is one the setting allows:
 * null when it is, else what was expected. Used to check edited decisions and scenario files.
 */
export function settingProblem(spec: SettingSpec, value: unknown): string | null {
  if (value === undefined && spec.kind === "levels") return null;
  if (value === null) return spec.default === null ? null : spec.expected;
  switch (spec.kind) {
    case "money":
    case "percent":
    case "wholeNumber": {
      if (typeof value !== "number" || !Number.isFinite(value)) return spec.expected;
      if (spec.min !== undefined && value < spec.min) return spec.expected;
      if (spec.max !== undefined && value > spec.max) return spec.expected;
      if (spec.kind === "wholeNumber" && !Number.isInteger(value)) return spec.expected;
      return null;
    }
    case "choice":
      return typeof value === "string" && (spec.choices ?? []).some((c) => c.value === value) ? null : spec.expected;
    case "levels":
      // Which names are levels is checked against the district by the rule that reads them (allocate/attendance.ts).
      return typeof value === "string" ? null : spec.expected;
    default:
      return typeof value === "string" || typeof value === "number" ? null : spec.expected;
  }
}

/** How a setting's value is shown on a sheet: money (cents), a percentage (fraction) or words. */
export type SettingDisplay = { kind: "money"; cents: Cents } | { kind: "percent"; fraction: number } | { kind: "text"; text: string };

/** The display of an allocation setting's value in a Policy: a blank setting shows what blank means. */
export function settingDisplay(spec: PolicySetting, policy: Policy): SettingDisplay {
  const v = policy[spec.key] as unknown;
  if (v === null || v === undefined) return { kind: "text", text: capitalise(spec.blankMeans) };
  if (spec.kind === "money") return { kind: "money", cents: v as Cents };
  if (spec.kind === "percent") return { kind: "percent", fraction: v as number };
  if (spec.kind === "choice") return { kind: "text", text: spec.choices?.find((c) => c.value === v)?.label ?? String(v) };
  return { kind: "text", text: String(v) };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
