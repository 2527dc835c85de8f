/**
 * The bundled sample district: a plausible mid-size US district (about 21,000 students in 39 schools)
 * with every input table of the workbook contract, returned as RawTables exactly as a host would read
 * them. Pure and deterministic: the same seed always gives the same tables. Amounts are in dollars
 * (as in the workbook); percent columns hold fractions (0.72), which the workbook writer formats as %.
 */
import type { Cell, RawTable, RawTables } from "../engine/types";
import { clamp, createRandom, type Random } from "./random";
import { dollars, rawTable, roundTo, toRawTables } from "./tables";
import { voicesTables } from "./voices";

export const SAMPLE_SEED = 2026;

type Kind = "elementary" | "middle" | "high" | "k8" | "alternative" | "virtual";
type Region = "North" | "South" | "East" | "West";
type Level = "Elementary" | "Middle" | "High";

interface SchoolSpec {
  id: string;
  name: string;
  kind: Kind;
  region: Region;
}

const SCHOOLS: SchoolSpec[] = [
  { id: "E101", name: "Lincoln Elementary", kind: "elementary", region: "North" },
  { id: "E102", name: "Washington Elementary", kind: "elementary", region: "South" },
  { id: "E103", name: "Jefferson Elementary", kind: "elementary", region: "East" },
  { id: "E104", name: "Franklin Elementary", kind: "elementary", region: "West" },
  { id: "E105", name: "Garfield Elementary", kind: "elementary", region: "South" },
  { id: "E106", name: "Hawthorne Elementary", kind: "elementary", region: "North" },
  { id: "E107", name: "Whittier Elementary", kind: "elementary", region: "East" },
  { id: "E108", name: "Longfellow Elementary", kind: "elementary", region: "West" },
  { id: "E109", name: "Emerson Elementary", kind: "elementary", region: "North" },
  { id: "E110", name: "Madison Elementary", kind: "elementary", region: "South" },
  { id: "E111", name: "Cesar Chavez Elementary", kind: "elementary", region: "East" },
  { id: "E112", name: "Maple Grove Elementary", kind: "elementary", region: "West" },
  { id: "E113", name: "Oak Park Elementary", kind: "elementary", region: "North" },
  { id: "E114", name: "Cedar Hills Elementary", kind: "elementary", region: "West" },
  { id: "E115", name: "Riverside Elementary", kind: "elementary", region: "South" },
  { id: "E116", name: "Lakeview Elementary", kind: "elementary", region: "North" },
  { id: "E117", name: "Sunnyside Elementary", kind: "elementary", region: "East" },
  { id: "E118", name: "Meadowbrook Elementary", kind: "elementary", region: "West" },
  { id: "E119", name: "Pine Ridge Elementary", kind: "elementary", region: "North" },
  { id: "E120", name: "Willow Creek Elementary", kind: "elementary", region: "South" },
  { id: "E121", name: "Harriet Tubman Elementary", kind: "elementary", region: "East" },
  { id: "E122", name: "Rosa Parks Elementary", kind: "elementary", region: "South" },
  { id: "E123", name: "Mark Twain Elementary", kind: "elementary", region: "West" },
  { id: "E124", name: "Valley View Elementary", kind: "elementary", region: "East" },
  { id: "E125", name: "@Home Virtual Academy", kind: "virtual", region: "North" },
  { id: "M201", name: "Roosevelt Middle", kind: "middle", region: "North" },
  { id: "M202", name: "Kennedy Middle", kind: "middle", region: "South" },
  { id: "M203", name: "Thurgood Marshall Middle", kind: "middle", region: "East" },
  { id: "M204", name: "John Adams Middle", kind: "middle", region: "West" },
  { id: "M205", name: "Edison Middle", kind: "middle", region: "South" },
  { id: "M206", name: "George Washington Carver Middle", kind: "middle", region: "East" },
  { id: "M207", name: "Hamilton Middle", kind: "middle", region: "West" },
  { id: "H301", name: "Central High", kind: "high", region: "North" },
  { id: "H302", name: "Eastside High", kind: "high", region: "East" },
  { id: "H303", name: "Westview High", kind: "high", region: "West" },
  { id: "H304", name: "Mountain View High", kind: "high", region: "North" },
  { id: "H305", name: "Southridge High", kind: "high", region: "South" },
  { id: "H306", name: "Horizon Alternative High", kind: "alternative", region: "South" },
  { id: "K401", name: "Frederick Douglass K-8 Academy", kind: "k8", region: "East" },
];

/** Mean poverty share by region: the south and east of the district are poorer. */
const REGION_POVERTY: Record<Region, number> = { North: 0.24, South: 0.66, East: 0.56, West: 0.36 };

const FIRST_NAMES = [
  "Maria", "James", "Aisha", "Robert", "Linda", "Carlos", "Jennifer", "Michael", "Nguyen", "Patricia",
  "David", "Keisha", "Daniel", "Susan", "Jose", "Karen", "Anthony", "Lisa", "Mark", "Sandra",
  "Kevin", "Angela", "Brian", "Monica", "Steven", "Rachel", "Marcus", "Laura", "Omar", "Denise",
  "Paul", "Teresa", "Andre", "Heather", "Victor", "Yolanda", "Gregory", "Mei", "Raymond", "Carmen",
];
const LAST_NAMES = [
  "Alvarez", "Bennett", "Chen", "Davis", "Edwards", "Flores", "Garcia", "Harris", "Ibrahim", "Johnson",
  "Kim", "Lopez", "Martinez", "Nelson", "Okafor", "Patel", "Quinn", "Robinson", "Singh", "Thompson",
  "Underwood", "Vasquez", "Washington", "Xu", "Young", "Zimmerman", "Brooks", "Coleman", "Delgado", "Foster",
  "Gomez", "Hughes", "Jackson", "Khan", "Lee", "Morales", "Nguyen", "Ortiz", "Price", "Reyes",
];

const BASE_WEIGHT: Record<Level, number> = { Elementary: 1.0, Middle: 1.04, High: 1.2 };
const NEEDS = ["Poverty", "English Learner", "Special Education"] as const;
/** Need weights by level, aligned with NEEDS (English Learner has a High-school override). */
function needWeights(level: Level): number[] {
  return [0.34, level === "High" ? 0.2 : 0.17, 0.92];
}

const POLICY = {
  foundation: 150_000,
  holdHarmless: 0.95,
  gainCap: 0.08,
  phaseIn: 1,
};

interface EnrollmentRowData {
  school: number;
  level: Level;
  students: number;
  /** Counts aligned with NEEDS. */
  needs: number[];
}

interface SchoolData {
  spec: SchoolSpec;
  titleI: boolean;
  principal: string;
  yearOpened: number;
  povertyShare: number;
  elShare: number;
  current: number;
  minimum: number;
}

