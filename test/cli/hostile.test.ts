/**
 * Hostile inputs and arguments, generated: every case asserts the exit code, where the message points, that no
 * stack trace is printed, and the SHA-256 of every file in the folder before and after the run (a refused run
 * changes nothing; a successful one adds exactly its outputs and never touches the input).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { Cell, RawTables } from "../../src/engine/types";
import { writeInputWorkbook } from "../../scripts/write-inputs";
import { folderHashes, STACK_LINE } from "../helpers/files";
import { dropColumn, sampleGrids, sampleRaw, setCell, type Grid } from "../helpers/raw";
import { withRichParts, type RichParts } from "../helpers/rich";

interface Case {
  name: string;
  /** Prepare the folder (the input is written as in.xlsx unless `input` says otherwise). */
  setup?: (dir: string) => Promise<void> | void;
  raw?: RawTables;
  args: string[];
  code: 0 | 1 | 2;
  /** What standard error must say (where the problem is). */
  message?: RegExp;
  /** Files a successful run adds (relative paths); when absent only "no temporary file is left" is checked. */
  adds?: string[];
  /** Extra checks after the run. */
  check?: (dir: string, out: { stdout: string; stderr: string }) => Promise<void> | void;
}

const root = mkdtempSync(path.join(tmpdir(), "sfs-hostile-"));
let seq = 0;

async function runCase(c: Case): Promise<void> {
  const dir = path.join(root, String(++seq));
  mkdirSync(dir);
  if (c.raw !== null) await writeInputWorkbook(c.raw ?? sampleRaw(), path.join(dir, "in.xlsx"));
  await c.setup?.(dir);
  const before = folderHashes(dir);
  let stdout = "";
  let stderr = "";
  const code = await main(c.args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd: dir });
  if (code !== c.code) throw new Error(`exit ${code}, expected ${c.code}\nstderr: ${stderr}`);
  expect(stderr).not.toMatch(STACK_LINE);
  if (c.message) expect(stderr).toMatch(c.message);
  const after = folderHashes(dir);
  if (c.code !== 0) {
    expect(stdout).toBe("");
    expect(after).toEqual(before);
  } else {
    for (const [f, h] of Object.entries(before)) expect([f, after[f]]).toEqual([f, h]);
    const added = Object.keys(after).filter((f) => !(f in before) && !f.endsWith("/"));
    if (c.adds) expect(added.sort()).toEqual([...c.adds].sort());
    expect(added.some((f) => /\.tmp$|sfs-probe/.test(f))).toBe(false);
  }
  await c.check?.(dir, { stdout, stderr });
}

const g = sampleGrids();
const withCell = (table: string, row: number, col: number, v: Cell): RawTables => sampleRaw({ [table]: setCell(g[table], row, col, v) });
const col = (table: string, header: string) => g[table][0].indexOf(header);

