/**
 * Works in every Excel it claims: every Excel and Office.js member the code uses, checked against Microsoft's own
 * record of it, the `[Api set: ExcelApi x.y]` annotations in @types/office-js. Each member must be within the
 * manifest's minimum requirement set, or be reached only behind a requirement-set check (`supports(env, ...)` or
 * `isSetSupported(...)`, as an enclosing condition or an earlier `if (!check) return/throw`) whose fallback the pane
 * tells the user about (capabilities()) and docs/SIDELOAD.md lists.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { capabilities } from "../../src/excel/capabilities";
import { API_SETS } from "../../src/excel/env";
import { envUpTo } from "./helpers";

const ROOT = path.join(__dirname, "..", "..");
const OFFICE_DTS = path.join(ROOT, "node_modules", "@types", "office-js", "index.d.ts");

type Version = [number, number];
interface Use {
  member: string;
  set: string;
  version: Version;
  where: string;
  /** Highest ExcelApi version checked by an enclosing guard, if any. */
  guard: Version | null;
}

const parse = (v: string): Version => v.split(".").map(Number) as Version;
const atLeast = (a: Version, b: Version) => a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]);
const show = (v: Version) => `${v[0]}.${v[1]}`;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}

/** The requirement set of a declaration in the Office typings: "[Api set: ExcelApi 1.9]" (the first, lowest one). */
function requirement(decl: ts.Declaration): { set: string; version: Version } | null {
  const sf = decl.getSourceFile();
  const ranges = ts.getLeadingCommentRanges(sf.text, decl.getFullStart()) ?? [];
  const comment = ranges.map((r) => sf.text.slice(r.pos, r.end)).join("\n");
  const m = /\[Api set: (\w+) ([^\]\s;]+)/.exec(comment);
  if (!m) return null;
  const v = /^(\d+)\.(\d+)$/.exec(m[2]);
  // BETA / PREVIEW members have no version: they can never be within a requirement.
  return { set: m[1], version: v ? [Number(v[1]), Number(v[2])] : [99, 0] };
}

function versionOf(checker: ts.TypeChecker, arg: ts.Expression | undefined): Version | null {
  if (!arg) return null;
  if (ts.isStringLiteralLike(arg)) return /^\d+\.\d+$/.test(arg.text) ? parse(arg.text) : null;
  const type = checker.getTypeAtLocation(arg);
  return type.isStringLiteral() && /^\d+\.\d+$/.test(type.value) ? parse(type.value) : null;
}

/** The highest version any requirement check inside `expr` asks for (following local constants one step). */
function checkedVersion(checker: ts.TypeChecker, expr: ts.Node, depth = 0): Version | null {
  let best: Version | null = null;
  const note = (v: Version | null) => {
    if (v && (!best || atLeast(v, best))) best = v;
  };
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) {
      const callee = n.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
      if (name === "supports" || name === "isSetSupported") note(versionOf(checker, n.arguments[1]));
    }
    if (ts.isIdentifier(n) && depth < 2) {
      const decl = checker.getSymbolAtLocation(n)?.valueDeclaration;
      if (decl && ts.isVariableDeclaration(decl) && decl.initializer && decl.getSourceFile() === n.getSourceFile()) note(checkedVersion(checker, decl.initializer, depth + 1));
    }
    ts.forEachChild(n, visit);
  };
  visit(expr);
  return best;
}

function exits(s: ts.Statement): boolean {
  if (ts.isReturnStatement(s) || ts.isThrowStatement(s)) return true;
  return ts.isBlock(s) && s.statements.length > 0 && exits(s.statements[s.statements.length - 1]);
}

/** The version a use is guarded by: an enclosing if/?:/&& on a check, or an earlier `if (!check) return/throw`. */
function guardOf(checker: ts.TypeChecker, node: ts.Node): Version | null {
  let best: Version | null = null;
  const note = (v: Version | null) => {
    if (v && (!best || atLeast(v, best))) best = v;
  };
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) && parent.thenStatement === child) note(checkedVersion(checker, parent.expression));
    if (ts.isConditionalExpression(parent) && parent.whenTrue === child) note(checkedVersion(checker, parent.condition));
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && parent.right === child) note(checkedVersion(checker, parent.left));
    if (ts.isBlock(parent) || ts.isSourceFile(parent)) {
      for (const s of parent.statements) {
        if (s === child) break;
        if (ts.isIfStatement(s) && !s.elseStatement && exits(s.thenStatement) && ts.isPrefixUnaryExpression(s.expression) && s.expression.operator === ts.SyntaxKind.ExclamationToken) {
          note(checkedVersion(checker, s.expression.operand));
        }
      }
    }
  }
  return best;
}

