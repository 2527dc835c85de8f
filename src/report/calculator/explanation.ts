/** The Explanation sheet: the computation step by step, the terms with this district's settings, the sources and what is held fixed. */
import { adaLevelNames } from "../../engine/allocate/attendance";
import { adjustmentWords, CARRIED_LABEL } from "../../words/allocation";
import { hasCarryOver } from "../../engine/allocate/carryOver";
import { normShare } from "../../engine/allocate/normAdjustment";
import { describeEligibility } from "../../words/eligibility";
import type { Allocation } from "../../engine/types";
import type { Sheet } from "./layout";
import { dollars } from "../../engine/money";

const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;

function steps(p: Allocation["district"]["policy"]): string[] {
  const ada = adaLevelNames(p);
  return [
    "1. Students: each student counts once at their schooling level, and again in each need category that applies (Inputs).",
    "2. $ per pupil: each revenue source pays a whole-cent $ amount per pupil in each level and category (Rates). In a weighted formula it is the source's base $ per weighted pupil × the cell's weight.",
    `3. Lines: students × $ per pupil, rounded half up to ${p.rounding === "dollar" ? "whole dollars" : "the cent"} (Budget, part 1) — any line can be checked with a desktop calculator. A source's formula is the sum of its lines.`,
    ...(ada.length
      ? [
          `3a. Average daily attendance (${ada.join(", ")}): the base students at these levels are funded on attendance, not enrollment. ADA students = ROUND(enrolled × this school's attendance rate, 2); the difference ADA − enrolled (zero or negative) is its own line at the same $ per pupil. Need counts (poverty, English learners…) stay as counted. Because the district's pool is fixed, paying on attendance raises every school's $ per pupil.`,
        ]
      : []),
    `4. Foundation: ${p.foundationPerSchool > 0 ? `every school with students receives ${dollars(p.foundationPerSchool)} before the formula, paid by the general sources` : "none in this district"}.`,
    "5. Phase-in, floors and caps then move general money only (Budget, part 3), each source's part on its own adjustment line; restricted money stays with its purpose and grants are paid on top.",
    "6. The total never falls below this school's floor nor rises above its cap (grants, paid on top, aside).",
  ];
}

function terms(a: Allocation): string[] {
  const p = a.district.policy;
  return [
    "Weighted student funding: money follows students, with more for students who cost more to educate (weights).",
    `Hold harmless: ${p.holdHarmless === null ? "not used by this district." : `no school receives less than ${pct(p.holdHarmless)} of its current budget (grants, paid on top, aside).`}`,
    `Phase-in: ${p.phaseIn >= 1 ? "not used (the full formula applies this year)." : `this year a school moves ${pct(p.phaseIn)} of the way from its current budget to its formula amount.`}`,
    "MOB (minimum operating budget): the least a school needs to open its doors; a school's total is topped up to it.",
    `Gain cap: ${p.gainCap === null ? "not used by this district." : `no school's budget grows by more than ${pct(p.gainCap)} over its current budget (grants, paid on top, aside).`}`,
    "Budget-neutral factor: floors and caps cost money that has to come from somewhere; the district scales the general money of the schools not held at a floor or cap by one common factor so that the total stays the same.",
    ...(normShare(a.district) > 0
      ? [`Norm-based adjustment: a school with a norm budget (what its staffing norms cost) is moved ${pct(normShare(a.district))} of the way from its formula money towards it, before the budget-neutral factor, so the other schools pay for it. It can undo part of the formula's equity, which is why it is its own figure.`]
      : []),
    ...(hasCarryOver(a.district) ? [`${CARRIED_LABEL}: the school's own surplus (+) or deficit (−) from last year. It is not part of this year's budget; available to spend = budget + carried.`] : []),
    "Restricted money: categorical funds may only pay for the students or purposes they are meant for (see the School Plan checks). Grants supplement, never supplant: they are paid on top of the other sources.",
  ];
}

export function explanationSheet(sheet: Sheet, a: Allocation, schoolIndex: number, notes: string[], contact: string): void {
  sheet.text(0, 0, "How this budget is computed", "title");
  let r = 2;
  const para = (t: string, style?: "subtitle" | "label"): void => sheet.text(r++, 0, t, style);
  const section = (title: string, lines: string[]): void => {
    para(title, "subtitle");
    lines.forEach((t) => para(t));
    r++;
  };
  section("Step by step", steps(a.district.policy));
  const adj = a.schools[schoolIndex].adjustment;
  section("What the terms mean", adj ? [...terms(a), `This school: ${adjustmentWords(adj)}.`] : terms(a));
  section("Sources and who may receive them", a.sources.map((s, k) => `${s.name}: ${s.status}${s.restricted ? ", restricted" : ""}; funds ${s.funds}; ${describeEligibility(a.district.sources[k].eligible)}.`));
  section("What this workbook holds fixed, and when it differs from a full re-run", notes);
  para("District contact", "label");
  para(contact);
}
