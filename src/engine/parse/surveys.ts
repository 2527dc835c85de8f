/**
 * The optional stakeholder-survey tables (the guidebook's surveys on a 1–4 scale, and recurring "pulse" surveys):
 *
 * `Survey Responses`, long format (one row per answer):
 * | column     | required | meaning                                                                            |
 * |------------|----------|------------------------------------------------------------------------------------|
 * | Respondent | yes      | an id for the person answering (kept only to find repeated answers)                |
 * | Role       | yes      | Teacher, Principal, School Site Council, Parent, Central Office, or any other text  |
 * | School ID  | no       | a School ID of Schools; blank or `District` for a district-wide answer              |
 * | Wave       | yes      | e.g. `2025 Fall`; ordered by first appearance unless `Survey Waves` gives the order   |
 * | Item       | yes      | the statement                                                                      |
 * | Component  | no*      | Equity, Transparency, … or any other text (*blank: taken from `Survey Items`)      |
 * | Response   | no       | a whole number 1 (strongly disagree) … 4 (strongly agree), or those words; blank = no answer |
 *
 * The wide export survey tools produce (one row per respondent, one column per item) is read when the table has no
 * `Item` and no `Response` column: every column whose header is an Item of the `Survey Items` table (Item, Component)
 * holds that item's answers; other columns (timestamps, e-mail…) are listed in a note and ignored.
 *
 * `Survey Waves` (Wave): the order of the waves, earliest first. `Policy` setting `Survey Minimum Group` (default 5):
 * groups with fewer answers are shown as suppressed. Every problem is a located error, collected in one pass.
 */
import type { RawTable, RawTables } from "../types";
import { findSetting, settingProblem, SURVEY_SETTING_SPECS } from "../policySettings";
import { findTable, labelKey, TableReader, type ParseContext, type TableName } from "./headers";
import { readPlainNumber } from "./values";
import { columnsOf } from "../tables";

export const SURVEY_RESPONSES_TABLE = "Survey Responses" satisfies TableName;
export const SURVEY_ITEMS_TABLE = "Survey Items" satisfies TableName;
export const SURVEY_WAVES_TABLE = "Survey Waves" satisfies TableName;

/** The word that marks a district-wide answer in the School ID column. */
export const DISTRICT_WIDE = "District";

export const SURVEY_RESPONSE_COLUMNS = columnsOf("Survey Responses");
export const SURVEY_ITEM_COLUMNS = columnsOf("Survey Items");
export const SURVEY_WAVE_COLUMNS = columnsOf("Survey Waves");

/** The components the guidebook names, in its order (other text is allowed and comes after, by first appearance). */
export const SURVEY_COMPONENTS = ["Equity", "Transparency", "Autonomy", "Efficiency", "Accountability", "Community Engagement", "Innovation"] as const;
/** The roles the guidebook surveys, in display order (other text is allowed). */
export const SURVEY_ROLES = ["Teacher", "Principal", "School Site Council", "Parent", "Central Office"] as const;

/** The answer words accepted besides 1–4 (what survey tools export). */
export const RESPONSE_WORDS: Record<string, 1 | 2 | 3 | 4> = {
  "strongly disagree": 1,
  disagree: 2,
  agree: 3,
  "strongly agree": 4,
};

const RESPONSE_EXPECTED = { code: "response" } as const;
const COMPONENT_EXAMPLES = SURVEY_COMPONENTS.slice(0, 3);

export interface SurveyAnswer {
  respondent: string;
  role: string;
  /** School ID as Schools spells it; null for a district-wide answer. */
  schoolId: string | null;
  wave: string;
  item: string;
  component: string;
  response: 1 | 2 | 3 | 4;
  sheetRow: number;
}

export interface SurveyData {
  answers: SurveyAnswer[];
  /** Waves in order (Survey Waves, else first appearance). */
  waves: string[];
  /** Item → component from Survey Items (as written), in table order. */
  items: { item: string; component: string }[];
  /** True when Survey Responses was the wide export. */
  wide: boolean;
  minimumGroup: number;
}

/** A response cell: 1–4 (numbers or the four answer words), null for blank, undefined when it is anything else. */
export function readResponse(cell: unknown): 1 | 2 | 3 | 4 | null | undefined {
  if (cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "")) return null;
  const word = typeof cell === "string" ? RESPONSE_WORDS[cell.trim().toLowerCase().replace(/\s+/g, " ")] : undefined;
  if (word !== undefined) return word;
  const n = readPlainNumber(cell as string | number);
  if (n === null || !Number.isInteger(n) || n < 1 || n > 4) return undefined;
  return n as 1 | 2 | 3 | 4;
}

