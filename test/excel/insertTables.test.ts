import { columnChoices, columnFormat, contractTableName, insertTables } from "../../src/excel/insertTables";
import { readTables } from "../../src/excel/readTables";
import { MAX_REQUEST_BYTES } from "../../src/excel/limits";
import { sampleDistrict } from "../../src/sample/district";
import type { RawTables } from "../../src/engine/types";
import { FakeExcel } from "./fakeExcel";
import { envUpTo } from "./helpers";

function raw(): RawTables {
  const origin = { sheet: "", headerRow: 1, firstColumn: 1, kind: "sheet" as const };
  return {
    revenue: {
      name: "Revenue",
      headers: ["Source", "Type", "Restricted", "Amount", "Status", "School Share", "Eligible"],
      rows: [
        ["State aid", "State", "No", 1_000_000, "Unlocked", 100, "All"],
        ["Title I", "Federal", "Yes", 250_000, "Grant", 0.9, "Poverty % >= 40%"],
      ],
      origin,
    },
    "initiative segments": {
      name: "Initiative Segments",
      headers: ["Initiative", "Segment", "Students Served", "Learning Gain", "Cost"],
      rows: [["Tutoring", "-1 year", 40, 0.2, 5000]],
      origin,
    },
    schools: { name: "Schools", headers: ["School ID", "School Name", "Current Budget", "Title I"], rows: [], origin },
  };
}

describe("insertTables", () => {
  test("one sheet per table with a real table, formats and drop-down lists; reads back through readTables", async () => {
    const fx = new FakeExcel();
    fx.addSheet("Schools", [["user's own sheet"]]);
    const before = fx.snapshot("Schools");
    const created = await insertTables(fx.ctx, raw(), envUpTo("1.12"));
    expect(created).toEqual(["Revenue", "Initiative Segments", "Schools (2)"]);
    expect(fx.syncCount).toBe(2);
    expect(fx.snapshot("Schools")).toEqual(before);
    expect(fx.tables.map((t) => [t.name, t.sheet.name, t.style])).toEqual([
      ["Revenue", "Revenue", "TableStyleMedium2"],
      ["InitiativeSegments", "Initiative Segments", "TableStyleMedium2"],
      ["Schools", "Schools (2)", "TableStyleMedium2"],
    ]);
    expect(fx.grid("Revenue")).toEqual([
      ["Source", "Type", "Restricted", "Amount", "Status", "School Share", "Eligible"],
      ["State aid", "State", "No", 1_000_000, "Unlocked", 1, "All"],
      ["Title I", "Federal", "Yes", 250_000, "Grant", 0.9, "Poverty % >= 40%"],
    ]);
    expect(fx.cell("Revenue", "D2")?.numberFormat).toBe('"$"#,##0.00');
    expect(fx.cell("Revenue", "F3")?.numberFormat).toBe("0%");
    expect(fx.cell("Revenue", "E2")?.format.dataValidation).toEqual({ list: { inCellDropDown: true, source: "Unlocked,Locked,Grant" } });
    expect(fx.cell("Revenue", "B3")?.format.dataValidation).toEqual({ list: { inCellDropDown: true, source: "Federal,State,Local,Private,Other" } });
    expect(fx.cell("Revenue", "C2")?.format.dataValidation).toEqual({ list: { inCellDropDown: true, source: "Yes,No" } });
    expect(fx.cell("Initiative Segments", "B2")?.value).toBe("-1 year");
    expect(fx.cell("Initiative Segments", "E2")?.numberFormat).toBe('"$"#,##0.00');
    // An empty table still gets one (blank) data row, with validation on Title I.
    expect(fx.tables[2].rect).toEqual({ r: 0, c: 0, rows: 2, cols: 4 });
    expect(fx.cell("Schools (2)", "D2")?.format.dataValidation).toEqual({ list: { inCellDropDown: true, source: "Yes,No" } });

    const back = await readTables(fx.ctx);
    expect(back.tables.revenue.rows[1]).toEqual(["Title I", "Federal", "Yes", 250_000, "Grant", 0.9, "Poverty % >= 40%"]);
    expect(back.tables["initiative segments"].origin).toEqual({ sheet: "Initiative Segments", headerRow: 1, firstColumn: 1, kind: "table" });
  });

  test("an existing table with a contract name is an error, and nothing is written", async () => {
    const fx = new FakeExcel();
    fx.addSheet("Data", [["School ID"], ["S1"]]);
    fx.addTable("Data", "schools", "A1:A2");
    await expect(insertTables(fx.ctx, raw(), envUpTo("1.12"))).rejects.toThrow(/table named "Schools" already exists on sheet "Data".*nothing was changed/);
    expect(fx.sheetNames()).toEqual(["Data"]);
    expect(fx.syncCount).toBe(1);
  });

  test("without ExcelApi 1.8 the tables are inserted without drop-downs", async () => {
    const fx = new FakeExcel();
    fx.addSheet("Data");
    await insertTables(fx.ctx, raw(), envUpTo("1.7"));
    expect(fx.cell("Revenue", "E2")?.format.dataValidation).toBeUndefined();
    expect(fx.tables).toHaveLength(3);
  });

  test("header rules", () => {
    expect(columnFormat("School Share %")).toBe("percent");
    expect(columnFormat("Amount ($)")).toBe("currency");
    expect(columnFormat("Current Budget")).toBe("currency");
    expect(columnFormat("Hourly Cost")).toBe("currency");
    expect(columnFormat("Per Pupil")).toBe("currency");
    expect(columnFormat("school_share")).toBe("percent");
    expect(columnFormat("Students")).toBeNull();
    expect(columnChoices("Title_I")).toEqual(["Yes", "No"]);
    expect(columnChoices("Funds")).toBeNull();
    expect(contractTableName("Initiative Segments")).toBe("InitiativeSegments");
  });
});

describe("insertTables: the sample district within Excel's request limit", () => {
  test("inserting every sample table stays under the request budget", async () => {
    const fx = new FakeExcel();
    fx.addSheet("Start");
    await insertTables(fx.ctx, sampleDistrict(), envUpTo("1.12"));
    expect(Math.max(...fx.requests.map((r) => r.bytes))).toBeLessThan(MAX_REQUEST_BYTES);
  });
});
