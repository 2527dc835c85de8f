import { existsSync, mkdtempSync, readdirSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { sampleDistrict } from "../../src/sample/district";
import { writeInputWorkbook } from "../../scripts/write-inputs";
import { SAMPLE, sfs } from "../helpers/cli";

describe("sfs calculators (through the real bin)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "sfs-calc-cli-"));

  test("writes one '<School ID> <School Name>.xlsx' per school of the sample district", async () => {
    const out = path.join(dir, "all");
    const r = sfs(["calculators", SAMPLE, "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Wrote 39 school calculators");
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(39);
    expect(files).toEqual(expect.arrayContaining(["E101 Lincoln Elementary.xlsx", "E125 @Home Virtual Academy.xlsx", "K401 Frederick Douglass K-8 Academy.xlsx"]));
    expect(files.every((f) => /^[EMHK]\d{3} .+\.xlsx$/.test(f))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, "H306 Horizon Alternative High.xlsx"));
    expect(wb.worksheets.filter((w) => w.state === "visible").map((w) => w.name)).toEqual(["Cover", "Inputs", "Rates", "Budget", "Explanation", "School Plan"]);
    const names = (wb.definedNames as unknown as { model: { name: string }[] }).model.map((d) => d.name);
    expect(names).toEqual(expect.arrayContaining(["Total_Budget", "Input_Students_High", "Input_English_Learner_High"]));
  });

  test("--school writes only that school; --password protects with a password", async () => {
    const out = path.join(dir, "one");
    const r = sfs(["calculators", SAMPLE, "--out", out, "--school", "e101", "--password", "principal"]);
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toEqual(["E101 Lincoln Elementary.xlsx"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, "E101 Lincoln Elementary.xlsx"));
    for (const ws of wb.worksheets) expect((ws as unknown as { sheetProtection: { hashValue?: string } }).sheetProtection.hashValue).toBeTruthy();
  });

  test("an unknown --school: exit 2, message, nothing written", () => {
    const out = path.join(dir, "unknown");
    const r = sfs(["calculators", SAMPLE, "--out", out, "--school", "Z999"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/School ID.*Z999/);
    expect(existsSync(out)).toBe(false);
  });

  test("bad input: exit 2, located messages, nothing written", async () => {
    const raw = sampleDistrict();
    raw.revenue.rows[1][raw.revenue.headers.indexOf("Amount")] = "lots";
    const bad = path.join(dir, "bad.xlsx");
    await writeInputWorkbook(raw, bad);
    const out = path.join(dir, "never");
    const r = sfs(["calculators", bad, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/Revenue.*row 3.*Amount/);
    expect(existsSync(out)).toBe(false);
  });

  test("usage errors exit 2", () => {
    expect(sfs(["calculators", SAMPLE]).code).toBe(2);
    expect(sfs(["calculators", "--out", dir]).code).toBe(2);
    expect(sfs(["calculators", SAMPLE, "--out", path.join(dir, "x"), "--school"]).code).toBe(2);
  });
});