/** The canonical spelling of a known component or role (case-insensitive), else the text as written. */
function canonical(text: string, known: readonly string[]): string {
  const k = labelKey(text);
  return known.find((x) => labelKey(x) === k) ?? text.replace(/\s+/g, " ");
}

function parseItems(raw: RawTable | undefined, ctx: ParseContext): { item: string; component: string }[] {
  if (!raw) return [];
  const t = new TableReader(SURVEY_ITEMS_TABLE, raw, SURVEY_ITEM_COLUMNS, ctx);
  if (!t.complete) return [];
  const iCol = t.col("Item");
  const cCol = t.col("Component");
  const out: { item: string; component: string }[] = [];
  const seen = new Map<string, number>();
  for (let k = 0; k < t.length; k++) {
    if (t.blank(k, iCol) && t.blank(k, cCol)) continue;
    const item = t.requiredText(k, iCol, { code: "itemStatement" });
    const component = t.requiredText(k, cCol, { code: "component", examples: COMPONENT_EXAMPLES });
    if (item === undefined || component === undefined) continue;
    const key = labelKey(item);
    const dup = seen.get(key);
    if (dup !== undefined) {
      t.error(k, iCol, { code: "itemOnce" }, { code: "again", text: item, row: dup });
      continue;
    }
    seen.set(key, t.sheetRow(k));
    out.push({ item, component: canonical(component, SURVEY_COMPONENTS) });
  }
  return out;
}

function parseWaves(raw: RawTable | undefined, ctx: ParseContext): string[] | null {
  if (!raw) return null;
  const t = new TableReader(SURVEY_WAVES_TABLE, raw, SURVEY_WAVE_COLUMNS, ctx);
  if (!t.complete) return [];
  const col = t.col("Wave");
  const out: string[] = [];
  const seen = new Map<string, number>();
  for (let k = 0; k < t.length; k++) {
    if (t.blank(k, col)) continue;
    const w = t.text(k, col);
    const dup = seen.get(labelKey(w));
    if (dup !== undefined) {
      t.error(k, col, { code: "waveOnce" }, { code: "again", text: w, row: dup });
      continue;
    }
    seen.set(labelKey(w), t.sheetRow(k));
    out.push(w);
  }
  return out;
}

/** `Survey Minimum Group` from the Policy table (its registry entry: a whole number ≥ 1, blank = 5). */
export function parseMinimumGroup(raw: RawTable | undefined, ctx: ParseContext): number {
  const spec = SURVEY_SETTING_SPECS[0];
  if (!raw) return spec.default;
  // The Policy table's own problems are reported by the Policy parser; only this setting's value is checked here.
  const local: ParseContext = { errors: [], warnings: [] };
  const t = new TableReader("Policy", raw, [{ name: "Setting", required: true }, { name: "Value", required: true }], local);
  if (!t.complete) return spec.default;
  const s = t.col("Setting");
  const v = t.col("Value");
  for (let k = 0; k < t.length; k++) {
    if (findSetting(t.text(k, s))?.spec !== spec) continue;
    if (t.blank(k, v)) return spec.default;
    const n = readPlainNumber(t.cell(k, v));
    if (n === null || settingProblem(spec, n) !== null) {
      t.error(k, v, { code: "setting", setting: spec.name });
      ctx.errors.push(local.errors[local.errors.length - 1]);
      return spec.default;
    }
    return n;
  }
  return spec.default;
}

/** The item columns of a wide export (headers that are Items of Survey Items); other extra columns are ignored, with a warning. */
function wideItemColumns(t: TableReader, componentOf: ReadonlyMap<string, { item: string; component: string }>, ctx: ParseContext): ItemColumn[] {
  const itemColumns: ItemColumn[] = [];
  const ignored: string[] = [];
  for (const col of t.extras) {
    const header = t.header(col);
    const it = componentOf.get(labelKey(header));
    if (it) itemColumns.push({ col, item: it.item, component: it.component });
    else ignored.push(header);
  }
  if (itemColumns.length === 0)
    t.tableError(null, { code: "itemColumn" }, t.columnsFound());
  if (ignored.length)
    ctx.warnings.push({ code: "ignoredColumns", headers: ignored });
  return itemColumns;
}