// ---------------------------------------------------------------------------------------------------------------
// 1. Output paths: refused before any work, for every command that writes a workbook and a summary.
const fileCommands = ["allocate", "plan", "equity", "aroi"];
const pathCases: Case[] = fileCommands.flatMap((cmd): Case[] => [
  { name: `${cmd}: --out is the input`, args: [cmd, "in.xlsx", "--out", "in.xlsx"], code: 2, message: /--out .*in\.xlsx: this is the input workbook/ },
  { name: `${cmd}: --json is the input`, args: [cmd, "in.xlsx", "--out", "r.xlsx", "--json", "in.xlsx"], code: 2, message: /--json .*input workbook/ },
  { name: `${cmd}: --out and --json the same file`, args: [cmd, "in.xlsx", "--out", "x", "--json", "x"], code: 2, message: /--json .*same file as --out/ },
  { name: `${cmd}: --out inside the input file`, args: [cmd, "in.xlsx", "--out", "in.xlsx/out.xlsx"], code: 2, message: /inside the input file/ },
  { name: `${cmd}: --out an existing folder`, setup: (d) => mkdirSync(path.join(d, "results")), args: [cmd, "in.xlsx", "--out", "results"], code: 2, message: /--out .*results: this is an existing folder/ },
  { name: `${cmd}: --json in a folder that cannot be written`, args: [cmd, "in.xlsx", "--out", "r.xlsx", "--json", "/sys/sfs-ro/s.json"], code: 2, message: /--json \/sys\/sfs-ro\/s\.json: cannot write in \/sys/ },
  { name: `${cmd}: --out a symbolic link to the input`, setup: (d) => symlinkSync(path.join(d, "in.xlsx"), path.join(d, "link.xlsx")), args: [cmd, "in.xlsx", "--out", "link.xlsx"], code: 2, message: /input workbook/ },
  { name: `${cmd}: --out a name too long for the file system`, args: [cmd, "in.xlsx", "--out", `${"学".repeat(90)}.xlsx`], code: 2, message: /too long for the file system/ },
  { name: `${cmd}: --out under a file`, setup: (d) => writeFileSync(path.join(d, "notes.txt"), "mine"), args: [cmd, "in.xlsx", "--out", "notes.txt/r.xlsx"], code: 2, message: /notes\.txt is a file, not a folder/ },
  { name: `${cmd}: --out the input by another spelling`, setup: (d) => mkdirSync(path.join(d, "sub")), args: [cmd, "in.xlsx", "--json", "sub/../in.xlsx"], code: 2, message: /input workbook/ },
]);
const calculatorPathCases: Case[] = [
  { name: "calculators: --out is the input", args: ["calculators", "in.xlsx", "--out", "in.xlsx"], code: 2, message: /input workbook/ },
  { name: "calculators: --out an existing file", setup: (d) => writeFileSync(path.join(d, "notes.txt"), "mine"), args: ["calculators", "in.xlsx", "--out", "notes.txt"], code: 2, message: /existing file/ },
  { name: "calculators: --out a folder that cannot be written", args: ["calculators", "in.xlsx", "--out", "/sys/sfs-calculators"], code: 2, message: /cannot write in \/sys/ },
  { name: "calculators: --out inside the input", args: ["calculators", "in.xlsx", "--out", "in.xlsx/calc"], code: 2, message: /inside the input file/ },
  { name: "aroi: --json is the overrides file", setup: (d) => writeFileSync(path.join(d, "o.json"), "{}"), args: ["aroi", "in.xlsx", "--overrides", "o.json", "--json", "o.json"], code: 2, message: /input workbook|o\.json/ },
];

// 2. Files that are not workbooks.
const notWorkbooks: [string, string | Buffer | null, RegExp][] = [
  ["missing", null, /no file at/],
  ["empty", Buffer.alloc(0), /an empty file/],
  ["CSV text", "School ID,School Name\n101,Lincoln\n", /CSV/],
  ["HTML", "<html><body>budget</body></html>", /markup/],
  ["random bytes", Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 73 + 11) % 256)), /not a zip archive|damaged/],
  ["zip garbage", Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]), /damaged or unsupported/],
  ["old .xls", Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(100)]), /old-format \.xls/],
];
const inputCases: Case[] = ["allocate", "calculators"].flatMap((cmd): Case[] => [
  ...notWorkbooks.map(([what, bytes, message]): Case => ({
    name: `${cmd}: input is ${what}`,
    raw: null as unknown as RawTables,
    setup: (d) => {
      if (bytes !== null) writeFileSync(path.join(d, "in.xlsx"), bytes);
    },
    args: [cmd, "in.xlsx", "--out", cmd === "allocate" ? "r.xlsx" : "calc"],
    code: 2,
    message: new RegExp(`\\(workbook\\): expected an Excel workbook \\(\\.xlsx\\), found .*${message.source}`),
  })),
  { name: `${cmd}: input is a folder`, raw: null as unknown as RawTables, setup: (d) => mkdirSync(path.join(d, "in.xlsx")), args: [cmd, "in.xlsx", "--out", cmd === "allocate" ? "r.xlsx" : "calc"], code: 2, message: /a folder, not a file/ },
]);

