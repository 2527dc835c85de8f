import { createWriteStream, promises as fs } from "fs";
import { Readable } from "stream";
import { pipeline } from "stream/promises";
import * as path from "path";
import { allocate } from "../engine/allocate";
import { formatErrors } from "../words/errors";
import { allocationWarningText } from "../words/allocation";
import { parseDistrict } from "../engine/parse";
import type { Allocation, InputError } from "../engine/types";
import { findNotCarried, notCarriedMessage, type NotCarried } from "../xlsx/carry";
import { readWorkbook } from "../xlsx/read";
import type ExcelJS from "exceljs";
import { checkOutputs, type OutputSpec } from "./outputs";
import type { CliIO } from "./io";
import { parseWarningWords } from "../words/parseErrors";

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
  return { ok: true, workbook: read.workbook, allocation, warnings: [...parsed.warnings.map(parseWarningWords), ...allocation.warnings.map(allocationWarningText)] };
}

/** The `--out` and `--json` files of a command, as absolute paths (null when not asked for). */
export interface FileOutputs {
  out: string | null;
  json: string | null;
}

/**
 * Resolve `--out` / `--json` and check them against the input before any work starts (throws OutputError, exit 2,
 * when one is the input, both are the same file, one is a folder or cannot be written).
 */
export async function guardFileOutputs(io: CliIO, inputs: string[], options: Record<string, string | true>): Promise<FileOutputs> {
  const out = typeof options.out === "string" ? path.resolve(io.cwd, options.out) : null;
  const json = typeof options.json === "string" ? path.resolve(io.cwd, options.json) : null;
  const specs: OutputSpec[] = [];
  if (out) specs.push({ option: "--out", path: out, kind: "file" });
  if (json) specs.push({ option: "--json", path: json, kind: "file" });
  await checkOutputs(inputs, specs);
  return { out, json };
}

/** summary.json text. */
export function jsonText(data: unknown): string {
  return JSON.stringify(data, null, 2) + "\n";
}

/**
 * The same text as `jsonText(data)`, in pieces: objects and arrays are opened and closed here and their members
 * stringified one by one, so a summary with hundreds of thousands of lines is never one giant string in memory.
 */
export function* jsonChunks(data: unknown, indent = "", depth = 0): Generator<string> {
  const json = (data as { toJSON?: () => unknown } | null)?.toJSON ? (data as { toJSON: () => unknown }).toJSON() : data;
  if (json === null || typeof json !== "object" || depth >= 3) {
    const text = JSON.stringify(json, null, 2);
    yield (text === undefined ? "null" : text).replace(/\n/g, `\n${indent}`);
    if (depth === 0) yield "\n";
    return;
  }
  const inner = `${indent}  `;
  const entries: [string | null, unknown][] = Array.isArray(json)
    ? json.map((v): [null, unknown] => [null, v === undefined || typeof v === "function" ? null : v])
    : Object.entries(json).filter(([, v]) => v !== undefined && typeof v !== "function");
  const [open, close] = Array.isArray(json) ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) yield `${open}${close}`;
  else {
    yield `${open}\n`;
    for (let k = 0; k < entries.length; k++) {
      const [key, v] = entries[k];
      yield `${inner}${key === null ? "" : `${JSON.stringify(key)}: `}`;
      yield* jsonChunks(v, inner, depth + 1);
      yield k < entries.length - 1 ? ",\n" : "\n";
    }
    yield `${indent}${close}`;
  }
  if (depth === 0) yield "\n";
}

/** Write `data` as JSON (two-space indent, like `jsonText`) to `file`, streamed. */
export async function writeJsonStream(file: string, data: unknown): Promise<void> {
  await pipeline(Readable.from(jsonChunks(data)), createWriteStream(file));
}

/** What a result workbook copied from `file` cannot carry (charts, pivot tables, macros...); [] when nothing or unreadable. */
export async function notCarriedIn(file: string): Promise<NotCarried[]> {
  try {
    return await findNotCarried(await fs.readFile(file));
  } catch {
    return [];
  }
}

/** Say on standard error what the result workbook leaves out (only when one was written). */
export function reportNotCarried(io: CliIO, list: NotCarried[], out: string | null): void {
  const message = out ? notCarriedMessage(list) : null;
  if (message) io.stderr.write(`${message}\n`);
}
