/**
 * The sample's board pack printed to PDF by headless Chromium on Letter and on A4, every request intercepted.
 * PDFs go to test-artifacts/ (gitignored). Skipped, with a printed reason, only when Chromium or poppler is absent.
 *
 * Page count: at least 8 (the cover and seven sections, each starting on a new page) and at most 20. The sample's
 * long parts are the 39-school winners-and-losers table and chart (two pages), the shadow notice's school list and
 * the decile table after two equity charts: about one continuation page each (15 pages measured on Letter, 16 on
 * A4); more than 20 would mean a section spilling over pages (a table or chart that does not fit the page width).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { chromium, type Browser } from "playwright-core";
import { dollars } from "../../src/engine/money";
import { buildBoardPack } from "../../src/report/boardPack";
import { sampleInput } from "../report/charts/sample";

const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = path.resolve(__dirname, "..", "..", "test-artifacts");
const have = fs.existsSync(CHROMIUM) && spawnSync("pdftotext", ["-v"]).status === 0;
if (!have) console.warn("boardPack.pdf: skipped because /usr/bin/chromium or pdftotext (poppler-utils) is absent");
const describeIf = have ? describe : describe.skip;

describeIf("board pack printed by headless Chromium", () => {
  let browser: Browser;
  const { input } = sampleInput();
  const pack = buildBoardPack(input);
  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const format of ["Letter", "A4"] as const) {
    test(`${format}: page count in range, every heading, the school count and pool, no request at all`, async () => {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on("request", (r) => requests.push(r.url()));
      await page.route("**/*", (route) => {
        requests.push(`routed ${route.request().url()}`);
        return route.abort();
      });
      await page.setContent(pack.html, { waitUntil: "load" });
      const file = path.join(ARTIFACTS, `board-pack-${format.toLowerCase()}.pdf`);
      await page.pdf({ path: file, format, printBackground: true, preferCSSPageSize: false });
      await page.close();
      expect(requests).toEqual([]);

      const info = spawnSync("pdfinfo", [file], { encoding: "utf8" }).stdout;
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      expect(pages).toBeGreaterThanOrEqual(1 + pack.sections.length);
      expect(pages).toBeLessThanOrEqual(20);

      const text = spawnSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).stdout;
      for (const h of pack.sections) expect(text).toContain(h);
      const a = input.allocation;
      expect(text).toContain(`goes to ${a.schools.length} schools`);
      expect(text).toContain(dollars(a.totals.revenue));
      // the largest gain, whole in the table (nothing cut at the page edge)
      const top = [...a.schools].filter((s) => s.current !== null).sort((x, y) => y.total - (y.current as number) - (x.total - (x.current as number)))[0];
      expect(text).toContain(`+${dollars(top.total - (top.current as number))}`);
      // every section starts a page: each heading is the first text of some page
      const pagesText = text.split("\f");
      for (const h of pack.sections) expect(pagesText.some((p) => p.trimStart().startsWith(h))).toBe(true);
    });
  }
});