/**
 * Balances carried from last year, as shares of the current budget: most small, a few deficits to repay and a
 * few surpluses, and most schools at exactly zero. A fixed pattern (not drawn from the random stream), so the
 * rest of the sample is unchanged by it.
 */
const PRIOR_YEAR_SHARES = [0.012, -0.008, 0, -0.004, 0.003, 0, -0.021, 0, 0.006, -0.002, 0, 0, -0.045, 0.001, 0];

/** A school's Prior Year Balance in dollars (to the $100), from its current budget and its position in the table. */
function priorYearBalance(current: number, i: number): number {
  const share = PRIOR_YEAR_SHARES[i % PRIOR_YEAR_SHARES.length] ?? 0;
  return share === 0 ? 0 : roundTo(current * share, 100);
}

/**
 * What each site's staffing norms cost, as a share above or below its formula estimate: 5% to 10% either way. A
 * fixed pattern (not drawn from the random stream, so the rest of the sample is unchanged); Policy's Norm
 * Adjustment is 0 in the sample, so it moves nothing until a district turns it on.
 */
const NORM_SHARES = [0.06, -0.08, 0.05, -0.1, 0.09, -0.05, 0.07, -0.06, 0.1, -0.07, 0.08, -0.09];

/** A school's Norm Budget in dollars (to the $1,000), from its formula estimate and its position in the table. */
function normBudget(estimate: number, i: number): number {
  return roundTo(estimate * (1 + (NORM_SHARES[i % NORM_SHARES.length] ?? 0)), 1_000);
}

interface SourceSpec {
  name: string;
  type: string;
  restricted: boolean;
  nominal: number;
  status: "Unlocked" | "Locked" | "Grant";
  share: number | null;
  /** "All" or an index into NEEDS. */
  funds: "All" | number;
  eligible: string;
  /** The same eligibility as `eligible`, for estimating current budgets. */
  isEligible: (school: SchoolData, row: EnrollmentRowData) => boolean;
}

const all = (): boolean => true;

const SOURCES: SourceSpec[] = [
  { name: "State Base Aid", type: "State", restricted: false, nominal: 150_000_000, status: "Unlocked", share: 0.72, funds: "All", eligible: "All", isEligible: all },
  { name: "Local Levy", type: "Local", restricted: false, nominal: 45_000_000, status: "Unlocked", share: 0.55, funds: "All", eligible: "All", isEligible: all },
  { name: "State Compensatory Ed", type: "State", restricted: true, nominal: 9_000_000, status: "Unlocked", share: 0.9, funds: 0, eligible: "All", isEligible: all },
  { name: "Title I Part A", type: "Federal", restricted: true, nominal: 6_500_000, status: "Grant", share: 0.85, funds: 0, eligible: "Poverty % >= 40%", isEligible: (s) => s.titleI },
  { name: "Title III", type: "Federal", restricted: true, nominal: 900_000, status: "Grant", share: 0.8, funds: 1, eligible: "All", isEligible: all },
  { name: "IDEA Part B", type: "Federal", restricted: true, nominal: 5_200_000, status: "Grant", share: 0.6, funds: 2, eligible: "All", isEligible: all },
  { name: "Transportation", type: "State", restricted: true, nominal: 11_000_000, status: "Locked", share: null, funds: "All", eligible: "All", isEligible: all },
  { name: "High School CTE Grant", type: "State", restricted: true, nominal: 1_200_000, status: "Grant", share: 1, funds: "All", eligible: "High", isEligible: (_s, r) => r.level === "High" },
  { name: "Community Foundation Literacy", type: "Private", restricted: true, nominal: 400_000, status: "Grant", share: 1, funds: "All", eligible: "Title I = Yes", isEligible: (s) => s.titleI },
];

/** `n` sizes spread over [lo, hi], skewed toward small schools, in random order. */
function stratifiedSizes(rnd: Random, n: number, lo: number, hi: number, power: number): number[] {
  const sizes: number[] = [];
  for (let i = 0; i < n; i++) sizes.push(Math.round(lo + (hi - lo) * Math.pow((i + rnd.next()) / n, power)));
  return rnd.shuffle(sizes);
}

function needCounts(rnd: Random, students: number, poverty: number, el: number, sped: number): number[] {
  const jitter = (share: number, lo: number, hi: number): number => clamp(share + rnd.normal(0, 0.01), lo, hi);
  return [
    Math.round(students * jitter(poverty, 0.1, 0.9)),
    Math.round(students * jitter(el, 0.02, 0.4)),
    Math.round(students * jitter(sped, 0.09, 0.16)),
  ];
}

/** Weighted pupils of one enrollment row. */
function weightedPupils(row: EnrollmentRowData): number {
  const w = needWeights(row.level);
  return row.students * BASE_WEIGHT[row.level] + row.needs.reduce((sum, n, k) => sum + n * (w[k] ?? 0), 0);
}

/**
 * A rough estimate, in dollars, of what the allocation formula gives each school before floors and caps:
 * foundation plus each source's school pool spread over the weighted pupils it funds in eligible rows.
 * Only used to make Current Budget plausible; the engine computes the real allocation.
 */
function estimateFormula(schools: SchoolData[], rows: EnrollmentRowData[], amounts: number[]): number[] {
  const est = schools.map(() => POLICY.foundation);
  const unlockedPools = SOURCES.map((s, i) =>
    s.status === "Unlocked" ? (amounts[i] ?? 0) * (s.share ?? 1) : 0,
  );
  const unlockedTotal = unlockedPools.reduce((a, b) => a + b, 0);
  const foundationTotal = POLICY.foundation * schools.length;
  SOURCES.forEach((source, i) => {
    // Current Budget is a school's money from the sources floors and caps apply to: grants are paid on top
    // (supplement, not supplant) and are not part of it.
    if (source.status !== "Unlocked") return;
    let pool = (amounts[i] ?? 0) * (source.share ?? 1);
    if (source.status === "Unlocked") pool -= (foundationTotal * (unlockedPools[i] ?? 0)) / unlockedTotal;
    const units = rows.map((r) => {
      const school = schools[r.school];
      if (!school || !source.isEligible(school, r)) return 0;
      if (source.funds === "All") return weightedPupils(r);
      return (r.needs[source.funds] ?? 0) * (needWeights(r.level)[source.funds] ?? 0);
    });
    const total = units.reduce((a, b) => a + b, 0);
    if (total <= 0) return;
    rows.forEach((r, k) => {
      est[r.school] = (est[r.school] ?? 0) + (pool * (units[k] ?? 0)) / total;
    });
  });
  return est;
}

