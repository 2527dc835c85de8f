/**
 * School calculator workbooks as .xlsx files: one workbook per school (Cover, Inputs, Rates, Budget,
 * Explanation, School Plan), rendered from src/report/calculator.ts with the ExcelJS renderer, then finished
 * for distribution: every sheet protected (the own-sheet registry too), each sheet's print area set and fitted
 * to one page, and the workbook asks Excel to recalculate fully when it is opened.
 */
import { promises as fs } from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { calculatorContext, calculatorModel } from "../report/calculator/model";
import type { Allocation } from "../engine/types";
import { calculatorFileName, calculatorPlans, type CalculatorPlanOptions } from "../report/calculator";
import { uniqueFileName } from "../report/names";
import { newWorkbook, renderPlans } from "./write";

export interface CalculatorFilesOptions extends Omit<CalculatorPlanOptions, "model"> {
  /** Indexes of the schools to write (default: every school). */
  schools?: number[];
  /** Time stamp written into the workbooks (default: now). */
  now?: Date;
}

/** Protect, fit and recalculate: what a distributed calculator needs beyond the plans. */
function finish(workbook: ExcelJS.Workbook): void {
  const protectedSheet = workbook.worksheets.find((ws) => (ws as unknown as { sheetProtection?: unknown }).sheetProtection);
  const protection = protectedSheet ? (protectedSheet as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection : null;
  for (const ws of workbook.worksheets) {
    const target = ws as unknown as { sheetProtection: Record<string, unknown> | null };
    if (!target.sheetProtection && protection) target.sheetProtection = { ...protection };
    // Page setup (orientation, one page wide, print area, header and footer) comes with every sheet from the writer.
  }
  const calc = workbook.calcProperties as { fullCalcOnLoad?: boolean };
  calc.fullCalcOnLoad = true;
}

/** The .xlsx bytes of one school's calculator. */
export async function calculatorWorkbook(a: Allocation, schoolIndex: number, opts: Omit<CalculatorFilesOptions, "schools"> = {}): Promise<Uint8Array> {
  const now = opts.now ?? new Date();
  const context = opts.context ?? calculatorContext(a);
  const model = calculatorModel(a, schoolIndex, context);
  const plans = calculatorPlans(a, schoolIndex, { password: opts.password, contact: opts.contact, planRows: opts.planRows, model, context });
  const workbook = newWorkbook(now);
  workbook.title = `School budget calculator — ${a.schools[schoolIndex].name}`;
  renderPlans(workbook, plans, { now });
  finish(workbook);
  // A Node Buffer is a Uint8Array; in a browser ExcelJS gives an ArrayBuffer. No Buffer global is needed.
  const out: unknown = await workbook.xlsx.writeBuffer();
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}

/** File names for the chosen schools, unique even on case-insensitive file systems. */
export function calculatorFileNames(a: Allocation, schools: number[]): string[] {
  const taken = new Set<string>();
  return schools.map((i) => uniqueFileName(calculatorFileName(a, i), taken));
}

function chosen(a: Allocation, schools: number[] | undefined): number[] {
  const list = schools ?? a.schools.map((_, i) => i);
  for (const i of list) if (!Number.isInteger(i) || i < 0 || i >= a.schools.length) throw new RangeError(`no school at index ${i}`);
  return list;
}

/**
 * Write one calculator per chosen school into `folder` (created when missing). Every workbook is built in
 * memory first and each file is written to a temporary name then renamed, so no half-written file is left.
 * Returns the full paths written, in school order.
 */
export async function writeCalculatorFiles(a: Allocation, folder: string, opts: CalculatorFilesOptions = {}): Promise<string[]> {
  const list = chosen(a, opts.schools);
  const names = calculatorFileNames(a, list);
  const buffers: Uint8Array[] = [];
  const context = opts.context ?? calculatorContext(a);
  for (const i of list) buffers.push(await calculatorWorkbook(a, i, { ...opts, context }));
  await fs.mkdir(folder, { recursive: true });
  const written: string[] = [];
  for (let k = 0; k < list.length; k++) {
    const file = path.join(folder, names[k]);
    const tmp = path.join(folder, `.${names[k]}.${process.pid}.tmp`);
    try {
      await fs.writeFile(tmp, buffers[k]);
      await fs.rename(tmp, file);
    } catch (e) {
      await fs.rm(tmp, { force: true }).catch(() => undefined);
      throw e;
    }
    written.push(file);
  }
  return written;
}

export interface ZipProgress {
  done: number;
  total: number;
  label: string;
}

/**
 * Every chosen school's calculator in one .zip (the task pane's "all schools" download), reporting progress school
 * by school and yielding between workbooks so a page can repaint. Returns null when `signal` aborted it.
 */
export async function calculatorsZip(
  a: Allocation,
  opts: CalculatorFilesOptions & { onProgress?: (p: ZipProgress) => void; signal?: AbortSignal } = {},
): Promise<Uint8Array | null> {
  const list = chosen(a, opts.schools);
  const names = calculatorFileNames(a, list);
  const zip = new JSZip();
  const context = opts.context ?? calculatorContext(a);
  for (let k = 0; k < list.length; k++) {
    opts.onProgress?.({ done: k, total: list.length, label: `Building ${names[k]}` });
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (opts.signal?.aborted) return null;
    zip.file(names[k], await calculatorWorkbook(a, list[k], { ...opts, context }), { binary: true });
  }
  if (opts.signal?.aborted) return null;
  opts.onProgress?.({ done: list.length, total: list.length, label: "Packing the .zip" });
  return zip.generateAsync({ type: "uint8array", compression: "STORE" });
}
