import { runAllocate } from "./allocate";
import { runCalculators } from "./calculators";
import { runAroi } from "./aroi";
import { runEquity } from "./equity";
import { runDemo } from "./demo";
import { runPlan } from "./plan";
import { EXIT_BAD_INPUT, EXIT_OK, type CliIO } from "./io";

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
  sfs demo [--out <folder>]
      Run the bundled sample district and print a readable summary (used by npm start).

Exit status: 0 success, 2 bad input (the message names table, row and column; nothing is written), 1 internal error.
`;

type Command = (argv: string[], io: CliIO) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  allocate: runAllocate,
  calculators: runCalculators,
  aroi: runAroi,
  equity: runEquity,
  demo: runDemo,
  plan: runPlan,
};

export function registerCommand(name: string, run: Command): void {
  COMMANDS[name] = run;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === "--help" || cmd === "-h" || cmd === "help") {
    io.stdout.write(HELP);
    return cmd ? EXIT_OK : EXIT_BAD_INPUT;
  }
  const run = COMMANDS[cmd];
  if (!run) {
    io.stderr.write(`sfs: unknown command "${cmd}"\n${HELP}`);
    return EXIT_BAD_INPUT;
  }
  return run(rest, io);
}
