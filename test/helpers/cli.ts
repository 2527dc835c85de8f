/**
 * The `sfs` command for the CLI tests: through the real bin in a child process (`sfs`), or in this process through
 * `main` (`inProcess`), with the repository root as the working folder unless told otherwise.
 */
import { spawnSync } from "child_process";
import * as path from "path";

export const ROOT = path.join(__dirname, "..", "..");
export const BIN = path.join(ROOT, "bin", "sfs.js");
export const SAMPLE = path.join(ROOT, "assets", "sample-district.xlsx");

/** Run `node bin/sfs.js ...args` in `cwd`: its exit code and what it printed. */
export function sfs(args: string[], cwd = ROOT): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Run the command line's `main` in this process, from the repository root: its exit code and what it printed. */
export async function inProcess(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  // Loaded here so that the tests that only spawn the bin do not load the command line in-process.
  const { main } = await import("../../src/cli/main");
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd: ROOT });
  return { code, stdout, stderr };
}
