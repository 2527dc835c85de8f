import * as path from "path";
import { formatErrors } from "../words/errors";
import { sortErrors } from "../engine/parse";
import { analysePlanning, parsePlanning, planJson, withoutPlanSettingWarnings, type PlanAnalysis } from "../analysis/plan";
import { MAX_PLAN_YEARS } from "../analysis/parse/projections";
import { summaryJson } from "../report/summary";
import { planWarningText, savingsQuadrantText } from "../words/plan";
import type { InputError } from "../engine/types";
import { planningPlans } from "../report/planning";
import { saveWorkbook } from "../xlsx/save";
import { SKIPS_CHARTS } from "../xlsx/write";
import { extraSummary } from "./allocate";
import { readDistrict } from "./aroi";
import { EXIT_BAD_INPUT, EXIT_OK, parseArgs, type CliIO } from "./io";
import { withOutputs } from "./outputs";
import { guardFileOutputs, notCarriedIn, reportNotCarried, writeJsonStream } from "./pipeline";
import { count, wholeDollars } from "../engine/money";
import { parseWarningWords } from "../words/parseErrors";

export const PLAN_USAGE = `usage: sfs plan <district.xlsx> [--years <1-${MAX_PLAN_YEARS}>] [--out <result.xlsx>] [--json <summary.json>] [--quiet]`;

const usd0 = wholeDollars;

/** The readable summary printed by `sfs plan`. */
export function renderPlanText(p: PlanAnalysis): string {
  const out: string[] = [];
  const plan = p.plan;
  out.push(`Multi-year plan — ${plan.years.length} year${plan.years.length === 1 ? "" : "s"}, ${plan.schools.length} schools`);
  out.push("");
  const pad = (s: string, n: number, right = false) => (right ? s.padStart(n) : s.padEnd(n));
  out.push(`  ${pad("Year", 10)}${pad("Students", 10, true)}${pad("Revenue", 16, true)}${pad("Unlocked pool", 16, true)}${pad("To schools", 16, true)}${pad("Weights", 9, true)}${pad("Hold harmless", 15, true)}`);
  for (const y of plan.years) {
    const t = y.allocation.totals;
    out.push(
      `  ${pad(y.label, 10)}${pad(count(y.students), 10, true)}${pad(usd0(t.revenue), 16, true)}${pad(usd0(y.unlockedPool), 16, true)}${pad(usd0(t.schools), 16, true)}${pad(y.turnedOn ? "on" : "off", 9, true)}${pad(y.holdHarmless === null ? "none" : `${Math.round(y.holdHarmless * 1000) / 10}%`, 15, true)}`,
    );
  }
  if (plan.trigger !== null) {
    out.push("");
    out.push(`  Revenue trigger ${usd0(plan.trigger)}: weights turn on ${plan.triggerYear === null ? "not within the plan" : `in ${plan.years[plan.triggerYear - 1]?.label}`}.`);
  }
  if (p.shadow) {
    const s = p.shadow.totals;
    out.push("");
    out.push(`  Shadow notice (${plan.years[0]?.label}): ${s.gainers} schools would gain ${usd0(s.gain)} and ${s.losers} would give up ${usd0(s.loss)} with the formula turned on.`);
  }
  if (p.tree) {
    out.push("");
    out.push(`  Budget tree: ${usd0(p.tree.amount)} in ${p.tree.lines} lines; central ${usd0(p.tree.central)}, schools ${usd0(p.tree.schools)}.`);
    for (const a of p.tree.areas.slice(0, 8)) out.push(`    ${pad(a.name, 30)}${pad(usd0(a.amount), 16, true)}`);
  }
  if (p.savings) {
    const t = p.savings.totals;
    out.push("");
    out.push(`  Savings: ${t.count} opportunities, ${usd0(t.low)} to ${usd0(t.high)} a year (midpoint ${usd0(t.mid)}); committed ${usd0(t.committedLow)}.`);
    for (const r of p.savings.rows.slice(0, 5)) out.push(`    ${pad(String(r.rank ?? ""), 4)}${pad(r.opportunity.name, 48)}${pad(usd0(r.mid), 14, true)}  ease ${r.opportunity.ease}  ${r.quadrant === null ? "" : savingsQuadrantText(r.quadrant)}`);
  }
  if (p.funding && p.funding.priorities.length) {
    out.push("");
    out.push(`  Savings pay for: ${p.funding.priorities.map((x) => `${x.initiative} (${usd0(x.funded)}, ${x.extraStudents} more students)`).join("; ")}.`);
  }
  out.push("");
  return out.join("\n") + "\n";
}

/** `sfs plan`: multi-year plan, shadow notice, budget tree and savings screener; nothing is written on bad input. */
export async function runPlan(argv: string[], io: CliIO): Promise<number> {
  const { positional, options } = parseArgs(argv, ["quiet"]);
  const yearsText = options.years;
  const years = typeof yearsText === "string" && /^\d+$/.test(yearsText.trim()) ? Number(yearsText) : null;
  const badYears = yearsText !== undefined && (years === null || years < 1 || years > MAX_PLAN_YEARS);
  if (positional.length !== 1 || options.out === true || options.json === true || badYears) {
    io.stderr.write(`${PLAN_USAGE}\n`);
    return EXIT_BAD_INPUT;
  }
  const input = path.resolve(io.cwd, positional[0]);
  const { out, json } = await guardFileOutputs(io, [input], options);
  const fail = (errors: InputError[]) => {
    io.stderr.write(`sfs: ${path.basename(input)} cannot be planned; nothing was written.\n${formatErrors(sortErrors(errors))}\n`);
    return EXIT_BAD_INPUT;
  };
  const read = await readDistrict(input);
  if (!read.ok) return fail(read.errors);
  const parsed = parsePlanning(read.tables, read.district, years === null ? {} : { years });
  const errors = [...read.errors, ...parsed.errors];
  if (errors.length || !read.district) return fail(errors);

  const analysis = analysePlanning(read.district, parsed.planning);
  if (analysis.plan.errors.length) return fail(analysis.plan.errors);
  const first = analysis.plan.years[0].allocation;

  const notCarried = out || json ? await notCarriedIn(input) : [];
  const notes: string[] = [];
  await withOutputs(async (outputs) => {
    // The summary first, streamed: its objects are garbage before the workbook is built.
    if (json) await outputs.stageWith(json, (temp) => writeJsonStream(temp, { ...summaryJson(first), ...extraSummary(first), ...planJson(analysis, planWarningText, savingsQuadrantText), notCarried }));
    if (out) notes.push(...(await outputs.stageWith(out, (temp) => saveWorkbook(temp, planningPlans(analysis), read.workbook))).notes);
    await outputs.commit();
  });
  reportNotCarried(io, notCarried, out);
  if (options.quiet !== true) for (const n of notes) io.stdout.write(`note: ${n}\n`);
  if (options.quiet !== true) {
    io.stdout.write(renderPlanText(analysis));
    for (const w of [...[...withoutPlanSettingWarnings(read.warnings), ...parsed.warnings].map(parseWarningWords), ...analysis.plan.warnings.map(planWarningText)]) io.stdout.write(`note: ${w}\n`);
    if (out) io.stdout.write(`Result workbook: ${out}${SKIPS_CHARTS ? " (charts are drawn by the Excel add-in; the .xlsx holds the tables they use)" : ""}\n`);
    if (json) io.stdout.write(`JSON summary: ${json}\n`);
  }
  return EXIT_OK;
}