interface InitiativeSpec {
  name: string;
  department: string;
  coordinator: string;
  /** "All", a selector resolved against the generated schools, or an explicit list. */
  schools: "All" | "TitleIElementary" | "TitleIElemMiddle" | "TitleI" | "Elementary" | "Middle" | "High" | "MiddleHigh" | "HighAlt" | "HighestPoverty4" | "HighestEL3" | "SomeElementary6";
  priority: string;
  target: string;
  success: string;
  direct: number;
  hours: number | null;
  hourly: number | null;
  indirect: number | null;
  served: number;
  gain: number | null;
  importance: number;
  effectiveness: number | null;
  /** The Funding Source cell: a Revenue source, or several with shares; null (blank) for about a third. */
  funding: string | null;
}

const P_LIT = "Early Literacy";
const P_MATH = "Math Achievement";
const P_CCR = "College & Career Readiness";
const P_WHOLE = "Whole Child";
const P_TEACH = "Great Teachers";

const INITIATIVES: InitiativeSpec[] = [
  { name: "High-Dosage Tutoring", department: "Academics", coordinator: "Renee Caldwell", schools: "TitleIElemMiddle", priority: P_MATH, target: "Grades K-8 students below grade level", success: "Students gain one grade level on the spring MAP assessment", direct: 1_450_000, hours: 2_400, hourly: 58, indirect: 95_000, served: 900, gain: 0.31, importance: 5, effectiveness: 5, funding: "Title I Part A" },
  { name: "Instructional Coaching", department: "Curriculum & Instruction", coordinator: "Samuel Ortega", schools: "All", priority: P_TEACH, target: "Teachers in their first three years", success: "Observation rubric scores rise by half a point", direct: 1_980_000, hours: 1_200, hourly: 62, indirect: 140_000, served: 6_500, gain: 0.06, importance: 4, effectiveness: 3, funding: "State Base Aid" },
  { name: "Summer Bridge School", department: "Academics", coordinator: "Tamika Hollis", schools: "All", priority: P_LIT, target: "Grades K-8 students below the reading benchmark", success: "No loss in reading scores over the summer", direct: 1_150_000, hours: 3_600, hourly: 45, indirect: 60_000, served: 1_400, gain: 0.04, importance: 3, effectiveness: 2, funding: "State Base Aid 60%; Title I Part A 40%" },
  { name: "1:1 Student Devices", department: "Technology", coordinator: "Alan Whitfield", schools: "All", priority: P_CCR, target: "All students in grades 3-12", success: "Every student has a working device every school day", direct: 3_200_000, hours: null, hourly: null, indirect: 210_000, served: 15_800, gain: null, importance: 4, effectiveness: 3, funding: "Local Levy 70%; State Base Aid 30%" },
  { name: "SEL Curriculum", department: "Student Services", coordinator: "Grace Mbeki", schools: "Elementary", priority: P_WHOLE, target: "All K-5 students", success: "Fewer office referrals and a better climate survey", direct: 310_000, hours: 800, hourly: 48, indirect: null, served: 10_000, gain: null, importance: 3, effectiveness: 3, funding: null },
  { name: "AP Expansion", department: "College & Career", coordinator: "Victor Hayes", schools: "High", priority: P_CCR, target: "Grades 10-12 students new to AP", success: "More students score 3 or higher on an AP exam", direct: 420_000, hours: 600, hourly: 55, indirect: 25_000, served: 1_100, gain: 0.12, importance: 4, effectiveness: 4, funding: "State Base Aid" },
  { name: "Literacy Intervention", department: "Curriculum & Instruction", coordinator: "Dana Whitaker", schools: "TitleIElementary", priority: P_LIT, target: "Grades 2-5 students two or more years behind in reading", success: "Students read on grade level within two years", direct: 860_000, hours: 1_500, hourly: 52, indirect: 48_000, served: 720, gain: 0.22, importance: 5, effectiveness: 4, funding: "Title I Part A 80%; Community Foundation Literacy 20%" },
  { name: "Math Intervention", department: "Curriculum & Instruction", coordinator: "Priya Raman", schools: "Middle", priority: P_MATH, target: "Grades 6-8 students below grade level in math", success: "Students pass the end-of-year math assessment", direct: 540_000, hours: 900, hourly: 52, indirect: 30_000, served: 420, gain: 0.17, importance: 4, effectiveness: 3, funding: "State Compensatory Ed" },
  { name: "Dual Enrollment", department: "College & Career", coordinator: "Victor Hayes", schools: "High", priority: P_CCR, target: "Grades 11-12 students", success: "Students earn 12 or more college credits before graduating", direct: 380_000, hours: null, hourly: null, indirect: 18_000, served: 520, gain: null, importance: 4, effectiveness: 4, funding: "High School CTE Grant" },
  { name: "Attendance Outreach", department: "Student Services", coordinator: "Luis Navarro", schools: "All", priority: P_WHOLE, target: "Chronically absent students", success: "Chronic absence falls below 10%", direct: 450_000, hours: 2_000, hourly: 38, indirect: null, served: 2_300, gain: null, importance: 4, effectiveness: 3, funding: null },
  { name: "Teacher Residency", department: "Human Resources", coordinator: "Janet Okoye", schools: "TitleI", priority: P_TEACH, target: "Resident teachers placed in hard-to-staff schools", success: "Residents stay three or more years in the district", direct: 1_300_000, hours: 500, hourly: 60, indirect: 90_000, served: 1_800, gain: null, importance: 4, effectiveness: null, funding: "Title I Part A 50%; State Base Aid 50%" },
  { name: "PBIS", department: "Student Services", coordinator: "Grace Mbeki", schools: "All", priority: P_WHOLE, target: "All students", success: "Suspensions fall by a quarter", direct: 240_000, hours: 1_000, hourly: 45, indirect: null, served: 20_000, gain: null, importance: 3, effectiveness: 3, funding: null },
  { name: "Extended Learning Day", department: "Academics", coordinator: "Renee Caldwell", schools: "HighestPoverty4", priority: P_MATH, target: "Students in the four highest-poverty elementary schools", success: "Proficiency rises five points in two years", direct: 1_650_000, hours: 4_500, hourly: 50, indirect: 120_000, served: 1_600, gain: -0.02, importance: 3, effectiveness: 2, funding: "Title I Part A 50%; Local Levy 50%" },
  { name: "STEM Labs", department: "Curriculum & Instruction", coordinator: "Samuel Ortega", schools: "Middle", priority: P_CCR, target: "All grades 6-8 students", success: "More students choose advanced math and science in grade 9", direct: 700_000, hours: null, hourly: null, indirect: 35_000, served: 4_200, gain: null, importance: 3, effectiveness: 3, funding: "Local Levy" },
  { name: "Family Engagement Nights", department: "Family & Community Engagement", coordinator: "Rosa Jimenez", schools: "All", priority: P_WHOLE, target: "Families of K-12 students", success: "Attendance at conferences rises to 80%", direct: 160_000, hours: 1_200, hourly: 35, indirect: null, served: 5_000, gain: null, importance: 2, effectiveness: 3, funding: "Title I Part A" },
  { name: "Newcomer EL Program", department: "Multilingual Learners", coordinator: "Hoa Tran", schools: "HighestEL3", priority: P_LIT, target: "English learners new to the country", success: "Students reach intermediate English proficiency in two years", direct: 620_000, hours: 1_000, hourly: 55, indirect: 40_000, served: 310, gain: 0.27, importance: 5, effectiveness: 4, funding: "Title III" },
  { name: "Credit Recovery", department: "College & Career", coordinator: "Marcus Reid", schools: "HighAlt", priority: P_CCR, target: "Grades 9-12 students behind in credits", success: "Students recover credits and graduate on time", direct: 290_000, hours: 700, hourly: 50, indirect: null, served: 640, gain: null, importance: 4, effectiveness: 3, funding: null },
  { name: "Check & Connect Mentoring", department: "Student Services", coordinator: "Luis Navarro", schools: "MiddleHigh", priority: P_WHOLE, target: "Students with two or more early-warning flags", success: "Mentored students stay on track to graduate", direct: 210_000, hours: 1_800, hourly: 30, indirect: null, served: 480, gain: null, importance: 3, effectiveness: null, funding: null },
  { name: "Arts Integration", department: "Curriculum & Instruction", coordinator: "Olivia Strand", schools: "SomeElementary6", priority: P_WHOLE, target: "All K-5 students in partner schools", success: "Students take part in a performance or exhibit each year", direct: 180_000, hours: null, hourly: null, indirect: null, served: 3_100, gain: null, importance: 2, effectiveness: 3, funding: null },
  { name: "Pre-K Expansion", department: "Early Childhood", coordinator: "Beatriz Santos", schools: "TitleIElementary", priority: P_LIT, target: "Four-year-olds in Title I attendance areas", success: "Children enter kindergarten ready on the state screener", direct: 2_400_000, hours: null, hourly: null, indirect: 160_000, served: 540, gain: 0.35, importance: 5, effectiveness: 5, funding: "State Compensatory Ed" },
  { name: "College Counseling", department: "College & Career", coordinator: "Marcus Reid", schools: "High", priority: P_CCR, target: "Grades 11-12 students", success: "FAFSA completion and college enrollment rise", direct: 520_000, hours: null, hourly: null, indirect: 22_000, served: 2_800, gain: null, importance: 4, effectiveness: 4, funding: null },
  { name: "Restorative Practices", department: "Student Services", coordinator: "Grace Mbeki", schools: "MiddleHigh", priority: P_WHOLE, target: "Students at risk of suspension", success: "Suspension days fall by a third", direct: 330_000, hours: 1_400, hourly: 42, indirect: 15_000, served: 3_500, gain: null, importance: 3, effectiveness: 2, funding: null },
  { name: "Data Coaches", department: "Assessment & Accountability", coordinator: "Ethan Brooks", schools: "All", priority: P_TEACH, target: "School leadership teams", success: "Every school reviews interim data each quarter", direct: 640_000, hours: 300, hourly: 65, indirect: 30_000, served: 20_000, gain: null, importance: 3, effectiveness: null, funding: "State Base Aid" },
  { name: "Online Math Courseware", department: "Technology", coordinator: "Alan Whitfield", schools: "MiddleHigh", priority: P_MATH, target: "Grades 6-12 students", success: "Students complete 20 lessons per semester", direct: 450_000, hours: null, hourly: null, indirect: null, served: 5_200, gain: -0.04, importance: 2, effectiveness: 2, funding: "Local Levy" },
  { name: "Early Warning System", department: "Assessment & Accountability", coordinator: "Ethan Brooks", schools: "MiddleHigh", priority: P_CCR, target: "Grades 6-12 students", success: "Counselors act on every flag within two weeks", direct: 190_000, hours: 400, hourly: 60, indirect: 12_000, served: 11_000, gain: null, importance: 3, effectiveness: 3, funding: null },
];

