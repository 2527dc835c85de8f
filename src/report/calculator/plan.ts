/** The School Plan sheet (a simplified PBAR): investments funded source by source, with live checks. */
import type { CalcSource } from "./model";
import { a1, quoteSheet } from "../names";
import { columnPoints, pageWidth } from "../print";
import type { Layout, Sheet } from "./layout";

/** Short category codes for the School Plan ("GEN" for general money, then one per need: POV, EL, SE...). */
export function categoryCodes(needs: readonly string[]): string[] {
  const taken = new Set<string>(["GEN"]);
  const out = ["GEN"];
  for (const n of needs) {
    const words = n.split(/[^A-Za-z0-9]+/).filter((w) => w !== "");
    let code = words.length > 1 ? words.map((w) => w[0]).join("").toUpperCase() : (words[0] ?? "N").slice(0, 3).toUpperCase();
    if (code === "") code = "N";
    let c = code;
    for (let k = 2; taken.has(c); k++) c = `${code}${k}`;
    taken.add(c);
    out.push(c);
  }
  return out;
}

interface Grid {
  top: number;
  bottom: number;
  first: number;
  totalCol: number;
  checkCol: number;
}

function codeTable(sheet: Sheet, needs: readonly string[], codes: string[], funded: CalcSource[], r: number): { range: string; next: number } {
  sheet.text(r++, 0, "Category codes", "subtitle");
  ["Code", "Category", "Restricted sources limited to it"].forEach((h, k) => sheet.text(r, k, h, "header"));
  const top = ++r;
  codes.forEach((code, k) => {
    sheet.text(r, 0, code, "label");
    sheet.text(r, 1, k === 0 ? "General (any purpose; the base)" : needs[k - 1]);
    sheet.text(r++, 2, funded.filter((s) => s.restricted && s.category === k).map((s) => s.name).join(", ") || "—");
  });
  return { range: `$A$${top + 1}:$A$${r}`, next: r + 1 };
}

function available(sheet: Sheet, L: Layout, funded: CalcSource[], codes: string[], top: number, g: Grid): void {
  sheet.text(top, 0, "Money available by source", "subtitle");
  ["Source", "May pay for", "Available", "Planned", "Remaining", "Status"].forEach((h, k) => sheet.text(top + 1, k, h, "header"));
  funded.forEach((s, n) => {
    const r = top + 2 + n;
    const col = g.first + n;
    const v = L.val(s.budgetId);
    const place = L.places.get(s.budgetId) as { sheet: string; r: number; c: number };
    sheet.text(r, 0, s.name, "label");
    sheet.text(r, 1, s.restricted && s.category >= 0 ? codes[s.category] : "Any");
    sheet.formula(r, 2, `${quoteSheet(place.sheet)}!${a1(place.r, place.c, true)}`, v, "currency");
    sheet.formula(r, 3, `SUM(${a1(g.top, col)}:${a1(g.bottom, col)})`, 0, "currency");
    sheet.formula(r, 4, `ROUND(${a1(r, 2)}-${a1(r, 3)},2)`, v, "currency");
    sheet.formula(r, 5, `IF(${a1(r, 4)}<0,"Overspent","OK")`, v < 0 ? "Overspent" : "OK");
  });
  const end = top + 2 + funded.length;
  sheet.text(end, 0, "Total", "total");
  if (!funded.length) return;
  const sum = Math.round(funded.reduce((x, s) => x + L.val(s.budgetId), 0) * 100) / 100;
  for (const c of [2, 3, 4]) sheet.formula(end, c, `SUM(${a1(top + 2, c)}:${a1(end - 1, c)})`, c === 3 ? 0 : sum, "currency", "total");
  const status = `IF(COUNTIF(${a1(top + 2, 5)}:${a1(end - 1, 5)},"Overspent")>0,"A source is overspent","Within budget")`;
  sheet.formula(end, 5, status, funded.some((s) => L.val(s.budgetId) < 0) ? "A source is overspent" : "Within budget", undefined, "total");
}

