/**
 * Bounds and truthful locations (issue 12): money beyond $1 trillion, fractions of a cent, students beyond 10 million
 * in a row or fractions of a student are refused at their cell; problems no single cell causes say so and name
 * what combines; problems the allocation finds name the Policy row where the fix is made.
 */
import { allocate } from "../../../src/engine/allocate";
import { wordedError } from "../../../src/words/errors";
import { formatError } from "../../../src/words/errors";
import { parseDistrict } from "../../../src/engine/parse";
import type { Cell, InputError, RawTables } from "../../../src/engine/types";
import { sampleRaw, sampleWith, setCell, sampleGrids, type Grid } from "../../helpers/raw";

function errorsOf(raw: RawTables): InputError[] {
  const r = parseDistrict(raw);
  if (r.ok) {
    const a = allocate(r.district) as unknown as { errors?: InputError[] };
    return (a.errors ?? []).map(wordedError);
  }
  return r.errors.map(wordedError);
}

function only(raw: RawTables): InputError {
  const errors = errorsOf(raw);
  expect(errors.map(formatError)).toHaveLength(1);
  return errors[0];
}

const g = sampleGrids();
const column = (grid: Grid, name: string) => grid[0].indexOf(name);
const everyRow = (grid: Grid, col: number, v: Cell): Grid => grid.map((row, i) => (i === 0 ? row : row.map((x, j) => (j === col ? v : x))));

describe("money bounds", () => {
  test.each([
    ["1e16", 1e16],
    ["90,071,992,547,409.91", 90_071_992_547_409.91],
    ["text $2,000,000,000,000", "$2,000,000,000,000"],
  ])("a Revenue Amount of %s is refused at its cell", (_, v) => {
    const e = only(sampleWith("Revenue", 1, 3, v));
    expect(e).toMatchObject({ table: "Revenue", row: 2, column: "Amount", cell: "D2" });
    expect(e.expected).toMatch(/at most \$1,000,000,000,000/);
  });

  test("exactly $1 trillion in all is accepted", () => {
    // The other two sources hold $600,000 and $500,000.
    expect(errorsOf(sampleWith("Revenue", 1, 3, 1e12 - 1_100_000))).toEqual([]);
  });

  test("an amount with a fraction of a cent is refused, not rounded", () => {
    const e = only(sampleWith("Revenue", 1, 3, 1000.005));
    expect(e).toMatchObject({ table: "Revenue", row: 2, column: "Amount", cell: "D2", found: "1000.005" });
    expect(e.expected).toMatch(/whole cents/);
    expect(only(sampleWith("Schools", 1, 2, "$1,000.125"))).toMatchObject({ table: "Schools", column: "Current Budget", cell: "C2" });
  });

  test("whole cents pass, also near the bound and with a formula's binary noise", () => {
    expect(errorsOf(sampleWith("Revenue", 1, 3, 999_998_899_999.99))).toEqual([]);
    expect(errorsOf(sampleWith("Revenue", 1, 3, 1_234_567.8 * 3))).toEqual([]);
    expect(errorsOf(sampleWith("Revenue", 1, 3, 10_000_000.07))).toEqual([]);
  });

  test("a Per Pupil rate and a Policy amount beyond the bounds are refused at their cells", () => {
    const weights = setCell(g.Weights, 4, column(g.Weights, "Per Pupil"), 1272.125);
    const w = setCell(weights, 4, column(g.Weights, "Weight"), null);
    expect(only(sampleRaw({ Weights: w }))).toMatchObject({ table: "Weights", row: 5, column: "Per Pupil", cell: "D5" });
    const e = only(sampleRaw({ Policy: [["Setting", "Value"], ["Foundation Per School", 5e12]] }));
    expect(e).toMatchObject({ table: "Policy", row: 2, column: "Value", cell: "B2" });
  });

  test("Revenue amounts adding up beyond $1 trillion are a combination, said so on the Amount column", () => {
    const rev = setCell(setCell(g.Revenue, 1, 3, 6e11), 2, 3, 6e11);
    const e = only(sampleRaw({ Revenue: rev }));
    expect(e).toMatchObject({ table: "Revenue", row: null, column: "Amount" });
    expect(formatError(e)).toMatch(/add up to/);
  });
});

