/**
 * Stakeholder surveys on the guidebook's 1–4 scale: answers grouped by component × wave, component × wave × role,
 * item × wave and school × component × wave; for each group the number of answers n, the mean (1–4) and the
 * agreement share (answers of 3 or 4 ÷ n); the change between consecutive waves; flags where agreement fell by 10
 * points or more or a component's mean is below 2.5; and what the answers say (the readings).
 *
 * Small groups are suppressed: a group with fewer answers than the minimum (Policy `Survey Minimum Group`, default
 * 5) keeps its n but has no mean, no agreement share and no response shares, so no respondent can be identified;
 * a change involving a suppressed group is null. Pure; numbers are unrounded; the flags and readings are data, worded
 * in src/words/survey.ts.
 */
import type { SurveyAnswer, SurveyData } from "../../engine/parse/surveys";
import { SURVEY_COMPONENTS, SURVEY_ROLES } from "../../engine/parse/surveys";

export type Counts = [number, number, number, number];

/** The figures of one group of answers. */
export interface GroupStats {
  /** Answers in the group (shown even when suppressed). */
  n: number;
  /** Answers of 1, 2, 3, 4; null when suppressed. */
  counts: Counts | null;
  /** Mean of the answers (1–4); null when suppressed. */
  mean: number | null;
  /** Share of answers that are 3 or 4 (0–1); null when suppressed. */
  agree: number | null;
  suppressed: boolean;
}

export interface ComponentRow extends GroupStats {
  component: string;
  wave: string;
}
export interface RoleRow extends ComponentRow {
  role: string;
}
export interface ItemRow extends ComponentRow {
  item: string;
}
export interface ItemRoleRow extends ItemRow {
  role: string;
}
export interface SchoolRow extends ComponentRow {
  schoolId: string;
}

/** Change from one wave to the next (later − earlier); null when either group is suppressed. */
export interface WaveChange {
  from: string;
  to: string;
  meanChange: number | null;
  agreeChange: number | null;
}
export interface ComponentChange extends WaveChange {
  component: string;
}
export interface RoleChange extends ComponentChange {
  role: string;
}
export interface ItemChange extends ComponentChange {
  item: string;
}
export interface SchoolChange extends ComponentChange {
  schoolId: string;
}

export type FlagKind = "agreement fell" | "low mean";
export interface SurveyFlag {
  kind: FlagKind;
  component: string;
  /** Null for a whole-component flag. */
  role: string | null;
  wave: string;
  /** The earlier wave (agreement fell). */
  from: string | null;
  /** The agreement change (agreement fell) or the mean (low mean). */
  value: number;
  /** The agreement share in `wave` (agreement fell: 0 when that group is not found); null for a low mean. */
  agree: number | null;
}

/**
 * What the survey says, in the order it is read (worded by src/words/survey.ts): each component in its latest wave
 * (or that it has too few answers to show), then the sharpest item-level fall behind each role flag (or the flag
 * itself when no item fell), then the low means of the latest wave.
 */
export type SurveyReading =
  | { code: "suppressed"; component: string; n: number; wave: string; minimumGroup: number }
  | { code: "component"; component: string; agree: number; mean: number; n: number; wave: string; change: { agreeChange: number; from: string } | null }
  | { code: "itemFell"; component: string; role: string; item: string; agree: number; agreeChange: number; from: string }
  | { code: "flag"; flag: SurveyFlag };

export interface SurveyAnalysis {
  waves: string[];
  components: string[];
  roles: string[];
  items: { item: string; component: string }[];
  schools: string[];
  minimumGroup: number;
  answers: number;
  respondents: number;
  byComponent: ComponentRow[];
  byRole: RoleRow[];
  /** Each role across every component, by wave (the diverging bars by role). */
  roleTotals: (GroupStats & { role: string; wave: string })[];
  byItem: ItemRow[];
  byItemRole: ItemRoleRow[];
  bySchool: SchoolRow[];
  change: ComponentChange[];
  roleChange: RoleChange[];
  itemChange: ItemChange[];
  schoolChange: SchoolChange[];
  flags: SurveyFlag[];
  readings: SurveyReading[];
}

/** Agreement that falls by this much (10 points) or more is flagged. */
export const AGREEMENT_DROP = 0.1;
/** A component mean below this is flagged. */
export const LOW_MEAN = 2.5;
/** Tolerance so that a fall of exactly 10 points (e.g. 0.6 − 0.5 in floating point) is flagged. */
const EPS = 1e-9;

