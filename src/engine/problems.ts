/**
 * What the readers of the input tables report, as data only: what a cell, row or table should hold (an expectation
 * code and its figures) and what was found there (the cell as read, or a finding code and its figures). Parse
 * warnings are data too, and so are a scenario's decisions that do not fit a district and a saved scenario that
 * cannot be read. Their sentences are built in src/words (parseErrors.ts, decisions.ts); the engine writes none.
 */
/** A raw cell value, as types.ts's Cell (repeated here: types.ts builds its problems from this file). */
type Cell = string | number | boolean | Date | null;

/** The values of a code that needs none. */
type NoValues = Record<never, never>;

/** Expectation codes and their values. */
export interface ExpectationValues {
  // Any table
  headerOnce: NoValues;
  column: { column: string };
  columnEither: { first: string; second: string };
  table: { table: string };
  yesNo: NoValues;
  dollars: { signed?: boolean };
  setting: { setting: string };
  settingOnce: NoValues;
  // Schools
  uniqueSchoolId: NoValues;
  schoolName: NoValues;
  atLeastOneSchool: NoValues;
  balance: NoValues;
  /** With `school`: the school whose rate it is; with `adaLevels`, the ADA levels that need it. */
  attendanceRate: { school?: string; adaLevels?: readonly string[] };
  /** Policy's ADA Levels: names of this district's levels. */
  adaLevels: { levels: readonly string[] };
  // Enrollment
  needNames: NoValues;
  atLeastOneEnrollmentRow: NoValues;
  schoolIdInSchools: NoValues;
  levelLabel: NoValues;
  levelNotAll: NoValues;
  rowPerSchoolLevel: NoValues;
  students: NoValues;
  needStudents: NoValues;
  atMostStudents: { students: number };
  someStudents: NoValues;
  // Weights
  category: { categories: readonly string[] };
  levelOrAll: { levels: readonly string[] };
  rowPerCategoryLevel: NoValues;
  weightNotBoth: NoValues;
  weightOrPerPupil: NoValues;
  weight: NoValues;
  perPupil: NoValues;
  baseRow: { level: string; students: number };
  // Revenue
  uniqueSource: NoValues;
  revenueType: { options: readonly string[] };
  status: { options: readonly string[] };
  amount: NoValues;
  share: NoValues;
  lockedShare: NoValues;
  funds: { needs: readonly string[] };
  /** With `problem`: the accepted forms, then why the text given is none of them (a scenario's Eligible text). */
  eligible: { levels: readonly string[]; needs: readonly string[]; columns: readonly string[]; problem?: EligibilityProblem };
  atLeastOneSource: NoValues;
  someRevenue: NoValues;
  revenueTotal: { max: number };
  // Initiatives and Initiative Segments
  uniqueInitiative: NoValues;
  directCost: NoValues;
  staffHours: NoValues;
  hourlyCost: NoValues;
  indirectCost: NoValues;
  learningGain: NoValues;
  rating: NoValues;
  initiativesTable: NoValues;
  initiativeListed: NoValues;
  segment: NoValues;
  rowPerSegment: NoValues;
  segmentCost: NoValues;
  // Survey Responses, Survey Items, Survey Waves
  itemStatement: NoValues;
  itemStatementShort: NoValues;
  component: { examples: readonly string[] };
  componentOrItem: { examples: readonly string[] };
  itemOnce: NoValues;
  waveOnce: NoValues;
  itemColumn: NoValues;
  surveySchool: { districtWide: string };
  response: NoValues;
  longOrWide: { column: string };
  longOrItems: NoValues;
  respondent: NoValues;
  role: { roles: readonly string[] };
  wave: NoValues;
  waveListed: { waves: readonly string[] };
  answerOnce: NoValues;
  // Outcomes
  outcomeSchool: NoValues;
  year: NoValues;
  measure: NoValues;
  outcomeValue: NoValues;
  valueOnce: NoValues;
  // Peers
  peerName: NoValues;
  peerFunction: NoValues;
  fte: NoValues;
  peerStudents: NoValues;
  sameEnrollment: { district: string; students: number; row: number };
  peerStudentsSomewhere: { district: string };
  // A scenario's decisions applied to a district (src/engine/decisions.ts)
  districtLevel: { levels: readonly string[] };
  districtCategory: { needs: readonly string[] };
  decidedRate: { problem: RateProblem; level: string; category: string };
  districtSource: NoValues;
  decidedStatus: NoValues;
  decidedShare: NoValues;
  decidedLockedShare: NoValues;
  decidedFunds: { needs: readonly string[] };
  eligibilityText: NoValues;
  policySettings: NoValues;
  // Budget Lines (src/analysis/parse/budgetLines.ts)
  budgetFunction: NoValues;
  budgetSchool: { central: string };
  // Opportunities (src/analysis/parse/opportunities.ts)
  opportunityOnce: NoValues;
  focusArea: NoValues;
  savingsLow: NoValues;
  savingsHigh: NoValues;
  /** `low`: the Low estimate as written. */
  highAtLeastLow: { low: string };
  ease: NoValues;
  constraint: NoValues;
  contractEnd: NoValues;
  opportunityStatus: { statuses: readonly string[] };
  fundsNoInitiatives: NoValues;
  fundsInitiative: NoValues;
  // Planning: Projections, the Policy planning settings, Target Weight (src/analysis/parse/projections.ts)
  /** `problem`: why the Target Year is not a year. */
  targetYear: { problem: PlanYearProblem };
  targetYearOn: NoValues;
  /** `setting`: Enrollment Growth or Revenue Growth; `names`: the district's levels (enrollment) or sources. */
  growthSetting: { setting: string; enrollment: boolean; names: readonly string[] };
  projectionYear: { problem?: PlanYearProblem };
  projectionYearAfter: NoValues;
  projectionKind: NoValues;
  /** `kind` when the row's Kind was read; `names`: the district's levels or sources when the key is none of them. */
  projectionKey: { kind?: "Enrollment" | "Revenue"; names?: readonly string[] };
  projectionSchoolRevenue: NoValues;
  projectionSchool: NoValues;
  projectionSchoolLevel: { level: string };
  projectionRevenue: NoValues;
  projectionOnce: NoValues;
  targetWeight: NoValues;
  targetWeightNeedsWeight: NoValues;
  // Spending (src/analysis/parse/spending.ts)
  salaryColumns: NoValues;
  spendingSchool: NoValues;
  spendingYear: NoValues;
  restrictedSpending: NoValues;
  unrestrictedSpending: NoValues;
  actualSalaries: NoValues;
  averageSalaries: NoValues;
  /** `filled`: the other salary column, filled on the row. */
  bothSalaries: { filled: string };
  // Readiness
  area: { areas: readonly string[] };
  question: NoValues;
  readinessRating: NoValues;
}

