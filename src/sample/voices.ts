/**
 * The sample's stakeholder survey (two waves), readiness inventory, peer districts and school outcomes, drawn from
 * their own random stream so that the other sample tables do not change with them.
 *
 * - Survey Responses: in each of two waves, the principal, two teachers, one School Site Council member and one
 *   parent of every school and twelve central office staff answer one example item per component (1–4). Agreement
 *   rises a little between waves except Transparency among principals, which falls about 12 points.
 * - Readiness: the shipped questions, rated with evidence and owners.
 * - Peers: twelve fictional mid-size districts (12,000–38,000 students) with $ and FTE by function, around the
 *   sample district's own per-pupil figures from Budget Lines (0.8× to 1.25×).
 * - Outcomes: reading proficiency (%) by school for two years, falling with poverty, with noise.
 */
import { READINESS_AREAS } from "../engine/parse/readiness";
import type { Cell, RawTable } from "../engine/types";
import { READINESS_QUESTIONS } from "../words/readiness";
import { TEMPLATE_ITEMS } from "../words/survey";
import { clamp, createRandom } from "./random";
import { rawTable } from "./tables";

/** The survey, readiness, peer and outcome tables, in the order a workbook shows them. */
export const VOICES_TABLE_NAMES = ["Survey Responses", "Survey Items", "Survey Waves", "Readiness", "Peers", "Outcomes"] as const;

export const SAMPLE_WAVES = ["2024 Fall", "2025 Fall"] as const;

/** One item per component: the first example item of each. */
const SAMPLE_ITEMS = TEMPLATE_ITEMS.filter((x, i) => TEMPLATE_ITEMS.findIndex((y) => y.component === x.component) === i);

/** Baseline chance of agreeing (3 or 4) by component, and the lift by role. */
const COMPONENT_AGREE: Record<string, number> = {
  Equity: 0.55,
  Transparency: 0.5,
  Autonomy: 0.45,
  Efficiency: 0.6,
  Accountability: 0.75,
  "Community Engagement": 0.48,
  Innovation: 0.42,
};
const ROLE_LIFT: Record<string, number> = { Principal: 0.12, Teacher: -0.05, "School Site Council": 0, Parent: -0.08, "Central Office": 0.15 };

export interface VoicesInput {
  seed: number;
  schools: { id: string; poverty: number }[];
  /** Budget Lines rows (Fund, Area, Function, Object, School ID, Amount, FTE). */
  budgetLines: RawTable;
  students: number;
}

function surveyTables(rnd: ReturnType<typeof createRandom>, schools: VoicesInput["schools"]): RawTable[] {
  const rows: Cell[][] = [];
  const people: { id: string; role: string; school: string }[] = [];
  for (const s of schools) {
    people.push({ id: `${s.id}-P`, role: "Principal", school: s.id });
    for (let k = 1; k <= 2; k++) people.push({ id: `${s.id}-T${k}`, role: "Teacher", school: s.id });
    people.push({ id: `${s.id}-C`, role: "School Site Council", school: s.id });
    people.push({ id: `${s.id}-F`, role: "Parent", school: s.id });
  }
  for (let k = 1; k <= 12; k++) people.push({ id: `CO-${String(k).padStart(2, "0")}`, role: "Central Office", school: "District" });
  SAMPLE_WAVES.forEach((wave, w) => {
    for (const p of people) {
      for (const { item, component } of SAMPLE_ITEMS) {
        let agree = COMPONENT_AGREE[component] + (ROLE_LIFT[p.role] ?? 0) + (w === 1 ? 0.05 : 0);
        if (w === 1 && component === "Transparency" && p.role === "Principal") agree -= 0.17;
        agree = clamp(agree, 0.05, 0.95);
        // About 3% leave an item blank.
        if (rnd.chance(0.03)) {
          rows.push([`${p.id}-${w + 1}`, p.role, p.school, wave, item, component, null]);
          continue;
        }
        const yes = rnd.chance(agree);
        const strong = rnd.chance(yes ? 0.35 : 0.3);
        rows.push([`${p.id}-${w + 1}`, p.role, p.school, wave, item, component, yes ? (strong ? 4 : 3) : strong ? 1 : 2]);
      }
    }
  });
  return [
    rawTable("Survey Responses", ["Respondent", "Role", "School ID", "Wave", "Item", "Component", "Response"], rows),
    rawTable("Survey Items", ["Item", "Component"], TEMPLATE_ITEMS.map((x) => [x.item, x.component])),
    rawTable("Survey Waves", ["Wave"], SAMPLE_WAVES.map((w) => [w])),
  ];
}

