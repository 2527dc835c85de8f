/**
 * The Tier 2 readiness inventory: ratings summarised by the guidebook's four areas, the weakest items with their
 * evidence and owners, and the link to Tier 1 — the stakeholder survey's components that speak to each area. Pure;
 * the shipped questions and the readings' words are in src/words/readiness.ts.
 */
import { READINESS_AREAS, type ReadinessArea, type ReadinessItem } from "../../engine/parse/readiness";
import type { SurveyAnalysis } from "../survey";

/** The survey components (Tier 1) that speak to each readiness area. */
export const AREA_COMPONENTS: Record<ReadinessArea, string[]> = {
  Vision: ["Equity", "Accountability"],
  Context: ["Transparency"],
  Capacity: ["Autonomy", "Innovation", "Community Engagement"],
  Systems: ["Efficiency", "Transparency"],
};

export interface AreaSummary {
  area: ReadinessArea;
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
  readings: ReadinessReading[];
}

/**
 * What the ratings say (worded by src/words/readiness.ts): the strongest and weakest areas, the weak items and where
 * to start, the questions not rated yet, and each area officials rate 3 or more while the survey's answers on a
 * related component mostly disagree.
 */
export type ReadinessReading =
  | { code: "strongestWeakest"; strongest: ReadinessArea; strongestMean: number; weakest: ReadinessArea; weakestMean: number }
  | { code: "weakItems"; count: number; question: string; owner: string }
  | { code: "unrated"; count: number }
  | { code: "surveyDisagrees"; area: ReadinessArea; mean: number; agree: number; component: string; wave: string };

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
  const readings: ReadinessReading[] = [];
  const scored = areas.filter((a) => a.mean !== null);
  if (scored.length) {
    const low = [...scored].sort((a, b) => (a.mean as number) - (b.mean as number))[0];
    const high = [...scored].sort((a, b) => (b.mean as number) - (a.mean as number))[0];
    readings.push({ code: "strongestWeakest", strongest: high.area, strongestMean: high.mean as number, weakest: low.area, weakestMean: low.mean as number });
  }
  if (weakest.length) readings.push({ code: "weakItems", count: weakest.length, question: weakest[0].question, owner: weakest[0].owner });
  if (unrated) readings.push({ code: "unrated", count: unrated });
  for (const a of areas)
    for (const s of a.survey)
      if (s.agree !== null && a.mean !== null && s.agree < 0.5 && a.mean >= 3)
        readings.push({ code: "surveyDisagrees", area: a.area, mean: a.mean, agree: s.agree, component: s.component, wave: s.wave });
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
