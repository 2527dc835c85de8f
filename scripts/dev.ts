/**
 * `npm start`'s preview and task pane, served within seconds: a development build with esbuild (both pages, their
 * lazy chunks, assets and the manifest) into dist-dev/, rebuilt on every change, served by scripts/serve.ts
 * (https with the localhost certificate when it is installed, else http). The production build stays
 * `npm run build` (webpack, dist/).
 *
 *   npx tsx scripts/dev.ts [--port 3000] [--once]     (--once: build, print the time, exit; for the benchmark)
 */
import * as fs from "fs";
import * as path from "path";
import * as esbuild from "esbuild";
import { loadDevCerts, serve } from "./serve";

const ROOT = path.join(__dirname, "..");
export const DEV_DIR = path.join(ROOT, "dist-dev");
const PAGES = [
  { entry: "src/taskpane/index.tsx", template: "src/taskpane/taskpane.html", page: "taskpane.html", script: "taskpane/index.js" },
  { entry: "src/preview/index.tsx", template: "src/preview/preview.html", page: "preview.html", script: "preview/index.js" },
];

/** The command line's file helpers import fs and path; the pane never calls them: empty modules in the browser. */
const nodeBuiltins: esbuild.Plugin = {
  name: "node-builtins",
  setup(b) {
    b.onResolve({ filter: /^(fs|path)$/ }, (a) => ({ path: a.path, namespace: "empty" }));
    b.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "module.exports = {};", loader: "js" }));
  },
};

/** The page from its template with its script (an ES module) added, as webpack's HtmlWebpackPlugin does. */
export function devPage(template: string, script: string): string {
  return template.replace("</head>", `    <script type="module" src="${script}"></script>\n  </head>`);
}

function copyStatic(): void {
  fs.mkdirSync(DEV_DIR, { recursive: true });
  fs.cpSync(path.join(ROOT, "assets"), path.join(DEV_DIR, "assets"), { recursive: true, filter: (f) => !path.basename(f).startsWith(".") });
  fs.copyFileSync(path.join(ROOT, "manifest.xml"), path.join(DEV_DIR, "manifest.xml"));
  for (const p of PAGES) fs.writeFileSync(path.join(DEV_DIR, p.page), devPage(fs.readFileSync(path.join(ROOT, p.template), "utf8"), p.script));
}

export function devOptions(): esbuild.BuildOptions {
  return {
    absWorkingDir: ROOT,
    entryPoints: PAGES.map((p) => p.entry),
    outbase: "src",
    outdir: DEV_DIR,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: "es2020",
    jsx: "automatic",
    sourcemap: "linked",
    define: { "process.env.NODE_ENV": '"development"' },
    loader: { ".png": "file", ".svg": "file" },
    plugins: [nodeBuiltins],
    logLevel: "warning",
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const once = args.includes("--once");
  const portArg = args.indexOf("--port");
  const port = portArg >= 0 ? Number(args[portArg + 1]) : Number(process.env.PORT ?? 3000);
  const started = Date.now();
  copyStatic();
  const ctx = await esbuild.context(devOptions());
  await ctx.rebuild();
  const built = Date.now() - started;
  if (once) {
    console.log(`Development build in ${built} ms (${path.relative(process.cwd(), DEV_DIR)})`);
    await ctx.dispose();
    return;
  }
  await ctx.watch();
  const { tls, reason } = loadDevCerts();
  const running = await serve({ dir: DEV_DIR, port, tls });
  console.log(`Development build in ${built} ms; rebuilt on every change (reload the page).`);
  console.log(`  Preview:   ${running.url}preview.html   (no Excel needed: open your own .xlsx there)`);
  console.log(`  Task pane: ${running.url}taskpane.html`);
  console.log(`  Manifest:  ${running.url}manifest.xml   (sideload it: docs/SIDELOAD.md)`);
  if (!tls) console.log(`Serving plain http (${reason}). Excel loads add-ins over https only: run \`npx office-addin-dev-certs install\` once.`);
  console.log("Production build: npm run build (dist/, see docs/DEPLOY.md). Press Ctrl+C to stop.");
  const stop = () => void Promise.all([ctx.dispose(), running.close()]).then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(`start: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