function checkFormula(r: number, g: Grid, nFunded: number, restricted: { code: string; col: number }[], codeRange: string): string {
  const amounts = nFunded ? `${a1(r, g.first)}:${a1(r, g.totalCol - 1)}` : null;
  const code = a1(r, 1);
  const entries = `COUNTA(${a1(r, 0)}:${a1(r, 3)})${amounts ? `+COUNT(${amounts})` : ""}`;
  const wrong = restricted.length ? `IF(OR(${restricted.map((x) => `AND(N(${a1(r, x.col)})>0,${code}<>"${x.code}")`).join(",")}),"Restricted source used for an ineligible category","OK")` : `"OK"`;
  const ok = amounts ? `IF(MIN(${amounts})<0,"Amounts cannot be negative",${wrong})` : wrong;
  return `IF(${entries}=0,"",IF(${code}="","Give a category code",IF(COUNTIF(${codeRange},${code})=0,"Unknown category code",${ok})))`;
}

function investments(sheet: Sheet, funded: CalcSource[], codes: string[], g: Grid, codeRange: string): void {
  const header = g.top - 1;
  sheet.text(header - 1, 0, "Investments", "subtitle");
  ["Investment", "Category code", "Priority rank", "Goal"].forEach((h, k) => sheet.text(header, k, h, "header"));
  funded.forEach((s, n) => sheet.text(header, g.first + n, s.name, "header"));
  sheet.text(header, g.totalCol, "Total", "header");
  sheet.text(header, g.checkCol, "Check", "header");
  const restricted = funded.map((s, n) => ({ s, col: g.first + n })).filter((x) => x.s.restricted && x.s.category >= 0).map((x) => ({ code: codes[x.s.category], col: x.col }));
  for (let r = g.top; r <= g.bottom; r++) {
    const fmts = [undefined, "text", "integer", undefined] as const;
    fmts.forEach((fmt, c) => sheet.cells.push({ r, c, v: null, ...(fmt ? { fmt } : {}), style: "input", unlocked: true }));
    funded.forEach((_, n) => sheet.cells.push({ r, c: g.first + n, v: null, fmt: "currency", style: "input", unlocked: true }));
    if (funded.length) sheet.formula(r, g.totalCol, `SUM(${a1(r, g.first)}:${a1(r, g.totalCol - 1)})`, 0, "currency");
    sheet.formula(r, g.checkCol, checkFormula(r, g, funded.length, restricted, codeRange), "");
  }
}

/** Lays out the School Plan; returns the column widths. */
export function schoolPlanSheet(sheet: Sheet, L: Layout, needs: readonly string[], title: string, rows: number): Record<number, number> {
  const codes = categoryCodes(needs);
  const funded = L.m.sources.filter((s) => s.engine !== 0 || s.eligibleId !== null);
  sheet.text(0, 0, `School Plan — ${title}`, "title");
  sheet.text(1, 0, "List your investments (yellow cells) and fund each from the sources available to your school. The checks flag an overspent source, or restricted money used for a category it cannot pay for.", "note");
  const codesAt = codeTable(sheet, needs, codes, funded, 3);
  const summaryTop = codesAt.next;
  const top = summaryTop + 2 + funded.length + 4;
  const g: Grid = { top, bottom: top + rows - 1, first: 4, totalCol: 4 + funded.length, checkCol: 5 + funded.length };
  available(sheet, L, funded, codes, summaryTop, g);
  investments(sheet, funded, codes, g, codesAt.range);
  // Narrow enough to print one page wide on Letter landscape at 7.5 pt or more (11 pt text): source names and long
  // checks wrap; the source columns share what the others leave (at least 11 characters, "$999,999.99"; at most 14).
  // The first source column is also "Remaining" (the whole budget), so it keeps 15.
  const widths: Record<number, number> = { 0: 22, 1: 14, 2: 15, 3: 15 };
  widths[g.totalCol] = 14;
  widths[g.checkCol] = 24;
  widths[g.first] = 15;
  const room = (pageWidth("landscape") * 11) / 7.5;
  const used = Object.values(widths).reduce((x, w) => x + columnPoints(w), 0);
  const rest = funded.length - 1;
  const each = rest > 0 ? Math.max(11, Math.min(14, Math.floor(((room - used) / rest / 0.75 - 5) / 7))) : 14;
  funded.forEach((_, n) => n > 0 && (widths[g.first + n] = each));
  return widths;
}