/** Segments of three initiatives; students sum to the initiative's Students Served. */
const SEGMENTS: { initiative: string; segment: string; served: number; gain: number; costShare: number | null }[] = [
  { initiative: "High-Dosage Tutoring", segment: "Grades K-2 reading", served: 260, gain: 0.24, costShare: 0.25 },
  { initiative: "High-Dosage Tutoring", segment: "Grades 3-5 math", served: 360, gain: 0.35, costShare: 0.4 },
  { initiative: "High-Dosage Tutoring", segment: "Grades 6-8 math", served: 280, gain: 0.31, costShare: 0.35 },
  { initiative: "Literacy Intervention", segment: "English learners", served: 260, gain: 0.26, costShare: null },
  { initiative: "Literacy Intervention", segment: "Students with disabilities", served: 150, gain: 0.12, costShare: null },
  { initiative: "Literacy Intervention", segment: "All other students", served: 310, gain: 0.23, costShare: null },
  { initiative: "Math Intervention", segment: "1+ year behind", served: 180, gain: 0.38, costShare: null },
  { initiative: "Math Intervention", segment: "less than 1 year behind", served: 240, gain: 0.01, costShare: null },
];

/** Which levels a kind of school enrols. */
function levelsOf(kind: Kind): Level[] {
  switch (kind) {
    case "elementary":
    case "virtual":
      return ["Elementary"];
    case "middle":
      return ["Middle"];
    case "high":
    case "alternative":
      return ["High"];
    case "k8":
      return ["Elementary", "Middle"];
  }
}

/** The bundled sample district as RawTables (keys: lower-cased contract table names). */
export function sampleDistrict(seed: number = SAMPLE_SEED): RawTables {
  const rnd = createRandom(seed);
  const { schools, rows } = drawSchools(rnd);
  const amounts = SOURCES.map((s) => dollars(s.nominal * (1 + rnd.uniform(-0.025, 0.025))));
  const estimate = estimateFormula(schools, rows, amounts);
  drawBudgets(rnd, schools, estimate);

  const { initiatives, segments } = initiativeTables(rnd, schools, rows);
  const planning = planningTables(seed, schools, rows, amounts);
  const voices = voicesTables({
    seed,
    schools: schools.map((s) => ({ id: s.spec.id, poverty: s.povertyShare })),
    budgetLines: planning.budgetLines,
    students: rows.reduce((a, r) => a + r.students, 0),
  });
  return toRawTables([
    schoolsTable(schools, estimate, attendanceRates(seed, schools)),
    enrollmentTable(rows),
    weightsTable(),
    revenueTable(amounts),
    policyTable(amounts),
    initiatives,
    segments,
    planning.budgetLines, planning.opportunities, planning.projections, ...voices,
  ]);
}

