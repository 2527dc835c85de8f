/** Test helpers: load saved bytes back with ExcelJS, and look at the raw sheet XML of a saved file. */
import ExcelJS from "exceljs";
import JSZip from "jszip";

export async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

export async function save(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Raw XML of every part of a saved workbook whose path matches. */
export async function parts(buf: Buffer, pattern: RegExp): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(buf);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    const f = zip.file(name);
    if (f && pattern.test(name)) out[name] = await f.async("string");
  }
  return out;
}

/** Raw XML of the worksheet part holding the named sheet (via workbook.xml and its relationships). */
export async function sheetXml(buf: Buffer, sheetName: string): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const book = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const escaped = sheetName.replace(/&/g, "&amp;").replace(/'/g, "&apos;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const sheet = new RegExp(`<sheet [^>]*name="${escaped.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*r:id="([^"]+)"`).exec(book);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const rel = new RegExp(`<Relationship [^>]*Id="${sheet[1]}"[^>]*Target="([^"]+)"`).exec(rels) ?? new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${sheet[1]}"`).exec(rels);
  if (!rel) throw new Error(`no relationship for ${sheetName}`);
  const target = rel[1].startsWith("/") ? rel[1].slice(1) : `xl/${rel[1]}`;
  return zip.file(target)!.async("string");
}

/** The <c> element of one cell in a sheet's XML. */
export function cellXml(xml: string, address: string): string {
  const m = new RegExp(`<c r="${address}"(?:\\s[^>]*)?(?:/>|>.*?</c>)`).exec(xml);
  if (!m) throw new Error(`no cell ${address}`);
  return m[0];
}

/** Everything a user could see in a sheet: values, formulas, formats, styles, merges, tables, state. */
export function snapshotSheet(ws: ExcelJS.Worksheet): unknown {
  const cells: unknown[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      cells.push([r, c, cell.type, JSON.stringify(cell.value), cell.numFmt ?? null, JSON.stringify(cell.font ?? null), JSON.stringify(cell.fill ?? null)]);
    });
  });
  const tables = Object.values((ws as unknown as { tables: Record<string, { model: unknown }> }).tables).map((t) => JSON.stringify(t.model));
  return { name: ws.name, state: ws.state, cells, tables, merges: ws.model.merges, widths: ws.columns?.map((c) => c.width ?? null) ?? [] };
}
