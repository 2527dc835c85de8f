/**
 * The words of what the input readers report (src/engine/problems.ts): what a cell, row or table should hold, what
 * was found there, and the readers' warnings. The engine hands over codes and values; every sentence is here.
 */
import { count, wholeDollars } from "../engine/money";
import { andList } from "../engine/listText";
import { planSetting, policySetting, POLICY_SETTINGS } from "../engine/policySettings";
import type {
  EligibilityProblem,
  Expectation,
  ExpectationCode,
  ExpectationValues,
  Finding,
  FindingCode,
  FindingValues,
  Limit,
  ParseWarning,
  ParseWarningValues,
  PlanYearProblem,
  RateProblem,
} from "../engine/problems";
import { isoDate } from "../engine/parse/values";
import type { Cell } from "../engine/types";

function isBlank(c: Cell | undefined): boolean {
  return c === null || c === undefined || (typeof c === "string" && c.trim() === "");
}

/** How a found value is shown in a message: "abc" (quoted), -5, TRUE, a date 2024-01-31, a blank cell. */
export function describeCell(c: Cell | undefined): string {
  if (isBlank(c)) return "a blank cell";
  if (typeof c === "string") {
    const t = c.trim();
    return `"${t.length > 60 ? t.slice(0, 57) + "..." : t}"`;
  }
  if (typeof c === "number") return Number.isFinite(c) ? String(c) : "an invalid number";
  if (typeof c === "boolean") return c ? "TRUE" : "FALSE";
  if (c instanceof Date) return `a date ${isoDate(c) ?? "an invalid date"}`;
  return "an unreadable value";
}

/** A fraction as a percent: 0.4 -> "40%". */
function percentText(fraction: number): string {
  return `${Math.round(fraction * 10000) / 100}%`;
}

const quoted = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(", ");

/** The columns a missing required table should have, in words. */
const TABLE_COLUMNS: Record<string, string> = {
  Schools: `"School ID" and "School Name"`,
  Enrollment: `"School ID", "Level", "Students" and one column per need category`,
  Weights: `"Category", "Level" and "Weight" or "Per Pupil"`,
  Revenue: `"Source" and "Amount"`,
  Spending: `"School ID", "Year", "Restricted $" and "Unrestricted $"`,
};

/** Why a cell is not a plan year, in words. */
function planYearProblemWords(p: PlanYearProblem): string {
  return p === "needsBudgetYear"
    ? `a fiscal year needs the Policy setting "Budget Year" (the fiscal year of the workbook's figures), or write the plan year (1, 2, 3...)`
    : "not a year";
}

const PROJECTION_YEAR = "a plan year (2, 3...) or a fiscal year (e.g. 2028 or 2027-28)";

function projectionKeyWords(v: ExpectationValues["projectionKey"]): string {
  const what = v.kind === "Revenue" ? "a Source from Revenue" : v.kind === "Enrollment" ? "a Level from Enrollment" : "a level (Enrollment) or a source (Revenue)";
  return v.names === undefined ? what : `${what} (${v.names.join(", ")})`;
}

