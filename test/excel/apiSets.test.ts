/**
 * Works in every Excel it claims: every Excel and Office.js member the code uses, checked against Microsoft's own
 * record of it, the `[Api set: ExcelApi x.y]` annotations in @types/office-js. Each member must be within the
 * manifest's minimum requirement set, or be reached only behind a requirement-set check (`supports(env, ...)` or
 * `isSetSupported(...)`, as an enclosing condition or an earlier `if (!check) return/throw`) whose fallback the pane
 * tells the user about (capabilities()) and docs/SIDELOAD.md lists. The check may also be at the callers: a function
 * of the same file that is only ever called (never passed on, nor imported elsewhere) is guarded by the weakest guard
 * of its call sites, followed from caller to caller.
 */
import * as fs from "fs";
import * as os from "os";
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

/** What a guard search needs: the checker, every identifier of the program's sources by name, the functions being followed. */
interface Scope {
  checker: ts.TypeChecker;
  names: Map<string, ts.Identifier[]>;
  /** Functions whose callers are being followed (a call from inside one of them is reached only through its other callers). */
  following: Set<ts.Symbol>;
}

/** Stands for "reached only through a function already being followed": no constraint of its own. */
const CYCLE: Version = [Infinity, Infinity];

function identifiersByName(files: readonly ts.SourceFile[]): Map<string, ts.Identifier[]> {
  const names = new Map<string, ts.Identifier[]>();
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) names.set(n.text, [...(names.get(n.text) ?? []), n]);
    ts.forEachChild(n, visit);
  };
  files.forEach(visit);
  return names;
}

/** The name of a function whose calls can be followed: a function declaration, or a function or arrow in a `const`. */
function functionName(n: ts.Node): ts.Identifier | undefined {
  if (ts.isFunctionDeclaration(n) && n.body) return n.name;
  const decl = n.parent;
  if (!(ts.isArrowFunction(n) || ts.isFunctionExpression(n)) || !decl || !ts.isVariableDeclaration(decl) || decl.initializer !== n) return undefined;
  return ts.isIdentifier(decl.name) && ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const ? decl.name : undefined;
}

/** The symbol an alias (import, export) stands for, and an exported declaration's symbol for its local one. */
function resolved(checker: ts.TypeChecker, symbol: ts.Symbol): ts.Symbol {
  return checker.getExportSymbolOfSymbol(symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
}

/** What an identifier names (for `{ f }`, the value f, not the property). */
function target(checker: ts.TypeChecker, id: ts.Identifier): ts.Symbol | undefined {
  const symbol = ts.isShorthandPropertyAssignment(id.parent) ? checker.getShorthandAssignmentValueSymbol(id.parent) : checker.getSymbolAtLocation(id);
  return symbol && resolved(checker, symbol);
}

/**
 * The places a local function is called from, or null when it is not local: exported and named in another file,
 * or named anywhere other than as the callee of a call (passed on, stored, exported by default).
 */
function callSites(scope: Scope, name: ts.Identifier): ts.CallExpression[] | null {
  const { checker } = scope;
  const symbol = target(checker, name);
  const sf = name.getSourceFile();
  const module = checker.getSymbolAtLocation(sf);
  const exported = !!module && checker.getExportsOfModule(module).some((e) => resolved(checker, e) === symbol);
  const calls: ts.CallExpression[] = [];
  for (const id of scope.names.get(name.text) ?? []) {
    if (id === name) continue;
    // Another file naming an exported function may import it under any guise: not followed.
    if (id.getSourceFile() !== sf) {
      if (exported) return null;
      continue;
    }
    if (target(checker, id) !== symbol) continue;
    if (ts.isExportSpecifier(id.parent)) continue;
    if (!ts.isCallExpression(id.parent) || id.parent.expression !== id) return null;
    calls.push(id.parent);
  }
  return calls;
}

/** The weakest guard over a local function's call sites (calls from inside the functions being followed aside). */
function callerGuard(scope: Scope, fn: ts.Node): Version | null {
  const name = functionName(fn);
  const symbol = name && target(scope.checker, name);
  if (!name || !symbol) return null;
  if (scope.following.has(symbol)) return CYCLE;
  const calls = callSites(scope, name);
  if (!calls) return null;
  const inner: Scope = { ...scope, following: new Set([...scope.following, symbol]) };
  let weakest: Version | null = null;
  for (const call of calls) {
    const g = guardOf(inner, call);
    if (!g) return null;
    if (g !== CYCLE && (!weakest || atLeast(weakest, g))) weakest = g;
  }
  return weakest;
}

/**
 * The version a use is guarded by: an enclosing if/?:/&& on a check, an earlier `if (!check) return/throw`, or the
 * guards of every call of an enclosing local function.
 */
function guardOf(scope: Scope, node: ts.Node): Version | null {
  const { checker } = scope;
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
    if (functionName(parent)) note(callerGuard(scope, parent));
  }
  return best;
}

