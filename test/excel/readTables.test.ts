import { CONTRACT_TABLES, readTables, tableKey } from "../../src/excel/readTables";
import { renderPlans } from "../../src/excel/render";
import { FakeExcel } from "./fakeExcel";
import { envUpTo, plan } from "./helpers";

function workbook(): FakeExcel {
  const fx = new FakeExcel();
  // An Excel table that starts at B3 on a sheet with a title above it.
  fx.addSheet("District data", [["My district"], [], [null, "School ID", "School Name", "Opened"], [null, "S1", "Adams", 45292], [null, "S2", "", 45293], [null, "", "", ""]]);
  fx.addTable("District data", "Schools", "B3:D6");
  // A plain sheet whose first non-empty row (row 2) is the header, starting in column B.
  fx.addSheet("Revenue", [[], [null, "Source", "Amount", "Status"], [null, "State aid", 1000000, "Unlocked"], [], [null, "Title I", 250000, "Grant"]]);
  // Table named with an underscore: still the contract's "Initiative Segments".
  fx.addSheet("Segs", [["Initiative", "Segment", "Students Served"], ["Tutoring", "1+ year behind", 40]]);
  fx.addTable("Segs", "Initiative_Segments", "A1:C2");
  // A table with a totals row: the totals row is not data.
  fx.addSheet("W", [["Category", "Level", "Weight"], ["Base", "All", 1], ["Total", null, 1]]);
  fx.addTable("W", "weights", "A1:C3", { showTotals: true });
  // An empty sheet named like a contract table.
  fx.addSheet("Policy");
  return fx;
}

/**
 * Requests of a read: list tables, sheets and names; the candidates' addresses and sizes; their values (in pieces of
 * at most READ_CELLS cells, one piece here). A registry adds one.
 */
const SYNCS = 3;

describe("readTables", () => {
  test("finds tables (case-insensitive, spaces/underscores ignored) and sheets, with the rows the user sees", async () => {
    const fx = workbook();
    const res = await readTables(fx.ctx);
    expect(fx.syncCount).toBe(SYNCS);

    expect(res.tables.schools).toEqual({
      name: "Schools",
      headers: ["School ID", "School Name", "Opened"],
      rows: [
        ["S1", "Adams", 45292],
        ["S2", null, 45293],
      ],
      origin: { sheet: "District data", headerRow: 3, firstColumn: 2, kind: "table" },
    });
    expect(res.tables.revenue).toEqual({
      name: "Revenue",
      headers: ["Source", "Amount", "Status"],
      rows: [
        ["State aid", 1000000, "Unlocked"],
        [null, null, null],
        ["Title I", 250000, "Grant"],
      ],
      origin: { sheet: "Revenue", headerRow: 2, firstColumn: 2, kind: "sheet" },
    });
    expect(res.tables["initiative segments"].origin).toEqual({ sheet: "Segs", headerRow: 1, firstColumn: 1, kind: "table" });
    expect(res.tables.weights.rows).toEqual([["Base", "All", 1]]);
    expect(res.tables.enrollment).toBeUndefined();
    expect(res.tables.spending).toBeUndefined();

    const status = Object.fromEntries(res.status.map((s) => [s.name, s]));
    expect(res.status.map((s) => s.name)).toEqual([...CONTRACT_TABLES]);
    expect(status.Schools).toEqual({ name: "Schools", found: true, rows: 2, where: 'table "Schools" on sheet "District data"' });
    expect(status.Revenue).toEqual({ name: "Revenue", found: true, rows: 2, where: 'sheet "Revenue"' });
    expect(status.Enrollment).toEqual({ name: "Enrollment", found: false, rows: 0, where: null });
    expect(status.Policy.found).toBe(false);
    expect(res.errors).toEqual([
      { table: "Policy", row: null, column: null, sheet: "Policy", expected: "a header row followed by data rows", found: 'an empty sheet "Policy"' },
    ]);
  });

  test("data row k sits at sheet row headerRow + 1 + k", async () => {
    const fx = workbook();
    const { tables } = await readTables(fx.ctx);
    const rev = tables.revenue;
    const k = rev.rows.findIndex((r) => r[0] === "Title I");
    expect(rev.origin.headerRow + 1 + k).toBe(5);
    expect(fx.grid("Revenue")[4][1]).toBe("Title I");
  });

  test("a table wins over a sheet of the same name; two matching tables are reported", async () => {
    const fx = new FakeExcel();
    fx.addSheet("Enrollment", [["School ID", "Level", "Students"], ["S9", "High", 1]]);
    fx.addSheet("Data", [["School ID", "Level", "Students"], ["S1", "Elementary", 300], [], ["School ID", "Level", "Students"], ["S2", "High", 500]]);
    fx.addTable("Data", "ENROLLMENT", "A1:C2");
    fx.addTable("Data", "En_rollment", "A4:C5");
    const res = await readTables(fx.ctx);
    expect(res.tables.enrollment.rows).toEqual([["S1", "Elementary", 300]]);
    expect(res.errors).toHaveLength(1);
    expect(res.errors[0]).toMatchObject({ table: "Enrollment", row: null, expected: 'one table named "Enrollment"' });
    expect(res.errors[0].found).toContain('"En_rollment" on sheet "Data"');
  });

  test("the optional extra inputs (Spending, Budget Lines...) are read too, and listed in status only when present", async () => {
    const fx = new FakeExcel();
    fx.addSheet("Budget-Lines", [["Line", "Amount"], ["Books", 100]]);
    const res = await readTables(fx.ctx);
    expect(res.tables["budget lines"]).toMatchObject({ name: "Budget Lines", rows: [["Books", 100]], origin: { sheet: "Budget-Lines", kind: "sheet" } });
    expect(res.status.map((s) => s.name)).toEqual([...CONTRACT_TABLES, "Budget Lines"]);
    expect(fx.syncCount).toBe(SYNCS);
  });

  test("the tool's own sheets (listed in the registry) are never read as input", async () => {
    const fx = new FakeExcel();
    fx.addSheet("Inputs", [["x"]]);
    await renderPlans(fx.ctx, [plan("Schools", "input-copy", { cells: [{ r: 0, c: 0, v: "School ID" }, { r: 1, c: 0, v: "S1" }] })], {}, envUpTo("1.12"));
    fx.syncCount = 0;
    const res = await readTables(fx.ctx);
    expect(res.tables.schools).toBeUndefined();
    expect(fx.syncCount).toBe(SYNCS);
  });

  test("the number of syncs does not grow with the number or size of tables", async () => {
    const fx = new FakeExcel();
    for (const name of CONTRACT_TABLES) {
      const rows: (string | number)[][] = [["Key", "Value"]];
      for (let i = 0; i < 2000; i++) rows.push([`${name} ${i}`, i]);
      fx.addSheet(`${name} sheet`, rows);
      fx.addTable(`${name} sheet`, name.replace(/ /g, ""), `A1:B${rows.length}`);
    }
    const res = await readTables(fx.ctx);
    expect(fx.syncCount).toBe(SYNCS);
    expect(Object.keys(res.tables)).toHaveLength(CONTRACT_TABLES.length);
    expect(res.status.every((s) => s.found && s.rows === 2000)).toBe(true);
  });

  test("tableKey ignores case, spaces and underscores", () => {
    expect(tableKey("Initiative Segments")).toBe(tableKey("initiative_segments"));
    expect(tableKey("InitiativeSegments")).toBe("initiativesegments");
  });
});

