/** The Cover sheet: the total with the words on how it compares with the district's allocation, the shadow notice and what drives the budget. */
import { adjustmentWords } from "../../words/allocation";
import { AVAILABLE_COVER_LABEL, CARRIED_SIGNED_LABEL } from "../../words/calculator";
import type { Allocation } from "../../engine/types";
import { differenceFormula, differenceSentence } from "./budget";
import type { Layout, Sheet } from "./layout";

/**
 * The shadow notice in one plain sentence for each sign of the gap (a live formula on the Cover picks one; each is
 * kept under Excel's 255-character limit for a text in a formula, and free of double quotes).
 */
export const SHADOW_SENTENCES = {
  gain: "With the formula fully turned on, this school would receive more than its budget this year: phase-in, the gain cap or the budget-neutral factor holds the difference back for now.",
  loss: "With the formula fully turned on, this school would receive less than its budget this year: hold harmless, the minimum operating budget, phase-in or the budget-neutral factor protects it for now.",
  none: "This school's budget this year is already its full formula amount: no transition rule moves it.",
} as const;

/** The sentence the Cover shows for a gap (dollars). */
export function shadowSentence(gap: number): string {
  return gap > 0 ? SHADOW_SENTENCES.gain : gap < 0 ? SHADOW_SENTENCES.loss : SHADOW_SENTENCES.none;
}

function headline(sheet: Sheet, L: Layout, r: number): number {
  const { m } = L;
  sheet.text(r, 0, "This school's budget", "label");
  L.show(sheet, r, 1, m.ids.total, "currency", "total");
  sheet.formula(r + 1, 0, differenceFormula(L.ref(sheet, m.ids.countsChanged)), differenceSentence(L.val(m.ids.countsChanged)), undefined, "note");
  r += 2;
  const rows: [string, string | null][] = [
    ["The district's allocation at the projected counts", m.ids.districtTotal],
    [CARRIED_SIGNED_LABEL, m.ids.carryOver],
    [AVAILABLE_COVER_LABEL, m.ids.available],
    ["Current budget", m.constants.find((c) => c.kind === "current")?.id ?? null],
    ["Change vs current", m.ids.changeVsCurrent],
    ["Change vs current (%)", m.ids.changePercent],
    ["Students", m.ids.students],
    ["Budget per student", m.ids.perPupil],
  ];
  for (const [label, id] of rows) {
    if (!id) continue;
    sheet.text(r, 0, label, "label");
    L.show(sheet, r++, 1, id);
  }
  return r + 1;
}

function shadow(sheet: Sheet, L: Layout, a: Allocation, r: number): number {
  const { m } = L;
  const school = a.schools[m.schoolIndex];
  sheet.text(r++, 0, "Shadow notice: your budget with the formula fully turned on", "subtitle");
  for (const [label, id] of [["Your budget this year", m.ids.total], ["With the formula fully turned on", m.ids.turnedOn], ["Gap (turned on − this year)", m.ids.shadowGap]] as const) {
    sheet.text(r, 0, label, "label");
    L.show(sheet, r++, 1, id, "currency");
  }
  const gap = L.ref(sheet, m.ids.shadowGap);
  const S = SHADOW_SENTENCES;
  sheet.formula(r++, 0, `IF(${gap}>0,"${S.gain}",IF(${gap}<0,"${S.loss}","${S.none}"))`, shadowSentence(L.val(m.ids.shadowGap)));
  const rule = school.adjustment
    ? `At the district's projected counts the rule that applies is: ${adjustmentWords(school.adjustment).toLowerCase()}. The gap is what the district's transition rules (hold harmless, the minimum operating budget, the gain cap, phase-in and the budget-neutral factor) move this year.`
    : "At the district's projected counts no transition rule (hold harmless, the minimum operating budget, the gain cap, phase-in, the budget-neutral factor) moves this school's budget.";
  sheet.text(r++, 0, rule, "note");
  return r + 1;
}

export function coverSheet(sheet: Sheet, L: Layout, a: Allocation, title: string, drivers: string[]): void {
  sheet.text(0, 0, title, "title");
  sheet.text(1, 0, "School budget calculator: how this school's budget is computed, and what it would be with other enrolment.", "note");
  let r = headline(sheet, L, 3);
  r = shadow(sheet, L, a, r);
  sheet.text(r++, 0, "What drives it", "subtitle");
  for (const s of drivers) sheet.text(r++, 0, s);
  sheet.text(r++, 0, "These sentences describe the district's allocation at the projected counts; the figures above follow the Inputs sheet.", "note");
  r++;
  sheet.text(r++, 0, "How to use this workbook", "subtitle");
  [
    "1. Inputs: change the yellow cells (students by level and need). Nothing else can be edited.",
    "2. Budget: every line is students × $ per pupil, source by source, then the foundation, phase-in, floors and caps — the same lines as the district's allocation.",
    "3. School Plan: list your investments and fund each from the sources available to your school.",
    "4. Rates and Explanation: the district's figures and what each rule means.",
  ].forEach((t) => sheet.text(r++, 0, t));
}
