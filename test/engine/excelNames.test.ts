/** Unique Excel names are made one way (ExcelNames / uniqueExcelName), legal and unique case-insensitively. */
import * as fc from "fast-check";
import { EXCEL_NAME_MAX, excelName, ExcelNames, uniqueExcelName } from "../../src/engine/excelNames";

describe("Excel names", () => {
  test("names from parts are joined, made legal and numbered when taken", () => {
    const names = new ExcelNames(["Total_Budget"]);
    expect(names.take("Total", "Budget")).toBe("Total_Budget_2");
    expect(names.take("Rate", "Elementary", "ELL")).toBe("Rate_Elementary_ELL");
    expect(names.take("rate", "elementary", "ell")).toBe("rate_elementary_ell_2");
    expect(names.take("A1")).toBe("_A1");
    expect(names.has("RATE_ELEMENTARY_ELL")).toBe(true);
  });

  test("the two ways agree and stay within Excel's length", () => {
    const long = "x".repeat(400);
    const taken = new Set<string>();
    const a = uniqueExcelName(long, taken);
    const b = uniqueExcelName(long, taken);
    expect(a).not.toBe(b);
    expect(b.length).toBeLessThanOrEqual(EXCEL_NAME_MAX);
    const names = new ExcelNames();
    expect(names.take(long)).toBe(a);
    expect(names.take(long)).toBe(b);
  });

  test("a name given comes back unchanged when made legal again, also after a reserved name is numbered", () => {
    const names = new ExcelNames();
    const given = [names.take("r"), names.take("R"), names.take("(Other)"), names.take("_Own")];
    expect(given).toEqual(["_r", "_R_2", "Other", "_Own"]);
    for (const n of given) expect(excelName(n)).toBe(n);
  });

  test("every name given is legal and unique ignoring case", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 20 }), { maxLength: 30 }), (parts) => {
        const names = new ExcelNames();
        const out = parts.map((p) => names.take(p));
        expect(new Set(out.map((n) => n.toLowerCase())).size).toBe(out.length);
        for (const n of out) {
          expect(n).toMatch(/^[A-Za-z_][A-Za-z0-9_.]*$/);
          expect(excelName(n)).toBe(n);
        }
      }),
      { numRuns: 100 },
    );
  });
});
