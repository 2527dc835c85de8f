import * as path from "path";
import { analyseInitiatives, aroiJson } from "../analysis/aroi";
import { count, countOf, dollars, dollarsAndCents } from "../engine/money";
import { summaryJson } from "../report/summary";
import type { Allocation } from "../engine/types";
import { DEFAULT_SCHOOL_SHEETS, resultPlans } from "../report/schoolLines";
import { saveWorkbook } from "../xlsx/save";
import { SKIPS_CHARTS } from "../xlsx/write";
import { EXIT_BAD_INPUT, EXIT_OK, parseArgs, type CliIO } from "./io";
import { withOutputs } from "./outputs";
import { guardFileOutputs, loadAndAllocate, notCarriedIn, reportNotCarried, writeJsonStream } from "./pipeline";

export const ALLOCATE_USAGE =
  "usage: sfs allocate <district.xlsx> [--out <result.xlsx>] [--json <summary.json>] [--school-sheets <n>] [--quiet]";

/** `sfs allocate`: read, validate, allocate; write the result workbook and the JSON summary. Nothing is written on bad input. */
export async function runAllocate(argv: string[], io: CliIO): Promise<number> {
  const { positional, options } = parseArgs(argv, ["quiet"]);
  const sheetsText = options["school-sheets"];
  const schoolSheets = sheetsText === undefined ? DEFAULT_SCHOOL_SHEETS : typeof sheetsText === "string" && /^\d+$/.test(sheetsText.trim()) ? Number(sheetsText) : null;
  if (positional.length !== 1 || options.out === true || options.json === true || schoolSheets === null) {
    io.stderr.write(`${ALLOCATE_USAGE}\n${schoolSheets === null ? "--school-sheets takes a whole number of schools (0 or more)\n" : ""}`);
    return EXIT_BAD_INPUT;
  }
  const input = path.resolve(io.cwd, positional[0]);
  const { out, json } = await guardFileOutputs(io, [input], options);
  const loaded = await loadAndAllocate(input);
  if (!loaded.ok) {
    io.stderr.write(`sfs: ${path.basename(input)} cannot be allocated; nothing was written.\n${loaded.message}\n`);
    return EXIT_BAD_INPUT;
  }
  const a = loaded.allocation;
  const extra = extraSummary(loaded.allocation);
  const notCarried = out || json ? await notCarriedIn(input) : [];
  const notes: string[] = [];
  await withOutputs(async (outputs) => {
    // The summary first, streamed: its objects are garbage before the workbook is built.
    if (json) await outputs.stageWith(json, (temp) => writeJsonStream(temp, { ...summaryJson(a), ...extra, notCarried }));
    if (out) notes.push(...(await outputs.stageWith(out, (temp) => saveWorkbook(temp, resultPlans(a, schoolSheets), loaded.workbook))).notes);
    await outputs.commit();
  });
  reportNotCarried(io, notCarried, out);
  if (options.quiet !== true) for (const n of notes) io.stdout.write(`note: ${n}\n`);
  if (options.quiet !== true) {
    io.stdout.write(renderSummaryText(a));
    for (const w of loaded.warnings) io.stdout.write(`note: ${w}\n`);
    if (out && a.schools.length > schoolSheets)
      io.stdout.write(`The ${count(a.schools.length)} schools' lines are in one "School Lines" table (more than ${schoolSheets} schools; --school-sheets <n> changes this).\n`);
    if (out) io.stdout.write(`Result workbook: ${out}${SKIPS_CHARTS ? " (charts are drawn by the Excel add-in; the .xlsx holds the tables they use)" : ""}\n`);
    if (json) io.stdout.write(`JSON summary: ${json}\n`);
  }
  return EXIT_OK;
}

