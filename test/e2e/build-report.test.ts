import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { buildReport, formatReport, KB, localScripts, TASKPANE_GZIP_BUDGET } from "../../scripts/build-report";

/** Incompressible bytes, so gzip size ≈ raw size and the budget can be crossed with small files. */
function noise(bytes: number, seed: string): Buffer {
  const out: Buffer[] = [];
  for (let i = 0; out.length * 32 < bytes; i++) out.push(crypto.createHash("sha256").update(`${seed}:${i}`).digest());
  return Buffer.concat(out).subarray(0, bytes);
}

function makeDist(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sfs-dist-"));
  for (const [name, body] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), body);
  return dir;
}

const page = (...scripts: string[]): string =>
  `<!doctype html><html><head><script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script>${scripts
    .map((s) => `<script defer src=${s}></script>`)
    .join("")}</head><body><div id=root></div></body></html>`;

describe("scripts/build-report.ts", () => {
  const made: string[] = [];
  afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  test("localScripts keeps local scripts in order and drops CDN, protocol-relative and data URLs", () => {
    const html =
      `<script src="https://cdn.example/x.js"></script><script defer src="vendors.1.js"></script>` +
      `<script src='./taskpane.2.js?v=3'></script><script src=//cdn.example/y.js></script>` +
      `<script>inline()</script><script src="data:text/javascript,1"></script><script defer src=/abs.js></script>`;
    expect(localScripts(html)).toEqual(["vendors.1.js", "taskpane.2.js", "/abs.js"].map((s) => s.replace(/^\//, "")));
  });

  test("sums each entry's initial scripts raw and gzipped, and lists lazy chunks separately", () => {
    const vendor = "const a = 1;\n".repeat(2000);
    const dir = makeDist({
      "taskpane.html": page("vendors.js", "taskpane.js"),
      "preview.html": page("vendors.js", "preview.js"),
      "vendors.js": vendor,
      "taskpane.js": "pane()",
      "preview.js": "preview()",
      "exceljs.js": "lazy()",
    });
    made.push(dir);
    const r = buildReport(dir);
    expect(r.ok).toBe(true);
    expect(r.problems).toEqual([]);
    const pane = r.entries.find((e) => e.entry === "taskpane")!;
    expect(pane.files.map((f) => f.file)).toEqual(["vendors.js", "taskpane.js"]);
    expect(pane.raw).toBe(vendor.length + "pane()".length);
    const expectedGzip =
      zlib.gzipSync(Buffer.from(vendor), { level: 9 }).length + zlib.gzipSync(Buffer.from("pane()"), { level: 9 }).length;
    expect(pane.gzip).toBe(expectedGzip);
    expect(pane.gzip).toBeLessThan(pane.raw);
    expect(r.lazy.map((f) => f.file)).toEqual(["exceljs.js"]);
    expect(formatReport(r)).toMatch(/taskpane \(2 files\)/);
    expect(formatReport(r)).toMatch(/OK$/);
  });

  test("fails when the task pane's initial JS is over the gzipped budget, but not for a large lazy chunk", () => {
    const dir = makeDist({
      "taskpane.html": page("taskpane.js"),
      "preview.html": page("preview.js"),
      "taskpane.js": noise(TASKPANE_GZIP_BUDGET + 8 * KB, "pane"),
      "preview.js": "x",
      "exceljs.js": noise(TASKPANE_GZIP_BUDGET * 2, "lazy"),
    });
    made.push(dir);
    const r = buildReport(dir);
    expect(r.ok).toBe(false);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/taskpane initial JS is .* gzipped, over the 250\.0 KB budget/);
    expect(formatReport(r)).toContain("FAIL");

    const under = makeDist({
      "taskpane.html": page("taskpane.js"),
      "preview.html": page("preview.js"),
      "taskpane.js": noise(TASKPANE_GZIP_BUDGET - 8 * KB, "pane"),
      "preview.js": "x",
      "exceljs.js": noise(TASKPANE_GZIP_BUDGET * 2, "lazy"),
    });
    made.push(under);
    expect(buildReport(under).ok).toBe(true);
  });

  test("reports a missing page or a script the page references but the build lacks", () => {
    const dir = makeDist({ "taskpane.html": page("gone.js") });
    made.push(dir);
    const r = buildReport(dir);
    expect(r.ok).toBe(false);
    expect(r.problems.some((p) => p.includes("preview.html is missing"))).toBe(true);
    expect(r.problems.some((p) => p.includes("references gone.js"))).toBe(true);
  });
});
