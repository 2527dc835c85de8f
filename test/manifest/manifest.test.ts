import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { drawIcon, encodePng, ICON_SIZES } from "../../scripts/make-icons";
import { checkBaseUrl, productionManifest } from "../../scripts/manifest-url";
import { bytesPerPixel, readPng } from "./png";

const ROOT = path.resolve(__dirname, "..", "..");
const MANIFEST_PATH = path.join(ROOT, "manifest.xml");
const DEV_ORIGIN = "https://localhost:3000/";

interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  text: string;
}

type Ordered = Array<Record<string, unknown>>;

function toNodes(items: Ordered): XNode[] {
  const out: XNode[] = [];
  for (const item of items) {
    const name = Object.keys(item).find((k) => k !== ":@");
    if (name === undefined || name === "#text" || name === "#comment" || name.startsWith("?")) continue;
    const rawAttrs = (item[":@"] ?? {}) as Record<string, unknown>;
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(rawAttrs)) attrs[k.replace(/^@_/, "")] = String(v);
    const kids = item[name] as Ordered;
    const text = kids
      .filter((k) => "#text" in k)
      .map((k) => String(k["#text"]))
      .join("")
      .trim();
    out.push({ name, attrs, children: toNodes(kids), text });
  }
  return out;
}

function parseManifest(xml: string): XNode {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    preserveOrder: true,
    parseTagValue: false,
    parseAttributeValue: false,
    commentPropName: "#comment",
  });
  const roots = toNodes(parser.parse(xml) as Ordered);
  const app = roots.find((n) => n.name === "OfficeApp");
  if (!app) throw new Error("no OfficeApp root element");
  return app;
}

function child(node: XNode, name: string): XNode {
  const found = node.children.filter((c) => c.name === name);
  if (found.length !== 1) throw new Error(`expected exactly one <${name}> under <${node.name}>, found ${found.length}`);
  return found[0];
}

