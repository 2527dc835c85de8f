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

  test("a school calculator converts with every sheet's page set up (header, footer, page numbers)", async () => {
    const file = path.join(dir, "calculator.xlsx");
    fs.writeFileSync(file, await calculatorWorkbook(a, 0));
    const pdf = toPdf(file);
    const pages = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).stdout.split("\f").filter((p) => p.trim());
    expect(pages.length).toBeGreaterThanOrEqual(5);
    pages.forEach((p, i) => {
      expect(p).toContain("calculator.xlsx");
      expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    const smallest = Math.min(...wordHeights(pdf).flat());
    // Measured, not yet required: the calculator's widest sheets (Rates, School Plan) print at about 5 pt.
    console.log(`calculator: smallest text ${((smallest / sevenPt) * 7).toFixed(1)} pt (7 pt = ${sevenPt.toFixed(2)} pt box)`);
    expect(smallest).toBeGreaterThan(0);
  });
});