export type ExpectationCode = keyof ExpectationValues;

/** A bound a number broke, said after what was expected ("…, at most $1,000,000,000,000"). */
export type Limit =
  | { readonly code: "dollarRange"; readonly max: number }
  | { readonly code: "dollarsAtMost"; readonly max: number }
  | { readonly code: "wholeCents" }
  | { readonly code: "studentsAtMost"; readonly max: number }
  | { readonly code: "wholeStudents" };

/** What a cell, row or table should hold: a code, its values, and the bound that was broken when it is one. */
export type Expectation = { [K in ExpectationCode]: Readonly<{ code: K; limit?: Limit } & ExpectationValues[K]> }[ExpectationCode];

/** Why an Eligible cell could not be read. */
export type EligibilityProblem =
  | { readonly code: "namesNothing"; readonly text: string }
  | { readonly code: "mixed"; readonly text: string }
  | { readonly code: "unknownNames"; readonly names: readonly string[] }
  | { readonly code: "notRule"; readonly text: string }
  | { readonly code: "nothingAfter"; readonly op: string; readonly text: string }
  | { readonly code: "notPercent"; readonly value: string }
  | { readonly code: "textCompared"; readonly value: string; readonly text: string }
  | { readonly code: "unknownLabel"; readonly label: string };

/** Finding codes and their values. */
export interface FindingValues {
  /** The cell as read (the usual finding). */
  cell: { value: Cell };
  /** A value shown as it was given, unquoted (a scenario file's text). */
  given: { text: string };
  noAttendanceColumn: NoValues;
  /** A rate already read (a fraction), shown as a percent the way it was computed. */
  rate: { fraction: number };
  notLevels: { names: readonly string[] };
  again: { text: string; row: number };
  headerAgain: { text: string; letter: string; first: string };
  columns: { headers: readonly string[] };
  noTable: NoValues;
  noSchools: NoValues;
  emptyEnrollment: NoValues;
  noSources: NoValues;
  reservedNeed: { name: string };
  moreStudents: { value: Cell; students: number };
  levelAgain: { level: string; school: string; row: number };
  categoryNoNumbers: { text: string; column: string };
  pairAgain: { first: string; second: string; row: number };
  weightAndPerPupil: { weight: string; perPupil: string };
  bothBlank: NoValues;
  noBaseWeight: { level: string };
  lockedShare: { text: string; share: number };
  eligible: { text: string; problem: EligibilityProblem };
  allAmountsZero: NoValues;
  amountsTotal: { total: number };
  allStudentsZero: NoValues;
  noInitiativesTable: NoValues;
  segmentAgain: { segment: string; initiative: string; row: number };
  noComponent: { item: string };
  secondAnswer: { respondent: string; item: string; wave: string; row: number };
  secondValue: { school: string; year: string; measure: string; row: number };
  /** A share given as a fraction, shown as a percent (0.4 -> 40%). */
  share: { fraction: number };
  /** A decided value as text, or null for none (shown as blank). */
  decided: { text: string | null };
  /** A second Projections row for the same year, kind, key and school. */
  projectionAgain: { row: number };
  /** Only one of two columns that come together. */
  onlyColumn: { column: string };
}

