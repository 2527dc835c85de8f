import { promises as fs } from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import {
  ACTION_LABELS,
  ACTIONS,
  analyseInitiatives,
  aroiJson,
  dollarsFromCents,
  formatDollars,
  formatNumber,
  formatShare,
  fundingPlace,
  hasFundingSources,
  initiativeCost,
  parseFunding,
  reconcileFunding,
  type AroiAction,
  type AroiAnalysis,
  type CoverageCount,
  type FundingReconciliation,
  type Override,
} from "../analysis/aroi";
import { allocate } from "../engine/allocate";
import { formatErrors } from "../words/errors";
import { parseDistrict, sortErrors } from "../engine/parse";
import { findTable } from "../engine/parse/headers";
import type { District, InputError, RawTables } from "../engine/types";
import type { ParseWarning } from "../engine/problems";
import { aroiFundingPlan, aroiPlans } from "../report/aroi";
import { readWorkbook } from "../xlsx/read";
import { saveWorkbook } from "../xlsx/save";
import { SKIPS_CHARTS } from "../xlsx/write";
import { allocationWarningText } from "../words/allocation";
import { EXIT_BAD_INPUT, EXIT_OK, parseArgs, type CliIO } from "./io";
import { withOutputs } from "./outputs";
import { guardFileOutputs, notCarriedIn, reportNotCarried, writeJsonStream } from "./pipeline";
import { parseWarningWords } from "../words/parseErrors";
import { actionReasonText, aroiWarningText, missingDataText, whatIfText } from "../words/aroi";
import { fundingFlagText, fundingSummaryLine } from "../words/funding";

export const AROI_USAGE =
  "usage: sfs aroi <district.xlsx> [--out <result.xlsx>] [--json <summary.json>] [--overrides <overrides.json>] [--quiet]";

/** A district workbook read and parsed; `district` is null when the parse found errors (they are in `errors`). */
export type DistrictRead =
  | { ok: true; workbook: ExcelJS.Workbook; tables: RawTables; district: District | null; errors: InputError[]; warnings: ParseWarning[] }
  | { ok: false; errors: InputError[] };

/**
 * Read and validate a district workbook without stopping at the first problem: the caller adds the checks of
 * its own tables (Initiatives, Spending...) so that every problem is reported in one pass.
 */
export async function readDistrict(file: string): Promise<DistrictRead> {
  const read = await readWorkbook(file);
  if (!read.ok) return { ok: false, errors: read.errors };
  const parsed = parseDistrict(read.tables);
  return parsed.ok
    ? { ok: true, workbook: read.workbook, tables: read.tables, district: parsed.district, errors: [], warnings: parsed.warnings }
    : { ok: true, workbook: read.workbook, tables: read.tables, district: null, errors: parsed.errors, warnings: [] };
}

/** The located problem when the workbook has no usable Initiatives inventory; null when it has one. */
export function initiativesProblem(tables: RawTables, district: District | null): InputError | null {
  if (!findTable(tables, "Initiatives"))
    return {
      table: "Initiatives",
      row: null,
      column: null,
      expected: `an Excel table or a sheet named "Initiatives" (the A-ROI inventory) with columns "Initiative", "Direct Cost" and "Students Served"`,
      found: "no such table or sheet in the workbook",
    };
  if (district && (district.initiatives ?? []).length === 0)
    return { table: "Initiatives", row: null, column: "Initiative", expected: "at least one initiative (a row with an Initiative name)", found: "no initiatives" };
  return null;
}

/** Lower case, `-`/`_` as spaces, spaces collapsed: "Collect-Data" → "collect data". */
function actionKey(s: string): string {
  return s.trim().toLowerCase().replace(/[-_\s]+/g, " ");
}

const ACTION_LIST = ACTIONS.join(", ");

/**
 * Validate an overrides file's text: a JSON object mapping an initiative name to `{ "action": ..., "note": ... }`
 * (note optional). Actions are matched case-insensitively ("Collect data" = "collect-data"). With `names` (the
 * inventory's initiative names) every key must name one of them (trimmed, case-insensitive). Problems come back
 * as readable lines naming the file and the initiative; nothing is thrown.
 */
