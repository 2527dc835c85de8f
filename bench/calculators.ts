import { allocate } from "../src/engine/allocate";
import { parseDistrict } from "../src/engine/parse";
import { allocatableDistrict } from "./district";
import { calculatorContext } from "../src/engine/calculator";
import { calculatorWorkbook } from "../src/xlsx/calculators";

/**
 * Generate `n` school calculator workbooks (synthetic district of n schools → parse → allocate → one .xlsx per
 * school, in memory) and report the time taken and the total size of the files.
 */
export async function benchCalculators(n: number): Promise<{ ms: number; bytes: number }> {
  const parsed = parseDistrict(allocatableDistrict({ schools: n, levels: 3, needs: 3, sources: 20, seed: 11 }).raw);
  if (!parsed.ok) throw new Error("synthetic district does not parse");
  const a = allocate(parsed.district);
  if (a.errors.length) throw new Error("synthetic district does not allocate");
  const now = new Date();
  const t = performance.now();
  let bytes = 0;
  const context = calculatorContext(a);
  for (let i = 0; i < a.schools.length; i++) bytes += (await calculatorWorkbook(a, i, { now, context })).length;
  return { ms: performance.now() - t, bytes };
}
