import { mkdtempSync, rmSync, statSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { allocate } from "../src/engine/allocate";
import { parseDistrict } from "../src/engine/parse";
import { allocationPlans } from "../src/report/allocation";
import { readWorkbook } from "../src/xlsx/read";
import { writeWorkbookFile } from "../src/xlsx/write";
import { writeInputWorkbook } from "../scripts/write-inputs";
import { allocatableDistrict } from "./district";

export interface IoFigures {
  schools: number;
  readMs: number;
  parseMs: number;
  allocateMs: number;
  plansMs: number;
  writeMs: number;
  inputBytes: number;
  outputBytes: number;
  sheets: number;
}

/** Read + parse a workbook of `schools` schools, then allocate and write the result workbook with one sheet per school. */
export async function benchIo(schools = 1000): Promise<IoFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), "sfs-bench-"));
  try {
    const input = path.join(dir, "district.xlsx");
    await writeInputWorkbook(allocatableDistrict({ schools, levels: 3, needs: 3, sources: 20, seed: 11 }).raw, input);
    let t = performance.now();
    const read = await readWorkbook(input);
    const readMs = performance.now() - t;
    if (!read.ok) throw new Error("bench workbook does not read");
    t = performance.now();
    const parsed = parseDistrict(read.tables);
    const parseMs = performance.now() - t;
    if (!parsed.ok) throw new Error("bench workbook does not parse");
    t = performance.now();
    const a = allocate(parsed.district);
    const allocateMs = performance.now() - t;
    t = performance.now();
    const plans = allocationPlans(a);
    const plansMs = performance.now() - t;
    const out = path.join(dir, "result.xlsx");
    t = performance.now();
    await writeWorkbookFile(out, plans, read.workbook);
    const writeMs = performance.now() - t;
    return { schools, readMs, parseMs, allocateMs, plansMs, writeMs, inputBytes: statSync(input).size, outputBytes: statSync(out).size, sheets: plans.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
