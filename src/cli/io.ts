/** What a command needs from the outside world (injected so tests can capture output). */
export interface CliIO {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  cwd: string;
}

/** Exit codes: 0 success, 1 internal failure, 2 bad input or usage (message on stderr, nothing written). */
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;

export interface ParsedArgs {
  positional: string[];
  options: Record<string, string | true>;
}

/** Parse `--name value`, `--name=value` and `--flag` (flags listed in `flags`). */
export function parseArgs(argv: string[], flags: string[] = []): ParsedArgs {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (eq > 0) options[name] = a.slice(eq + 1);
      else if (flags.includes(name)) options[name] = true;
      else if (k + 1 < argv.length && !argv[k + 1].startsWith("--")) options[name] = argv[++k];
      else options[name] = true;
    } else positional.push(a);
  }
  return { positional, options };
}
