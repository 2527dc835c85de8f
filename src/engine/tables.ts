/**
 * The input-tables registry: every table a workbook may hold and its columns, declared once. The parsers read
 * their columns from here, the hosts and the .xlsx reader look for these names, the pane's blank templates and the
 * sample are built from them, and the tables in docs/CONTRACT.md are generated from them.
 */

/** The workbook contract's tables, in contract order (also the order problems are reported in). */
export const CONTRACT_TABLES = ["Schools", "Enrollment", "Weights", "Revenue", "Policy", "Initiatives", "Initiative Segments"] as const;

/**
 * The project's further optional tables: actual spending (equity), planning (budget tree, savings, projections),
 * stakeholder surveys and the readiness inventory, peer districts, and school outcomes.
 */
export const EXTRA_TABLES = [
  "Spending",
  "Budget Lines",
  "Opportunities",
  "Projections",
  "Survey Responses",
  "Survey Items",
  "Survey Waves",
  "Readiness",
  "Peers",
  "Outcomes",
] as const;

/** Every input table a workbook may hold, contract tables first. */
export const INPUT_TABLES = [...CONTRACT_TABLES, ...EXTRA_TABLES] as const;

export type InputTable = (typeof INPUT_TABLES)[number];

/** One column of an input table. */
export interface ColumnSpec {
  /** The header as the contract writes it, e.g. "School ID". */
  name: string;
  required?: boolean;
  /** Other accepted header spellings (matched like the header: case, spaces, "_", "-" and a unit mark ignored). */
  aliases?: string[];
  /** What the column holds, in a few words (the docs' table). */
  meaning?: string;
}

/** One input table. */
export interface TableSpec {
  name: InputTable;
  /** Required tables stop a run when missing; optional ones turn a feature on. */
  required: boolean;
  /** What the table is for, in one sentence (the docs). */
  purpose: string;
  /** The columns the tool reads (template and docs order). */
  columns: readonly ColumnSpec[];
  /** What any other column means (the docs), when other columns are read. */
  otherColumns?: string;
}

const SCHOOLS: TableSpec = {
  name: "Schools",
  required: true,
  purpose: "One row per school.",
  columns: [
    { name: "School ID", required: true, meaning: "unique text key" },
    { name: "School Name", required: true, meaning: "the name shown everywhere" },
    { name: "Current Budget", meaning: "this year's discretionary budget, $ (for comparison and hold harmless)" },
    { name: "Minimum Budget", meaning: "minimum operating budget (MOB), $" },
    {
      name: "Attendance Rate",
      aliases: ["ADA Rate", "Average Daily Attendance", "Average Daily Attendance Rate"],
      meaning: "average daily attendance as a percent of enrollment (e.g. 93.8%), needed at the levels Policy's ADA Levels names",
    },
    {
      name: "Prior Year Balance",
      aliases: ["Carryover"],
      meaning: "last year's balance, $ (+ surplus, − deficit)",
    },
    {
      name: "Norm Budget",
      aliases: ["Norm Based Budget"],
      meaning: "cost of the site's staffing norms, $",
    },
  ],
  otherColumns: "an attribute of the school, e.g. `Title I` = Yes/No, usable in eligibility rules",
};

const ENROLLMENT: TableSpec = {
  name: "Enrollment",
  required: true,
  purpose: "One row per school per level (a K-8 school has an Elementary row and a Middle row).",
  columns: [
    { name: "School ID", required: true, meaning: "a School ID of the Schools table" },
    { name: "Level", required: true, meaning: "the schooling level, any labels (Elementary, Middle, High, K-2…)" },
    { name: "Students", required: true, meaning: "projected headcount at that level, a whole number" },
  ],
  otherColumns: "a column holding numbers is a need category count (Poverty, English Learner…), each ≤ Students",
};

const WEIGHTS: TableSpec = {
  name: "Weights",
  required: true,
  purpose: "The formula: a weight or a fixed $ per pupil for each level and category.",
  columns: [
    { name: "Category", required: true, meaning: "`Base` (the level's weight) or a need category of Enrollment" },
    { name: "Level", required: true, meaning: "a level of Enrollment, or `All`" },
    { name: "Weight", meaning: "additive weight on the base amount per pupil (one of Weight and Per Pupil)" },
    {
      name: "Per Pupil",
      aliases: ["Per Pupil Amount", "Dollars Per Pupil", "Amount Per Pupil"],
      meaning: "a fixed dollar amount per student in that cell (one of Weight and Per Pupil)",
    },
  ],
  otherColumns: "`Target Weight` (also Target, Long-Term Weight, Goal Weight): the weight the multi-year plan reaches by Target Year",
};