function all(node: XNode, pred: (n: XNode) => boolean, acc: XNode[] = []): XNode[] {
  if (pred(node)) acc.push(node);
  for (const c of node.children) all(c, pred, acc);
  return acc;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function assetFile(url: string, origin: string = DEV_ORIGIN): string {
  expect(url.startsWith(`${origin}assets/`)).toBe(true);
  return path.join(ROOT, "assets", url.slice(`${origin}assets/`.length));
}

/**
 * The manifest's checks, run on the committed (development) manifest and on the one `npm run build` writes for a
 * production address.
 */
function describeManifest(label: string, file: string, origin: string): void {
  const xml = fs.readFileSync(file, "utf8");
  const app = parseManifest(xml);
  const vo = child(app, "VersionOverrides");
  const resources = child(vo, "Resources");

  /** resid -> { kind, value } for every resource in VersionOverrides/Resources. */
  const resourceTable = new Map<string, { kind: string; value: string }>();
  for (const group of resources.children) {
    for (const r of group.children) {
      if (resourceTable.has(r.attrs.id)) throw new Error(`duplicate resource id ${r.attrs.id}`);
      resourceTable.set(r.attrs.id, { kind: group.name, value: r.attrs.DefaultValue });
    }
  }

  function resolve(resid: string, kind: string): string {
    const r = resourceTable.get(resid);
    if (!r) throw new Error(`resid ${resid} is not defined in Resources`);
    if (r.kind !== kind) throw new Error(`resid ${resid} is a ${r.kind}, expected ${kind}`);
    return r.value;
  }

  describe(label, () => {
    test("is well-formed XML with a TaskPaneApp root in the appforoffice 1.1 namespace", () => {
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(app.attrs["xsi:type"]).toBe("TaskPaneApp");
      expect(app.attrs.xmlns).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
      expect(app.attrs["xmlns:bt"]).toBe("http://schemas.microsoft.com/office/officeappbasictypes/1.0");
    });

    test("top-level elements appear in the schema's order", () => {
      const schemaOrder = [
        "Id",
        "Version",
        "ProviderName",
        "DefaultLocale",
        "DisplayName",
        "Description",
        "IconUrl",
        "HighResolutionIconUrl",
        "SupportUrl",
        "AppDomains",
        "Hosts",
        "Requirements",
        "DefaultSettings",
        "Permissions",
        "VersionOverrides",
      ];
      const names = app.children.map((c) => c.name);
      for (const n of names) expect(schemaOrder).toContain(n);
      const positions = names.map((n) => schemaOrder.indexOf(n));
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      for (const required of ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description"]) {
        expect(names).toContain(required);
      }
    });

    test("Id is a GUID and Version is four dot-separated numbers", () => {
      expect(child(app, "Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
      expect(child(app, "Version").text).toMatch(/^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/);
      expect(child(app, "Version").text).toBe("1.0.0.0");
    });

    test("names, description and permissions", () => {
      expect(child(app, "DisplayName").attrs.DefaultValue).toBe("School Funding Studio");
      expect(child(app, "ProviderName").text.length).toBeGreaterThan(0);
      const description = child(app, "Description").attrs.DefaultValue;
      expect(description.length).toBeGreaterThan(0);
      expect(description.length).toBeLessThanOrEqual(250);
      expect(child(app, "Permissions").text).toBe("ReadWriteDocument");
    });

    test("targets Excel (Workbook) only", () => {
      const hosts = child(app, "Hosts").children;
      expect(hosts.map((h) => h.attrs.Name)).toEqual(["Workbook"]);
      const voHosts = child(vo, "Hosts").children;
      expect(voHosts.map((h) => h.attrs["xsi:type"])).toEqual(["Workbook"]);
    });

    test("requires ExcelApi at a version no newer than 1.14", () => {
      const sets = child(child(app, "Requirements"), "Sets");
      expect(sets.attrs.DefaultMinVersion).toBe("1.1");
      const excel = sets.children.filter((s) => s.name === "Set" && s.attrs.Name === "ExcelApi");
      expect(excel).toHaveLength(1);
      const min = excel[0].attrs.MinVersion ?? sets.attrs.DefaultMinVersion;
      expect(min).toMatch(/^1\.\d+$/);
      expect(compareVersions(min, "1.14")).toBeLessThanOrEqual(0);
      expect(compareVersions(min, "1.1")).toBeGreaterThanOrEqual(0);
    });

    test("SourceLocation and every URL in the manifest are https", () => {
      const source = child(child(app, "DefaultSettings"), "SourceLocation").attrs.DefaultValue;
      expect(source).toBe(`${origin}taskpane.html`);
      const urls = all(app, () => true).flatMap((n) =>
        Object.values(n.attrs).filter((v) => /^[a-z]+:\/\//i.test(v) && !v.startsWith("http://schemas.") && !v.startsWith("http://www.w3.org/")),
      );
      const texts = all(app, (n) => /^[a-z]+:\/\//i.test(n.text)).map((n) => n.text);
      expect(urls.length).toBeGreaterThan(5);
      for (const u of [...urls, ...texts]) expect(u).toMatch(/^https:\/\//);
    });

    test("every icon referenced under assets exists on disk as a valid PNG of the stated pixel size", () => {
      const checks: Array<{ url: string; size: number }> = [
        { url: child(app, "IconUrl").attrs.DefaultValue, size: 32 },
        // Task pane add-ins: IconUrl 32×32, HighResolutionIconUrl 64×64 (80×80 is for ribbon buttons only).
        { url: child(app, "HighResolutionIconUrl").attrs.DefaultValue, size: 64 },
      ];
      // bt:Image references carry their own size attribute; resolve them through Resources.
      for (const img of all(vo, (n) => n.name === "bt:Image" && n.attrs.resid !== undefined)) {
        checks.push({ url: resolve(img.attrs.resid, "bt:Images"), size: Number(img.attrs.size) });
      }
      // And every image resource, whether referenced or not, must match the size in its file name.
      for (const [, r] of resourceTable) {
        if (r.kind === "bt:Images") {
          const m = /icon-(\d+)\.png$/.exec(r.value);
          expect(m).not.toBeNull();
          checks.push({ url: r.value, size: Number(m![1]) });
        }
      }
      expect(checks.length).toBeGreaterThanOrEqual(8);
      for (const { url, size } of checks) {
        const file = assetFile(url, origin);
        expect(fs.existsSync(file)).toBe(true);
        const png = readPng(fs.readFileSync(file));
        expect({ url, width: png.width, height: png.height }).toEqual({ url, width: size, height: size });
        expect(png.bitDepth).toBe(8);
        expect(png.interlace).toBe(0);
        expect(png.scanlines.length).toBe(png.height * (1 + png.width * bytesPerPixel(png.colourType)));
        expect(png.chunkTypes[png.chunkTypes.length - 1]).toBe("IEND");
      }
    });

    test("the ribbon has a School Funding button on the Home tab that shows the task pane", () => {
      const tab = all(vo, (n) => n.name === "ExtensionPoint" && n.attrs["xsi:type"] === "PrimaryCommandSurface");
      expect(tab).toHaveLength(1);
      const officeTab = child(tab[0], "OfficeTab");
      expect(officeTab.attrs.id).toBe("TabHome");
      const group = child(officeTab, "Group");
      expect(resolve(child(group, "Label").attrs.resid, "bt:ShortStrings")).toBe("School Funding Studio");
      const button = child(group, "Control");
      expect(button.attrs["xsi:type"]).toBe("Button");
      expect(resolve(child(button, "Label").attrs.resid, "bt:ShortStrings")).toBe("School Funding");
      const sizes = child(button, "Icon").children.map((i) => i.attrs.size);
      expect(sizes).toEqual(["16", "32", "80"]);
      const action = child(button, "Action");
      expect(action.attrs["xsi:type"]).toBe("ShowTaskpane");
      expect(child(action, "TaskpaneId").text.length).toBeGreaterThan(0);
      const paneUrl = resolve(child(action, "SourceLocation").attrs.resid, "bt:Urls");
      expect(paneUrl).toBe(child(child(app, "DefaultSettings"), "SourceLocation").attrs.DefaultValue);
    });

    test("every resid is defined with the right kind, and strings fit Office's length limits", () => {
      const kindFor: Record<string, string> = {
        Label: "bt:ShortStrings",
        Title: "bt:ShortStrings",
        Description: "bt:LongStrings",
        "bt:Image": "bt:Images",
        SourceLocation: "bt:Urls",
        LearnMoreUrl: "bt:Urls",
      };
      const refs = all(vo, (n) => n.attrs.resid !== undefined);
      expect(refs.length).toBeGreaterThan(10);
      for (const r of refs) {
        expect(kindFor[r.name]).toBeDefined();
        expect(() => resolve(r.attrs.resid, kindFor[r.name])).not.toThrow();
        expect(r.attrs.resid.length).toBeLessThanOrEqual(32);
      }
      for (const [id, r] of resourceTable) {
        expect(r.value.length).toBeGreaterThan(0);
        if (r.kind === "bt:ShortStrings") expect({ id, ok: r.value.length <= 125 }).toEqual({ id, ok: true });
        if (r.kind === "bt:LongStrings") expect({ id, ok: r.value.length <= 250 }).toEqual({ id, ok: true });
        if (r.kind === "bt:Urls" || r.kind === "bt:Images") expect(r.value).toMatch(/^https:\/\//);
      }
    });

    test("the committed icons are exactly what scripts/make-icons.ts draws", () => {
      for (const size of ICON_SIZES) {
        const onDisk = fs.readFileSync(path.join(ROOT, "assets", `icon-${size}.png`));
        expect(onDisk.equals(encodePng(drawIcon(size)))).toBe(true);
      }
    });

    test("office-addin-manifest info reads it offline (exit 0, display name printed)", () => {
      const r = spawnSync("npx", ["--no", "office-addin-manifest", "info", file], {
        cwd: ROOT,
        encoding: "utf8",
        timeout: 30000,
      });
      expect(r.error).toBeUndefined();
      expect({ status: r.status, stderr: r.status === 0 ? "" : r.stderr }).toEqual({ status: 0, stderr: "" });
      expect(r.stdout).toContain("Name: School Funding Studio");
      expect(r.stdout).toContain("Type: TaskPaneApp");
      expect(r.stdout).toContain("Hosts: Workbook");
      expect(r.stdout).toContain(`Id: ${child(app, "Id").text}`);
    });
  });
}

describeManifest("manifest.xml", MANIFEST_PATH, DEV_ORIGIN);

// The production manifest, as webpack writes it for SFS_URL=https://addins.example-district.org/sfs/.
const PROD_URL = "https://addins.example-district.org/sfs/";
const PROD_FILE = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sfs-manifest-")), "manifest.xml");
fs.writeFileSync(PROD_FILE, productionManifest(fs.readFileSync(MANIFEST_PATH, "utf8"), PROD_URL));
describeManifest("production manifest (npm run build with SFS_URL)", PROD_FILE, PROD_URL);

describe("production manifest address", () => {
  const prod = fs.readFileSync(PROD_FILE, "utf8");
  test("no development address is left; the app domain is the production origin", () => {
    expect(prod).not.toContain("localhost");
    expect(prod).toContain("<AppDomain>https://addins.example-district.org</AppDomain>");
    expect(prod).toContain(`<SourceLocation DefaultValue="${PROD_URL}taskpane.html"/>`);
  });
  test("the address must be https; a missing final slash is added", () => {
    expect(() => productionManifest("", "http://addins.example.org/")).toThrow(/https/);
    expect(() => productionManifest("", "not a url")).toThrow(/not a URL/);
    expect(checkBaseUrl("https://addins.example.org/sfs")).toBe("https://addins.example.org/sfs/");
  });
});

describe("icon drawing", () => {
  test("is opaque blue in the middle of the background, white inside a bar and transparent in the corner", () => {
    const img = drawIcon(32);
    const px = (x: number, y: number): number[] => Array.from(img.data.subarray((y * 32 + x) * 4, (y * 32 + x) * 4 + 4));
    const [r, g, b, a] = px(2, 16); // left edge, mid height: background
    expect(a).toBe(255);
    expect(b).toBeGreaterThan(r + 80);
    expect(b).toBeGreaterThan(g);
    expect(px(24, 20)).toEqual([255, 255, 255, 255]); // inside the tallest bar (grid x 11-13, y 3-13)
    expect(px(0, 0)[3]).toBe(0); // rounded corner
  });

  test("bars ascend left to right", () => {
    const img = drawIcon(16);
    const white = (x: number, y: number): boolean => img.data[(y * 16 + x) * 4] === 255 && img.data[(y * 16 + x) * 4 + 2] === 255;
    const barHeight = (x: number): number => Array.from({ length: 16 }, (_, y) => y).filter((y) => white(x, y)).length;
    const heights = [3, 7, 11].map(barHeight);
    expect(heights[0]).toBeGreaterThan(0);
    expect(heights[1]).toBeGreaterThan(heights[0]);
    expect(heights[2]).toBeGreaterThan(heights[1]);
  });

  test("encodePng rejects data of the wrong length", () => {
    expect(() => encodePng({ width: 2, height: 2, data: new Uint8Array(15) })).toThrow(/length/);
  });
});
