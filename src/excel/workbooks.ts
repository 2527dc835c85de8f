/// <reference types="office-js" />
/**
 * Files the Office.js host hands to the user: an .xlsx opened as a new Excel workbook (`Excel.createWorkbook`,
 * ExcelApi 1.8) and browser downloads (the task pane runs in a browser control). The Office calls are injectable
 * so tests run without Office.
 */
import { browserDownload } from "../host/download";
import { supports, type ExcelEnv } from "./env";

/** The requirement set `Excel.createWorkbook` needs. */
export const CREATE_WORKBOOK_SET = "1.8";

/** What opening and downloading need from Office and the page. */
export interface WorkbookFiles {
  /** `Excel.createWorkbook(base64)`: opens the file in a new Excel window (a new tab in Excel on the web). */
  createWorkbook(base64: string): Promise<void>;
  /** A browser download of the bytes. */
  download(name: string, bytes: Uint8Array, mime: string): Promise<void>;
}

export function officeWorkbookFiles(env: ExcelEnv): WorkbookFiles {
  return {
    createWorkbook: async (base64) => {
      if (!supports(env, CREATE_WORKBOOK_SET)) throw new Error(cannotOpenMessage("the file"));
      await Excel.createWorkbook(base64);
    },
    download: (name, bytes, mime) => browserDownload(name, bytes, mime),
  };
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Standard base64 (RFC 4648, with padding) of bytes, as `Excel.createWorkbook` expects: no "data:" prefix. */
export function toBase64(bytes: Uint8Array): string {
  const out: string[] = [];
  const chunk: string[] = [];
  const n = bytes.length;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    chunk.push(ALPHABET[(v >> 18) & 63] + ALPHABET[(v >> 12) & 63] + ALPHABET[(v >> 6) & 63] + ALPHABET[v & 63]);
    if (chunk.length === 4096) out.push(chunk.splice(0).join(""));
  }
  if (i < n) {
    const rest = n - i;
    const v = (bytes[i] << 16) | (rest === 2 ? bytes[i + 1] << 8 : 0);
    chunk.push(ALPHABET[(v >> 18) & 63] + ALPHABET[(v >> 12) & 63] + (rest === 2 ? ALPHABET[(v >> 6) & 63] : "=") + "=");
  }
  out.push(chunk.join(""));
  return out.join("");
}

/** Said when this Excel cannot open a workbook for the add-in. */
export function cannotOpenMessage(name: string): string {
  return (
    `This version of Excel cannot open "${name}" as a new workbook for an add-in (that needs Excel JavaScript API ${CREATE_WORKBOOK_SET}: ` +
    "Excel 2019 or later, Excel for Microsoft 365 or Excel on the web). Download the file instead and open it from your downloads."
  );
}

/** Open .xlsx bytes as a new workbook, when this Excel supports it; otherwise reject with what to do instead. */
export async function openWorkbook(env: ExcelEnv, files: WorkbookFiles, name: string, xlsx: Uint8Array): Promise<void> {
  if (!supports(env, CREATE_WORKBOOK_SET)) throw new Error(cannotOpenMessage(name));
  if (!(xlsx instanceof Uint8Array) || xlsx.byteLength === 0) throw new Error(`"${name}" is empty; nothing was opened.`);
  await files.createWorkbook(toBase64(xlsx));
}