/** A row's School ID as Schools spells it, or null for a district-wide answer (blank or "District-wide"). */
function schoolOf(t: TableReader, k: number, col: number, known: ReadonlyMap<string, string> | null): string | null {
  const where = t.text(k, col);
  if (where === "" || labelKey(where) === labelKey(DISTRICT_WIDE)) return null;
  if (!known) return where;
  const found = known.get(labelKey(where));
  if (found === undefined) t.error(k, col, { code: "surveySchool", districtWide: DISTRICT_WIDE });
  return found ?? where;
}

/** The answers of one row of a wide export: one per item column answered (blank = not answered). */
function wideAnswers(t: TableReader, k: number, itemColumns: readonly ItemColumn[]): RowAnswer[] {
  const out: RowAnswer[] = [];
  for (const ic of itemColumns) {
    const r = readResponse(t.cell(k, ic.col));
    if (r === undefined) t.error(k, ic.col, RESPONSE_EXPECTED);
    else if (r !== null) out.push({ col: ic.col, item: ic.item, component: ic.component, response: r });
  }
  return out;
}

/** The answer of one row of the long format (Item, Response, and Component or the item's in Survey Items). */
function longAnswer(t: TableReader, k: number, c: { item: number; component: number; response: number }, componentOf: ReadonlyMap<string, { item: string; component: string }>): RowAnswer[] {
  const item = t.requiredText(k, c.item, { code: "itemStatementShort" });
  const r = readResponse(t.cell(k, c.response));
  if (r === undefined) t.error(k, c.response, RESPONSE_EXPECTED);
  let component = t.text(k, c.component);
  if (component === "" && item !== undefined) component = componentOf.get(labelKey(item))?.component ?? "";
  if (component === "" && item !== undefined)
    t.error(k, c.component >= 0 ? c.component : c.item, { code: "componentOrItem", examples: COMPONENT_EXAMPLES }, c.component >= 0 ? undefined : { code: "noComponent", item });
  if (item !== undefined && r !== undefined && r !== null && component !== "") return [{ col: c.response, item, component: canonical(component, SURVEY_COMPONENTS), response: r }];
  return [];
}

type ItemColumn = { col: number; item: string; component: string };
type RowAnswer = ItemColumn & { response: 1 | 2 | 3 | 4 };

/** Where the Survey Responses columns are (-1 for a column the table does not have). */
type ResponseColumns = Record<"respondent" | "role" | "school" | "wave" | "item" | "component" | "response", number>;

/** How the Survey Responses rows are read: the layout (long or wide) and what each row is checked against. */
interface ResponsesLayout {
  c: ResponseColumns;
  wide: boolean;
  /** The item columns of a wide export (empty for the long format). */
  itemColumns: ItemColumn[];
  /** labelKey(item) -> its Survey Items row. */
  componentOf: ReadonlyMap<string, { item: string; component: string }>;
  /** labelKey(School ID) -> School ID as Schools spells it; null when Schools' IDs are not known. */
  known: ReadonlyMap<string, string> | null;
  /** Survey Waves in order; null without that table. */
  waveOrder: string[] | null;
}

/** One row of Survey Responses read without a problem: who answered, when, where, and the answers. */
interface RespondentRow {
  respondent: string;
  role: string;
  wave: string;
  schoolId: string | null;
  answers: RowAnswer[];
}

/**
 * Read the survey tables. Returns null when the workbook has no Survey Responses table. `schoolIds` (Schools' IDs,
 * when Schools was read without problems) lets each School ID be checked.
 */
export function parseSurveys(raw: RawTables, ctx: ParseContext, schoolIds?: readonly string[]): SurveyData | null {
  const responsesRaw = findTable(raw, SURVEY_RESPONSES_TABLE);
  const itemsRaw = findTable(raw, SURVEY_ITEMS_TABLE);
  const items = parseItems(itemsRaw, ctx);
  const waveOrder = parseWaves(findTable(raw, SURVEY_WAVES_TABLE), ctx);
  const minimumGroup = parseMinimumGroup(findTable(raw, "Policy"), ctx);
  if (!responsesRaw) return null;
  const t = new TableReader(SURVEY_RESPONSES_TABLE, responsesRaw, SURVEY_RESPONSE_COLUMNS, ctx);
  const wide = !t.has("Item") && !t.has("Response");
  if (!t.complete || !readableLayout(t, wide, itemsRaw !== undefined)) return { answers: [], waves: waveOrder ?? [], items, wide, minimumGroup };
  const componentOf = new Map(items.map((x) => [labelKey(x.item), x]));
  const layout: ResponsesLayout = {
    c: {
      respondent: t.col("Respondent"),
      role: t.col("Role"),
      school: t.col("School ID"),
      wave: t.col("Wave"),
      item: t.col("Item"),
      component: t.col("Component"),
      response: t.col("Response"),
    },
    wide,
    itemColumns: wide ? wideItemColumns(t, componentOf, ctx) : [],
    componentOf,
    known: schoolIds ? new Map(schoolIds.map((id) => [labelKey(id), id])) : null,
    waveOrder,
  };
  const answers = readAnswers(t, layout, ctx);
  const waves = waveOrder ?? [];
  if (!waveOrder) for (const a of answers) if (!waves.includes(a.wave)) waves.push(a.wave);
  return { answers, waves, items, wide, minimumGroup };
}

