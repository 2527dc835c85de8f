import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { analyseReadiness, readinessJson, type ReadinessAnalysis } from "../analysis/readiness";
import { analyseSurvey, surveyJson, type SurveyAnalysis } from "../analysis/survey";
import { readinessTemplate, surveyTemplate } from "../report/templates";
import { readinessReadingText } from "../words/readiness";
import { surveyFlagText, surveyReadingText } from "../words/survey";
import { allocate } from "../engine/allocate";
import { formatErrors } from "../words/errors";
import { sortErrors } from "../engine/parse";
import { findTable, type ParseContext } from "../engine/parse/headers";
import { parseReadiness } from "../engine/parse/readiness";
import { parseSurveys, SURVEY_RESPONSES_TABLE } from "../engine/parse/surveys";
import { summaryJson } from "../report/summary";
import { allocationWarningText } from "../words/allocation";
import type { InputError, RawTables } from "../engine/types";
import type { SheetPlan } from "../report/plan";
import { readinessPlan } from "../report/readiness";
import { surveyPlans } from "../report/survey";
import { saveWorkbook } from "../xlsx/save";
import { SKIPS_CHARTS } from "../xlsx/write";
import { extraSummary } from "./allocate";
import { readDistrict, type DistrictRead } from "./aroi";
import { EXIT_BAD_INPUT, EXIT_OK, parseArgs, type CliIO } from "./io";
import { checkOutputs, withOutputs } from "./outputs";
import { guardFileOutputs, jsonText, notCarriedIn, reportNotCarried } from "./pipeline";
import { parseWarningWords } from "../words/parseErrors";

export const SURVEY_USAGE =
  "usage: sfs survey <district.xlsx> [--out <result.xlsx>] [--json <summary.json>] [--quiet]\n       sfs survey --template <new.xlsx>";

/** The readable summary printed by `sfs survey`. */
export function renderSurveyText(a: SurveyAnalysis, r: ReadinessAnalysis | null): string {
  const out: string[] = [];
  out.push(`Stakeholder survey — ${a.answers.toLocaleString("en-US")} answers, ${a.waves.length} wave(s): ${a.waves.join(", ")}; groups under ${a.minimumGroup} answers are not shown.`);
  out.push("");
  const pad = (s: string, n: number, right = false) => (right ? s.padStart(n) : s.padEnd(n));
  const w = Math.max(10, ...a.components.map((c) => c.length)) + 2;
  out.push(`  ${pad("Component", w)}${pad("Wave", 14)}${pad("Answers", 9, true)}${pad("Mean", 7, true)}${pad("Agree", 8, true)}`);
  for (const x of a.byComponent)
    out.push(
      `  ${pad(x.component, w)}${pad(x.wave, 14)}${pad(String(x.n), 9, true)}${pad(x.mean === null ? "—" : x.mean.toFixed(2), 7, true)}${pad(x.agree === null ? "—" : `${Math.round(x.agree * 100)}%`, 8, true)}`,
    );
  out.push("");
  for (const line of a.readings) out.push(`  ${surveyReadingText(line)}`);
  if (a.flags.length) {
    out.push("");
    out.push("  Flags:");
    for (const f of a.flags) out.push(`    ${surveyFlagText(f)}`);
  }
  if (r) {
    out.push("");
    out.push("  Readiness (Tier 2):");
    for (const x of r.areas) out.push(`    ${pad(x.area, 10)} ${x.mean === null ? "not rated" : `${x.mean.toFixed(2)} of 4`}  (${x.rated} of ${x.questions} rated)`);
    for (const line of r.readings) out.push(`    ${readinessReadingText(line)}`);
  }
  out.push("");
  return out.join("\n") + "\n";
}

