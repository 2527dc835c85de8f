import * as path from "path";
import { promises as fs } from "fs";
import { allocate } from "../engine/allocate";
import { formatErrors } from "../engine/errors";
import { parseDistrict } from "../engine/parse";
import type { Allocation, InputError } from "../engine/types";
import { readWorkbook } from "../xlsx/read";
import type ExcelJS from "exceljs";

export type Loaded =
  | { ok: true; workbook: ExcelJS.Workbook; allocation: Allocation; warnings: string[] }
  | { ok: false; message: string; errors: InputError[] };

/** Read a district workbook, validate it and allocate. Errors come back as located messages, never throws on bad input. */
export async function loadAndAllocate(file: string): Promise<Loaded> {
  const read = await readWorkbook(file);
  if (!read.ok) return { ok: false, message: formatErrors(read.errors), errors: read.errors };
  const parsed = parseDistrict(read.tables);
  if (!parsed.ok) return { ok: false, message: formatErrors(parsed.errors), errors: parsed.errors };
  const allocation = allocate(parsed.district);
  if (allocation.errors.length) return { ok: false, message: formatErrors(allocation.errors), errors: allocation.errors };
  return { ok: true, workbook: read.workbook, allocation, warnings: [...parsed.warnings, ...allocation.warnings] };
}

/** Write JSON atomically (temp file then rename), creating the folder. */
export async function writeJsonFile(file: string, data: unknown): Promise<void> {
  await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  await fs.writeFile(tmp, JSON.stringify(data, null, 2) + "\n");
  await fs.rename(tmp, file);
}