export function parseOverrides(
  text: string,
  file: string,
  names: readonly string[] | null,
): { ok: true; overrides: Record<string, Override> } | { ok: false; problems: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [`${file}: expected JSON (an object of initiative → { "action", "note" }), found a syntax error: ${(e as Error).message}`] };
  }
  if (data === null || typeof data !== "object" || Array.isArray(data))
    return { ok: false, problems: [`${file}: expected a JSON object mapping initiative names to { "action", "note" }, found ${Array.isArray(data) ? "an array" : JSON.stringify(data)}`] };
  const known = names ? new Set(names.map((n) => n.trim().toLowerCase())) : null;
  const seen = new Map<string, string>();
  const problems: string[] = [];
  const overrides: Record<string, Override> = {};
  for (const [name, value] of Object.entries(data as Record<string, unknown>)) {
    const where = `${file}, initiative "${name}"`;
    const key = name.trim().toLowerCase();
    if (known && !known.has(key)) problems.push(`${where}: expected the name of an initiative in the Initiatives table, found no initiative with that name`);
    const dup = seen.get(key);
    if (dup !== undefined) problems.push(`${where}: expected one override per initiative, found a second one (also "${dup}")`);
    seen.set(key, name);
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      problems.push(`${where}: expected { "action": one of ${ACTION_LIST}, "note": text }, found ${JSON.stringify(value)}`);
      continue;
    }
    const v = value as Record<string, unknown>;
    for (const extra of Object.keys(v).filter((k) => k !== "action" && k !== "note"))
      problems.push(`${where}: expected only "action" and "note", found "${extra}"`);
    const action = typeof v.action === "string" ? ACTIONS.find((a) => a === actionKey(v.action as string)) : undefined;
    if (action === undefined) problems.push(`${where}, "action": expected one of ${ACTION_LIST}, found ${v.action === undefined ? "nothing" : JSON.stringify(v.action)}`);
    if (v.note !== undefined && v.note !== null && typeof v.note !== "string") problems.push(`${where}, "note": expected text, found ${JSON.stringify(v.note)}`);
    if (action !== undefined) overrides[name] = { action, note: typeof v.note === "string" ? v.note : "" };
  }
  return problems.length ? { ok: false, problems } : { ok: true, overrides };
}

function countJson(c: CoverageCount) {
  return { count: c.count, share: round6(c.share), cost: dollarsFromCents(c.cost), costShare: round6(c.costShare) };
}

function round6(x: number): number {
  const r = Math.round(x * 1e6) / 1e6;
  return r === 0 ? 0 : r;
}

/**
 * The JSON of `sfs aroi`: the contract's `initiatives` array plus coverage, the final actions counted, the
 * sunset → expand what-if, the gain unit and, per initiative, the suggestion with its reason. Money in dollars.
 */
export function aroiSummaryJson(a: AroiAnalysis): Record<string, unknown> {
  const cov = a.coverage;
  return {
    unit: a.unit,
    initiatives: aroiJson(a),
    coverage: {
      initiatives: cov.initiatives,
      totalCost: dollarsFromCents(cov.totalCost),
      cost: countJson(cov.cost),
      outcome: countJson(cov.outcome),
      segments: countJson(cov.segments),
      all: countJson(cov.all),
      missing: cov.items.filter((x) => x.missing.length).map((x) => ({ name: x.name, missing: x.missing.map(missingDataText) })),
    },
    actions: { ...a.actionCounts },
    overrides: a.results.filter((x) => x.override).map((x) => ({ name: x.name, suggested: x.suggested, action: x.action, note: x.override?.note ?? "" })),
    whatIf: {
      freed: dollarsFromCents(a.whatIf.freed),
      sunset: a.whatIf.sunset.map((s) => ({ name: s.name, freed: dollarsFromCents(s.freed) })),
      expand: a.whatIf.expand.map((e) => ({
        name: e.name,
        totalCost: dollarsFromCents(e.total),
        students: e.students,
        costPerStudent: dollarsFromCents(e.perStudent),
        extra: dollarsFromCents(e.extra),
        extraStudents: e.extraStudents,
        unspent: dollarsFromCents(e.unspent),
      })),
      distributed: dollarsFromCents(a.whatIf.distributed),
      extraStudents: a.whatIf.extraStudents,
      unspent: dollarsFromCents(a.whatIf.unspent),
      note: whatIfText(a.whatIf),
    },
    details: a.results.map((x) => ({
      name: x.name,
      rank: x.rank,
      aroiPer1000: x.per1000,
      costPerStudent: x.cost.perStudent === null ? null : dollarsFromCents(x.cost.perStudent),
      suggested: x.suggested,
      reason: actionReasonText(x.reason),
      action: x.action,
      missing: x.missing.map(missingDataText),
    })),
    warnings: a.warnings.map(aroiWarningText),
  };
}

/**
 * The `funding` part of the JSON (issue 6): per source the money held centrally and given to schools next to what
 * the initiatives charge to it, per initiative its sources, the initiatives without one, and the over-commitment
 * flags in words. Money in dollars; shares as fractions.
 */