/** Every Office member with a requirement set that `files` use, each with the guard it is reached behind. */
function officeUses(files: string[], options: ts.CompilerOptions, host?: ts.CompilerHost): Use[] {
  const program = ts.createProgram(files, { ...options, noEmit: true, skipLibCheck: true }, host);
  const checker = program.getTypeChecker();
  const sources = program.getSourceFiles().filter((sf) => !sf.isDeclarationFile && files.includes(path.resolve(sf.fileName)));
  const scope: Scope = { checker, names: identifiersByName(sources), following: new Set() };
  const uses: Use[] = [];
  for (const sf of sources) {
    const visit = (n: ts.Node): void => {
      if (ts.isPropertyAccessExpression(n)) {
        const symbol = checker.getSymbolAtLocation(n.name);
        for (const decl of symbol?.declarations ?? []) {
          if (path.resolve(decl.getSourceFile().fileName) !== OFFICE_DTS) continue;
          const req = requirement(decl);
          if (!req) continue;
          const { line } = sf.getLineAndCharacterOfPosition(n.name.getStart());
          const owner = (symbol as ts.Symbol & { parent?: ts.Symbol }).parent;
          uses.push({ member: `${owner ? checker.getFullyQualifiedName(owner) : "?"}.${n.name.text}`, ...req, where: `${path.relative(ROOT, sf.fileName)}:${line + 1}`, guard: guardOf(scope, n) });
          break;
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return uses;
}

/** A compiler host that parses the typings (node_modules) once for every program below. */
const base = ts.createCompilerHost({});
const parsed = new Map<string, ts.SourceFile | undefined>();
const host: ts.CompilerHost = {
  ...base,
  getSourceFile: (file, language) => {
    if (!file.includes(`${path.sep}node_modules${path.sep}`)) return base.getSourceFile(file, language);
    if (!parsed.has(file)) parsed.set(file, base.getSourceFile(file, language));
    return parsed.get(file);
  },
};

/** Every Office member the add-in's sources use (all of src/, so that a local function's every caller is seen). */
function projectUses(): Use[] {
  const config = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile).config;
  return officeUses(sourceFiles(path.join(ROOT, "src")), ts.parseJsonConfigFileContent(config, ts.sys, ROOT).options, host);
}

const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const minimum = parse(/<Set Name="ExcelApi" MinVersion="(\d+\.\d+)"\s*\/>/.exec(manifest)?.[1] ?? "0.0");
const uses = projectUses();
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
    // Page layout (1.9) in setPageLayout, whose one caller checks API_SETS.pageLayout: guarded at the call site.
    expect(gated.filter((u) => u.member.startsWith("Excel.PageLayout.")).map((u) => u.guard)).toEqual(expect.arrayContaining([[1, 9]]));
    expect(gated.filter((u) => u.member.startsWith("Excel.PageLayout.")).every((u) => u.guard && atLeast(u.guard, [1, 9]))).toBe(true);
  });
});

