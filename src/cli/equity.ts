import * as path from "path";
import { allocate } from "../engine/allocate";
import {
  equityInputs,
  equityInputsFromSpending,
  equitySummary,
  statsJson,
  STAT_KEYS,
  type EquityInput,
  type EquitySummary,
  type StatKey,
  type Stats,
} from "../analysis/equity";
import { formatErrors } from "../words/errors";
import { dollarsFromCents } from "../engine/money";
import { sortErrors } from "../engine/parse";
import type { ParseContext } from "../engine/parse/headers";
import { findSpending, matchYear, missingSpendingError, parseSpending } from "../analysis/parse/spending";
import { parseOutcomes } from "../engine/parse/outcomes";
import { analyseOutcomes, type OutcomesAnalysis } from "../analysis/outcomes";
import { equityJson, outcomesJson, studentTypesJson } from "../words/equityJson";
import { outcomesReadings, studentTypeText } from "../words/outcomes";
import { perPupilByStudentType, type StudentTypes } from "../analysis/studentTypes";
import { outcomesPlan, studentTypesPlan } from "../report/outcomes";
import { summaryJson } from "../report/summary";
import { allocationWarningText } from "../words/allocation";
import type { Allocation, District, InputError } from "../engine/types";
import { equityPlans } from "../report/equity";
import type { SheetPlan } from "../report/plan";
import { saveWorkbook } from "../xlsx/save";
import { SKIPS_CHARTS } from "../xlsx/write";
import { extraSummary } from "./allocate";
import { readDistrict, type DistrictRead } from "./aroi";
import { EXIT_BAD_INPUT, EXIT_OK, parseArgs, type CliIO } from "./io";
import { withOutputs } from "./outputs";
import { guardFileOutputs, notCarriedIn, reportNotCarried, writeJsonStream } from "./pipeline";
import { countOf } from "../engine/money";
import { dollars, equityWordsOf, pct, STAT_LABELS } from "../words/equity";
import { parseWarningWords } from "../words/parseErrors";

export const EQUITY_USAGE =
  "usage: sfs equity <district.xlsx> [--out <result.xlsx>] [--json <summary.json>] [--source allocation|spending] [--year <year>] [--measure <outcome measure>] [--quiet]";

export type EquitySource = "allocation" | "spending";

/** What the statistics were computed on, for the JSON, the printed summary and the Equity sheet. */
export interface EquityBasis {
  source: EquitySource;
  /** The Spending year analysed (spending only). */
  year: string | null;
  /** Every year in the Spending table (spending only). */
  years: string[];
  /** Schools with no Spending row for the year (left out). */
  missing: string[];
}

/** One line saying where the per-pupil amounts come from. */
export function basisText(b: EquityBasis): string {
  if (b.source === "allocation") return "Source: the formula's allocation (school total ÷ Students).";
  const others = b.years.filter((y) => y !== b.year);
  return (
    `Source: actual spending in ${b.year ?? "no year"} from the Spending table (restricted + unrestricted $ ÷ Students)` +
    (others.length ? `; other years in the table: ${others.join(", ")}` : "") +
    (b.missing.length ? `; schools without spending that year (left out): ${b.missing.join(", ")}` : "") +
    "."
  );
}

/** The Equity sheet with a line naming the source of the amounts (row 3, free in the plan's layout). */
function withBasis(plans: SheetPlan[], b: EquityBasis): SheetPlan[] {
  return plans.map((p) => (p.role === "equity" ? { ...p, cells: [...p.cells, { r: 2, c: 0, v: basisText(b), style: "note" as const }] } : p));
}

/** summary.json's `equity` object: the contract's S pair, the DBOM views, the basis and the salary adjustment. */
export function equitySummaryJson(summary: EquitySummary, basis: EquityBasis): Record<string, unknown> {
  const salary = summary.salary;
  return {
    ...equityJson(summary),
    words: equityWordsOf(summary),
    source: basis.source,
    year: basis.year,
    years: basis.years,
    missingSchools: basis.missing,
    salary:
      salary === null
        ? null
        : {
            totalAdjustment: dollarsFromCents(salary.totalAdjustment),
            withActual: { unweighted: statsJson(salary.withActual.unweighted), pupilWeighted: statsJson(salary.withActual.pupilWeighted) },
            withAverage: { unweighted: statsJson(salary.withAverage.unweighted), pupilWeighted: statsJson(salary.withAverage.pupilWeighted) },
            schools: salary.rows.map((r) => ({
              id: r.id,
              name: r.name,
              students: r.students,
              adjustment: dollarsFromCents(r.adjustment),
              perPupil: dollarsFromCents(r.perPupil),
              withActual: dollarsFromCents(r.withActual),
              withAverage: dollarsFromCents(r.withAverage),
            })),
          },
  };
}