export type FindingCode = keyof FindingValues;

/** What was found where something else was expected. */
export type Finding = { [K in FindingCode]: Readonly<{ code: K } & FindingValues[K]> }[FindingCode];

/** Warning codes of the readers and their values. */
export interface ParseWarningValues {
  rowSkipped: { table: string; row: number; column: string; sheet: string; cell: string; other: string; value: Cell };
  unknownSetting: { row: number; name: string; known: readonly string[] };
  textColumn: { column: string };
  noEnrollment: { id: string; name: string };
  ignoredColumns: { headers: readonly string[] };
}

/** Something a reader notes without stopping: a code and its values. */
export type ParseWarning = { [K in keyof ParseWarningValues]: Readonly<{ code: K } & ParseWarningValues[K]> }[keyof ParseWarningValues];

/** Why a cell is not a plan year: a fiscal year without the Policy's Budget Year, or not a year at all. */
export type PlanYearProblem = "needsBudgetYear" | "notYear";

/** The cell as the finding: the usual one. */
export function cellFinding(value: Cell | undefined): Finding {
  return { code: "cell", value: value === undefined ? null : value };
}

/** Why a decided rate is not acceptable: a weight that is not ≥ 0, a per-pupil amount that is not ≥ 0, neither kind. */
export type RateProblem = "weight" | "perPupil" | "kind";

/** Why a rate of a saved scenario is not one: not an object, a weight or per-pupil amount that is no number, no kind. */
export type ScenarioRateProblem = "notRate" | "weight" | "perPupil" | "kind";

/**
 * Why a saved scenario (the decisions as JSON) cannot be read: a code and its values. Its words are built in
 * src/words/decisions.ts.
 */
export type ScenarioFileProblem =
  | { readonly code: "notJson" }
  | { readonly code: "notObject" }
  | { readonly code: "format"; readonly format: string }
  | { readonly code: "version"; readonly version: string; readonly supported: number }
  | { readonly code: "levels" }
  | { readonly code: "categories" }
  | { readonly code: "rateRows" }
  | { readonly code: "rateCells"; readonly row: number }
  | { readonly code: "rate"; readonly level: string; readonly category: string; readonly problem: ScenarioRateProblem }
  | { readonly code: "sources" }
  | { readonly code: "sourceObject"; readonly source: number }
  | { readonly code: "sourceName"; readonly source: number }
  | { readonly code: "sourceStatus" | "sourceShare" | "sourceFunds" | "sourceEligible"; readonly name: string }
  | { readonly code: "policy" }
  /** `setting`: the registry key of a pane setting whose saved value has the wrong form. */
  | { readonly code: "policySetting"; readonly setting: string };