describe("student bounds", () => {
  test.each([
    ["1e16", 1e16, /at most 10,000,000/],
    ["10,000,001", 10_000_001, /at most 10,000,000/],
    ["12.5", 12.5, /whole number/],
  ])("Students %s in a row is refused at its cell", (_, v, expected) => {
    const e = only(sampleWith("Enrollment", 1, 3, v));
    expect(e).toMatchObject({ table: "Enrollment", row: 2, column: "Students", cell: "D2" });
    expect(e.expected).toMatch(expected);
  });

  test("a fractional need count is refused at its cell", () => {
    const e = only(sampleWith("Enrollment", 1, 4, 2.5));
    expect(e).toMatchObject({ table: "Enrollment", row: 2, column: "Poverty", cell: "E2" });
    expect(e.expected).toMatch(/whole number/);
  });
});

describe("students served and projected", () => {
  test.each([
    ["12.5", 12.5, /whole number/],
    ["20,000,000", 20_000_000, /at most 10,000,000/],
  ])("Initiatives Students Served %s is refused at its cell", (_, v, expected) => {
    const raw = sampleRaw({ Initiatives: [["Initiative", "Direct Cost", "Students Served"], ["Tutoring", 1000, v]] });
    const e = only(raw);
    expect(e).toMatchObject({ table: "Initiatives", row: 2, column: "Students Served", cell: "C2" });
    expect(e.expected).toMatch(expected);
  });
});

describe("problems no single cell causes", () => {
  test("no revenue: every Amount in Revenue is 0", () => {
    const e = only(sampleRaw({ Revenue: everyRow(g.Revenue, 3, 0) }));
    expect(e).toMatchObject({ table: "Revenue", row: null, column: "Amount" });
    expect(formatError(e)).toMatch(/every Amount in Revenue is 0/);
  });

  test("no students: every Students in Enrollment is 0", () => {
    const enr = everyRow(everyRow(everyRow(g.Enrollment, 3, 0), 4, 0), 5, 0);
    const e = only(sampleRaw({ Enrollment: enr }));
    expect(e).toMatchObject({ table: "Enrollment", row: null, column: "Students" });
    expect(formatError(e)).toMatch(/every Students in Enrollment is 0/);
  });

  test("floors without general money, and no Policy sheet: never reported on Policy", () => {
    // Only locked and granted money, and a Minimum Budget: the floor has no general money to come from.
    const rev = setCell(setCell(g.Revenue, 1, 4, "Locked"), 1, 5, null);
    const errors = errorsOf(sampleRaw({ Revenue: rev }));
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(e.table).not.toBe("Policy");
    expect(errors.map(formatError).join("\n")).toMatch(/Minimum Budget/);
  });
});

describe("problems the allocation finds name their Policy row", () => {
  test("a foundation larger than the general pool is reported at its Policy cell", () => {
    const e = only(sampleRaw({ Policy: [["Setting", "Value"], ["Rounding", "cent"], ["Foundation Per School", 9_000_000]] }));
    expect(e).toMatchObject({ table: "Policy", row: 3, column: "Value", cell: "B3" });
    expect(e.expected).toMatch(/Foundation Per School/);
  });

  test("floors the general money cannot pay are reported at the Hold Harmless row, naming the combination", () => {
    const schools = setCell(g.Schools, 3, 2, 9_000_000);
    const e = only(sampleRaw({ Schools: schools, Policy: [["Setting", "Value"], ["Hold Harmless", "100%"]] }));
    expect(e).toMatchObject({ table: "Policy", row: 2, column: "Value", cell: "B2" });
    expect(formatError(e)).toMatch(/Hold Harmless/);
  });
});