/**
 * Draws a school level's enrollment: sizes spread over each level's range so that the district total stays near
 * 21,000 (drawn up front), the small sites drawn when asked.
 */
function enrollmentSizes(rnd: Random): (spec: SchoolSpec, level: Level) => number {
  const elementarySizes = stratifiedSizes(rnd, 24, 300, 650, 2.2);
  const middleSizes = stratifiedSizes(rnd, 7, 500, 900, 2.2);
  const highSizes = stratifiedSizes(rnd, 5, 900, 1_800, 2.5);
  return (spec, level) => {
    switch (spec.kind) {
      case "elementary":
        return elementarySizes.pop() ?? 450;
      case "middle":
        return middleSizes.pop() ?? 650;
      case "high":
        return highSizes.pop() ?? 1_200;
      case "alternative":
        return rnd.int(115, 160);
      case "virtual":
        return rnd.int(300, 360);
      case "k8":
        return level === "Elementary" ? rnd.int(330, 420) : rnd.int(180, 240);
    }
  };
}

/** The schools and their enrollment rows (budgets still 0: they follow from the formula estimate). */
function drawSchools(rnd: Random): { schools: SchoolData[]; rows: EnrollmentRowData[] } {
  const sizeOf = enrollmentSizes(rnd);
  const principals = pairNames(rnd, SCHOOLS.length);
  const schools: SchoolData[] = [];
  const rows: EnrollmentRowData[] = [];
  SCHOOLS.forEach((spec, index) => {
    const poverty = schoolPoverty(rnd, spec);
    // High schools under-report free-lunch eligibility; English learners correlate with poverty.
    const levelPoverty = (level: Level): number => (level === "High" && spec.kind === "high" ? poverty * 0.88 : poverty);
    const el = clamp(0.46 * poverty - 0.03 + rnd.normal(0, 0.035), 0.02, 0.4);
    const sped = rnd.uniform(0.095, 0.155);
    let students = 0;
    let povertyCount = 0;
    for (const level of levelsOf(spec.kind)) {
      const n = sizeOf(spec, level);
      const elLevel = level === "High" ? el * 0.7 : el;
      const needs = needCounts(rnd, n, levelPoverty(level), clamp(elLevel, 0.02, 0.4), sped);
      rows.push({ school: index, level, students: n, needs });
      students += n;
      povertyCount += needs[0] ?? 0;
    }
    schools.push({
      spec,
      // Title I follows the same test as the Title I eligibility rule: poverty share >= 40%.
      titleI: povertyCount * 100 >= 40 * students,
      principal: principals[index] ?? "",
      yearOpened: yearOpened(rnd, spec.kind),
      povertyShare: students > 0 ? povertyCount / students : 0,
      elShare: 0,
      current: 0,
      minimum: 0,
    });
  });
  for (const s of schools) {
    const own = rows.filter((r) => s === schools[r.school]);
    const students = own.reduce((a, r) => a + r.students, 0);
    s.elShare = students > 0 ? own.reduce((a, r) => a + (r.needs[1] ?? 0), 0) / students : 0;
  }
  return { schools, rows };
}

/** A school's poverty share: its region's, except for the alternative and virtual sites (drawn on their own). */
function schoolPoverty(rnd: Random, spec: SchoolSpec): number {
  let poverty = clamp(REGION_POVERTY[spec.region] + rnd.normal(0, 0.12), 0.1, 0.9);
  if (spec.kind === "alternative") poverty = clamp(0.72 + rnd.normal(0, 0.05), 0.6, 0.9);
  if (spec.kind === "virtual") poverty = clamp(0.3 + rnd.normal(0, 0.05), 0.2, 0.4);
  return poverty;
}

/** The year a school opened: fixed for the newer kinds of site, drawn over a range for the others. */
function yearOpened(rnd: Random, kind: Kind): number {
  return kind === "virtual" ? 2020 :
    kind === "k8" ? 2008 :
    kind === "alternative" ? 1994 :
    kind === "high" ? rnd.int(1925, 1998) :
    kind === "middle" ? rnd.int(1955, 2005) : rnd.int(1921, 2012);
}

/** Current and minimum budgets around each school's formula estimate. */
function drawBudgets(rnd: Random, schools: SchoolData[], estimate: number[]): void {
  schools.forEach((s, i) => {
    const est = estimate[i] ?? 0;
    if (s.spec.kind === "alternative") {
      // A small stand-alone site: its minimum operating budget (staffing floor) is above what the formula
      // and the hold-harmless floor give, so the MOB binds.
      s.current = dollars(est * 1.08);
      s.minimum = Math.ceil((s.current * 1.04) / 1_000) * 1_000;
    } else {
      s.current = dollars(est * (1 + rnd.uniform(-0.12, 0.12)));
      s.minimum = roundTo(s.current * rnd.uniform(0.6, 0.7), 1_000);
    }
  });
}

/**
 * Average daily attendance, 91–97%: a little lower where poverty is higher. Drawn from its own generator, so the
 * other figures of the sample do not move; Policy's ADA Levels is left blank (funding stays on enrollment).
 */
function attendanceRates(seed: number, schools: SchoolData[]): number[] {
  const attendanceRnd = createRandom((seed ^ 0xada) >>> 0);
  return schools.map((s) => Math.min(0.97, Math.max(0.91, Math.round((0.968 - 0.05 * s.povertyShare + attendanceRnd.uniform(-0.006, 0.006)) * 1000) / 1000)));
}

function schoolsTable(schools: SchoolData[], estimate: number[], attendance: number[]): RawTable {
  return rawTable(
    "Schools",
    ["School ID", "School Name", "Current Budget", "Minimum Budget", "Title I", "Region", "Principal", "Year Opened", "Attendance Rate", "Prior Year Balance", "Norm Budget"],
    schools.map((s, i) => [s.spec.id, s.spec.name, s.current, s.minimum, s.titleI ? "Yes" : "No", s.spec.region, s.principal, s.yearOpened, attendance[i], priorYearBalance(s.current, i), normBudget(estimate[i] ?? 0, i)]),
  );
}

function enrollmentTable(rows: EnrollmentRowData[]): RawTable {
  return rawTable(
    "Enrollment",
    ["School ID", "Level", "Students", ...NEEDS],
    rows.map((r) => [SCHOOLS[r.school]?.id ?? "", r.level, r.students, ...r.needs]),
  );
}