function officeUses(): Use[] {
  // The files that touch Office: the Office.js host, and any other file naming an Office or Excel API in code.
  const files = sourceFiles(path.join(ROOT, "src")).filter((f) => f.includes(`${path.sep}excel${path.sep}`) || /\b(Excel|Office)\.(run|context|createWorkbook|onReady|RequestContext)\b/.test(fs.readFileSync(f, "utf8")));
  const config = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile).config;
  const options = ts.parseJsonConfigFileContent(config, ts.sys, ROOT).options;
  const program = ts.createProgram(files, { ...options, noEmit: true, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const uses: Use[] = [];
  for (const sf of program.getSourceFiles()) {
    if (sf.isDeclarationFile || !sf.fileName.startsWith(path.join(ROOT, "src"))) continue;
    const visit = (n: ts.Node): void => {
      if (ts.isPropertyAccessExpression(n)) {
        const symbol = checker.getSymbolAtLocation(n.name);
        for (const decl of symbol?.declarations ?? []) {
          if (path.resolve(decl.getSourceFile().fileName) !== OFFICE_DTS) continue;
          const req = requirement(decl);
          if (!req) continue;
          const { line } = sf.getLineAndCharacterOfPosition(n.name.getStart());
          const owner = (symbol as ts.Symbol & { parent?: ts.Symbol }).parent;
          uses.push({ member: `${owner ? checker.getFullyQualifiedName(owner) : "?"}.${n.name.text}`, ...req, where: `${path.relative(ROOT, sf.fileName)}:${line + 1}`, guard: guardOf(checker, n) });
          break;
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return uses;
}

const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const minimum = parse(/<Set Name="ExcelApi" MinVersion="(\d+\.\d+)"\s*\/>/.exec(manifest)?.[1] ?? "0.0");
const uses = officeUses();
const gated = uses.filter((u) => u.set === "ExcelApi" && !atLeast(minimum, u.version));

describe("Excel and Office.js members against their requirement sets", () => {
  test("the manifest's minimum is the one the host checks, and the code uses Office members at all", () => {
    expect(show(minimum)).toBe(API_SETS.minimum);
    expect(uses.length).toBeGreaterThan(100);
    expect(uses.some((u) => u.member === "Excel.Worksheet.getRangeByIndexes")).toBe(true);
  });

  test("no member of another requirement set (ExcelApiOnline, preview, desktop-only) is used", () => {
    const other = uses.filter((u) => u.set.startsWith("ExcelApi") && u.set !== "ExcelApi");
    expect(other.map((u) => `${u.member} (${u.set}) at ${u.where}`)).toEqual([]);
  });

  test("every member newer than the manifest's minimum is reached only behind a check of its requirement set", () => {
    const unguarded = gated.filter((u) => !u.guard || !atLeast(u.guard, u.version));
    expect(unguarded.map((u) => `${u.member} needs ExcelApi ${show(u.version)} at ${u.where}`)).toEqual([]);
  });

  test("for each gated requirement set, the pane tells a user of older Excel what they lose, and docs/SIDELOAD.md lists it", () => {
    const docs = fs.readFileSync(path.join(ROOT, "docs", "SIDELOAD.md"), "utf8");
    const versions = Array.from(new Set(gated.map((u) => show(u.version))));
    expect(versions.length).toBeGreaterThan(0);
    for (const v of versions) {
      const [major, minor] = parse(v);
      const older = capabilities(envUpTo(`${major}.${minor - 1}`));
      expect(older.missing.join(" ")).toContain(`API ${v}`);
      expect(capabilities(envUpTo("1.20")).missing.join(" ")).not.toContain(`API ${v}`);
      expect(docs).toContain(`ExcelApi ${v}`);
    }
  });

  test("the checker itself finds the guarded members: each newer member with the check that guards it", () => {
    const byMember = new Map(gated.map((u) => [u.member, u]));
    // getMergedAreasOrNullObject is ExcelApi 1.13 and used only behind supports(env, API_SETS.mergedAreas).
    expect(byMember.get("Excel.Range.getMergedAreasOrNullObject")).toMatchObject({ version: [1, 13], guard: [1, 13] });
    // Excel.createWorkbook (1.8) behind an early `if (!supports(env, CREATE_WORKBOOK_SET)) throw`.
    expect(byMember.get("Excel.createWorkbook")).toMatchObject({ version: [1, 8], guard: [1, 8] });
    expect(byMember.get("Excel.Application.suspendScreenUpdatingUntilNextSync")).toMatchObject({ version: [1, 9], guard: [1, 9] });
  });
});
