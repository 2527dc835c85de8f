import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { parseOverrides } from "../../src/cli/aroi";
import { main } from "../../src/cli/main";
import { sampleDistrict } from "../../src/sample/district";
import { writeInputWorkbook } from "../../scripts/write-inputs";
import { ROOT, SAMPLE, sfs } from "../helpers/cli";

interface InitiativeJson {
  name: string;
  totalCost: number;
  students: number;
  gain: number | null;
  aroi: number | null;
  action: string;
}

const twoDecimals = (v: number) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6;

describe("sfs aroi (through the real bin)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "sfs-aroi-"));
  const raw = sampleDistrict();
  const init = raw.initiatives;
  const col = (h: string) => init.headers.indexOf(h);

  test("sample district with an override: contract initiatives, coverage, actions, what-if and the A-ROI sheets", async () => {
    // Sunset one initiative that has outcome data through an override file.
    const overrides = path.join(dir, "overrides.json");
    writeFileSync(overrides, JSON.stringify({ "  pre-k expansion ": { action: "Sunset", note: "Board decision" } }));
    const out = path.join(dir, "result.xlsx");
    const json = path.join(dir, "summary.json");
    const r = sfs(["aroi", SAMPLE, "--out", out, "--json", json, "--overrides", overrides]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/A-ROI analysis — 25 initiatives/);
    expect(r.stdout).toMatch(/Outcome data\s+\d+ of 25/);
    expect(r.stdout).toMatch(/Top 5 by A-ROI \(effect size × students per \$1,000\)/);
    expect(r.stdout).toMatch(/Actions: .*\(1 set by overrides\)/);
    expect(r.stdout).toMatch(/What-if: Sunsetting \d+ initiative\(s\) frees \$/);

    const s = JSON.parse(readFileSync(json, "utf8"));
    expect(s.unit).toBe("effect size");
    const list = s.initiatives as InitiativeJson[];
    expect(list).toHaveLength(init.rows.length);
    for (const x of list) {
      expect(Object.keys(x)).toEqual(expect.arrayContaining(["name", "totalCost", "students", "gain", "aroi", "action"]));
      expect(twoDecimals(x.totalCost)).toBe(true);
    }

    // Independent check against the input rows: Total Cost = Direct + Staff Hours × Hourly + Indirect; A-ROI = gain × students ÷ cost.
    for (const row of init.rows) {
      const name = String(row[col("Initiative")]);
      const x = list.find((i) => i.name === name) as InitiativeJson;
      const total = Number(row[col("Direct Cost")]) + Number(row[col("Staff Hours")] ?? 0) * Number(row[col("Hourly Cost")] ?? 0) + Number(row[col("Indirect Cost")] ?? 0);
      expect(x.totalCost).toBeCloseTo(total, 2);
      expect(x.students).toBe(Number(row[col("Students Served")]));
      const gain = row[col("Learning Gain")];
      if (gain === null || gain === "") expect([x.gain, x.aroi]).toEqual([null, null]);
      else expect(x.aroi as number).toBeCloseTo((Number(gain) * x.students) / total, 12);
    }
    // Ranked: A-ROI descending, then the ones without an A-ROI.
    const withAroi = list.filter((x) => x.aroi !== null).map((x) => x.aroi as number);
    expect(withAroi).toEqual([...withAroi].sort((a, b) => b - a));
    expect(list.slice(withAroi.length).every((x) => x.aroi === null)).toBe(true);

    // Coverage counts agree with the input rows.
    const outcome = init.rows.filter((row) => row[col("Learning Gain")] !== null).length;
    expect(s.coverage.initiatives).toBe(25);
    expect(s.coverage.outcome.count).toBe(outcome);
    expect(s.coverage.outcome.share).toBeCloseTo(outcome / 25, 6);
    const segmentNames = new Set(raw["initiative segments"].rows.map((row) => String(row[0]).toLowerCase()));
    expect(s.coverage.segments.count).toBe(segmentNames.size);

    // Actions: the counts are the final actions; the override is applied and recorded.
    const counted: Record<string, number> = {};
    for (const x of list) counted[x.action] = (counted[x.action] ?? 0) + 1;
    for (const [k, v] of Object.entries(s.actions as Record<string, number>)) expect(v).toBe(counted[k] ?? 0);
    expect(list.find((x) => x.name === "Pre-K Expansion")?.action).toBe("sunset");
    expect(s.overrides).toEqual([{ name: "Pre-K Expansion", suggested: expect.any(String), action: "sunset", note: "Board decision" }]);

    // What-if: the freed money is the cost of every initiative set to sunset, spread over the expand ones.
    const sunsetCost = list.filter((x) => x.action === "sunset").reduce((t, x) => t + Math.round(x.totalCost * 100), 0);
    expect(Math.round(s.whatIf.freed * 100)).toBe(sunsetCost);
    expect(s.whatIf.sunset.map((x: { name: string }) => x.name)).toContain("Pre-K Expansion");
    const shares = s.whatIf.expand.reduce((t: number, e: { extra: number }) => t + Math.round(e.extra * 100), 0);
    expect(s.whatIf.expand.length).toBeGreaterThan(0);
    expect(shares).toBe(sunsetCost);
    for (const e of s.whatIf.expand) expect(e.extraStudents).toBe(Math.floor((e.extra * e.students) / e.totalCost + 1e-9));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const names = wb.worksheets.map((ws) => ws.name);
    expect(names).toEqual(expect.arrayContaining(["Schools", "Initiatives", "Initiatives A-ROI", "A-ROI Coverage", "A-ROI What-if"]));
    expect(names).not.toContain("Summary");
  });

  test("a workbook without an Initiatives table: exit 2, a located table-level message, nothing written", async () => {
    const noInit = { ...raw };
    delete (noInit as Record<string, unknown>).initiatives;
    delete (noInit as Record<string, unknown>)["initiative segments"];
    const input = path.join(dir, "no-initiatives.xlsx");
    await writeInputWorkbook(noInit, input);
    const out = path.join(dir, "never.xlsx");
    const json = path.join(dir, "never.json");
    const r = sfs(["aroi", input, "--out", out, "--json", json]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^Initiatives: expected an Excel table or a sheet named "Initiatives" .*"Initiative", "Direct Cost" and "Students Served", found no such table or sheet in the workbook$/m);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(json)).toBe(false);
  });

  test("a bad overrides file: exit 2 naming the file and the initiative, nothing written", async () => {
    const overrides = path.join(dir, "bad-overrides.json");
    writeFileSync(overrides, JSON.stringify({ "No Such Program": { action: "keep" }, "Pre-K Expansion": { action: "grow" } }));
    const out = path.join(dir, "never2.xlsx");
    const r = sfs(["aroi", SAMPLE, "--out", out, "--overrides", overrides]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`initiative "No Such Program": expected the name of an initiative in the Initiatives table`);
    expect(r.stderr).toContain(`initiative "Pre-K Expansion", "action": expected one of expand, keep, segment, fix, replace, sunset, collect data, found "grow"`);
    expect(existsSync(out)).toBe(false);
  });

  test("funding reconciliation on the sample: the A-ROI Funding sheet, JSON checked against the input rows and `sfs allocate`", async () => {
    const out = path.join(dir, "funding.xlsx");
    const json = path.join(dir, "funding.json");
    const alloc = path.join(dir, "alloc.json");
    const r = sfs(["aroi", SAMPLE, "--out", out, "--json", json]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const given = init.rows.filter((row) => row[col("Funding Source")] !== null);
    expect(r.stdout).toContain(
      `Funding: ${given.length} of 25 initiatives name a source (`,
    );
    expect(r.stdout).toMatch(/; \d+ without a funding source; 1 source over-committed: Title III\.\n/);
    const f = JSON.parse(readFileSync(json, "utf8")).funding;

    // Per initiative: the input's Funding Source, the shares it names, amounts adding up to the total cost to the cent.
    expect(f.initiatives.map((x: { name: string }) => x.name)).toEqual(given.map((row) => String(row[col("Initiative")])));
    for (const x of f.initiatives as { name: string; totalCost: number; fundingSource: string; scope: string; sources: { source: string; share: number; amount: number; paidFrom: string }[] }[]) {
      const row = given.find((g) => g[col("Initiative")] === x.name) as (typeof given)[number];
      expect(x.fundingSource).toBe(row[col("Funding Source")]);
      const named = String(row[col("Funding Source")]).split(";").map((p) => p.trim().replace(/\s+\d+%$/, ""));
      expect(x.sources.map((c) => c.source)).toEqual(named);
      expect(x.sources.reduce((t, c) => t + Math.round(c.amount * 100), 0)).toBe(Math.round(x.totalCost * 100));
      expect(x.scope).toBe(row[col("Schools")] === "All" ? "district" : "schools");
      for (const c of x.sources) expect(c.paidFrom).toBe(x.scope === "district" ? "central" : "schools");
    }
    expect(f.withoutSource.map((x: { name: string }) => x.name)).toEqual(
      init.rows.filter((row) => row[col("Funding Source")] === null).map((row) => String(row[col("Initiative")])),
    );
    // Per source: charges add up; the money is the allocation's (held centrally + to schools = amount).
    const cents = (v: number) => Math.round(v * 100);
    expect(f.sources.reduce((t: number, x: { charged: number }) => t + cents(x.charged), 0)).toBe(cents(f.totals.fundedCost));
    for (const x of f.sources) expect(cents(x.heldCentrally) + cents(x.toSchools)).toBe(cents(x.amount));

    // The Title III flag: the three schools' Title III money, read from `sfs allocate`'s summary.
    const a = sfs(["allocate", SAMPLE, "--json", alloc]);
    expect(a.code).toBe(0);
    const schools = JSON.parse(readFileSync(alloc, "utf8")).schools as { id: string; bySource: Record<string, number> }[];
    expect(f.flags).toHaveLength(1);
    const flag = f.flags[0];
    const newcomer = init.rows.find((row) => row[col("Initiative")] === "Newcomer EL Program") as (typeof given)[number];
    expect(flag.initiatives).toEqual(["Newcomer EL Program"]);
    expect(flag.schools).toEqual(String(newcomer[col("Schools")]).split(", "));
    const receive = schools.filter((x) => flag.schools.includes(x.id)).reduce((t, x) => t + cents(x.bySource["Title III"] ?? 0), 0);
    expect(cents(flag.available)).toBe(receive);
    expect(cents(flag.charged)).toBe(cents((f.initiatives as { name: string; totalCost: number }[]).find((x) => x.name === "Newcomer EL Program")?.totalCost ?? 0));
    expect(flag.text).toMatch(/^Title III: Newcomer EL Program charges \$[\d,.]+ to the schools .* but those schools receive \$[\d,.]+ from it \(\$[\d,.]+ short\)\.$/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("A-ROI Funding");
    expect(ws).toBeDefined();
    const texts: string[] = [];
    ws?.eachRow((row) => texts.push(String(row.getCell(1).value ?? "")));
    expect(texts).toContain(flag.text);
  });

  test("bad Funding Source cells and unknown School IDs: exit 2, every problem located, nothing written", async () => {
    const bad = JSON.parse(JSON.stringify(raw)) as typeof raw;
    const t = bad.initiatives;
    const F = t.headers.indexOf("Funding Source");
    const S = t.headers.indexOf("Schools");
    const letter = String.fromCharCode(65 + F);
    t.rows[0][F] = "Title 1 60%; Local Levy 40%";
    t.rows[1][F] = "State Base Aid 60%; Local Levy 30%";
    t.rows[2][S] = "E999";
    t.rows[2][F] = "Local Levy";
    const input = path.join(dir, "bad-funding.xlsx");
    await writeInputWorkbook(bad, input);
    const out = path.join(dir, "never3.xlsx");
    const json = path.join(dir, "never3.json");
    let stderr = "";
    let stdout = "";
    const code = await main(["aroi", input, "--out", out, "--json", json], {
      stdout: { write: (s: string) => ((stdout += s), true) },
      stderr: { write: (s: string) => ((stderr += s), true) },
      cwd: ROOT,
    });
    expect(code).toBe(2);
    expect(stdout).toBe("");
    // Header on row 1: data rows 0, 1, 2 are sheet rows 2, 3, 4.
    expect(stderr).toContain(`Initiatives row 2, column "Funding Source" (${letter}2): expected a Revenue source name (one of State Base Aid, Local Levy,`);
    expect(stderr).toContain(`found "Title 1" (no Revenue source has that name)`);
    expect(stderr).toContain(`Initiatives row 3, column "Funding Source" (${letter}3): expected shares adding up to 100%, found "State Base Aid 60%; Local Levy 30%", which adds up to 90%`);
    expect(stderr).toContain(`Initiatives row 4, column "Schools" (${String.fromCharCode(65 + S)}4): expected School IDs of the Schools table (or All) for an initiative with a Funding Source, found "E999" (not a School ID)`);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(json)).toBe(false);
  });

  test("with a Funding Source the district must allocate; without one it need not", async () => {
    const broken = JSON.parse(JSON.stringify(raw)) as typeof raw;
    const k = broken.policy.rows.findIndex((row) => row[0] === "Foundation Per School");
    broken.policy.rows[k] = ["Foundation Per School", 50_000_000];
    const input = path.join(dir, "no-allocation.xlsx");
    await writeInputWorkbook(broken, input);
    const run = async (file: string) => {
      let stderr = "";
      const code = await main(["aroi", file, "--quiet"], { stdout: { write: () => true }, stderr: { write: (s: string) => ((stderr += s), true) }, cwd: ROOT });
      return { code, stderr };
    };
    const withFunding = await run(input);
    expect(withFunding.code).toBe(2);
    expect(withFunding.stderr).toMatch(/Policy row 2, column "Value" \(B2\): expected Foundation Per School: at most \$[\d,.]+ per school/);
    // The same district without the Funding Source column: the A-ROI analysis does not need the allocation.
    const F = broken.initiatives.headers.indexOf("Funding Source");
    broken.initiatives.headers.splice(F, 1);
    for (const row of broken.initiatives.rows) row.splice(F, 1);
    const plain = path.join(dir, "no-funding.xlsx");
    await writeInputWorkbook(broken, plain);
    expect(await run(plain)).toEqual({ code: 0, stderr: "" });
  });

  test("usage errors exit 2", async () => {
    const io = { stdout: { write: () => true }, stderr: { write: () => true }, cwd: ROOT };
    expect(await main(["aroi"], io)).toBe(2);
    expect(await main(["aroi", SAMPLE, "--overrides"], io)).toBe(2);
    let err = "";
    const missing = await main(["aroi", SAMPLE, "--overrides", path.join(dir, "nope.json")], { ...io, stderr: { write: (s: string) => (err += s) } });
    expect(missing).toBe(2);
    expect(err).toMatch(/nope\.json: expected a readable overrides file, found no such file/);
  });
});

