/**
 * Money is written by one module (src/engine/money.ts). This test reads every source file and fails, naming
 * file:line, where currency is formatted by hand: an Intl currency format or toLocaleString with a currency, a "$"
 * glued to a number formatting call, a "$" concatenated with a figure, or a minus (true or hyphen) written in front
 * of a dollar figure. The scanner is checked on examples of each, so that it cannot silently pass.
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");
const MONEY_MODULE = "src/engine/money.ts";

/** Calls that write money (the money module's and the thin wrappers over it). */
const MONEY_CALL = String.raw`\b(?:dollars|wholeDollars|dollarsAndCents|perPupil|shortDollars|dollarsInWords|dollarFigure|editableDollars|money\w*|formatDollars|usd)\(`;
/** A number formatting call: what a hand-written "$" is glued to. */
const NUMBER_FORMAT = String.raw`(?:toLocaleString\(|toFixed\(|\.format\(|Math\.round\()`;

const RULES: { why: string; re: RegExp }[] = [
  { why: "an Intl currency format", re: /Intl\.NumberFormat\([^)]*currency/ },
  { why: "toLocaleString with a currency", re: /toLocaleString\([^)]*currency/ },
  { why: '"$" glued to a number formatting call', re: new RegExp(String.raw`\$\$\{[^}]*` + NUMBER_FORMAT) },
  { why: '"$" concatenated with a figure', re: /["'`]\$["'`]\s*\+|\+\s*["'`]\$["'`]|["'`](?:−|\\u2212|-)\$["'`]/ },
  {
    why: "a minus written in front of a dollar figure",
    // A true minus anywhere before a money call; a hyphen only as a sign picked by a condition (`c < 0 ? "-" : "+"`).
    re: new RegExp(String.raw`(?:["'\`](?:−|\\u2212)["'\`]|\?\s*["'\`]-["'\`]|["'\`]-["'\`]\s*[:}]|\bMINUS\b(?!\}\s)|−\$\{)[^;\n]{0,60}` + MONEY_CALL),
  },
  { why: "a hyphen replaced after formatting money", re: new RegExp(MONEY_CALL + String.raw`[^;\n]*\)\.replace\(\s*["'/]-`) },
];

/** Offenders in one file's text, as "file:line: why: code". Comment lines are skipped. */
export function handFormatted(file: string, text: string): string[] {
  const out: string[] = [];
  text.split("\n").forEach((line, i) => {
    const code = line.trim();
    if (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*")) return;
    for (const r of RULES) if (r.re.test(line)) out.push(`${file}:${i + 1}: ${r.why}: ${code.slice(0, 140)}`);
  });
  return out;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe("money is formatted in one place", () => {
  test("no file outside the money module formats currency by hand", () => {
    const offenders = sourceFiles(path.join(ROOT, "src"))
      .map((f) => path.relative(ROOT, f).split(path.sep).join("/"))
      .filter((f) => f !== MONEY_MODULE)
      .flatMap((f) => handFormatted(f, fs.readFileSync(path.join(ROOT, f), "utf8")));
    expect(offenders).toEqual([]);
  });

  test("the scanner finds each kind of hand formatting, and leaves the money module's calls and sheet references alone", () => {
    const bad = [
      'const USD = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });',
      'const t = n.toLocaleString("en-US", { style: "currency", currency: "USD" });',
      "const t = `${r.type} $${Math.round(c / 100).toLocaleString(\"en-US\")}`;",
      "const t = `$${(d / 1e6).toFixed(1)} million`;",
      'return "$" + plain.format(c / 100);',
      'return (c < 0 ? "−$" : "$") + plain.format(Math.abs(c) / 100);',
      'const t = `${c >= 0 ? "+" : "−"}${dollars(Math.abs(c), 2)}`;',
      "const t = `lines: −${dollars(-l.amount)}`;",
      "const t = `change ${MINUS}${dollars(-c)}`;",
      'pad(gap === null ? "—" : `${gap < 0 ? "-" : "+"}${moneyWords(Math.abs(gap))}`, 11, true)',
      "<dd>{dollars(x.cents).replace(\"-\", \"−\")}</dd>",
    ];
    const found = bad.map((line, i) => handFormatted("x.ts", `${"\n".repeat(i)}${line}`));
    found.forEach((f, i) => expect([i, f.length > 0, f[0]?.startsWith(`x.ts:${i + 1}: `)]).toEqual([i, true, true]));

    const fine = [
      "const t = `${name}: ${signedChange(c, dollarsAndCents)}`;",
      "const t = `Total ${dollars(total)} for ${count(n)} students`;",
      "titleRows = `$${explicit.first + 1}:$${explicit.last + 1}`;",
      "return { range: `$A$${top + 1}:$A$${r}` };",
      "  currency: '\"$\"#,##0.00',",
      ' * e.g. "−$300" written by dollars(c) (a comment)',
      "const t = `${name} (B − A): ${dollars(d)}`;",
      // A spaced minus between two figures is a subtraction, not a sign.
      "const t = `(${dollars(a)} norm budget ${MINUS} ${dollars(b)} formula)`;",
      'const id = parts.join("-") + dollars(c);',
    ];
    expect(fine.flatMap((line) => handFormatted("y.ts", line))).toEqual([]);
  });
});