// 3. Bad cells: one located message (table, row, column, cell), nothing written.
const bad: [string, RawTables, RegExp][] = [
  ["blank School Name", withCell("Schools", 2, 1, null), /Schools row 3, column "School Name" \(B3\)/],
  ["duplicate School ID", withCell("Schools", 2, 0, "101"), /Schools row 3, column "School ID" \(A3\)/],
  ["Current Budget text", withCell("Schools", 1, col("Schools", "Current Budget"), "about a million"), /Schools row 2, column "Current Budget" \(C2\)/],
  ["Current Budget negative", withCell("Schools", 1, col("Schools", "Current Budget"), -5), /Schools row 2, column "Current Budget" \(C2\)/],
  ["Minimum Budget text", withCell("Schools", 2, col("Schools", "Minimum Budget"), "x"), /Schools row 3, column "Minimum Budget" \(D3\)/],
  ["Enrollment unknown school", withCell("Enrollment", 2, 0, "999"), /Enrollment row 3, column "School ID" \(A3\).*"999"/],
  ["Students text", withCell("Enrollment", 1, col("Enrollment", "Students"), "many"), /Enrollment row 2, column "Students" \(D2\)/],
  ["Students negative", withCell("Enrollment", 1, col("Enrollment", "Students"), -3), /Enrollment row 2, column "Students" \(D2\)/],
  ["Poverty above Students", withCell("Enrollment", 2, col("Enrollment", "Poverty"), 9999), /Enrollment row 3, column "Poverty" \(E3\)/],
  ["EL text", withCell("Enrollment", 1, col("Enrollment", "EL"), "some"), /Enrollment row 2, column "EL" \(F2\)/],
  ["Level without a weight", withCell("Enrollment", 4, col("Enrollment", "Level"), "Kindergarten"), /Weights, column "Category": expected a Base row for level "Kindergarten"/],
  ["Weight text", withCell("Weights", 1, col("Weights", "Weight"), "heavy"), /Weights row 2, column "Weight" \(C2\)/],
  ["Weight negative", withCell("Weights", 4, col("Weights", "Weight"), -1), /Weights row 5, column "Weight" \(C5\)/],
  ["Weight category unknown", withCell("Weights", 5, 0, "Gifted"), /Weights row 6, column "Category" \(A6\)/],
  ["Amount text", withCell("Revenue", 1, col("Revenue", "Amount"), "lots"), /Revenue row 2, column "Amount" \(D2\)/],
  ["Amount negative", withCell("Revenue", 2, col("Revenue", "Amount"), -100), /Revenue row 3, column "Amount" \(D3\)/],
  ["Status unknown", withCell("Revenue", 1, col("Revenue", "Status"), "Frozen"), /Revenue row 2, column "Status" \(E2\)/],
  ["Type unknown", withCell("Revenue", 1, col("Revenue", "Type"), "Alien"), /Revenue row 2, column "Type" \(B2\)/],
  ["School Share text", withCell("Revenue", 1, col("Revenue", "School Share"), "abc"), /Revenue row 2, column "School Share" \(F2\)/],
  ["School Share on a Locked source", withCell("Revenue", 3, col("Revenue", "School Share"), 0.5), /Revenue row 4, column "School Share" \(F4\)/],
  ["Funds unknown", withCell("Revenue", 2, col("Revenue", "Funds"), "Robotics"), /Revenue row 3, column "Funds" \(G3\)/],
  ["Eligible not a rule", withCell("Revenue", 2, col("Revenue", "Eligible"), "Poverty %% >>"), /Revenue row 3, column "Eligible" \(H3\)/],
  ["no Revenue table", sampleRaw({ Revenue: undefined }), /Revenue: expected/],
  ["no Schools table", sampleRaw({ Schools: undefined }), /Schools: expected/],
  ["no Enrollment table", sampleRaw({ Enrollment: undefined }), /Enrollment: expected/],
  ["no Amount column", sampleRaw({ Revenue: dropColumn(g.Revenue, col("Revenue", "Amount")) }), /Revenue, column "Amount"/],
  ["no Students column", sampleRaw({ Enrollment: dropColumn(g.Enrollment, col("Enrollment", "Students")) }), /Enrollment, column "Students"/],
  ["Hold Harmless text", sampleRaw({ Policy: [["Setting", "Value"], ["Hold Harmless", "most"]] as Grid }), /Policy row 2, column "Value" \(B2\)/],
  ["Hold Harmless negative", sampleRaw({ Policy: [["Setting", "Value"], ["Hold Harmless", -0.5]] as Grid }), /Policy row 2, column "Value" \(B2\)/],
  ["Gain Cap text", sampleRaw({ Policy: [["Setting", "Value"], ["Gain Cap", "lots"]] as Grid }), /Policy row 2, column "Value" \(B2\)/],
];
// Bounds: beyond exact integer cents or any plausible district; fractions of a cent; nothing to allocate.
const zeroRevenue = g.Revenue.map((r, i) => (i === 0 ? r : setCell([r], 0, col("Revenue", "Amount"), 0)[0]));
const zeroStudents = g.Enrollment.map((r, i) => (i === 0 ? r : [r[0], r[1], r[2], 0, 0, 0]));
bad.push(
  ["Amount 1e16", withCell("Revenue", 1, col("Revenue", "Amount"), 1e16), /Revenue row 2, column "Amount" \(D2\): .*at most \$1,000,000,000,000/],
  ["Amount above $1 trillion", withCell("Revenue", 2, col("Revenue", "Amount"), 2e12), /Revenue row 3, column "Amount" \(D3\): .*at most \$1,000,000,000,000/],
  ["Amounts adding up beyond $1 trillion", sampleRaw({ Revenue: setCell(setCell(g.Revenue, 1, 3, 6e11), 2, 3, 6e11) }), /Revenue, column "Amount": expected amounts adding up to at most \$1,000,000,000,000/],
  ["Amount with a fraction of a cent", withCell("Revenue", 2, col("Revenue", "Amount"), 1000.005), /Revenue row 3, column "Amount" \(D3\): .*whole cents/],
  ["Current Budget with a fraction of a cent", withCell("Schools", 1, col("Schools", "Current Budget"), 1000.005), /Schools row 2, column "Current Budget" \(C2\): .*whole cents/],
  ["Current Budget above $1 trillion", withCell("Schools", 1, col("Schools", "Current Budget"), 1e13), /Schools row 2, column "Current Budget" \(C2\): .*at most \$1,000,000,000,000/],
  ["Students 1e16", withCell("Enrollment", 1, col("Enrollment", "Students"), 1e16), /Enrollment row 2, column "Students" \(D2\): .*at most 10,000,000 in one row/],
  ["Students above 10 million", withCell("Enrollment", 1, col("Enrollment", "Students"), 2e7), /Enrollment row 2, column "Students" \(D2\): .*at most 10,000,000/],
  ["fractional Students", withCell("Enrollment", 1, col("Enrollment", "Students"), 300.5), /Enrollment row 2, column "Students" \(D2\): .*whole number/],
  ["zero revenue", sampleRaw({ Revenue: zeroRevenue }), /Revenue, column "Amount": expected some revenue to allocate, found every Amount in Revenue is 0/],
  ["zero revenue and no Policy sheet", sampleRaw({ Revenue: zeroRevenue, Policy: undefined }), /Revenue, column "Amount": expected some revenue/],
  ["zero students", sampleRaw({ Enrollment: zeroStudents }), /Enrollment, column "Students": expected some students to allocate to/],
);
const mergedSetup = async (d: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(d, "in.xlsx"));
  wb.getWorksheet("Enrollment")!.mergeCells("A2:A3");
  await wb.xlsx.writeFile(path.join(d, "in.xlsx"));
};
const cellCases: Case[] = ["allocate", "calculators"].flatMap((cmd): Case[] => [
  ...bad.map(([what, raw, message]): Case => ({
    name: `${cmd}: ${what}`,
    raw,
    args: [cmd, "in.xlsx", "--out", cmd === "allocate" ? "r.xlsx" : "calc", ...(cmd === "allocate" ? ["--json", "s.json"] : [])],
    code: 2,
    message: new RegExp(`cannot be allocated; nothing was written\\.\\n(.*\\n)*.*${message.source}`),
  })),
  { name: `${cmd}: merged School ID cells (A2:A3)`, setup: mergedSetup, args: [cmd, "in.xlsx", "--out", cmd === "allocate" ? "r.xlsx" : "calc"], code: 2, message: /Enrollment row 2, column "School ID" \(A2:A3\): expected no merged cells/ },
]);

