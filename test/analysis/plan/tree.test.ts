import { costDrivers } from "../../../src/analysis/plan/drivers";
import { budgetTree, treeLeaves } from "../../../src/analysis/plan/tree";
import { line, smallDistrict } from "./fixture";

const LINES = [
  line("Instruction", "Regular Instruction", "Salaries", 0, 900_000, 10),
  line("Instruction", "Regular Instruction", "Salaries", 1, 600_000, 7.5),
  line("Instruction", "Regular Instruction", "Supplies", null, 50_000),
  line("Operations", "Transportation", "Salaries", null, 300_000, 6),
  line("Operations", "Transportation", "Fuel", null, 100_000),
  line("Operations", "Maintenance", "Contracts", null, 200_000),
];

describe("budget tree", () => {
  test("areas → functions → objects add up exactly, split central vs schools, largest first", () => {
    const t = budgetTree(LINES);
    expect(t.amount).toBe(215_000_000);
    expect(t.central).toBe(65_000_000);
    expect(t.schools).toBe(150_000_000);
    expect(t.fte).toBe(23.5);
    expect(t.areas.map((a) => [a.name, a.amount, a.central, a.schools, a.fte, a.lines])).toEqual([
      ["Instruction", 155_000_000, 5_000_000, 150_000_000, 17.5, 3],
      ["Operations", 60_000_000, 60_000_000, 0, 6, 3],
    ]);
    const ops = t.areas[1];
    expect(ops.children.map((f) => [f.name, f.amount])).toEqual([["Transportation", 40_000_000], ["Maintenance", 20_000_000]]);
    expect(ops.children[0].children.map((o) => [o.name, o.amount])).toEqual([["Salaries", 30_000_000], ["Fuel", 10_000_000]]);
    for (const a of t.areas) {
      expect(a.children.reduce((s, f) => s + f.amount, 0)).toBe(a.amount);
      for (const f of a.children) expect(f.children.reduce((s, o) => s + o.amount, 0)).toBe(f.amount);
    }
    expect(treeLeaves(t).map((l) => `${l.area}/${l.function}/${l.object}`)).toEqual([
      "Instruction/Regular Instruction/Salaries",
      "Instruction/Regular Instruction/Supplies",
      "Operations/Transportation/Salaries",
      "Operations/Transportation/Fuel",
      "Operations/Maintenance/Contracts",
    ]);
    expect(t.funds).toEqual([{ name: "General", amount: 215_000_000, central: 65_000_000, schools: 150_000_000 }]);
    expect(budgetTree([])).toMatchObject({ amount: 0, lines: 0, areas: [] });
  });

  test("cost drivers: per student, students per FTE, cost per FTE over staffed lines only; n/a as null", () => {
    const d = smallDistrict();
    const t = budgetTree(LINES);
    const c = costDrivers(d, LINES, t);
    expect(c.students).toBe(750);
    expect(c.perStudent).toBeCloseTo(215_000_000 / 750, 9);
    expect(c.studentsPerFte).toBeCloseTo(750 / 23.5, 9);
    expect(c.costPerFte).toBeCloseTo((90_000_000 + 60_000_000 + 30_000_000) / 23.5, 6);
    expect(c.centralShare).toBeCloseTo(65 / 215, 12);
    const instr = c.byArea[0];
    expect(instr.studentsPerFte).toBeCloseTo(750 / 17.5, 9);
    expect(instr.costPerFte).toBeCloseTo(150_000_000 / 17.5, 6);
    expect(instr.share).toBeCloseTo(155 / 215, 12);
    expect(c.bySchool.map((s) => [s.id, s.students, s.amount, s.fte, s.studentsPerFte])).toEqual([
      ["A", 300, 90_000_000, 10, 30],
      ["B", 200, 60_000_000, 7.5, 200 / 7.5],
      ["C", 250, 0, 0, null],
    ]);
    expect(c.bySchool[2].perStudent).toBe(0);
    const noFte = costDrivers(d, [line("Ops", "Fuel", "Fuel", null, 10)], budgetTree([line("Ops", "Fuel", "Fuel", null, 10)]));
    expect(noFte.costPerFte).toBeNull();
    expect(noFte.byArea[0].studentsPerFte).toBeNull();
  });
});
