import { deciles } from "../../src/analysis/equity/deciles";
import { multipleOls, simpleOls } from "../../src/analysis/equity/regression";
import { equityStats, STAT_KEYS } from "../../src/analysis/equity/stats";
import { dollars, equityWords, pct, statisticMeaning } from "../../src/words/equity";
import { input } from "../analysis/equity/fixture";

describe("words", () => {
  test("money and percent formatting", () => {
    expect(dollars(123_456)).toBe("$1,235");
    expect(dollars(-50_000)).toBe("\u2212$500");
    expect(dollars(1234, 2)).toBe("$12.34");
    expect(pct(0.1234)).toBe("12.3%");
  });

  // per pupil rises with poverty: $1,000 at 10%, $1,200 at 50%, $1,400 at 90% (100 pupils each; totals in cents)
  const inputs = [input("A", 100, 0, 10_000_000, 10, 0), input("B", 100, 1_000_000, 11_000_000, 50, 30), input("C", 100, 2_000_000, 12_000_000, 90, 10)];
  const v = inputs.map((s) => s.perPupil);
  const w = inputs.map((s) => s.students);
  const p = inputs.map((s) => s.needs[0].pct);
  const pw = equityStats(v, w, p);
  const words = equityWords({
    unweighted: equityStats(v, null, p),
    pupilWeighted: pw,
    schools: 3,
    povertyName: "Poverty",
    simple: simpleOls(p, v, w),
    multi: multipleOls(inputs.map((s) => s.needs.map((n) => n.pct)), v, ["Poverty", "English Learner"], w),
    deciles: deciles(inputs),
  });

  test("horizontal equity in words, from the numbers", () => {
    // 300 pupils: p5 at h = 299·0.05 = 14.95 (inside the $1,000 pupils), p95 at h = 284.05 (inside the $1,400 ones)
    expect(words.horizontal[0]).toBe("Across 3 schools, funding ranges from $1,000 to $1,400 per pupil; the middle 90% of pupils are in schools getting between $1,000 and $1,400.");
    // cv = sqrt(((−200)² + 0 + 200²) / 3) / 1,200 = 13.6%
    expect(words.horizontal[1]).toMatch(/13\.6% away from the average of \$1,200 per pupil.*a wide spread/);
  });

  test("vertical equity: a rising line is called progressive", () => {
    // slope = $400 over 80 points = $5 per point -> $50 per 10 points
    expect(words.vertical[0]).toMatch(/^Each 10 more percentage points of Poverty go with \$50 more per pupil/);
    expect(words.vertical[0]).toMatch(/100\.0% of the differences/);
    expect(words.vertical[0]).toMatch(/progressive/);
    expect(words.vertical[1]).toMatch(/highest-Poverty group \(decile \d+\) get \$1,400 per pupil \(\$200 restricted, \$1,200 unrestricted\), against \$1,000 in the lowest \(decile \d+\) \(40\.0% more\)/);
  });

  test("a falling line is regressive; a flat one is no clear relationship", () => {
    const xs = [10, 20, 30, 40, 50];
    const down = simpleOls(xs, [500, 400, 300, 200, 100]);
    const words2 = equityWords({ unweighted: pw, pupilWeighted: pw, schools: 5, povertyName: "Poverty", simple: down, multi: null, deciles: [] });
    expect(words2.vertical[0]).toMatch(/less per pupil.*regressive/);
    const flat = simpleOls(xs, [300, 310, 290, 305, 295]);
    const words3 = equityWords({ unweighted: pw, pupilWeighted: pw, schools: 5, povertyName: "Poverty", simple: flat, multi: null, deciles: [] });
    expect(words3.vertical[0]).toMatch(/no clear pattern/);
  });

  test("every statistic has a meaning", () => {
    for (const k of STAT_KEYS) expect(statisticMeaning(k, pw, "Poverty").length).toBeGreaterThan(20);
    expect(statisticMeaning("cv", pw, "Poverty")).toMatch(/Here 13\.6%: above the benchmark/);
  });
});
