/**
 * The stakeholder survey in words: its flags and readings (what the answers say), from the analysis's codes and
 * figures, and the example statements the blank template ships (the guidebook's ideas in this tool's own words).
 */
import { LOW_MEAN, type SurveyFlag, type SurveyReading } from "../analysis/survey";

/** Example statements, answered 1 (strongly disagree) to 4 (strongly agree), by component, in template order. */
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

/** "principals", "teachers", "School Site Council members", … for readings. */
export function rolePlural(role: string): string {
  switch (role) {
    case "Teacher":
      return "teachers";
    case "Principal":
      return "principals";
    case "School Site Council":
      return "School Site Council members";
    case "Parent":
      return "parents";
    case "Central Office":
      return "central office staff";
    default:
      return `${role} respondents`;
  }
}

/** 0.41 → "41%". */
export function pctText(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** An agreement change in points: "down 12 points", "up 3 points", "unchanged". */
export function pointsText(change: number): string {
  const p = Math.round(change * 100);
  if (p === 0) return "unchanged";
  return `${p < 0 ? "down" : "up"} ${Math.abs(p)} point${Math.abs(p) === 1 ? "" : "s"}`;
}

/** A flag as printed (sheet, CLI, pane): agreement that fell, overall or for one role, or a low mean. */
export function surveyFlagText(f: SurveyFlag): string {
  switch (f.kind) {
    case "agreement fell": {
      const who = f.role === null ? "" : ` of ${rolePlural(f.role)}`;
      return `${f.component}: ${pctText(f.agree ?? 0)}${who} agree in ${f.wave}, ${pointsText(f.value)} since ${f.from ?? ""}.`;
    }
    case "low mean":
      return `${f.component}: the mean answer in ${f.wave} is ${f.value.toFixed(2)} of 4, below ${LOW_MEAN} (more disagree than agree).`;
  }
}

/** A reading as printed (sheet, CLI, pane). */
export function surveyReadingText(r: SurveyReading): string {
  switch (r.code) {
    case "suppressed":
      return `${r.component}: only ${r.n} answer${r.n === 1 ? "" : "s"} in ${r.wave}, fewer than ${r.minimumGroup}, so the result is not shown.`;
    case "component": {
      const since = r.change ? `, ${pointsText(r.change.agreeChange)} since ${r.change.from}` : "";
      return `${r.component}: ${pctText(r.agree)} agree in ${r.wave} (mean ${r.mean.toFixed(2)} of 4, ${r.n} answers)${since}.`;
    }
    case "itemFell":
      return `${r.component}: ${pctText(r.agree)} of ${rolePlural(r.role)} agree that “${r.item.replace(/[.!]\s*$/, "")}”, ${pointsText(r.agreeChange)} since ${r.from}.`;
    case "flag":
      return surveyFlagText(r.flag);
  }
}
