/**
 * The Office.js host's request limits and the names its writes use: small enough for the pane's first load (the
 * renderer itself, src/excel/render.ts, is loaded when a write starts).
 */

/**
 * Budget for the estimated JSON size of one request. Excel on the web refuses requests over 5 MB; we keep
 * every request under 4 MB and leave room for the protocol's own overhead.
 */
export const MAX_REQUEST_BYTES = 3_500_000;
/** Largest single block write; bigger blocks are split into bands of rows. */
export const MAX_BLOCK_BYTES = 1_000_000;
/** Estimated overhead of one queued action (object path, method name, ids). */
export const OP_BYTES = 200;
/** Prefix of the temporary sheets a render writes before swapping them in. */
export const TEMP_PREFIX = "~sfs ";
export const TABLE_STYLE = "TableStyleMedium2";

/** Length of a string in UTF-8 bytes (a request's real size), not in UTF-16 code units. */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Each half of a surrogate pair counts 2: the pair is 4 bytes.
    n += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3;
  }
  return n;
}

/** Size of a value's JSON in UTF-8 bytes, as it travels in a request. */
export function jsonBytes(v: unknown): number {
  return utf8Bytes(JSON.stringify(v));
}
