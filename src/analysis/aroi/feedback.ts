/**
 * Principal feedback (DMGroup, Strategic Budgeting (2023), Exhibit 3: perceived efficacy vs. perceived importance). Each initiative with
 * both an Importance and an Effectiveness rating is a point. The rating scale is 1–4 or 1–5
 * (rules.ratingScaleMax, or 5 when any rating exceeds 4, else 4); a rating is "high" when it is above the
 * middle of the scale: 3–4 on a 1–4 scale, 4–5 on a 1–5 scale (3 is the neutral middle there).
 *
 * When the Initiatives table has "Implemented" / "Wanted" columns (Yes/No; kept in attributes), the counts of
 * initiatives implemented or not, and of the not-implemented ones wanted or not, are reported (the source's
 * "Is this initiative implemented on your campus? If not, do you want it to be?").
 */
import type { Cell, Initiative } from "../../engine/types";

/** Importance × effectiveness, each high or not (in words by feedbackQuadrantText, src/words/aroi.ts). */
export type Quadrant = "importantEffective" | "importantNotEffective" | "effectiveLessImportant" | "lessImportantNotEffective";

export const QUADRANTS: readonly Quadrant[] = ["importantEffective", "importantNotEffective", "effectiveLessImportant", "lessImportantNotEffective"];

export interface FeedbackPoint {
  name: string;
  importance: number;
  effectiveness: number;
  quadrant: Quadrant;
}

export interface YesNoCount {
  yes: number;
  no: number;
  /** Blank or unreadable answers. */
  blank: number;
}

export interface Feedback {
  scaleMax: number;
  /** Ratings strictly above this are "high". */
  middle: number;
  points: FeedbackPoint[];
  /** Initiatives missing one or both ratings. */
  unrated: string[];
  quadrants: Record<Quadrant, number>;
  /** Null when the table has no Implemented column. */
  implemented: YesNoCount | null;
  /** Among initiatives not yet in place (Implemented = No or blank); null when the table has no Wanted column. */
  wanted: YesNoCount | null;
}

/** Header normalisation of the contract: case-insensitive, ignoring spaces, "_" and "-". */
function normHeader(h: string): string {
  return h.toLowerCase().replace(/[\s_-]+/g, "");
}

/** Read a Yes/No cell: true, false, or null when blank or not a yes/no answer. */
export function yesNo(v: Cell | undefined): boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v === 1 ? true : v === 0 ? false : null;
  if (typeof v === "string") {
    const t = v.trim().toLowerCase();
    if (["yes", "y", "true", "x", "1"].includes(t)) return true;
    if (["no", "n", "false", "0"].includes(t)) return false;
  }
  return null;
}

/** The attribute value whose header normalises to `key`; `has` says whether the column exists at all. */
export function attribute(i: Initiative, key: string): { has: boolean; value: Cell | undefined } {
  for (const k of Object.keys(i.attributes)) if (normHeader(k) === key) return { has: true, value: i.attributes[k] };
  return { has: false, value: undefined };
}

/** Quadrant of an (importance, effectiveness) pair given the middle of the scale. */
export function quadrantOf(importance: number, effectiveness: number, middle: number): Quadrant {
  const imp = importance > middle;
  const eff = effectiveness > middle;
  if (imp && eff) return "importantEffective";
  if (imp) return "importantNotEffective";
  if (eff) return "effectiveLessImportant";
  return "lessImportantNotEffective";
}

/** Principal feedback over the inventory. */
export function principalFeedback(initiatives: readonly Initiative[], ratingScaleMax: number | null = null): Feedback {
  const rated = initiatives.filter((i) => i.importance !== null && i.effectiveness !== null);
  const anyAbove4 = rated.some((i) => (i.importance as number) > 4 || (i.effectiveness as number) > 4);
  const scaleMax = ratingScaleMax ?? (anyAbove4 ? 5 : 4);
  const middle = (1 + scaleMax) / 2;
  const points = rated.map((i) => ({
    name: i.name,
    importance: i.importance as number,
    effectiveness: i.effectiveness as number,
    quadrant: quadrantOf(i.importance as number, i.effectiveness as number, middle),
  }));
  const quadrants = Object.fromEntries(QUADRANTS.map((q) => [q, 0])) as Record<Quadrant, number>;
  for (const p of points) quadrants[p.quadrant]++;

  const hasImplemented = initiatives.some((i) => attribute(i, "implemented").has);
  const hasWanted = initiatives.some((i) => attribute(i, "wanted").has);
  let implemented: YesNoCount | null = null;
  let wanted: YesNoCount | null = null;
  if (hasImplemented) {
    implemented = { yes: 0, no: 0, blank: 0 };
    for (const i of initiatives) {
      const v = yesNo(attribute(i, "implemented").value);
      if (v === true) implemented.yes++;
      else if (v === false) implemented.no++;
      else implemented.blank++;
    }
  }
  if (hasWanted) {
    wanted = { yes: 0, no: 0, blank: 0 };
    for (const i of initiatives) {
      if (hasImplemented && yesNo(attribute(i, "implemented").value) === true) continue;
      const v = yesNo(attribute(i, "wanted").value);
      if (v === true) wanted.yes++;
      else if (v === false) wanted.no++;
      else wanted.blank++;
    }
  }
  return {
    scaleMax,
    middle,
    points,
    unrated: initiatives.filter((i) => i.importance === null || i.effectiveness === null).map((i) => i.name),
    quadrants,
    implemented,
    wanted,
  };
}
