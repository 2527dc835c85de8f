import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { writeInputWorkbook } from "../../scripts/write-inputs";
import { sampleDistrict } from "../../src/sample/district";
import { SAMPLE, sfs } from "../helpers/cli";

const dir = mkdtempSync(path.join(tmpdir(), "sfs-voices-"));

describe("sfs survey (through the real bin)", () => {
  test("the sample district: results by component, readings, flags, readiness; summary.json's survey exactly", async () => {
    const out = path.join(dir, "survey.xlsx");
    const json = path.join(dir, "survey.json");
    const r = sfs(["survey", SAMPLE, "--out", out, "--json", json]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Stakeholder survey — ");
    expect(r.stdout).toMatch(/Transparency: \d+% of principals agree that “I understand how staff and money are allocated to my school”, down \d+ points since 2024 Fall\./);
    expect(r.stdout).toContain("Readiness (Tier 2):");
    expect(r.stdout).not.toMatch(/note: Policy row/);
    const s = JSON.parse(readFileSync(json, "utf8"));
    expect(Object.keys(s.survey)).toEqual(["waves", "byComponent", "byRole", "change"]);
    expect(s.survey.waves).toEqual(["2024 Fall", "2025 Fall"]);
    expect(s.survey.byComponent).toHaveLength(14);
    for (const row of s.survey.byComponent) expect(Object.keys(row)).toEqual(["component", "wave", "n", "mean", "agree"]);
    const principals = s.survey.byRole.find((x: { component: string; role: string; wave: string }) => x.component === "Transparency" && x.role === "Principal" && x.wave === "2025 Fall");
    expect(principals.n).toBeGreaterThanOrEqual(30);
    expect(s.survey.change).toHaveLength(7);
    expect(s.readiness.areas).toHaveLength(4);
    expect(s.schools).toHaveLength(39); // the district's summary is kept
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["Survey Responses", "Survey Results", "Survey Detail", "Readiness Summary"]));
    expect(wb.getWorksheet("Survey Results")!.getCell("A1").value).toBe("What stakeholders say: survey results by component, wave and role");
  });

  test("bad answers: exit 2, located messages, nothing written", async () => {
    const raw = sampleDistrict();
    const t = raw["survey responses"];
    const resp = t.headers.indexOf("Response");
    t.rows[0][resp] = 5;
    t.rows[3][t.headers.indexOf("Wave")] = "2023 Spring";
    raw.readiness.rows[0][0] = "Budget";
    const input = path.join(dir, "bad-survey.xlsx");
    await writeInputWorkbook(raw, input);
    const out = path.join(dir, "bad-survey-out.xlsx");
    const json = path.join(dir, "bad-survey.json");
    const r = sfs(["survey", input, "--out", out, "--json", json]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("nothing was written");
    expect(r.stderr).toContain(`Survey Responses row 2, column "Response" (G2): expected a whole number from 1 (strongly disagree) to 4 (strongly agree), or blank for no answer, found 5`);
    expect(r.stderr).toContain(`Survey Responses row 5, column "Wave" (D5): expected a wave listed in Survey Waves (2024 Fall, 2025 Fall), found "2023 Spring"`);
    expect(r.stderr).toContain(`Readiness row 2, column "Area" (A2): expected one of the readiness areas Vision, Context, Capacity, Systems, found "Budget"`);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(json)).toBe(false);
  });

  test("--template writes the blank tables to a new file, which then reads without problems; never over a file", async () => {
    const file = path.join(dir, "template.xlsx");
    const r = sfs(["survey", "--template", file]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Survey Items", "Survey Waves", "Survey Responses", "Readiness"]);
    // Empty responses: the command says so (exit 2)
    const empty = sfs(["survey", file]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain(`Survey Responses, column "Response": expected at least one answer (a Response from 1 to 4), found no answers`);
    const again = sfs(["survey", "--template", file]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("already exists");
  });

  test("a workbook of survey tables alone (no district) is analysed; JSON holds only the survey (and the list of what a copy cannot carry)", async () => {
    const raw = sampleDistrict();
    const only = { "survey responses": raw["survey responses"], "survey items": raw["survey items"] };
    const input = path.join(dir, "only-survey.xlsx");
    await writeInputWorkbook(only, input);
    const json = path.join(dir, "only.json");
    const r = sfs(["survey", input, "--json", json, "--quiet"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(Object.keys(JSON.parse(readFileSync(json, "utf8")))).toEqual(["survey", "notCarried"]);
  });
});

describe("sfs benchmark (through the real bin)", () => {
  test("the sample district against 12 peers; summary.json's benchmark exactly", async () => {
    const out = path.join(dir, "bench.xlsx");
    const json = path.join(dir, "bench.json");
    const r = sfs(["benchmark", SAMPLE, "--out", out, "--json", json]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Central Administration: \$\d+ per pupil, \$\d+ above the peer median of \$\d+; matching the median would free \$[\d.]+ million/);
    const s = JSON.parse(readFileSync(json, "utf8"));
    expect(Object.keys(s.benchmark)).toEqual(["peers", "functions"]);
    expect(s.benchmark.peers).toBe(12);
    for (const f of s.benchmark.functions) {
      expect(Object.keys(f)).toEqual(["function", "perPupil", "peerMedian", "peerP25", "peerP75", "gapPerPupil", "gapTotal", "rank", "studentsPerFte", "peerMedianStudentsPerFte"]);
      expect(f.peerP25).toBeLessThanOrEqual(f.peerMedian);
      expect(f.peerMedian).toBeLessThanOrEqual(f.peerP75);
      // printed per pupil − printed median = printed gap, to the cent
      expect(Math.round(f.gapPerPupil * 100)).toBe(Math.round(f.perPupil * 100) - Math.round(f.peerMedian * 100));
      // total = printed gap × students, to the cent
      expect(Math.round(f.gapTotal * 100)).toBe(Math.round(f.gapPerPupil * 100) * 20814);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["Peers", "Peer Benchmark", "Peer Data"]));
  });

  test("negative Amount and a peer district without Enrollment: exit 2, located, nothing written; no Peers table named", async () => {
    const raw = sampleDistrict();
    const p = raw.peers;
    const e = p.headers.indexOf("Enrollment");
    const name = p.rows[0][0];
    for (const row of p.rows) if (row[0] === name) row[e] = null;
    p.rows[20][p.headers.indexOf("Amount")] = -100;
    const input = path.join(dir, "bad-peers.xlsx");
    await writeInputWorkbook(raw, input);
    const json = path.join(dir, "bad-peers.json");
    const r = sfs(["benchmark", input, "--json", json]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Peers row 2, column "Enrollment" (B2): expected the students of "${name}" (a number > 0 on at least one of its rows), found a blank cell`);
    expect(r.stderr).toContain(`Peers row 22, column "Amount" (D22): expected a dollar amount ≥ 0, found -100`);
    expect(existsSync(json)).toBe(false);

    delete (raw as Record<string, unknown>).peers;
    const none = path.join(dir, "no-peers.xlsx");
    await writeInputWorkbook(raw, none);
    const r2 = sfs(["benchmark", none]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain(`Peers: expected an Excel table or a sheet named "Peers"`);
  });
});

test("usage errors", () => {
  writeFileSync(path.join(dir, "x.txt"), "");
  expect(sfs(["survey"]).code).toBe(2);
  expect(sfs(["benchmark"]).stderr).toContain("usage: sfs benchmark");
});

describe("sfs equity: outcomes, the size control and $ per pupil by student type", () => {
  test("the sample district", async () => {
    const out = path.join(dir, "equity.xlsx");
    const json = path.join(dir, "equity.json");
    const r = sfs(["equity", SAMPLE, "--out", out, "--json", json]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("$ per pupil by student type");
    expect(r.stdout).toMatch(/Reading Proficiency % \(2026\): each 10 more points of Poverty go with [\d.]+ lower/);
    const e = JSON.parse(readFileSync(json, "utf8")).equity;
    expect(e.regression.multivariate.pupilWeighted.coefficients.map((c: { name: string }) => c.name)).toEqual(["Intercept", "Poverty", "English Learner", "Special Education", "School size (ln of Students)"]);
    expect(e.studentTypes.map((t: { type: string }) => t.type)).toEqual(["Base", "Poverty", "English Learner", "Special Education", "Foundation and adjustments"]);
    const total = e.studentTypes.reduce((t: number, x: { amount: number }) => t + Math.round(x.amount * 100), 0);
    expect(total).toBe(Math.round(JSON.parse(readFileSync(json, "utf8")).totals.schools * 100));
    expect(e.outcomes).toMatchObject({ measure: "Reading Proficiency %", year: "2026", schools: 39 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["Equity", "Outcomes", "Outcome Analysis", "Student Types"]));
  });
});
