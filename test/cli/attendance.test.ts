/**
 * ADA funding through the real bin: a workbook with Policy ADA Levels = High gives a summary.json whose schools carry
 * their attendance rate and ADA students, whose High schools have an attendance line per source paying their Base,
 * whose lines add up to each school's money, and whose High Base rate is above the one funded on enrollment. A school
 * at an ADA level with no rate stops the run with the located error and writes nothing.
 */
import { existsSync, mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { writeInputWorkbook } from "../../scripts/write-inputs";
import { sampleDistrict } from "../../src/sample/district";
import { SAMPLE, sfs } from "../helpers/cli";

interface JsonLine { source: string; kind: string; level: string | null; category: string | null; count: number | null; rate: number | null; amount: number }
interface JsonSchool { id: string; total: number; students: number; attendanceRate: number | null; adaStudents: number | null; lines: JsonLine[] }

describe("sfs allocate with ADA Levels (through the real bin)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "sfs-ada-"));

  test("summary.json carries the attendance rate, ADA students and the attendance lines", async () => {
    const raw = sampleDistrict();
    raw.policy.rows.push(["ADA Levels", "High"]);
    const book = path.join(dir, "ada.xlsx");
    await writeInputWorkbook(raw, book);
    const json = path.join(dir, "ada.json");
    const r = sfs(["allocate", book, "--json", json, "--quiet"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const s = JSON.parse(readFileSync(json, "utf8")) as { schools: JsonSchool[]; matrix: Record<string, Record<string, number>> };
    const rateCol = raw.schools.headers.indexOf("Attendance Rate");
    const enrolled = new Map<string, number>();
    for (const row of raw.enrollment.rows) if (row[1] === "High") enrolled.set(String(row[0]), (enrolled.get(String(row[0])) ?? 0) + Number(row[2]));
    for (const sc of s.schools) {
      const rate = Number(raw.schools.rows.find((row) => row[0] === sc.id)?.[rateCol]);
      expect(sc.attendanceRate).toBeCloseTo(rate, 12);
      const n = enrolled.get(sc.id);
      // ADA students: enrolled × rate, half-up to hundredths (the sample's rates have at most 3 decimals).
      if (n === undefined) expect(sc.adaStudents).toBeNull();
      else expect(sc.adaStudents).toBe(Math.floor(n * Math.round(rate * 10000) / 100 + 0.5) / 100);
      const att = sc.lines.filter((l) => l.kind === "attendance");
      if (n === undefined || n === sc.adaStudents) expect(att).toEqual([]);
      else {
        expect(att.length).toBeGreaterThan(0);
        for (const l of att) {
          expect(l.level).toBe("High");
          expect(l.count).toBeCloseTo((sc.adaStudents as number) - n, 9);
          // count × printed rate = amount, rounded half-up to the dollar (the sample rounds to whole dollars).
          expect(Math.round(l.amount * 100)).toBe(-Math.floor((Math.round(-(l.count as number) * 100) * Math.round((l.rate as number) * 100) + 5000) / 10000) * 100);
          const formula = sc.lines.find((x) => x.kind === "formula" && x.source === l.source && x.level === "High" && x.category === l.category);
          expect(formula?.rate).toBe(l.rate);
        }
      }
      expect(Math.round(sc.lines.reduce((t, l) => t + Math.round(l.amount * 100), 0))).toBe(Math.round(sc.total * 100));
    }
    // The pool is spent on attendance: the High base $ per pupil is above the enrollment-funded sample's.
    const plain = path.join(dir, "plain.json");
    expect(sfs(["allocate", SAMPLE, "--json", plain, "--quiet"]).code).toBe(0);
    const p = JSON.parse(readFileSync(plain, "utf8")) as { schools: JsonSchool[]; matrix: Record<string, Record<string, number>> };
    expect(s.matrix.High.Base).toBeGreaterThan(p.matrix.High.Base);
    expect(p.schools.every((sc) => sc.lines.every((l) => l.kind !== "attendance"))).toBe(true);
    expect(p.schools.every((sc) => sc.adaStudents === null && sc.attendanceRate !== null)).toBe(true);
  });

  test("a High school with no Attendance Rate: exit 2, the located error, nothing written", async () => {
    const raw = sampleDistrict();
    raw.policy.rows.push(["ADA Levels", "High"]);
    const col = raw.schools.headers.indexOf("Attendance Rate");
    const k = raw.schools.rows.findIndex((row) => String(row[0]).startsWith("H"));
    raw.schools.rows[k][col] = null;
    const book = path.join(dir, "missing.xlsx");
    await writeInputWorkbook(raw, book);
    const json = path.join(dir, "never.json");
    const r = sfs(["allocate", book, "--json", json]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`row ${k + 2}`);
    expect(r.stderr).toContain("Attendance Rate");
    expect(r.stderr).toContain("Policy ADA Levels includes High");
    expect(existsSync(json)).toBe(false);
  });
});
