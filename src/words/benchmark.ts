/** The peer benchmark in words: each function against the peer median, its staffing, and the central office share. */
import type { BenchmarkReading } from "../analysis/benchmark";
import { dollarsInWords } from "../engine/money";

/** Cents as "$3.4 million", "$812", "$45,300" (the money module's words). */
export const moneyWords = dollarsInWords;

/** 1 → "1st", 2 → "2nd", 11 → "11th", 23 → "23rd". */
function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? "th" : n % 10 === 1 ? "st" : n % 10 === 2 ? "nd" : n % 10 === 3 ? "rd" : "th";
  return `${n}${s}`;
}

/** A function's $ per pupil against the peer median, what matching it would free or take, and its rank. */
function againstMedianText(r: BenchmarkReading & { code: "againstMedian" }): string {
  const gap = Math.round(r.gapPerPupil / 100);
  const where = gap === 0 ? "at the peer median" : `${moneyWords(Math.abs(r.gapPerPupil))} ${gap > 0 ? "above" : "below"} the peer median of ${moneyWords(r.peerMedian)}`;
  const what = gap > 0 ? `; matching the median would free ${moneyWords(r.gapTotal)}` : gap < 0 ? `; reaching the median would take ${moneyWords(-r.gapTotal)} more` : "";
  const rank = r.rank === null ? "" : ` (${ordinal(r.rank)} lowest of ${r.rankOf})`;
  return `${r.function}: ${moneyWords(r.perPupil)} per pupil, ${where}${what}${rank}.`;
}

/** A reading as printed (sheet, CLI, pane). */
export function benchmarkReadingText(r: BenchmarkReading): string {
  switch (r.code) {
    case "notInBudgetLines":
      return `${r.function}: not in Budget Lines (neither a Function nor an Area of that name), so it cannot be compared.`;
    case "againstMedian":
      return againstMedianText(r);
    case "staffing":
      return `${r.function} staffing: ${r.studentsPerFte.toFixed(1)} students per FTE against a peer median of ${r.peerMedian.toFixed(1)} (${r.studentsPerFte >= r.peerMedian ? "leaner" : "richer"} staffing than the typical peer).`;
    case "centralShare":
      return (
        `Central office (${r.functions.join(", ")}): ${(r.share * 100).toFixed(1)}% of spending on the compared functions, against a peer median of ${(r.peerMedian * 100).toFixed(1)}%` +
        (r.perPupil !== null && r.peerMedianPerPupil !== null ? ` (${moneyWords(r.perPupil)} per pupil against ${moneyWords(r.peerMedianPerPupil)}).` : ".")
      );
  }
}