/** Target Weight: the board's long-term weights, reached by the Policy's Target Year (multi-year plan). */
function weightsTable(): RawTable {
  return rawTable("Weights", ["Category", "Level", "Weight", "Per Pupil", "Target Weight"], [
    ["Base", "Elementary", 1.0, null, null],
    ["Base", "Middle", 1.04, null, null],
    ["Base", "High", 1.2, null, null],
    ["Poverty", "All", 0.34, null, TARGET_WEIGHTS.poverty],
    ["English Learner", "All", 0.17, null, TARGET_WEIGHTS.englishLearner],
    ["English Learner", "High", 0.2, null, TARGET_WEIGHTS.englishLearnerHigh],
    ["Special Education", "All", 0.92, null, null],
  ]);
}

function revenueTable(amounts: number[]): RawTable {
  return rawTable(
    "Revenue",
    ["Source", "Type", "Restricted", "Amount", "Status", "School Share", "Funds", "Eligible"],
    SOURCES.map((s, i) => [
      s.name,
      s.type,
      s.restricted ? "Yes" : "No",
      amounts[i] ?? 0,
      s.status,
      s.share,
      s.funds === "All" ? "All" : (NEEDS[s.funds] ?? "All"),
      s.eligible,
    ]),
  );
}

function policyTable(amounts: number[]): RawTable {
  return rawTable("Policy", ["Setting", "Value"], [
    ["Foundation Per School", POLICY.foundation],
    ["Hold Harmless", POLICY.holdHarmless],
    ["Gain Cap", POLICY.gainCap],
    ["Phase In", POLICY.phaseIn],
    ["Rounding", "dollar"],
    ["Learning Gain Unit", "effect size"],
    ...planPolicyRows(amounts),
  ]);
}

/** Distinct "First Last" names. */
function pairNames(rnd: Random, n: number): string[] {
  const firsts = rnd.shuffle(FIRST_NAMES);
  const lasts = rnd.shuffle(LAST_NAMES);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(`${firsts[i % firsts.length]} ${lasts[(i * 7) % lasts.length]}`);
  return out;
}

function initiativeTables(rnd: Random, schools: SchoolData[], rows: EnrollmentRowData[]): { initiatives: RawTable; segments: RawTable } {
  const resolve = schoolSelector(rnd, schools, rows);
  const { initiatives, totals } = initiativesTable(rnd, resolve);
  return { initiatives, segments: segmentsTable(totals) };
}

/** The Schools field of an initiative, from its selection rule (the arts partners are drawn once, up front). */
function schoolSelector(rnd: Random, schools: SchoolData[], rows: EnrollmentRowData[]): (sel: InitiativeSpec["schools"]) => string {
  const ids = (pred: (s: SchoolData) => boolean): string => schools.filter(pred).map((s) => s.spec.id).join(", ");
  const isElem = (s: SchoolData): boolean => s.spec.kind === "elementary" || s.spec.kind === "k8";
  const hasLevel = (s: SchoolData, level: Level): boolean => rows.some((r) => schools[r.school] === s && r.level === level);
  const byDesc = (key: (s: SchoolData) => number) => (a: SchoolData, b: SchoolData) => key(b) - key(a) || a.spec.id.localeCompare(b.spec.id);
  const sortedIds = (list: SchoolData[]): string =>
    list.map((s) => s.spec.id).sort().join(", ");
  const artsPartners = sortedIds(rnd.shuffle(schools.filter((s) => s.spec.kind === "elementary")).slice(0, 6));

  return (sel) => {
    switch (sel) {
      case "All":
        return "All";
      case "TitleIElementary":
        return ids((s) => s.titleI && isElem(s));
      case "TitleIElemMiddle":
        return ids((s) => s.titleI && (hasLevel(s, "Elementary") || hasLevel(s, "Middle")));
      case "TitleI":
        return ids((s) => s.titleI);
      case "Elementary":
        return ids((s) => hasLevel(s, "Elementary"));
      case "Middle":
        return ids((s) => hasLevel(s, "Middle"));
      case "High":
        return ids((s) => s.spec.kind === "high");
      case "MiddleHigh":
        return ids((s) => hasLevel(s, "Middle") || hasLevel(s, "High"));
      case "HighAlt":
        return ids((s) => hasLevel(s, "High"));
      case "HighestPoverty4":
        return sortedIds(schools.filter((s) => s.spec.kind === "elementary").sort(byDesc((s) => s.povertyShare)).slice(0, 4));
      case "HighestEL3":
        return sortedIds(schools.slice().sort(byDesc((s) => s.elShare)).slice(0, 3));
      case "SomeElementary6":
        return artsPartners;
    }
  };
}

/** The Initiatives table (costs jittered around the specs) and each initiative's total cost by name. */
function initiativesTable(rnd: Random, resolve: (sel: InitiativeSpec["schools"]) => string): { initiatives: RawTable; totals: Map<string, number> } {
  const jitterCost = (x: number, step: number): number => roundTo(x * (1 + rnd.uniform(-0.06, 0.06)), step);
  const totals = new Map<string, number>();
  const initiativeRows: Cell[][] = INITIATIVES.map((it) => {
    const direct = jitterCost(it.direct, 1_000);
    const indirect = it.indirect === null ? null : jitterCost(it.indirect, 500);
    totals.set(it.name, direct + (it.hours ?? 0) * (it.hourly ?? 0) + (indirect ?? 0));
    return [
      it.name,
      it.department,
      it.coordinator,
      resolve(it.schools),
      it.priority,
      it.target,
      it.success,
      direct,
      it.hours,
      it.hourly,
      indirect,
      it.served,
      it.gain,
      it.importance,
      it.effectiveness,
      it.funding,
    ];
  });
  const initiatives = rawTable(
    "Initiatives",
    [
      "Initiative", "Department", "Coordinator", "Schools", "Strategic Priority", "Target Population",
      "Definition of Success", "Direct Cost", "Staff Hours", "Hourly Cost", "Indirect Cost", "Students Served",
      "Learning Gain", "Importance", "Effectiveness", "Funding Source",
    ],
    initiativeRows,
  );
  return { initiatives, totals };
}

/** Segment costs (where given) split the initiative's total cost; the last segment takes the remainder. */
function segmentsTable(totals: Map<string, number>): RawTable {
  const segmentRows: Cell[][] = [];
  const allocated = new Map<string, number>();
  SEGMENTS.forEach((seg, i) => {
    let cost: number | null = null;
    if (seg.costShare !== null) {
      const total = totals.get(seg.initiative) ?? 0;
      const isLast = SEGMENTS.slice(i + 1).every((s) => s.initiative !== seg.initiative);
      const used = allocated.get(seg.initiative) ?? 0;
      cost = isLast ? total - used : dollars(total * seg.costShare);
      allocated.set(seg.initiative, used + cost);
    }
    segmentRows.push([seg.initiative, seg.segment, seg.served, seg.gain, cost]);
  });
  return rawTable("Initiative Segments", ["Initiative", "Segment", "Students Served", "Learning Gain", "Cost"], segmentRows);
}