const EXPECTED: { [K in ExpectationCode]: (v: ExpectationValues[K]) => string } = {
  headerOnce: () => "each column header only once",
  column: (v) => `a column "${v.column}"`,
  columnEither: (v) => `a column "${v.first}" or a column "${v.second}"`,
  table: (v) => `an Excel table or a sheet named "${v.table}" with columns ${TABLE_COLUMNS[v.table] ?? "as documented"}`,
  yesNo: () => "Yes or No (also Y/N, True/False, 1/0)",
  dollars: (v) => (v.signed ? "a dollar amount (negative below zero)" : "a dollar amount ≥ 0"),
  setting: (v) => POLICY_SETTINGS.find((s) => s.name === v.setting)?.expected ?? `a value of ${v.setting}`,
  settingOnce: () => "each setting only once",
  uniqueSchoolId: () => "a School ID not used by another school",
  schoolName: () => "the school's name",
  atLeastOneSchool: () => "at least one school (a row with a School ID)",
  balance: () => "a dollar amount (+ surplus, − deficit)",
  attendanceRate: (v) =>
    "an attendance rate above 0% and at most 100%, to at most two decimals of a percent (e.g. 93.8%)" +
    (v.school === undefined ? "" : ` for School ID ${v.school}`) +
    (v.adaLevels && v.adaLevels.length > 0 ? ` (Policy ADA Levels includes ${andList(v.adaLevels)})` : ""),
  adaLevels: (v) => `${policySetting("adaLevels").expected}; the levels are ${andList(v.levels)}`,
  needNames: () => `need category names other than "Base" and "All" (they are reserved)`,
  atLeastOneEnrollmentRow: () => "at least one enrollment row (School ID, Level, Students)",
  schoolIdInSchools: () => "a School ID listed in the Schools table",
  levelLabel: () => "a level label (e.g. Elementary)",
  levelNotAll: () => `a level label other than "All" (All is reserved for Weights rows that apply to every level)`,
  rowPerSchoolLevel: () => "one row per school and level",
  students: () => "a number of students ≥ 0",
  needStudents: () => "a number of students ≥ 0 (blank means 0)",
  atMostStudents: (v) => `at most the row's Students (${v.students})`,
  someStudents: () => "some students to allocate to",
  category: (v) => `"Base" or a need category from Enrollment (${v.categories.join(", ")})`,
  levelOrAll: (v) => `a level from Enrollment or "All" (${[...v.levels, "All"].join(", ")})`,
  rowPerCategoryLevel: () => "one row per Category and Level",
  weightNotBoth: () => "either a Weight or a Per Pupil amount, not both",
  weightOrPerPupil: () => "a Weight or a Per Pupil amount (one of the two)",
  weight: () => "a weight ≥ 0 (e.g. 1.0 for Base, 0.25 for a need)",
  perPupil: () => "a dollar amount per pupil ≥ 0",
  baseRow: (v) => `a Base row for level "${v.level}" (or a Base row for All), because ${v.level} has ${v.students} students`,
  uniqueSource: () => "a Source name not used by another row",
  revenueType: (v) => `one of ${v.options.join(", ")} (or blank)`,
  status: (v) => `one of ${v.options.join(", ")} (blank means Unlocked)`,
  amount: () => "a dollar amount ≥ 0 (e.g. 1250000 or $1,250,000)",
  share: () => "a percentage from 0% to 100% (40%, 0.4 and 40 all mean 40%)",
  lockedShare: () => "0% or blank: Locked sources are held centrally (use Unlocked or Grant to send money to schools)",
  funds: (v) => `All, Base or a need category from Enrollment (${v.needs.join(", ") || "none"})`,
  eligible: (v) =>
    `All, a list of levels (${v.levels.join(", ") || "none"}), a list of School IDs, or rules joined by "and" ` +
    `such as "Poverty % >= 40%" or "Title I = Yes" (need categories: ${v.needs.join(", ") || "none"}; ` +
    `Schools columns: ${v.columns.join(", ") || "none"})` +
    (v.problem ? `: ${eligibilityProblemWords(v.problem)}` : ""),
  atLeastOneSource: () => "at least one revenue source",
  someRevenue: () => "some revenue to allocate",
  revenueTotal: (v) => `amounts adding up to at most ${wholeDollars(v.max)}`,
  uniqueInitiative: () => "an Initiative name not used by another row",
  directCost: () => "a dollar amount ≥ 0 per year",
  staffHours: () => "a number of hours ≥ 0 (blank means 0)",
  hourlyCost: () => "a dollar amount ≥ 0 per hour (blank means $0)",
  indirectCost: () => "a dollar amount ≥ 0 per year (blank means $0)",
  learningGain: () => "a number (the learning gain per student served, in the district's unit), or blank for no outcome data",
  rating: () => "a rating from 1 to 5, or blank",
  initiativesTable: () => "an Initiatives table listing the initiatives these segments belong to",
  initiativeListed: () => "an Initiative listed in the Initiatives table",
  segment: () => "a segment name (e.g. 1+ year behind)",
  rowPerSegment: () => "one row per Initiative and Segment",
  segmentCost: () => "a dollar amount ≥ 0, or blank",
  itemStatement: () => "the item's statement (the column header it has in Survey Responses)",
  itemStatementShort: () => "the item's statement",
  component: (v) => `a component (e.g. ${v.examples.join(", ")}…)`,
  componentOrItem: (v) => `a component (e.g. ${v.examples.join(", ")}…), or the item listed in Survey Items with its component`,
  itemOnce: () => "each item only once",
  waveOnce: () => "each wave only once",
  itemColumn: () => "at least one column whose header is an Item of the Survey Items table",
  surveySchool: (v) => `a School ID listed in Schools, "${v.districtWide}", or blank for a district-wide answer`,
  response: () => "a whole number from 1 (strongly disagree) to 4 (strongly agree), or blank for no answer",
  longOrWide: (v) =>
    `a column "${v.column}" (long format: one row per answer with Item and Response), or neither (the wide export, one column per item listed in Survey Items)`,
  longOrItems: () =>
    `a column "Item" and a column "Response" (long format), or a "Survey Items" table (Item, Component) naming the item columns of this wide export`,
  respondent: () => "the respondent's id",
  role: (v) => `the respondent's role (e.g. ${v.roles.join(", ")})`,
  wave: () => "the survey wave, e.g. 2025 Fall",
  waveListed: (v) => `a wave listed in Survey Waves (${v.waves.join(", ")})`,
  answerOnce: () => "one answer per respondent, item and wave",
  outcomeSchool: () => "a School ID listed in Schools",
  year: () => "a year, e.g. 2025 or 2024-25",
  measure: () => "the measure, e.g. Reading Proficiency %",
  outcomeValue: () => "a number (e.g. 62 for 62% proficient)",
  valueOnce: () => "one value per school, year and measure",
  peerName: () => "the peer district's name",
  peerFunction: () => "a function, e.g. Transportation or Central Administration",
  fte: () => "a number of full-time equivalents ≥ 0, or blank",
  peerStudents: () => "the district's students, a number > 0",
  sameEnrollment: (v) => `the same Enrollment on every row of "${v.district}" (${v.students} on row ${v.row}), or blank`,
  peerStudentsSomewhere: (v) => `the students of "${v.district}" (a number > 0 on at least one of its rows)`,
  districtLevel: (v) => `a level of this district (${v.levels.join(", ")})`,
  districtCategory: (v) => `Base or a need category (${v.needs.join(", ")})`,
  decidedRate: (v) => `${rateProblemWords(v.problem)} for ${v.level} / ${v.category}`,
  districtSource: () => "a source of this district",
  decidedStatus: () => "Unlocked, Locked or Grant",
  decidedShare: () => "a percent between 0% and 100%",
  decidedLockedShare: () => "0% for a Locked source (Locked money is held centrally)",
  decidedFunds: (v) => `All or a need category (${v.needs.join(", ")})`,
  eligibilityText: () => "eligibility text",
  policySettings: () => "policy settings",
  budgetFunction: () => "a function name (e.g. Regular Instruction, Transportation)",
  budgetSchool: (v) => `a School ID listed in Schools, or "${v.central}"`,
  opportunityOnce: () => "an Opportunity name not used by another row",
  focusArea: () => "a focus area (e.g. Reducing operational costs)",
  savingsLow: () => "a dollar amount ≥ 0 (the low estimate of yearly savings)",
  savingsHigh: () => "a dollar amount ≥ 0 (the high estimate of yearly savings)",
  highAtLeastLow: (v) => `a dollar amount ≥ the Low estimate (${v.low})`,
  ease: () => "a whole number from 1 (hard) to 5 (easy)",
  constraint: () => `"Rigid" or "Preference" (blank means Preference)`,
  contractEnd: () => "a date (e.g. 2027-06-30 or 6/30/2027), or blank",
  opportunityStatus: (v) => `one of ${v.statuses.join(", ")} (blank means Proposed)`,
  fundsNoInitiatives: () => "blank, because the workbook has no Initiatives table to name an initiative from",
  fundsInitiative: () => "an Initiative listed in the Initiatives table, or blank",
  targetYear: (v) => `${planSetting("targetYear").expected} (${planYearProblemWords(v.problem)})`,
  targetYearOn: () => "a year from the budget year on",
  growthSetting: (v) => `"${v.setting}" alone or followed by ${v.enrollment ? "a level from Enrollment" : "a source from Revenue"} (${v.names.join(", ")})`,
  projectionYear: (v) => (v.problem === undefined ? PROJECTION_YEAR : `${PROJECTION_YEAR}: ${planYearProblemWords(v.problem)}`),
  projectionYearAfter: () => "a year after the budget year (plan year 2 on): year 1 is the workbook's own Enrollment and Revenue",
  projectionKind: () => `"Enrollment" or "Revenue"`,
  projectionKey: projectionKeyWords,
  projectionSchoolRevenue: () => "blank: revenue is projected for the district, not per school",
  projectionSchool: () => "a School ID listed in Schools, or blank for the district total of the level",
  projectionSchoolLevel: (v) => `a school with an Enrollment row at level "${v.level}"`,
  projectionRevenue: () => "a dollar amount ≥ 0 (the source's amount that year)",
  projectionOnce: () => "one row per Year, Kind, Key and School ID",
  targetWeight: () => "a weight ≥ 0 to reach by the Target Year, or blank",
  targetWeightNeedsWeight: () => "blank: a Target Weight applies to rows with a Weight (not a Per Pupil amount)",
  salaryColumns: () => `both "Actual Salaries" and "Average Salaries" columns, or neither`,
  spendingSchool: () => "a School ID listed in Schools",
  spendingYear: () => "a year, e.g. 2024 or 2023-24",
  restrictedSpending: () => "a dollar amount ≥ 0 (restricted spending)",
  unrestrictedSpending: () => "a dollar amount ≥ 0 (unrestricted spending)",
  actualSalaries: () => "a dollar amount ≥ 0 (salaries at actual cost), or blank",
  averageSalaries: () => "a dollar amount ≥ 0 (salaries at district-average cost), or blank",
  bothSalaries: (v) => `a dollar amount, because ${v.filled} is filled on this row (give both salary figures or neither)`,
  area: (v) => `one of the readiness areas ${v.areas.join(", ")}`,
  question: () => "the readiness question",
  readinessRating: () => "a whole number from 1 (not in place) to 4 (firmly in place), or blank when not rated yet",
};

