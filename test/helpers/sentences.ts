/**
 * The sentences a source file builds: its string and template literals of three words or more, or with a computation
 * written out ("… × … = …"), read with the TypeScript parser (comments, imports and type positions are not
 * literals). Located errors are the one kind of wording the engine still writes (table, row, column, what was
 * expected, what was found: src/words/errors.ts formats them), so literals inside them are left out: the value of a
 * property or variable named like expected, found, error, problem or message, and the arguments of settingError(…)
 * and of an Error's constructor (also `super(…)` in a class that extends an Error).
 */
import * as ts from "typescript";

const ERROR_NAME = /expected|found|error|problem|message|^why$/i;
const ERROR_CALL = /^settingError$|Error$/;

/** A `super(…)` call in the constructor of a class that extends an Error. */
function errorSuper(call: ts.CallExpression): boolean {
  if (call.expression.kind !== ts.SyntaxKind.SuperKeyword) return false;
  let c: ts.Node | undefined = call.parent;
  while (c && !ts.isClassLike(c)) c = c.parent;
  const base = c?.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression.getText();
  return base !== undefined && ERROR_CALL.test(base.split(".").pop() ?? "");
}

function inLocatedError(n: ts.Node): boolean {
  for (let p: ts.Node | undefined = n.parent; p; p = p.parent) {
    if ((ts.isPropertyAssignment(p) || ts.isVariableDeclaration(p)) && ERROR_NAME.test(p.name.getText())) return true;
    if ((ts.isCallExpression(p) || ts.isNewExpression(p)) && ERROR_CALL.test(p.expression.getText().split(".").pop() ?? "")) return true;
    if (ts.isCallExpression(p) && errorSuper(p)) return true;
    if (ts.isFunctionLike(p)) return false;
  }
  return false;
}

/** "file:line: text" for each sentence `source` builds (a template's substitutions shown as "…"). */
export function sentencesIn(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    let text: string | null = null;
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) text = n.text;
    else if (ts.isTemplateExpression(n)) text = [n.head.text, ...n.templateSpans.map((s) => s.literal.text)].join("…");
    // Three words or more, or a computation written out ("… × … = …").
    const sentence = text !== null && ((text.match(/[A-Za-z]{2,}/g) ?? []).length >= 3 || /\s[×÷=]\s/.test(text));
    if (text !== null && sentence && !ts.isImportDeclaration(n.parent) && !ts.isExportDeclaration(n.parent) && !ts.isLiteralTypeNode(n.parent) && !inLocatedError(n)) {
      out.push(`${file}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}: ${text}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

const READER_CALL = /^(error|rowError|tableError|requiredText|number|students|percent|cents)$/

/** True when `n` is, or holds, a string or template literal that is a sentence (three words or more). */
function holdsSentence(n: ts.Node): boolean {
  let found = false;
  const visit = (m: ts.Node): void => {
    let text: string | null = null;
    if (ts.isStringLiteral(m) || ts.isNoSubstitutionTemplateLiteral(m)) text = m.text;
    else if (ts.isTemplateExpression(m)) text = [m.head.text, ...m.templateSpans.map((s) => s.literal.text)].join("…");
    if (text !== null && (text.match(/[A-Za-z]{2,}/g) ?? []).length >= 3) found = true;
    if (!found) ts.forEachChild(m, visit);
  };
  visit(n);
  return found;
}

/**
 * "file:line: call" for each sentence an analysis hands over as data: pushed as a warning or note (`warnings.push(…)`,
 * `notes.push(…)`), or passed to a table reader as what was expected or found (`t.error(…)`, `t.cents(k, c, { what })`…).
 * The analyses return codes and values; their words are built in src/words.
 */
export function analysisWordingIn(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
      const method = n.expression.name.text;
      const target = n.expression.expression.getText(sf);
      const pushed = method === "push" && /(warnings|notes)$/i.test(target);
      const reader = READER_CALL.test(method);
      if ((pushed || reader) && n.arguments.some(holdsSentence)) {
        out.push(`${file}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}: ${n.getText(sf).replace(/\s+/g, " ").slice(0, 120)}`);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}
