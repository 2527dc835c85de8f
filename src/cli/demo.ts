import { existsSync } from "fs";
import * as path from "path";
import { runAllocate } from "./allocate";
import { parseArgs, type CliIO } from "./io";

/** The sample district workbook shipped with the project (found from src/cli or from the compiled dist-cli). */
export const SAMPLE_WORKBOOK = [path.join(__dirname, "..", ".."), path.join(__dirname, "..")]
  .map((root) => path.join(root, "assets", "sample-district.xlsx"))
  .reduce((found, p) => (existsSync(found) ? found : p));

/** `sfs demo`: allocate the bundled sample district into out/ and print the summary. */
export async function runDemo(argv: string[], io: CliIO): Promise<number> {
  const { options } = parseArgs(argv);
  const folder = path.resolve(io.cwd, typeof options.out === "string" ? options.out : "out");
  io.stdout.write(`Running the sample district (${path.relative(io.cwd, SAMPLE_WORKBOOK) || SAMPLE_WORKBOOK}) through the engine…\n\n`);
  return runAllocate([SAMPLE_WORKBOOK, "--out", path.join(folder, "sample-result.xlsx"), "--json", path.join(folder, "sample-summary.json")], io);
}
