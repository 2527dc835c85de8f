/** The Inputs sheet: the only editable cells (counts by level and need), a check per row, and the district's projection. */
import { a1 } from "../names";
import type { Layout, Sheet } from "./layout";

function checkFormula(r: number, nCats: number): string {
  const first = a1(r, 1);
  const row = `${first}:${a1(r, nCats)}`;
  if (nCats === 1) return `IF(MIN(${row})<0,"Counts cannot be negative","OK")`;
  return `IF(MIN(${row})<0,"Counts cannot be negative",IF(MAX(${a1(r, 2)}:${a1(r, nCats)})>${first},"A need count is larger than Students","OK"))`;
}

function countRows(sheet: Sheet, L: Layout, top: number, editable: boolean): void {
  const { m } = L;
  sheet.text(top, 0, "Level", "header");
  m.categories.forEach((c, k) => sheet.text(top, 1 + k, c, "header"));
  if (editable) sheet.text(top, 1 + m.categories.length, "Check", "header");
  m.levels.forEach((l, row) => {
    const r = top + 1 + row;
    const inputs = m.inputs.filter((x) => x.levelIndex === l);
    sheet.text(r, 0, inputs[0]?.level ?? "", "label");
    for (const inp of inputs) {
      if (!editable) L.constantAt(sheet, r, 1 + inp.category, `projected:${l}:${inp.category}`);
      else {
        sheet.cells.push({ r, c: 1 + inp.category, v: inp.original, fmt: "integer", style: "input", unlocked: true });
        sheet.define(inp.name, r, 1 + inp.category);
      }
    }
    if (!editable) return;
    const students = inputs.find((y) => y.category === 0)?.original ?? 0;
    const bad = inputs.some((x) => x.original < 0) ? "Counts cannot be negative" : inputs.some((x) => x.category > 0 && x.original > students) ? "A need count is larger than Students" : "OK";
    sheet.formula(r, 1 + m.categories.length, checkFormula(r, m.categories.length), bad);
  });
}

export function inputsSheet(sheet: Sheet, L: Layout, title: string): void {
  const { m } = L;
  sheet.text(0, 0, `Inputs — ${title}`, "title");
  sheet.text(1, 0, "Change the yellow cells: projected students by level and, of those, how many are in each need category. They are the only cells you can edit; every other sheet follows them.", "note");
  countRows(sheet, L, 3, true);
  const totalRow = 4 + m.levels.length;
  sheet.text(totalRow, 0, "Total", "total");
  m.categories.forEach((_, k) => {
    const sum = m.inputs.filter((x) => x.category === k).reduce((x, y) => x + y.original, 0);
    sheet.formula(totalRow, 1 + k, `SUM(${a1(4, 1 + k)}:${a1(totalRow - 1, 1 + k)})`, sum, "integer", "total");
  });
  const top = totalRow + 3;
  sheet.text(top - 1, 0, "The district's projection (the counts the district's allocation used)", "subtitle");
  countRows(sheet, L, top, false);
  sheet.text(top + m.levels.length + 1, 0, "Counts changed from the projection", "label");
  L.quantityAt(sheet, top + m.levels.length + 1, 1, m.ids.countsChanged);
  sheet.text(top + m.levels.length + 3, 0, "A student counts once in Students and once in each need category that applies (a student in poverty who is an English learner counts in both).", "note");
}