/** Figures of a list of answers with the suppression rule. */
export function groupStats(responses: readonly number[], minimumGroup: number): GroupStats {
  const n = responses.length;
  if (n === 0 || n < minimumGroup) return { n, counts: null, mean: null, agree: null, suppressed: n > 0 };
  const counts: Counts = [0, 0, 0, 0];
  let sum = 0;
  for (const r of responses) {
    counts[r - 1]++;
    sum += r;
  }
  return { n, counts, mean: sum / n, agree: (counts[2] + counts[3]) / n, suppressed: false };
}

/** Known names first in their order, then the others by first appearance. */
function ordered(seen: readonly string[], known: readonly string[]): string[] {
  return [...known.filter((k) => seen.includes(k)), ...seen.filter((s) => !known.includes(s))];
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

/** Group answers by a key, keeping the first-seen key order. */
function groupBy(answers: readonly SurveyAnswer[], key: (a: SurveyAnswer) => string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const a of answers) {
    const k = key(a);
    const list = out.get(k);
    if (list) list.push(a.response);
    else out.set(k, [a.response]);
  }
  return out;
}

const SEP = "\u0000";

function changeOf(a: GroupStats, b: GroupStats): { meanChange: number | null; agreeChange: number | null } {
  return {
    meanChange: a.mean === null || b.mean === null ? null : b.mean - a.mean,
    agreeChange: a.agree === null || b.agree === null ? null : b.agree - a.agree,
  };
}

/** For rows keyed by `key` (without the wave), the change between each pair of consecutive waves both present. */
function changes<R extends ComponentRow, C>(rows: readonly R[], waves: readonly string[], key: (r: R) => string, make: (r: R, from: string, to: string, c: ReturnType<typeof changeOf>) => C): C[] {
  const at = new Map(rows.map((r) => [`${key(r)}${SEP}${r.wave}`, r]));
  const keys = unique(rows.map(key));
  const out: C[] = [];
  for (const k of keys) {
    for (let i = 1; i < waves.length; i++) {
      const a = at.get(`${k}${SEP}${waves[i - 1]}`);
      const b = at.get(`${k}${SEP}${waves[i]}`);
      if (a && b) out.push(make(b, waves[i - 1], waves[i], changeOf(a, b)));
    }
  }
  return out;
}

/** What needs attention: agreement that fell by AGREEMENT_DROP or more (overall and by role), and low means. */
function surveyFlags(byComponent: readonly ComponentRow[], byRole: readonly RoleRow[], change: readonly ComponentChange[], roleChange: readonly RoleChange[]): SurveyFlag[] {
  const flags: SurveyFlag[] = [];
  const rowAt = <R extends ComponentRow>(rows: readonly R[], pick: (r: R) => boolean) => rows.find(pick);
  for (const ch of change) {
    if (ch.agreeChange === null || ch.agreeChange > -AGREEMENT_DROP + EPS) continue;
    const now = rowAt(byComponent, (r) => r.component === ch.component && r.wave === ch.to);
    flags.push({
      kind: "agreement fell",
      component: ch.component,
      role: null,
      wave: ch.to,
      from: ch.from,
      value: ch.agreeChange,
      agree: now?.agree ?? 0,
    });
  }
  for (const ch of roleChange) {
    if (ch.agreeChange === null || ch.agreeChange > -AGREEMENT_DROP + EPS) continue;
    const now = rowAt(byRole, (r) => r.component === ch.component && r.role === ch.role && r.wave === ch.to);
    flags.push({
      kind: "agreement fell",
      component: ch.component,
      role: ch.role,
      wave: ch.to,
      from: ch.from,
      value: ch.agreeChange,
      agree: now?.agree ?? 0,
    });
  }
  for (const r of byComponent) {
    if (r.mean === null || !(r.mean < LOW_MEAN)) continue;
    flags.push({
      kind: "low mean",
      component: r.component,
      role: null,
      wave: r.wave,
      from: null,
      value: r.mean,
      agree: null,
    });
  }
  return flags;
}

type ItemRoleChange = ReturnType<typeof itemRoleChanges>[number];