// ---------------------------------------------------------------------------------------------------------------
// Resource tradeoffs and multi-year planning (issue 8): Budget Lines, Opportunities, Projections and the Policy
// planning settings. Drawn from their own random stream so that the tables above do not change with them.

/** The planning tables, in the order a workbook shows them (after the contract tables). */
export const PLANNING_TABLE_NAMES = ["Budget Lines", "Opportunities", "Projections"] as const;

/** Long-term weights the board aims for (Weights table, Target Weight column). */
const TARGET_WEIGHTS = { poverty: 0.4, englishLearner: 0.22, englishLearnerHigh: 0.25 };

const BUDGET_YEAR = "2026-27";

/** The unlocked pool of the sample's sources in year 1 (Amount × School Share of Unlocked sources), in dollars. */
function unlockedPoolDollars(amounts: number[]): number {
  return SOURCES.reduce((sum, s, i) => (s.status === "Unlocked" ? sum + (amounts[i] ?? 0) * (s.share ?? 1) : sum), 0);
}

/**
 * Planning settings: a 2026-27 budget year, five plan years, modest enrollment decline except in high school,
 * revenue growth, weight targets reached in 2029-30, a hold harmless that falls 2 points a year, and a revenue
 * trigger about 2% above this year's unlocked pool, so that the weights turn on in the second plan year.
 */
function planPolicyRows(amounts: number[]): Cell[][] {
  return [
    ["Budget Year", BUDGET_YEAR],
    ["Plan Years", 5],
    ["Enrollment Growth", -0.005],
    ["Enrollment Growth High", 0.01],
    ["Revenue Growth", 0.02],
    ["Revenue Growth State Base Aid", 0.03],
    ["Revenue Growth Title I Part A", 0],
    ["Target Year", "2029-30"],
    ["Hold Harmless Decay", 0.02],
    ["Revenue Trigger", roundTo(unlockedPoolDollars(amounts) * 1.02, 100_000)],
  ];
}

/** Central budget lines: [area, function, object, fund, nominal dollars, FTE or null]. */
const CENTRAL_LINES: [string, string, string, string, number, number | null][] = [
  ["Instruction", "Instructional Coaching", "Salaries & Benefits", "General Fund", 2_100_000, 21],
  ["Instruction", "Curriculum & Materials", "Supplies & Materials", "General Fund", 3_400_000, null],
  ["Instruction", "Classroom Technology", "Equipment & Software", "General Fund", 2_900_000, null],
  ["Instruction", "Professional Development", "Purchased Services", "Title II", 1_600_000, null],
  ["Instruction", "Substitute Teachers", "Salaries & Benefits", "General Fund", 2_300_000, null],
  ["Instruction", "Extended Day & Summer", "Salaries & Benefits", "Title I", 1_800_000, null],
  ["Special Education", "Special Education Teachers", "Salaries & Benefits", "IDEA", 19_500_000, 215],
  ["Special Education", "Paraprofessionals", "Salaries & Benefits", "General Fund", 7_200_000, 190],
  ["Special Education", "Speech & Language Therapy", "Salaries & Benefits", "General Fund", 2_600_000, 28],
  ["Special Education", "Out-of-District Placements", "Tuition", "General Fund", 4_100_000, null],
  ["Student Support", "Guidance Counselors", "Salaries & Benefits", "General Fund", 4_600_000, 48],
  ["Student Support", "Library & Media", "Salaries & Benefits", "General Fund", 2_200_000, 26],
  ["Student Support", "Health Services", "Salaries & Benefits", "General Fund", 1_900_000, 30],
  ["School Leadership", "Principals & Assistant Principals", "Salaries & Benefits", "General Fund", 9_800_000, 78],
  ["School Leadership", "School Clerical Staff", "Salaries & Benefits", "General Fund", 4_400_000, 82],
  ["Operations", "Transportation", "Salaries & Benefits", "Transportation Fund", 6_300_000, 145],
  ["Operations", "Transportation", "Fuel & Contracted Routes", "Transportation Fund", 4_700_000, null],
  ["Operations", "Food Service", "Salaries & Benefits", "Food Service Fund", 5_100_000, 120],
  ["Operations", "Food Service", "Food & Supplies", "Food Service Fund", 6_000_000, null],
  ["Operations", "Maintenance", "Salaries & Benefits", "General Fund", 4_200_000, 58],
  ["Operations", "Maintenance", "Contracted Repairs", "General Fund", 2_500_000, null],
  ["Operations", "Custodial Services", "Salaries & Benefits", "General Fund", 5_600_000, 110],
  ["Operations", "Utilities & Energy", "Electricity, Gas & Water", "General Fund", 4_800_000, null],
  ["Central Administration", "Superintendent & Board", "Salaries & Benefits", "General Fund", 1_300_000, 8],
  ["Central Administration", "Business & Finance", "Salaries & Benefits", "General Fund", 2_400_000, 24],
  ["Central Administration", "Human Resources", "Salaries & Benefits", "General Fund", 1_700_000, 17],
  ["Central Administration", "Information Technology", "Salaries & Benefits", "General Fund", 2_000_000, 18],
];

/** Students per classroom teacher by level. */
const STUDENTS_PER_TEACHER: Record<Level, number> = { Elementary: 22, Middle: 24, High: 26 };

const OPS = "Reducing operational costs";
const STRUGGLE = "Rethinking service delivery for students who struggle";
const REVENUE = "Maximizing revenue";
const PD = "Professional development";
const STAFF = "Non-instructional staffing";
const TIME = "Instructional time";
const CLASS = "Managing class size";

/**
 * The Smarter School Spending project's 31 cost-savings opportunities in 7 focus areas: [opportunity, area, low $K, high $K, ease,
 * constraint, contract end (ISO) or null, owner, status, funds (an initiative) or null].
 */
