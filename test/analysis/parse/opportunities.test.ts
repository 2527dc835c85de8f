import type { ParseContext } from "../../../src/engine/parse/headers";
import { wordedError } from "../../../src/words/errors";
import { COMMITTED, parseOpportunities } from "../../../src/analysis/parse/opportunities";
import { rawTable } from "../../helpers/raw";

const ctx = (): ParseContext => ({ errors: [], warnings: [] });
const INITIATIVES = new Map([["high-dosage tutoring", "High-Dosage Tutoring"]]);
const HEAD = ["Opportunity", "Area", "Low $", "High $", "Ease 1–5", "Constraint", "Contract End Date", "Owner", "Status", "Funds"];

describe("parseOpportunities", () => {
  test("reads every column; dates as Date, Excel serial or text; defaults Preference / Proposed", () => {
    const c = ctx();
    const rows = parseOpportunities(
      rawTable("Opportunities", [
        HEAD,
        ["Bus routes", "Operations", "$350,000", 600000, 3, "rigid", new Date(Date.UTC(2027, 5, 30)), "Transport", "approved", "high-dosage tutoring"],
        ["Energy", "Operations", 150000, 300000, 4, null, null, null, null, null],
        ["Custodial", "Operations", 250000, 450000, 2, "Rigid", 46934, "", "Funded", null],
        ["Class size", "Class size", 0, 0, 1, "Rigid", "6/30/2028", "", "Rejected", null],
      ]),
      c,
      INITIATIVES,
    );
    expect(c.errors.map(wordedError)).toEqual([]);
    expect(rows?.map((o) => [o.name, o.low, o.high, o.ease, o.constraint, o.contractEnd, o.status, o.funds])).toEqual([
      ["Bus routes", 35000000, 60000000, 3, "Rigid", { y: 2027, m: 6, d: 30 }, "Approved", "High-Dosage Tutoring"],
      ["Energy", 15000000, 30000000, 4, "Preference", null, "Proposed", null],
      ["Custodial", 25000000, 45000000, 2, "Rigid", { y: 2028, m: 6, d: 30 }, "Funded", null],
      ["Class size", 0, 0, 1, "Rigid", { y: 2028, m: 6, d: 30 }, "Rejected", null],
    ]);
    expect(COMMITTED.has("Approved") && COMMITTED.has("Funded") && COMMITTED.has("Implemented")).toBe(true);
    expect(COMMITTED.has("Proposed") || COMMITTED.has("Rejected")).toBe(false);
  });

  test("located errors: High below Low, Ease out of range or fractional, unknown constraint, date, status, initiative, duplicate name", () => {
    const c = ctx();
    const rows = parseOpportunities(
      rawTable("Opportunities", [
        HEAD,
        ["A", "Ops", 500, 100, 6, "maybe", "someday", null, "Dreaming", "Nope"],
        ["B", null, 1, 2, 2.5, null, null, null, null, null],
        ["a", "Ops", 1, 2, 3, null, null, null, null, null],
      ]),
      c,
      INITIATIVES,
    );
    expect(rows).toEqual([]);
    expect(c.errors.map((e) => `${e.cell} ${e.column}`)).toEqual([
      "D2 High $",
      "E2 Ease 1–5",
      "F2 Constraint",
      "G2 Contract End Date",
      "I2 Status",
      "J2 Funds",
      "B3 Area",
      "E3 Ease 1–5",
      "A4 Opportunity",
    ]);
    expect(wordedError(c.errors[0]).expected).toMatch(/≥ the Low estimate/);
    expect(wordedError(c.errors[8]).found).toMatch(/already on row 2/);
  });

  test("Funds without an Initiatives table is an error; with an unknown district it is kept as written", () => {
    const grid = [HEAD, ["A", "Ops", 1, 2, 3, null, null, null, null, "Tutoring"]];
    const c = ctx();
    expect(parseOpportunities(rawTable("Opportunities", grid), c, null)).toEqual([]);
    expect(c.errors[0]).toMatchObject({ column: "Funds", cell: "J2" });
    const d = ctx();
    expect(parseOpportunities(rawTable("Opportunities", grid), d, undefined)?.[0].funds).toBe("Tutoring");
    expect(d.errors).toEqual([]);
  });
});
