/**
 * The sample's School Budgets and a school calculator printed to PDF by LibreOffice, Letter landscape/portrait as
 * their page setup says. Legibility is measured on the PDF: every word's box height against the box height of the
 * same font at 7 pt in a calibration workbook converted the same way (both in Calibri's metrics: LibreOffice draws
 * Calibri with Carlito, the metric-compatible font, which .ci/run installs).
 * Skipped, with the reason printed, when LibreOffice or poppler is absent; the 7 pt check needs Carlito.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { allocate } from "../../src/engine/allocate";
import { parseDistrict } from "../../src/engine/parse";
import { allocationPlans } from "../../src/report/allocation";
import { calculatorPlans } from "../../src/report/calculator";
import type { PlanCell } from "../../src/report/plan";
import { printSetup } from "../../src/report/print";
import { sampleDistrict } from "../../src/sample/district";
import { calculatorWorkbook } from "../../src/xlsx/calculators";
import { writeWorkbook } from "../../src/xlsx/write";

function soffice(): string | null {
  const r = spawnSync("sh", ["-c", "command -v soffice || command -v libreoffice"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}
const SOFFICE = soffice();
const POPPLER = spawnSync("pdftotext", ["-v"]).status === 0;
const CARLITO = spawnSync("sh", ["-c", "fc-list | grep -qi carlito"]).status === 0;
if (!SOFFICE || !POPPLER) console.warn("print.libreoffice.test.ts skipped: LibreOffice (soffice) or pdftotext (poppler-utils) is not installed.");
else if (!CARLITO) console.warn("print.libreoffice.test.ts: the 7 pt check is skipped because the Carlito font (fonts-crosextra-carlito) is not installed.");
const describeIf = SOFFICE && POPPLER ? describe : describe.skip;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sfs-print-"));
const ARTIFACTS = path.resolve(__dirname, "..", "..", "test-artifacts");

function toPdf(xlsx: string): string {
  const profile = `file://${path.join(dir, "profile")}`;
  const r = spawnSync(SOFFICE as string, [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx], { encoding: "utf8", timeout: 120000 });
  const pdf = xlsx.replace(/\.xlsx$/, ".pdf");
  if (!fs.existsSync(pdf)) throw new Error(`LibreOffice did not convert ${xlsx}: ${r.stderr}`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.copyFileSync(pdf, path.join(ARTIFACTS, path.basename(pdf)));
  return pdf;
}

/** Word box heights (pt) per page. */
function wordHeights(pdf: string): number[][] {
  const xml = spawnSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }).stdout;
  return xml.split("<page ").slice(1).map((page) => [...page.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)].map((m) => Number(m[2]) - Number(m[1])));
}

/** Words with their boxes (pt), per page. */
function wordBoxes(pdf: string): { text: string; xMin: number; yMin: number; xMax: number; yMax: number }[][] {
  const xml = spawnSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }).stdout;
  const unescape = (t: string) => t.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  return xml
    .split("<page ")
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        text: unescape(m[5]),
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
      })),
    );
}

