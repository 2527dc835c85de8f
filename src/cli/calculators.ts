import * as path from "path";
import { labelKey } from "../engine/parse/headers";
import { calculatorFileNames, calculatorWorkbook } from "../xlsx/calculators";
import { EXIT_BAD_INPUT, EXIT_OK, parseArgs, type CliIO } from "./io";
import { checkOutputs, withOutputs } from "./outputs";
import { loadAndAllocate } from "./pipeline";

export const CALCULATORS_USAGE =
  "usage: sfs calculators <district.xlsx> --out <folder> [--school <School ID>] [--password <pw>] [--contact <text>] [--quiet]";

/**
 * `sfs calculators`: one school calculator workbook per school ("<School ID> <School Name>.xlsx") in the folder.
 * Bad input (or an unknown --school) exits with status 2, a located message, and writes nothing.
 */
export async function runCalculators(argv: string[], io: CliIO): Promise<number> {
  const { positional, options } = parseArgs(argv, ["quiet"]);
  const bad = (name: string): boolean => options[name] === true;
  if (positional.length !== 1 || typeof options.out !== "string" || bad("school") || bad("password") || bad("contact")) {
    io.stderr.write(`${CALCULATORS_USAGE}\n`);
    return EXIT_BAD_INPUT;
  }
  const input = path.resolve(io.cwd, positional[0]);
  const folder = path.resolve(io.cwd, options.out);
  await checkOutputs([input], [{ option: "--out", path: folder, kind: "folder" }]);
  const loaded = await loadAndAllocate(input);
  if (!loaded.ok) {
    io.stderr.write(`sfs: ${path.basename(input)} cannot be allocated; nothing was written.\n${loaded.message}\n`);
    return EXIT_BAD_INPUT;
  }
  const a = loaded.allocation;
  let schools: number[] | undefined;
  if (typeof options.school === "string") {
    const wanted = labelKey(options.school);
    const i = a.schools.findIndex((s) => labelKey(s.id) === wanted);
    if (i < 0) {
      const ids = a.schools.map((s) => s.id);
      io.stderr.write(
        `sfs: Schools, column "School ID": expected one of ${ids.slice(0, 12).join(", ")}${ids.length > 12 ? ", …" : ""}, found "${options.school}"; nothing was written.\n`,
      );
      return EXIT_BAD_INPUT;
    }
    schools = [i];
  }
  const list = schools ?? a.schools.map((_, i) => i);
  const files = calculatorFileNames(a, list).map((name) => path.join(folder, name));
  // A calculator's file name may not land on the input (e.g. the district workbook kept in the same folder).
  await checkOutputs(
    [input],
    files.map((f) => ({ option: "--out", path: f, kind: "file" })),
  );
  const opts = {
    password: typeof options.password === "string" ? options.password : undefined,
    contact: typeof options.contact === "string" ? options.contact : undefined,
  };
  // Every workbook goes to a temporary file first; all are renamed into place only when every one was written.
  const written = await withOutputs(async (outputs) => {
    for (let k = 0; k < list.length; k++) await outputs.stage(files[k], await calculatorWorkbook(a, list[k], opts));
    return outputs.commit();
  });
  if (options.quiet !== true) {
    io.stdout.write(`Wrote ${written.length} school calculator${written.length === 1 ? "" : "s"} to ${folder}\n`);
    for (const f of written.slice(0, 5)) io.stdout.write(`  ${path.basename(f)}\n`);
    if (written.length > 5) io.stdout.write(`  … and ${written.length - 5} more\n`);
    for (const w of loaded.warnings) io.stdout.write(`note: ${w}\n`);
  }
  return EXIT_OK;
}
