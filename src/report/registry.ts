/**
 * The marker that tells the tool's own sheets from the user's: a very hidden sheet named REGISTRY_SHEET
 * whose rows list (Sheet, Role, Written). Both renderers (ExcelJS and Office.js) read and write the same layout.
 * A sheet is "ours" only if it is listed there; a user sheet that happens to share a name is never replaced.
 */
export const REGISTRY_SHEET = "_sfs_registry";
export const REGISTRY_HEADERS = ["Sheet", "Role", "Written"] as const;
/** Hidden sheet that stores named scenarios (JSON, chunked across cells). */
export const SCENARIO_SHEET = "_sfs_scenarios";
/** Excel's limit on the characters in one cell. */
export const CELL_TEXT_LIMIT = 32767;

export interface RegistryEntry {
  sheet: string;
  role: string;
  written: string;
}

/** Rows to write in the registry sheet (header first). */
export function registryRows(entries: RegistryEntry[]): string[][] {
  return [[...REGISTRY_HEADERS], ...entries.map((e) => [e.sheet, e.role, e.written])];
}

/** Parse registry rows as read back from a sheet (header first); tolerant of blanks. */
export function parseRegistry(rows: unknown[][]): RegistryEntry[] {
  const out: RegistryEntry[] = [];
  for (const row of rows.slice(1)) {
    const sheet = row[0] == null ? "" : String(row[0]).trim();
    if (sheet === "") continue;
    out.push({ sheet, role: row[1] == null ? "" : String(row[1]), written: row[2] == null ? "" : String(row[2]) });
  }
  return out;
}

/** Split a long text into chunks that fit in cells. */
export function chunkText(text: string, size = CELL_TEXT_LIMIT - 1): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks.length ? chunks : [""];
}