describe("the checker follows a local function to its callers", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  const prelude = `declare function supports(env: unknown, version: string): boolean;\ndeclare const env: unknown;\n`;
  // Worksheet.pageLayout and PageLayout.orientation are both ExcelApi 1.9.
  const layout = `function layout(ws: Excel.Worksheet): void {\n  ws.pageLayout.orientation = "Landscape";\n}\n`;

  /** The uses in the given files (name → code) whose guard does not cover their requirement set, as "file:line". */
  function unguarded(files: Record<string, string>): string[] {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "api-sets-"));
    dirs.push(dir);
    for (const [name, code] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), code.startsWith("import") ? code : prelude + code);
    const options: ts.CompilerOptions = { strict: true, target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS, typeRoots: [path.join(ROOT, "node_modules", "@types")], types: ["office-js"] };
    const uses = officeUses(Object.keys(files).map((f) => path.join(dir, f)), options, host);
    expect(uses.length).toBeGreaterThan(0);
    return uses.filter((u) => !u.guard || !atLeast(u.guard, u.version)).map((u) => `${path.basename(u.where.split(":")[0])}:${u.where.split(":")[1]}`);
  }

  test("a function called only under a check of its requirement set passes", () => {
    expect(unguarded({ "a.ts": `${layout}export function write(ws: Excel.Worksheet) {\n  if (supports(env, "1.9")) layout(ws);\n  const print = supports(env, "1.9") ? 1 : 0;\n  if (print) layout(ws);\n}\n` })).toEqual([]);
  });

  test("the same function with one unguarded call fails, and so does a guard for an older set", () => {
    expect(unguarded({ "a.ts": `${layout}export function write(ws: Excel.Worksheet) {\n  if (supports(env, "1.9")) layout(ws);\n  layout(ws);\n}\n` })).toEqual(["a.ts:4", "a.ts:4"]);
    expect(unguarded({ "a.ts": `${layout}export function write(ws: Excel.Worksheet) {\n  if (supports(env, "1.8")) layout(ws);\n}\n` })).toEqual(["a.ts:4", "a.ts:4"]);
  });

  test("the inline guard still passes, also in a function nobody calls, and a function without callers is not guarded by them", () => {
    const inline = `export function write(ws: Excel.Worksheet) {\n  if (!supports(env, "1.9")) return;\n  ws.pageLayout.orientation = "Landscape";\n}\n`;
    expect(unguarded({ "a.ts": inline })).toEqual([]);
    expect(unguarded({ "a.ts": layout })).toEqual(["a.ts:4", "a.ts:4"]);
  });

  test("callers are followed transitively, and a recursive call is reached only through the other callers", () => {
    const chain = `${layout}const middle = (ws: Excel.Worksheet) => layout(ws);\nfunction again(ws: Excel.Worksheet, n: number): void {\n  middle(ws);\n  if (n > 0) again(ws, n - 1);\n}\n`;
    expect(unguarded({ "a.ts": `${chain}export function write(ws: Excel.Worksheet) {\n  if (supports(env, "1.9")) again(ws, 2);\n}\n` })).toEqual([]);
    expect(unguarded({ "a.ts": `${chain}export function write(ws: Excel.Worksheet) {\n  if (supports(env, "1.9")) again(ws, 2);\n  middle(ws);\n}\n` })).toEqual(["a.ts:4", "a.ts:4"]);
    // Only ever calling itself, a function has no guarded entry.
    expect(unguarded({ "a.ts": `function loop(ws: Excel.Worksheet): void {\n  ws.pageLayout.orientation = "Landscape";\n  loop(ws);\n}\n` })).toEqual(["a.ts:4", "a.ts:4"]);
  });

  test("a function passed on, or exported and imported elsewhere, is not followed; exported but only called locally is", () => {
    const guardedCall = `export function write(ws: Excel.Worksheet) {\n  if (supports(env, "1.9")) layout(ws);\n}\n`;
    expect(unguarded({ "a.ts": `${layout}${guardedCall}export const later = (ws: Excel.Worksheet) => [ws].forEach(layout);\n` })).toEqual(["a.ts:4", "a.ts:4"]);
    const exported = `export ${layout}${guardedCall}`;
    expect(unguarded({ "a.ts": exported })).toEqual([]);
    expect(unguarded({ "a.ts": exported, "b.ts": `import { layout as lay } from "./a";\nexport const w = (ws: Excel.Worksheet) => lay(ws);\n` })).toEqual(["a.ts:4", "a.ts:4"]);
  });
});
