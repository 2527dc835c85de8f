/**
 * Breakdowns of the inventory (DMGroup, Strategic Budgeting (2023), "Gaining Insights from the Initiatives Inventory"): by Strategic
 * Priority, Department, Target Population and School. Each group shows its fully loaded cost, students
 * served, number of initiatives, and the cost-weighted A-ROI of the initiatives in it that have one:
 *
 *   group A-ROI = Σ (A-ROI × cost) ÷ Σ cost, over the group's initiatives with a known A-ROI
 *              = Σ (gain × students) ÷ Σ cost in dollars (same unit as A-ROI).
 *
 * Blank fields fall in the group "(not given)". Groups match case-insensitively (first spelling shown) and
 * are listed by cost, largest first, then by name.
 *
 * School breakdown: the Schools field is a list of School IDs (separated by commas, semicolons, "|" or line
 * breaks; repeats ignored) or "All". An initiative in several schools has its cost and its students split
 * evenly across them by largest remainder (whole cents, whole students when the count is whole): the first
 * schools in listed order get the left-over cent or student. "All" means every school of the district, in
 * district order, when the school list is known; otherwise it stays as one group "All schools". Each school's
 * group counts the initiative once. The costs of every breakdown add up to the inventory cost exactly.
 */
import type { Cents, Initiative } from "../../engine/types";
import { compareNames } from "./aroi";
import { splitEvenly } from "./split";

export type BreakdownKey = "strategicPriority" | "department" | "targetPopulation" | "school";

export const BREAKDOWN_LABELS: Record<BreakdownKey, string> = {
  strategicPriority: "Strategic Priority",
  department: "Department",
  targetPopulation: "Target Population",
  school: "School",
};

export const NOT_GIVEN = "(not given)";
export const ALL_SCHOOLS = "All schools";

export interface BreakdownItem {
  initiative: Initiative;
  /** Fully loaded cost in cents. */
  total: Cents;
  /** A-ROI (gain-units × students per dollar) or null. */
  aroi: number | null;
}

export interface BreakdownRow {
  group: string;
  initiatives: number;
  cost: Cents;
  students: number;
  /** Cost of the group's initiatives with a known A-ROI. */
  costWithAroi: Cents;
  /** Cost-weighted A-ROI per dollar, null when no initiative in the group has one. */
  aroi: number | null;
  per1000: number | null;
}

export interface Breakdown {
  key: BreakdownKey;
  label: string;
  rows: BreakdownRow[];
  totalCost: Cents;
  totalStudents: number;
}

/** The schools an initiative's Schools field names; `allSchools` expands "All". */
export function schoolsOf(text: string, allSchools?: readonly string[]): string[] {
  const t = text.trim();
  if (t === "") return [NOT_GIVEN];
  if (t.toLowerCase() === "all" || t.toLowerCase() === "all schools") {
    return allSchools && allSchools.length ? dedupe(allSchools) : [ALL_SCHOOLS];
  }
  const parts = dedupe(t.split(/[,;|\n\r]+/).map((s) => s.trim()).filter((s) => s !== ""));
  return parts.length ? parts : [NOT_GIVEN];
}

function dedupe(xs: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const x of xs) {
    if (!seen.has(x)) {
      seen.add(x);
      out.push(x);
    }
  }
  return out;
}

/** Students split like cents when whole, else in equal fractions. */
function splitStudents(students: number, n: number): number[] {
  return Number.isInteger(students) ? splitEvenly(students, n) : new Array<number>(n).fill(students / n);
}

interface Acc {
  group: string;
  initiatives: number;
  cost: Cents;
  students: number;
  costWithAroi: Cents;
  weighted: number;
}

/** One breakdown of the inventory. */
export function breakdownBy(items: readonly BreakdownItem[], key: BreakdownKey, allSchools?: readonly string[]): Breakdown {
  const groups = new Map<string, Acc>();
  const add = (name: string, cost: Cents, students: number, aroi: number | null) => {
    const k = name.toLowerCase();
    let g = groups.get(k);
    if (!g) {
      g = { group: name, initiatives: 0, cost: 0, students: 0, costWithAroi: 0, weighted: 0 };
      groups.set(k, g);
    }
    g.initiatives++;
    g.cost += cost;
    g.students += students;
    if (aroi !== null) {
      g.costWithAroi += cost;
      g.weighted += aroi * cost;
    }
  };
  for (const it of items) {
    const i = it.initiative;
    if (key === "school") {
      const schools = schoolsOf(i.schools, allSchools);
      const costs = splitEvenly(it.total, schools.length);
      const students = splitStudents(i.studentsServed, schools.length);
      schools.forEach((s, k) => add(s, costs[k], students[k], it.aroi));
    } else {
      const text = (i[key] ?? "").trim();
      add(text === "" ? NOT_GIVEN : text, it.total, i.studentsServed, it.aroi);
    }
  }
  const rows: BreakdownRow[] = Array.from(groups.values())
    .map((g) => {
      const aroi = g.costWithAroi > 0 ? g.weighted / g.costWithAroi : null;
      return {
        group: g.group,
        initiatives: g.initiatives,
        cost: g.cost,
        students: g.students,
        costWithAroi: g.costWithAroi,
        aroi,
        per1000: aroi === null ? null : aroi * 1000,
      };
    })
    .sort((a, b) => b.cost - a.cost || compareNames(a.group, b.group));
  return {
    key,
    label: BREAKDOWN_LABELS[key],
    rows,
    totalCost: items.reduce((s, it) => s + it.total, 0),
    totalStudents: items.reduce((s, it) => s + it.initiative.studentsServed, 0),
  };
}

/** The four breakdowns, in the order Strategic Priority, Department, Target Population, School. */
export function breakdowns(items: readonly BreakdownItem[], allSchools?: readonly string[]): Breakdown[] {
  return (["strategicPriority", "department", "targetPopulation", "school"] as BreakdownKey[]).map((k) =>
    breakdownBy(items, k, allSchools),
  );
}
