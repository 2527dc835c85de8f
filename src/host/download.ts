/**
 * Browser downloads for the hosts (the Excel task pane and the preview both run in a browser): the bytes become a
 * Blob, a hidden link with `download` is clicked, and the object URL is released once the browser has taken it.
 */

/** What a download needs from the page; injectable for tests. */
export interface DownloadEnv {
  document: Document;
  createObjectURL(blob: Blob): string;
  revokeObjectURL(url: string): void;
  /** Schedules the URL's release (the browser reads the Blob after the click returns). */
  later(fn: () => void): void;
}

/** How long a download's object URL is kept before it is released. */
export const REVOKE_AFTER_MS = 60_000;

export function browserEnv(): DownloadEnv {
  return {
    document,
    createObjectURL: (blob) => URL.createObjectURL(blob),
    revokeObjectURL: (url) => URL.revokeObjectURL(url),
    later: (fn) => void setTimeout(fn, REVOKE_AFTER_MS),
  };
}

/** A file name safe to offer for saving: no path separators or characters Windows forbids, never empty. */
export function safeFileName(name: string, fallback = "download"): string {
  const clean = name
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[. ]+|[. ]+$/g, "");
  return clean === "" ? fallback : clean;
}

/** Offer `bytes` as a file named `name`. Rejects (nothing offered) on an empty name or no bytes. */
export async function browserDownload(name: string, bytes: Uint8Array, mime: string, env: DownloadEnv = browserEnv()): Promise<void> {
  if (!(bytes instanceof Uint8Array) || bytes.byteLength === 0) throw new Error(`There is nothing to download for "${name}".`);
  const file = safeFileName(name);
  // Copy into a plain ArrayBuffer-backed view (a Node Buffer or a view on a shared buffer is not a valid BlobPart everywhere).
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  const url = env.createObjectURL(new Blob([copy.buffer], { type: mime }));
  const a = env.document.createElement("a");
  a.href = url;
  a.download = file;
  a.rel = "noopener";
  a.style.display = "none";
  env.document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    env.later(() => env.revokeObjectURL(url));
  }
}
