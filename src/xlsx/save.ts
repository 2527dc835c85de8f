/**
 * Saving rendered plans to an .xlsx file, with big tables streamed.
 *
 * ExcelJS keeps every cell of a workbook in memory as an object, then builds each sheet's XML and the zip in memory:
 * a 360,000-row table (the School Lines of 10,000 schools) would take gigabytes. So a table with more than
 * BIG_TABLE_ROWS rows, when nothing on its sheet lies below it, is rendered by ExcelJS with its first data row only
 * (which fixes the table, its styles and number formats, the sheet's mark and the registry exactly as for any other
 * sheet); the remaining rows are then written straight into that sheet's XML while the zip is streamed to disk, with
 * the style of each column copied from the first row. Text is written as inline text, never as a formula.
 */
import { createWriteStream } from "fs";
import { writeFile } from "fs/promises";
import { Readable } from "stream";
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { columnLetter } from "../report/names";
import type { PlanValue, SheetPlan } from "../report/plan";
import { CELL_TEXT_LIMIT } from "../report/registry";
import { newWorkbook, renderPlans, type RenderPlansOptions, type RenderPlansResult } from "./write";

/** Tables with more data rows than this are streamed. */
export const BIG_TABLE_ROWS = 2000;

interface Deferred {
  plan: number;
  table: number;
  rows: PlanValue[][];
}

/** Which tables to stream: big, and with nothing of their sheet below their first data row. */
function deferrable(plans: SheetPlan[]): Deferred[] {
  const out: Deferred[] = [];
  plans.forEach((p, pi) =>
    p.tables.forEach((t, ti) => {
      if (t.rows.length <= BIG_TABLE_ROWS || (t.totals?.length ?? 0) > 0) return;
      const firstData = t.r + 1;
      const below = p.cells.some((c) => c.r > firstData) || p.tables.some((o, oi) => oi !== ti && o.r + o.rows.length + 1 > firstData && o.r >= t.r);
      if (!below) out.push({ plan: pi, table: ti, rows: t.rows });
    }),
  );
  return out;
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

/** Characters XML 1.0 cannot hold (control characters, lone surrogates) are dropped, as Excel would refuse them. */
function cleanText(s: string): string {
  const cut = s.length > CELL_TEXT_LIMIT ? s.slice(0, CELL_TEXT_LIMIT) : s;
  return cut.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "");
}

function cellXml(ref: string, style: string, v: PlanValue): string {
  if (v === null || v === undefined || v === "") return style ? `<c r="${ref}"${style}/>` : "";
  if (typeof v === "number") return Number.isFinite(v) ? `<c r="${ref}"${style}><v>${v}</v></c>` : `<c r="${ref}"${style} t="e"><v>#NUM!</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${style} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${escapeXml(cleanText(v))}</t></is></c>`;
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

function relsOf(xml: string, from: string): { id: string; type: string; target: string }[] {
  const out: { id: string; type: string; target: string }[] = [];
  const re = /<Relationship\b([^>]*)>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(m![1])?.[1] ?? "";
    out.push({ id: attr("Id"), type: attr("Type").replace(/.*\//, ""), target: resolvePart(from, attr("Target")) });
  }
  return out;
}

function unescapeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[e as "amp"]);
}

/** Path of the worksheet part named `sheet` in the zip. */
async function sheetPart(zip: JSZip, sheet: string): Promise<string> {
  const book = await zip.file("xl/workbook.xml")!.async("string");
  const rels = relsOf(await zip.file("xl/_rels/workbook.xml.rels")!.async("string"), "xl/workbook.xml");
  const re = /<sheet\b([^>]*)\/?>/g;
  for (let m = re.exec(book); m; m = re.exec(book)) {
    const name = unescapeXml(/\bname="([^"]*)"/.exec(m[1])?.[1] ?? "");
    const id = /\br:id="([^"]*)"/.exec(m[1])?.[1];
    if (name === sheet) {
      const rel = rels.find((r) => r.id === id);
      if (rel) return rel.target;
    }
  }
  throw new Error(`sheet ${sheet} not found in the written workbook`);
}

