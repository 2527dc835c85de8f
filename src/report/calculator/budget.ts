/**
 * The Budget sheet: live formulas, the same lines as the district's allocation for this school (foundation,
 * count × $ per pupil, shortfall, adjustment), by source; then the totals, the rules, the comparison and the
 * shadow notice. Nothing is added that is not a labelled line.
 */
import type { CalcSource } from "./model";
import { a1 } from "../names";
import type { Layout, Sheet } from "./layout";

/**
 * Words next to the total: at the projected counts it equals the district's allocation (the engine rounds each
 * school's budget-neutral amount alone, by this calculator's formula); with other counts, why it may differ
 * (each < 255 characters, no double quotes).
 */
export const DIFFERENCE_SENTENCES = {
  same: "At the district's projected counts this budget equals the district's allocation for this school, to the cent.",
  changed: "Your counts differ from the district's projection: this is the district's rule with its rates, factor and shares held fixed. A full re-run would re-solve them from every school's counts, so it could differ slightly.",
} as const;

/** The sentence for a count of changed inputs. */
export function differenceSentence(countsChanged: number): string {
  return countsChanged > 0 ? DIFFERENCE_SENTENCES.changed : DIFFERENCE_SENTENCES.same;
}

/** The live formula choosing that sentence. */
export function differenceFormula(changed: string): string {
  const S = DIFFERENCE_SENTENCES;
  return `IF(${changed}>0,"${S.changed}","${S.same}")`;
}

/** The adjustment line's labels by rule code (0 none, 1 floor, 2 cap, 3 factor or phase-in, or the revenue trigger). */
function ruleTexts(weightsOn: boolean): string[] {
  const moved = weightsOn ? "Phase-in and budget-neutral factor" : "Revenue trigger not reached: current budget scaled to the pool";
  return ["No adjustment", "Held at the floor (hold harmless / MOB)", "Held at the gain cap", moved];
}

/** The adjustment line's live label from the rule code. */
function ruleLabel(rule: string, weightsOn: boolean): string {
  const t = ruleTexts(weightsOn);
  return `IF(${rule}=1,"${t[1]}",IF(${rule}=2,"${t[2]}",IF(${rule}=3,"${t[3]}","${t[0]}")))`;
}

function sourceBlock(sheet: Sheet, L: Layout, s: CalcSource, r: number): number {
  const { m } = L;
  sheet.text(r++, 0, s.name, "subtitle");
  if (s.foundationId) {
    sheet.text(r, 0, "Foundation per school", "label");
    L.show(sheet, r++, 5, s.foundationId);
  }
  if (s.eligibleId) {
    sheet.text(r, 0, "Eligible (1 = yes): the source's rule on need shares, from your counts; each line below is × this", "label");
    L.quantityAt(sheet, r++, 5, s.eligibleId);
  }
  for (const line of s.lines) {
    const input = m.inputs.find((x) => x.id === line.inputId);
    sheet.text(r, 1, input?.level ?? "");
    sheet.text(r, 2, line.category === 0 ? "Base (all students)" : m.categories[line.category]);
    L.show(sheet, r, 3, line.inputId, "integer");
    L.show(sheet, r, 4, line.rateId);
    L.quantityAt(sheet, r++, 5, line.id);
    if (line.attendance) {
      // Funded on average daily attendance: the difference ADA − enrolled at the same $ per pupil, its own line.
      sheet.text(r, 1, input?.level ?? "");
      sheet.text(r, 2, "Base on attendance (ADA − enrolled)");
      L.show(sheet, r, 3, line.attendance.differenceId, "decimal2");
      L.show(sheet, r, 4, line.rateId);
      L.quantityAt(sheet, r++, 5, line.attendance.id);
    }
  }
  if (s.formulaId) {
    sheet.text(r, 0, "Formula: sum of the lines", "label");
    L.quantityAt(sheet, r++, 5, s.formulaId);
  }
  if (s.shortfallId) {
    sheet.text(r, 0, "What the source's pool cannot pay of its fixed $ per pupil", "label");
    sheet.formula(r++, 5, `-${L.ref(sheet, s.shortfallId)}`, -L.val(s.shortfallId), "currency");
  }
  sheet.text(r, 0, "Before phase-in, floors and caps", "label");
  L.quantityAt(sheet, r++, 5, s.amountId);
  if (s.moveId && m.adjust) {
    const rule = L.val(m.adjust.ruleId);
    const ruleId = m.adjust.ruleId;
    L.formulaLater(sheet, r, 0, (ref) => ruleLabel(ref(ruleId), m.weightsOn), ruleTexts(m.weightsOn)[rule] ?? ruleTexts(m.weightsOn)[0], undefined, "label");
    L.quantityAt(sheet, r++, 5, s.moveId);
  }
  sheet.text(r, 0, `${s.name}: budget`, "total");
  L.quantityAt(sheet, r, 5, s.budgetId, "total");
  sheet.define(L.names.take("Budget", s.name), r, 5);
  return r + 2;
}