// 4. Hostile but valid: text that looks like a formula stays text; long and emoji names fit the file system and Excel.
const nameCases: Case[] = [
  ...["=1+2", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)"].map((evil): Case => ({
    name: `allocate: a school named ${evil} is written as text`,
    raw: withCell("Schools", 1, 1, evil),
    args: ["allocate", "in.xlsx", "--out", "r.xlsx", "--quiet"],
    code: 0,
    adds: ["r.xlsx"],
    check: async (d) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(d, "r.xlsx"));
      const cells: ExcelJS.Cell[] = [];
      wb.getWorksheet("School Budgets")!.eachRow((row) => row.eachCell((c) => cells.push(c)));
      const hit = cells.filter((c) => c.value === evil);
      expect(hit.length).toBeGreaterThan(0);
      for (const c of hit) expect(c.type).toBe(ExcelJS.ValueType.String);
    },
  })),
  {
    name: "calculators: a 100-character CJK school name fits the file system",
    raw: withCell("Schools", 1, 1, "学".repeat(100)),
    args: ["calculators", "in.xlsx", "--out", "calc", "--quiet"],
    code: 0,
    check: (d) => {
      const files = readdirSync(path.join(d, "calc"));
      expect(files).toHaveLength(3);
      for (const f of files) expect(Buffer.byteLength(f)).toBeLessThanOrEqual(255);
    },
  },
  {
    name: "allocate: emoji at the 31-character sheet-name limit are never halved",
    raw: withCell("Schools", 1, 1, "Escuela Primaria Benito 🎓🎓🎓🎓🎓🎓"),
    args: ["allocate", "in.xlsx", "--out", "r.xlsx", "--quiet"],
    code: 0,
    adds: ["r.xlsx"],
    check: async (d) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(d, "r.xlsx"));
      for (const ws of wb.worksheets) {
        expect(ws.name.length).toBeLessThanOrEqual(31);
        expect(ws.name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\uFFFD/);
      }
    },
  },
];

