/**
 * Shared data shapes of the engine. Plain data only: no Office, no DOM, no Node I/O.
 * Money inside the engine is always a number of integer cents (`Cents`).
 */

import type { Cents } from "./money";
import type { Expectation, Finding, ParseWarning } from "./problems";

/** Money in the engine: a number of cents, its unit checked by the compiler (see money.ts). */
export type { Cents };

/** A raw cell value as read from any host (ExcelJS, Office.js, the in-memory preview). */
export type Cell = string | number | boolean | Date | null;

/** One input table as found in a workbook, before any interpretation. */
export interface RawTable {
  /** The contract name of the table, e.g. "Schools". */
  name: string;
  /** Header texts as written by the user, in sheet order. */
  headers: string[];
  /** Data rows (no header row), each aligned with `headers`. */
  rows: Cell[][];
  /**
   * Where the table sits, so that messages can name the row and column the user sees in Excel.
   * `headerRow` is the 1-based sheet row of the header; data row k (0-based) is at sheet row headerRow + 1 + k.
   * `firstColumn` is the 1-based sheet column of headers[0].
   */
  origin: { sheet: string; headerRow: number; firstColumn: number; kind: "table" | "sheet" };
}

/** Raw tables by contract name (lower-cased key), as returned by host.readTables(). */
export type RawTables = Record<string, RawTable>;

/** Where a problem is: the table, the sheet row and the column header the user sees, the cell and sheet when known. */
export interface ErrorPlace {
  table: string;
  /** Sheet row as the user sees it in Excel (1-based), or null for a table-level problem. */
  row: number | null;
  /** Header text of the column (as the user wrote it, or the contract name if missing), or null. */
  column: string | null;
  /** Sheet cell address like "C7" when known. */
  cell?: string;
  /** The sheet the problem is on, when known. */
  sheet?: string;
  /** The plan year whose allocation has the problem (multi-year plans), when it is one. */
  planYear?: { readonly year: number; readonly label: string };
}

/**
 * A problem an input reader finds in a cell, a row or a table, as data only: what should be there (`expect`, a code
 * and its values) and what is (`saw`: the cell as read, or a finding code and its values). Its words are built in
 * src/words/parseErrors.ts.
 */
export interface ParseProblem extends ErrorPlace {
  code: "input";
  expect: Expectation;
  saw: Finding;
  setting?: undefined;
  expected?: undefined;
  found?: undefined;
  causes?: undefined;
  values?: undefined;
}

/**
 * A problem of a cell or a table, with what was expected and what was found, as the reader wrote them (the readers
 * above the engine: the analyses' own tables, the hosts, the pane's saved records).
 */
export interface WordedError extends ErrorPlace {
  /** "setting" when an allocation setting cannot be met (`setting` is its registry key). */
  code?: "setting";
  setting?: string;
  expected: string;
  found: string;
  causes?: undefined;
  values?: undefined;
  expect?: undefined;
  saw?: undefined;
}

/** One input that asks the allocation to move money between schools: a policy setting or Schools' Minimum Budget. */
export type Cause = { readonly kind: "setting"; readonly setting: string; readonly row: number | null } | { readonly kind: "minimumBudget" };

/**
 * A problem the allocation finds, as data only (its words are built in src/words/errors.ts): floors, caps or
 * phase-in with no general money to move ("noGeneralMoney"), or floors the general money cannot pay ("floors",
 * `values` { available, need } in cents). `causes` are the inputs that ask for the move, in the order named.
 */
export interface AllocationProblem extends ErrorPlace {
  /**
   * Also the Foundation Per School that cannot be paid: no general source to pay it ("foundationNoPayer", `values`
   * { amount }), more than the general school pool holds ("foundationTooLarge", { amount, available, schools }), or
   * more than one paying source's pool (`source`; "foundationSource", { need, available }). And Norm Adjustment on
   * while no school has a Norm Budget ("normWithoutBudget").
   */
  code: "noGeneralMoney" | "floors" | "foundationNoPayer" | "foundationTooLarge" | "foundationSource" | "normWithoutBudget";
  /** The setting whose Policy cell the problem is reported at, when it is one (Hold Harmless for floors). */
  setting?: string;
  causes: readonly Cause[];
  values?: Readonly<Partial<Record<"available" | "need" | "amount" | "schools", Cents>>>;
  /** The source a problem is about, when it is one. */
  source?: string;
  expected?: undefined;
  found?: undefined;
  expect?: undefined;
  saw?: undefined;
}

/**
 * A located input problem. Errors are values, collected in one pass. The sentence people read is built from these
 * fields by one function, formatError in src/words/errors.ts.
 */
export type InputError = WordedError | ParseProblem | AllocationProblem;

export type Status = "Unlocked" | "Locked" | "Grant";
export type RevenueType = "Federal" | "State" | "Local" | "Private" | "Other";

