/**
 * The school calculators recalculated by a real spreadsheet engine: every workbook is written, opened by
 * headless LibreOffice with "recalculate on load: always", saved, and the recalculated values are compared
 * with the engine to the cent. Skipped (with the reason printed) only when `soffice` is not installed.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { loadAndAllocate } from "../../src/cli/pipeline";
import { allocate } from "../../src/engine/allocate";
import { explainer } from "../../src/engine/allocate/explain";
import { calculatorModel, originalCounts, schoolAtFixedRates, type CalculatorCounts } from "../../src/report/calculator/model";
import { summaryJson } from "../../src/report/summary";
import type { Allocation } from "../../src/engine/types";
import { allocationPlans } from "../../src/report/allocation";
import { calculatorPlans, DIFFERENCE_SENTENCES, shadowSentence } from "../../src/report/calculator";
import { a1 } from "../../src/report/names";
import type { SheetPlan } from "../../src/report/plan";
import { calculatorFileNames, calculatorsZip, writeCalculatorFiles } from "../../src/xlsx/calculators";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "sample-district.xlsx");

function findSoffice(): string | null {
  const fromPath = spawnSync("sh", ["-c", "command -v soffice || command -v libreoffice"], { encoding: "utf8" });
  const found = fromPath.status === 0 ? fromPath.stdout.trim().split("\n")[0] : "";
  if (found) return found;
  for (const p of ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/Applications/LibreOffice.app/Contents/MacOS/soffice"]) if (existsSync(p)) return p;
  return null;
}

const SOFFICE = findSoffice();
if (!SOFFICE) {
  console.warn("calculators.libreoffice.test.ts skipped: LibreOffice (soffice) is not installed, so the calculators cannot be recalculated.");
}
const withLibreOffice = SOFFICE ? describe : describe.skip;

const RECALC_ITEMS =
  '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n' +
  '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n';

/** A LibreOffice profile that always recalculates on load (created by LibreOffice, then patched). */
function recalcProfile(soffice: string, dir: string): string {
  const url = `file://${dir}`;
  spawnSync(soffice, [`-env:UserInstallation=${url}`, "--headless", "--terminate_after_init"], { encoding: "utf8", timeout: 120000 });
  const reg = path.join(dir, "user", "registrymodifications.xcu");
  const xml = existsSync(reg)
    ? readFileSync(reg, "utf8")
    : '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n</oor:items>\n';
  mkdirSync(path.dirname(reg), { recursive: true });
  writeFileSync(reg, xml.replace("</oor:items>", `${RECALC_ITEMS}</oor:items>`));
  return url;
}

function decodeXml(s: string): string {
  return s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** Cached values of an .xlsx read straight from its XML (ExcelJS drops cached zeros), by defined name or by cell. */
interface Cached {
  names: Record<string, { sheet: string; cell: string }>;
  value(sheet: string, cell: string): number | string | null;
  byName(name: string): number | string | null;
}

async function readCached(file: string): Promise<Cached> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const text = async (p: string): Promise<string> => (await zip.file(p)?.async("string")) ?? "";
  const workbook = await text("xl/workbook.xml");
  const rels = await text("xl/_rels/workbook.xml.rels");
  const shared = [...(await text("xl/sharedStrings.xml")).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => decodeXml([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join("")));
  const target: Record<string, string> = {};
  for (const m of rels.matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)) target[m[1]] = m[2];
  for (const m of rels.matchAll(/<Relationship [^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"/g)) target[m[2]] = m[1];
  const sheetFile: Record<string, string> = {};
  for (const m of workbook.matchAll(/<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)) {
    const t = target[m[2]].replace(/^\/?xl\//, "");
    sheetFile[decodeXml(m[1])] = `xl/${t}`;
  }
  const names: Cached["names"] = {};
  for (const m of workbook.matchAll(/<definedName ([^>]*)>([^<]+)<\/definedName>/g)) {
    const name = /name="([^"]+)"/.exec(m[1])?.[1] ?? "";
    const ref = decodeXml(m[2]);
    const r = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]+)\$?(\d+)$/.exec(ref);
    if (r) names[name] = { sheet: (r[1] ?? r[2]).replace(/''/g, "'"), cell: `${r[3]}${r[4]}` };
  }
  const sheets: Record<string, Map<string, number | string | null>> = {};
  for (const [name, p] of Object.entries(sheetFile)) {
    const xml = await text(p);
    const cells = new Map<string, number | string | null>();
    for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const type = /t="([^"]+)"/.exec(m[2])?.[1] ?? "n";
      const v = m[3] ? /<v>([\s\S]*?)<\/v>/.exec(m[3])?.[1] : undefined;
      const inline = m[3] ? /<is>[\s\S]*?<t[^>]*>([\s\S]*?)<\/t>/.exec(m[3])?.[1] : undefined;
      let value: number | string | null = null;
      if (type === "s" && v !== undefined) value = shared[Number(v)];
      else if (type === "str" || type === "e") value = v === undefined ? null : decodeXml(v);
      else if (type === "inlineStr") value = inline === undefined ? null : decodeXml(inline);
      else if (type === "b") value = v === undefined ? null : Number(v);
      else if (v !== undefined) value = Number(v);
      cells.set(m[1], value);
    }
    sheets[name] = cells;
  }
  const value = (sheet: string, cell: string) => sheets[sheet]?.get(cell) ?? null;
  return {
    names,
    value,
    byName: (n: string) => (names[n] ? value(names[n].sheet, names[n].cell) : null),
  };
}

