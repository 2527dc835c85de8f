/** The Rates sheet: the district's figures, locked — the $ per pupil matrix, weights, each source's rates, sources, policy and this school's bounds. */
import type { Allocation } from "../../engine/types";
import { CALCULATOR_SETTINGS, settingValue } from "../settings";
import type { Layout, Sheet } from "./layout";
import { dollars } from "../../engine/money";


function matrices(sheet: Sheet, a: Allocation, names: Layout["names"], r: number): number {
  const d = a.district;
  const grid = (title: string, cell: (l: number, k: number) => number, note?: string, name?: (level: string, category: string) => string): void => {
    sheet.text(r++, 0, title, "subtitle");
    sheet.text(r, 0, "Level", "header");
    a.matrix.categories.forEach((c, k) => sheet.text(r, 1 + k, c, "header"));
    r++;
    d.levels.forEach((level, l) => {
      sheet.text(r, 0, level, "label");
      a.matrix.categories.forEach((c, k) => {
        sheet.value(r, 1 + k, cell(l, k), "decimal4");
        if (name) sheet.define(name(level, c), r, 1 + k);
      });
      r++;
    });
    if (note) sheet.text(r++, 0, note, "note");
    r++;
  };
  grid("District $ per pupil, all sources (a school eligible for every source)", (l, k) => Math.round(a.matrix.perPupil[l][k] * 100) / 10000, undefined, (level, c) => names.take("Rate", level, c));
  grid(`Weights (relative to the ${d.levels[0] ?? "first level"} base)`, (l, k) => Math.round(a.matrix.weights[l][k] * 10000) / 10000, `Each cell's $ per pupil (all sources) ÷ the ${d.levels[0] ?? "first level"} base $ per pupil.`);
  return r;
}

function sourceRates(sheet: Sheet, L: Layout, a: Allocation, r: number): number {
  const cats = a.matrix.categories;
  sheet.text(r++, 0, "$ per pupil by source (the rates the Budget lines use, in whole cents)", "subtitle");
  ["Source", "Level", ...cats].forEach((h, k) => sheet.text(r, k, h, "header"));
  sheet.text(r, 2 + cats.length, "How the rate is set", "header");
  r++;
  for (const s of L.m.sources) {
    const levels = L.m.levels.filter((l) => s.lines.some((x) => x.levelIndex === l));
    levels.forEach((l, n) => {
      sheet.text(r, 0, s.name, n === 0 ? "label" : undefined);
      sheet.text(r, 1, a.district.levels[l]);
      for (const line of s.lines.filter((x) => x.levelIndex === l)) L.constantAt(sheet, r, 2 + line.category, line.rateId);
      const base = a.sources[s.index].base;
      if (n === 0) sheet.text(r, 2 + cats.length, base !== null ? `Solved: ${dollars(Math.round(base))} per weighted pupil × the cell's weight, in whole cents.` : "Fixed $ per pupil (this source's part of each cell's cost).", "note");
      r++;
    });
  }
  return r + 1;
}

function sources(sheet: Sheet, L: Layout, a: Allocation, r: number): number {
  const { m } = L;
  sheet.text(r++, 0, "Sources", "subtitle");
  ["Source", "Status", "Restricted", "Funds", "Eligible", "Foundation per school", "Share of general money", "Shortfall", "Note"].forEach((h, k) => sheet.text(r, k, h, "header"));
  r++;
  for (const s of m.sources) {
    sheet.text(r, 0, s.name, "label");
    [a.sources[s.index].status, s.restricted ? "Yes" : "No", s.funds, s.eligibleText].forEach((v, k) => sheet.text(r, 1 + k, v));
    if (s.foundationId) L.constantAt(sheet, r, 5, s.foundationId);
    const share = m.constants.find((c) => c.kind === "share" && c.sourceIndex === s.index);
    if (share) L.constantAt(sheet, r, 6, share.id);
    else if (s.general && m.adjust) sheet.text(r, 6, "The rest", "note");
    if (s.shortfallId) L.constantAt(sheet, r, 7, s.shortfallId);
    const note = s.grant ? "Grant: paid on top of the other sources; never counted toward floors or caps." : s.general ? "General money: pays the foundation and moves with phase-in, floors and caps." : "Restricted or targeted: never moved by floors or caps.";
    sheet.text(r++, 8, note, "note");
  }
  for (const u of m.unavailable) {
    sheet.text(r, 0, u.name, "label");
    sheet.text(r, 1, a.sources[u.index].status);
    sheet.text(r++, 4, `Not available to this school: ${u.reason}`, "note");
  }
  return r + 1;
}

function policy(sheet: Sheet, L: Layout, a: Allocation, r: number): number {
  const p = a.district.policy;
  sheet.text(r++, 0, "Policy settings and this school's bounds", "subtitle");
  ["Setting", "Value", "Note"].forEach((h, k) => sheet.text(r, k, h, "header"));
  r++;
  const row = (label: string, write: (row: number) => void, note?: string): void => {
    sheet.text(r, 0, label, "label");
    write(r);
    if (note) sheet.text(r, 2, note, "note");
    r++;
  };
  const phase = L.m.constants.find((c) => c.kind === "phaseIn");
  for (const spec of CALCULATOR_SETTINGS) {
    const { v, fmt } = settingValue(spec, p);
    const live = spec.key === "phaseIn" ? phase : spec.key === "normAdjustment" ? L.m.constants.find((c) => c.kind === "normShare") : undefined;
    row(spec.label, (x) => (live ? L.constantAt(sheet, x, 1, live.id) : fmt ? sheet.value(x, 1, v as number, fmt) : sheet.text(x, 1, String(v))), live?.note ?? spec.help);
  }
  for (const kind of ["attendance", "factor", "current", "minimum", "floor", "ceiling", "normBudget", "carryOver", "districtMove"] as const) {
    for (const c of L.m.constants.filter((x) => x.kind === kind)) row(c.label, (x) => L.constantAt(sheet, x, 1, c.id), c.note);
  }
  if (!L.m.constants.some((x) => x.kind === "factor")) row("Budget-neutral factor on general money", (x) => sheet.value(x, 1, 1, "decimal4"), "No phase-in, floor or cap moves this school's money.");
  return r + 1;
}

export function ratesSheet(sheet: Sheet, L: Layout, a: Allocation, notes: string[]): void {
  sheet.text(0, 0, "Rates — set by the district for every school (locked)", "title");
  sheet.text(1, 0, "These figures come from the district's allocation of all schools and are held fixed here; the notes below say what that means when your counts change.", "note");
  let r = matrices(sheet, a, L.names, 3);
  r = sourceRates(sheet, L, a, r);
  r = sources(sheet, L, a, r);
  r = policy(sheet, L, a, r);
  sheet.text(r++, 0, "What this workbook holds fixed", "subtitle");
  for (const n of notes) sheet.text(r++, 0, n, "note");
}
