import * as path from "path";
import { allocate } from "../engine/allocate";
import { formatErrors } from "../words/errors";
import { sortErrors } from "../engine/parse";
import { parsePlanning, withoutPlanSettingWarnings } from "../analysis/plan";
import { summaryJson } from "../report/summary";
import { allocationWarningText } from "../words/allocation";
import type { InputError } from "../engine/types";
import { boardPackInput, buildBoardPack } from "../report/boardPack";
import { extraSummary } from "./allocate";
import { readDistrict } from "./aroi";
import { EXIT_BAD_INPUT, EXIT_OK, parseArgs, type CliIO } from "./io";
import { withOutputs } from "./outputs";
import { guardFileOutputs, jsonText } from "./pipeline";
import { parseWarningWords } from "../words/parseErrors";

export const REPORT_USAGE = "usage: sfs report <district.xlsx> --out <board-pack.html> [--json <summary.json>] [--quiet]";

/**
 * `sfs report`: the board pack, one self-contained HTML file (charts as inline SVG, no network) that prints on
 * Letter and A4. Nothing is written on bad input.
 */
export async function runReport(argv: string[], io: CliIO): Promise<number> {
  const { positional, options } = parseArgs(argv, ["quiet"]);
  if (positional.length !== 1 || typeof options.out !== "string" || options.json === true) {
    io.stderr.write(`${REPORT_USAGE}\n`);
    return EXIT_BAD_INPUT;
  }
  const input = path.resolve(io.cwd, positional[0]);
  const { out, json } = await guardFileOutputs(io, [input], options);
  const fail = (errors: InputError[]) => {
    io.stderr.write(`sfs: no board pack can be made from ${path.basename(input)}; nothing was written.\n${formatErrors(sortErrors(errors))}\n`);
    return EXIT_BAD_INPUT;
  };
  const read = await readDistrict(input);
  if (!read.ok) return fail(read.errors);
  const parsed = parsePlanning(read.tables, read.district);
  const errors = [...read.errors, ...parsed.errors];
  if (errors.length || !read.district) return fail(errors);
  const allocation = allocate(read.district);
  if (allocation.errors.length) return fail(allocation.errors);

  const pack = buildBoardPack(boardPackInput(read.district, allocation, { workbook: path.basename(input), date: new Date(), planning: parsed.planning }));
  await withOutputs(async (outputs) => {
    if (out) await outputs.stage(out, pack.html);
    if (json) await outputs.stage(json, jsonText({ ...summaryJson(allocation), ...extraSummary(allocation), boardPack: { sections: pack.sections, charts: pack.charts } }));
    await outputs.commit();
  });
  if (options.quiet !== true) {
    io.stdout.write(`Board pack: ${out} (${pack.sections.length} sections, ${pack.charts.length} charts; open it in a browser and print, Letter or A4)\n`);
    for (const w of [...[...withoutPlanSettingWarnings(read.warnings), ...parsed.warnings].map(parseWarningWords), ...allocation.warnings.map(allocationWarningText)]) io.stdout.write(`note: ${w}\n`);
    if (json) io.stdout.write(`JSON summary: ${json}\n`);
  }
  return EXIT_OK;
}