/** The workbook with every formula's cached result removed (<f>…</f><v>…</v> → <f>…</f>). */
async function withoutCachedResults(file: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  let removed = 0;
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
    const xml = await (zip.file(name) as JSZip.JSZipObject).async("string");
    zip.file(
      name,
      xml.replace(/(<\/f>|<f [^>]*\/>)<v>[^<]*<\/v>/g, (_m, f: string) => {
        removed++;
        return f;
      }),
    );
  }
  if (removed === 0) throw new Error(`${file}: no cached formula results found`);
  return zip.generateAsync({ type: "nodebuffer" });
}

const cents = (v: number | string | null): number | string | null => (typeof v === "number" ? Math.round(v * 100) : v);

/** Budget_<Source> names of a school's calculator, in model-source order. */
function budgetNames(a: Allocation, i: number): string[] {
  const budget = calculatorPlans(a, i).find((p) => p.name === "Budget");
  return (budget?.names ?? []).filter((n) => n.name.startsWith("Budget_")).map((n) => n.name);
}

/**
 * Every formula cell of the plans on the given sheets, recalculated by LibreOffice, equals the plan's cached
 * result (the model evaluated in TypeScript): money cells to the cent, texts exactly, other numbers to 1e-9.
 */
function expectSameAsPlans(cached: Cached, plans: SheetPlan[], sheets: string[], who: string): number {
  let compared = 0;
  for (const plan of plans.filter((p) => sheets.includes(p.name))) {
    for (const cell of plan.cells) {
      if (!cell.f) continue;
      const got = cached.value(plan.name, a1(cell.r, cell.c));
      const want = cell.result ?? null;
      const where = `${who} ${plan.name}!${a1(cell.r, cell.c)} ${cell.f.slice(0, 60)}`;
      compared++;
      if (typeof want === "number" && cell.fmt === "currency") expect({ where, cents: cents(got) }).toEqual({ where, cents: Math.round(want * 100) });
      else if (typeof want === "number") expect({ where, close: typeof got === "number" && Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)) }).toEqual({ where, close: true });
      else expect({ where, value: got === "" ? null : got }).toEqual({ where, value: want === "" ? null : want });
    }
  }
  return compared;
}

interface Change {
  id: string;
  edits: { level: string; category: string; delta: number }[];
}

/** E123 typed as 410 students, 150 of them in poverty. */
function e123Edits(a: Allocation, i: number): Change["edits"] {
  const l = a.district.levels.indexOf("Elementary");
  const counts = originalCounts(a, i);
  return [
    { level: "Elementary", category: "Students", delta: 410 - counts[l][0] },
    { level: "Elementary", category: "Poverty", delta: 150 - counts[l][1] },
  ];
}