// 5. What the copy cannot carry: listed, the input unchanged, only the outputs added.
const rich: [string, RichParts, RegExp][] = [
  ["a chart", { charts: 1 }, /1 chart on '/],
  ["three charts", { charts: 3 }, /3 charts on '/],
  ["a text box", { shapes: 1 }, /1 shape or text box on '/],
  ["a pivot table", { pivots: 1 }, /1 pivot table on '/],
  ["slicers", { slicers: 2 }, /2 slicers on '/],
  ["a form control", { controls: 1 }, /1 form control on '/],
  ["threaded comments", { threaded: 2 }, /2 threaded comments/],
  ["sparklines", { sparklines: 1 }, /1 sparkline group on '/],
  ["macros", { macros: true }, /macros \(VBA project\)/],
  ["a link to another workbook", { externalLinks: 1 }, /1 link to another workbook/],
  ["a data connection", { connections: 1 }, /1 data connection/],
];
const carryCases: Case[] = rich.map(([what, parts, message]): Case => ({
  name: `allocate: ${what} in the input is listed as not carried`,
  setup: async (d) => {
    const { readFileSync } = await import("fs");
    writeFileSync(path.join(d, "in.xlsx"), await withRichParts(readFileSync(path.join(d, "in.xlsx")), { sheet: 1, ...parts }));
  },
  args: ["allocate", "in.xlsx", "--out", "r.xlsx", "--json", "s.json", "--quiet"],
  code: 0,
  message: new RegExp(`^sfs: note: the result workbook does not carry .*${message.source}.*your workbook, which is unchanged\\.\\n$`),
  adds: ["r.xlsx", "s.json"],
}));

// 6. Ownership: a hand-made registry is never obeyed; a user sheet named like a tool sheet is kept.
const editBook = async (file: string, edit: (wb: ExcelJS.Workbook) => void) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  edit(wb);
  await wb.xlsx.writeFile(file);
};
const sheetText = async (file: string, sheet: string, cell: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.getWorksheet(sheet)?.getCell(cell).value;
};
const ownershipCases: Case[] = [
  {
    name: "allocate: a forged registry listing the user's Notes sheet is not obeyed",
    setup: (d) =>
      editBook(path.join(d, "in.xlsx"), (wb) => {
        wb.addWorksheet("Notes").getCell("A1").value = "my notes";
        const reg = wb.addWorksheet("_sfs_registry", { state: "veryHidden" });
        reg.addRow(["Sheet", "Role", "Written", "Mark"]);
        reg.addRow(["Notes", "summary", "2026-01-01T00:00:00Z", "x"]);
      }),
    args: ["allocate", "in.xlsx", "--out", "r.xlsx", "--quiet"],
    code: 0,
    adds: ["r.xlsx"],
    check: async (d) => expect(await sheetText(path.join(d, "r.xlsx"), "Notes", "A1")).toBe("my notes"),
  },
  {
    name: "allocate: the user's own Matrix sheet is kept and the tool says where it wrote its own",
    setup: (d) => editBook(path.join(d, "in.xlsx"), (wb) => (wb.addWorksheet("Matrix").getCell("B2").value = "mine")),
    args: ["allocate", "in.xlsx", "--out", "r.xlsx"],
    code: 0,
    adds: ["r.xlsx"],
    check: async (d, o) => {
      expect(await sheetText(path.join(d, "r.xlsx"), "Matrix", "B2")).toBe("mine");
      expect(o.stdout).toMatch(/note: .*"Matrix" was kept/);
    },
  },
  {
    name: "allocate: after a run, a user-made Matrix in place of the tool's is kept on the next run",
    setup: async (d) => {
      const quiet = { write: () => true };
      expect(await main(["allocate", "in.xlsx", "--out", "first.xlsx", "--quiet"], { stdout: quiet, stderr: quiet, cwd: d })).toBe(0);
      await editBook(path.join(d, "first.xlsx"), (wb) => {
        wb.removeWorksheet(wb.getWorksheet("Matrix")!.id);
        // As in Excel, names that pointed into the deleted sheet no longer point at a sheet called Matrix (#REF!).
        const names = wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] };
        names.model = names.model.filter((n) => !n.ranges.some((r) => /^'?Matrix'?!/.test(r)));
        wb.addWorksheet("Matrix").getCell("C3").value = "my matrix";
      });
    },
    args: ["allocate", "first.xlsx", "--out", "second.xlsx", "--quiet"],
    code: 0,
    adds: ["second.xlsx"],
    check: async (d) => expect(await sheetText(path.join(d, "second.xlsx"), "Matrix", "C3")).toBe("my matrix"),
  },
];

const truthCases: Case[] = [
  {
    name: "allocate: zero revenue with no Policy sheet never points at Policy",
    raw: sampleRaw({ Revenue: zeroRevenue, Policy: undefined }),
    args: ["allocate", "in.xlsx", "--out", "r.xlsx"],
    code: 2,
    message: /every Amount in Revenue is 0/,
    check: (_d, o) => expect(o.stderr).not.toMatch(/Policy/),
  },
];

const cases: Case[] = [...truthCases, ...ownershipCases, ...pathCases, ...calculatorPathCases, ...inputCases, ...cellCases, ...nameCases, ...carryCases];

describe(`hostile inputs (${cases.length} generated cases)`, () => {
  test("at least 120 cases", () => expect(cases.length).toBeGreaterThanOrEqual(120));
  test.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    await runCase(c);
  });
  test("the sample run at the start of the suite still works (copy of a real file)", async () => {
    const dir = mkdtempSync(path.join(root, "copy-"));
    copyFileSync(path.join(__dirname, "..", "..", "assets", "sample-district.xlsx"), path.join(dir, "in.xlsx"));
    const code = await main(["allocate", "in.xlsx", "--json", "s.json", "--quiet"], { stdout: { write: () => true }, stderr: { write: () => true }, cwd: dir });
    expect(code).toBe(0);
  });
});
