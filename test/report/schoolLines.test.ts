import { allocate } from "../../src/engine/allocate";
import { parseDistrict } from "../../src/engine/parse";
import { allocationPlans } from "../../src/report/allocation";
import { resultPlans, SCHOOL_LINES_HEADERS, schoolLinesPlans } from "../../src/report/schoolLines";
import { sampleDistrict } from "../../src/sample/district";

const parsed = parseDistrict(sampleDistrict());
if (!parsed.ok) throw new Error("sample does not parse");
const a = allocate(parsed.district);

describe("School Lines: every school's lines in one table", () => {
  const plan = schoolLinesPlans(a)[0];
  const t = plan.tables[0];
  const col = (h: string) => SCHOOL_LINES_HEADERS.indexOf(h);

  test("each school's rows add up to its total, to the cent", () => {
    const sums = new Map<string, number>();
    for (const r of t.rows) sums.set(r[col("School ID")] as string, (sums.get(r[col("School ID")] as string) ?? 0) + Math.round((r[col("Amount")] as number) * 100));
    expect(sums.size).toBe(a.schools.length);
    for (const s of a.schools) expect(sums.get(s.id)).toBe(s.total);
  });

  test("the rows are the school sheets' lines, in the same order", () => {
    const sheets = allocationPlans(a).filter((p) => p.role === "school");
    const fromSheets = sheets.flatMap((p, i) => p.tables[0].rows.map((r) => [a.schools[i].id, a.schools[i].name, ...r]));
    expect(t.rows).toEqual(fromSheets);
  });

  test("above the threshold the school sheets give way to the one table", () => {
    const n = a.schools.length;
    expect(resultPlans(a, n).map((p) => p.role)).toEqual(allocationPlans(a).map((p) => p.role));
    const roles = resultPlans(a, n - 1).map((p) => p.role);
    expect(roles).toEqual(["summary", "matrix", "school-budgets", "school"]);
    expect(resultPlans(a, n - 1)[3].name).toBe("School Lines");
  });
});

describe("re-running in the other form replaces the school lines", () => {
  test("per-school sheets, then one School Lines table, then sheets again: no stale sheet is left", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const { renderPlans } = await import("../../src/xlsx/write");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Mine").getCell("A1").value = "keep";
    const n = a.schools.length;
    renderPlans(wb, resultPlans(a, n));
    expect(wb.worksheets.filter((w) => w.name.startsWith("E101 "))).toHaveLength(1);
    renderPlans(wb, resultPlans(a, 0));
    expect(wb.worksheets.filter((w) => w.name.startsWith("E101 "))).toHaveLength(0);
    expect(wb.getWorksheet("School Lines")).toBeDefined();
    renderPlans(wb, resultPlans(a, n));
    expect(wb.getWorksheet("School Lines")).toBeUndefined();
    expect(wb.getWorksheet("Mine")!.getCell("A1").value).toBe("keep");
  });
});

test("more lines than a sheet holds continue on School Lines 2, 3…", () => {
  const all = schoolLinesPlans(a)[0].tables[0].rows;
  const parts = schoolLinesPlans(a, 100);
  expect(parts.map((p) => p.name)).toEqual(Array.from({ length: Math.ceil(all.length / 100) }, (_, k) => (k ? `School Lines ${k + 1}` : "School Lines")));
  expect(parts.flatMap((p) => p.tables[0].rows)).toEqual(all);
  expect(new Set(parts.map((p) => p.tables[0].name)).size).toBe(parts.length);
});