describeIf("printing through LibreOffice", () => {
  const parsed = parseDistrict(sampleDistrict());
  if (!parsed.ok) throw new Error("sample");
  const a = allocate(parsed.district);
  let sevenPt = 0;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Calibration");
    ws.getCell("A1").value = "Seven point text 12,345";
    ws.getCell("A1").font = { name: "Calibri", size: 7 };
    const file = path.join(dir, "calibration.xlsx");
    await wb.xlsx.writeFile(file);
    sevenPt = Math.max(...wordHeights(toPdf(file))[0]);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("School Budgets: Letter landscape, one page wide, every page with header and footer, no text under 7 pt", async () => {
    const plans = allocationPlans(a, { schools: [] }).filter((p) => p.role === "school-budgets");
    const file = path.join(dir, "school-budgets.xlsx");
    fs.writeFileSync(file, await writeWorkbook(plans));
    const pdf = toPdf(file);
    const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
    expect(info).toMatch(/Page size:\s+792 x 612 pts \(letter\)/);
    const pages = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).stdout.split("\f").filter((p) => p.trim());
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((p, i) => {
      expect(p).toContain("school-budgets.xlsx");
      expect(p).toContain("School Budgets");
      expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
      // the repeated header row on every page of the budgets table
      if (i === 0) expect(p).toMatch(/School ID\s+School Name\s+Students\s+Total/);
    });
    // one page wide: every school's row is whole on its page (the last column, Poverty %, is printed)
    for (const s of a.schools) expect(pages.join("\n")).toMatch(new RegExp(`${s.id}\\s+.*\\d%\\s*$`, "m"));
    expect(pages.join("\n")).not.toMatch(/Floor or Cap Applie(?!d)/);
    if (CARLITO) {
      const smallest = Math.min(...wordHeights(pdf).flat());
      expect(smallest).toBeGreaterThanOrEqual(sevenPt - 0.01);
    }
  });

  // the first school, and the school with the most sources on its School Plan (the widest sheet)
  const planCells = a.schools.map((_, i) => calculatorPlans(a, i).find((p) => p.role === "calculator-plan")!.cells.length);
  const widest = planCells.indexOf(Math.max(...planCells));
  test.each([0, widest])("school %i's calculator: every sheet one page wide at 7 pt or more, every text whole and no words drawn over each other", async (school) => {
    const file = path.join(dir, `calculator-${school}.xlsx`);
    fs.writeFileSync(file, await calculatorWorkbook(a, school));
    const pdf = toPdf(file);
    const pages = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).stdout.split("\f").filter((p) => p.trim());
    expect(pages.length).toBeGreaterThanOrEqual(6);
    pages.forEach((p, i) => {
      expect(p).toContain(`calculator-${school}.xlsx`);
      expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    const plans = calculatorPlans(a, school);
    const boxes = wordBoxes(pdf);
    // each page is the sheet its header names (the header's right part, on the page's first line)
    const sheetOf = pages.map((p) => plans.find((s) => p.trimStart().split("\n")[0].trimEnd().endsWith(s.name))?.name);
    expect(new Set(sheetOf)).toEqual(new Set(plans.map((s) => s.name)));
    // one page wide, in the orientation the sheet's page setup asks for
    const sizes = [...spawnSync("pdfinfo", ["-l", "999", pdf], { encoding: "utf8" }).stdout.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => Number(m[1]) > Number(m[2]));
    sheetOf.forEach((name, i) => expect(sizes[i]).toBe(printSetup(plans.find((s) => s.name === name)!).orientation === "landscape"));
    const problems: string[] = [];
    for (const plan of plans) {
      const on = boxes.filter((_, i) => sheetOf[i] === plan.name);
      // Every word of the sheet's texts (headers, labels, notes, paragraphs) is printed as a word of its own: a text
      // cut by its neighbour or run into it ("LearnerSpecial", "Solved from each sourc"), or a wrapped paragraph
      // whose row is too short for its lines, loses words.
      const printed = new Map<string, number>();
      // (compared by letters and digits: a line may break after a hyphen or a sign, "budget-" / "neutral")
      const tokens = (t: string) => t.split(/[^\p{L}\p{N}]+/u).filter((x) => x !== "");
      for (const page of on) for (const w of page) for (const t of tokens(w.text)) printed.set(t, (printed.get(t) ?? 0) + 1);
      const wanted = new Map<string, number>();
      for (const c of plan.cells) {
        const text = typeof c.v === "string" ? c.v : typeof c.result === "string" ? c.result : "";
        for (const t of tokens(text)) wanted.set(t, (wanted.get(t) ?? 0) + 1);
      }
      for (const [w, n] of wanted) if ((printed.get(w) ?? 0) < n) problems.push(`${plan.name}: "${w}" printed ${printed.get(w) ?? 0} of ${n} times`);
      // no two words overlap on the page (text drawn over text, or a cut text's hidden part under its neighbour)
      on.forEach((page, k) => {
        for (let i = 0; i < page.length; i++)
          for (let j = i + 1; j < page.length; j++) {
            const x = page[i];
            const y = page[j];
            // on one line (the boxes of words on adjacent lines overlap a little: ascenders and descenders)
            const sameLine = Math.min(x.yMax, y.yMax) - Math.max(x.yMin, y.yMin) > 0.6 * Math.min(x.yMax - x.yMin, y.yMax - y.yMin);
            if (sameLine && Math.min(x.xMax, y.xMax) - Math.max(x.xMin, y.xMin) > 0.5) problems.push(`${plan.name} page ${k + 1}: "${x.text}" overlaps "${y.text}"`);
          }
      });
      // every header stands apart from the next one on its row in the page's text
      const rows = new Map<number, PlanCell[]>();
      for (const c of plan.cells) if (c.style === "header") rows.set(c.r, [...(rows.get(c.r) ?? []), c].sort((x, y) => x.c - y.c));
      const layout = on.length ? pages.filter((_, i) => sheetOf[i] === plan.name).join("\n") : "";
      for (const cells of rows.values())
        for (let k = 1; k < cells.length; k++) {
          const left = String(cells[k - 1].v).split(" ").pop() as string;
          const right = String(cells[k].v).split(" ")[0];
          if (layout.includes(`${left}${right}`)) problems.push(`${plan.name}: headers run together: "${left}${right}"`);
        }
    }
    expect(problems).toEqual([]);
    const smallest = Math.min(...wordHeights(pdf).flat());
    console.log(`calculator of ${a.schools[school].id}: smallest text ${((smallest / sevenPt) * 7).toFixed(1)} pt (7 pt = ${sevenPt.toFixed(2)} pt box)`);
    if (CARLITO) expect(smallest).toBeGreaterThanOrEqual(sevenPt - 0.01);
  });
});
