import { quoteSheet } from "../report/names";

/**
 * Rewrite the sheet and table names a formula refers to, leaving string literals alone. Used to point a
 * plan's formulas at the temporary sheets/tables being written; Excel then follows the renames made at the
 * end of the render, so the formulas end up naming the final sheets and tables.
 */
export function rewriteRefs(formula: string, sheetMap: ReadonlyMap<string, string>, tableMap: ReadonlyMap<string, string>): string {
  if (sheetMap.size === 0 && tableMap.size === 0) return formula;
  const parts = formula.split(/("(?:[^"]|"")*")/);
  for (let i = 0; i < parts.length; i += 2) {
    parts[i] = parts[i].replace(/('(?:[^']|'')+'|[A-Za-z_\\\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)(!|\[)/g, (whole, name: string, mark: string) => {
      if (mark === "!") {
        const plain = name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
        const to = sheetMap.get(plain.toLowerCase());
        return to === undefined ? whole : `${quoteSheet(to)}!`;
      }
      if (name.startsWith("'")) return whole;
      const to = tableMap.get(name.toLowerCase());
      return to === undefined ? whole : `${to}[`;
    });
  }
  return parts.join("");
}

/** The sheet a defined name's formula ("=Summary!$C$5", "='My Sheet'!$A$1") points to, or null. */
export function formulaSheet(formula: string): string | null {
  const m = /^=?('(?:[^']|'')+'|[^!'"=]+)!/.exec(formula.trim());
  if (!m) return null;
  return m[1].startsWith("'") ? m[1].slice(1, -1).replace(/''/g, "'") : m[1];
}
