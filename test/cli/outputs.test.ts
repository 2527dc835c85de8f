/**
 * Output safety: the input is never written, outputs are checked before any work, a run writes all its files or
 * none, and no output problem prints a stack trace.
 */
import { spawn } from "child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main, registerCommand } from "../../src/cli/main";
import { checkOutputs, nodeFs, OutputError, OutputSet, type OutputFs } from "../../src/cli/outputs";
import { BIN, SAMPLE } from "../helpers/cli";
import { folderHashes, STACK_LINE } from "../helpers/files";
import { withRichParts } from "../helpers/rich";

async function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd });
  return { code, stdout, stderr };
}

function fresh(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "sfs-out-"));
  copyFileSync(SAMPLE, path.join(dir, "in.xlsx"));
  return dir;
}

/** The run must be refused with exit 2, one plain message naming `mention`, and no file changed. */
async function refused(args: string[], mention: RegExp, prepare?: (dir: string) => void): Promise<string> {
  const dir = fresh();
  prepare?.(dir);
  const before = folderHashes(dir);
  const r = await run(args, dir);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(mention);
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(folderHashes(dir)).toEqual(before);
  return r.stderr;
}

describe("outputs are checked before any work", () => {
  test("--json naming the input is refused; the workbook is intact", async () => {
    const msg = await refused(["allocate", "in.xlsx", "--out", "r.xlsx", "--json", "in.xlsx"], /--json .*in\.xlsx.*input workbook/);
    expect(msg).toMatch(/nothing was written/);
  });
  test("--out naming the input (another spelling, a symbolic link) is refused", async () => {
    await refused(["allocate", "in.xlsx", "--out", "./sub/../in.xlsx"], /--out .*input workbook/, (d) => mkdirSync(path.join(d, "sub")));
    await refused(["allocate", "in.xlsx", "--out", "link.xlsx"], /--out .*input workbook/, (d) => symlinkSync(path.join(d, "in.xlsx"), path.join(d, "link.xlsx")));
    await refused(["allocate", "link.xlsx", "--out", "in.xlsx"], /--out .*input workbook/, (d) => symlinkSync(path.join(d, "in.xlsx"), path.join(d, "link.xlsx")));
  });
  test("the same file for --out and --json is refused", async () => {
    await refused(["allocate", "in.xlsx", "--out", "x", "--json", "x"], /--json .*same file as --out/);
    await refused(["plan", "in.xlsx", "--out", "R.xlsx", "--json", "r.xlsx"], /same file as --out/);
  });
  test("a path inside the input file, an existing folder, or a folder that is a file is refused", async () => {
    await refused(["allocate", "in.xlsx", "--out", "in.xlsx/out.xlsx"], /inside the input file/);
    await refused(["equity", "in.xlsx", "--out", "folder"], /existing folder/, (d) => mkdirSync(path.join(d, "folder")));
    await refused(["aroi", "in.xlsx", "--json", "notes.txt/s.json"], /notes\.txt is a file, not a folder/, (d) => writeFileSync(path.join(d, "notes.txt"), "x"));
    await refused(["calculators", "in.xlsx", "--out", "in.xlsx"], /input workbook/);
    await refused(["calculators", "in.xlsx", "--out", "notes.txt"], /existing file/, (d) => writeFileSync(path.join(d, "notes.txt"), "x"));
  });
  test("a folder that cannot be written is refused before any work", async () => {
    await refused(["allocate", "in.xlsx", "--out", "r.xlsx", "--json", "/sys/sfs-test/s.json"], /--json .*cannot write in \/sys/);
    await refused(["calculators", "in.xlsx", "--out", "/sys/sfs-calculators"], /cannot write in \/sys/);
  });
  test("a name longer than the file system allows is refused", async () => {
    await refused(["allocate", "in.xlsx", "--out", "é".repeat(130) + ".xlsx"], /too long for the file system/);
  });
  test("an --overrides file is an input too", async () => {
    await refused(["aroi", "in.xlsx", "--overrides", "o.json", "--json", "o.json"], /input workbook|input/, (d) => writeFileSync(path.join(d, "o.json"), "{}"));
  });
});

