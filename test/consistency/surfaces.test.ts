/**
 * One number everywhere (issue 11): every figure that appears in more than one place — a school's total, its money
 * by source, central, surplus, the rounding remainder, rates, weights, the lines — is the same in the engine result,
 * summary.json, the result workbook read back with ExcelJS, and plan year 1. Every line: count × rate = amount.
 */
import ExcelJS from "exceljs";
import { allocate } from "../../src/engine/allocate";
import { explainer } from "../../src/engine/allocate/explain";
import { parseDistrict } from "../../src/engine/parse";
import { parsePlanning, planYears } from "../../src/analysis/plan";
import { summaryJson } from "../../src/report/summary";
import type { Allocation, District, RawTables } from "../../src/engine/types";
import { AVAILABLE_LABEL, CARRIED_LABEL } from "../../src/words/allocation";
import { allocationPlans } from "../../src/report/allocation";
import { sampleDistrict } from "../../src/sample/district";
import { syntheticDistrict } from "../../src/sample/synthetic";
import { writeWorkbook } from "../../src/xlsx/write";
import { load } from "../xlsx/helpers";

const cents = (dollars: number) => Math.round(dollars * 100);

function parsed(raw: RawTables): District {
  const r = parseDistrict(raw);
  if (!r.ok) throw new Error(`does not parse: ${JSON.stringify(r.errors.slice(0, 2))}`);
  return r.district;
}

/** Small synthetic districts of every shape, from a seed. */
function synthetic(seed: number): RawTables {
  const pick = (k: number, n: number) => (((seed * 2654435761 + k * 40503) >>> 0) % n);
  return syntheticDistrict({ schools: 12 + pick(1, 24), levels: 1 + pick(2, 3), needs: pick(3, 4), sources: 1 + pick(4, 8), seed });
}

/** Engine ↔ summary.json ↔ explanation lines ↔ plan year 1, for one district. */
function checkEngineAndJson(raw: RawTables, d: District, a: Allocation): void {
  const j = summaryJson(a);
  const unit = d.policy.rounding === "dollar" ? 100 : 1;
  expect(cents(j.totals.schools)).toBe(a.totals.schools);
  expect(cents(j.totals.central)).toBe(a.totals.central);
  expect(cents(j.totals.surplus)).toBe(a.totals.surplus);
  expect(cents(j.totals.roundingRemainder)).toBe(a.totals.remainder);
  expect(a.totals.central + a.totals.schools).toBe(a.totals.revenue);
  a.sources.forEach((s, k) => {
    expect(s.central + s.surplus + s.toSchools).toBe(s.amount);
    expect(cents(j.sources[k].schools)).toBe(s.toSchools);
    expect(cents(j.sources[k].surplus)).toBe(s.surplus);
    expect(cents(j.sources[k].roundingRemainder)).toBe(s.remainder);
  });
  a.matrix.levels.forEach((level, l) =>
    a.matrix.categories.forEach((cat, c) => {
      expect(cents(j.matrix[level][cat])).toBe(a.matrix.perPupil[l][c]);
      expect(j.weights[level][cat]).toBeCloseTo(a.matrix.weights[l][c], 4);
    }),
  );
  const explain = explainer(a);
  a.schools.forEach((s, i) => {
    const js = j.schools[i];
    expect(cents(js.total)).toBe(s.total);
    a.sources.forEach((src) => expect(cents(js.bySource[src.name])).toBe(src.bySchool[i]));
    const lines = explain(i);
    expect(js.lines).toHaveLength(lines.length);
    expect(js.lines.reduce((x, l) => x + cents(l.amount), 0)).toBe(s.total);
    for (const l of js.lines) {
      if (l.count === null || l.rate === null) continue;
      // count × rate (dollars, whole cents) rounded half-up to the unit = amount
      const product = l.count * cents(l.rate);
      expect(cents(l.amount)).toBe(Math.floor((product + unit / 2) / unit) * unit);
    }
  });
  const plan = planYears(d, parsePlanning(raw, d).planning, 1);
  expect(plan.errors).toEqual([]);
  const y1 = plan.years[0].allocation;
  expect(y1.schools.map((s) => s.total)).toEqual(a.schools.map((s) => s.total));
  expect(y1.sources.map((s) => s.bySchool)).toEqual(a.sources.map((s) => s.bySchool));
  expect(y1.totals).toEqual(a.totals);
}