/** The Weights column the multi-year plan reads (an extension; the allocation ignores it). */
export const TARGET_WEIGHT_COLUMN: ColumnSpec = { name: "Target Weight", aliases: ["Target", "Long-Term Weight", "Goal Weight"] };

const REVENUE: TableSpec = {
  name: "Revenue",
  required: true,
  purpose: "One row per revenue source.",
  columns: [
    { name: "Source", required: true, meaning: "unique name" },
    { name: "Type", meaning: "Federal, State, Local, Private or Other" },
    { name: "Restricted", meaning: "Yes/No (default No)" },
    { name: "Amount", required: true, meaning: "projected revenue, $ (whole cents)" },
    { name: "Status", meaning: "`Unlocked` (default), `Locked` (held centrally) or `Grant` (paid on top to eligible schools)" },
    { name: "School Share", meaning: "percent of Amount that goes to schools (default 100%, Locked 0%)" },
    { name: "Funds", meaning: "`All` (default), `Base` or one need category the source pays for" },
    { name: "Eligible", aliases: ["Eligibility"], meaning: "`All` (default), levels, School IDs or a rule such as `Poverty % >= 40%`" },
  ],
};

const POLICY: TableSpec = {
  name: "Policy",
  required: false,
  purpose: "Settings, one per row (see the policy settings below).",
  columns: [
    { name: "Setting", required: true, meaning: "a setting's name" },
    { name: "Value", required: true, meaning: "its value" },
  ],
};

const INITIATIVES: TableSpec = {
  name: "Initiatives",
  required: false,
  purpose: "The A-ROI inventory: one row per program or initiative outside day-to-day operations.",
  columns: [
    { name: "Initiative", required: true, meaning: "unique name" },
    { name: "Department", meaning: "inventory field" },
    { name: "Coordinator", meaning: "inventory field" },
    { name: "Schools", meaning: "School IDs or `All`" },
    { name: "Strategic Priority", meaning: "inventory field" },
    { name: "Target Population", meaning: "inventory field" },
    { name: "Definition of Success", meaning: "inventory field" },
    { name: "Direct Cost", required: true, meaning: "$ per year" },
    { name: "Staff Hours", meaning: "staff time per year; its cost is Staff Hours × Hourly Cost" },
    { name: "Hourly Cost", meaning: "$ per staff hour" },
    { name: "Indirect Cost", meaning: "$ per year" },
    { name: "Students Served", required: true, meaning: "number of students helped" },
    { name: "Learning Gain", meaning: "gain per student served in the district's unit; blank = no outcome data" },
    {
      name: "Importance",
      aliases: ["Importance Rating", "Principal Importance", "Principal Rating Importance"],
      meaning: "principals' rating, 1–4 or 1–5",
    },
    {
      name: "Effectiveness",
      aliases: ["Effectiveness Rating", "Principal Effectiveness", "Principal Rating Effectiveness"],
      meaning: "principals' rating, 1–4 or 1–5",
    },
  ],
  otherColumns: "`Funding Source`: the Revenue source(s) paying for it, e.g. `Title I Part A 60%; Local Levy 40%`",
};

const SEGMENTS: TableSpec = {
  name: "Initiative Segments",
  required: false,
  purpose: "An initiative's results by student segment, to show where it works.",
  columns: [
    { name: "Initiative", required: true, meaning: "an Initiative of the Initiatives table" },
    { name: "Segment", required: true, meaning: "the student segment, e.g. 1+ year behind" },
    { name: "Students Served", required: true, meaning: "students of that segment served" },
    { name: "Learning Gain", required: true, meaning: "gain per student of that segment" },
    { name: "Cost", meaning: "$ spent on that segment" },
  ],
};

const SPENDING: TableSpec = {
  name: "Spending",
  required: false,
  purpose: "Actual spending by school and year, for the equity analysis of what schools really spent.",
  columns: [
    { name: "School ID", required: true, meaning: "a School ID of the Schools table" },
    { name: "Year", required: true, aliases: ["School Year", "Fiscal Year", "FY"], meaning: "the year or school year, e.g. 2024 or 2023-24" },
    { name: "Restricted $", required: true, aliases: ["Restricted Spending", "Restricted Dollars"], meaning: "restricted spending, $ ≥ 0" },
    { name: "Unrestricted $", required: true, aliases: ["Unrestricted Spending", "Unrestricted Dollars"], meaning: "unrestricted spending, $ ≥ 0" },
    { name: "Actual Salaries", aliases: ["Actual Salary", "Actual Salaries Cost"], meaning: "the school's staff at their actual salaries, $" },
    { name: "Average Salaries", aliases: ["Average Salary", "Average Salaries Cost"], meaning: "the same staff at district-average salaries, $" },
  ],
};

