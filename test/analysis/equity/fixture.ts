import { allocate } from "../../../src/engine/allocate/index";
import type { EquityInput } from "../../../src/analysis/equity/inputs";
import { makeDistrict } from "../../helpers/district";

/**
 * Four elementary schools with Poverty and English Learner counts, a general formula source and a restricted
 * Title I grant on Poverty.
 */
export function equityDistrict() {
  return makeDistrict({
    schools: [{ id: "A" }, { id: "B" }, { id: "C" }, { id: "D" }],
    levels: ["Elementary", "High"],
    needs: ["Poverty", "English Learner"],
    enrollment: [
      ["A", "Elementary", 400, 40, 20],
      ["B", "Elementary", 300, 150, 30],
      ["C", "Elementary", 200, 160, 90],
      ["D", "High", 500, 100, 150],
    ],
    rates: { Elementary: { Base: 1 }, High: { Base: 1.2 }, All: { Poverty: 0.4, "English Learner": 0.25 } },
    sources: [
      { name: "General", amount: 10_000_000 },
      { name: "Title I", amount: 300_000, status: "Grant", restricted: true, funds: "Poverty" },
    ],
  });
}

export const equityAllocation = () => allocate(equityDistrict());

/** A hand-made input for tests that do not need an allocation (money in cents). */
export function input(id: string, students: number, restricted: number, unrestricted: number, poverty: number, el: number, salary: number | null = null): EquityInput {
  const total = restricted + unrestricted;
  return {
    id,
    name: `School ${id}`,
    students,
    total,
    restricted,
    unrestricted,
    perPupil: students > 0 ? total / students : 0,
    restrictedPerPupil: students > 0 ? restricted / students : 0,
    unrestrictedPerPupil: students > 0 ? unrestricted / students : 0,
    needs: [
      { name: "Poverty", pct: poverty },
      { name: "English Learner", pct: el },
    ],
    salaryAdjustment: salary,
  };
}
