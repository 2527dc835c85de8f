import { renameReferences } from "../../src/xlsx/formula";

const sheets = new Map([
  ["Summary", "Summary (2)"],
  ["Data", "Data (3)"],
  ["O'Brien", "O'Brien (2)"],
]);
const names = new Map([
  ["Total_Budget", "Total_Budget_2"],
  ["Matrix", "Matrix_2"],
]);

describe("renameReferences", () => {
  test("bare and quoted sheet prefixes follow sheet renames", () => {
    expect(renameReferences("Summary!B4*2", { sheets })).toBe("'Summary (2)'!B4*2");
    expect(renameReferences("SUM('Summary'!A1:A9)+summary!C1", { sheets })).toBe("SUM('Summary (2)'!A1:A9)+'Summary (2)'!C1");
    expect(renameReferences("'O''Brien'!A1", { sheets })).toBe("'O''Brien (2)'!A1");
    expect(renameReferences("Data!$A$1:$B$2", { sheets })).toBe("'Data (3)'!$A$1:$B$2");
  });

  test("other sheets, cell references and function names are untouched", () => {
    expect(renameReferences("Other!A1+SUMMARY2!A1+SUM(A1:B2)", { sheets })).toBe("Other!A1+SUMMARY2!A1+SUM(A1:B2)");
    expect(renameReferences("'Summary Old'!A1", { sheets })).toBe("'Summary Old'!A1");
  });

  test("string literals are never changed", () => {
    expect(renameReferences('"Summary!A1 and Total_Budget"&Summary!A1', { sheets, names })).toBe('"Summary!A1 and Total_Budget"&\'Summary (2)\'!A1');
    expect(renameReferences('"say ""Summary!A1"""&Total_Budget', { sheets, names })).toBe('"say ""Summary!A1"""&Total_Budget_2');
  });

  test("defined names and table names follow renames; structured-reference columns do not", () => {
    expect(renameReferences("Total_Budget*2", { names })).toBe("Total_Budget_2*2");
    expect(renameReferences("SUM(Matrix[Total])+Matrix[[#Totals],[Matrix]]", { names })).toBe("SUM(Matrix_2[Total])+Matrix_2[[#Totals],[Matrix]]");
    // A function called like a name is not a name.
    expect(renameReferences("MATRIX(1)", { names })).toBe("MATRIX(1)");
    // Part of a longer identifier is not a match.
    expect(renameReferences("Total_Budget_Old+xTotal_Budget", { names })).toBe("Total_Budget_Old+xTotal_Budget");
  });

  test("no renames, no change", () => {
    const f = "SUM('Summary'!A1:A3)";
    expect(renameReferences(f, {})).toBe(f);
    expect(renameReferences(f, { sheets: new Map([["Summary", "Summary"]]) })).toBe(f);
  });
});
