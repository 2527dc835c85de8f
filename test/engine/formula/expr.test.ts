import * as X from "../../../src/engine/formula/expr";

const names = (id: string): X.Place => ({ name: id.toUpperCase() });

describe("excelRound (Excel / LibreOffice ROUND)", () => {
  test.each([
    [2.675, 2, 2.68], // the double is 2.67499999…: spreadsheets round the decimal value
    [1234.565, 2, 1234.57],
    [33 * 1.015, 2, 33.5],
    [0.285, 2, 0.29],
    [1.005 * 1000, 0, 1005],
    [100.5, 0, 101],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [-1234.565, 2, -1234.57],
    [1234.564999, 2, 1234.56],
    [0.1 + 0.2, 2, 0.3],
    [1999999.5, 0, 2000000],
    [0, 2, 0],
  ])("ROUND(%p, %p) = %p", (x, d, want) => {
    expect(X.excelRound(x, d)).toBe(want);
  });

  test("cent-grid sums are snapped back to the grid before rounding to dollars", () => {
    // 0.1 + 0.2 + … adds binary noise; ROUND(…, 2) restores the exact cents, then ROUND(…, 0) is a clean half.
    let s = 0;
    for (const v of [1000.1, 0.2, 233.7, 0.5]) s += v;
    expect(X.excelRound(X.excelRound(s, 2), 0)).toBe(1235);
  });
});

describe("evaluate", () => {
  const values: X.Values = new Map([
    ["a", 10],
    ["b", 4],
    ["c", 0],
  ]);
  test("arithmetic is left to right as written, with spreadsheet precedence", () => {
    expect(X.evaluate(X.sub(X.ref("a"), X.sub(X.ref("b"), X.num(1))), values)).toBe(7);
    expect(X.evaluate(X.div(X.mul(X.ref("a"), X.num(3)), X.ref("b")), values)).toBe(7.5);
    expect(X.evaluate(X.max(X.num(0), X.sub(X.ref("b"), X.ref("a"))), values)).toBe(0);
    expect(X.evaluate(X.min(X.ref("a"), X.ref("b")), values)).toBe(4);
    expect(X.evaluate(X.sum(X.ref("a"), X.ref("b"), X.num(0.5)), values)).toBe(14.5);
  });
  test("IF is lazy (no division by zero in the branch not taken) and comparisons give 1/0", () => {
    const safe = X.iff(X.cmp(">", X.ref("c"), X.num(0)), X.div(X.ref("a"), X.ref("c")), X.num(-1));
    expect(X.evaluate(safe, values)).toBe(-1);
    expect(() => X.evaluate(X.div(X.ref("a"), X.ref("c")), values)).toThrow(RangeError);
    expect(X.evaluate(X.and(X.cmp(">=", X.ref("a"), X.num(10)), X.cmp("<>", X.ref("b"), X.num(4))), values)).toBe(0);
    expect(X.evaluate(X.and(X.cmp(">=", X.ref("a"), X.num(10)), X.cmp("<", X.ref("b"), X.num(5))), values)).toBe(1);
  });
  test("a reference without a value is an error, not a silent zero", () => {
    expect(() => X.evaluate(X.ref("missing"), values)).toThrow(X.MissingValueError);
  });
  test("references lists every id", () => {
    const e = X.iff(X.cmp(">", X.ref("a"), X.num(0)), X.round(X.mul(X.ref("b"), X.ref("c")), 2), X.sum(X.ref("d")));
    expect([...X.references(e)].sort()).toEqual(["a", "b", "c", "d"]);
  });
});

describe("toFormula", () => {
  const ctx: X.FormulaContext = { sheet: "Budget", place: names };
  test("names, precedence and parentheses", () => {
    expect(X.toFormula(X.round(X.mul(X.ref("input_students"), X.ref("rate")), 2), ctx)).toBe("ROUND(INPUT_STUDENTS*RATE,2)");
    expect(X.toFormula(X.sub(X.ref("a"), X.sub(X.ref("b"), X.ref("c"))), ctx)).toBe("A-(B-C)");
    expect(X.toFormula(X.sub(X.sub(X.ref("a"), X.ref("b")), X.ref("c")), ctx)).toBe("A-B-C");
    expect(X.toFormula(X.mul(X.add(X.ref("a"), X.ref("b")), X.ref("c")), ctx)).toBe("(A+B)*C");
    expect(X.toFormula(X.add(X.ref("a"), X.mul(X.ref("b"), X.ref("c"))), ctx)).toBe("A+B*C");
    expect(X.toFormula(X.div(X.ref("a"), X.mul(X.ref("b"), X.ref("c"))), ctx)).toBe("A/(B*C)");
    expect(X.toFormula(X.mul(X.ref("a"), X.num(-2)), ctx)).toBe("A*(-2)");
    expect(X.toFormula(X.iff(X.and(X.cmp(">=", X.ref("a"), X.num(40))), X.num(1), X.num(0)), ctx)).toBe("IF(AND(A>=40),1,0)");
  });
  test("cells: relative on the same sheet, absolute and quoted on another; runs in a column become ranges", () => {
    const at: Record<string, X.Place> = {
      l1: { sheet: "Budget", r: 5, c: 5 },
      l2: { sheet: "Budget", r: 6, c: 5 },
      l3: { sheet: "Budget", r: 7, c: 5 },
      far: { sheet: "School Plan", r: 0, c: 1 },
      n: { name: "Foundation_State" },
    };
    const c2: X.FormulaContext = { sheet: "Budget", place: (id) => at[id] };
    expect(X.toFormula(X.sum(X.ref("l1"), X.ref("l2"), X.ref("l3")), c2)).toBe("SUM(F6:F8)");
    expect(X.toFormula(X.sum(X.ref("l1"), X.ref("l3"), X.ref("n")), c2)).toBe("SUM(F6,F8,Foundation_State)");
    expect(X.toFormula(X.add(X.ref("far"), X.ref("l1")), c2)).toBe("'School Plan'!$B$1+F6");
  });
  test("numbers are written plainly with at most 15 significant digits", () => {
    expect(X.numberText(0.1 + 0.2)).toBe("0.3");
    expect(X.numberText(1e-7)).toBe("0.0000001");
    expect(X.numberText(3685.2046327262837)).toBe("3685.20463272628");
    expect(() => X.numberText(Infinity)).toThrow(RangeError);
  });
});
