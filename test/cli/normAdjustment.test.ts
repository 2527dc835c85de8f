/**
 * The norm-based adjustment through the real bin: the sample district with Policy Norm Adjustment 50% (its schools
 * carry a Norm Budget), and the same setting without the Norm Budget column (a located error, nothing written).
 */
import { existsSync, mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { writeInputWorkbook } from "../../scripts/write-inputs";
import { sampleDistrict } from "../../src/sample/district";
import type { SummaryJson } from "../../src/report/summary";
import { SAMPLE, sfs } from "../helpers/cli";

const dir = mkdtempSync(path.join(tmpdir(), "sfs-norm-"));

function withNorm(share: number, dropColumn = false) {
  const raw = sampleDistrict();
  raw.policy.rows.push(["Norm Adjustment", share]);
  if (dropColumn) {
    const k = raw.schools.headers.indexOf("Norm Budget");
    raw.schools.headers.splice(k, 1);
    for (const r of raw.schools.rows) r.splice(k, 1);
  }
  return raw;
}

describe("sfs allocate with a norm-based adjustment (through the real bin)", () => {
  test("Norm Adjustment 50%: each school's adjustment is its own line, the lines add up, general money is unchanged", async () => {
    const input = path.join(dir, "norm.xlsx");
    await writeInputWorkbook(withNorm(0.5), input);
    const json = path.join(dir, "norm.json");
    const r = sfs(["allocate", input, "--out", path.join(dir, "norm-result.xlsx"), "--json", json]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const s: SummaryJson = JSON.parse(readFileSync(json, "utf8"));
    const base: SummaryJson = JSON.parse(readFileSync(path.join(dir, "base.json"), "utf8"));
    expect(s.totals.revenue).toBe(base.totals.revenue);
    // Budget-neutral: the money distributed to schools moves by at most the rounding left central.
    expect(Math.abs(s.totals.schools - base.totals.schools)).toBeLessThanOrEqual(39);
    const adjusted = s.schools.filter((x) => x.normAdjustment !== null);
    expect(adjusted.length).toBe(39);
    for (const school of s.schools) {
      const lines = school.lines.filter((l) => l.category === "Norm adjustment");
      const sum = Math.round(lines.reduce((a, l) => a + l.amount, 0) * 100);
      expect(sum).toBe(Math.round((school.normAdjustment ?? 0) * 100));
      expect(Math.round(school.lines.reduce((a, l) => a + l.amount, 0) * 100)).toBe(Math.round(school.total * 100));
    }
    // A school below its norm gains against the run without the rule, one above it loses (before the common factor).
    const up = s.schools.filter((x) => (x.normAdjustment ?? 0) > 0).length;
    const down = s.schools.filter((x) => (x.normAdjustment ?? 0) < 0).length;
    expect(up).toBeGreaterThan(5);
    expect(down).toBeGreaterThan(5);
  }, 120000);

  test("Norm Adjustment without a Norm Budget column: exit 2, a message at the Policy row, nothing written", async () => {
    const input = path.join(dir, "nonorm.xlsx");
    const raw = withNorm(0.5, true);
    await writeInputWorkbook(raw, input);
    const out = path.join(dir, "never.xlsx");
    const r = sfs(["allocate", input, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Policy/);
    expect(r.stderr).toMatch(new RegExp(`row ${raw.policy.rows.length + 1}\\b`));
    expect(r.stderr).toMatch(/Norm Budget/);
    expect(existsSync(out)).toBe(false);
  }, 120000);

  beforeAll(() => {
    const r = sfs(["allocate", SAMPLE, "--json", path.join(dir, "base.json")]);
    if (r.code !== 0) throw new Error(r.stderr);
  }, 120000);
});