/** Put the deferred rows of one table into the written zip (sheet XML streamed, table and dimension refs widened). */
async function inject(zip: JSZip, sheet: string, tableName: string, top: number, left: number, width: number, rows: PlanValue[][]): Promise<void> {
  const part = await sheetPart(zip, sheet);
  const xml = await zip.file(part)!.async("string");
  const firstRow = top + 2; // 1-based Excel row of the first data row
  const rowRe = new RegExp(`<row r="${firstRow}"[^>]*?(?:/>|>[\\s\\S]*?</row>)`);
  const m = rowRe.exec(xml);
  if (!m) throw new Error(`row ${firstRow} of ${sheet} not found in the written workbook`);
  const styles: string[] = [];
  const letters: string[] = [];
  for (let j = 0; j < width; j++) {
    letters.push(columnLetter(left + 1 + j));
    const cell = new RegExp(`<c r="${letters[j]}${firstRow}"([^>]*?)/?>`).exec(m[0]);
    const s = cell ? /\bs="(\d+)"/.exec(cell[1])?.[1] : undefined;
    styles.push(s ? ` s="${s}"` : "");
  }
  const rowAttrs = /^<row r="\d+"([^>]*?)\/?>/.exec(m[0])?.[1].replace(/\s*spans="[^"]*"/, "") ?? "";
  const last = firstRow + rows.length - 1;
  const right = letters[width - 1];
  const head = xml.slice(0, m.index).replace(/<dimension ref="([A-Z]+)(\d+):[A-Z]+\d+"\s*\/>/, (_s, c, r) => `<dimension ref="${c}${r}:${right}${last}"/>`);
  const tail = xml.slice(m.index + m[0].length);
  function* chunks(): Generator<string> {
    yield head;
    let buf = "";
    for (let k = 0; k < rows.length; k++) {
      const n = firstRow + k;
      const row = rows[k];
      buf += `<row r="${n}"${rowAttrs}>`;
      for (let j = 0; j < width; j++) buf += cellXml(`${letters[j]}${n}`, styles[j], row[j] ?? null);
      buf += "</row>";
      if (buf.length > 1 << 16) {
        yield buf;
        buf = "";
      }
    }
    yield buf + tail;
  }
  zip.file(part, Readable.from(chunks()));
  // The table part of that sheet named `tableName`: widen its ref and its autofilter.
  const relsXml = (await zip.file(part.replace(/([^/]+)$/, "_rels/$1.rels"))?.async("string")) ?? "";
  for (const r of relsOf(relsXml, part).filter((x) => x.type === "table")) {
    const t = await zip.file(r.target)?.async("string");
    if (!t || !new RegExp(`\\b(?:name|displayName)="${tableName}"`).test(t)) continue;
    const ref = `${columnLetter(left + 1)}${top + 1}:${right}${last}`;
    zip.file(r.target, t.replace(/(<table\b[^>]*?\bref=")[^"]*"/, `$1${ref}"`).replace(/(<autoFilter\b[^>]*?\bref=")[^"]*"/, `$1${ref}"`));
  }
}

/**
 * Render the plans into `base` (modified in place; a new workbook when absent) and write the .xlsx to `file`
 * (the caller chooses a temporary path and renames it: see src/cli/outputs.ts). Big tables are streamed.
 */
export async function saveWorkbook(file: string, plans: SheetPlan[], base?: ExcelJS.Workbook, options: RenderPlansOptions = {}): Promise<RenderPlansResult> {
  const workbook = base ?? newWorkbook(options.now);
  const deferred = deferrable(plans);
  const slim = plans.map((p, pi) => {
    const mine = deferred.filter((d) => d.plan === pi);
    if (!mine.length) return p;
    return { ...p, tables: p.tables.map((t, ti) => (mine.some((d) => d.table === ti) ? { ...t, rows: t.rows.slice(0, 1) } : t)) };
  });
  const result = renderPlans(workbook, slim, options);
  const bytes = await workbook.xlsx.writeBuffer();
  if (!deferred.length) {
    await writeFile(file, new Uint8Array(bytes as ArrayBuffer));
    return result;
  }
  const zip = await JSZip.loadAsync(bytes as ArrayBuffer);
  for (const d of deferred) {
    const t = plans[d.plan].tables[d.table];
    const name = result.tables[t.name] ?? t.name;
    await inject(zip, result.sheets[d.plan], name, t.r, t.c, t.headers.length, d.rows);
  }
  await new Promise<void>((resolve, reject) => {
    const out = createWriteStream(file);
    out.on("error", reject);
    out.on("finish", () => resolve());
    zip
      .generateNodeStream({ type: "nodebuffer", streamFiles: true, compression: "DEFLATE", compressionOptions: { level: 6 } })
      .on("error", reject)
      .pipe(out);
  });
  return result;
}