describe("readTables: Excel's 5 MB response limit", () => {
  test("a table larger than one response is read in pieces, each under the limit, and comes back whole", async () => {
    const fx = new FakeExcel();
    const rows = Array.from({ length: 3000 }, (_, i) => [`S${i + 1}`, `School ${i + 1} ${"ü".repeat(40)}`, 300 + i]);
    fx.addSheet("Data", [["School ID", "School Name", "Students"], ...rows]);
    fx.addTable("Data", "Schools", `A1:C${rows.length + 1}`);
    // A small limit stands in for 5 MB; and reads over 2,000 cells come back with values null, as big ones do.
    fx.responseLimit = 60_000;
    fx.nullValuesOver = 2_000;
    const res = await readTables(fx.ctx);
    expect(res.tables.schools.rows).toEqual(rows);
    expect(res.errors).toEqual([]);
  });

  test("merged cells inside an input table are refused with the range named (ExcelApi 1.13); older Excel reads them as they are", async () => {
    const fx = new FakeExcel();
    fx.addSheet("Enrollment", [["School ID", "Level", "Students"], ["S1", "Elementary", 300], ["S1", "Middle", 150], ["S2", "Elementary", 450]]);
    fx.merge("Enrollment", "A2:A3");
    const res = await readTables(fx.ctx, envUpTo("1.13"));
    expect(res.errors).toEqual([expect.objectContaining({ table: "Enrollment", sheet: "Enrollment", row: 2, column: "School ID", cell: "A2:A3", found: "the merged range A2:A3" })]);
    const old = await readTables(fx.ctx, envUpTo("1.12"));
    expect(old.tables.enrollment.rows[1]).toEqual([null, "Middle", 150]);
  });
});

describe("readTables: merged-cell check on Excel with ExcelApi 1.13", () => {
  test("asks only ranges that exist (an empty sheet named like an input is still reported as empty), one more request", async () => {
    const fx = workbook();
    const plain = await readTables(fx.ctx);
    fx.syncCount = 0;
    const checked = await readTables(fx.ctx, envUpTo("1.13"));
    expect(checked).toEqual(plain);
    expect(fx.syncCount).toBe(SYNCS + 1);
    expect(fx.log.filter((l) => l === "rangeAreas.load")).toHaveLength(4);
  });
});