/** Input tables as Excel tables at A1 of their own sheets in a new workbook (the blank templates): the .xlsx bytes. */
export async function templateWorkbook(tables: RawTables): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "School Funding Studio";
  for (const t of Object.values(tables)) {
    const ws = wb.addWorksheet(t.name);
    const rows = t.rows.length ? t.rows : [t.headers.map(() => null)];
    ws.addTable({
      name: t.name.replace(/\s+/g, "_"),
      ref: "A1",
      headerRow: true,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: t.headers.map((h) => ({ name: h, filterButton: true })),
      rows: rows.map((r) => r.map((v) => (v === null ? "" : v))),
    });
    ws.columns.forEach((col, i) => (col.width = Math.min(90, Math.max(12, ...[t.headers[i], ...t.rows.map((r) => String(r[i] ?? ""))].map((x) => x.length + 2)))));
    ws.views = [{ state: "frozen", ySplit: 1 }];
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

/** `sfs survey`: survey results (and the readiness inventory when present); or `--template` for blank tables. */
export async function runSurvey(argv: string[], io: CliIO): Promise<number> {
  const { positional, options } = parseArgs(argv, ["quiet"]);
  if (typeof options.template === "string") return writeSurveyTemplate(io, positional, options, options.template);
  if (positional.length !== 1 || options.out === true || options.json === true || options.template === true) {
    io.stderr.write(`${SURVEY_USAGE}\n`);
    return EXIT_BAD_INPUT;
  }
  const input = path.resolve(io.cwd, positional[0]);
  const { out, json } = await guardFileOutputs(io, [input], options);
  const fail = (errors: InputError[]) => {
    io.stderr.write(`sfs: ${path.basename(input)} cannot be analysed; nothing was written.\n${formatErrors(sortErrors(errors))}\n`);
    return EXIT_BAD_INPUT;
  };
  const read = await readDistrict(input);
  if (!read.ok) return fail(read.errors);
  const { isDistrict, ctx, data, items, errors } = surveyTables(read);
  if (errors.length || !data) return fail(errors);

  const alloc = isDistrict && read.district ? allocate(read.district) : null;
  if (alloc && alloc.errors.length) return fail(alloc.errors);
  const analysis = analyseSurvey(data);
  const readiness = items ? analyseReadiness(items, analysis) : null;

  const plans: SheetPlan[] = surveyPlans(analysis);
  if (readiness) plans.push(readinessPlan(readiness, { surveySheet: true }));
  const notCarried = out || json ? await notCarriedIn(input) : [];
  const notes: string[] = [];
  await withOutputs(async (outputs) => {
    if (out) notes.push(...(await outputs.stageWith(out, (temp) => saveWorkbook(temp, plans, read.workbook))).notes);
    if (json)
      await outputs.stage(
        json,
        jsonText({
          ...(alloc ? { ...summaryJson(alloc), ...extraSummary(alloc) } : {}),
          survey: surveyJson(analysis),
          ...(readiness ? { readiness: readinessJson(readiness) } : {}),
          notCarried,
        }),
      );
    await outputs.commit();
  });
  reportNotCarried(io, notCarried, out);
  if (options.quiet !== true) for (const n of notes) io.stdout.write(`note: ${n}\n`);
  if (options.quiet !== true) {
    io.stdout.write(renderSurveyText(analysis, readiness));
    for (const w of [...[...(isDistrict ? read.warnings : []), ...ctx.warnings].map(parseWarningWords), ...(alloc?.warnings ?? []).map(allocationWarningText)]) io.stdout.write(`note: ${w}\n`);
    if (out) io.stdout.write(`Result workbook: ${out}${SKIPS_CHARTS ? " (charts are drawn by the Excel add-in; the .xlsx holds the tables they use)" : ""}\n`);
    if (json) io.stdout.write(`JSON summary: ${json}\n`);
  }
  return EXIT_OK;
}

/** `sfs survey --template <file>`: the blank survey and readiness tables, only ever to a new file. */
async function writeSurveyTemplate(io: CliIO, positional: string[], options: Record<string, string | true>, template: string): Promise<number> {
  if (positional.length || options.out !== undefined || options.json !== undefined) {
    io.stderr.write(`${SURVEY_USAGE}\n`);
    return EXIT_BAD_INPUT;
  }
  const file = path.resolve(io.cwd, template);
  await checkOutputs([], [{ option: "--template", path: file, kind: "file" }]);
  if (
    await fs
      .stat(file)
      .then(() => true)
      .catch(() => false)
  ) {
    io.stderr.write(`sfs: --template ${file}: a file with that name already exists; the template is only written to a new file, so nothing was written.\n`);
    return EXIT_BAD_INPUT;
  }
  const bytes = await templateWorkbook({ ...surveyTemplate(), ...readinessTemplate() });
  await withOutputs(async (outputs) => {
    await outputs.stage(file, bytes);
    await outputs.commit();
  });
  if (options.quiet !== true) io.stdout.write(`Survey template (Survey Items, Survey Waves, Survey Responses, Readiness): ${file}\n`);
  return EXIT_OK;
}

/**
 * The survey and readiness tables read and checked: every problem found (the district's too when the workbook is
 * a district workbook), with a missing Survey Responses table or one without answers.
 */
function surveyTables(read: DistrictRead & { ok: true }) {
  // A workbook of survey tables alone is fine; a district workbook must also be valid (its summary goes in the JSON).
  const isDistrict = findTable(read.tables, "Schools") !== undefined;
  const ctx: ParseContext = { errors: [], warnings: [] };
  const data = parseSurveys(read.tables, ctx, read.district ? read.district.schools.map((s) => s.id) : undefined);
  const items = parseReadiness(read.tables, ctx);
  const errors = [...(isDistrict ? read.errors : []), ...ctx.errors];
  if (!data)
    errors.push({
      table: SURVEY_RESPONSES_TABLE,
      row: null,
      column: null,
      expected: `an Excel table or a sheet named "${SURVEY_RESPONSES_TABLE}" with columns "Respondent", "Role", "School ID", "Wave", "Item", "Component" and "Response" (sfs survey --template writes a blank one)`,
      found: "no such table or sheet in the workbook",
    });
  else if (data.answers.length === 0 && ctx.errors.length === 0)
    errors.push({ table: SURVEY_RESPONSES_TABLE, row: null, column: "Response", expected: "at least one answer (a Response from 1 to 4)", found: "no answers" });
  return { isDistrict, ctx, data, items, errors };
}
