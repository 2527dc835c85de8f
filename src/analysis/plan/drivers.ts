/**
 * Cost drivers (the Smarter School Spending project (Pivot Learning, 2017), step 2 "identify cost drivers"): the ratios behind the largest areas of cost, where the
 * Budget Lines allow them.
 * - Cost per student (by area and district-wide): amount ÷ the district's students (Enrollment).
 * - Students per FTE (by area; at each school over its school-based lines): students ÷ FTE. For the area that holds
 *   classroom teachers (e.g. Instruction) this is the students-per-teacher ratio.
 * - Cost per FTE: the amount of the lines that carry an FTE ÷ their FTE (lines without FTE, such as supplies, are
 *   left out so they do not inflate the cost of a position).
 * A ratio whose divisor is 0 is null (shown as "n/a"), never a made-up number.
 */
import type { Cents, District } from "../../engine/types";
import { roundFte, type BudgetTree } from "./tree";
import type { BudgetLine } from "./types";

export interface AreaDriver {
  area: string;
  amount: Cents;
  /** Share of all Budget Lines spending, 0..1. */
  share: number;
  central: Cents;
  schools: Cents;
  fte: number;
  /** Cents per student (unrounded), null without students. */
  perStudent: number | null;
  studentsPerFte: number | null;
  /** Cents per FTE over the lines that carry FTE (unrounded). */
  costPerFte: number | null;
}

/** A school's own Budget Lines spending (its formula allocation is not part of the budget tree). */
export interface SchoolDriver {
  id: string;
  name: string;
  students: number;
  amount: Cents;
  fte: number;
  perStudent: number | null;
  studentsPerFte: number | null;
}

export interface CostDrivers {
  students: number;
  amount: Cents;
  perStudent: number | null;
  fte: number;
  studentsPerFte: number | null;
  costPerFte: number | null;
  /** Central spending as a share of all spending, 0..1 (0 when there is no spending). */
  centralShare: number;
  byArea: AreaDriver[];
  bySchool: SchoolDriver[];
}

function ratio(a: number, b: number): number | null {
  return b > 0 ? a / b : null;
}

/** Cost drivers of a district's Budget Lines; `tree` is budgetTree(lines). */
export function costDrivers(district: Pick<District, "schools" | "enrollment">, lines: readonly BudgetLine[], tree: BudgetTree): CostDrivers {
  const schoolStudents = district.schools.map(() => 0);
  for (const r of district.enrollment) schoolStudents[r.schoolIndex] += r.students;
  const students = schoolStudents.reduce((a, b) => a + b, 0);

  const staffed = new Map<string, { amount: number; fte: number }>();
  let staffedAmount = 0;
  let staffedFte = 0;
  const schoolAmount = district.schools.map(() => 0);
  const schoolFte = district.schools.map(() => 0);
  for (const l of lines) {
    if (l.fte !== null && l.fte > 0) {
      const s = staffed.get(l.area) ?? { amount: 0, fte: 0 };
      s.amount += l.amount;
      s.fte += l.fte;
      staffed.set(l.area, s);
      staffedAmount += l.amount;
      staffedFte += l.fte;
    }
    if (l.schoolIndex !== null) {
      schoolAmount[l.schoolIndex] += l.amount;
      schoolFte[l.schoolIndex] += l.fte ?? 0;
    }
  }
  const byArea: AreaDriver[] = tree.areas.map((a) => {
    const s = staffed.get(a.name);
    return {
      area: a.name,
      amount: a.amount,
      share: tree.amount > 0 ? a.amount / tree.amount : 0,
      central: a.central,
      schools: a.schools,
      fte: a.fte,
      perStudent: ratio(a.amount, students),
      studentsPerFte: ratio(students, a.fte),
      costPerFte: s ? ratio(s.amount, s.fte) : null,
    };
  });
  const bySchool: SchoolDriver[] = district.schools.map((sc, i) => ({
    id: sc.id,
    name: sc.name,
    students: schoolStudents[i],
    amount: schoolAmount[i],
    fte: roundFte(schoolFte[i]),
    perStudent: ratio(schoolAmount[i], schoolStudents[i]),
    studentsPerFte: ratio(schoolStudents[i], schoolFte[i]),
  }));
  return {
    students,
    amount: tree.amount,
    perStudent: ratio(tree.amount, students),
    fte: tree.fte,
    studentsPerFte: ratio(students, tree.fte),
    costPerFte: ratio(staffedAmount, staffedFte),
    centralShare: tree.amount > 0 ? tree.central / tree.amount : 0,
    byArea,
    bySchool,
  };
}