describe("engine, summary.json, lines and plan year 1 agree", () => {
  test("the sample district", () => {
    const raw = sampleDistrict();
    const d = parsed(raw);
    const a = allocate(d);
    expect(a.errors).toEqual([]);
    checkEngineAndJson(raw, d, a);
  });

  test("a few hundred synthetic districts", () => {
    let checked = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const raw = synthetic(seed);
      // A small synthetic district can leave a level without enrollment, which the parser rightly refuses.
      const r = parseDistrict(raw);
      if (!r.ok) continue;
      const d = r.district;
      const a = allocate(d);
      if (a.errors.length) continue;
      checkEngineAndJson(raw, d, a);
      checked++;
    }
    expect(checked).toBeGreaterThan(200);
  }, 120_000);
});

/** The cells of a table read back from a worksheet: rows of { header: value } below the header row that has `first`. */
function tableRows(ws: ExcelJS.Worksheet, first: string, startRow = 1): Record<string, unknown>[] {
  let headerRow = -1;
  for (let r = startRow; r <= ws.rowCount && headerRow < 0; r++) if (ws.getCell(r, 1).value === first) headerRow = r;
  if (headerRow < 0) throw new Error(`no table starting with ${first} on ${ws.name}`);
  const headers: string[] = [];
  for (let c = 1; ws.getCell(headerRow, c).value !== null; c++) headers.push(String(ws.getCell(headerRow, c).value));
  const out: Record<string, unknown>[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount && ws.getCell(r, 1).value !== null; r++) {
    out.push(Object.fromEntries(headers.map((h, k) => [h, value(ws.getCell(r, k + 1).value)])));
  }
  return out;
}

function value(v: ExcelJS.CellValue): unknown {
  return v !== null && typeof v === "object" && "result" in v ? v.result : v;
}

/** The value beside a label in column A. */
function labelled(ws: ExcelJS.Worksheet, label: string): unknown {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === label) return value(ws.getCell(r, 2).value);
  throw new Error(`no ${label} on ${ws.name}`);
}

async function checkWorkbook(a: Allocation): Promise<void> {
  const wb = await load(await writeWorkbook(allocationPlans(a)));
  const summary = wb.getWorksheet("Summary")!;
  expect(cents(labelled(summary, "Distributed to schools") as number)).toBe(a.totals.schools);
  expect(cents(labelled(summary, "Kept centrally as surplus (unspent pool, caps, rounding)") as number)).toBe(a.totals.surplus);
  expect(cents(labelled(summary, "Held centrally (locked sources and school shares)") as number)).toBe(a.totals.central - a.totals.surplus);
  expect(cents(labelled(summary, "  of which central rounding remainder (whole-cent rates, each school rounded alone)") as number)).toBe(a.totals.remainder);
  const budgets = tableRows(wb.getWorksheet("School Budgets")!, "School ID");
  a.schools.forEach((s, i) => {
    expect(budgets[i]["School ID"]).toBe(s.id);
    expect(cents(budgets[i].Total as number)).toBe(s.total);
    for (const src of a.sources) if (src.name in budgets[i]) expect(cents(budgets[i][src.name] as number)).toBe(src.bySchool[i]);
  });
  const matrix = wb.getWorksheet("Matrix")!;
  const perPupil = tableRows(matrix, "Level");
  a.matrix.levels.forEach((level, l) => a.matrix.categories.forEach((cat, c) => expect(cents(perPupil[l][cat] as number)).toBe(a.matrix.perPupil[l][c])));
  const unit = a.district.policy.rounding === "dollar" ? 100 : 1;
  for (const [i, s] of a.schools.entries()) {
    const ws = wb.worksheets.find((w) => w.getCell("A1").value === `${s.name} (${s.id})`);
    if (!ws) throw new Error(`no sheet for ${s.id}`);
    const lines = tableRows(ws, "Source", 3);
    let sum = 0;
    for (const l of lines) {
      sum += cents(l.Amount as number);
      if (typeof l.Students === "number" && typeof l["$ per Pupil"] === "number") {
        expect(cents(l.Amount as number)).toBe(Math.floor((l.Students * cents(l["$ per Pupil"]) + unit / 2) / unit) * unit);
      }
    }
    expect(sum).toBe(s.total);
    expect(lines).toHaveLength(explainer(a)(i).length);
  }
}