/** The changes of every item's agreement by role between waves. */
function itemRoleChanges(byItemRole: readonly ItemRoleRow[], waves: readonly string[]) {
  return changes(byItemRole, waves, (r) => `${r.item}${SEP}${r.role}`, (r, from, to, c) => ({ row: r, from, to, ...c }));
}

/** The readings: each component in its latest wave, then the sharpest item-level fall behind each role flag, then low means. */
function surveyReadings(x: {
  components: readonly string[];
  waves: readonly string[];
  minimumGroup: number;
  byComponent: readonly ComponentRow[];
  change: readonly ComponentChange[];
  itemRoleChange: readonly ItemRoleChange[];
  flags: readonly SurveyFlag[];
}): SurveyReading[] {
  const { components, waves, minimumGroup, byComponent, change, itemRoleChange, flags } = x;
  const readings: SurveyReading[] = [];
  for (const component of components) {
    const rows = byComponent.filter((r) => r.component === component);
    const last = rows[rows.length - 1];
    if (!last) continue;
    if (last.suppressed || last.agree === null || last.mean === null) {
      readings.push({ code: "suppressed", component, n: last.n, wave: last.wave, minimumGroup });
      continue;
    }
    const ch = change.filter((c) => c.component === component && c.to === last.wave).pop();
    const since = ch && ch.agreeChange !== null ? { agreeChange: ch.agreeChange, from: ch.from } : null;
    readings.push({ code: "component", component, agree: last.agree, mean: last.mean, n: last.n, wave: last.wave, change: since });
  }
  for (const f of flags) {
    if (f.kind !== "agreement fell" || f.role === null) continue;
    const candidates = itemRoleChange.filter((c) => c.row.component === f.component && c.row.role === f.role && c.to === f.wave && c.agreeChange !== null);
    candidates.sort((a, b) => (a.agreeChange as number) - (b.agreeChange as number));
    const worst = candidates[0];
    if (worst && worst.row.agree !== null && (worst.agreeChange as number) < 0)
      readings.push({ code: "itemFell", component: f.component, role: f.role, item: worst.row.item, agree: worst.row.agree, agreeChange: worst.agreeChange as number, from: worst.from });
    else readings.push({ code: "flag", flag: f });
  }
  for (const f of flags) if (f.kind === "low mean" && f.wave === waves[waves.length - 1]) readings.push({ code: "flag", flag: f });
  return readings;
}

/** Every group's statistics: by component, role, school and item, in each wave (small groups suppressed). */
function surveyGroups(
  answers: SurveyData["answers"],
  minimumGroup: number,
  axes: { components: readonly string[]; waves: readonly string[]; roles: readonly string[]; items: readonly { item: string; component: string }[]; schools: readonly string[] },
) {
  const { components, waves, roles, items, schools } = axes;
  const byCw = groupBy(answers, (a) => `${a.component}${SEP}${a.wave}`);
  const byCwr = groupBy(answers, (a) => `${a.component}${SEP}${a.wave}${SEP}${a.role}`);
  const byRw = groupBy(answers, (a) => `${a.role}${SEP}${a.wave}`);
  const byIw = groupBy(answers, (a) => `${a.item}${SEP}${a.wave}`);
  const byIwr = groupBy(answers, (a) => `${a.item}${SEP}${a.wave}${SEP}${a.role}`);
  const bySw = groupBy(
    answers.filter((a) => a.schoolId !== null),
    (a) => `${a.schoolId}${SEP}${a.component}${SEP}${a.wave}`,
  );
  const stats = (m: Map<string, number[]>, k: string) => {
    const list = m.get(k);
    return list ? groupStats(list, minimumGroup) : null;
  };

  const byComponent: ComponentRow[] = [];
  const byRole: RoleRow[] = [];
  const bySchool: SchoolRow[] = [];
  for (const component of components)
    for (const wave of waves) {
      const g = stats(byCw, `${component}${SEP}${wave}`);
      if (g) byComponent.push({ component, wave, ...g });
      for (const role of roles) {
        const r = stats(byCwr, `${component}${SEP}${wave}${SEP}${role}`);
        if (r) byRole.push({ component, wave, role, ...r });
      }
    }
  for (const schoolId of schools)
    for (const component of components)
      for (const wave of waves) {
        const g = stats(bySw, `${schoolId}${SEP}${component}${SEP}${wave}`);
        if (g) bySchool.push({ schoolId, component, wave, ...g });
      }
  const roleTotals: SurveyAnalysis["roleTotals"] = [];
  for (const role of roles)
    for (const wave of waves) {
      const g = stats(byRw, `${role}${SEP}${wave}`);
      if (g) roleTotals.push({ role, wave, ...g });
    }
  const byItem: ItemRow[] = [];
  const byItemRole: ItemRoleRow[] = [];
  for (const { item, component } of items)
    for (const wave of waves) {
      const g = stats(byIw, `${item}${SEP}${wave}`);
      if (g) byItem.push({ item, component, wave, ...g });
      for (const role of roles) {
        const r = stats(byIwr, `${item}${SEP}${wave}${SEP}${role}`);
        if (r) byItemRole.push({ item, component, wave, role, ...r });
      }
    }
  return { byComponent, byRole, bySchool, roleTotals, byItem, byItemRole };
}