const OWNERS: Record<string, string> = {
  Vision: "Superintendent",
  Context: "Chief of Staff",
  Capacity: "Chief Academic Officer",
  Systems: "Chief Financial Officer",
};
const EVIDENCE = [
  "Board retreat notes, strategic plan draft",
  "Principal meeting minutes",
  "Budget calendar and last year's timeline",
  "Finance system report samples",
  "Staff interviews in the spring",
  "Union leadership meeting",
  "",
];

function readinessTable(rnd: ReturnType<typeof createRandom>): RawTable {
  const rows: Cell[][] = [];
  for (const area of READINESS_AREAS) {
    READINESS_QUESTIONS[area].questions.forEach((q, i) => {
      const rating = area === "Systems" && i === 0 ? 1 : clamp(Math.round(rnd.normal(area === "Vision" ? 3.1 : area === "Systems" ? 2.2 : 2.6, 0.7)), 1, 4);
      const unrated = area === "Context" && i === 3;
      rows.push([area, q, unrated ? null : rating, unrated ? null : rnd.pick(EVIDENCE) || null, rnd.chance(0.85) ? OWNERS[area] : null]);
    });
  }
  return rawTable("Readiness", ["Area", "Question", "Rating", "Evidence", "Owner"], rows);
}

/** The functions peers report, with how the sample district's Budget Lines roll up into them (by Function, else Area). */
const PEER_FUNCTIONS = [
  "Regular Instruction",
  "Special Education",
  "Student Support",
  "School Leadership",
  "Transportation",
  "Food Service",
  "Maintenance",
  "Custodial Services",
  "Central Administration",
];

const PEER_NAMES = [
  "Cedar Falls Unified",
  "Harbor View Public Schools",
  "Prairie Ridge School District",
  "Silver Lake Unified",
  "Granite Hills School District",
  "Riverbend Community Schools",
  "Oak Hollow Unified",
  "Summit Valley Schools",
  "Willow Creek School District",
  "Eastbrook Public Schools",
  "Red Mesa Unified",
  "Northgate School District",
];

function peersTable(rnd: ReturnType<typeof createRandom>, lines: RawTable, students: number): RawTable {
  const h = (name: string) => lines.headers.indexOf(name);
  const own = PEER_FUNCTIONS.map((fn) => {
    let amount = 0;
    let fte = 0;
    for (const r of lines.rows) {
      if (r[h("Function")] === fn || r[h("Area")] === fn) {
        amount += Number(r[h("Amount")] ?? 0);
        fte += Number(r[h("FTE")] ?? 0);
      }
    }
    return { fn, perPupil: amount / students, perFte: fte > 0 ? students / fte : null };
  });
  const rows: Cell[][] = [];
  PEER_NAMES.forEach((name, d) => {
    const enrollment = Math.round(rnd.uniform(12_000, 38_000) / 10) * 10;
    const scale = rnd.uniform(0.88, 1.12);
    for (const f of own) {
      // Central administration varies most between districts; larger districts spend a little less per pupil on it.
      const spread = f.fn === "Central Administration" ? rnd.uniform(0.68, 1.08) * (24_000 / enrollment) ** 0.15 : rnd.uniform(0.85, 1.18);
      const amount = Math.round((f.perPupil * scale * spread * enrollment) / 1_000) * 1_000;
      // Two districts publish no staffing figures.
      const fte = f.perFte === null || d === 3 || d === 9 ? null : Math.round((enrollment / (f.perFte * rnd.uniform(0.85, 1.2))) * 10) / 10;
      rows.push([name, enrollment, f.fn, amount, fte]);
    }
  });
  return rawTable("Peers", ["District", "Enrollment", "Function", "Amount", "FTE"], rows);
}

function outcomesTable(rnd: ReturnType<typeof createRandom>, schools: VoicesInput["schools"]): RawTable {
  const rows: Cell[][] = [];
  for (const year of [2025, 2026])
    for (const s of schools) {
      const value = clamp(82 - 45 * s.poverty + rnd.normal(0, 6) + (year === 2026 ? 1.5 : 0), 5, 98);
      rows.push([s.id, year, "Reading Proficiency %", Math.round(value * 10) / 10]);
    }
  return rawTable("Outcomes", ["School ID", "Year", "Measure", "Value"], rows);
}

/** The survey, readiness, peer and outcome tables of the sample district. */
export function voicesTables(input: VoicesInput): RawTable[] {
  const rnd = createRandom((input.seed ^ 0x0f1ce5) >>> 0);
  return [...surveyTables(rnd, input.schools), readinessTable(rnd), peersTable(rnd, input.budgetLines, input.students), outcomesTable(rnd, input.schools)];
}