export function fundingJson(r: FundingReconciliation): Record<string, unknown> {
  const d = dollarsFromCents;
  return {
    totals: {
      initiatives: r.totals.initiatives,
      funded: r.totals.funded,
      fundedCost: d(r.totals.fundedCost),
      unfundedCost: d(r.totals.unfundedCost),
      charged: d(r.totals.charged),
      overCommitted: r.totals.overCommitted,
    },
    sources: r.sources.map((x) => ({
      source: x.source,
      amount: d(x.amount),
      central: d(x.central),
      surplus: d(x.surplus),
      heldCentrally: d(x.heldCentrally),
      toSchools: d(x.toSchools),
      chargedCentral: d(x.chargedCentral),
      chargedSchools: d(x.chargedSchools),
      charged: d(x.charged),
      centralLeft: d(x.centralLeft),
      schoolsLeft: d(x.schoolsLeft),
      remainder: d(x.remainder),
      initiatives: x.initiatives,
      overCommitted: x.flags.length > 0,
    })),
    initiatives: r.initiatives.map((x) => ({
      name: x.name,
      totalCost: d(x.totalCost),
      fundingSource: x.text,
      scope: x.scope,
      schools: x.schools,
      sources: x.charges.map((c) => ({ source: c.source, share: round6(c.share), amount: d(c.amount), paidFrom: c.paidFrom })),
    })),
    withoutSource: r.withoutSource.map((x) => ({ name: x.name, totalCost: d(x.totalCost) })),
    flags: r.flags.map((f) => ({
      source: f.source,
      kind: f.kind,
      initiatives: f.initiatives,
      schools: f.schools,
      charged: d(f.charged),
      available: d(f.available),
      shortfall: d(f.shortfall),
      text: fundingFlagText(f),
    })),
  };
}

/**
 * When any initiative names a Funding Source: check the column against the district, allocate (the district must
 * allocate without errors) and reconcile. Problems come back as located errors, for the one-pass report.
 */
export function fundingOf(tables: RawTables, d: District): { funding: FundingReconciliation | null; errors: InputError[]; warnings: string[] } {
  const initiatives = d.initiatives ?? [];
  if (!hasFundingSources(initiatives)) return { funding: null, errors: [], warnings: [] };
  const place = fundingPlace(findTable(tables, "Initiatives"));
  const parsed = parseFunding(initiatives, { district: d, sources: d.sources }, place);
  const allocation = allocate(d);
  const errors = [...(parsed.ok ? [] : parsed.errors), ...allocation.errors];
  if (errors.length) return { funding: null, errors, warnings: [] };
  const r = reconcileFunding(
    initiatives.map((initiative) => ({ initiative, total: initiativeCost(initiative).total })),
    allocation,
    place,
  );
  return r.ok ? { funding: r.reconciliation, errors: [], warnings: allocation.warnings.map(allocationWarningText) } : { funding: null, errors: r.errors, warnings: [] };
}

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

function coverageLine(label: string, c: CoverageCount, total: number): string {
  return `  ${pad(label, 16)}${pad(`${c.count} of ${total}`, 10, true)}  (${formatShare(c.share)} of initiatives, ${formatDollars(c.cost)} = ${formatShare(c.costShare)} of cost)`;
}

/** The readable summary printed by `sfs aroi`. */
export function renderAroiText(a: AroiAnalysis): string {
  const out: string[] = [];
  const t = a.totals;
  out.push(
    `A-ROI analysis — ${t.initiatives} initiative${t.initiatives === 1 ? "" : "s"}, ${formatDollars(t.cost)} fully loaded cost, ` +
      `${t.students.toLocaleString("en-US")} students served; ${t.withAroi} with an A-ROI`,
  );
  out.push(`A-ROI = learning gain × students served ÷ total cost, in ${a.unit} × students per $1,000 spent.`);
  out.push("");
  out.push("  Data coverage");
  out.push(coverageLine("Cost data", a.coverage.cost, t.initiatives));
  out.push(coverageLine("Outcome data", a.coverage.outcome, t.initiatives));
  out.push(coverageLine("Segment data", a.coverage.segments, t.initiatives));
  out.push(coverageLine("All three", a.coverage.all, t.initiatives));
  out.push("");
  const top = a.results.filter((x) => x.aroi !== null).slice(0, 5);
  out.push(`  Top ${top.length} by A-ROI (${a.unit} × students per $1,000)`);
  if (!top.length) out.push("  (no initiative has both outcome data and a cost)");
  const nameW = Math.max(12, ...top.map((x) => x.name.length)) + 2;
  for (const x of top)
    out.push(
      `  ${pad(`${x.rank}.`, 4)}${pad(x.name, nameW)}${pad(formatNumber(x.per1000 as number), 10, true)}` +
        `${pad(formatDollars(x.cost.total), 16, true)}${pad(`${x.students.toLocaleString("en-US")} students`, 16, true)}   ${ACTION_LABELS[x.action]}`,
    );
  out.push("");
  const counts = ACTIONS.filter((k: AroiAction) => a.actionCounts[k] > 0).map((k) => `${a.actionCounts[k]} ${ACTION_LABELS[k].toLowerCase()}`);
  const overridden = a.results.filter((x) => x.override).length;
  out.push(`  Actions: ${counts.length ? counts.join(", ") : "none"}${overridden ? ` (${overridden} set by overrides)` : ""}`);
  out.push(`  What-if: ${whatIfText(a.whatIf)}`);
  out.push("");
  return out.join("\n") + "\n";
}

