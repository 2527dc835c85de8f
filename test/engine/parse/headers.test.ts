import { findTable, labelKey, normalizeHeader, stripUnit, TableReader, type ParseContext } from "../../../src/engine/parse/headers";
import { wordedError } from "../../../src/words/errors";
import { rawTable } from "../../helpers/raw";

describe("normalizeHeader", () => {
  it.each([
    ["School ID", "schoolid"],
    ["school_id", "schoolid"],
    ["SCHOOL ID", "schoolid"],
    ["School-ID", "schoolid"],
    ["  School   Id ", "schoolid"],
    ["Amount ($)", "amount"],
    ["Amount $", "amount"],
    ["Amount($)", "amount"],
    ["Poverty %", "poverty"],
    ["Poverty%", "poverty"],
    ["Poverty (%)", "poverty"],
    ["Per_Pupil", "perpupil"],
  ])("%p -> %p", (h, key) => {
    expect(normalizeHeader(h)).toBe(key);
  });

  it("only strips a trailing unit", () => {
    expect(normalizeHeader("% Poverty")).toBe("%poverty");
    expect(stripUnit("Poverty %")).toBe("Poverty");
    expect(stripUnit("Amount ($)")).toBe("Amount");
  });

  it("label keys ignore case and extra spaces", () => {
    expect(labelKey("  Middle   School ")).toBe("middle school");
  });
});

describe("TableReader", () => {
  const specs = [{ name: "School ID", required: true }, { name: "Amount", required: true }, { name: "Note" }];

  it("binds columns by header variants and keeps extra columns", () => {
    const ctx: ParseContext = { errors: [], warnings: [] };
    const t = new TableReader("Schools", rawTable("Schools", [["Region", "school_id", "AMOUNT ($)", ""]]), specs, ctx);
    expect(t.complete).toBe(true);
    expect(t.col("School ID")).toBe(1);
    expect(t.col("Amount")).toBe(2);
    expect(t.col("Note")).toBe(-1);
    expect(t.extras).toEqual([0]);
    expect(ctx.errors).toEqual([]);
  });

  it("reports each missing required column at table level", () => {
    const ctx: ParseContext = { errors: [], warnings: [] };
    const t = new TableReader("Revenue", rawTable("Revenue", [["Name", "Note"]]), specs, ctx);
    expect(t.complete).toBe(false);
    expect(ctx.errors.map(wordedError).map((e) => [e.row, e.column, e.expected])).toEqual([
      [null, "School ID", 'a column "School ID"'],
      [null, "Amount", 'a column "Amount"'],
    ]);
    expect(wordedError(ctx.errors[0]).found).toContain('"Name", "Note"');
  });

  it("locates cells from the table's origin", () => {
    const ctx: ParseContext = { errors: [], warnings: [] };
    const raw = rawTable("Revenue", [["School ID", "Amount"], ["a", "x"], [null, null], ["b", -2]], {
      sheet: "Inputs",
      headerRow: 4,
      firstColumn: 26,
    });
    const t = new TableReader("Revenue", raw, specs, ctx);
    expect(t.sheetRow(2)).toBe(7);
    expect(t.cents(0, 1)).toBeUndefined();
    expect(t.cents(2, 1)).toBeUndefined();
    expect(ctx.errors.map(wordedError)).toEqual([
      { table: "Revenue", sheet: "Inputs", row: 5, column: "Amount", cell: "AA5", expected: "a dollar amount ≥ 0", found: '"x"' },
      { table: "Revenue", sheet: "Inputs", row: 7, column: "Amount", cell: "AA7", expected: "a dollar amount ≥ 0", found: "-2" },
    ]);
  });

  it("treats short rows as blank cells and applies defaults", () => {
    const ctx: ParseContext = { errors: [], warnings: [] };
    const t = new TableReader("Schools", rawTable("Schools", [["School ID", "Amount", "Note"], ["a"]]), specs, ctx);
    expect(t.blank(0, 2)).toBe(true);
    expect(t.cents(0, 1, { blank: null })).toBeNull();
    expect(t.number(0, 2, { code: "fte" }, { blank: 3 })).toBe(3);
    expect(t.yesNo(0, 2, true)).toBe(true);
    expect(t.percent(0, 2, { code: "share" }, { blank: 1 })).toBe(1);
    expect(ctx.errors).toEqual([]);
  });

  it("rejects a header that appears twice", () => {
    const ctx: ParseContext = { errors: [], warnings: [] };
    new TableReader("Schools", rawTable("Schools", [["School ID", "Amount", "amount ($)"]]), specs, ctx);
    expect(ctx.errors).toHaveLength(1);
    expect(wordedError(ctx.errors[0])).toMatchObject({ row: 1, column: "amount ($)", cell: "C1", expected: "each column header only once" });
  });

  it("finds tables by contract name in any key case", () => {
    const t = rawTable("Initiative Segments", [["Initiative"]]);
    expect(findTable({ "initiative segments": t }, "Initiative Segments")).toBe(t);
    expect(findTable({ Initiative_Segments: t }, "Initiative Segments")).toBe(t);
    expect(findTable({}, "Schools")).toBeUndefined();
  });
});