/**
 * Whether Survey Responses can be read: the long format needs both Item and Response; the wide export needs
 * Survey Items (its headers name the items). Reports the missing column or table.
 */
function readableLayout(t: TableReader, wide: boolean, hasItems: boolean): boolean {
  if (!wide) {
    for (const name of ["Item", "Response"]) {
      if (!t.has(name))
        t.tableError(name, { code: "longOrWide", column: name }, t.columnsFound());
    }
    return t.has("Item") && t.has("Response");
  }
  if (!hasItems) {
    t.tableError("Item", { code: "longOrItems" }, t.columnsFound());
    return false;
  }
  return true;
}

/** Every answer of Survey Responses, in row order: blank rows skipped, a row with a problem left out, each answer once. */
function readAnswers(t: TableReader, layout: ResponsesLayout, ctx: ParseContext): SurveyAnswer[] {
  const { c, wide, itemColumns } = layout;
  const answers: SurveyAnswer[] = [];
  const firstSeen = new Map<string, string>();
  const answered = new Map<string, number>();
  const waveKeys = layout.waveOrder ? new Map(layout.waveOrder.map((w) => [labelKey(w), w])) : null;
  for (let k = 0; k < t.length; k++) {
    const cols = [c.respondent, c.role, c.wave, ...(wide ? itemColumns.map((x) => x.col) : [c.item, c.response])];
    if (cols.every((col) => t.blank(k, col))) continue;
    const row = readRespondentRow(t, k, layout, waveKeys, ctx);
    if (row === null) continue;
    for (const a of row.answers) {
      const key = `${labelKey(row.respondent)}\u0000${labelKey(row.wave)}\u0000${labelKey(a.item)}`;
      const dup = answered.get(key);
      if (dup !== undefined) {
        t.error(k, a.col, { code: "answerOnce" }, { code: "secondAnswer", respondent: row.respondent, item: a.item, wave: row.wave, row: dup });
        continue;
      }
      answered.set(key, t.sheetRow(k));
      // Items keep the spelling of their first appearance.
      const itemKey = labelKey(a.item);
      const item = firstSeen.get(itemKey) ?? a.item;
      firstSeen.set(itemKey, item);
      const { respondent, role, schoolId, wave } = row;
      answers.push({ respondent, role: canonical(role, SURVEY_ROLES), schoolId, wave, item, component: a.component, response: a.response, sheetRow: t.sheetRow(k) });
    }
  }
  return answers;
}

/**
 * One row of Survey Responses: Respondent, Role, Wave (one of Survey Waves when given), School ID and the answers.
 * Null when any of its cells has a problem (each problem is reported).
 */
function readRespondentRow(t: TableReader, k: number, layout: ResponsesLayout, waveKeys: ReadonlyMap<string, string> | null, ctx: ParseContext): RespondentRow | null {
  const { c } = layout;
  const before = ctx.errors.length;
  const respondent = t.requiredText(k, c.respondent, { code: "respondent" });
  const role = t.requiredText(k, c.role, { code: "role", roles: SURVEY_ROLES });
  const waveText = t.requiredText(k, c.wave, { code: "wave" });
  let wave = waveText;
  if (waveText !== undefined && waveKeys) {
    wave = waveKeys.get(labelKey(waveText));
    if (wave === undefined) t.error(k, c.wave, { code: "waveListed", waves: layout.waveOrder ?? [] });
  }
  const schoolId = schoolOf(t, k, c.school, layout.known);
  const answers = layout.wide ? wideAnswers(t, k, layout.itemColumns) : longAnswer(t, k, c, layout.componentOf);
  if (ctx.errors.length > before) return null;
  return { respondent: respondent as string, role: role as string, wave: wave as string, schoolId, answers };
}