function linesPart(sheet: Sheet, L: Layout, r: number): number {
  sheet.text(r++, 0, "1. Lines, source by source: students × $ per pupil = amount (rounded half up to the rounding unit)", "subtitle");
  ["Line", "Level", "Category", "Students counted", "$ per pupil", "Amount"].forEach((h, k) => sheet.text(r, k, h, "header"));
  r++;
  sheet.text(r, 0, "Students", "label");
  L.quantityAt(sheet, r++, 3, L.m.ids.students);
  const att = L.m.attendance;
  if (att) {
    sheet.text(r, 0, "Attendance rate (locked, see Rates): Base students at these levels are funded on average daily attendance", "label");
    L.show(sheet, r++, 3, att.rateId, "percent2");
    for (const x of att.levels) {
      sheet.text(r, 0, L.label(x.adaId), "label");
      L.quantityAt(sheet, r++, 3, x.adaId);
      sheet.text(r, 0, L.label(x.differenceId), "label");
      L.quantityAt(sheet, r++, 3, x.differenceId);
    }
  }
  for (const id of Object.values(L.m.ids.shares)) {
    sheet.text(r, 0, L.label(id), "label");
    L.quantityAt(sheet, r++, 5, id);
  }
  r++;
  for (const s of L.m.sources) r = sourceBlock(sheet, L, s, r);
  if (L.m.unavailable.length) sheet.text(r++, 0, `Not available to this school: ${L.m.unavailable.map((u) => `${u.name} (${u.reason})`).join("; ")}.`, "note");
  return r + 1;
}

function summaryPart(sheet: Sheet, L: Layout, r: number): number {
  const { m } = L;
  sheet.text(r++, 0, "2. By source", "subtitle");
  ["Source", "Before phase-in, floors, caps", "Adjustment", "Budget"].forEach((h, k) => sheet.text(r, k, h, "header"));
  r++;
  const top = r;
  for (const s of m.sources) {
    sheet.text(r, 0, s.name, "label");
    L.show(sheet, r, 1, s.amountId);
    if (s.moveId) L.show(sheet, r, 2, s.moveId);
    L.show(sheet, r++, 3, s.budgetId);
  }
  sheet.text(r, 0, "Total", "total");
  if (r > top) {
    const sum = (c: number, ids: (string | null)[]) => sheet.formula(r, c, `SUM(${a1(top, c)}:${a1(r - 1, c)})`, Math.round(ids.reduce((x, id) => x + (id ? L.val(id) : 0), 0) * 100) / 100, "currency", "total");
    sum(1, m.sources.map((s) => s.amountId));
    sum(2, m.sources.map((s) => s.moveId));
  }
  L.quantityAt(sheet, r, 3, m.ids.total, "total");
  const changed = L.ref(sheet, m.ids.countsChanged);
  L.quantityAt(sheet, r + 1, 3, m.ids.districtDifference);
  sheet.text(r + 1, 0, "Difference from the district's allocation", "label");
  sheet.formula(r, 4, differenceFormula(changed), differenceSentence(L.val(m.ids.countsChanged)), undefined, "note");
  return r + 3;
}