/** Why a decided rate is not acceptable, in words: "a weight ≥ 0". */
export function rateProblemWords(p: RateProblem): string {
  switch (p) {
    case "weight":
      return "a weight ≥ 0";
    case "perPupil":
      return "a dollar amount per pupil ≥ 0";
    case "kind":
      return "a weight or a dollar amount per pupil";
  }
}

function limitWords(l: Limit): string {
  switch (l.code) {
    case "dollarRange":
      return `, from ${wholeDollars(-l.max)} to ${wholeDollars(l.max)}`;
    case "dollarsAtMost":
      return `, at most ${wholeDollars(l.max)}`;
    case "wholeCents":
      return ", in whole cents (at most two decimals)";
    case "studentsAtMost":
      return `, at most ${count(l.max)} in one row`;
    case "wholeStudents":
      return ", a whole number of students";
  }
}

/** What a cell, row or table should hold, in words: "a dollar amount ≥ 0, at most $1,000,000,000,000". */
export function expectationWords(x: Expectation): string {
  const words = (EXPECTED[x.code] as (v: Expectation) => string)(x);
  return x.limit ? words + limitWords(x.limit) : words;
}

/** Why an Eligible cell could not be read, in words. */
export function eligibilityProblemWords(p: EligibilityProblem): string {
  switch (p.code) {
    case "namesNothing":
      return `"${p.text}" names nothing`;
    case "mixed":
      return `"${p.text}" mixes levels and School IDs`;
    case "unknownNames":
      return `${quoted(p.names)} ${p.names.length === 1 ? "is" : "are"} neither a level nor a School ID`;
    case "notRule":
      return `"${p.text}" is not a level, a School ID or a rule like "Poverty % >= 40%"`;
    case "nothingAfter":
      return `nothing after "${p.op}" in "${p.text}"`;
    case "notPercent":
      return `"${p.value}" is not a percentage (write 40%, 40 or 0.4)`;
    case "textCompared":
      return `"${p.value}" is text, which can only be compared with = or <> (in "${p.text}")`;
    case "unknownLabel":
      return `"${p.label}" is neither a need category nor a Schools column`;
  }
}