const MONEY2: ReadonlySet<StatKey> = new Set<StatKey>(["slope"]);
const PERCENT: ReadonlySet<StatKey> = new Set<StatKey>(["frr", "cv", "r2"]);
const MONEY: ReadonlySet<StatKey> = new Set<StatKey>(["mean", "median", "min", "max", "range", "restrictedRange", "p5", "p95"]);

/** A statistic as text: money in dollars (cents per pupil in), shares as percents, indexes to 4 decimals. */
export function statText(key: StatKey, v: number | null): string {
  if (v === null) return "n/a";
  if (MONEY2.has(key)) return dollars(v, 2);
  if (MONEY.has(key)) return dollars(v);
  if (PERCENT.has(key)) return pct(v);
  return v.toFixed(4);
}

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

function statsBlock(title: string, a: Stats, b: Stats, headA: string, headB: string, keys: readonly StatKey[], povertyNeed: string | null): string[] {
  const label = (k: StatKey) => (k === "slope" ? `Slope: $ per pupil per point of ${povertyNeed ?? "poverty"}` : k === "r2" ? `R² of the ${povertyNeed ?? "poverty"} line` : STAT_LABELS[k]);
  const w = Math.max(...keys.map((k) => label(k).length)) + 2;
  const out = [`  ${title}`, `  ${pad("", w)}${pad(headA, 16, true)}${pad(headB, 16, true)}`];
  for (const k of keys) out.push(`  ${pad(label(k), w)}${pad(statText(k, a[k]), 16, true)}${pad(statText(k, b[k]), 16, true)}`);
  return out;
}

/** The readable summary printed by `sfs equity`: both statistics columns and the equity readings in words. */
export function renderEquityText(s: EquitySummary, basis: EquityBasis): string {
  const pupils = s.schools.reduce((t, x) => t + x.students, 0);
  const out: string[] = [];
  out.push(`Equity — ${countOf(s.schools.length, "school")}, ${countOf(pupils, "pupil")}. ${basisText(basis)}`);
  if (s.excluded.length) out.push(`Left out (no students): ${s.excluded.map((x) => x.id).join(", ")}.`);
  out.push("");
  out.push(...statsBlock("Per-pupil $ statistics", s.unweighted, s.pupilWeighted, "Unweighted", "Pupil-weighted", STAT_KEYS, s.povertyNeed));
  out.push("");
  out.push("  Vertical equity (more for pupils with more needs)");
  for (const line of equityWordsOf(s).vertical) out.push(`    ${line}`);
  out.push("");
  out.push("  Horizontal equity (similar pupils treated alike)");
  for (const line of equityWordsOf(s).horizontal) out.push(`    ${line}`);
  if (s.salary) {
    out.push("");
    out.push(
      ...statsBlock(
        `Salary averaging (pupil-weighted; gap over all schools, actual − average: ${dollars(s.salary.totalAdjustment, 2)})`,
        s.salary.withActual.pupilWeighted,
        s.salary.withAverage.pupilWeighted,
        "Actual salaries",
        "Average salaries",
        ["mean", "range", "cv", "mcloone", "gini", "slope"],
        s.povertyNeed,
      ),
    );
  }
  out.push("");
  return out.join("\n") + "\n";
}

/** Per-pupil $ by student type and the outcome lines, as printed by `sfs equity`. */
export function renderExtrasText(types: StudentTypes, outcomes: OutcomesAnalysis | null): string {
  const out: string[] = ["  $ per pupil by student type (district-wide, from the allocation's lines)"];
  for (const r of types.rows) out.push(`    ${studentTypeText(r.type).padEnd(30)}${(r.perPupil === null ? "n/a" : dollars(r.perPupil)).padStart(12)}  (${countOf(r.students, "student")})`);
  if (outcomes) {
    out.push("", `  Outcomes: ${outcomes.measure} (${outcomes.year}), ${outcomes.schools.length} schools`);
    for (const line of outcomesReadings(outcomes)) out.push(`    ${line}`);
  }
  out.push("");
  return out.join("\n") + "\n";
}

