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
});