const FOUND: { [K in FindingCode]: (v: FindingValues[K]) => string } = {
  cell: (v) => describeCell(v.value),
  given: (v) => v.text,
  noAttendanceColumn: () => "no Attendance Rate column",
  rate: (v) => `${v.fraction * 100}%`,
  notLevels: (v) => `${quoted(v.names)}, not ${v.names.length === 1 ? "a level" : "levels"} of Enrollment`,
  again: (v) => `"${v.text}" again (already on row ${v.row})`,
  headerAgain: (v) => `"${v.text}" again (it matches column ${v.letter} "${v.first}")`,
  columns: (v) => (v.headers.length === 0 ? "no column headers" : `no such column; the columns are ${quoted(v.headers)}`),
  noTable: () => "no such table or sheet in the workbook",
  noSchools: () => "no schools",
  emptyEnrollment: () => "an empty Enrollment table",
  noSources: () => "no sources",
  reservedNeed: (v) => `"${v.name}"`,
  moreStudents: (v) => `${describeCell(v.value)}, more than the ${v.students} students`,
  levelAgain: (v) => `"${v.level}" again for school "${v.school}" (already on row ${v.row})`,
  categoryNoNumbers: (v) => `"${v.text}" (the Enrollment column "${v.column}" holds no numbers)`,
  pairAgain: (v) => `"${v.first}" / "${v.second}" again (already on row ${v.row})`,
  weightAndPerPupil: (v) => `Weight ${v.weight} and Per Pupil ${v.perPupil}`,
  bothBlank: () => "both blank",
  noBaseWeight: (v) => `no Base weight for "${v.level}"`,
  lockedShare: (v) => `${v.text} (${percentText(v.share)}) on a Locked source`,
  eligible: (v) => `"${v.text}" (${eligibilityProblemWords(v.problem)})`,
  allAmountsZero: () => "every Amount in Revenue is 0",
  amountsTotal: (v) => `amounts that add up to ${wholeDollars(v.total)} (no one cell is wrong: together they are too large)`,
  allStudentsZero: () => "every Students in Enrollment is 0",
  noInitiativesTable: () => "no Initiatives table",
  segmentAgain: (v) => `"${v.segment}" again for "${v.initiative}" (already on row ${v.row})`,
  noComponent: (v) => `no Component column and "${v.item}" is not in Survey Items`,
  secondAnswer: (v) => `a second answer from "${v.respondent}" to "${v.item}" in ${v.wave} (the first is on row ${v.row})`,
  share: (v) => percentText(v.fraction),
  decided: (v) => (v.text === null ? "blank" : v.text),
  projectionAgain: (v) => `the same year, kind, key and school again (already on row ${v.row})`,
  onlyColumn: (v) => `only "${v.column}"`,
  secondValue: (v) => `a second value for ${v.school}, ${v.year}, ${v.measure} (the first is on row ${v.row})`,
};

