import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { folderHashes } from "../helpers/files";
import { inProcess, SAMPLE, sfs } from "../helpers/cli";

describe("sfs report", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sfs-report-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("the real bin writes the board pack and the JSON summary", () => {
    const out = path.join(dir, "board-pack.html");
    const json = path.join(dir, "summary.json");
    const r = sfs(["report", SAMPLE, "--out", out, "--json", json]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Board pack: .*board-pack\.html \(7 sections, 8 charts; open it in a browser and print, Letter or A4\)/);
    const html = fs.readFileSync(out, "utf8");
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain("<h1>sample-district</h1>");
    expect(html).not.toMatch(/https?:\/\//);
    const summary = JSON.parse(fs.readFileSync(json, "utf8"));
    expect(summary.boardPack.sections[0]).toBe("The allocation");
    expect(summary.boardPack.charts).toContain("BudgetChange");
    expect(summary.schools).toHaveLength(39);
  });

  test("usage and output safety: --out is required; the input is never written", async () => {
    const usage = await inProcess(["report", SAMPLE]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/usage: sfs report <district\.xlsx> --out <board-pack\.html>/);
    const copy = path.join(dir, "in.xlsx");
    fs.copyFileSync(SAMPLE, copy);
    const before = folderHashes(dir);
    const same = await inProcess(["report", copy, "--out", copy]);
    expect(same.code).toBe(2);
    expect(same.stderr).not.toMatch(/\n\s+at /);
    expect(folderHashes(dir)).toEqual(before);
  });
});
