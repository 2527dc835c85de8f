/**
 * The peer benchmark's words (src/words/benchmark.ts): the analysis returns codes and cents, the sheet, the CLI and
 * the pane print these sentences. The expected sentences are written out by hand, as the analysis printed them
 * before the wording left it.
 */
import type { BenchmarkReading } from "../../src/analysis/benchmark";
import { benchmarkReadingText } from "../../src/words/benchmark";

const fn = { code: "againstMedian", function: "Transportation", perPupil: 52_000, peerMedian: 55_000, gapPerPupil: -3_000, gapTotal: -3_000_000, rank: 3, rankOf: 5 } as const;

test.each<[string, BenchmarkReading, string]>([
  ["below the median", fn, "Transportation: $520 per pupil, $30 below the peer median of $550; reaching the median would take $30,000 more (3rd lowest of 5)."],
  ["above the median", { ...fn, perPupil: 51_400, peerMedian: 47_700, gapPerPupil: 3_700, gapTotal: 77_074_200, rank: 11, rankOf: 13 }, "Transportation: $514 per pupil, $37 above the peer median of $477; matching the median would free $770,742 (11th lowest of 13)."],
  ["at the median (the gap rounds to no dollar)", { ...fn, perPupil: 9_000, peerMedian: 9_040, gapPerPupil: -40, gapTotal: -40_000, rank: 1, rankOf: 22 }, "Transportation: $90 per pupil, at the peer median (1st lowest of 22)."],
  ["no rank", { ...fn, rank: null, gapPerPupil: 10_000, gapTotal: 1e8 }, "Transportation: $520 per pupil, $100 above the peer median of $550; matching the median would free $1.0 million."],
  ["not in Budget Lines", { code: "notInBudgetLines", function: "Food Service" }, "Food Service: not in Budget Lines (neither a Function nor an Area of that name), so it cannot be compared."],
  ["leaner staffing", { code: "staffing", function: "Transportation", studentsPerFte: 143.49, peerMedian: 137 }, "Transportation staffing: 143.5 students per FTE against a peer median of 137.0 (leaner staffing than the typical peer)."],
  ["richer staffing", { code: "staffing", function: "Food Service", studentsPerFte: 173.4, peerMedian: 192.5 }, "Food Service staffing: 173.4 students per FTE against a peer median of 192.5 (richer staffing than the typical peer)."],
  [
    "the central office share",
    { code: "centralShare", functions: ["Central Administration"], share: 0.0421, peerMedian: 0.0389, perPupil: 35_900, peerMedianPerPupil: 30_800 },
    "Central office (Central Administration): 4.2% of spending on the compared functions, against a peer median of 3.9% ($359 per pupil against $308).",
  ],
  ["the central office share without per-pupil figures", { code: "centralShare", functions: ["A", "B"], share: 0.1, peerMedian: 0.05, perPupil: null, peerMedianPerPupil: null }, "Central office (A, B): 10.0% of spending on the compared functions, against a peer median of 5.0%."],
])("%s", (_, r, text) => {
  expect(benchmarkReadingText(r)).toBe(text);
});
