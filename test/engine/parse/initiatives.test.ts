import type { ParseContext } from "../../../src/engine/parse/headers";
import { parseInitiatives, parseSegments } from "../../../src/engine/parse/initiatives";
import { rawTable } from "../../helpers/raw";

const ctx = (): ParseContext => ({ errors: [], warnings: [] });

describe("parseInitiatives", () => {
  it("reads the inventory with costs in cents, blank gain as no outcome data and extra columns kept", () => {
    const c = ctx();
    const r = parseInitiatives(
      rawTable("Initiatives", [
        ["Initiative", "Department", "Schools", "Direct Cost ($)", "Staff Hours", "Hourly Cost", "Indirect Cost", "Students Served", "Learning Gain", "Importance", "Effectiveness Rating", "Funding Stream"],
        ["Reading Recovery", "Literacy", "101, 102", "$120,000", 500, "$45.50", 1000, 80, 0.3, 4, 3.5, "Title I"],
        ["After School", null, "All", 50000, null, null, null, "200", null, null, null, null],
      ]),
      c,
    );
    expect(c.errors).toEqual([]);
    expect(r.initiatives).toEqual([
      {
        name: "Reading Recovery",
        department: "Literacy",
        coordinator: "",
        schools: "101, 102",
        strategicPriority: "",
        targetPopulation: "",
        definitionOfSuccess: "",
        directCost: 12000000,
        staffHours: 500,
        hourlyCost: 4550,
        indirectCost: 100000,
        studentsServed: 80,
        learningGain: 0.3,
        importance: 4,
        effectiveness: 3.5,
        attributes: { fundingstream: "Title I" },
        sheetRow: 2,
      },
      expect.objectContaining({ name: "After School", staffHours: 0, hourlyCost: 0, indirectCost: 0, studentsServed: 200, learningGain: null, importance: null }),
    ]);
  });

  it("accepts a negative learning gain (a program that hurt)", () => {
    const c = ctx();
    const r = parseInitiatives(rawTable("Initiatives", [["Initiative", "Direct Cost", "Students Served", "Learning Gain"], ["X", 1, 1, -0.1]]), c);
    expect(c.errors).toEqual([]);
    expect(r.initiatives?.[0].learningGain).toBe(-0.1);
  });

  it("is null when absent", () => {
    expect(parseInitiatives(undefined, ctx())).toEqual({ initiatives: null, names: null });
  });
});

describe("parseSegments", () => {
  it("links segments to initiatives by name in any case", () => {
    const c = ctx();
    const inits = parseInitiatives(rawTable("Initiatives", [["Initiative", "Direct Cost", "Students Served"], ["Reading Recovery", 1, 1]]), c);
    const segs = parseSegments(
      rawTable("Initiative Segments", [
        ["Initiative", "Segment", "Students Served", "Learning Gain", "Cost"],
        ["reading recovery", "1+ year behind", 50, 0.4, "$9,000"],
        ["Reading Recovery", "less than 1 year behind", 30, null, null],
      ]),
      inits,
      c,
    );
    expect(c.errors).toEqual([]);
    expect(segs).toEqual([
      { initiative: "Reading Recovery", segment: "1+ year behind", studentsServed: 50, learningGain: 0.4, cost: 900000, sheetRow: 2 },
      { initiative: "Reading Recovery", segment: "less than 1 year behind", studentsServed: 30, learningGain: null, cost: null, sheetRow: 3 },
    ]);
  });

  it("is null when absent", () => {
    expect(parseSegments(undefined, { initiatives: null, names: null }, ctx())).toBeNull();
  });
});
