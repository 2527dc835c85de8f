/**
 * Rewriting references inside plan formulas when the renderer had to give a sheet, table or defined name
 * another name than the plan asked for (e.g. the user already has a sheet called "Summary", so the plan's
 * "Summary" becomes "Summary (2)" and every `Summary!B4` in the other plans must follow).
 *
 * A small scanner, not a parser: text in double quotes (string literals) and inside [ ] (structured
 * reference columns) is copied untouched; 'quoted sheet'! and bare Sheet! prefixes are sheet references;
 * other bare identifiers not followed by "(" are table / defined names.
 */
import { quoteSheet } from "../report/names";

export interface Renames {
  /** Sheet renames, keyed by the plan's name (compared case-insensitively). */
  sheets?: Map<string, string>;
  /** Table and defined-name renames (they share one namespace in Excel), compared case-insensitively. */
  names?: Map<string, string>;
}

function lowerMap(m: Map<string, string> | undefined): Map<string, string> | null {
  if (!m || m.size === 0) return null;
  const out = new Map<string, string>();
  for (const [k, v] of m) if (k !== v) out.set(k.toLowerCase(), v);
  return out.size ? out : null;
}

const IDENT_START = /[A-Za-z_\\\u00C0-\uFFFF]/;
const IDENT_PART = /[A-Za-z0-9_.\\\u00C0-\uFFFF]/;

/** The formula with renamed sheet / table / defined-name references; unchanged when nothing applies. */
export function renameReferences(formula: string, renames: Renames): string {
  const sheets = lowerMap(renames.sheets);
  const names = lowerMap(renames.names);
  if (!sheets && !names) return formula;
  let out = "";
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"') {
      const end = stringLiteralEnd(formula, i);
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    if (ch === "'") {
      const { name, end } = quotedSheet(formula, i);
      const target = formula[end] === "!" ? sheets?.get(name.toLowerCase()) : undefined;
      out += target !== undefined ? quoteSheet(target) : formula.slice(i, end);
      i = end;
      continue;
    }
    if (ch === "[") {
      const end = bracketEnd(formula, i);
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    if (IDENT_START.test(ch) && (i === 0 || !IDENT_PART.test(formula[i - 1]))) {
      let j = i + 1;
      while (j < n && IDENT_PART.test(formula[j])) j++;
      const word = formula.slice(i, j);
      out += renamedWord(word, formula[j], sheets, names) ?? word;
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** Where the string literal opening at `i` ends (just past its closing quote); "" is an escaped quote. */
function stringLiteralEnd(formula: string, i: number): number {
  const n = formula.length;
  let j = i + 1;
  while (j < n) {
    if (formula[j] === '"') {
      if (formula[j + 1] === '"') j += 2;
      else break;
    } else j++;
  }
  return j + 1;
}

/** The quoted sheet name opening at `i` (unescaped) and where it ends (just past its closing apostrophe); '' is an escaped apostrophe. */
function quotedSheet(formula: string, i: number): { name: string; end: number } {
  const n = formula.length;
  let j = i + 1;
  let name = "";
  while (j < n) {
    if (formula[j] === "'") {
      if (formula[j + 1] === "'") {
        name += "'";
        j += 2;
      } else break;
    } else name += formula[j++];
  }
  return { name, end: j + 1 };
}

/** Where the structured-reference column part opening at `i` ends, possibly nested: Table[[#This Row],[Amount]]. */
function bracketEnd(formula: string, i: number): number {
  const n = formula.length;
  let depth = 0;
  let j = i;
  while (j < n) {
    if (formula[j] === "'" && j + 1 < n) {
      j += 2; // ' escapes the next character inside brackets
      continue;
    }
    if (formula[j] === "[") depth++;
    else if (formula[j] === "]") {
      depth--;
      if (depth === 0) break;
    }
    j++;
  }
  return j + 1;
}

/** A word's new text: a renamed sheet before "!", a renamed table or defined name unless a function call; undefined when unchanged. */
function renamedWord(word: string, next: string | undefined, sheets: Map<string, string> | null, names: Map<string, string> | null): string | undefined {
  if (next === "!") {
    const t = sheets?.get(word.toLowerCase());
    if (t !== undefined) return quoteSheet(t);
  } else if (next !== "(") {
    const t = names?.get(word.toLowerCase());
    if (t !== undefined) return t;
  }
  return undefined;
}