/** Sections added to summary.json by other analyses when their tables are present (e.g. initiatives). */
export function extraSummary(a: Allocation): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  if (a.district.initiatives && a.district.initiatives.length) {
    extra.initiatives = aroiJson(analyseInitiatives(a.district.initiatives, a.district.segments, a.district.policy, undefined, undefined, a.district.schools.map((s) => s.id)));
  }
  return extra;
}

/** Money as printed everywhere else: whole dollars without cents, otherwise to the cent (never rounded away). */
const usd0 = (cents: number) => dollars(Math.round(cents));
const usd2 = dollarsAndCents;

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

/** A readable text summary: pool, central, schools, the matrix, the five biggest gainers and losers. */
export function renderSummaryText(a: Allocation): string {
  const out: string[] = [];
  const t = a.totals;
  const students = a.schools.reduce((x, s) => x + s.students, 0);
  out.push(`School Funding Studio — ${countOf(a.schools.length, "school")}, ${countOf(students, "student")}, ${countOf(a.sources.length, "revenue source")}`);
  out.push("");
  out.push(`  Revenue (pool)            ${pad(usd0(t.revenue), 16, true)}`);
  out.push(`  Held centrally            ${pad(usd0(t.central - t.surplus), 16, true)}`);
  if (t.surplus) out.push(`  Surplus kept centrally    ${pad(usd2(t.surplus), 16, true)}`);
  if (t.remainder) out.push(`    of which rounding       ${pad(usd2(t.remainder), 16, true)}   (central rounding remainder: rates are whole cents)`);
  out.push(`  Distributed to schools    ${pad(usd0(t.schools), 16, true)}   (${students ? usd0(t.schools / students) : "$0"} per pupil)`);
  if (t.unfunded) out.push(`  Unfunded formula cost     ${pad(usd0(t.unfunded), 16, true)}`);
  if (!a.weightsOn) out.push("  Weights not yet turned on: the unlocked pool is below the Revenue Trigger; schools keep their current unrestricted budgets scaled to the pool.");
  out.push("");
  const m = a.matrix;
  const w = Math.max(8, ...m.categories.map((c) => c.length)) + 2;
  const lw = Math.max(6, ...m.levels.map((l) => l.length)) + 2;
  out.push("  Per-pupil matrix ($ per student, school eligible for every source)");
  out.push(`  ${pad("Level", lw)}${m.categories.map((c) => pad(c, w + 3, true)).join("")}`);
  m.levels.forEach((l, i) => out.push(`  ${pad(l, lw)}${m.perPupil[i].map((v) => pad(usd2(v), w + 3, true)).join("")}`));
  out.push("");
  const withCurrent = a.schools.filter((s) => s.current !== null).map((s) => ({ s, change: s.total - (s.current as number) }));
  const gainers = [...withCurrent].sort((x, y) => y.change - x.change || x.s.id.localeCompare(y.s.id)).filter((x) => x.change > 0).slice(0, 5);
  const losers = [...withCurrent].sort((x, y) => x.change - y.change || x.s.id.localeCompare(y.s.id)).filter((x) => x.change < 0).slice(0, 5);
  const nameW = Math.max(12, ...a.schools.map((s) => s.name.length)) + 2;
  const row = (x: { s: (typeof a.schools)[number]; change: number }) => {
    const pct = x.s.current ? ((x.change / x.s.current) * 100).toFixed(1) + "%" : "";
    return `  ${pad(x.s.id, 8)}${pad(x.s.name, nameW)}${pad(usd0(x.s.total), 14, true)}${pad((x.change > 0 ? "+" : "") + usd0(x.change), 14, true)}${pad(pct, 8, true)}${x.s.adjustment ? "  " + x.s.adjustment : ""}`;
  };
  out.push("  Biggest gainers against current budgets");
  out.push(gainers.length ? gainers.map(row).join("\n") : "  (none)");
  out.push("");
  out.push("  Biggest losers against current budgets");
  out.push(losers.length ? losers.map(row).join("\n") : "  (none)");
  out.push("");
  return out.join("\n") + "\n";
}