function adjustPart(sheet: Sheet, L: Layout, r: number): number {
  const { m } = L;
  sheet.text(r++, 0, "3. Phase-in, floors and caps (general money only, budget-neutral; grants are paid on top)", "subtitle");
  const row = (id: string | null, note?: string): void => {
    if (!id) return;
    sheet.text(r, 0, L.label(id), "label");
    L.quantityAt(sheet, r, 5, id);
    if (note) sheet.text(r, 6, note, "note");
    r++;
  };
  row(m.ids.generalAmount, "Unlocked, unrestricted sources that fund the whole formula in every school");
  row(m.ids.otherAmount, "Never moved by phase-in, floors or caps");
  row(m.ids.grantAmount, "Supplement, not supplant: never counted toward floors or caps");
  const ad = m.adjust;
  if (!ad) {
    sheet.text(r++, 0, "No phase-in, floor or cap applies to this school: its formula amount is its budget.", "note");
    return r + 1;
  }
  row(ad.formulaTotalId);
  row(ad.targetId, "current + phase-in × (formula − current)");
  const normBudget = m.constants.find((c) => c.kind === "normBudget");
  if (normBudget && ad.normId) {
    sheet.text(r, 0, normBudget.label, "label");
    L.show(sheet, r, 5, normBudget.id);
    sheet.text(r++, 6, "Given by the district (Rates)", "note");
  }
  row(ad.normId, "Norm_Adjustment × (Norm_Budget − formula total), rounded to the unit: its own line, budget-neutral");
  row(ad.normTargetId);
  row(ad.generalTargetId);
  const factor = m.constants.find((c) => c.kind === "factor");
  if (factor) {
    sheet.text(r, 0, factor.label, "label");
    L.show(sheet, r, 5, factor.id);
    sheet.text(r++, 6, "District-wide, fixed (see Rates)", "note");
  }
  row(ad.lowId);
  row(ad.highId);
  row(ad.generalFinalId, "factor × target, kept between the floor and the cap, rounded to the unit");
  row(ad.changeId, ad.districtChangeId ? "split across the general sources (the adjustment lines above):" : "the general source's adjustment line above");
  row(ad.districtChangeId, "each source's part as the district split it (Rates)");
  row(ad.changeBeyondId, "split by the sources' district shares, rounded to the unit, and added to those parts; the last source takes what is left");
  row(ad.ruleId);
  return r + 1;
}

function comparisonPart(sheet: Sheet, L: Layout, r: number): number {
  const { m } = L;
  sheet.text(r++, 0, "4. Comparison", "subtitle");
  const line = (label: string, id: string | null, style?: "total"): void => {
    if (!id) return;
    sheet.text(r, 0, label, "label");
    L.show(sheet, r++, 5, id, undefined, style);
  };
  const row = (id: string | null): void => {
    if (!id) return;
    sheet.text(r, 0, L.label(id), "label");
    L.quantityAt(sheet, r++, 5, id);
  };
  line("Total budget", m.ids.total, "total");
  // The prior year's balance: a locked figure and a live total, each its own line below the budget.
  if (m.ids.carryOver && m.ids.available) {
    sheet.text(r, 0, L.label(m.ids.carryOver), "label");
    L.show(sheet, r, 5, m.ids.carryOver);
    sheet.text(r++, 6, "Given by the district (Rates); not part of this year's budget", "note");
    sheet.text(r, 0, L.label(m.ids.available), "label");
    L.quantityAt(sheet, r, 5, m.ids.available, "total");
    sheet.text(r++, 6, "Total budget + carried from the prior year", "note");
  }
  row(m.ids.perPupil);
  const k = (kind: string) => m.constants.find((c) => c.kind === kind)?.id ?? null;
  line("Current budget", k("current"));
  row(m.ids.changeVsCurrent);
  row(m.ids.changePercent);
  line("Minimum operating budget (MOB)", k("minimum"));
  row(m.ids.aboveMinimum);
  row(m.ids.withoutGrants);
  line("This school's floor", k("floor"));
  row(m.ids.aboveFloor);
  line("This school's cap", k("ceiling"));
  sheet.text(r, 0, "The district's full allocation for this school (projected counts)", "label");
  L.constantAt(sheet, r++, 5, m.ids.districtTotal);
  return r + 1;
}

function shadowPart(sheet: Sheet, L: Layout, r: number): void {
  const { m } = L;
  sheet.text(r++, 0, "5. The formula fully turned on (shadow notice)", "subtitle");
  sheet.text(r, 0, "Every source before phase-in, floors and caps", "label");
  L.quantityAt(sheet, r, 5, m.ids.turnedOn, "total");
  sheet.text(r++, 6, "What the weighted formula gives this school before any transition rule", "note");
  sheet.text(r, 0, "Your budget this year", "label");
  L.show(sheet, r++, 5, m.ids.total);
  sheet.text(r, 0, "Gap (turned on − this year)", "label");
  L.quantityAt(sheet, r, 5, m.ids.shadowGap);
  sheet.text(r, 6, "More than 0: the school would gain with the formula turned on; less than 0: a transition rule protects it this year", "note");
}

export function budgetSheet(sheet: Sheet, L: Layout, title: string): void {
  sheet.text(0, 0, `Budget — ${title}`, "title");
  sheet.text(1, 0, "Every figure is a formula of the Inputs and the Rates: the same lines as the district's allocation. Change the counts on Inputs and this sheet follows; the total is named Total_Budget.", "note");
  let r = linesPart(sheet, L, 3);
  r = summaryPart(sheet, L, r);
  r = adjustPart(sheet, L, r);
  r = comparisonPart(sheet, L, r);
  shadowPart(sheet, L, r);
}