/** What was found, in words: `"abc"`, `a blank cell`, `"101" again (already on row 2)`. */
export function findingWords(f: Finding): string {
  return (FOUND[f.code] as (v: Finding) => string)(f);
}

const WARNINGS: { [K in keyof ParseWarningValues]: (v: ParseWarningValues[K]) => string } = {
  rowSkipped: (v) =>
    `${v.table} row ${v.row} is skipped because its ${v.column} (${v.sheet}!${v.cell}) is blank, ` +
    `so its values are not used (${v.other}: ${describeCell(v.value)}).`,
  unknownSetting: (v) => `Policy row ${v.row}: the setting "${v.name}" is not one the tool uses (known: ${v.known.join(", ")}); it is kept but ignored.`,
  textColumn: (v) => `Enrollment column "${v.column}" holds no numbers, so it is not a need category.`,
  noEnrollment: (v) => `School "${v.id}" (${v.name}) has no Enrollment rows, so it receives no formula money.`,
  ignoredColumns: (v) => {
    const one = v.headers.length === 1;
    return `Survey Responses: the column${one ? "" : "s"} ${quoted(v.headers)} ${one ? "is" : "are"} not an item of Survey Items and ${one ? "is" : "are"} ignored.`;
  },
};

/** A reader's warning in words. */
export function parseWarningWords(w: ParseWarning): string {
  return (WARNINGS[w.code] as (v: ParseWarning) => string)(w);
}
