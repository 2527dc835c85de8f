/**
 * Segment analysis (DMGroup, Strategic Budgeting (2023), "Segment"): where does an initiative work?
 *
 * For each segment row of an initiative (Initiative Segments table):
 * - cost: the segment's own Cost when given; otherwise the initiative's total cost not claimed by segments
 *   with a given cost is split among the remaining segments in proportion to their students served
 *   (largest remainder on cents, see split.ts);
 * - impact = Learning Gain × Students Served, and the segment's A-ROI = impact ÷ cost in dollars;
 * - concentration: the gain is "concentrated" in a segment when that segment holds at least
 *   `impactShare` (default 75%) of the initiative's total impact while holding less than `studentShare`
 *   (default 60%) of its students (the source's math intervention: students a year or more behind gained a
 *   lot, the others almost nothing). Needs two or more segments and a positive total impact.
 */
import type { Cents, InitiativeSegment } from "../../engine/types";
import { computeAroi, type AroiMissing } from "./aroi";
import { splitInProportion } from "./split";

export interface ConcentrationRule {
  /** Minimum share (0..1) of the total gain × students held by one segment. */
  concentrationImpactShare: number;
  /** The segment's share of students must be below this (0..1). */
  concentrationStudentShare: number;
}

export interface SegmentResult {
  segment: string;
  students: number;
  /** Share of the initiative's segment students (0..1), null when they total 0. */
  studentShare: number | null;
  gain: number | null;
  /** Learning Gain × Students Served, null without a gain. */
  impact: number | null;
  /** Share of the total impact (0..1), null when unknown or the total impact is not positive. */
  impactShare: number | null;
  cost: Cents;
  /** The segment's own Cost, or a split of the rest by students. */
  costSource: "given" | "split";
  aroi: number | null;
  per1000: number | null;
  why: AroiMissing | null;
  sheetRow: number;
}

/** The segment the gain is concentrated in, with the rule it meets (in words by concentrationText, src/words/aroi.ts). */
export interface Concentration {
  segment: string;
  impactShare: number;
  studentShare: number;
  rule: ConcentrationRule;
}

export interface SegmentAnalysis {
  initiative: string;
  segments: SegmentResult[];
  totalStudents: number;
  totalImpact: number | null;
  concentrated: Concentration | null;
}

/** Analyse the segment rows of one initiative whose fully loaded cost is `initiativeTotal`. */
export function analyseSegments(
  initiative: string,
  initiativeTotal: Cents,
  rows: readonly InitiativeSegment[],
  rule: ConcentrationRule,
): SegmentAnalysis {
  const given = rows.reduce((s, r) => s + (r.cost !== null ? r.cost : 0), 0);
  const unpriced = rows.map((r, i) => ({ r, i })).filter((x) => x.r.cost === null);
  const pool = Math.max(0, initiativeTotal - given);
  const shares = splitInProportion(pool, unpriced.map((x) => x.r.studentsServed));
  const costs: Cents[] = rows.map((r) => (r.cost !== null ? r.cost : 0));
  unpriced.forEach((x, k) => (costs[x.i] = shares[k]));

  const totalStudents = rows.reduce((s, r) => s + r.studentsServed, 0);
  const known = rows.filter((r) => r.learningGain !== null);
  const totalImpact = known.length ? known.reduce((s, r) => s + (r.learningGain as number) * r.studentsServed, 0) : null;

  const segments: SegmentResult[] = rows.map((r, i) => {
    const impact = r.learningGain !== null ? r.learningGain * r.studentsServed : null;
    const v = computeAroi(r.learningGain, r.studentsServed, costs[i]);
    return {
      segment: r.segment,
      students: r.studentsServed,
      studentShare: totalStudents > 0 ? r.studentsServed / totalStudents : null,
      gain: r.learningGain,
      impact,
      impactShare: impact !== null && totalImpact !== null && totalImpact > 0 ? impact / totalImpact : null,
      cost: costs[i],
      costSource: r.cost !== null ? "given" : "split",
      aroi: v.aroi,
      per1000: v.per1000,
      why: v.why,
      sheetRow: r.sheetRow,
    };
  });
  return { initiative, segments, totalStudents, totalImpact, concentrated: findConcentration(segments, rule) };
}

/** The segment (highest impact share first) in which the gain is concentrated, if any. */
export function findConcentration(segments: readonly SegmentResult[], rule: ConcentrationRule): Concentration | null {
  if (segments.length < 2) return null;
  const candidates = segments
    .filter((s) => s.impactShare !== null && s.studentShare !== null)
    .filter((s) => (s.impactShare as number) >= rule.concentrationImpactShare && (s.studentShare as number) < rule.concentrationStudentShare)
    .sort((a, b) => (b.impactShare as number) - (a.impactShare as number));
  if (!candidates.length) return null;
  const s = candidates[0];
  const impactShare = s.impactShare as number;
  const studentShare = s.studentShare as number;
  return {
    segment: s.segment,
    impactShare,
    studentShare,
    rule: { concentrationImpactShare: rule.concentrationImpactShare, concentrationStudentShare: rule.concentrationStudentShare },
  };
}

/** Same name for matching segment rows to initiatives: trimmed, case-insensitive. */
export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}
