/**
 * Names of the tool's hidden helper sheets. Which sheets are the tool's (the registry sheet listing them and the
 * mark each carries) is decided in one place: src/host/ownership.ts.
 */
export const REGISTRY_SHEET = "_sfs_registry";
/** Hidden sheet that stores named scenarios (JSON, chunked across cells). */
export const SCENARIO_SHEET = "_sfs_scenarios";
/** Excel's limit on the characters in one cell. */
export const CELL_TEXT_LIMIT = 32767;

/** Split a long text into chunks that fit in cells. */
export function chunkText(text: string, size = CELL_TEXT_LIMIT - 1): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks.length ? chunks : [""];
}
