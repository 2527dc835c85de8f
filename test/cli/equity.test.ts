import { existsSync, mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Cell, RawTables } from "../../src/engine/types";
import { sampleDistrict } from "../../src/sample/district";
import { rawTable } from "../../src/sample/tables";
import { writeInputWorkbook } from "../../scripts/write-inputs";
import { SAMPLE, sfs, inProcess } from "../helpers/cli";

const S_KEYS = ["mean", "median", "min", "max", "range", "p5", "p95", "frr", "cv", "mcloone", "verstegen", "gini", "theil", "slope", "r2"];
const MONEY_KEYS = ["mean", "median", "min", "max", "range", "p5", "p95", "slope"];

// ---- Independent reference computations (plain formulas, not the engine's code) ----

/** Excel PERCENTILE.INC on a list. */
function percentileInc(values: number[], p: number): number {
  const x = [...values].sort((a, b) => a - b);
  const h = (x.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < x.length ? x[lo] + (h - lo) * (x[lo + 1] - x[lo]) : x[lo];
}
const mean = (x: number[]) => x.reduce((a, b) => a + b, 0) / x.length;
const popSd = (x: number[]) => {
  const m = mean(x);
  return Math.sqrt(mean(x.map((v) => (v - m) ** 2)));
};
/** Gini from its definition: Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² μ). */
function giniDef(x: number[]): number {
  let s = 0;
  for (const a of x) for (const b of x) s += Math.abs(a - b);
  return s / (2 * x.length * x.length * mean(x));
}
/** OLS of y on x: slope and R². */
function ols(x: number[], y: number[]): { slope: number; r2: number } {
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  x.forEach((xi, i) => {
    sxy += (xi - mx) * (y[i] - my);
    sxx += (xi - mx) ** 2;
    syy += (y[i] - my) ** 2;
  });
  return { slope: sxy / sxx, r2: (sxy * sxy) / (sxx * syy) };
}
/** Each school's per-pupil value repeated once per pupil (the pupil-weighted population). */
function expand(values: number[], students: number[]): number[] {
  const out: number[] = [];
  values.forEach((v, i) => {
    for (let k = 0; k < students[i]; k++) out.push(v);
  });
  return out;
}

/** Poverty share (percent points) per School ID from the raw Enrollment rows. */
function povertyShares(raw: RawTables): Map<string, number> {
  const e = raw.enrollment;
  const [id, st, pov] = ["School ID", "Students", "Poverty"].map((h) => e.headers.indexOf(h));
  const sums = new Map<string, { s: number; p: number }>();
  for (const r of e.rows) {
    const x = sums.get(String(r[id])) ?? { s: 0, p: 0 };
    x.s += Number(r[st]);
    x.p += Number(r[pov]);
    sums.set(String(r[id]), x);
  }
  return new Map([...sums].map(([k, v]) => [k, (100 * v.p) / v.s]));
}

const twoDecimals = (v: number) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6;

interface SchoolJson {
  id: string;
  students: number;
  total: number;
  perPupil: number;
}

/** A Spending table for the sample district: two years, salary figures, deterministic amounts. */
function spendingRows(ids: string[], leaveOut2024: string): Cell[][] {
  const rows: Cell[][] = [];
  ids.forEach((id, i) => {
    for (const year of [2024, 2025]) {
      if (year === 2024 && id === leaveOut2024) continue;
      const restricted = 400_000 + ((i * 37_919) % 350_000) + 0.25 * (i % 4);
      const unrestricted = 1_500_000 + ((i * 91_733) % 1_900_000) + (year - 2024) * 50_000;
      const average = 900_000 + ((i * 13_007) % 400_000);
      const actual = average + (((i * 7_919) % 120_000) - 60_000);
      rows.push([id, year, restricted, unrestricted, actual, average]);
    }
  });
  return rows;
}

describe("sfs equity (through the real bin)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "sfs-equity-"));
  const raw = sampleDistrict();
  const poverty = povertyShares(raw);

  test("sample district: allocate summary + contract equity S pair, cross-checked independently; equity sheets written", async () => {
    const out = path.join(dir, "result.xlsx");
    const json = path.join(dir, "summary.json");
    const r = sfs(["equity", SAMPLE, "--out", out, "--json", json]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Unweighted\s+Pupil-weighted/);
    expect(r.stdout).toMatch(/Each 10 more percentage points of Poverty go with \$[\d,]+ (more|less) per pupil/);
    const s = JSON.parse(readFileSync(json, "utf8"));

    // The allocate summary is there too (same contract fields as `sfs allocate`).
    expect(Object.keys(s)).toEqual(expect.arrayContaining(["totals", "matrix", "schools", "initiatives", "equity"]));
    expect(s.schools).toHaveLength(39);
    expect(s.equity.source).toBe("allocation");

    for (const form of ["unweighted", "pupilWeighted"]) {
      expect(Object.keys(s.equity[form])).toEqual(expect.arrayContaining(S_KEYS));
      for (const k of S_KEYS) expect(typeof s.equity[form][k]).toBe("number");
      for (const k of MONEY_KEYS) expect(twoDecimals(s.equity[form][k])).toBe(true);
    }

    // Independent computation from the JSON schools: per-pupil $ = total ÷ students.
    const schools = s.schools as SchoolJson[];
    const pp = schools.map((x) => x.total / x.students);
    schools.forEach((x, i) => expect(Math.abs(x.perPupil - pp[i])).toBeLessThanOrEqual(0.005 + 1e-9));
    const u = s.equity.unweighted;
    const near = (got: number, want: number, tol = 0.006) => expect(Math.abs(got - want)).toBeLessThanOrEqual(tol);
    near(u.mean, mean(pp));
    near(u.min, Math.min(...pp));
    near(u.max, Math.max(...pp));
    near(u.range, Math.max(...pp) - Math.min(...pp));
    near(u.median, percentileInc(pp, 0.5));
    near(u.p5, percentileInc(pp, 0.05));
    near(u.p95, percentileInc(pp, 0.95));
    near(u.frr, (percentileInc(pp, 0.95) - percentileInc(pp, 0.05)) / percentileInc(pp, 0.05), 2e-6);
    near(u.cv, popSd(pp) / mean(pp), 2e-6);
    near(u.gini, giniDef(pp), 2e-6);
    const below = pp.filter((v) => v < percentileInc(pp, 0.5));
    near(u.mcloone, mean(below) / percentileInc(pp, 0.5), 2e-6);
    const fit = ols(schools.map((x) => poverty.get(x.id) as number), pp);
    near(u.slope, fit.slope);
    near(u.r2, fit.r2, 2e-6);

    const w = s.equity.pupilWeighted;
    const students = schools.map((x) => x.students);
    const pupils = expand(pp, students);
    expect(pupils).toHaveLength(20814);
    near(w.mean, schools.reduce((t, x) => t + x.total, 0) / schools.reduce((t, x) => t + x.students, 0));
    near(w.median, percentileInc(pupils, 0.5));
    near(w.p5, percentileInc(pupils, 0.05));
    near(w.p95, percentileInc(pupils, 0.95));
    near(w.cv, popSd(pupils) / mean(pupils), 2e-6);
    // Theil T over pupils: mean of (x/μ) ln(x/μ).
    const mu = mean(pupils);
    near(w.theil, mean(pupils.map((x) => (x / mu) * Math.log(x / mu))), 2e-6);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const names = wb.worksheets.map((ws) => ws.name);
    expect(names).toEqual(expect.arrayContaining(["Schools", "Enrollment", "Equity", "Equity Data", "Poverty Deciles"]));
    expect(String(wb.getWorksheet("Equity")!.getCell("A3").value)).toMatch(/^Source: the formula's allocation/);
  });

  test("--source spending: statistics from a Spending table built here, for the chosen year, with the salary adjustment", async () => {
    const ids = raw.schools.rows.map((r) => String(r[0]));
    const withSpending: RawTables = {
      ...raw,
      spending: rawTable("Spending", ["School ID", "Year", "Restricted $", "Unrestricted $", "Actual Salaries", "Average Salaries"], spendingRows(ids, "E101")),
    };
    const input = path.join(dir, "spending.xlsx");
    await writeInputWorkbook(withSpending, input);
    const out = path.join(dir, "spending-result.xlsx");
    const json = path.join(dir, "spending.json");
    const r = sfs(["equity", input, "--source", "spending", "--year", "2024", "--out", out, "--json", json]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("actual spending in 2024");
    expect(r.stdout).toContain("Salary averaging");
    const s = JSON.parse(readFileSync(json, "utf8"));
    expect(s.equity).toMatchObject({ source: "spending", year: "2024", years: ["2024", "2025"], missingSchools: ["E101"] });

    const students = new Map((s.schools as SchoolJson[]).map((x) => [x.id, x.students]));
    const rows = spendingRows(ids, "E101").filter((row) => row[1] === 2024);
    expect(rows).toHaveLength(38);
    const n = rows.map((row) => students.get(String(row[0])) as number);
    const totalCents = rows.map((row) => Math.round(Number(row[2]) * 100) + Math.round(Number(row[3]) * 100));
    const pp = totalCents.map((c, i) => c / 100 / n[i]);
    const u = s.equity.unweighted;
    const near = (got: number, want: number, tol = 0.006) => expect(Math.abs(got - want)).toBeLessThanOrEqual(tol);
    near(u.mean, mean(pp));
    near(u.min, Math.min(...pp));
    near(u.max, Math.max(...pp));
    near(u.p5, percentileInc(pp, 0.05));
    near(u.p95, percentileInc(pp, 0.95));
    near(u.cv, popSd(pp) / mean(pp), 2e-6);
    const fit = ols(rows.map((row) => poverty.get(String(row[0])) as number), pp);
    near(u.slope, fit.slope);
    near(s.equity.pupilWeighted.mean, totalCents.reduce((a, b) => a + b, 0) / 100 / n.reduce((a, b) => a + b, 0));
    near(s.equity.pupilWeighted.median, percentileInc(expand(pp, n), 0.5));

    // Salary averaging: the same spending with salaries at the district average.
    const gap = rows.map((row) => Number(row[4]) - Number(row[5]));
    near(s.equity.salary.totalAdjustment, gap.reduce((a, b) => a + b, 0), 0.001);
    near(s.equity.salary.withActual.pupilWeighted.mean, s.equity.pupilWeighted.mean);
    const atAverage = pp.map((v, i) => v - gap[i] / n[i]);
    near(s.equity.salary.withAverage.unweighted.mean, mean(atAverage));
    near(s.equity.salary.withAverage.unweighted.max, Math.max(...atAverage));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(expect.arrayContaining(["Spending", "Equity", "Equity Data"]));
    expect(String(wb.getWorksheet("Equity")!.getCell("A3").value)).toMatch(/^Source: actual spending in 2024 .*other years in the table: 2025.*left out\): E101/);
  });

  test("a bad Spending row stops the run (exit 2) naming table, row and column; nothing is written", async () => {
    const ids = raw.schools.rows.map((r) => String(r[0]));
    const rows = spendingRows(ids, "");
    rows[2][2] = "lots"; // sheet row 4, Restricted $
    rows[4][0] = "Z999"; // sheet row 6, School ID
    const bad = path.join(dir, "bad-spending.xlsx");
    await writeInputWorkbook({ ...raw, spending: rawTable("Spending", ["School ID", "Year", "Restricted $", "Unrestricted $"], rows.map((x) => x.slice(0, 4))) }, bad);
    const out = path.join(dir, "never.xlsx");
    const json = path.join(dir, "never.json");
    const r = sfs(["equity", bad, "--out", out, "--json", json]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`Spending row 4, column "Restricted $" (C4): expected a dollar amount ≥ 0 (restricted spending), found "lots"`);
    expect(r.stderr).toContain(`Spending row 6, column "School ID" (A6): expected a School ID listed in Schools, found "Z999"`);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(json)).toBe(false);
  });

  test("usage and source problems exit 2 with a message", async () => {
    expect((await inProcess(["equity"])).code).toBe(2);
    expect((await inProcess(["equity", SAMPLE, "--source", "budget"])).stderr).toMatch(/usage: sfs equity/);
    const year = await inProcess(["equity", SAMPLE, "--year", "2024"]);
    expect(year.code).toBe(2);
    expect(year.stderr).toContain("--year applies to --source spending");
    const none = await inProcess(["equity", SAMPLE, "--source", "spending", "--out", path.join(dir, "none.xlsx")]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/Spending: expected an Excel table or a sheet named "Spending"/);
    expect(existsSync(path.join(dir, "none.xlsx"))).toBe(false);
  });
});
