/**
 * What a result workbook cannot carry over from the input.
 *
 * The result workbook is a copy made through ExcelJS: cell values, formulas, formats, tables, defined names, data
 * validation, notes and pictures come through; charts, shapes and text boxes, pivot tables, slicers and timelines,
 * macros, external links, form and ActiveX controls, threaded comments, sparklines, data connections and chart
 * sheets do not. They are found by reading the input's zip parts (the relationships of each sheet and its drawing),
 * so the command can say exactly what the copy leaves out — and never claims to carry it.
 */
import JSZip from "jszip";

export type NotCarriedKind =
  | "chart"
  | "chart sheet"
  | "shape"
  | "pivot table"
  | "slicer"
  | "timeline"
  | "form control"
  | "ActiveX control"
  | "threaded comment"
  | "sparkline group"
  | "macros"
  | "external link"
  | "data connection";

export interface NotCarried {
  kind: NotCarriedKind;
  /** The sheet it is on; null for workbook-level things (macros, external links, data connections). */
  sheet: string | null;
  count: number;
  /** The plain words, e.g. "1 chart on 'Notes'". */
  text: string;
}

const PLURAL: Record<NotCarriedKind, string> = {
  chart: "charts",
  "chart sheet": "chart sheets",
  shape: "shapes or text boxes",
  "pivot table": "pivot tables",
  slicer: "slicers",
  timeline: "timelines",
  "form control": "form controls",
  "ActiveX control": "ActiveX controls",
  "threaded comment": "threaded comments (replies are lost; the first comment stays as a note)",
  "sparkline group": "sparkline groups",
  macros: "macros (VBA project)",
  "external link": "links to other workbooks",
  "data connection": "data connections (Power Query or external data)",
};

const SINGULAR: Partial<Record<NotCarriedKind, string>> = {
  shape: "shape or text box",
  "threaded comment": "threaded comment (replies are lost; the first comment stays as a note)",
  "external link": "link to another workbook",
  "data connection": "data connection (Power Query or external data)",
};

function words(kind: NotCarriedKind, sheet: string | null, count: number): string {
  const what = kind === "macros" ? PLURAL.macros : `${count} ${count === 1 ? (SINGULAR[kind] ?? kind) : PLURAL[kind]}`;
  return sheet === null ? what : `${what} on '${sheet}'`;
}

/** Attribute values of the elements named `tag` in an XML text (namespace prefixes ignored). */
function elements(xml: string, tag: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const re = new RegExp(`<(?:\\w+:)?${tag}\\b([^>]*)>`, "g");
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const attrs: Record<string, string> = {};
    const a = /([\w:]+)\s*=\s*"([^"]*)"/g;
    for (let x = a.exec(m[1]); x; x = a.exec(m[1])) attrs[x[1].replace(/^\w+:/, (p) => (p === "r:" ? "r:" : ""))] = x[2];
    out.push(attrs);
  }
  return out;
}

function count(xml: string, pattern: RegExp): number {
  return (xml.match(pattern) ?? []).length;
}

/** Resolve a relationship target against the folder of the part that holds it. */
function resolvePart(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const p of target.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== ".") parts.push(p);
  }
  return parts.join("/");
}

function relsPath(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

interface Rel {
  type: string;
  target: string;
}

async function text(zip: JSZip, part: string): Promise<string | null> {
  const f = zip.file(part);
  return f ? f.async("string") : null;
}

async function rels(zip: JSZip, part: string): Promise<Rel[]> {
  const xml = await text(zip, relsPath(part));
  if (!xml) return [];
  return elements(xml, "Relationship")
    .filter((r) => r.TargetMode !== "External")
    .map((r) => ({ type: (r.Type ?? "").replace(/.*\//, ""), target: resolvePart(part, r.Target ?? "") }));
}

/** Everything in the workbook (bytes of an .xlsx) that a copy through ExcelJS does not carry; [] when nothing. */
export async function findNotCarried(bytes: Uint8Array | Buffer): Promise<NotCarried[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return [];
  }
  const out: NotCarried[] = [];
  const add = (kind: NotCarriedKind, sheet: string | null, n: number) => {
    if (n > 0) out.push({ kind, sheet, count: n, text: words(kind, sheet, n) });
  };
  const book = (await text(zip, "xl/workbook.xml")) ?? "";
  const bookRels = await rels(zip, "xl/workbook.xml");
  const byId = new Map<string, Rel>();
  const relXml = (await text(zip, relsPath("xl/workbook.xml"))) ?? "";
  for (const r of elements(relXml, "Relationship")) byId.set(r.Id, { type: (r.Type ?? "").replace(/.*\//, ""), target: resolvePart("xl/workbook.xml", r.Target ?? "") });

  for (const sheet of elements(book, "sheet")) {
    const name = sheet.name ?? "?";
    const rel = byId.get(sheet["r:id"] ?? "");
    if (!rel) continue;
    if (rel.type === "chartsheet") {
      add("chart sheet", name, 1);
      continue;
    }
    const sheetXml = (await text(zip, rel.target)) ?? "";
    add("sparkline group", name, count(sheetXml, /<(?:\w+:)?sparklineGroup\b/g));
    let charts = 0;
    let shapes = 0;
    let slicers = 0;
    let timelines = 0;
    let pivots = 0;
    let controls = 0;
    let activeX = 0;
    let threaded = 0;
    for (const r of await rels(zip, rel.target)) {
      if (r.type === "drawing") {
        const d = (await text(zip, r.target)) ?? "";
        charts += count(d, /<(?:c|cx):chart\b/g);
        shapes += count(d, /<xdr:(?:sp|cxnSp)\b/g);
      } else if (r.type === "pivotTable") pivots++;
      else if (r.type === "slicer") slicers += count((await text(zip, r.target)) ?? "", /<(?:\w+:)?slicer\s/g);
      else if (r.type === "timeline") timelines += count((await text(zip, r.target)) ?? "", /<(?:\w+:)?timeline\s/g);
      else if (r.type === "ctrlProp") controls++;
      else if (r.type === "control") activeX++;
      else if (r.type === "threadedComment") threaded += count((await text(zip, r.target)) ?? "", /<(?:\w+:)?threadedComment\s/g);
    }
    add("chart", name, charts);
    add("shape", name, shapes);
    add("pivot table", name, pivots);
    add("slicer", name, slicers);
    add("timeline", name, timelines);
    add("form control", name, controls);
    add("ActiveX control", name, activeX);
    add("threaded comment", name, threaded);
  }
  const parts = Object.keys(zip.files);
  if (parts.some((p) => /^xl\/vbaProject\.bin$/i.test(p))) add("macros", null, 1);
  add("external link", null, bookRels.filter((r) => r.type === "externalLink").length);
  add("data connection", null, parts.some((p) => /^xl\/connections\.xml$/i.test(p)) ? count((await text(zip, "xl/connections.xml")) ?? "", /<(?:\w+:)?connection\s/g) : 0);
  return out;
}

/** One line for standard error, or null when everything is carried. */
export function notCarriedMessage(list: NotCarried[]): string | null {
  if (!list.length) return null;
  return `sfs: note: the result workbook does not carry ${list.map((x) => x.text).join(", ")}; they stay in your workbook, which is unchanged.`;
}
