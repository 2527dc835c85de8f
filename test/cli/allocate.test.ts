import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { sampleDistrict } from "../../src/sample/district";
import { writeInputWorkbook } from "../../scripts/write-inputs";
import { SAMPLE, sfs } from "../helpers/cli";

describe("sfs allocate (through the real bin)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "sfs-cli-"));

  test("writes the result workbook and a contract summary.json for the sample district", async () => {
    const out = path.join(dir, "result.xlsx");
    const json = path.join(dir, "summary.json");
    const r = sfs(["allocate", SAMPLE, "--out", out, "--json", json]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Distributed to schools");
    expect(r.stdout).toContain("Biggest gainers");
    const s = JSON.parse(readFileSync(json, "utf8"));
    // Contract fields.
    expect(Object.keys(s.totals)).toEqual(expect.arrayContaining(["revenue", "central", "schools"]));
    expect(Object.keys(s.matrix)).toEqual(["Elementary", "Middle", "High"]);
    expect(Object.keys(s.matrix.Elementary)).toEqual(["Base", "Poverty", "English Learner", "Special Education"]);
    expect(s.schools).toHaveLength(39);
    for (const sc of s.schools) {
      expect(Object.keys(sc)).toEqual(expect.arrayContaining(["id", "name", "total", "bySource", "current", "perPupil"]));
      const bySource = Object.values(sc.bySource as Record<string, number>).reduce((x, y) => x + y, 0);
      expect(Math.round(bySource * 100)).toBe(Math.round(sc.total * 100));
      for (const v of [sc.total, sc.perPupil]) expect(Math.round(v * 100)).toBeCloseTo(v * 100, 6);
    }
    const schoolsTotal = s.schools.reduce((x: number, sc: { total: number }) => x + Math.round(sc.total * 100), 0);
    expect(schoolsTotal).toBe(Math.round(s.totals.schools * 100));
    expect(Math.round(s.totals.central * 100) + Math.round(s.totals.schools * 100)).toBe(Math.round(s.totals.revenue * 100));
    // Initiatives are present in the sample, so the summary carries them.
    expect(s.initiatives.length).toBeGreaterThan(20);
    expect(Object.keys(s.initiatives[0])).toEqual(expect.arrayContaining(["name", "totalCost", "students", "gain", "aroi", "action"]));
    expect(s.initiatives.some((i: { gain: number | null; aroi: number | null }) => i.gain === null && i.aroi === null)).toBe(true);

    // The workbook keeps the input sheets and adds ours.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(["Schools", "Enrollment", "Weights", "Revenue", "Policy", "Summary", "Matrix", "School Budgets"]));
    expect(names.filter((n) => /^E101 /.test(n))).toHaveLength(1);
    const budgets = wb.getWorksheet("School Budgets")!;
    expect(budgets.getCell("A3").value).toBe("School ID");
  });

  test("re-running into the same workbook replaces only the tool's own sheets", async () => {
    const first = path.join(dir, "rerun.xlsx");
    expect(sfs(["allocate", SAMPLE, "--out", first]).code).toBe(0);
    const again = path.join(dir, "rerun2.xlsx");
    expect(sfs(["allocate", first, "--out", again]).code).toBe(0);
    const a = new ExcelJS.Workbook();
    await a.xlsx.readFile(first);
    const b = new ExcelJS.Workbook();
    await b.xlsx.readFile(again);
    expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
    const schoolsA = a.getWorksheet("Schools")!.getSheetValues();
    const schoolsB = b.getWorksheet("Schools")!.getSheetValues();
    expect(JSON.stringify(schoolsB)).toBe(JSON.stringify(schoolsA));
  });

  test("bad input: exit 2, located messages on stderr, nothing written", async () => {
    const raw = sampleDistrict();
    raw.revenue.rows[1][raw.revenue.headers.indexOf("Amount")] = "lots";
    raw.enrollment.rows[0][raw.enrollment.headers.indexOf("School ID")] = "NOPE";
    const bad = path.join(dir, "bad.xlsx");
    await writeInputWorkbook(raw, bad);
    const out = path.join(dir, "never.xlsx");
    const json = path.join(dir, "never.json");
    const r = sfs(["allocate", bad, "--out", out, "--json", json]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/Revenue.*row 3.*Amount/);
    expect(r.stderr).toMatch(/Enrollment.*row 2.*School ID/);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(json)).toBe(false);
  });

  test("a file that is not a workbook: exit 2 and a message, nothing written", () => {
    const notWb = path.join(dir, "notes.xlsx");
    writeFileSync(notWb, "School ID,Name\nE1,Lincoln\n");
    const out = path.join(dir, "x.xlsx");
    const r = sfs(["allocate", notWb, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/workbook/i);
    expect(existsSync(out)).toBe(false);
  });

  test("usage errors exit 2", () => {
    expect(sfs(["allocate"]).code).toBe(2);
    expect(sfs(["frobnicate"]).code).toBe(2);
  });
});
