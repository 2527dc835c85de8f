/**
 * A tiny static file server for the built add-in (dist/), node's http only.
 *
 *   npx tsx scripts/serve.ts [--port 3000] [--dir dist] [--host localhost] [--https]
 *
 * Port 0 picks a free port. Prints the URLs of taskpane.html and preview.html. Plain http by default
 * (the browser preview and the end-to-end test need nothing more). Office only loads add-ins over https:
 * with --https the server uses the localhost certificate that `npx office-addin-dev-certs install` leaves
 * in ~/.office-addin-dev-certs (or $SFS_CERT_DIR); when it is not there it says so and serves http.
 * This script never installs certificates itself.
 */
import * as fs from "fs";
import * as http from "http";
import * as https from "https";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";

const MIME: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export interface ServeOptions {
  /** Directory to serve (default: dist next to this script's repo). */
  dir?: string;
  /** Port; 0 picks a free one (default 3000). */
  port?: number;
  /** Interface to bind (default "localhost"). */
  host?: string;
  /** Serve https with this key and certificate (PEM) instead of http. */
  tls?: TlsFiles;
}

export interface TlsFiles {
  key: Buffer;
  cert: Buffer;
}

/** Where office-addin-dev-certs keeps its certificates. */
export function devCertDir(): string {
  return process.env.SFS_CERT_DIR ?? path.join(os.homedir(), ".office-addin-dev-certs");
}

/** Reads localhost.key / localhost.crt from dir; undefined (with the reason) when either is missing. */
export function loadDevCerts(dir: string = devCertDir()): { tls?: TlsFiles; reason?: string } {
  try {
    const key = fs.readFileSync(path.join(dir, "localhost.key"));
    const cert = fs.readFileSync(path.join(dir, "localhost.crt"));
    return { tls: { key, cert } };
  } catch (e) {
    return { reason: `no dev certificate in ${dir} (${(e as NodeJS.ErrnoException).code ?? "unreadable"})` };
  }
}

export interface RunningServer {
  server: http.Server;
  port: number;
  /** Base URL, ending in "/". */
  url: string;
  close(): Promise<void>;
}

export function contentType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

/**
 * Maps a request URL path onto a file under root, or null when it would escape root (path traversal)
 * or is malformed. "/" maps to preview.html.
 */
export function resolveRequestPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split("?")[0].split("#")[0]);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const rel = decoded === "/" || decoded === "" ? "preview.html" : decoded.replace(/^\/+/, "");
  const absRoot = path.resolve(root);
  const full = path.resolve(absRoot, rel);
  if (full !== absRoot && !full.startsWith(absRoot + path.sep)) return null;
  return full;
}

export function createStaticServer(dir: string, tls?: TlsFiles): http.Server {
  const root = path.resolve(dir);
  const handler: http.RequestListener = (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" });
      res.end("Method not allowed\n");
      return;
    }
    const file = resolveRequestPath(root, req.url ?? "/");
    if (file === null) {
      res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Bad request\n");
      return;
    }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
        res.end("Not found\n");
        return;
      }
      res.writeHead(200, {
        "Content-Type": contentType(file),
        "Content-Length": st.size,
        "Cache-Control": "no-cache",
        "Access-Control-Allow-Origin": "*",
      });
      if (req.method === "HEAD") {
        res.end();
        return;
      }
      const stream = fs.createReadStream(file);
      stream.on("error", () => res.destroy());
      stream.pipe(res);
    });
  };
  return tls ? https.createServer({ key: tls.key, cert: tls.cert }, handler) : http.createServer(handler);
}

/** Starts the server and resolves once it is listening. */
export function serve(opts: ServeOptions = {}): Promise<RunningServer> {
  const dir = opts.dir ?? path.join(__dirname, "..", "dist");
  const host = opts.host ?? "localhost";
  const server = createStaticServer(dir, opts.tls);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 3000, host, () => {
      server.off("error", reject);
      const port = (server.address() as AddressInfo).port;
      resolve({
        server,
        port,
        url: `${opts.tls ? "https" : "http"}://${host}:${port}/`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

function parseArgs(argv: readonly string[]): ServeOptions & { https?: boolean } {
  const opts: ServeOptions & { https?: boolean } = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === "--port" || a === "-p") {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port expects 0-65535, found ${argv[i]}`);
      opts.port = n;
    } else if (a === "--dir") opts.dir = path.resolve(value());
    else if (a === "--host") opts.host = value();
    else if (a === "--https") opts.https = true;
    else throw new Error(`unknown option ${a} (expected --port N, --dir DIR, --host HOST, --https)`);
  }
  return opts;
}

async function main(): Promise<void> {
  let opts: ServeOptions & { https?: boolean };
  try {
    opts = parseArgs(process.argv.slice(2));
    if (opts.port === undefined && process.env.PORT) opts.port = Number(process.env.PORT);
  } catch (e) {
    console.error(`serve: ${(e as Error).message}`);
    process.exit(2);
  }
  const dir = opts.dir ?? path.join(__dirname, "..", "dist");
  if (!fs.existsSync(path.join(dir, "preview.html"))) {
    console.error(`serve: ${path.join(dir, "preview.html")} not found; run the build first (npm run build).`);
    process.exit(1);
  }
  if (opts.https) {
    const { tls, reason } = loadDevCerts();
    if (tls) opts.tls = tls;
    else {
      console.warn(`serve: ${reason}; serving plain http.`);
      console.warn("serve: run `npx office-addin-dev-certs install` once to create and trust one (see docs/SIDELOAD.md).");
    }
  }
  try {
    const running = await serve({ ...opts, dir });
    console.log(`Serving ${dir}`);
    console.log(`  Task pane: ${running.url}taskpane.html`);
    console.log(`  Preview:   ${running.url}preview.html`);
    console.log(`  Manifest:  ${running.url}manifest.xml`);
    console.log("");
    console.log(`No Excel here? Open ${running.url}preview.html in a browser: the same pane on an in-memory workbook.`);
    console.log("In Excel: sideload manifest.xml (Excel on the web: Home > Add-ins > More Add-ins > Upload My Add-in;");
    console.log("Windows and Mac: see docs/SIDELOAD.md), then click School Funding on the Home tab.");
    if (!opts.tls) console.log("Excel loads add-ins over https only: run `npx office-addin-dev-certs install` once, then `npm start` again.");
    console.log("Press Ctrl+C to stop.");
    const stop = (): void => {
      void running.close().then(() => process.exit(0));
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  } catch (e) {
    console.error(`serve: cannot listen: ${(e as Error).message}`);
    process.exit(1);
  }
}

if (require.main === module) void main();