const BUDGET_LINES: TableSpec = {
  name: "Budget Lines",
  required: false,
  purpose: "Where every dollar goes: the budget tree.",
  columns: [
    { name: "Fund", meaning: "e.g. General Fund, Title I" },
    { name: "Area", aliases: ["Program Area", "Focus Area"], meaning: "the top of the tree (blank: the Function)" },
    { name: "Function", required: true, aliases: ["Function/Area", "Function Area", "Function Name"], meaning: "e.g. Regular Instruction" },
    { name: "Object", aliases: ["Object Code", "Object Name", "Expense Type"], meaning: "e.g. Salaries, Benefits" },
    { name: "School ID", required: true, aliases: ["School", "Location", "Site"], meaning: "a School ID, or `Central`" },
    { name: "Amount", required: true, aliases: ["Dollars", "Budget"], meaning: "$ ≥ 0" },
    { name: "FTE", aliases: ["FTEs", "Positions"], meaning: "full-time equivalents paid by the line (fractions allowed)" },
  ],
};

/** The Opportunities column that dates when a Rigid constraint lifts (a contract name: the reader looks it up by it). */
export const CONTRACT_END_COLUMN = "Contract End Date";

const OPPORTUNITIES: TableSpec = {
  name: "Opportunities",
  required: false,
  purpose: "Savings opportunities, sized and screened.",
  columns: [
    { name: "Opportunity", required: true, aliases: ["Savings Opportunity", "Name"], meaning: "unique name" },
    { name: "Area", required: true, aliases: ["Focus Area", "Category"], meaning: "focus area" },
    { name: "Low $", required: true, aliases: ["Low", "Low Estimate", "Savings Low", "Low Savings"], meaning: "yearly savings, low end, $" },
    { name: "High $", required: true, aliases: ["High", "High Estimate", "Savings High", "High Savings"], meaning: "yearly savings, high end, $ ≥ Low $" },
    { name: "Ease", required: true, aliases: ["Ease 1-5", "Ease 1–5", "Ease (1-5)", "Ease of Implementation"], meaning: "1 (hard) to 5 (easy)" },
    { name: "Constraint", aliases: ["Constraint Type"], meaning: "`Rigid` or `Preference` (default)" },
    { name: CONTRACT_END_COLUMN, aliases: ["Contract End", "Contract Ends"], meaning: "when a Rigid constraint lifts" },
    { name: "Owner", meaning: "who carries the work plan" },
    { name: "Status", meaning: "Proposed (default), Approved, Funded, Implemented, Rejected" },
    { name: "Funds", aliases: ["Pays For", "Priority", "Initiative"], meaning: "the initiative the savings pay for" },
  ],
};

const PROJECTIONS: TableSpec = {
  name: "Projections",
  required: false,
  purpose: "Values that replace the growth assumptions of the multi-year plan for one year.",
  columns: [
    { name: "Year", required: true, aliases: ["Fiscal Year", "School Year", "Plan Year"], meaning: "a plan year (2, 3…) or a fiscal year" },
    { name: "Kind", required: true, aliases: ["Type", "What"], meaning: "`Enrollment` or `Revenue`" },
    { name: "Key", required: true, aliases: ["Level or Source", "Level/Source", "Item"], meaning: "a level (Enrollment) or a source (Revenue)" },
    { name: "School ID", aliases: ["School"], meaning: "for Enrollment: one school (blank: every school at that level)" },
    { name: "Value", required: true, aliases: ["Amount", "Projected"], meaning: "students or dollars" },
  ],
};

const SURVEY_RESPONSES: TableSpec = {
  name: "Survey Responses",
  required: false,
  purpose: "Stakeholder survey answers, one row per answer (or the wide export: one column per Item of Survey Items).",
  columns: [
    { name: "Respondent", required: true, aliases: ["Respondent ID", "Response ID", "ID"], meaning: "an id for the person answering" },
    { name: "Role", required: true, aliases: ["Respondent Role", "Stakeholder", "Group"], meaning: "Teacher, Principal, Parent, Central Office…" },
    { name: "School ID", aliases: ["School", "Site"], meaning: "a School ID; blank or `District` for a district-wide answer" },
    { name: "Wave", required: true, aliases: ["Survey Wave", "Survey", "Round"], meaning: "e.g. `2025 Fall`" },
    { name: "Item", aliases: ["Statement", "Question"], meaning: "the statement" },
    { name: "Component", aliases: ["Theme", "Area"], meaning: "Equity, Transparency… (blank: from Survey Items)" },
    { name: "Response", aliases: ["Answer", "Rating", "Score"], meaning: "1 (strongly disagree) to 4 (strongly agree), or those words" },
  ],
};

