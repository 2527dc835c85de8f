/**
 * What drives a school's budget, in plain sentences for the calculator's cover sheet: built from the engine's
 * explanation lines (data) at the district's projected counts.
 */
import { calculatorContext, type CalculatorContext } from "../engine/calculator";
import { count, wholeDollars } from "../engine/money";
import type { Allocation } from "../engine/types";
import { adjustmentWords, AVAILABLE_LABEL, CARRIED_LABEL } from "./allocation";

const usd = wholeDollars;

/** The calculator's carried figure (its locked constant and the Cover's line): the shared label with what the sign means. */
export const CARRIED_SIGNED_LABEL = `${CARRIED_LABEL} (+ surplus, − deficit)`;
/** The calculator's live available figure, in full (its Budget row) and as the Cover shows it. */
export const AVAILABLE_FULL_LABEL = `${AVAILABLE_LABEL} (this year's budget + ${CARRIED_LABEL.toLowerCase()})`;
export const AVAILABLE_COVER_LABEL = `${AVAILABLE_LABEL} (this year's budget + carried)`;

/** What drives the school's budget, in plain sentences (from the engine's explanation lines at the projected counts). */
export function calculatorDrivers(a: Allocation, schoolIndex: number, ctx: CalculatorContext = calculatorContext(a)): string[] {
  const school = a.schools[schoolIndex];
  const lines = ctx.lines(schoolIndex);
  const out: string[] = [];
  const byCat = new Map<string, number>();
  let foundation = 0;
  let adjustment = 0;
  let shortfall = 0;
  for (const l of lines) {
    if (l.kind === "foundation") foundation += l.amount;
    else if (l.kind === "adjustment") adjustment += l.amount;
    else if (l.kind === "shortfall") shortfall += l.amount;
    else if (l.category) byCat.set(l.category, (byCat.get(l.category) ?? 0) + l.amount);
  }
  const total = school.total;
  const pct = (x: number): string => (total > 0 ? `${Math.round((x / total) * 100)}%` : "0%");
  out.push(`${school.name} receives ${usd(total)} for ${count(school.students)} students (${usd(school.perPupil)} per student).`);
  const base = byCat.get("Base") ?? 0;
  if (base) out.push(`${usd(base)} (${pct(base)}) follows every student: the base $ per pupil for each schooling level.`);
  const needs = [...byCat.entries()].filter(([c]) => c !== "Base" && byCat.get(c));
  if (needs.length) {
    const sumNeeds = needs.reduce((x, [, v]) => x + v, 0);
    out.push(`${usd(sumNeeds)} (${pct(sumNeeds)}) follows students with extra needs: ${needs.map(([c, v]) => `${c} ${usd(v)}`).join(", ")}.`);
  }
  const attendance = lines.filter((l) => l.kind === "attendance");
  if (attendance.length) {
    const diff = attendance.reduce((x, l) => x + l.amount, 0);
    const rate = a.district.schools[schoolIndex].attendance ?? 0;
    out.push(`Base students at ${[...new Set(attendance.map((l) => l.level))].join(" and ")} are funded on average daily attendance (${Math.round(rate * 10000) / 100}% of enrollment): the attendance lines (ADA − enrolled, at the same $ per pupil) come to ${usd(diff)}, already counted in the base above.`);
  }
  if (shortfall) out.push(`${usd(-shortfall)} of the fixed $ per pupil lines cannot be paid: the sources' pools are smaller than the formula's cost.`);
  if (foundation) out.push(`${usd(foundation)} (${pct(foundation)}) is the foundation every school receives before the formula.`);
  if (adjustment) out.push(`${adjustmentWords(school.adjustment ?? "Rescaled")}: ${adjustment > 0 ? "+" : ""}${usd(adjustment)}.`);
  if (school.current !== null) {
    const change = total - school.current;
    out.push(`Compared with the current budget of ${usd(school.current)}, that is ${change >= 0 ? "an increase" : "a decrease"} of ${usd(Math.abs(change))}${school.current > 0 ? ` (${((change / school.current) * 100).toFixed(1)}%)` : ""}.`);
  }
  const grants = a.sources.reduce((x, s) => x + (s.grant ? s.bySchool[schoolIndex] : 0), 0);
  if (grants) out.push(`${usd(grants)} comes from grants, paid on top of the other sources (they supplement, never supplant, the school's other money).`);
  const restricted = a.sources.reduce((x, s) => x + (s.restricted ? s.bySchool[schoolIndex] : 0), 0);
  if (restricted) out.push(`${usd(restricted)} of the total comes from restricted sources, which may only be spent on what they fund (see the School Plan sheet).`);
  return out;
}
