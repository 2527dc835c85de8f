/**
 * Property: the result workbook's user sheets equal the input's, cell by cell (values, formulas, number formats,
 * fonts, fills, alignment, borders), with merges, column widths and sheet visibility — for random workbooks, and
 * also when a user sheet has the name a tool sheet wants.
 */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { allocate } from "../../src/engine/allocate";
import { parseDistrict } from "../../src/engine/parse";
import { resultPlans } from "../../src/report/schoolLines";
import { saveWorkbook } from "../../src/xlsx/save";
import { sampleRaw } from "../helpers/raw";

const parsed = parseDistrict(sampleRaw());
if (!parsed.ok) throw new Error("sample does not parse");
const plans = resultPlans(allocate(parsed.district));
const dir = mkdtempSync(path.join(tmpdir(), "sfs-prop-"));

const value = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 30 }).filter((s) => s.trim() !== ""),
  fc.constantFrom("=1+2", "+cmd", "-3", "@SUM(A1)", "Ünïcödé 🎓", "line\nbreak"),
  fc.boolean(),
  fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2060-01-01T00:00:00Z"), noInvalidDate: true }).map((d) => new Date(Math.round(d.getTime() / 1000) * 1000)),
  fc.record({ formula: fc.constantFrom("1+1", "SUM(A1:A3)", "IF(A1>0,\"yes\",\"no\")", "A1*2"), result: fc.oneof(fc.integer(), fc.constant("yes")) }),
);
const style = fc.record({
  numFmt: fc.constantFrom(undefined, "0.00", '"$"#,##0', "0%", "yyyy-mm-dd", "@"),
  bold: fc.boolean(),
  fill: fc.constantFrom(undefined, "FFFFEE99", "FF99CCFF"),
  align: fc.constantFrom(undefined, "left", "center", "right"),
  border: fc.boolean(),
});
const cell = fc.record({ r: fc.integer({ min: 1, max: 30 }), c: fc.integer({ min: 1, max: 8 }), v: value, s: style });
const sheet = fc.record({
  name: fc.constantFrom("Notes", "Budget 2026", "Summary", "Matrix", "Données", "Q&A", "Schools old"),
  cells: fc.array(cell, { minLength: 1, maxLength: 40 }),
  merge: fc.boolean(),
  width: fc.option(fc.integer({ min: 5, max: 60 }), { nil: undefined }),
  hidden: fc.boolean(),
});

type SheetSpec = typeof sheet extends fc.Arbitrary<infer T> ? T : never;

async function build(sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const used = new Set<string>();
  for (const s of sheets) {
    if (used.has(s.name.toLowerCase())) continue;
    used.add(s.name.toLowerCase());
    const ws = wb.addWorksheet(s.name, { state: s.hidden && used.size > 1 ? "hidden" : "visible" });
    for (const c of s.cells) {
      const x = ws.getCell(c.r, c.c);
      x.value = c.v as ExcelJS.CellValue;
      if (c.s.numFmt) x.numFmt = c.s.numFmt;
      if (c.s.bold) x.font = { bold: true };
      if (c.s.fill) x.fill = { type: "pattern", pattern: "solid", fgColor: { argb: c.s.fill } };
      if (c.s.align) x.alignment = { horizontal: c.s.align as "left" };
      if (c.s.border) x.border = { top: { style: "thin" }, bottom: { style: "thin" } };
    }
    if (s.merge) ws.mergeCells("J1:K2");
    if (s.width) ws.getColumn(2).width = s.width;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function snapshot(ws: ExcelJS.Worksheet): unknown {
  const cells: unknown[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) =>
    row.eachCell({ includeEmpty: false }, (c, k) => {
      const v = c.value instanceof Date ? { date: c.value.getTime() } : c.value;
      cells.push([r, k, JSON.stringify(v), c.numFmt ?? null, JSON.stringify(c.font ?? null), JSON.stringify(c.fill ?? null), JSON.stringify(c.alignment ?? null), JSON.stringify(c.border ?? null)]);
    }),
  );
  return { name: ws.name, state: ws.state, merges: [...((ws.model as { merges?: string[] }).merges ?? [])].sort(), width: ws.getColumn(2).width ?? null, cells };
}

test("user sheets come through the result workbook unchanged", async () => {
  let k = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(sheet, { minLength: 1, maxLength: 4 }), async (sheets) => {
      const bytes = await build(sheets);
      const input = new ExcelJS.Workbook();
      await input.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      const expected = input.worksheets.map(snapshot);
      const base = new ExcelJS.Workbook();
      await base.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      const file = path.join(dir, `r${++k}.xlsx`);
      const result = await saveWorkbook(file, plans, base);
      const out = new ExcelJS.Workbook();
      await out.xlsx.readFile(file);
      const users = out.worksheets.filter((ws) => !result.sheets.includes(ws.name) && !ws.name.startsWith("_sfs"));
      expect(users.map(snapshot)).toEqual(expected);
      // A user sheet named like a tool sheet is kept; the tool writes under another name.
      for (const name of input.worksheets.map((w) => w.name)) expect(out.getWorksheet(name)).toBeDefined();
    }),
    { numRuns: 20 },
  );
});
