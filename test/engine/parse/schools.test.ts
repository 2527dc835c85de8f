import type { ParseContext } from "../../../src/engine/parse/headers";
import { parseSchools } from "../../../src/engine/parse/schools";
import { rawTable } from "../../helpers/raw";

const ctx = (): ParseContext => ({ errors: [], warnings: [] });

describe("parseSchools", () => {
  it("reads IDs as text, budgets as cents and other columns as attributes", () => {
    const c = ctx();
    const r = parseSchools(
      rawTable("Schools", [
        ["SCHOOL ID", "school_name", "Current Budget ($)", "Minimum-Budget", "Title I", "Poverty %"],
        [101, "Lincoln", "$1,234,567.89", null, "Yes", 0.45],
        [null, "ignored: no key", "x", "x", null, null],
        ["  A-7 ", "Adams", 0, "250000", false, "30%"],
      ]),
      c,
    );
    expect(c.errors).toEqual([]);
    expect(r.known).toBe(true);
    expect(r.schools).toEqual([
      {
        id: "101",
        name: "Lincoln",
        current: 123456789,
        minimum: null,
        attributes: { titlei: "Yes", poverty: 0.45 },
        attributeHeaders: { titlei: "Title I", poverty: "Poverty %" },
        sheetRow: 2,
      },
      {
        id: "A-7",
        name: "Adams",
        current: 0,
        minimum: 25000000,
        attributes: { titlei: false, poverty: "30%" },
        attributeHeaders: { titlei: "Title I", poverty: "Poverty %" },
        sheetRow: 4,
      },
    ]);
    expect(r.byId.get("a-7")).toBe(1);
    expect(r.attributeHeaders).toEqual({ titlei: "Title I", poverty: "Poverty %" });
  });

  it("is unknown when missing or without a School ID column, so other tables skip ID checks", () => {
    const c = ctx();
    expect(parseSchools(undefined, c).known).toBe(false);
    expect(parseSchools(rawTable("Schools", [["Name"], ["x"]]), c).known).toBe(false);
    expect(c.errors.map((e) => [e.table, e.column])).toEqual([
      ["Schools", null],
      ["Schools", "School ID"],
      ["Schools", "School Name"],
    ]);
  });

  it("still registers a school whose row has a bad cell, so its ID is not reported again elsewhere", () => {
    const c = ctx();
    const r = parseSchools(rawTable("Schools", [["School ID", "School Name", "Current Budget"], ["1", "A", "lots"]]), c);
    expect(c.errors).toHaveLength(1);
    expect(r.byId.has("1")).toBe(true);
  });
});
