import { spawnSync } from "child_process";
import * as path from "path";

const ROOT = path.join(__dirname, "..");
const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);

/** ts-jest only transpiles (isolatedModules); the whole project is type-checked and linted here. */
describe("static checks", () => {
  test("TypeScript: tsc --noEmit finds no errors in src, test, bench and scripts", () => {
    const r = spawnSync(bin("tsc"), ["--noEmit", "-p", "tsconfig.json"], { cwd: ROOT, encoding: "utf8" });
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  }, 300_000);

  test("ESLint (typescript-eslint + eslint-plugin-office-addins) reports no problems", () => {
    const r = spawnSync(bin("eslint"), ["src", "test", "bench", "scripts"], { cwd: ROOT, encoding: "utf8" });
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  }, 300_000);

  test("ESLint fails on an object interpolated into a template literal under src (it would print [object Object])", () => {
    const code = [
      'import type { AroiWarning } from "../analysis/aroi";',
      "export const bad = (w: AroiWarning): string => `Note: ${w}`;",
      "export const fine = (n: number, s: string | null, b: boolean): string => `${n} ${s} ${b}`;",
      "",
    ].join("\n");
    // linted as if it were a file of src/words (the text on stdin is checked, the file on disk is not read)
    const r = spawnSync(bin("eslint"), ["--stdin", "--stdin-filename", "src/words/aroi.ts", "-f", "json"], { cwd: ROOT, encoding: "utf8", input: code });
    const [report] = JSON.parse(r.stdout) as { messages: { line: number; ruleId: string }[] }[];
    expect(report.messages.map((m) => `${m.line}: ${m.ruleId}`)).toEqual(["2: @typescript-eslint/restrict-template-expressions"]);
  }, 300_000);
});
