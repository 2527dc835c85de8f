/**
 * The blank survey and readiness tables: the survey's example items per component, an empty long-format Survey
 * Responses table and a Survey Waves table; the Readiness table with the shipped questions and blank ratings,
 * evidence and owners. Plain RawTables, so the pane inserts them as Excel tables and the command writes them to a
 * new workbook the same way. The statements and questions are in src/words (survey.ts, readiness.ts).
 */
import { READINESS_AREAS, READINESS_TABLE } from "../engine/parse/readiness";
import { SURVEY_ITEMS_TABLE, SURVEY_RESPONSES_TABLE, SURVEY_WAVES_TABLE } from "../engine/parse/surveys";
import type { RawTable, RawTables } from "../engine/types";
import { READINESS_QUESTIONS } from "../words/readiness";
import { TEMPLATE_ITEMS } from "../words/survey";

/** Header row of the long format, in the order the template writes it. */
export const RESPONSE_HEADERS = ["Respondent", "Role", "School ID", "Wave", "Item", "Component", "Response"];

function table(name: string, headers: string[], rows: (string | number | null)[][]): RawTable {
  return { name, headers, rows, origin: { sheet: name, headerRow: 1, firstColumn: 1, kind: "table" } };
}

/** The survey template tables, leaving out those already in the workbook (`present`: lower-cased names). */
export function surveyTemplate(present: Set<string> = new Set(), firstWave = "2025 Fall"): RawTables {
  const all = [
    table(SURVEY_ITEMS_TABLE, ["Item", "Component"], TEMPLATE_ITEMS.map((x) => [x.item, x.component])),
    table(SURVEY_WAVES_TABLE, ["Wave"], [[firstWave]]),
    table(SURVEY_RESPONSES_TABLE, [...RESPONSE_HEADERS], []),
  ];
  const out: RawTables = {};
  for (const t of all) if (!present.has(t.name.toLowerCase())) out[t.name.toLowerCase()] = t;
  return out;
}

/** The Readiness table with the shipped questions and blank ratings, evidence and owners (none when present). */
export function readinessTemplate(present: Set<string> = new Set()): RawTables {
  if (present.has(READINESS_TABLE.toLowerCase())) return {};
  const rows = READINESS_AREAS.flatMap((area) => READINESS_QUESTIONS[area].questions.map((q) => [area, q, null, null, null]));
  const t: RawTable = { name: READINESS_TABLE, headers: ["Area", "Question", "Rating", "Evidence", "Owner"], rows, origin: { sheet: READINESS_TABLE, headerRow: 1, firstColumn: 1, kind: "table" } };
  return { [READINESS_TABLE.toLowerCase()]: t };
}
