/**
 * The input readers return data, and every sentence is built in src/words: a battery of bad inputs across every
 * reader of the engine gives problems that each carry an expectation code (never words the engine wrote), and the
 * readers' sources hold no sentence of what was expected or found.
 */
import { readdirSync, readFileSync } from "fs";
import * as path from "path";
import { expectationWords, findingWords, parseWarningWords } from "../../src/words/parseErrors";
import type { ParseWarning } from "../../src/engine/problems";
import { errorWords, formatError, wordedError } from "../../src/words/errors";
import type { InputError } from "../../src/engine/types";
import { badInputRuns } from "../helpers/badInputs";

const ROOT = path.join(__dirname, "..", "..");
const runs = badInputRuns();
const problems: { name: string; e: InputError }[] = runs.flatMap((r) => r.errors.map((e) => ({ name: r.name, e })));

describe("the readers report problems as data", () => {
  test("the battery finds many different problems", () => {
    expect(problems.length).toBeGreaterThan(1000);
    const codes = new Set(problems.map(({ e }) => e.expect?.code));
    expect(codes.size).toBeGreaterThan(60);
  });

  test("every problem of the battery is an expectation code with its values, and what was found as data", () => {
    const worded = problems.filter(({ e }) => e.code !== "input" || e.expected !== undefined || e.found !== undefined);
    expect(worded.map(({ name, e }) => `${name}: ${formatError(e)}`)).toEqual([]);
  });

  test("the words are built from the data alone: a problem's sentence is its expectation's and finding's words", () => {
    for (const { e } of problems.slice(0, 400)) {
      if (e.code !== "input") continue;
      expect(errorWords(e)).toEqual({ expected: expectationWords(e.expect), found: findingWords(e.saw) });
      // A surface that shows problems field by field (or as JSON) shows the same words.
      expect(formatError(JSON.parse(JSON.stringify(wordedError(e))) as InputError)).toBe(formatError(e));
    }
  });

  test("the sentences people read are the same as before the move (spot checks across readers)", () => {
    const line = (run: string) => runs.find((r) => r.name === run)?.errors.map(formatError);
    expect(line("Revenue row 1 col 3 = abc")).toEqual(['Revenue row 2, column "Amount" (D2): expected a dollar amount ≥ 0 (e.g. 1250000 or $1,250,000), found "abc"']);
    expect(line("Revenue row 1 col 3 = 1000000000000000")).toEqual([
      'Revenue row 2, column "Amount" (D2): expected a dollar amount ≥ 0 (e.g. 1250000 or $1,250,000), at most $1,000,000,000,000, found 1000000000000000',
    ]);
    expect(line("Enrollment row 1 col 3 = 2.5")).toEqual(['Enrollment row 2, column "Students" (D2): expected a number of students ≥ 0, a whole number of students, found 2.5']);
    expect(line("Eligible 101; 555; 777")).toEqual([
      'Revenue row 3, column "Eligible" (H3): expected All, a list of levels (Elementary, Middle, High), a list of School IDs, or rules joined by "and" such as "Poverty % >= 40%" or "Title I = Yes" (need categories: Poverty, EL; Schools columns: Title I, Region), found "101; 555; 777" ("555", "777" are neither a level nor a School ID)',
    ]);
    expect(line("without Weights")).toEqual(['Weights: expected an Excel table or a sheet named "Weights" with columns "Category", "Level" and "Weight" or "Per Pupil", found no such table or sheet in the workbook']);
    expect(line("Policy row 3 col 1 = abc")).toEqual(['Policy row 4, column "Value" (B4): expected a percentage of Current Budget from 0% to 100% (e.g. 98%), or blank for none, found "abc"']);
    expect(line("Readiness row 1 col 2 = 2.5")).toEqual([
      'Readiness row 2, column "Rating" (C2): expected a whole number from 1 (not in place) to 4 (firmly in place), or blank when not rated yet, found 2.5',
    ]);
  });
});

describe("the readers' warnings are data", () => {
  const warnings = runs.flatMap((r) => r.warnings.map((w) => ({ name: r.name, w: w as ParseWarning })));

  test("every warning of the battery is a code with its values, and every code occurs", () => {
    expect(warnings.filter(({ w }) => typeof w !== "object" || w === null || typeof w.code !== "string").map(({ name }) => name)).toEqual([]);
    expect([...new Set(warnings.map(({ w }) => w.code))].sort()).toEqual(["ignoredColumns", "noEnrollment", "rowSkipped", "textColumn", "unknownSetting"]);
    // Data survives JSON (a surface may keep or send it) and words the same.
    for (const { w } of warnings) expect(parseWarningWords(JSON.parse(JSON.stringify(w)) as ParseWarning)).toBe(parseWarningWords(w));
  });

  test("the sentences people read are the same as before the move", () => {
    const said = (run: string) => runs.find((r) => r.name === run)?.warnings.map((w) => parseWarningWords(w as ParseWarning));
    expect(said("Enrollment text column")).toEqual(['Enrollment column "Gifted" holds no numbers, so it is not a need category.']);
    expect(said("school without enrollment")).toEqual(['School "104" (New School) has no Enrollment rows, so it receives no formula money.']);
    expect(said("Enrollment keyless row with values")).toEqual(['Enrollment row 2 is skipped because its School ID (Enrollment!A2) is blank, so its values are not used (School Name: "Lincoln K-8").']);
    expect(said("Policy unknown setting")?.[0]).toMatch(/^Policy row 11: the setting "Colour" is not one the tool uses \(known: Base Amount, Foundation Per School, .*\); it is kept but ignored\.$/);
    const wide = warnings.filter(({ w }) => w.code === "ignoredColumns").map(({ w }) => parseWarningWords(w));
    expect(wide).toContain('Survey Responses: the column "Timestamp" is not an item of Survey Items and is ignored.');
  });
});