const CHANGES: Change[] = [
  // Lincoln: fewer students, more English learners, and enough poverty to cross Title I's 40% line.
  { id: "E101", edits: [{ level: "Elementary", category: "Students", delta: -15 }, { level: "Elementary", category: "English Learner", delta: 20 }, { level: "Elementary", category: "Poverty", delta: 30 }] },
  // Held at its minimum operating budget.
  { id: "H306", edits: [{ level: "High", category: "Students", delta: -15 }] },
  // More students and more in special education.
  { id: "E102", edits: [{ level: "Elementary", category: "Students", delta: 40 }, { level: "Elementary", category: "Special Education", delta: 10 }] },
  // Two levels.
  { id: "K401", edits: [{ level: "Middle", category: "Students", delta: 25 }, { level: "Middle", category: "Poverty", delta: 12 }, { level: "Elementary", category: "Students", delta: -10 }] },
  // A large drop that leaves the cap.
  { id: "H301", edits: [{ level: "High", category: "Students", delta: -200 }, { level: "High", category: "Poverty", delta: -50 }] },
  // Held harmless, then enough new students to rise above the floor.
  { id: "M202", edits: [{ level: "Middle", category: "Students", delta: 60 }, { level: "Middle", category: "English Learner", delta: 5 }] },
  // The case that once fell below its floor: 410 students, 150 in poverty (set below from the projection).
  { id: "E123", edits: [] },
];

