import { OutputError } from "./outputs";
import { EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, type CliIO } from "./io";

const HELP = `School Funding Studio (sfs)

  sfs allocate <district.xlsx> --out <result.xlsx> --json <summary.json>
      Validate the district workbook, allocate revenue to schools, write the result workbook and JSON summary.
  sfs aroi <district.xlsx> --out <result.xlsx> --json <summary.json> [--overrides <overrides.json>]
      Academic ROI of the Initiatives inventory: coverage, ranking, suggested actions, the sunset → expand what-if.
      Overrides: a JSON object { "<initiative>": { "action": "expand|keep|segment|fix|replace|sunset|collect data", "note": "..." } }.
  sfs equity <district.xlsx> --out <result.xlsx> --json <summary.json> [--source allocation|spending] [--year <year>]
      Equity statistics of per-pupil $ (unweighted and pupil-weighted), poverty slope, deciles; on the allocation
      (default) or on actual spending from the Spending table (latest year unless --year), with salary averaging.
  sfs calculators <district.xlsx> --out <folder> [--school <School ID>] [--password <pw>]
      Write one school calculator workbook per school (live formulas, protected, for principals).
  sfs plan <district.xlsx> [--years 5] --out <result.xlsx> --json <summary.json>
      Multi-year plan (projected enrollment and revenue, target weights, hold-harmless decay, revenue trigger),
      shadow notice, budget tree and cost drivers (Budget Lines), savings screener (Opportunities).
  sfs report <district.xlsx> --out <board-pack.html> [--json <summary.json>]
      The board pack: one self-contained HTML file with charts (allocation, formula, winners and losers, equity,
      A-ROI, multi-year plan) that prints on Letter and A4.
  sfs survey <district.xlsx> --out <result.xlsx> --json <summary.json>   |   sfs survey --template <new.xlsx>
      Stakeholder survey results (1-4 scale) by component, wave, role, item and school, with changes, flags and
      small groups suppressed; the readiness inventory when the workbook has one. --template writes blank tables.
  sfs benchmark <district.xlsx> --out <result.xlsx> --json <summary.json>
      Peer benchmarking (Peers table): $ per pupil by function against the peers' median and quartiles, gap per pupil
      and in total, rank, students per FTE, central office share.
  sfs demo [--out <folder>]
      Run the bundled sample district and print a readable summary (used by npm start).

Options for every command: --quiet (print nothing on success), --debug (show the details of an internal error).
  sfs allocate ... --school-sheets <n>: above n schools (default 200) the per-school lines are written as one
      "School Lines" table instead of one sheet per school.

Outputs: the input workbook is never written. A path that is the input, names another output twice, is an existing
folder or cannot be written is refused before any work starts; every file is written under a temporary name and
renamed into place only when all outputs of the run succeeded.

Exit status: 0 success, 2 bad input or an output path that cannot be used (the message names table, row and column,
or the path; nothing is written), 1 internal error or a failing disk.
`;

type Command = (argv: string[], io: CliIO) => Promise<number>;

// Each command is loaded when it is run, so `sfs --help` starts without loading ExcelJS or the engine. (`require`,
// not `import()`: the same lazy load works compiled by esbuild, through tsx and under jest.)
/* eslint-disable @typescript-eslint/no-require-imports */
const COMMANDS: Record<string, () => Promise<Command>> = {
  allocate: async () => (require("./allocate") as typeof import("./allocate")).runAllocate,
  calculators: async () => (require("./calculators") as typeof import("./calculators")).runCalculators,
  aroi: async () => (require("./aroi") as typeof import("./aroi")).runAroi,
  equity: async () => (require("./equity") as typeof import("./equity")).runEquity,
  demo: async () => (require("./demo") as typeof import("./demo")).runDemo,
  plan: async () => (require("./plan") as typeof import("./plan")).runPlan,
  report: async () => (require("./report") as typeof import("./report")).runReport,
  survey: async () => (require("./survey") as typeof import("./survey")).runSurvey,
  benchmark: async () => (require("./benchmark") as typeof import("./benchmark")).runBenchmark,
};
/* eslint-enable @typescript-eslint/no-require-imports */

export function registerCommand(name: string, run: Command): void {
  COMMANDS[name] = async () => run;
}

/** One line for an unexpected failure, a hint, and the stack only when asked for with --debug. */
export function internalError(err: unknown, debug: boolean): string {
  const e = err instanceof Error ? err : new Error(String(err));
  const first = `sfs: internal error: ${e.message.split("\n")[0] || e.name}\n`;
  if (debug) return `${first}${e.stack ?? ""}\n`;
  return `${first}  This is a fault in School Funding Studio, not in your workbook. Run the same command with --debug to see the details, and report them.\n`;
}

/**
 * Run one command. Never throws: an output problem is one plain message (exit 2, or 1 for a failing disk), any other
 * failure one line plus a hint (exit 1), with the stack only under `--debug`.
 */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const debug = argv.includes("--debug");
  const [cmd, ...rest] = argv.filter((a) => a !== "--debug");
  if (!cmd || cmd === "--help" || cmd === "-h" || cmd === "help") {
    io.stdout.write(HELP);
    return cmd ? EXIT_OK : EXIT_BAD_INPUT;
  }
  const load = COMMANDS[cmd];
  if (!load) {
    io.stderr.write(`sfs: unknown command "${cmd}"\n${HELP}`);
    return EXIT_BAD_INPUT;
  }
  try {
    const run = await load();
    return await run(rest, io);
  } catch (err) {
    if (err instanceof OutputError) {
      io.stderr.write(`${err.message}\n`);
      return err.exitCode;
    }
    io.stderr.write(internalError(err, debug));
    return EXIT_INTERNAL;
  }
}
