/**
 * The Tier 2 readiness inventory: the questions the tool ships (the guidebook's four areas in this tool's own words),
 * ratings summarised by area, the weakest items with their evidence and owners, and the link to Tier 1 — the
 * stakeholder survey's components that speak to each area. Pure.
 */
import type { RawTable, RawTables } from "../../engine/types";
import { READINESS_AREAS, READINESS_TABLE, type ReadinessArea, type ReadinessItem } from "../../engine/parse/readiness";
import type { SurveyAnalysis } from "../survey";

/** What each area looks at, and the shipped questions. */
export const READINESS_QUESTIONS: Record<ReadinessArea, { about: string; questions: string[] }> = {
  Vision: {
    about: "how per-pupil budgeting fits the district's vision, and who supports it",
    questions: [
      "We can describe what greater success for our students would look like in three years.",
      "The roles of the district and of each school in reaching that success are agreed and written down.",
      "The board, principals, teachers, unions and parents support changing how money reaches schools.",
    ],
  },
  Context: {
    about: "district priorities, reform history, policy, the financial climate and the school board",
    questions: [
      "We know which other initiatives are under way and how this work fits with them.",
      "We have learned from earlier attempts at school-based or student-based budgeting.",
      "The school board is a steady partner for a change that takes several years.",
      "Our budget outlook is steady enough to change how money is allocated.",
    ],
  },
  Capacity: {
    about: "district culture and the skills of central office staff, principals, teachers and the community",
    questions: [
      "Central office staff have the skills and the time to run a weighted allocation.",
      "Principals are ready to build budgets tied to their school plans.",
      "A written district policy says what schools decide and what the district decides.",
      "Parents and community members take part in school planning.",
      "Schools work together and share what works.",
    ],
  },
  Systems: {
    about: "school planning and budgeting, and the technology and communication that support it",
    questions: [
      "Schools follow a planning and budgeting calendar that leaves enough time to build a plan.",
      "Our finance system reports spending by school, fund and function.",
      "Principals have tools to see and manage their school budget during the year.",
      "We explain allocations to school communities and have a way to hear back.",
    ],
  },
};

/** The survey components (Tier 1) that speak to each readiness area. */
export const AREA_COMPONENTS: Record<ReadinessArea, string[]> = {
  Vision: ["Equity", "Accountability"],
  Context: ["Transparency"],
  Capacity: ["Autonomy", "Innovation", "Community Engagement"],
  Systems: ["Efficiency", "Transparency"],
};

/** The Readiness table with the shipped questions and blank ratings, evidence and owners. */
export function readinessTemplate(present: Set<string> = new Set()): RawTables {
  if (present.has(READINESS_TABLE.toLowerCase())) return {};
  const rows = READINESS_AREAS.flatMap((area) => READINESS_QUESTIONS[area].questions.map((q) => [area, q, null, null, null]));
  const t: RawTable = { name: READINESS_TABLE, headers: ["Area", "Question", "Rating", "Evidence", "Owner"], rows, origin: { sheet: READINESS_TABLE, headerRow: 1, firstColumn: 1, kind: "table" } };
  return { [READINESS_TABLE.toLowerCase()]: t };
}

export interface AreaSummary {
  area: ReadinessArea;
  about: string;
  questions: number;
  rated: number;
  /** Mean rating of the rated questions (1–4); null when none is rated. */
  mean: number | null;
  /** Share of rated questions at 3 or 4. */
  ready: number | null;
  /** Tier 1: the related survey components' agreement in the latest wave (null when suppressed or absent). */
  survey: { component: string; wave: string; agree: number | null; n: number }[];
}

export interface ReadinessAnalysis {
  areas: AreaSummary[];
  /** Rated 1 or 2, lowest first (then in table order). */
  weakest: ReadinessItem[];
  unrated: number;
  readings: string[];
}

/** A rating of 2 or below is a weak item. */
export const WEAK_RATING = 2;

export function analyseReadiness(items: readonly ReadinessItem[], survey: SurveyAnalysis | null = null): ReadinessAnalysis {
  const last = survey ? survey.waves[survey.waves.length - 1] : undefined;
  const areas: AreaSummary[] = READINESS_AREAS.map((area) => {
    const mine = items.filter((x) => x.area === area);
    const rated = mine.filter((x) => x.rating !== null).map((x) => x.rating as number);
    const sum = rated.reduce((t, x) => t + x, 0);
    const related = survey
      ? AREA_COMPONENTS[area].flatMap((component) => {
          const row = survey.byComponent.find((r) => r.component === component && r.wave === last);
          return row ? [{ component, wave: row.wave, agree: row.agree, n: row.n }] : [];
        })
      : [];
    return {
      area,
      about: READINESS_QUESTIONS[area].about,
      questions: mine.length,
      rated: rated.length,
      mean: rated.length ? sum / rated.length : null,
      ready: rated.length ? rated.filter((x) => x >= 3).length / rated.length : null,
      survey: related,
    };
  });
  const weakest = items
    .map((x, i) => ({ x, i }))
    .filter(({ x }) => x.rating !== null && x.rating <= WEAK_RATING)
    .sort((a, b) => (a.x.rating as number) - (b.x.rating as number) || a.i - b.i)
    .map(({ x }) => x);
  const unrated = items.filter((x) => x.rating === null).length;
  const readings: string[] = [];
  const scored = areas.filter((a) => a.mean !== null);
  if (scored.length) {
    const low = [...scored].sort((a, b) => (a.mean as number) - (b.mean as number))[0];
    const high = [...scored].sort((a, b) => (b.mean as number) - (a.mean as number))[0];
    readings.push(`Strongest area: ${high.area} (average rating ${(high.mean as number).toFixed(1)} of 4). Weakest: ${low.area} (${(low.mean as number).toFixed(1)} of 4).`);
  }
  if (weakest.length)
    readings.push(`${weakest.length} item${weakest.length === 1 ? " is" : "s are"} rated 2 or below; start with: “${weakest[0].question}”${weakest[0].owner ? ` (owner: ${weakest[0].owner})` : " (no owner named yet)"}.`);
  if (unrated) readings.push(`${unrated} question${unrated === 1 ? " is" : "s are"} not rated yet.`);
  for (const a of areas)
    for (const s of a.survey)
      if (s.agree !== null && a.mean !== null && s.agree < 0.5 && a.mean >= 3)
        readings.push(`${a.area}: officials rate it ${a.mean.toFixed(1)} of 4, but only ${Math.round(s.agree * 100)}% of survey answers on ${s.component} agree (${s.wave}): worth a conversation.`);
  return { areas, weakest, unrated, readings };
}

/** summary.json's `readiness` object. */
export function readinessJson(r: ReadinessAnalysis): Record<string, unknown> {
  return {
    areas: r.areas.map((a) => ({ area: a.area, questions: a.questions, rated: a.rated, mean: a.mean, ready: a.ready })),
    weakest: r.weakest.map((x) => ({ area: x.area, question: x.question, rating: x.rating, evidence: x.evidence, owner: x.owner })),
    unrated: r.unrated,
  };
}