export interface School {
  readonly id: string;
  readonly name: string;
  readonly current: Cents | null;
  readonly minimum: Cents | null;
  /**
   * Prior Year Balance: the school's own money carried from last year, signed cents (positive = surplus carried
   * forward, negative = deficit to repay); null when the Schools table has no such column. Never revenue of this
   * year: the allocation does not read it (see allocate/carryOver.ts).
   */
  readonly priorYear?: Cents | null;
  /**
   * Norm Budget: what the site's staffing norms cost (cents), the target of the norm-based adjustment
   * (allocate/normAdjustment.ts); null or absent when not given (no adjustment for this school).
   */
  readonly normBudget?: Cents | null;
  /** Extra columns, keyed by normalised header, value as read. */
  readonly attributes: Record<string, Cell>;
  /** Extra columns' display headers, keyed by normalised header. */
  readonly attributeHeaders: Record<string, string>;
  /** Sheet row of this school in the Schools table. */
  readonly sheetRow: number;
  /**
   * Average daily attendance rate as a fraction (0 < rate ≤ 1, at most two decimals of a percent), or null/absent
   * when not given. Used only at the levels Policy's ADA Levels names.
   */
  readonly attendance?: number | null;
  /** Where the school's Attendance Rate cell is (when the column exists), so that a problem names it. */
  readonly attendancePlace?: CellPlace;
}

export interface EnrollmentRow {
  readonly schoolId: string;
  readonly schoolIndex: number;
  readonly level: string;
  readonly levelIndex: number;
  readonly students: number;
  /** Counts aligned with District.needs. */
  readonly needs: readonly number[];
  readonly sheetRow: number;
}

/** A weight cell: either an additive weight or a fixed $ per pupil (cents, may be fractional). */
export type Rate = { readonly kind: "weight"; readonly weight: number } | { readonly kind: "perPupil"; readonly cents: Cents };

export interface Eligibility {
  /** Original text, for explanations. */
  readonly text: string;
  /** Null = all levels. */
  readonly levels: readonly string[] | null;
  /** Null = all schools. */
  readonly schoolIds: readonly string[] | null;
  /** Conjunction of attribute / need-share rules; empty = none. */
  readonly rules: readonly EligibilityRule[];
}

export interface EligibilityRule {
  /** "attribute": a Schools column; "share": a need category's share of Students, in percent (0-100). */
  readonly kind: "attribute" | "share";
  /** Normalised attribute key or need name. */
  readonly key: string;
  /** Display text of the left side. */
  readonly label: string;
  readonly op: ">=" | "<=" | ">" | "<" | "=" | "<>";
  /** Number (percent points for shares) or text (compared case-insensitively). */
  readonly value: number | string;
}

export interface Source {
  readonly name: string;
  readonly type: RevenueType | null;
  readonly restricted: boolean;
  readonly amount: Cents;
  readonly status: Status;
  /** Fraction 0..1 of Amount distributed to schools. */
  readonly schoolShare: number;
  /** "All" or the name of one need category. */
  readonly funds: string;
  readonly eligible: Eligibility;
  readonly sheetRow: number;
}

export interface Policy {
  readonly baseAmount: Cents | null;
  readonly foundationPerSchool: Cents;
  /** Fraction, e.g. 0.98 for 98% of Current Budget. */
  readonly holdHarmless: number | null;
  /** Fraction, e.g. 0.05 for at most +5% over Current Budget. */
  readonly gainCap: number | null;
  /** Fraction 0..1 of the move applied this year. */
  readonly phaseIn: number;
  readonly rounding: "cent" | "dollar";
  /** Unit of learning gain for A-ROI (free text), e.g. "effect size". */
  readonly gainUnit: string;
  /**
   * The unlocked pool (cents) at which the weights turn on; while the pool is below it, schools keep their current
   * unrestricted budgets scaled to the general money. Null or absent = the weights are on.
   */
  readonly revenueTrigger?: Cents | null;
  /**
   * Levels funded on average daily attendance instead of enrollment (their Base students × the school's
   * Attendance Rate), as written: level names separated by commas. Null or absent = none.
   */
  readonly adaLevels?: string | null;
  /**
   * Norm Adjustment: the share (0..1) of the gap between each school's Norm Budget and its formula non-grant money
   * added to its target, budget-neutrally (allocate/normAdjustment.ts). 0 or absent = off.
   */
  readonly normAdjustment?: number;
  /** Every setting as written (normalised key -> raw value), including ones the engine does not use. */
  readonly raw: Readonly<Record<string, Cell>>;
  /** Where each setting of the Policy table was read (its Value cell), so that a problem names the row to fix. */
  readonly places?: Partial<Record<string, CellPlace>>;
}

