/**
 * Naming rules shared by every renderer: sheet names (<= 31 chars, none of : \ / ? * [ ], not starting or ending
 * with an apostrophe, unique case-insensitively, cut on whole characters), table / defined names, and file names
 * (cut by UTF-8 bytes on whole characters, unique case-insensitively).
 */

export { a1, columnLetter, excelName, ExcelNames, quoteSheet, uniqueExcelName } from "../engine/excelNames";

const SHEET_FORBIDDEN = /[:\\/?*[\]]/g;

/** Excel's sheet-name limit: 31 characters, counted as Excel does in UTF-16 units. */
export const SHEET_NAME_MAX = 31;

const segmenter: { segment(s: string): Iterable<{ segment: string }> } | null =
  typeof Intl !== "undefined" && "Segmenter" in Intl ? new (Intl as unknown as { Segmenter: new (l?: string, o?: object) => { segment(s: string): Iterable<{ segment: string }> } }).Segmenter(undefined, { granularity: "grapheme" }) : null;

/** The characters of `s` as a reader sees them: grapheme clusters (an emoji with its modifiers is one), else code points. */
function characters(s: string): string[] {
  return segmenter ? Array.from(segmenter.segment(s), (x) => x.segment) : Array.from(s);
}

/**
 * `s` cut to the longest prefix of whole characters whose `measure` is at most `max`: never half a surrogate pair
 * (which Excel shows as U+FFFD) nor half an emoji sequence.
 */
export function cutText(s: string, max: number, measure: (t: string) => number = (t) => t.length): string {
  if (measure(s) <= max) return s;
  let out = "";
  let size = 0;
  for (const ch of characters(s)) {
    const n = measure(ch);
    if (size + n > max) break;
    out += ch;
    size += n;
  }
  return out;
}

/** Size of `s` in UTF-8 bytes (what file systems count). Counted by code point, so it needs no TextEncoder
 * (absent in some test and host environments); a lone surrogate counts as U+FFFD (3 bytes), as an encoder writes it. */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** A legal Excel sheet name close to `name` (not yet de-duplicated). */
export function sanitizeSheetName(name: string): string {
  let s = name.replace(SHEET_FORBIDDEN, " ").replace(/\s+/g, " ").trim();
  s = s.replace(/^'+|'+$/g, "").trim();
  if (s === "" || s.toLowerCase() === "history") s = s === "" ? "Sheet" : "History sheet";
  s = cutText(s, SHEET_NAME_MAX).trim().replace(/'+$/, "");
  return s === "" ? "Sheet" : s;
}

/**
 * A legal sheet name not in `taken` (compared case-insensitively). Adds " (2)", " (3)"... shortening the
 * base (on a character boundary) so the result stays within 31 characters. Adds the result to `taken`.
 */
export function uniqueSheetName(name: string, taken: Set<string>): string {
  const base = sanitizeSheetName(name);
  const lower = new Set(Array.from(taken, (t) => t.toLowerCase()));
  let candidate = base;
  for (let n = 2; lower.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    candidate = cutText(base, SHEET_NAME_MAX - suffix.length).trim() + suffix;
  }
  taken.add(candidate);
  return candidate;
}

/**
 * Longest file name written, in UTF-8 bytes: file systems allow 255; the rest is left for the temporary name a
 * file has while it is written and for a " (12)" that makes it unique.
 */
export const FILE_NAME_MAX_BYTES = 200;

/** A file name safe on Windows, macOS and Linux: `base` cleaned and cut by UTF-8 bytes on a character boundary, then `ext`. */
export function safeFileName(base: string, ext: string, fallback = "file", maxBytes = FILE_NAME_MAX_BYTES): string {
  let s = base
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[. ]+$/, "");
  if (s === "" || /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(s)) s = `${fallback}${s ? `_${s}` : ""}`;
  s = cutText(s, maxBytes - utf8Bytes(ext), utf8Bytes).trim().replace(/[. ]+$/, "");
  return `${s}${ext}`;
}

/**
 * `name` made unique among `taken` (compared case-insensitively, as on Windows and macOS) by " (2)", " (3)"...
 * before the extension, cutting the base so the name stays within `maxBytes`. Adds the result to `taken` (lower case).
 */
export function uniqueFileName(name: string, taken: Set<string>, maxBytes = FILE_NAME_MAX_BYTES): string {
  const dot = name.lastIndexOf(".");
  const base = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : "";
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})${ext}`;
    candidate = cutText(base, maxBytes - utf8Bytes(suffix), utf8Bytes).trim() + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** True when text would be taken as a formula by Excel if typed: it must be written as text. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}
