import { existsSync, mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { sampleDistrict } from "../../src/sample/district";
import { writeInputWorkbook } from "../../scripts/write-inputs";
import { SAMPLE, sfs } from "../helpers/cli";

const cents = (x: number) => Math.round(x * 100);

describe("sfs plan (through the real bin)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "sfs-plan-"));

  test("the sample district: five years that add up, shadow notice, budget tree, savings; the input sheets are kept", async () => {
    const out = path.join(dir, "plan.xlsx");
    const json = path.join(dir, "plan.json");
    const r = sfs(["plan", SAMPLE, "--years", "5", "--out", out, "--json", json]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Multi-year plan — 5 years, 39 schools");
    expect(r.stdout).toContain("weights turn on in 2027-28");
    expect(r.stdout).not.toMatch(/note: Policy row/);
    const s = JSON.parse(readFileSync(json, "utf8"));
    // The contract summary of year 1 is kept.
    expect(s.schools).toHaveLength(39);
    expect(cents(s.totals.central) + cents(s.totals.schools)).toBe(cents(s.totals.revenue));
    expect(s.plan.years.map((y: { label: string }) => y.label)).toEqual(["2026-27", "2027-28", "2028-29", "2029-30", "2030-31"]);
    for (const y of s.plan.years) {
      expect(y.conserved).toBe(true);
      expect(cents(y.central) + cents(y.schools)).toBe(cents(y.revenue));
    }
    for (let k = 0; k < 5; k++) {
      const sum = s.plan.schools.reduce((a: number, sc: { totals: number[] }) => a + cents(sc.totals[k]), 0);
      expect(sum).toBe(cents(s.plan.years[k].schools));
    }
    expect(s.plan.triggerYear).toBe(2);
    expect(s.shadow).toHaveLength(39);
    expect(s.budgetTree.areas.length).toBeGreaterThan(4);
    expect(s.savings.opportunities).toHaveLength(31);
    expect(s.funding.committed).toBeGreaterThan(0);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(["Schools", "Budget Lines", "Opportunities", "Projections", "Plan Summary", "Plan Schools", "Plan 2026-27", "Plan 2030-31", "Shadow Notice", "Budget Tree", "Cost Drivers", "Savings", "Funded Priorities"]));
    expect(wb.getWorksheet("Plan Summary")!.getCell("A8").value).toBe("Year");
  });

  test("--years 3 plans three years", () => {
    const json = path.join(dir, "three.json");
    const r = sfs(["plan", SAMPLE, "--years", "3", "--json", json, "--quiet"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(JSON.parse(readFileSync(json, "utf8")).plan.years).toHaveLength(3);
  });

  test("bad planning input: exit 2, located messages for every table in one pass, nothing written", async () => {
    const raw = sampleDistrict();
    const bl = raw["budget lines"];
    bl.rows[0][bl.headers.indexOf("Amount")] = "lots";
    const op = raw.opportunities;
    op.rows[2][op.headers.indexOf("Ease")] = 9;
    const pr = raw.projections;
    pr.rows[0][pr.headers.indexOf("Kind")] = "Budget";
    const bad = path.join(dir, "bad.xlsx");
    await writeInputWorkbook(raw, bad);
    const out = path.join(dir, "never.xlsx");
    const json = path.join(dir, "never.json");
    const r = sfs(["plan", bad, "--out", out, "--json", json]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/Budget Lines row 2, column "Amount" \(F2\)/);
    expect(r.stderr).toMatch(/Opportunities row 4, column "Ease" \(E4\)/);
    expect(r.stderr).toMatch(/Projections row 2, column "Kind" \(B2\)/);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(json)).toBe(false);
  });

  test("usage errors exit 2", () => {
    expect(sfs(["plan"]).code).toBe(2);
    expect(sfs(["plan", SAMPLE, "--years", "0"]).code).toBe(2);
    expect(sfs(["plan", SAMPLE, "--years", "many"]).code).toBe(2);
  });
});
