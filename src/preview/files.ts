/**
 * Opening and saving real workbooks in the browser preview: the user's .xlsx is read with ExcelJS in this browser
 * (loaded on first use; nothing is uploaded anywhere) and saved back as a download with the tool's sheets written,
 * the same way the command line writes them.
 */
import type ExcelJS from "exceljs";
import { formatError } from "../words/errors";
import type { RawTables } from "../engine/types";
import type { MemoryHost } from "../host/memory";
import type { Progress } from "../host/types";

/** The workbook code (ExcelJS and the .xlsx reader and writer), loaded on first use. */
function loadXlsx() {
  return Promise.all([
    import(/* webpackChunkName: "xlsx-read" */ "../xlsx/read"),
    import(/* webpackChunkName: "xlsx-read" */ "../xlsx/write"),
    import("exceljs"),
  ]);
}

/** The file's bytes, read in chunks so that a large file shows progress. */
export async function fileBytes(file: Blob, onProgress: (p: Progress) => void, label: string): Promise<Uint8Array> {
  const total = file.size;
  if (typeof file.stream !== "function") return new Uint8Array(await file.arrayBuffer());
  const reader = file.stream().getReader();
  const out = new Uint8Array(total);
  let done = 0;
  for (;;) {
    const r = await reader.read();
    if (r.done) break;
    out.set(r.value, done);
    done += r.value.length;
    onProgress({ done, total, label });
  }
  return done === total ? out : out.subarray(0, done);
}

export interface OpenedWorkbook {
  name: string;
  bytes: Uint8Array;
  tables: RawTables;
}

/**
 * Read a workbook file's input tables. A file that is not a workbook, or whose tables cannot be read, rejects with
 * the same located message as the command line (e.g. `(workbook): expected an Excel workbook (.xlsx), found a
 * text file (CSV?), not a workbook`).
 */
export async function openWorkbookFile(file: File, onProgress: (p: Progress) => void): Promise<OpenedWorkbook> {
  const bytes = await fileBytes(file, onProgress, `Reading ${file.name}`);
  onProgress({ done: 0, total: 1, label: "Loading the workbook reader" });
  const [read] = await loadXlsx();
  const problem = read.describeBytes(bytes);
  if (problem) throw new Error(formatError({ table: "(workbook)", row: null, column: null, expected: "an Excel workbook (.xlsx)", found: problem }));
  onProgress({ done: 0, total: 1, label: `Opening ${file.name}` });
  const r = await read.readWorkbook(bytes);
  if (!r.ok) throw new Error(r.errors.map(formatError).join(" "));
  onProgress({ done: 1, total: 1, label: `Opened ${file.name}` });
  return { name: file.name, bytes, tables: r.tables };
}

/** A workbook holding the preview's input tables, one sheet each (header row first), when no file was opened. */
function inputsWorkbook(Excel: typeof ExcelJS, host: MemoryHost): ExcelJS.Workbook {
  const wb = new Excel.Workbook();
  wb.creator = "School Funding Studio";
  for (const sheet of host.sheets().filter((s) => !s.own)) {
    const ws = wb.addWorksheet(sheet.name);
    for (const t of sheet.tables) {
      ws.addRow(t.headers);
      for (const row of t.rows) ws.addRow(row.map((c) => (c === null ? null : c)));
    }
  }
  return wb;
}

/**
 * The workbook with the tool's sheets written: the opened file (its own sheets and everything else kept, the tool's
 * earlier sheets replaced), or the preview's input tables; as .xlsx bytes.
 */
export async function savedWorkbook(host: MemoryHost, opened: OpenedWorkbook | null, onProgress: (p: Progress) => void): Promise<Uint8Array> {
  onProgress({ done: 0, total: 3, label: "Loading the workbook writer" });
  const [read, write, excel] = await loadXlsx();
  const Excel = (excel as unknown as { default?: typeof ExcelJS }).default ?? (excel as unknown as typeof ExcelJS);
  onProgress({ done: 1, total: 3, label: "Writing the tool's sheets" });
  let wb: ExcelJS.Workbook;
  if (opened) {
    const loaded = await read.loadWorkbook(opened.bytes);
    if (!loaded.ok) throw new Error(loaded.errors.map(formatError).join(" "));
    wb = loaded.workbook;
  } else {
    wb = inputsWorkbook(Excel, host);
  }
  const plans = host.sheets().flatMap((s) => (s.own && s.plan ? [s.plan] : []));
  write.renderPlans(wb, plans);
  onProgress({ done: 2, total: 3, label: "Compressing the workbook" });
  const out = await wb.xlsx.writeBuffer();
  onProgress({ done: 3, total: 3, label: "Saved" });
  return new Uint8Array(out as ArrayBuffer);
}

/** The saved file's name: the opened file's, or the sample's. */
export function savedName(opened: OpenedWorkbook | null): string {
  if (!opened) return "School Funding Studio.xlsx";
  return /\.xls[xm]$/i.test(opened.name) ? opened.name.replace(/\.xls[xm]$/i, ".xlsx") : `${opened.name}.xlsx`;
}