/** The survey analysis of parsed survey data. */
export function analyseSurvey(data: SurveyData): SurveyAnalysis {
  const { answers, minimumGroup } = data;
  const waves = data.waves.filter((w) => answers.some((a) => a.wave === w));
  const components = ordered(unique([...data.items.map((x) => x.component), ...answers.map((a) => a.component)]).filter((c) => answers.some((a) => a.component === c)), SURVEY_COMPONENTS);
  const roles = ordered(unique(answers.map((a) => a.role)), SURVEY_ROLES);
  const itemOrder = unique([...data.items.map((x) => x.item), ...answers.map((a) => a.item)]).filter((i) => answers.some((a) => a.item === i));
  const componentOfItem = new Map(answers.map((a) => [a.item, a.component]));
  const items = itemOrder.map((item) => ({ item, component: componentOfItem.get(item) as string }));
  const schools = unique(answers.filter((a) => a.schoolId !== null).map((a) => a.schoolId as string));

  const { byComponent, byRole, bySchool, roleTotals, byItem, byItemRole } = surveyGroups(answers, minimumGroup, { components, waves, roles, items, schools });

  const change = changes(byComponent, waves, (r) => r.component, (r, from, to, c): ComponentChange => ({ component: r.component, from, to, ...c }));
  const roleChange = changes(byRole, waves, (r) => `${r.component}${SEP}${r.role}`, (r, from, to, c): RoleChange => ({ component: r.component, role: r.role, from, to, ...c }));
  const itemChange = changes(byItem, waves, (r) => r.item, (r, from, to, c): ItemChange => ({ component: r.component, item: r.item, from, to, ...c }));
  const schoolChange = changes(bySchool, waves, (r) => `${r.schoolId}${SEP}${r.component}`, (r, from, to, c): SchoolChange => ({ component: r.component, schoolId: r.schoolId, from, to, ...c }));
  const itemRoleChange = itemRoleChanges(byItemRole, waves);

  const flags = surveyFlags(byComponent, byRole, change, roleChange);
  const readings = surveyReadings({ components, waves, minimumGroup, byComponent, change, itemRoleChange, flags });

  return {
    waves,
    components,
    roles,
    items,
    schools,
    minimumGroup,
    answers: answers.length,
    respondents: new Set(answers.map((a) => `${a.wave}${SEP}${a.respondent}`)).size,
    byComponent,
    byRole,
    roleTotals,
    byItem,
    byItemRole,
    bySchool,
    change,
    roleChange,
    itemChange,
    schoolChange,
    flags,
    readings,
  };
}

/** summary.json's `survey` object, exactly: waves, byComponent, byRole, change (unrounded; suppressed groups have n and null mean/agree). */
export function surveyJson(a: SurveyAnalysis): {
  waves: string[];
  byComponent: { component: string; wave: string; n: number; mean: number | null; agree: number | null }[];
  byRole: { component: string; wave: string; role: string; n: number; mean: number | null; agree: number | null }[];
  change: { component: string; from: string; to: string; meanChange: number | null; agreeChange: number | null }[];
} {
  return {
    waves: a.waves,
    byComponent: a.byComponent.map((r) => ({ component: r.component, wave: r.wave, n: r.n, mean: r.mean, agree: r.agree })),
    byRole: a.byRole.map((r) => ({ component: r.component, wave: r.wave, role: r.role, n: r.n, mean: r.mean, agree: r.agree })),
    change: a.change.map((c) => ({ component: c.component, from: c.from, to: c.to, meanChange: c.meanChange, agreeChange: c.agreeChange })),
  };
}
