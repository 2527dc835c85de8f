/**
 * The blank survey template: example items per component (the guidebook's ideas in this tool's own words), an empty
 * long-format Survey Responses table and a Survey Waves table. Plain RawTables, so the pane inserts them as Excel
 * tables and the command writes them to a new workbook the same way.
 */
import type { RawTable, RawTables } from "../../engine/types";
import { SURVEY_ITEMS_TABLE, SURVEY_RESPONSES_TABLE, SURVEY_WAVES_TABLE } from "../../engine/parse/surveys";

/** Example statements, answered 1 (strongly disagree) to 4 (strongly agree). */
export const TEMPLATE_ITEMS: readonly { component: string; item: string }[] = [
  { component: "Equity", item: "Money is shared among our district's schools fairly, according to what their students need." },
  { component: "Equity", item: "Schools with more students in need receive more resources." },
  { component: "Transparency", item: "I understand how staff and money are allocated to my school." },
  { component: "Transparency", item: "The district explains the reasons behind school budget decisions." },
  { component: "Autonomy", item: "My school has enough freedom to run an instructional program that fits its students." },
  { component: "Autonomy", item: "School leaders decide how a meaningful part of the school's budget is spent." },
  { component: "Efficiency", item: "Our school's budget decisions follow our school's priorities." },
  { component: "Efficiency", item: "Planning and budgeting at our school take a reasonable amount of time and effort." },
  { component: "Accountability", item: "Staff at our school feel responsible for improving results." },
  { component: "Accountability", item: "Our school checks whether its spending helped students learn." },
  { component: "Community Engagement", item: "Parents and community members have a real say in our school's plan and budget." },
  { component: "Community Engagement", item: "Our School Site Council understands how the school's money can be used." },
  { component: "Innovation", item: "Our school can use its funds in new ways that lead to real change." },
  { component: "Innovation", item: "Good ideas from one school are shared with other schools." },
];

/** Header row of the long format, in the order the template writes it. */
export const RESPONSE_HEADERS = ["Respondent", "Role", "School ID", "Wave", "Item", "Component", "Response"];

function table(name: string, headers: string[], rows: (string | number | null)[][]): RawTable {
  return { name, headers, rows, origin: { sheet: name, headerRow: 1, firstColumn: 1, kind: "table" } };
}

/** The template tables, leaving out those already in the workbook (`present`: lower-cased names). */
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