describe("parseOverrides", () => {
  const names = ["Reading Recovery", "After School"];

  it("accepts actions in any case and spelling of spaces, note optional", () => {
    expect(parseOverrides(JSON.stringify({ "reading recovery": { action: "Collect-Data" }, "After School": { action: "EXPAND", note: "pilot" } }), "o.json", names)).toEqual({
      ok: true,
      overrides: { "reading recovery": { action: "collect data", note: "" }, "After School": { action: "expand", note: "pilot" } },
    });
  });

  it("reports every problem in one pass", () => {
    const r = parseOverrides(
      JSON.stringify({ "Reading Recovery": { action: "keep", acton: "x", note: 5 }, "reading recovery ": { action: "fix" }, X: "keep" }),
      "o.json",
      names,
    );
    expect(r).toEqual({
      ok: false,
      problems: [
        `o.json, initiative "Reading Recovery": expected only "action" and "note", found "acton"`,
        `o.json, initiative "Reading Recovery", "note": expected text, found 5`,
        `o.json, initiative "reading recovery ": expected one override per initiative, found a second one (also "Reading Recovery")`,
        `o.json, initiative "X": expected the name of an initiative in the Initiatives table, found no initiative with that name`,
        `o.json, initiative "X": expected { "action": one of expand, keep, segment, fix, replace, sunset, collect data, "note": text }, found "keep"`,
      ],
    });
  });

  it("rejects text that is not a JSON object", () => {
    expect(parseOverrides("[1]", "o.json", names)).toEqual({ ok: false, problems: [expect.stringContaining("found an array")] });
    expect(parseOverrides("{", "o.json", names)).toEqual({ ok: false, problems: [expect.stringMatching(/^o\.json: expected JSON .* syntax error/)] });
  });
});