/** `sfs equity`: allocate (or read actual spending), compute the equity statistics, write the equity sheets and JSON. */
export async function runEquity(argv: string[], io: CliIO): Promise<number> {
  const { positional, options } = parseArgs(argv, ["quiet"]);
  const sourceOpt = options.source === undefined ? "allocation" : options.source;
  const bad =
    positional.length !== 1 ||
    options.out === true ||
    options.json === true ||
    options.year === true ||
    options.measure === true ||
    (sourceOpt !== "allocation" && sourceOpt !== "spending");
  if (bad || (options.year !== undefined && sourceOpt !== "spending")) {
    io.stderr.write(`${EQUITY_USAGE}\n${!bad ? "--year applies to --source spending\n" : ""}`);
    return EXIT_BAD_INPUT;
  }
  const source = sourceOpt as EquitySource;
  const input = path.resolve(io.cwd, positional[0]);
  const { out, json } = await guardFileOutputs(io, [input], options);
  const fail = (errors: InputError[]) => {
    io.stderr.write(`sfs: ${path.basename(input)} cannot be analysed; nothing was written.\n${formatErrors(sortErrors(errors))}\n`);
    return EXIT_BAD_INPUT;
  };

  const read = await readDistrict(input);
  if (!read.ok) return fail(read.errors);
  const tables = equityTables(read, source);
  if (tables.errors.length || !read.district) return fail(tables.errors);
  const { spending, outcomeRows } = tables;

  const alloc = allocate(read.district);
  if (alloc.errors.length) return fail(alloc.errors);
  const measured = equityBasis(source, read.district, alloc, spending.rows ?? [], options.year);
  if ("errors" in measured) return fail(measured.errors);
  const { inputs, basis } = measured;
  const summary = equitySummary(inputs);
  const outcomes = outcomeRows ? analyseOutcomes(outcomeRows, summary, typeof options.measure === "string" ? { measure: options.measure } : {}) : null;
  const studentTypes = perPupilByStudentType(alloc);
  const extraPlans = [...(outcomes ? [outcomesPlan(outcomes, summary.povertyNeed)] : []), studentTypesPlan(studentTypes)];

  const notCarried = out || json ? await notCarriedIn(input) : [];
  const notes: string[] = [];
  await withOutputs(async (outputs) => {
    if (out) notes.push(...(await outputs.stageWith(out, (temp) => saveWorkbook(temp, [...withBasis(equityPlans(summary), basis), ...extraPlans], read.workbook))).notes);
    if (json)
      await outputs.stageWith(json, (temp) =>
        writeJsonStream(temp, {
          ...summaryJson(alloc),
          ...extraSummary(alloc),
          equity: { ...equitySummaryJson(summary, basis), studentTypes: studentTypesJson(studentTypes), outcomes: outcomes ? outcomesJson(outcomes) : null },
          notCarried,
        }),
      );
    await outputs.commit();
  });
  reportNotCarried(io, notCarried, out);
  if (options.quiet !== true) for (const n of notes) io.stdout.write(`note: ${n}\n`);
  if (options.quiet !== true) {
    io.stdout.write(renderEquityText(summary, basis));
    io.stdout.write(renderExtrasText(studentTypes, outcomes));
    const notes = [...read.warnings.map(parseWarningWords), ...alloc.warnings.map(allocationWarningText)];
    if (source === "allocation" && spending.hasSalaries)
      notes.push("The Spending table has salary columns: run with --source spending to see the salary-averaging adjustment.");
    for (const w of notes) io.stdout.write(`note: ${w}\n`);
    if (out) io.stdout.write(`Result workbook: ${out}${SKIPS_CHARTS ? " (charts are drawn by the Excel add-in; the .xlsx holds the tables they use)" : ""}\n`);
    if (json) io.stdout.write(`JSON summary: ${json}\n`);
  }
  return EXIT_OK;
}

/**
 * The Spending and outcomes tables, checked whenever they are present, in the same pass as the district's tables:
 * every problem found (the district's included), with a missing or empty Spending table when it is the source.
 */
function equityTables(read: DistrictRead & { ok: true }, source: EquitySource) {
  const ctx: ParseContext = { errors: [], warnings: [] };
  const spendingRaw = findSpending(read.tables);
  const spending = parseSpending(spendingRaw, ctx, read.district ? read.district.schools.map((s) => s.id) : undefined);
  const outcomeRows = parseOutcomes(read.tables, ctx, read.district ? read.district.schools.map((s) => s.id) : undefined);
  const errors = [...read.errors, ...ctx.errors];
  if (source === "spending" && !spendingRaw) errors.push(missingSpendingError());
  else if (source === "spending" && spending.rows && spending.rows.length === 0 && ctx.errors.length === 0)
    errors.push({ table: "Spending", row: null, column: "School ID", expected: "at least one row of spending (a row with a School ID)", found: "no rows" });
  return { errors, spending, outcomeRows };
}

/** Each school's per-pupil dollars from the allocation, or from actual spending (the `--year` asked for, else the latest). */
function equityBasis(
  source: EquitySource,
  district: District,
  alloc: Allocation,
  rows: NonNullable<ReturnType<typeof parseSpending>["rows"]>,
  yearOption: string | true | undefined,
): { inputs: EquityInput[]; basis: EquityBasis } | { errors: InputError[] } {
  const basis: EquityBasis = { source, year: null, years: [], missing: [] };
  if (source !== "spending") return { inputs: equityInputs(alloc), basis };
  let year: string | undefined;
  if (typeof yearOption === "string") year = matchYear(rows, yearOption) ?? yearOption;
  const sp = equityInputsFromSpending(district, rows, year === undefined ? {} : { year });
  if (sp.errors.length) return { errors: sp.errors };
  Object.assign(basis, { year: sp.year, years: sp.years, missing: sp.missing });
  return { inputs: sp.inputs, basis };
}
