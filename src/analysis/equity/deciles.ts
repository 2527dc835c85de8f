/**
 * DBOM bar chart data: schools grouped into ten poverty deciles, each holding about a tenth of the district's
 * pupils, with average restricted and unrestricted $ per pupil in each group (the Strategic School Funding for Results guidebook (AIR and Pivot Learning, 2013), Figure 2.4).
 *
 * Grouping: schools are sorted by poverty share (ties by School ID) and a school goes to the decile that holds
 * the midpoint of its pupils on the cumulative pupil count: decile = min(10, ⌊10 × (pupils before + students / 2)
 * ÷ all pupils⌋ + 1). A school is never split, so with few or very unequal schools some deciles may be empty
 * (their $ are null). Group averages are per pupil: Σ money ÷ Σ students; need shares are pupil-weighted.
 */
import type { EquityInput, NeedShare } from "./inputs";

export interface Decile {
  /** 1 = lowest poverty, 10 = highest. */
  decile: number;
  label: string;
  schools: number;
  students: number;
  /** Lowest and highest school poverty share in the group (percent points), null when empty. */
  povertyMin: number | null;
  povertyMax: number | null;
  /** Pupil-weighted average share of every need category (percent points). */
  needs: NeedShare[];
  /** Cents per pupil; null when the decile is empty. */
  restrictedPerPupil: number | null;
  unrestrictedPerPupil: number | null;
  perPupil: number | null;
}

/** Which decile (0-based) the midpoint of a school's pupils falls in. */
export function decileOf(pupilsBefore: number, students: number, totalPupils: number): number {
  return Math.min(9, Math.floor((10 * (pupilsBefore + students / 2)) / totalPupils));
}

export function deciles(inputs: readonly EquityInput[]): Decile[] {
  const schools = inputs.filter((s) => s.students > 0);
  const needNames = schools.length ? schools[0].needs.map((n) => n.name) : [];
  const poverty = (s: EquityInput) => (s.needs.length ? s.needs[0].pct : 0);
  const sorted = [...schools].sort((a, b) => poverty(a) - poverty(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const total = sorted.reduce((t, s) => t + s.students, 0);
  const groups = Array.from({ length: 10 }, () => [] as EquityInput[]);
  let before = 0;
  for (const s of sorted) {
    groups[decileOf(before, s.students, total)].push(s);
    before += s.students;
  }
  const ordinal = (d: number) => (d === 1 ? "lowest" : d === 10 ? "highest" : "");
  return groups.map((g, i) => {
    const d = i + 1;
    const students = g.reduce((t, s) => t + s.students, 0);
    const restricted = g.reduce((t, s) => t + s.restricted, 0);
    const unrestricted = g.reduce((t, s) => t + s.unrestricted, 0);
    const per = (c: number) => (students > 0 ? c / students : null);
    const label = ordinal(d) ? `${d} (${ordinal(d)} poverty)` : String(d);
    return {
      decile: d,
      label,
      schools: g.length,
      students,
      povertyMin: g.length ? poverty(g[0]) : null,
      povertyMax: g.length ? poverty(g[g.length - 1]) : null,
      needs: needNames.map((name, k) => ({
        name,
        pct: students > 0 ? g.reduce((t, s) => t + s.students * (s.needs[k]?.pct ?? 0), 0) / students : 0,
      })),
      restrictedPerPupil: per(restricted),
      unrestrictedPerPupil: per(unrestricted),
      perPupil: per(restricted + unrestricted),
    };
  });
}