describe("the result workbook read back with ExcelJS shows the same figures", () => {
  test("the sample and a handful of synthetic districts", async () => {
    await checkWorkbook(allocate(parsed(sampleDistrict())));
    let checked = 0;
    for (const seed of [3, 7, 11, 19, 23, 29]) {
      const r = parseDistrict(synthetic(seed));
      const a = r.ok ? allocate(r.district) : null;
      if (a && a.errors.length === 0) {
        await checkWorkbook(a);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  }, 120_000);
});

describe("the School Budgets overview: carried, available to spend and students funded on attendance", () => {
  const ADA = "Students funded on attendance";

  test("with Prior Year Balance and ADA Levels, each school's row equals its own sheet and summary.json; the totals equal the Summary", async () => {
    const raw = sampleDistrict();
    raw.policy.rows.push(["ADA Levels", "Middle, High"]);
    const a = allocate(parsed(raw));
    const j = summaryJson(a);
    const wb = await load(await writeWorkbook(allocationPlans(a)));
    const budgets = tableRows(wb.getWorksheet("School Budgets")!, "School ID");
    let withAda = 0;
    a.schools.forEach((s, i) => {
      const row = budgets[i];
      const own = j.schools[i];
      const ws = wb.worksheets.find((w) => w.getCell("A1").value === `${s.name} (${s.id})`)!;
      expect(row["School ID"]).toBe(s.id);
      expect({ id: s.id, carried: cents(row[CARRIED_LABEL] as number), available: cents(row[AVAILABLE_LABEL] as number) }).toEqual({
        id: s.id,
        carried: cents(labelled(ws, CARRIED_LABEL) as number),
        available: cents(labelled(ws, `${AVAILABLE_LABEL} (total budget + carried)`) as number),
      });
      expect(cents(row[CARRIED_LABEL] as number)).toBe(cents(own.carryOver as number));
      expect(cents(row[AVAILABLE_LABEL] as number)).toBe(cents(own.available as number));
      expect(cents(row[AVAILABLE_LABEL] as number)).toBe(s.total + (s.carryOver as number));
      if (own.adaStudents === null) expect(row[ADA]).toBeNull();
      else {
        expect({ id: s.id, ada: row[ADA] }).toEqual({ id: s.id, ada: own.adaStudents });
        expect(labelled(ws, ADA)).toBe(own.adaStudents);
        withAda++;
      }
    });
    expect(withAda).toBeGreaterThan(10);
    const totals = budgets[a.schools.length];
    expect(totals["School ID"]).toBe("Total");
    expect(cents(totals[CARRIED_LABEL] as number)).toBe(cents(j.carryOver?.net as number));
    expect(cents(totals[AVAILABLE_LABEL] as number)).toBe(cents(labelled(wb.getWorksheet("Summary")!, `${AVAILABLE_LABEL} (to schools + net carried)`) as number));
  }, 60_000);

  test("without Prior Year Balance and ADA Levels the columns are not there", async () => {
    const raw = sampleDistrict();
    const at = raw.schools.headers.indexOf("Prior Year Balance");
    expect(at).toBeGreaterThan(0);
    raw.schools = { ...raw.schools, headers: raw.schools.headers.filter((_, k) => k !== at), rows: raw.schools.rows.map((r) => r.filter((_, k) => k !== at)) };
    const a = allocate(parsed(raw));
    const wb = await load(await writeWorkbook(allocationPlans(a, { schools: [0] })));
    const headers = Object.keys(tableRows(wb.getWorksheet("School Budgets")!, "School ID")[0]);
    expect(headers).toEqual(["School ID", "School Name", "Students", "Total", "Current Budget", "Change", "Change %", "Per Pupil", "Poverty %"]);
  }, 60_000);
});