withLibreOffice("school calculators recalculated by LibreOffice", () => {
  const soffice = SOFFICE as string;
  const dir = mkdtempSync(path.join(tmpdir(), "sfs-calc-lo-"));
  const inDir = path.join(dir, "in");
  const outDir = path.join(dir, "out");
  const blankDir = path.join(dir, "blank");
  const profileDir = path.join(tmpdir(), `lo-profile-${process.pid}-${Date.now()}`);
  let a: Allocation;
  let files: string[] = [];
  // The sample with Policy Norm Adjustment at 50% (its schools carry a Norm Budget): the norm-based adjustment on.
  let aNorm: Allocation;
  let normFiles: string[] = [];
  const changed: { change: Change; index: number; file: string; counts: CalculatorCounts }[] = [];
  let stderr = "";

  beforeAll(async () => {
    const loaded = await loadAndAllocate(SAMPLE);
    if (!loaded.ok) throw new Error(loaded.message);
    a = loaded.allocation;
    files = await writeCalculatorFiles(a, inDir);
    aNorm = allocate({ ...a.district, policy: { ...a.district.policy, normAdjustment: 0.5 } });
    if (aNorm.errors.length) throw new Error(JSON.stringify(aNorm.errors));
    normFiles = await writeCalculatorFiles(aNorm, path.join(dir, "norm"));
    // Edited copies: the principal types new counts into the input cells (written with ExcelJS).
    for (const change of CHANGES) {
      const index = a.schools.findIndex((s) => s.id === change.id);
      const counts = originalCounts(a, index);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(files[index]);
      const inputs = wb.getWorksheet("Inputs") as ExcelJS.Worksheet;
      const model = calculatorModel(a, index);
      const edits = change.id === "E123" ? e123Edits(a, index) : change.edits;
      for (const e of edits) {
        const l = a.district.levels.indexOf(e.level);
        const c = e.category === "Students" ? 0 : a.district.needs.indexOf(e.category) + 1;
        counts[l][c] += e.delta;
        const input = model.inputs.find((x) => x.levelIndex === l && x.category === c);
        if (!input) throw new Error(`no input for ${e.level} ${e.category}`);
        const ranges = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model.find((d) => d.name === input.name)?.ranges ?? [];
        const cell = ranges[0].split("!")[1].replace(/\$/g, "");
        inputs.getCell(cell).value = counts[l][c];
      }
      if (change.id === "E101") {
        // A School Plan line paying a non-Special-Education item from IDEA (restricted) and overspending State Base Aid.
        const plan = wb.getWorksheet("School Plan") as ExcelJS.Worksheet;
        const header = plan.getColumn(1).values.findIndex((v) => v === "Investment");
        const row = plan.getRow(header + 1);
        const col = (name: string) => (plan.getRow(header).values as unknown[]).findIndex((v) => v === name);
        row.getCell(1).value = "Reading coach";
        row.getCell(2).value = "GEN";
        row.getCell(3).value = 1;
        row.getCell(col("IDEA Part B")).value = 1000;
        row.getCell(col("State Base Aid")).value = 99_999_999;
      }
      const file = path.join(inDir, `changed-${change.id}.xlsx`);
      await wb.xlsx.writeFile(file);
      changed.push({ change, index, file, counts });
    }
    // Copies without any cached formula result, so that every figure compared below was computed by LibreOffice.
    mkdirSync(blankDir, { recursive: true });
    for (const f of files) writeFileSync(path.join(blankDir, path.basename(f)), await withoutCachedResults(f));
    for (const f of normFiles) writeFileSync(path.join(blankDir, `norm-${path.basename(f)}`), await withoutCachedResults(f));
    mkdirSync(outDir, { recursive: true });
    const url = recalcProfile(soffice, profileDir);
    const all = [...files.map((f) => path.join(blankDir, path.basename(f))), ...normFiles.map((f) => path.join(blankDir, `norm-${path.basename(f)}`)), ...changed.map((c) => c.file)];
    const r = spawnSync(soffice, [`-env:UserInstallation=${url}`, "--headless", "--convert-to", "xlsx", "--outdir", outDir, ...all], { encoding: "utf8", timeout: 240000 });
    if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
    stderr = r.stderr;
  }, 300000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  });

  test("LibreOffice converts every calculator without error output", () => {
    const problems = stderr
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l !== "" && !/javaldx|java may not function/i.test(l));
    expect(problems).toEqual([]);
    const out = new Set(readdirSync(outDir));
    for (const f of [...files, ...changed.map((c) => c.file)]) expect(out.has(path.basename(f))).toBe(true);
  });

  test("1. every school: every recalculated figure (lines, sources, total, floor and cap, shadow notice, words) equals the engine's evaluation to the cent", async () => {
    expect(files).toHaveLength(39);
    const explain = explainer(a);
    const json = summaryJson(a);
    let compared = 0;
    let differing = 0;
    for (let i = 0; i < a.schools.length; i++) {
      const cached = await readCached(path.join(outDir, path.basename(files[i])));
      const plans = calculatorPlans(a, i);
      compared += expectSameAsPlans(cached, plans, ["Cover", "Inputs", "Rates", "Budget", "Explanation", "School Plan"], a.schools[i].id);
      const b = schoolAtFixedRates(a, i);
      expect({ school: a.schools[i].id, total: cents(cached.byName("Total_Budget")) }).toEqual({ school: a.schools[i].id, total: b.total });
      expect({ school: a.schools[i].id, turnedOn: cents(cached.byName("Turned_On_Budget")), gap: cents(cached.byName("Shadow_Gap")) }).toEqual({ school: a.schools[i].id, turnedOn: b.turnedOn, gap: b.gap });
      // Against the district's full allocation: the difference is shown, never folded into a line.
      expect({ school: a.schools[i].id, difference: cents(cached.byName("District_Difference")) }).toEqual({ school: a.schools[i].id, difference: b.total - a.schools[i].total });
      // At the projected counts every calculator equals the allocation to the cent (each school rounded alone).
      expect({ school: a.schools[i].id, total: cents(cached.byName("Total_Budget")) }).toEqual({ school: a.schools[i].id, total: a.schools[i].total });
      if (b.total !== a.schools[i].total) differing++;
      // The prior year's balance: the same carried and available figures as summary.json and the budget sheet.
      const own = json.schools[i];
      expect(own.carryOver).not.toBeNull();
      expect({ school: a.schools[i].id, carried: cents(cached.byName("Carried_From_Prior_Year")), available: cents(cached.byName("Available_To_Spend")) }).toEqual({
        school: a.schools[i].id,
        carried: Math.round((own.carryOver as number) * 100),
        available: Math.round((own.available as number) * 100),
      });
      const sheet = allocationPlans(a).find((p) => p.name === `${a.schools[i].id} ${a.schools[i].name}`) as SheetPlan;
      const availableRow = sheet.cells.find((c) => c.c === 0 && c.v === "Available to spend (total budget + carried)")!.r;
      expect(Math.round((sheet.cells.find((c) => c.r === availableRow && c.c === 1)!.v as number) * 100)).toBe(cents(cached.byName("Available_To_Spend")));
      const floor = a.schools[i].floor;
      if (floor !== null) expect(cents(cached.byName("Total_Budget")) as number).toBeGreaterThanOrEqual(floor);
      const model = calculatorModel(a, i);
      const nameList = budgetNames(a, i);
      expect(nameList).toHaveLength(model.sources.length);
      model.sources.forEach((s, k) => expect({ school: a.schools[i].id, source: s.name, cents: cents(cached.byName(nameList[k])) }).toEqual({ school: a.schools[i].id, source: s.name, cents: b.bySource[s.index] }));
      // One number per concept: each recalculated Budget_<Source> is the allocation's figure for that source.
      model.sources.forEach((s, k) => expect({ school: a.schools[i].id, source: s.name, cents: cents(cached.byName(nameList[k])) }).toEqual({ school: a.schools[i].id, source: s.name, cents: a.sources[s.index].bySchool[i] }));
      for (const u of model.unavailable) expect(a.sources[u.index].bySchool[i]).toBe(0);
      // Every line, recalculated, equals the allocation's own line for this school (same count, rate and amount).
      const budget = plans.find((p) => p.name === "Budget") as SheetPlan;
      const engineLines = explain(i).filter((l) => l.kind === "formula" && l.amount !== 0);
      let matched = 0;
      for (const s of model.sources) {
        for (const line of s.lines) {
          const input = model.inputs.find((x) => x.id === line.inputId)!;
          const rate = model.constants.find((c) => c.id === line.rateId)!;
          const cell = budget.cells.find((c) => c.f?.startsWith(`ROUND(${input.name}*${rate.name},`))!;
          const got = cents(cached.value("Budget", a1(cell.r, cell.c)));
          const theirs = engineLines.find((l) => l.source === s.name && l.level === input.level && l.category === a.matrix.categories[line.category]);
          expect({ school: a.schools[i].id, line: rate.name, cents: got }).toEqual({ school: a.schools[i].id, line: rate.name, cents: theirs?.amount ?? 0 });
          if (theirs) {
            expect(Math.round(rate.value * 100)).toBe(theirs.rate);
            matched++;
          }
        }
      }
      expect({ school: a.schools[i].id, matched }).toEqual({ school: a.schools[i].id, matched: engineLines.length });
    }
    expect(compared).toBeGreaterThan(39 * 60);
    expect(differing).toBe(0);
    console.log(`LibreOffice recalculation: ${compared} formula cells of 39 calculators compared; all 39 totals equal the full allocation at the projected counts, to the cent`);
  });

  test("2. changed counts: LibreOffice agrees with schoolAtFixedRates to the cent", async () => {
    for (const { change, index, file, counts } of changed) {
      const expected = schoolAtFixedRates(a, index, counts);
      const recalculated = await readCached(path.join(outDir, path.basename(file)));
      expectSameAsPlans(recalculated, calculatorPlans(a, index, { counts }), ["Cover", "Rates", "Budget"], `${change.id} (edited)`);
      expect(recalculated.value("Cover", "A5")).toBe(DIFFERENCE_SENTENCES.changed);
      // A school held at its minimum operating budget stays there; every other edit moves the total. Floors and
      // caps apply to the non-grant money (grants are paid on top).
      const nonGrant = expected.total - a.sources.reduce((t, s, k) => t + (s.grant ? expected.bySource[k] : 0), 0);
      if (a.schools[index].floor !== null) expect(nonGrant).toBeGreaterThanOrEqual(a.schools[index].floor as number);
      if (change.id === "H306") expect({ school: change.id, nonGrant }).toEqual({ school: change.id, nonGrant: a.schools[index].floor });
      else expect(expected.total).not.toBe(a.schools[index].total);
      const cached = await readCached(path.join(outDir, path.basename(file)));
      expect({ school: change.id, total: cents(cached.byName("Total_Budget")) }).toEqual({ school: change.id, total: expected.total });
      // What is available follows the edited budget; the carried balance stays the district's figure.
      expect({ school: change.id, available: cents(cached.byName("Available_To_Spend")) }).toEqual({ school: change.id, available: expected.total + (a.schools[index].carryOver as number) });
      expect({ school: change.id, turnedOn: cents(cached.byName("Turned_On_Budget")), gap: cents(cached.byName("Shadow_Gap")) }).toEqual({
        school: change.id,
        turnedOn: expected.turnedOn,
        gap: expected.turnedOn - expected.total,
      });
      // The Cover's sentence was picked by LibreOffice from the recalculated gap.
      const coverTexts: (string | number | null)[] = [];
      for (let r = 1; r <= 40; r++) coverTexts.push(cached.value("Cover", `A${r}`));
      expect(coverTexts).toContain(shadowSentence(expected.gap));
      const model = calculatorModel(a, index);
      const nameList = budgetNames(a, index);
      model.sources.forEach((s, k) => {
        expect({ school: change.id, source: s.name, cents: cents(cached.byName(nameList[k])) }).toEqual({ school: change.id, source: s.name, cents: expected.bySource[s.index] });
      });
    }
    // Held at its minimum operating budget with fewer students: the budget stays, the formula turned on falls.
    const h306 = changed.find((c) => c.change.id === "H306")!;
    expect(schoolAtFixedRates(a, h306.index, h306.counts).turnedOn).toBeLessThan(a.schools[h306.index].turnedOn);
    // Lincoln crossed the 40% poverty line: Title I now pays, and its School Plan checks fire.
    const e101 = changed.find((c) => c.change.id === "E101")!;
    const titleI = a.sources.findIndex((s) => s.name === "Title I Part A");
    expect(a.sources[titleI].bySchool[e101.index]).toBe(0);
    expect(schoolAtFixedRates(a, e101.index, e101.counts).bySource[titleI]).toBeGreaterThan(0);
    const cached = await readCached(path.join(outDir, path.basename(e101.file)));
    const planValues: (string | number | null)[] = [];
    for (const col of "ABCDEFGHIJKLMNOP") for (let r = 1; r <= 60; r++) planValues.push(cached.value("School Plan", `${col}${r}`));
    expect(planValues).toContain("Restricted source used for an ineligible category");
    expect(planValues).toContain("Overspent");
    expect(planValues).toContain("A source is overspent");
  });

  test("4. Norm Adjustment 50%: the norm budget locked, the adjustment live, every figure and every total equal to the allocation to the cent", async () => {
    expect(normFiles).toHaveLength(39);
    let adjusted = 0;
    for (let i = 0; i < aNorm.schools.length; i++) {
      const s = aNorm.schools[i];
      const cached = await readCached(path.join(outDir, `norm-${path.basename(normFiles[i])}`));
      const plans = calculatorPlans(aNorm, i);
      expectSameAsPlans(cached, plans, ["Cover", "Inputs", "Rates", "Budget"], `${s.id} (norm)`);
      expect({ school: s.id, total: cents(cached.byName("Total_Budget")) }).toEqual({ school: s.id, total: s.total });
      expect({ school: s.id, budget: cents(cached.byName("Norm_Budget")) }).toEqual({ school: s.id, budget: s.normBudget });
      // Each general source's part of the change (norm adjustment and rescaling) is the allocation's: every source's budget is its figure.
      const nameList = budgetNames(aNorm, i);
      calculatorModel(aNorm, i).sources.forEach((src, k) => expect({ school: s.id, source: src.name, cents: cents(cached.byName(nameList[k])) }).toEqual({ school: s.id, source: src.name, cents: aNorm.sources[src.index].bySchool[i] }));
      const budget = plans.find((p) => p.name === "Budget") as SheetPlan;
      const cell = budget.cells.find((c) => c.f?.startsWith("ROUND(Norm_Adjustment*("));
      expect(cell).toBeDefined();
      expect({ school: s.id, norm: cents(cached.value("Budget", a1(cell!.r, cell!.c))) }).toEqual({ school: s.id, norm: s.normAdjustment });
      if (s.normAdjustment !== 0) adjusted++;
    }
    expect(adjusted).toBeGreaterThan(30);
    expect(aNorm.sources.filter((x) => x.general).length).toBeGreaterThan(1);
    // The rule moved money: the totals differ from the run without it, and the general money paid is the same.
    expect(aNorm.schools.some((s, i) => s.total !== a.schools[i].total)).toBe(true);
  });

  test("3. protection: only input cells unlocked on every sheet, no external links, ExcelJS round trip", async () => {
    for (const i of [0, a.schools.findIndex((s) => s.id === "K401"), a.schools.length - 1]) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(files[i]);
      const plans = calculatorPlans(a, i);
      const expectedOpen = new Set(plans.flatMap((p) => p.cells.filter((c) => c.unlocked).map((c) => `${p.name}!${c.r + 1}:${c.c + 1}`)));
      const open = new Set<string>();
      for (const ws of wb.worksheets) {
        expect({ sheet: ws.name, protectedSheet: Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet) }).toEqual({ sheet: ws.name, protectedSheet: true });
        ws.eachRow({ includeEmpty: true }, (row, r) =>
          row.eachCell({ includeEmpty: true }, (cell, c) => {
            if (cell.protection?.locked === false) open.add(`${ws.name}!${r}:${c}`);
            const v = cell.value as { formula?: string } | null;
            if (v && typeof v === "object" && typeof v.formula === "string") expect(v.formula).not.toMatch(/\[|\.xlsx/i);
          }),
        );
      }
      expect([...open].sort()).toEqual([...expectedOpen].sort());
      expect([...open].some((k) => k.startsWith("Inputs!"))).toBe(true);
      // Round trip through ExcelJS keeps sheets and names.
      const again = new ExcelJS.Workbook();
      await again.xlsx.load(await wb.xlsx.writeBuffer());
      expect(again.worksheets.map((w) => w.name)).toEqual(wb.worksheets.map((w) => w.name));
      const dn = (w: ExcelJS.Workbook) => (w.definedNames as unknown as { model: { name: string }[] }).model.map((d) => d.name).sort();
      expect(dn(again)).toEqual(dn(wb));
      expect(dn(wb)).toContain("Total_Budget");
    }
  });

  test("a password protects every sheet; the zip holds one workbook per school", async () => {
    const pw = path.join(dir, "pw");
    const [file] = await writeCalculatorFiles(a, pw, { schools: [0], password: "principal" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    for (const ws of wb.worksheets) expect((ws as unknown as { sheetProtection: { hashValue?: string } }).sheetProtection.hashValue).toBeTruthy();
    const zip = await JSZip.loadAsync((await calculatorsZip(a, { schools: [0, 1, 2] }))!);
    expect(Object.keys(zip.files).sort()).toEqual(calculatorFileNames(a, [0, 1, 2]).sort());
  });
});