/** `sfs aroi`: read and validate the district, analyse the Initiatives inventory, write the A-ROI sheets and JSON. */
export async function runAroi(argv: string[], io: CliIO): Promise<number> {
  const { positional, options } = parseArgs(argv, ["quiet"]);
  if (positional.length !== 1 || options.out === true || options.json === true || options.overrides === true) {
    io.stderr.write(`${AROI_USAGE}\n`);
    return EXIT_BAD_INPUT;
  }
  const input = path.resolve(io.cwd, positional[0]);
  const overridesFile = typeof options.overrides === "string" ? [path.resolve(io.cwd, options.overrides)] : [];
  const { out, json } = await guardFileOutputs(io, [input, ...overridesFile], options);
  const fail = (lines: string) => {
    io.stderr.write(`sfs: ${path.basename(input)} cannot be analysed; nothing was written.\n${lines}\n`);
    return EXIT_BAD_INPUT;
  };
  const read = await readDistrict(input);
  if (!read.ok) return fail(formatErrors(read.errors));
  const errors = [...read.errors];
  const missing = initiativesProblem(read.tables, read.district);
  if (missing) errors.push(missing);

  let overrides: Record<string, Override> | undefined;
  const problems: string[] = [];
  if (typeof options.overrides === "string") {
    const file = path.resolve(io.cwd, options.overrides);
    let text: string | null = null;
    try {
      text = await fs.readFile(file, "utf8");
    } catch (e) {
      problems.push(`${options.overrides}: expected a readable overrides file, found ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}`);
    }
    if (text !== null) {
      const names = read.district?.initiatives ? read.district.initiatives.map((i) => i.name) : null;
      const parsed = parseOverrides(text, options.overrides, names);
      if (parsed.ok) overrides = parsed.overrides;
      else problems.push(...parsed.problems);
    }
  }
  let funding: FundingReconciliation | null = null;
  let fundingWarnings: string[] = [];
  if (read.district && !missing) {
    const f = fundingOf(read.tables, read.district);
    errors.push(...f.errors);
    funding = f.funding;
    fundingWarnings = f.warnings;
  }
  if (errors.length || problems.length || !read.district) {
    return fail([formatErrors(sortErrors(errors)), ...problems].filter((s) => s !== "").join("\n"));
  }
  const d = read.district;
  const analysis = analyseInitiatives(d.initiatives ?? [], d.segments, d.policy, undefined, overrides, d.schools.map((s) => s.id));
  const plans = aroiPlans(analysis);
  if (funding) plans.push(aroiFundingPlan(funding));

  const notCarried = out || json ? await notCarriedIn(input) : [];
  const notes: string[] = [];
  await withOutputs(async (outputs) => {
    if (out) notes.push(...(await outputs.stageWith(out, (temp) => saveWorkbook(temp, plans, read.workbook))).notes);
    if (json) await outputs.stageWith(json, (temp) => writeJsonStream(temp, { ...aroiSummaryJson(analysis), ...(funding ? { funding: fundingJson(funding) } : {}), notCarried }));
    await outputs.commit();
  });
  reportNotCarried(io, notCarried, out);
  if (options.quiet !== true) for (const n of notes) io.stdout.write(`note: ${n}\n`);
  if (options.quiet !== true) {
    io.stdout.write(renderAroiText(analysis));
    if (funding) io.stdout.write(`  ${fundingSummaryLine(funding)}\n\n`);
    for (const w of [...read.warnings.map(parseWarningWords), ...fundingWarnings, ...analysis.warnings.map(aroiWarningText)]) io.stdout.write(`note: ${w}\n`);
    if (out) io.stdout.write(`Result workbook: ${out}${SKIPS_CHARTS ? " (charts are drawn by the Excel add-in; the .xlsx holds the tables they use)" : ""}\n`);
    if (json) io.stdout.write(`JSON summary: ${json}\n`);
  }
  return EXIT_OK;
}
