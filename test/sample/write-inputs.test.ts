import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { SAMPLE_OPTIONS, SAMPLE_PATH } from "../../scripts/make-sample";
import { FIXED_DATE, inputWorkbookBuffer, normalizeHeader, writeInputWorkbook } from "../../scripts/write-inputs";
import type { Cell, RawTables } from "../../src/engine/types";
import { columnLetter } from "../../src/report/names";
import { PLANNING_TABLE_NAMES, sampleDistrict } from "../../src/sample/district";
import { VOICES_TABLE_NAMES } from "../../src/sample/voices";
import { syntheticDistrict } from "../../src/sample/synthetic";
import { TABLE_NAMES } from "../../src/sample/tables";

/** The parts of ExcelJS's loaded table model this test reads (not in ExcelJS's typings). */
interface LoadedTable {
  table: { name: string; tableRef: string; columns: { name: string }[] };
}

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

function loadedTable(ws: ExcelJS.Worksheet, name: string): LoadedTable["table"] {
  const t = ws.getTable(name) as unknown as LoadedTable | undefined;
  if (!t) throw new Error(`no table ${name} on ${ws.name}`);
  return t.table;
}

const asCell = (v: ExcelJS.CellValue): Cell => (v === undefined || v === null ? null : (v as Cell));

/** Every table of `raw` is a real Excel table at A1 of its sheet with the same headers and cell values. */
function expectTablesMatch(wb: ExcelJS.Workbook, raw: RawTables): void {
  for (const t of Object.values(raw)) {
    const ws = sheet(wb, t.origin.sheet);
    const model = loadedTable(ws, t.name.replace(/\s+/g, ""));
    expect(model.columns.map((c) => c.name)).toEqual(t.headers);
    expect(model.tableRef).toBe(`A1:${columnLetter(t.headers.length)}${t.rows.length + 1}`);
    t.headers.forEach((h, c) => expect(ws.getCell(1, c + 1).value).toBe(h));
    t.rows.forEach((row, r) => {
      const read = row.map((_, c) => asCell(ws.getCell(r + 2, c + 1).value));
      expect(read).toEqual(row);
    });
  }
}

describe("writeInputWorkbook", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "sfs-sample-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test("the sample re-opens with an About sheet first the 7 contract tables, the 3 planning tables, then the survey, readiness, peer and outcome tables, with their headers and values", async () => {
    const raw = sampleDistrict();
    const path = join(dir, "sample.xlsx");
    await writeInputWorkbook(raw, path, SAMPLE_OPTIONS);
    const wb = await load(await readFile(path));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["About", ...TABLE_NAMES, ...PLANNING_TABLE_NAMES, ...VOICES_TABLE_NAMES]);
    const tableNames = wb.worksheets.flatMap((ws) => Object.keys((ws as unknown as { tables: object }).tables));
    expect(tableNames).toEqual(["Schools", "Enrollment", "Weights", "Revenue", "Policy", "Initiatives", "InitiativeSegments", "BudgetLines", "Opportunities", "Projections", "SurveyResponses", "SurveyItems", "SurveyWaves", "Readiness", "Peers", "Outcomes"]);
    expectTablesMatch(wb, raw);
    const about = sheet(wb, "About");
    const text = about.getColumn(1).values.filter((v) => typeof v === "string").join("\n");
    expect(text).toContain("sample district");
    for (const name of TABLE_NAMES) expect(text).toContain(`${name}:`);
    expect(text).toContain("never changes them");
    expect(wb.created.getTime()).toBe(FIXED_DATE.getTime());
  });

  test("a name starting with @ is stored as text, not as a formula", async () => {
    const wb = await load(await inputWorkbookBuffer(sampleDistrict()));
    const ws = sheet(wb, "Schools");
    const names: ExcelJS.Cell[] = [];
    ws.getColumn(2).eachCell((cell) => {
      if (typeof cell.value === "string" && cell.value.startsWith("@")) names.push(cell);
    });
    expect(names.length).toBeGreaterThan(0);
    for (const cell of names) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
  });

  test("number formats, drop-down lists and frozen headers", async () => {
    const wb = await load(await inputWorkbookBuffer(sampleDistrict()));
    const revenue = sheet(wb, "Revenue");
    expect(revenue.getCell("D2").numFmt).toContain("$");
    expect(revenue.getCell("F2").numFmt).toBe("0%");
    expect(revenue.getCell("E2").dataValidation).toMatchObject({ type: "list", formulae: ['"Unlocked,Locked,Grant"'] });
    expect(revenue.getCell("E10").dataValidation).toMatchObject({ type: "list", formulae: ['"Unlocked,Locked,Grant"'] });
    expect(revenue.getCell("B2").dataValidation).toMatchObject({ type: "list", formulae: ['"Federal,State,Local,Private,Other"'] });
    expect(revenue.getCell("C2").dataValidation).toMatchObject({ type: "list", formulae: ['"Yes,No"'] });
    const schools = sheet(wb, "Schools");
    expect(schools.getCell("C2").numFmt).toContain("$");
    expect(schools.getCell("D2").numFmt).toContain("$");
    expect(schools.getCell("E2").dataValidation).toMatchObject({ type: "list", formulae: ['"Yes,No"'] });
    expect(schools.getCell("H2").numFmt).toBe("0");
    const policy = sheet(wb, "Policy");
    expect(policy.getCell("B2").numFmt).toContain("$"); // Foundation Per School
    expect(policy.getCell("B3").numFmt).toBe("0%"); // Hold Harmless
    expect(policy.getCell("B4").numFmt).toBe("0%"); // Gain Cap
    const initiatives = sheet(wb, "Initiatives");
    expect(initiatives.getCell("H2").numFmt).toContain("$");
    expect(initiatives.getCell("N2").dataValidation).toMatchObject({ type: "whole", formulae: [1, 5] });
    for (const name of TABLE_NAMES) {
      const ws = sheet(wb, name);
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      for (let c = 1; c <= ws.columnCount; c++) {
        const w = ws.getColumn(c).width ?? 9;
        expect(w).toBeGreaterThanOrEqual(8);
        expect(w).toBeLessThanOrEqual(48);
      }
    }
  });

  test("the output is byte-stable for the same tables", async () => {
    const raw = syntheticDistrict({ schools: 60, seed: 3 });
    const a = await inputWorkbookBuffer(raw);
    const b = await inputWorkbookBuffer(syntheticDistrict({ schools: 60, seed: 3 }));
    expect(a.equals(b)).toBe(true);
    const c = await inputWorkbookBuffer(syntheticDistrict({ schools: 60, seed: 4 }));
    expect(a.equals(c)).toBe(false);
  });

  test("the committed assets/sample-district.xlsx is what scripts/make-sample.ts writes", async () => {
    const expected = await inputWorkbookBuffer(sampleDistrict(), SAMPLE_OPTIONS);
    const committed = await readFile(join(__dirname, "..", "..", SAMPLE_PATH));
    expect(committed.equals(expected)).toBe(true);
  });

  test("a synthetic district round-trips, including blank cells", async () => {
    const raw = syntheticDistrict({ schools: 300, levels: 4, needs: 2, sources: 10, seed: 12 });
    const wb = await load(await inputWorkbookBuffer(raw));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["About", "Schools", "Enrollment", "Weights", "Revenue", "Policy"]);
    expectTablesMatch(wb, raw);
  });

  test("header normalisation follows the contract", () => {
    expect(normalizeHeader("School Share %")).toBe("schoolshare");
    expect(normalizeHeader("Direct_Cost ($)")).toBe("directcost");
    expect(normalizeHeader("Title-I")).toBe("titlei");
  });
});
