/**
 * Lists the functions in src/ longer than a number of lines (default 80), longest first: `tsx scripts/long-functions.ts [lines]`.
 * Functions, methods, arrow functions and function expressions are measured from their first to their last line;
 * a function nested in a long one is listed on its own too.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

export interface LongFunction {
  file: string;
  line: number;
  name: string;
  lines: number;
}

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

function nameOf(node: ts.Node): string {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) return node.name.getText();
  if (ts.isConstructorDeclaration(node)) return "constructor";
  const p = node.parent;
  if (p && ts.isVariableDeclaration(p)) return p.name.getText();
  if (p && ts.isPropertyAssignment(p)) return p.name.getText();
  if (p && ts.isCallExpression(p)) return `(callback of ${p.expression.getText().slice(0, 40)})`;
  return "(anonymous)";
}

export function longFunctions(root: string, min: number): LongFunction[] {
  const out: LongFunction[] = [];
  for (const f of files(path.join(root, "src"))) {
    const text = fs.readFileSync(f, "utf8");
    const sf = ts.createSourceFile(f, text, ts.ScriptTarget.Latest, true, f.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const visit = (node: ts.Node) => {
      if (ts.isFunctionLike(node) && "body" in node && node.body) {
        const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
        const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
        const lines = end - start + 1;
        if (lines > min) out.push({ file: path.relative(root, f).split(path.sep).join("/"), line: start + 1, name: nameOf(node), lines });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out.sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file));
}

if (require.main === module) {
  const min = Number(process.argv[2] ?? 80);
  for (const x of longFunctions(path.join(__dirname, ".."), min)) console.log(`${String(x.lines).padStart(5)}  ${x.file}:${x.line}  ${x.name}`);
}
