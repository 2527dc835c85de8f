/**
 * What the Voices and Benchmark views show, from the tables as last read: the survey, the readiness inventory and the
 * peer benchmark, each with its located input problems. Pure (no React), so the views and their tests share it.
 */
import { benchmark, type Benchmark } from "../../../analysis/benchmark";
import { analyseReadiness, type ReadinessAnalysis } from "../../../analysis/readiness";
import { analyseSurvey, type SurveyAnalysis } from "../../../analysis/survey";
import { sortErrors } from "../../../engine/parse";
import { findBudgetLines, parseBudgetLines } from "../../../analysis/parse/budgetLines";
import { findTable, type ParseContext } from "../../../engine/parse/headers";
import { parsePeers } from "../../../engine/parse/peers";
import { parseReadiness } from "../../../engine/parse/readiness";
import { parseSurveys } from "../../../engine/parse/surveys";
import type { District, InputError, RawTables } from "../../../engine/types";
import { benchmarkPlans } from "../../../report/benchmark";
import type { SheetPlan } from "../../../report/plan";
import { readinessPlan } from "../../../report/readiness";
import { surveyPlans } from "../../../report/survey";
import { readinessTemplate, surveyTemplate } from "../../../report/templates";
import { parseWarningWords } from "../../../words/parseErrors";

/** What the Voices and Benchmark writes are called in progress and outcome messages. */
export const VOICES_WRITE = "survey sheets";
export const BENCHMARK_WRITE = "peer benchmark sheets";

export interface Part<T> {
  /** The workbook has the part's main table. */
  present: boolean;
  /** Null when absent or when its tables have problems. */
  result: T | null;
  errors: InputError[];
  warnings: string[];
}

export interface VoicesData {
  survey: Part<SurveyAnalysis>;
  readiness: Part<ReadinessAnalysis>;
  benchmark: Part<Benchmark>;
}

function ctx(): ParseContext {
  return { errors: [], warnings: [] };
}

/** Analyse the survey, readiness and peer tables; `district` (when valid) checks School IDs and gives the students. */
export function analyseVoices(tables: RawTables, district: District | null): VoicesData {
  const ids = district ? district.schools.map((s) => s.id) : undefined;
  const sc = ctx();
  const data = parseSurveys(tables, sc, ids);
  const survey: Part<SurveyAnalysis> = {
    present: data !== null,
    result: data && sc.errors.length === 0 && data.answers.length > 0 ? analyseSurvey(data) : null,
    errors: sortErrors(sc.errors),
    warnings: sc.warnings.map(parseWarningWords),
  };
  const rc = ctx();
  const items = parseReadiness(tables, rc);
  const readiness: Part<ReadinessAnalysis> = {
    present: items !== null,
    result: items && rc.errors.length === 0 ? analyseReadiness(items, survey.result) : null,
    errors: sortErrors(rc.errors),
    warnings: rc.warnings.map(parseWarningWords),
  };
  const bc = ctx();
  const peers = parsePeers(tables, bc);
  const lines = peers ? parseBudgetLines(findBudgetLines(tables), bc, ids) : null;
  if (peers && !findBudgetLines(tables))
    bc.errors.push({ table: "Budget Lines", row: null, column: null, expected: `a "Budget Lines" table with the district's own spending by Function (and Area)`, found: "no such table or sheet in the workbook" });
  const students = district ? district.enrollment.reduce((t, r) => t + r.students, 0) : 0;
  const bench: Part<Benchmark> = {
    present: peers !== null,
    result: peers && lines && bc.errors.length === 0 && peers.districts.length > 0 && district ? benchmark(peers, lines, students) : null,
    errors: sortErrors(bc.errors),
    warnings: bc.warnings.map(parseWarningWords),
  };
  return { survey, readiness, benchmark: bench };
}

/** The blank survey and readiness tables not yet in the workbook. */
export function voicesTemplate(tables: RawTables): RawTables {
  const present = new Set(Object.values(tables).map((t) => t.name.toLowerCase()));
  for (const name of ["Survey Items", "Survey Waves", "Survey Responses", "Readiness"]) if (findTable(tables, name as "Readiness")) present.add(name.toLowerCase());
  return { ...surveyTemplate(present), ...readinessTemplate(present) };
}

/** The sheets the Voices view writes: survey results and detail, and the readiness summary when there is one. */
export function voicesPlans(v: VoicesData): SheetPlan[] {
  const plans: SheetPlan[] = v.survey.result ? surveyPlans(v.survey.result) : [];
  if (v.readiness.result) plans.push(readinessPlan(v.readiness.result, { surveySheet: v.survey.result !== null }));
  return plans;
}

/** The sheets the Benchmark view writes. */
export function benchmarkSheetPlans(v: VoicesData): SheetPlan[] {
  return v.benchmark.result ? benchmarkPlans(v.benchmark.result) : [];
}