/** A cell of an input table: its sheet row, the column header as written, the A1 address and the sheet. */
export interface CellPlace {
  readonly row: number;
  readonly column: string;
  readonly cell: string;
  readonly sheet?: string;
}

export interface Initiative {
  readonly name: string;
  readonly department: string;
  readonly coordinator: string;
  readonly schools: string;
  readonly strategicPriority: string;
  readonly targetPopulation: string;
  readonly definitionOfSuccess: string;
  readonly directCost: Cents;
  readonly staffHours: number;
  readonly hourlyCost: Cents;
  readonly indirectCost: Cents;
  readonly studentsServed: number;
  /** Null when there is no outcome data. */
  readonly learningGain: number | null;
  readonly importance: number | null;
  readonly effectiveness: number | null;
  /** Extra columns kept as read. */
  readonly attributes: Readonly<Record<string, Cell>>;
  readonly sheetRow: number;
}

export interface InitiativeSegment {
  readonly initiative: string;
  readonly segment: string;
  readonly studentsServed: number;
  readonly learningGain: number | null;
  readonly cost: Cents | null;
  readonly sheetRow: number;
}

export interface District {
  readonly schools: readonly School[];
  /** Level labels in display order (first = the reference level for weights). */
  readonly levels: readonly string[];
  /** Need category names in Enrollment column order. */
  readonly needs: readonly string[];
  readonly enrollment: readonly EnrollmentRow[];
  /** rates[levelIndex][category] where category 0 = Base, 1.. = needs[k-1]; null = no rate (0). */
  readonly rates: readonly (readonly (Rate | null)[])[];
  readonly sources: readonly Source[];
  readonly policy: Policy;
  readonly initiatives: readonly Initiative[] | null;
  readonly segments: readonly InitiativeSegment[] | null;
}

export type ParseResult = { ok: true; district: District; warnings: ParseWarning[] } | { ok: false; errors: InputError[] };

/** Which rule, if any, moved a school away from its formula ("turned-on") amount. */
export type Adjustment = "MOB" | "Hold harmless" | "Gain cap" | "Phase-in" | "Revenue trigger" | "Rescaled" | "Norm adjustment" | null;

export interface SourceResult {
  name: string;
  status: Status;
  restricted: boolean;
  funds: string;
  amount: Cents;
  /** Held centrally by School Share / Locked status. */
  central: Cents;
  /** Amount - central. */
  schoolPool: Cents;
  /** Part of the pool paid out as foundation. */
  foundation: Cents;
  /**
   * Part of the pool kept centrally: what the fixed formula did not need, a pool nobody was eligible for, money
   * capped away from schools, and the rounding remainder below.
   */
  surplus: Cents;
  /**
   * Part of `surplus` left by rounding: solved rates are whole cents (each cell's rate is base × weight rounded
   * down, each line rounded to the unit), and a general source's budget-neutral amounts are rounded school by
   * school (neutrality.ts, paidFactor): the central rounding remainder, shown as its own line.
   */
  remainder: Cents;
  /** Status Grant: paid on top of the other sources by its own solved rates, never moved by floors or caps. */
  grant: boolean;
  /** Per school, what the pool could not pay of its fixed-rate lines (≥ 0, its own labelled line), or null. */
  shortfallBySchool: readonly Cents[] | null;
  /** Sum over schools of the final allocation from this source. */
  toSchools: Cents;
  /** Per school, final cents (aligned with District.schools). */
  bySchool: Cents[];
  /** Per school, formula result before floors/caps/phase-in. */
  turnedOnBySchool: Cents[];
  /** $ per weighted pupil solved for this source (cents), or null for fixed-rate formulas. */
  base: Cents | null;
  /** Whether floors/caps/phase-in may move this source's money between schools (and it pays the foundation). */
  general: boolean;
  /**
   * Per school, this source's part of the school's norm-based adjustment (its own explanation line; the rest of the
   * source's change is the rescaling, floor or cap line), or null when no norm adjustment applies.
   */
  normBySchool: Cents[] | null;
  /** Foundation paid by this source to each school that receives a foundation (cents). */
  foundationPerSchool: Cents;
  /** Part of the fixed-rate formula paid by this source (cents), 0 in weight mode. */
  fixedPaid: Cents;
}

