/**
 * Data shapes of resource tradeoffs and multi-year planning (issue 8): the optional Budget Lines, Opportunities
 * and Projections tables, the planning settings of the Policy table, and the Weights table's Target Weight column.
 * Plain data only; money in integer cents.
 */
import type { Cents } from "../../engine/types";

/** One row of the optional `Budget Lines` table: spending on one fund / area / function / object at one place. */
export interface BudgetLine {
  fund: string;
  /** The area (e.g. Instruction, Operations); the Function when the Area cell is blank or the column is absent. */
  area: string;
  function: string;
  /** The object of spending (e.g. Salaries, Benefits); "(not given)" when blank. */
  object: string;
  /** School ID as the Schools table spells it, or null for central spending. */
  schoolId: string | null;
  /** Index into District.schools, or null for central spending. */
  schoolIndex: number | null;
  amount: Cents;
  /** Full-time equivalents paid by this line, or null when not given. */
  fte: number | null;
  sheetRow: number;
}

export type ConstraintKind = "Rigid" | "Preference";
export type OpportunityStatus = "Proposed" | "Approved" | "Funded" | "Implemented" | "Rejected";

/** A calendar date without a time zone. */
export interface CalendarDate {
  y: number;
  /** 1-12 */
  m: number;
  /** 1-31 */
  d: number;
}

/** One row of the optional `Opportunities` table: a savings opportunity (the Smarter School Spending project's screening & sizing tool). */
export interface Opportunity {
  name: string;
  area: string;
  low: Cents;
  high: Cents;
  /** 1 (hard) to 5 (easy). */
  ease: number;
  constraint: ConstraintKind;
  contractEnd: CalendarDate | null;
  owner: string;
  status: OpportunityStatus;
  /** The initiative the savings pay for, as the Initiatives table spells it, or null (shared by the expand candidates). */
  funds: string | null;
  sheetRow: number;
}

export type ProjectionKind = "Enrollment" | "Revenue";

/** One row of the optional `Projections` table: a value that replaces the growth assumption for one year. */
export interface Projection {
  /** Plan year, 1-based (year 1 is the workbook's own figures, so overrides start at year 2). */
  year: number;
  kind: ProjectionKind;
  /** Level index (Enrollment) or source index (Revenue) in the District. */
  key: number;
  /** School index for a school's own enrollment at that level, or null for the district total of the level. */
  schoolIndex: number | null;
  /** Students (Enrollment) or cents (Revenue). */
  value: number;
  sheetRow: number;
}

/** Planning settings read from the Policy table (defaults when absent). */
export interface PlanSettings {
  /** The fiscal year of the workbook's figures, named by the calendar year it ends in (2027 = 2026-27); null = not given. */
  budgetYear: number | null;
  /** First month of the fiscal year (1-12); default 7 (July to June). */
  fiscalYearStart: number;
  /** Number of plan years (Policy `Plan Years`, default 5; the CLI's --years overrides it). */
  years: number;
  /** Growth per year as a fraction, aligned with District.levels. */
  enrollmentGrowth: number[];
  /** Growth per year as a fraction, aligned with District.sources. */
  revenueGrowth: number[];
  /** Plan year (1-based) by which Target Weights are reached; null = the last plan year. */
  targetYear: number | null;
  /** Percent points (as a fraction, 0.02 = 2 points) by which Hold Harmless falls each year after the weights turn on. */
  holdHarmlessDecay: number;
  /** The unlocked pool at which the weights turn on; null = on from year 1. */
  revenueTrigger: Cents | null;
}

/** Everything the planning features read besides the District. */
export interface Planning {
  budgetLines: BudgetLine[] | null;
  opportunities: Opportunity[] | null;
  projections: Projection[];
  settings: PlanSettings;
  /** Target weights aligned with District.rates ([level][category]); null = no target for that cell. */
  targets: (number | null)[][];
}
