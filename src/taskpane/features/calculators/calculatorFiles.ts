/**
 * School calculator files for the pane. This module pulls in ExcelJS and JSZip, so the pane only ever loads it
 * through `import()` (see loadCalculatorFiles in useStudio): it lands in lazy chunks and the pane's initial script
 * stays small. Workbooks are built by the calculator builder (src/xlsx/calculators.ts), the same one `sfs
 * calculators` uses.
 */
import type { Allocation } from "../../../engine/types";
import { calculatorFileNames, calculatorWorkbook, calculatorsZip, type ZipProgress } from "../../../xlsx/calculators";

export interface CalculatorFile {
  name: string;
  bytes: Uint8Array;
}

export type CalculatorProgress = ZipProgress;

/** The zip of every school's calculator is called this. */
export const ZIP_NAME = "School calculators.zip";

/** One school's calculator workbook, with its file name ("<School ID> <School Name>.xlsx"). */
export async function calculatorFile(a: Allocation, schoolIndex: number): Promise<CalculatorFile> {
  const [name] = calculatorFileNames(a, [schoolIndex]);
  return { name, bytes: await calculatorWorkbook(a, schoolIndex) };
}

/**
 * Every school's calculator in one .zip, reporting progress school by school. Returns null when `signal` aborted
 * it (nothing is handed out then).
 */
export async function calculatorsZipFile(
  a: Allocation,
  opts: { onProgress?: (p: CalculatorProgress) => void; signal?: AbortSignal } = {},
): Promise<CalculatorFile | null> {
  const bytes = await calculatorsZip(a, opts);
  return bytes === null ? null : { name: ZIP_NAME, bytes };
}