const SURVEY_ITEMS: TableSpec = {
  name: "Survey Items",
  required: false,
  purpose: "The survey's statements and the component each belongs to.",
  columns: [
    { name: "Item", required: true, aliases: ["Statement", "Question"], meaning: "the statement" },
    { name: "Component", required: true, aliases: ["Theme", "Area"], meaning: "the component it measures" },
  ],
};

const SURVEY_WAVES: TableSpec = {
  name: "Survey Waves",
  required: false,
  purpose: "The order of the survey waves, earliest first.",
  columns: [{ name: "Wave", required: true, aliases: ["Survey Wave", "Survey", "Round"], meaning: "a wave of Survey Responses" }],
};

const READINESS: TableSpec = {
  name: "Readiness",
  required: false,
  purpose: "The readiness inventory for district officials.",
  columns: [
    { name: "Area", required: true, aliases: ["Readiness Area"], meaning: "Vision, Context, Capacity or Systems" },
    { name: "Question", required: true, aliases: ["Item", "Statement"], meaning: "the question" },
    { name: "Rating", aliases: ["Score", "Rating (1-4)"], meaning: "1 (not in place) to 4 (firmly in place); blank = not rated" },
    { name: "Evidence", aliases: ["Notes", "Evidence Notes"], meaning: "what supports the rating" },
    { name: "Owner", aliases: ["Responsible", "Lead"], meaning: "who answers for it" },
  ],
};

const PEERS: TableSpec = {
  name: "Peers",
  required: false,
  purpose: "Spending and staffing of comparable districts by function.",
  columns: [
    { name: "District", required: true, aliases: ["Peer", "Peer District", "District Name"], meaning: "the peer district's name" },
    { name: "Enrollment", required: true, aliases: ["Students", "Pupils"], meaning: "its students, > 0" },
    { name: "Function", required: true, aliases: ["Function/Area", "Function Area", "Function Name"], meaning: "e.g. Transportation" },
    { name: "Amount", required: true, aliases: ["Dollars", "Spending", "Expenditure"], meaning: "$ ≥ 0 spent on the function" },
    { name: "FTE", aliases: ["FTEs", "Positions", "Staff"], meaning: "full-time equivalents in the function (fractions allowed)" },
  ],
};

const OUTCOMES: TableSpec = {
  name: "Outcomes",
  required: false,
  purpose: "School results by year, e.g. proficiency % or growth.",
  columns: [
    { name: "School ID", required: true, aliases: ["School"], meaning: "a School ID of the Schools table" },
    { name: "Year", required: true, aliases: ["School Year", "Fiscal Year"], meaning: "e.g. 2025 or 2024-25" },
    { name: "Measure", required: true, aliases: ["Outcome", "Metric"], meaning: "e.g. Reading Proficiency %" },
    { name: "Value", required: true, aliases: ["Result", "Score"], meaning: "a number" },
  ],
};

/** Every input table, by name. */
export const TABLE_SPECS: Readonly<Record<InputTable, TableSpec>> = {
  Schools: SCHOOLS,
  Enrollment: ENROLLMENT,
  Weights: WEIGHTS,
  Revenue: REVENUE,
  Policy: POLICY,
  Initiatives: INITIATIVES,
  "Initiative Segments": SEGMENTS,
  Spending: SPENDING,
  "Budget Lines": BUDGET_LINES,
  Opportunities: OPPORTUNITIES,
  Projections: PROJECTIONS,
  "Survey Responses": SURVEY_RESPONSES,
  "Survey Items": SURVEY_ITEMS,
  "Survey Waves": SURVEY_WAVES,
  Readiness: READINESS,
  Peers: PEERS,
  Outcomes: OUTCOMES,
};

/** The columns of a table (what its parser reads). */
export function columnsOf(table: InputTable): readonly ColumnSpec[] {
  return TABLE_SPECS[table].columns;
}

/** The headers of a blank table: its columns' contract names, in order. */
export function templateHeaders(table: InputTable): string[] {
  return TABLE_SPECS[table].columns.map((c) => c.name);
}
