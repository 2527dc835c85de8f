/**
 * Bundle size report, run after `webpack --mode production`.
 *
 *   npx tsx scripts/build-report.ts [distDir]
 *
 * An entry's initial JS is every local <script src> in its HTML page (what the browser must download
 * before the pane can run; Office.js from the CDN is excluded). Lazily loaded chunks (e.g. exceljs) are
 * listed separately. Exits 1 when the task pane's initial JS exceeds the gzipped budget.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";

export const KB = 1024;
/** The task pane's initial JS must stay within this many gzipped bytes. */
export const TASKPANE_GZIP_BUDGET = 250 * KB;
export const ENTRY_PAGES: Readonly<Record<string, string>> = { taskpane: "taskpane.html", preview: "preview.html" };

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

export interface EntrySize {
  entry: string;
  files: FileSize[];
  raw: number;
  gzip: number;
}

export interface BuildReport {
  entries: EntrySize[];
  /** JS files not loaded initially by any entry page (lazy chunks). */
  lazy: FileSize[];
  budget: number;
  /** True when the task pane's initial gzipped JS is within budget. */
  ok: boolean;
  problems: string[];
}

/** Local script URLs referenced by an HTML page, in order (absolute http(s) and protocol-relative URLs excluded). */
export function localScripts(html: string): string[] {
  const out: string[] = [];
  const re = /<script\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>/gi;
  for (let m = re.exec(html); m !== null; m = re.exec(html)) {
    const src = (m[1] ?? m[2] ?? m[3] ?? "").trim();
    if (src === "" || /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(src) || /^data:/i.test(src)) continue;
    out.push(src.split("?")[0].split("#")[0].replace(/^\.?\//, ""));
  }
  return out;
}

export function sizeOf(dir: string, file: string): FileSize {
  const bytes = fs.readFileSync(path.join(dir, file));
  return { file, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
}

export function buildReport(distDir: string, budget: number = TASKPANE_GZIP_BUDGET): BuildReport {
  const problems: string[] = [];
  const entries: EntrySize[] = [];
  const initial = new Set<string>();
  for (const [entry, page] of Object.entries(ENTRY_PAGES)) {
    const pagePath = path.join(distDir, page);
    if (!fs.existsSync(pagePath)) {
      problems.push(`${page} is missing from ${distDir}; run webpack --mode production first`);
      continue;
    }
    const files: FileSize[] = [];
    for (const src of localScripts(fs.readFileSync(pagePath, "utf8"))) {
      if (!fs.existsSync(path.join(distDir, src))) {
        problems.push(`${page} references ${src}, which is not in ${distDir}`);
        continue;
      }
      files.push(sizeOf(distDir, src));
      initial.add(src);
    }
    if (files.length === 0) problems.push(`${page} loads no local script`);
    entries.push({
      entry,
      files,
      raw: files.reduce((s, f) => s + f.raw, 0),
      gzip: files.reduce((s, f) => s + f.gzip, 0),
    });
  }
  const lazy = fs.existsSync(distDir)
    ? fs
        .readdirSync(distDir)
        .filter((f) => f.endsWith(".js") && !initial.has(f))
        .sort()
        .map((f) => sizeOf(distDir, f))
    : [];
  const taskpane = entries.find((e) => e.entry === "taskpane");
  if (taskpane && taskpane.gzip > budget) {
    problems.push(
      `taskpane initial JS is ${formatKb(taskpane.gzip)} gzipped, over the ${formatKb(budget)} budget`,
    );
  }
  return { entries, lazy, budget, ok: problems.length === 0, problems };
}

export function formatKb(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} KB`;
}

export function formatReport(r: BuildReport): string {
  const lines: string[] = [];
  const row = (name: string, raw: number, gzip: number): string =>
    `  ${name.padEnd(44)} ${formatKb(raw).padStart(11)} ${formatKb(gzip).padStart(11)}`;
  lines.push(`  ${"initial JS".padEnd(44)} ${"raw".padStart(11)} ${"gzip".padStart(11)}`);
  for (const e of r.entries) {
    lines.push(row(`${e.entry} (${e.files.length} file${e.files.length === 1 ? "" : "s"})`, e.raw, e.gzip));
    for (const f of e.files) lines.push(row(`  ${f.file}`, f.raw, f.gzip));
  }
  if (r.lazy.length > 0) {
    lines.push("  lazy chunks");
    for (const f of r.lazy) lines.push(row(`  ${f.file}`, f.raw, f.gzip));
  }
  lines.push(`  budget: taskpane initial JS ≤ ${formatKb(r.budget)} gzipped`);
  for (const p of r.problems) lines.push(`  FAIL: ${p}`);
  if (r.ok) lines.push("  OK");
  return lines.join("\n");
}

if (require.main === module) {
  const dist = path.resolve(process.argv[2] ?? path.join(__dirname, "..", "dist"));
  const report = buildReport(dist);
  console.log(`Bundle report for ${dist}`);
  console.log(formatReport(report));
  process.exit(report.ok ? 0 : 1);
}
