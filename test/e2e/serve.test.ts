import { spawnSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import * as https from "https";
import * as os from "os";
import * as path from "path";
import { contentType, loadDevCerts, resolveRequestPath, serve, type RunningServer } from "../../scripts/serve";

function get(url: string, method = "GET"): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (c: Buffer) => parts.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"] ?? ""), body: Buffer.concat(parts).toString("utf8") }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

/** Sends a raw request line so the path is not normalised by the client. */
function rawGet(port: number, rawPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "localhost", port, path: rawPath, method: "GET" }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("scripts/serve.ts", () => {
  let dir: string;
  let secretDir: string;
  let running: RunningServer;

  beforeAll(async () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), "sfs-serve-"));
    dir = path.join(base, "dist");
    secretDir = base;
    fs.mkdirSync(path.join(dir, "assets"), { recursive: true });
    fs.writeFileSync(path.join(dir, "preview.html"), "<!doctype html><title>preview</title>");
    fs.writeFileSync(path.join(dir, "taskpane.html"), "<!doctype html><title>pane</title>");
    fs.writeFileSync(path.join(dir, "app.1234abcd.js"), "console.log(1)");
    fs.writeFileSync(path.join(dir, "assets", "icon 32.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    fs.writeFileSync(path.join(secretDir, "secret.txt"), "outside the served folder");
    running = await serve({ dir, port: 0 });
  });

  afterAll(async () => {
    await running.close();
    fs.rmSync(secretDir, { recursive: true, force: true });
  });

  test("listens on a free port when asked for port 0 and reports its URL", () => {
    expect(running.port).toBeGreaterThan(0);
    expect(running.url).toBe(`http://localhost:${running.port}/`);
  });

  test("serves files with the right content types", async () => {
    const html = await get(`${running.url}taskpane.html`);
    expect(html.status).toBe(200);
    expect(html.type).toMatch(/^text\/html/);
    expect(html.body).toContain("<title>pane</title>");
    const js = await get(`${running.url}app.1234abcd.js`);
    expect(js.type).toMatch(/^text\/javascript/);
    expect(js.body).toBe("console.log(1)");
    const png = await get(`${running.url}assets/icon%2032.png`);
    expect(png.status).toBe(200);
    expect(png.type).toBe("image/png");
  });

  test("/ is the preview, missing files are 404, HEAD has no body, POST is refused", async () => {
    expect((await get(running.url)).body).toContain("<title>preview</title>");
    expect((await get(`${running.url}nope.js`)).status).toBe(404);
    expect((await get(`${running.url}assets`)).status).toBe(404); // a directory is not a file
    const head = await get(`${running.url}preview.html`, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
    expect((await get(`${running.url}preview.html`, "POST")).status).toBe(405);
  });

  test("never serves files outside the folder", async () => {
    expect(await rawGet(running.port, "/../secret.txt")).not.toBe(200);
    expect(await rawGet(running.port, "/%2e%2e/secret.txt")).toBe(400);
    expect(await rawGet(running.port, "/assets/..%2f..%2fsecret.txt")).toBe(400);
    expect(await rawGet(running.port, "/%E0%A4%A")).toBe(400);
  });

  test("resolveRequestPath and contentType", () => {
    const root = path.resolve("/srv/dist");
    expect(resolveRequestPath(root, "/")).toBe(path.join(root, "preview.html"));
    expect(resolveRequestPath(root, "/a/b.js?v=1#x")).toBe(path.join(root, "a", "b.js"));
    expect(resolveRequestPath(root, "/..%2fetc/passwd")).toBeNull();
    expect(resolveRequestPath(root, "/a%00.js")).toBeNull();
    expect(contentType("x.XML")).toMatch(/^application\/xml/);
    expect(contentType("x.unknown")).toBe("application/octet-stream");
  });
});

describe("scripts/serve.ts over https", () => {
  let base: string;
  beforeAll(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), "sfs-tls-"));
  });
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  test("loadDevCerts explains a missing certificate instead of throwing", () => {
    const r = loadDevCerts(path.join(base, "absent"));
    expect(r.tls).toBeUndefined();
    expect(r.reason).toMatch(/no dev certificate in .*absent \(ENOENT\)/);
  });

  test("serves https with a localhost certificate from the dev-certs folder", async () => {
    const certDir = path.join(base, "certs");
    fs.mkdirSync(certDir);
    // A throwaway self-signed certificate in the layout office-addin-dev-certs uses.
    const gen = spawnSync(
      "openssl",
      ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
        "-keyout", path.join(certDir, "localhost.key"), "-out", path.join(certDir, "localhost.crt")],
      { encoding: "utf8" },
    );
    expect({ status: gen.status, error: gen.error?.message }).toEqual({ status: 0, error: undefined });
    const { tls } = loadDevCerts(certDir);
    expect(tls).toBeDefined();
    const dir = path.join(base, "dist");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "taskpane.html"), "<title>secure</title>");
    const running = await serve({ dir, port: 0, tls });
    try {
      expect(running.url).toBe(`https://localhost:${running.port}/`);
      const body = await new Promise<string>((resolve, reject) => {
        https
          .get(`${running.url}taskpane.html`, { ca: tls!.cert }, (res) => {
            let text = "";
            res.on("data", (c: Buffer) => (text += c.toString("utf8")));
            res.on("end", () => resolve(text));
          })
          .on("error", reject);
      });
      expect(body).toBe("<title>secure</title>");
    } finally {
      await running.close();
    }
  });
});
