/**
 * Writes the bundled sample district to an .xlsx (default assets/sample-district.xlsx):
 *   npx tsx scripts/make-sample.ts [out.xlsx] [--seed N]
 */
import { resolve } from "node:path";
import { SAMPLE_SEED, sampleDistrict } from "../src/sample/district";
import { type WriteOptions, writeInputWorkbook } from "./write-inputs";

export const SAMPLE_PATH = "assets/sample-district.xlsx";

export const SAMPLE_ABOUT = [
  "A fictional mid-size district (about 21,000 students in 39 schools) to try School Funding Studio with.",
  "Every name and number is made up, but the shapes are realistic: poverty, English learner and special",
  "education shares vary by region, a K-8 school has an Elementary and a Middle row in Enrollment, and the",
  "Initiatives table has outcome data for only some programs, as most districts do.",
  "",
  "Schools: one row per school, with this year's budget, its minimum operating budget, the balance it carries from last year, the cost of its staffing norms and a few attributes.",
  "Enrollment: projected students per school and level, with counts of students in each need category.",
  "Weights: the weighted student formula (Base weight per level plus an extra weight per need).",
  "Revenue: each funding source, whether it is distributed by the formula, held centrally or granted.",
  "Policy: foundation amount per school, hold-harmless floor, gain cap, phase-in and rounding.",
  "Initiatives and Initiative Segments: programs with their costs, students served and learning gains,",
  "for the academic return on investment (A-ROI) analysis.",
  "Survey Responses, Survey Items and Survey Waves: a stakeholder survey (1-4 scale) in two waves, by role and school.",
  "Readiness: the readiness inventory (vision, context, capacity, systems) with ratings, evidence and owners.",
  "Peers: twelve comparable districts' spending and staff by function, for peer benchmarking.",
  "Outcomes: reading proficiency by school and year, for achievement against poverty and spending.",
];

export const SAMPLE_OPTIONS: WriteOptions = { title: "School Funding Studio: sample district", about: SAMPLE_ABOUT };

async function main(argv: string[]): Promise<void> {
  let seed = SAMPLE_SEED;
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--seed") {
      seed = Number(argv[++i]);
      if (!Number.isInteger(seed)) throw new Error("--seed needs an integer");
    } else positional.push(arg);
  }
  const out = resolve(positional[0] ?? SAMPLE_PATH);
  await writeInputWorkbook(sampleDistrict(seed), out, SAMPLE_OPTIONS);
  process.stdout.write(`Wrote ${out}\n`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