const OPPORTUNITIES: [string, string, number, number, number, "Rigid" | "Preference", string | null, string, string, string | null][] = [
  ["General education transportation routes", OPS, 350, 600, 3, "Rigid", "2027-06-30", "Director of Transportation", "Approved", null],
  ["Energy management", OPS, 150, 300, 4, "Preference", null, "Director of Facilities", "Approved", null],
  ["Maintenance services", OPS, 200, 400, 3, "Preference", null, "Director of Facilities", "Proposed", null],
  ["Custodial services", OPS, 250, 450, 2, "Rigid", "2028-06-30", "Director of Facilities", "Proposed", null],
  ["Food services", OPS, 100, 250, 3, "Preference", null, "Director of Nutrition Services", "Proposed", null],
  ["Classroom and instructional technology", OPS, 200, 350, 4, "Preference", null, "Chief Technology Officer", "Funded", null],
  ["Serving mild special needs differently", STRUGGLE, 300, 600, 2, "Preference", null, "Director of Special Education", "Proposed", null],
  ["Paraprofessional positions", STRUGGLE, 400, 700, 2, "Rigid", "2027-08-31", "Director of Special Education", "Proposed", null],
  ["Impact of intervention teaching positions", STRUGGLE, 150, 300, 3, "Preference", null, "Chief Academic Officer", "Proposed", null],
  ["Special education teaching positions", STRUGGLE, 250, 500, 1, "Rigid", null, "Director of Special Education", "Proposed", null],
  ["Speech and language therapist positions", STRUGGLE, 80, 160, 3, "Preference", null, "Director of Special Education", "Proposed", null],
  ["Impact of Title I spending", STRUGGLE, 50, 150, 4, "Preference", null, "Director of Federal Programs", "Approved", null],
  ["Out-of-district special education placements", STRUGGLE, 300, 650, 2, "Preference", null, "Director of Special Education", "Approved", null],
  ["Reliance on alternative schools", STRUGGLE, 150, 300, 2, "Preference", null, "Director of Student Services", "Proposed", null],
  ["Free and reduced-price meal enrollment", REVENUE, 200, 450, 5, "Preference", null, "Director of Nutrition Services", "Implemented", "High-Dosage Tutoring"],
  ["Medicaid reimbursement for health services", REVENUE, 250, 500, 4, "Preference", null, "Chief Financial Officer", "Approved", null],
  ["Professional development expenditures", PD, 250, 450, 4, "Preference", null, "Director of Professional Learning", "Approved", null],
  ["More core-teacher PD at little or no cost", PD, 0, 50, 5, "Preference", null, "Director of Professional Learning", "Proposed", null],
  ["Impact of the coaching model", PD, 0, 80, 4, "Preference", null, "Chief Academic Officer", "Proposed", null],
  ["Instructional coaching positions", PD, 150, 300, 3, "Preference", null, "Chief Academic Officer", "Rejected", null],
  ["Central office spending", STAFF, 300, 600, 3, "Preference", null, "Chief Operating Officer", "Approved", null],
  ["School-based administrator positions", STAFF, 200, 400, 2, "Rigid", "2028-06-30", "Chief of Schools", "Proposed", null],
  ["Clerical support positions", STAFF, 150, 300, 3, "Preference", null, "Chief of Schools", "Proposed", null],
  ["Library and media specialist positions", STAFF, 100, 250, 2, "Preference", null, "Chief Academic Officer", "Proposed", null],
  ["Guidance counselor positions", STAFF, 50, 150, 2, "Preference", null, "Director of Student Services", "Rejected", null],
  ["Teacher absences and substitute costs", TIME, 200, 400, 4, "Preference", null, "Chief Human Resources Officer", "Approved", null],
  ["Extended school day and year programs", TIME, 150, 350, 3, "Preference", null, "Chief Academic Officer", "Proposed", null],
  ["Blended learning and online classes", TIME, 100, 250, 3, "Preference", null, "Chief Technology Officer", "Proposed", null],
  ["Elementary class sizes", CLASS, 400, 900, 1, "Rigid", "2028-06-30", "Chief of Schools", "Proposed", null],
  ["Middle school class sizes", CLASS, 250, 550, 2, "Rigid", "2028-06-30", "Chief of Schools", "Proposed", null],
  ["High school class sizes", CLASS, 300, 650, 2, "Rigid", "2028-06-30", "Chief of Schools", "Proposed", null],
];

function isoDate(text: string): Date {
  const [y, m, d] = text.split("-").map(Number);
  return new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1, d ?? 1));
}

function planningTables(seed: number, schools: SchoolData[], rows: EnrollmentRowData[], amounts: number[]) {
  const rnd = createRandom((seed ^ 0x5eed5) >>> 0);
  const jitter = (x: number, step: number): number => roundTo(x * (1 + rnd.uniform(-0.05, 0.05)), step);

  // One instruction line per school (its classroom teachers), then the central lines.
  const lines: Cell[][] = schools.map((s, i) => {
    let fte = 0;
    for (const r of rows) if (r.school === i) fte += r.students / STUDENTS_PER_TEACHER[r.level];
    fte = Math.max(4, Math.round(fte * (1 + rnd.uniform(-0.06, 0.06)) * 10) / 10);
    const perFte = 88_000 + rnd.uniform(-4_000, 6_000);
    return ["General Fund", "Instruction", "Regular Instruction", "Teacher Salaries & Benefits", s.spec.id, roundTo(fte * perFte, 100), fte];
  });
  for (const [area, fn, object, fund, nominal, fte] of CENTRAL_LINES) {
    lines.push([fund, area, fn, object, "Central", jitter(nominal, 1_000), fte]);
  }
  const budgetLines = rawTable("Budget Lines", ["Fund", "Area", "Function", "Object", "School ID", "Amount", "FTE"], lines);

  const opportunities = rawTable(
    "Opportunities",
    ["Opportunity", "Area", "Low $", "High $", "Ease", "Constraint", "Contract End Date", "Owner", "Status", "Funds"],
    OPPORTUNITIES.map(([name, area, low, high, ease, constraint, end, owner, status, funds]) => [
      name, area, roundTo(low * 900, 5_000), roundTo(high * 900, 5_000), ease, constraint, end === null ? null : isoDate(end), owner, status, funds,
    ]),
  );

  // A few overrides of the growth assumptions: the virtual academy grows fast, high school enrollment is set for
  // 2028-29, Title I is cut in 2027-28 and the local levy is renewed at a higher rate in 2029-30.
  const virtual = schools.findIndex((s) => s.spec.kind === "virtual");
  const virtualStudents = rows.filter((r) => r.school === virtual).reduce((a, r) => a + r.students, 0);
  const highStudents = rows.filter((r) => r.level === "High").reduce((a, r) => a + r.students, 0);
  const amountOf = (name: string): number => amounts[SOURCES.findIndex((s) => s.name === name)] ?? 0;
  const projections = rawTable("Projections", ["Year", "Kind", "Key", "School ID", "Value"], [
    ["2027-28", "Enrollment", "Elementary", schools[virtual]?.spec.id ?? null, Math.round(virtualStudents * 1.15)],
    [2029, "Enrollment", "High", null, Math.round(highStudents * 1.035)],
    ["2027-28", "Revenue", "Title I Part A", null, roundTo(amountOf("Title I Part A") * 0.96, 1_000)],
    [2030, "Revenue", "Local Levy", null, roundTo(amountOf("Local Levy") * 1.12, 1_000)],
  ]);
  return { budgetLines, opportunities, projections };
}
