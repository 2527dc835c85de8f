import * as path from "path";
import { benchmark, benchmarkJson, type Benchmark } from "../analysis/benchmark";
import { benchmarkReadingText, moneyWords } from "../words/benchmark";
import { allocate } from "../engine/allocate";
import { formatErrors } from "../words/errors";
import { signedChange } from "../engine/money";
import { sortErrors } from "../engine/parse";
import { findBudgetLines, parseBudgetLines } from "../analysis/parse/budgetLines";
import type { ParseContext } from "../engine/parse/headers";
import { parsePeers, PEERS_TABLE } from "../engine/parse/peers";
import { summaryJson } from "../report/summary";
import { allocationWarningText } from "../words/allocation";
import type { InputError } from "../engine/types";
import { benchmarkPlans } from "../report/benchmark";
import { saveWorkbook } from "../xlsx/save";
import { SKIPS_CHARTS } from "../xlsx/write";
import { extraSummary } from "./allocate";
import { readDistrict } from "./aroi";
import { EXIT_BAD_INPUT, EXIT_OK, parseArgs, type CliIO } from "./io";
import { withOutputs } from "./outputs";
import { guardFileOutputs, jsonText, notCarriedIn, reportNotCarried } from "./pipeline";
import { parseWarningWords } from "../words/parseErrors";

export const BENCHMARK_USAGE = "usage: sfs benchmark <district.xlsx> [--out <result.xlsx>] [--json <summary.json>] [--quiet]";

/** The readable summary printed by `sfs benchmark`. */
export function renderBenchmarkText(b: Benchmark): string {
  const out: string[] = [];
  out.push(`Peer benchmark — ${b.peers} peer districts; the district's ${b.students.toLocaleString("en-US")} students.`);
  out.push("");
  const pad = (s: string, n: number, right = false) => (right ? s.padStart(n) : s.padEnd(n));
  const w = Math.max(10, ...b.functions.map((f) => f.function.length)) + 2;
  const m = (c: number | null) => (c === null ? "—" : moneyWords(c));
  out.push(`  ${pad("Function", w)}${pad("Per pupil", 11, true)}${pad("Peer P25", 11, true)}${pad("Median", 11, true)}${pad("Peer P75", 11, true)}${pad("Gap", 11, true)}${pad("Rank", 8, true)}`);
  for (const f of b.functions)
    out.push(
      `  ${pad(f.function, w)}${pad(m(f.perPupil), 11, true)}${pad(m(f.peerP25), 11, true)}${pad(m(f.peerMedian), 11, true)}${pad(m(f.peerP75), 11, true)}${pad(f.gapPerPupil === null ? "—" : signedChange(f.gapPerPupil, moneyWords), 11, true)}${pad(f.rank === null ? "—" : `${f.rank}/${f.rankOf}`, 8, true)}`,
    );
  out.push("");
  for (const line of b.readings) out.push(`  ${benchmarkReadingText(line)}`);
  out.push("");
  return out.join("\n") + "\n";
}

/** `sfs benchmark`: the district's spending and staffing by function against its peers. Nothing is written on bad input. */
export async function runBenchmark(argv: string[], io: CliIO): Promise<number> {
  const { positional, options } = parseArgs(argv, ["quiet"]);
  if (positional.length !== 1 || options.out === true || options.json === true) {
    io.stderr.write(`${BENCHMARK_USAGE}\n`);
    return EXIT_BAD_INPUT;
  }
  const input = path.resolve(io.cwd, positional[0]);
  const { out, json } = await guardFileOutputs(io, [input], options);
  const fail = (errors: InputError[]) => {
    io.stderr.write(`sfs: ${path.basename(input)} cannot be benchmarked; nothing was written.\n${formatErrors(sortErrors(errors))}\n`);
    return EXIT_BAD_INPUT;
  };
  const read = await readDistrict(input);
  if (!read.ok) return fail(read.errors);
  const ctx: ParseContext = { errors: [], warnings: [] };
  const peers = parsePeers(read.tables, ctx);
  const linesRaw = findBudgetLines(read.tables);
  const lines = parseBudgetLines(linesRaw, ctx, read.district ? read.district.schools.map((s) => s.id) : undefined);
  const errors = [...read.errors, ...ctx.errors];
  if (!peers)
    errors.push({
      table: PEERS_TABLE,
      row: null,
      column: null,
      expected: `an Excel table or a sheet named "${PEERS_TABLE}" with columns "District", "Enrollment", "Function", "Amount" and "FTE" (optional)`,
      found: "no such table or sheet in the workbook",
    });
  else if (peers.districts.length === 0 && ctx.errors.length === 0)
    errors.push({ table: PEERS_TABLE, row: null, column: "District", expected: "at least one peer district", found: "no rows" });
  if (!linesRaw)
    errors.push({
      table: "Budget Lines",
      row: null,
      column: null,
      expected: `an Excel table or a sheet named "Budget Lines" with columns "Function", "School ID" and "Amount" (the district's own spending by function)`,
      found: "no such table or sheet in the workbook",
    });
  if (errors.length || !read.district || !peers || !lines) return fail(errors);

  const alloc = allocate(read.district);
  if (alloc.errors.length) return fail(alloc.errors);
  const students = read.district.enrollment.reduce((t, r) => t + r.students, 0);
  const result = benchmark(peers, lines, students);

  const notCarried = out || json ? await notCarriedIn(input) : [];
  const notes: string[] = [];
  await withOutputs(async (outputs) => {
    if (out) notes.push(...(await outputs.stageWith(out, (temp) => saveWorkbook(temp, benchmarkPlans(result), read.workbook))).notes);
    if (json) await outputs.stage(json, jsonText({ ...summaryJson(alloc), ...extraSummary(alloc), benchmark: benchmarkJson(result), notCarried }));
    await outputs.commit();
  });
  reportNotCarried(io, notCarried, out);
  if (options.quiet !== true) for (const n of notes) io.stdout.write(`note: ${n}\n`);
  if (options.quiet !== true) {
    io.stdout.write(renderBenchmarkText(result));
    for (const w of [...[...read.warnings, ...ctx.warnings].map(parseWarningWords), ...alloc.warnings.map(allocationWarningText)]) io.stdout.write(`note: ${w}\n`);
    if (out) io.stdout.write(`Result workbook: ${out}${SKIPS_CHARTS ? " (charts are drawn by the Excel add-in; the .xlsx holds the tables they use)" : ""}\n`);
    if (json) io.stdout.write(`JSON summary: ${json}\n`);
  }
  return EXIT_OK;
}