describe("a run writes all its files or none", () => {
  test("a successful run leaves exactly the outputs, no temporary file", async () => {
    const dir = fresh();
    const r = await run(["allocate", "in.xlsx", "--out", "out/r.xlsx", "--json", "out/deeper/s.json", "--quiet"], dir);
    expect(r).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(Object.keys(folderHashes(dir)).sort()).toEqual(["in.xlsx", "out/", "out/deeper/", "out/deeper/s.json", "out/r.xlsx"]);
  });

  test("a write that fails (disk full) leaves no new or changed file and no new folder", async () => {
    const dir = fresh();
    writeFileSync(path.join(dir, "old.json"), "old");
    const before = folderHashes(dir);
    let writes = 0;
    const full: OutputFs = { ...nodeFs, writeFile: async (f, d) => (++writes === 2 ? Promise.reject(Object.assign(new Error("no space"), { code: "ENOSPC" })) : nodeFs.writeFile(f, d)) };
    const set = new OutputSet(full);
    await set.stage(path.join(dir, "new", "a.xlsx"), "a");
    const err = await set.stage(path.join(dir, "old.json"), "b").catch((e) => e);
    await set.abort();
    expect(err).toBeInstanceOf(OutputError);
    expect(err.message).toMatch(/cannot write .*old\.json: the disk is full \(ENOSPC\); nothing was written\./);
    expect(err.exitCode).toBe(1);
    expect(folderHashes(dir)).toEqual(before);
  });

  test("a rename that fails midway puts back every file it replaced", async () => {
    const dir = fresh();
    writeFileSync(path.join(dir, "a.json"), "old a");
    writeFileSync(path.join(dir, "b.json"), "old b");
    const before = folderHashes(dir);
    const flaky: OutputFs = {
      ...nodeFs,
      rename: async (from, to) => (to.endsWith("b.json") && !from.includes(".old") ? Promise.reject(Object.assign(new Error("busy"), { code: "EBUSY" })) : nodeFs.rename(from, to)),
    };
    const set = new OutputSet(flaky);
    await set.stage(path.join(dir, "a.json"), "new a");
    await set.stage(path.join(dir, "b.json"), "new b");
    await set.stage(path.join(dir, "c.json"), "new c");
    await expect(set.commit()).rejects.toThrow(/cannot write .*b\.json: the file is in use/);
    expect(folderHashes(dir)).toEqual(before);
  });

  test("checkOutputs and OutputSet report plain errors", async () => {
    const dir = fresh();
    await expect(checkOutputs([path.join(dir, "in.xlsx")], [{ option: "--out", path: path.join(dir, "in.xlsx"), kind: "file" }])).rejects.toBeInstanceOf(OutputError);
    await expect(checkOutputs([path.join(dir, "in.xlsx")], [{ option: "--out", path: path.join(dir, "ok.xlsx"), kind: "file" }])).resolves.toBeUndefined();
  });
});

describe("internal errors and closed pipes", () => {
  test("an unexpected error is one line and a hint; the stack only with --debug", async () => {
    registerCommand("explode", async () => {
      throw new TypeError("cannot read properties of undefined");
    });
    const r = await run(["explode"], tmpdir());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^sfs: internal error: cannot read properties of undefined\n  .*--debug/);
    expect(r.stderr).not.toMatch(STACK_LINE);
    const d = await run(["explode", "--debug"], tmpdir());
    expect(d.code).toBe(1);
    expect(d.stderr).toMatch(STACK_LINE);
  });

  test("a reader that closes the pipe early (sfs allocate | head) ends quietly with the command's status", async () => {
    const dir = fresh();
    const child = spawn(process.execPath, [BIN, "allocate", path.join(dir, "in.xlsx"), "--out", path.join(dir, "r.xlsx")], { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (b) => (stderr += b));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(existsSync(path.join(dir, "r.xlsx"))).toBe(true);
    expect(readFileSync(path.join(dir, "in.xlsx"))).toEqual(readFileSync(SAMPLE));
  });
});

describe("what the copy cannot carry is listed, never dropped silently", () => {
  test("a chart and macros in the input: listed on standard error and in summary.json; the input unchanged", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sfs-out-"));
    writeFileSync(path.join(dir, "in.xlsx"), await withRichParts(readFileSync(SAMPLE), { sheet: 1, charts: 1, macros: true }));
    const before = folderHashes(dir);
    const r = await run(["allocate", "in.xlsx", "--out", "r.xlsx", "--json", "s.json", "--quiet"], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^sfs: note: the result workbook does not carry 1 chart on '[^']+', macros \(VBA project\); they stay in your workbook, which is unchanged\.\n$/);
    const s = JSON.parse(readFileSync(path.join(dir, "s.json"), "utf8"));
    expect(s.notCarried.map((x: { kind: string; count: number }) => [x.kind, x.count])).toEqual([["chart", 1], ["macros", 1]]);
    expect(folderHashes(dir)["in.xlsx"]).toBe(before["in.xlsx"]);
  });
  test("nothing lost: no note, an empty list", async () => {
    const dir = fresh();
    const r = await run(["allocate", "in.xlsx", "--json", "s.json", "--quiet"], dir);
    expect(r).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(JSON.parse(readFileSync(path.join(dir, "s.json"), "utf8")).notCarried).toEqual([]);
  });
});

describe("--school-sheets", () => {
  test("above the threshold the lines go to one School Lines table", async () => {
    const dir = fresh();
    const r = await run(["allocate", "in.xlsx", "--out", "r.xlsx", "--school-sheets", "5"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/39 schools' lines are in one "School Lines" table \(more than 5 schools; --school-sheets <n> changes this\)/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "r.xlsx"));
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toContain("School Lines");
    expect(names.filter((n) => /^E101 /.test(n))).toEqual([]);
  });
  test("a value that is not a whole number is a usage error", async () => {
    const r = await run(["allocate", "in.xlsx", "--school-sheets", "many"], fresh());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--school-sheets takes a whole number/);
  });
});
