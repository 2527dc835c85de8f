/**
 * Average daily attendance across surfaces: for the sample with ADA Levels = Middle, High, one number per concept —
 * each school's attendance rate and ADA students on its sheet equal summary.json's, every attendance line of the
 * School Lines table equals summary.json's line and the school calculator's line, and the Summary sheet lists the
 * ADA Levels setting with the other policy settings.
 */
import { allocate } from "../../src/engine/allocate";
import { calculatorModel, schoolAtFixedRates } from "../../src/report/calculator/model";
import { parseDistrict } from "../../src/engine/parse";
import { summaryJson } from "../../src/report/summary";
import { allocationPlans, summaryPlan } from "../../src/report/allocation";
import { SCHOOL_LINES_HEADERS, schoolLinesPlans } from "../../src/report/schoolLines";
import { sampleDistrict } from "../../src/sample/district";

const raw = sampleDistrict();
raw.policy.rows.push(["ADA Levels", "Middle, High"]);
const parsed = parseDistrict(raw);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const a = allocate(parsed.district);
const json = summaryJson(a);

describe("ADA figures are the same on every surface", () => {
  test("school sheets: attendance rate and students funded on attendance equal summary.json", () => {
    const sheets = allocationPlans(a).filter((p) => p.role === "school");
    let withAda = 0;
    sheets.forEach((p, i) => {
      const value = (label: string) => {
        const at = p.cells.find((c) => c.c === 0 && c.v === label);
        return at ? p.cells.find((c) => c.r === at.r && c.c === 1)?.v : undefined;
      };
      const s = json.schools[i];
      if (s.adaStudents === null) {
        expect(value("Students funded on attendance")).toBeUndefined();
        return;
      }
      withAda++;
      expect(value("Attendance rate")).toBe(s.attendanceRate);
      expect(value("Students funded on attendance")).toBe(s.adaStudents);
    });
    // Middle, High and K-8 schools (with a Middle row) are funded on attendance; elementary schools are not.
    expect(withAda).toBe(a.schools.filter((_, i) => a.district.enrollment.some((r) => r.schoolIndex === i && r.level !== "Elementary")).length);
  });

  test("every attendance line: School Lines table = summary.json = the school's calculator", () => {
    const t = schoolLinesPlans(a)[0].tables[0];
    const col = (h: string) => SCHOOL_LINES_HEADERS.indexOf(h);
    const rows = t.rows.filter((r) => r[col("Category")] === "Base on attendance");
    const jsonLines = json.schools.flatMap((s) => s.lines.filter((l) => l.kind === "attendance").map((l) => ({ id: s.id, ...l })));
    expect(rows.length).toBe(jsonLines.length);
    expect(rows.length).toBeGreaterThan(20);
    rows.forEach((r, k) => {
      const l = jsonLines[k];
      expect([r[col("School ID")], r[col("Source")], r[col("Level")], r[col("Students")], r[col("$ per Pupil")], r[col("Amount")]]).toEqual([l.id, l.source, l.level, l.count, l.rate, l.amount]);
    });
    for (const [i, s] of json.schools.entries()) {
      const lines = s.lines.filter((l) => l.kind === "attendance");
      if (!lines.length) continue;
      const m = calculatorModel(a, i);
      const v = schoolAtFixedRates(a, i, undefined, m).values;
      for (const l of lines) {
        const src = m.sources.find((x) => x.name === l.source);
        const line = src?.lines.find((x) => x.attendance && a.district.levels[x.levelIndex] === l.level);
        expect({ school: s.id, source: l.source, amount: v.get(line?.attendance?.id ?? "") }).toEqual({ school: s.id, source: l.source, amount: l.amount });
        expect(v.get(line?.attendance?.differenceId ?? "")).toBe(l.count);
      }
    }
  });

  test("the Summary sheet lists ADA Levels with the policy settings", () => {
    const cells = summaryPlan(a).cells;
    const label = cells.find((c) => c.v === "ADA levels");
    expect(label).toBeDefined();
    expect(cells.find((c) => c.r === label?.r && c.c === (label?.c ?? 0) + 1)?.v).toBe("Middle, High");
  });
});