describe("the readers' sources hold no sentence of what was expected or found", () => {
  const files = [
    ...readdirSync(path.join(ROOT, "src/engine/parse")).map((f) => `src/engine/parse/${f}`),
    "src/engine/eligibility.ts",
    "src/engine/allocate/attendance.ts",
    // A scenario's decisions, and the problems the allocation reports at a setting.
    "src/engine/decisions.ts",
    "src/engine/located.ts",
    "src/engine/allocate/adjust.ts",
    // The readers of the tables only the analyses use: their expectations are codes too.
    ...readdirSync(path.join(ROOT, "src/analysis/parse")).map((f) => `src/analysis/parse/${f}`),
  ];
  /** A reader call or problem field given words: a string or template literal where data belongs. */
  const WORDED = [
    // (a code, one word in quotes, is data: { problem: "notYear" })
    /\b(expected|found|problem|what):\s*([`"'])(?![A-Za-z]+\2)/,
    /\.(error|rowError|tableError)\([^;]*?,\s*[`"']/,
    /\.(requiredText|number|students|percent)\([^;]*?,\s*[^,]+,\s*[`"']/,
    /return\s+`"\$\{[^`]*\bis\b/,
    // A warning given words, or a value described for a sentence.
    /\bwarnings\.push\(\s*[`"']/,
    /return\s+["'`]an? [a-z]+ [a-z]+["'`]/,
    // A result's error, a local problem helper or a thrown message given a sentence.
    /\berror:\s*[`"']/,
    /\b(at|policyError|settingError|decisionProblem)\([^;]*?,\s*[`"'][^`"']* [^`"']*[`"']/,
    /[`"'][^`"']*\bexpected (a|an|the|\$\{)[^`"']*[`"']/,    // A registry's words handed to a reader (the registry's setting is the data: { code: "setting", setting }).
    /\.expected\b/,
  ];

  test.each(files)("%s", (file) => {
    const lines = readFileSync(path.join(ROOT, file), "utf8").split("\n");
    const hits = lines.map((l, i) => `${i + 1}: ${l.trim()}`).filter((l) => !/^\d+: (\*|\/\/|\/\*)/.test(l) && WORDED.some((re) => re.test(l)));
    expect(hits).toEqual([]);
  });

  test("the check finds a reader that writes its own words", () => {
    const old = [
      `      if (found === undefined) t.error(k, c.type, \`one of \${TYPES.join(", ")} (or blank)\`);`,
      `    if (total === 0) ctx.errors.push({ ...at, expected: "some revenue to allocate", found: "every Amount in Revenue is 0" });`,
      `    const name = t.requiredText(k, nameCol, "the school's name");`,
      `    if (p === null) return \`"\${right.text}" is not a percentage (write 40%, 40 or 0.4)\`;`,
      `      ctx.warnings.push(\`Enrollment column "\${t.header(c)}" holds no numbers, so it is not a need category.\`);`,
      `  if (isBlank(c)) return "a blank cell";`,
      `    return { ok: false, error: "The scenario is not valid JSON." };`,
      `  if (o.format !== DECISIONS_FORMAT) return { ok: false, error: \`The scenario is not in the "\${DECISIONS_FORMAT}" format.\` };`,
      `      at("School Share", "0% for a Locked source (Locked money is held centrally)", pct(dec.schoolShare));`,
      `      errors.push({ table: "Revenue", row: null, column: "Source", expected: "a source of this district", found: s.name });`,
      `    w.errors.push(settingError(d, "normAdjustment", "0% unless Schools has a Norm Budget column", "no Norm Budget for any school"));`,
      `    throw new RangeError(\`\${e.table}, \${e.column ?? "value"}: expected \${e.expected ?? e.expect?.code}, found \${e.found}\`);`,
      // The analyses' own readers, before their expectations were codes.
      `    const ease = t.number(k, c.ease, "a whole number from 1 (hard) to 5 (easy)", { min: 1, max: 5 });`,
      `    if (kind === undefined) t.error(k, c.kind, \`"Enrollment" or "Revenue"\`);`,
      `      if (dup !== undefined) t.rowError(k, "one row per Year, Kind, Key and School ID", \`the same year, kind, key and school again (already on row \${dup})\`);`,
      `    const restricted = t.cents(k, t.col("Restricted $"), { what: "a dollar amount ≥ 0 (restricted spending)" });`,
      `      if (found === undefined) t.error(k, idCol, "a School ID listed in Schools");`,
      `    const v = r.t.percent(k, r.vCol, spec.expected, { min: spec.min, max: spec.max, blank: 0 });`,
    ];
    for (const l of old) expect(WORDED.some((re) => re.test(l))).toBe(true);
  });
});