export interface SchoolResult {
  id: string;
  name: string;
  students: number;
  total: Cents;
  turnedOn: Cents;
  current: Cents | null;
  minimum: Cents | null;
  adjustment: Adjustment;
  /** Formula cost not covered by any source (fixed-rate formulas only). */
  unfunded: Cents;
  /** total / students, in cents (not rounded), or 0 when no students. */
  perPupil: Cents;
  /** Foundation received (cents). */
  foundation: Cents;
  /** Bounds that applied: floor (max of MOB and hold harmless) and ceiling (gain cap), cents or null. */
  floor: Cents | null;
  ceiling: Cents | null;
  /**
   * Carried from the prior year (signed cents: + surplus, − deficit), or null when the Schools table has no Prior
   * Year Balance column. Not part of `total`, which is always this year's allocation.
   */
  carryOver: Cents | null;
  /** Available to spend: total + carryOver, or null without a Prior Year Balance column. */
  available: Cents | null;
  /** The school's Norm Budget (cents), or null when not given. */
  normBudget: Cents | null;
  /**
   * The norm-based adjustment added to the school's target: share × (Norm Budget − formula non-grant money),
   * rounded half-up to the unit (cents, signed); null when the rule does not apply to the school.
   */
  normAdjustment: Cents | null;
  /** The formula non-grant money the norm adjustment compared with the Norm Budget (cents), or null. */
  normFormula: Cents | null;
}

export interface Matrix {
  levels: string[];
  /** "Base" then the needs. */
  categories: string[];
  /** perPupil[level][category]: cents per pupil for a school eligible for every source. */
  perPupil: Cents[][];
  /**
   * Effective weights: weights[level][category] = perPupil / perPupil[0][0], the $ of every source (restricted and
   * grants included) relative to the first level's Base.
   */
  weights: number[][];
  /** Nominal weights as entered in the Weights table (null for a Per Pupil cell or no rate). */
  nominal: (number | null)[][];
  /** bySource[s][level][category]: whole cents per pupil from source s (the rate its lines use). */
  bySource: Cents[][][];
}

/**
 * The whole-cent rates every line uses (see explain.ts): cell[s][level * nCats + category] for solved rates,
 * row[s][row * nCats + category] for the fixed-rate cells a source pays (null when it pays none).
 */
export interface Rates {
  readonly cell: readonly Float64Array[];
  readonly row: readonly (Float64Array | null)[];
}

export interface Allocation {
  district: District;
  sources: SourceResult[];
  schools: SchoolResult[];
  matrix: Matrix;
  totals: { revenue: Cents; central: Cents; schools: Cents; surplus: Cents; unfunded: Cents; remainder: Cents };
  /** Factor applied to general money of unconstrained schools to keep floors/caps budget-neutral (1 = none). */
  neutralityFactor: number;
  /** Whether the weights decide the general money (false while the Revenue Trigger is not reached). */
  weightsOn: boolean;
  rates: Rates;
  warnings: AllocationWarning[];
  /**
   * Problems that make the decisions impossible to carry out (e.g. floors that cost more than the flexible pool,
   * a foundation larger than the unlocked pool). When non-empty the figures must not be written anywhere.
   */
  errors: InputError[];
}

/**
 * Something the allocation did that the district should know, as a code and figures (cents); the words are in
 * src/words/allocation.ts (allocationWarningText).
 */
export type AllocationWarning =
  /** Every school is held at its gain cap: `held` of general money stays central. */
  | { code: "gainCapHeld"; held: Cents }
  /** The fixed $ per pupil formula costs more than the sources can pay: `unfunded` in all (shown per school). */
  | { code: "unfunded"; unfunded: Cents }
  /** A source has no eligible weighted pupils for its `category` (null: the whole formula): its `pool` stays central. */
  | { code: "noEligiblePupils"; source: string; category: string | null; pool: Cents };

/** A rule's structured explanation (codes and numbers; the words are in src/words/allocation.ts). */
export interface RuleNote {
  code: "mob" | "holdHarmless" | "gainCap";
  /** Cents for money, fractions for shares. */
  values: Readonly<Record<string, number>>;
}

/**
 * One line of a school's explanation: count × rate = amount (rate in whole cents, amount rounded half-up to the
 * rounding unit), or a labelled amount: the foundation, a fixed-rate shortfall, or an adjustment (`rule`). Data
 * only: the line in words is lineText (src/words/allocation.ts).
 */
export interface Line {
  source: string;
  kind: "formula" | "attendance" | "foundation" | "shortfall" | "adjustment";
  /** For adjustment lines, the rule that moved the money. */
  rule?: Adjustment;
  level: string | null;
  category: string | null;
  count: number | null;
  /** Whole cents per pupil for formula lines. */
  rate: Cents | null;
  amount: Cents;
  /**
   * Attendance lines only: the enrolled students, the school's attendance rate (fraction) and the students funded
   * (enrolled × rate rounded half-up to hundredths); the line's count is funded − enrolled (≤ 0).
   */
  attendance?: { enrolled: number; rate: number; funded: number };
  /**
   * Norm-based adjustment lines only: the share, the school's Norm Budget and formula non-grant money (cents), and
   * the school's whole adjustment = share × (budget − formula) rounded to the unit (this line is the source's part).
   */
  norm?: { share: number; budget: Cents; formula: Cents; amount: Cents };
}