/**
 * An ADA district: the sample with Policy ADA Levels = Middle, High, cent rounding, and attendance rates chosen so
 * that enrolled × rate often ends in a half hundredth (e.g. 150 × 91.25% = 136.875 → 136.88). Each calculator of a
 * school with a Middle or High row is recalculated by LibreOffice: every figure (the locked attendance rate, ADA
 * students = ROUND(enrolled × rate, 2), the attendance lines, the total) equals the allocation to the cent, and a
 * changed High count moves the ADA students and the attendance line live.
 */
withLibreOffice("school calculators with average daily attendance, recalculated by LibreOffice", () => {
  const soffice = SOFFICE as string;
  const dir = mkdtempSync(path.join(tmpdir(), "sfs-calc-ada-"));
  const inDir = path.join(dir, "in");
  const outDir = path.join(dir, "out");
  const profileDir = path.join(tmpdir(), `lo-profile-ada-${process.pid}-${Date.now()}`);
  let a: Allocation;
  let chosen: number[] = [];
  let files: string[] = [];
  let edited: { index: number; file: string; counts: CalculatorCounts } | null = null;
  const RATES = [0.9125, 0.9375, 0.9462, 0.9585, 0.9215, 0.9635];

  beforeAll(async () => {
    const { sampleDistrict } = await import("../../src/sample/district");
    const { parseDistrict } = await import("../../src/engine/parse");
    const { allocate } = await import("../../src/engine/allocate");
    const raw = sampleDistrict();
    const col = raw.schools.headers.indexOf("Attendance Rate");
    raw.schools.rows.forEach((row, k) => (row[col] = RATES[k % RATES.length]));
    raw.policy.rows = raw.policy.rows.filter((row) => row[0] !== "Rounding");
    raw.policy.rows.push(["ADA Levels", "Middle, High"], ["Rounding", "cent"]);
    const parsed = parseDistrict(raw);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    a = allocate(parsed.district);
    if (a.errors.length) throw new Error(JSON.stringify(a.errors));
    const levels = new Set(["Middle", "High"].map((l) => a.district.levels.indexOf(l)));
    chosen = a.schools.map((_, i) => i).filter((i) => a.district.enrollment.some((r) => r.schoolIndex === i && levels.has(r.levelIndex)));
    files = await writeCalculatorFiles(a, inDir, { schools: chosen });
    // A principal types a new High count at the first High school.
    const index = chosen.find((i) => a.schools[i].id.startsWith("H")) as number;
    const counts = originalCounts(a, index);
    const l = a.district.levels.indexOf("High");
    counts[l][0] += 37;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(files[chosen.indexOf(index)]);
    const input = calculatorModel(a, index).inputs.find((x) => x.levelIndex === l && x.category === 0)!;
    const ranges = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model.find((d) => d.name === input.name)?.ranges ?? [];
    (wb.getWorksheet("Inputs") as ExcelJS.Worksheet).getCell(ranges[0].split("!")[1].replace(/\$/g, "")).value = counts[l][0];
    const file = path.join(inDir, "changed-ada.xlsx");
    await wb.xlsx.writeFile(file);
    edited = { index, file, counts };
    const blankDir = path.join(dir, "blank");
    mkdirSync(blankDir, { recursive: true });
    for (const f of files) writeFileSync(path.join(blankDir, path.basename(f)), await withoutCachedResults(f));
    mkdirSync(outDir, { recursive: true });
    const url = recalcProfile(soffice, profileDir);
    const all = [...files.map((f) => path.join(blankDir, path.basename(f))), file];
    const r = spawnSync(soffice, [`-env:UserInstallation=${url}`, "--headless", "--convert-to", "xlsx", "--outdir", outDir, ...all], { encoding: "utf8", timeout: 240000 });
    if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
  }, 300000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  });

  test("every ADA school: recalculated figures, attendance lines and totals equal the allocation to the cent", async () => {
    const explain = explainer(a);
    let attendanceLines = 0;
    let halves = 0;
    for (const [k, i] of chosen.entries()) {
      const id = a.schools[i].id;
      const cached = await readCached(path.join(outDir, path.basename(files[k])));
      const plans = calculatorPlans(a, i);
      expectSameAsPlans(cached, plans, ["Cover", "Inputs", "Rates", "Budget", "Explanation"], id);
      expect({ id, total: cents(cached.byName("Total_Budget")) }).toEqual({ id, total: a.schools[i].total });
      const model = calculatorModel(a, i);
      expect(model.attendance).not.toBeNull();
      expect(cached.byName("Attendance_Rate")).toBe(a.district.schools[i].attendance);
      const budget = plans.find((p) => p.name === "Budget") as SheetPlan;
      const lines = explain(i).filter((l) => l.kind === "attendance");
      for (const s of model.sources) {
        for (const line of s.lines) {
          if (!line.attendance) continue;
          const rate = model.constants.find((c) => c.id === line.rateId)!;
          const cell = budget.cells.find((c) => c.f?.includes(`*${rate.name},`) && !c.f.startsWith("ROUND(Input_"))!;
          const theirs = lines.find((l) => l.source === s.name && l.level === a.district.levels[line.levelIndex]);
          expect({ id, line: rate.name, cents: cents(cached.value("Budget", a1(cell.r, cell.c))) }).toEqual({ id, line: rate.name, cents: theirs?.amount ?? 0 });
          attendanceLines++;
        }
      }
      for (const x of model.attendance?.levels ?? []) {
        const n = originalCounts(a, i)[x.levelIndex][0];
        if (Math.round(n * Math.round((a.district.schools[i].attendance as number) * 10000)) % 100 === 50) halves++;
      }
      expect(lines.length).toBeGreaterThan(0);
    }
    expect(attendanceLines).toBeGreaterThan(chosen.length);
    // Some schools' ADA students land exactly on a half hundredth: LibreOffice's ROUND and the engine's integers agree there too.
    expect(halves).toBeGreaterThan(0);
  });

  test("a changed High count: ADA students and the attendance lines follow, equal to schoolAtFixedRates", async () => {
    const { index, file, counts } = edited!;
    const expected = schoolAtFixedRates(a, index, counts);
    const cached = await readCached(path.join(outDir, path.basename(file)));
    expectSameAsPlans(cached, calculatorPlans(a, index, { counts }), ["Rates", "Budget"], `${a.schools[index].id} (edited)`);
    expect(cents(cached.byName("Total_Budget"))).toBe(expected.total);
    const l = a.district.levels.indexOf("High");
    const ada = expected.values.get(`ada:${l}`) as number;
    expect(ada).toBe(Math.floor((counts[l][0] * Math.round((a.district.schools[index].attendance as number) * 10000)) / 100 + 0.5) / 100);
    expect(expected.total).not.toBe(a.schools[index].total);
  });
});
