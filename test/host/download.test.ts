/** @jest-environment jsdom */
import { browserDownload, safeFileName, type DownloadEnv } from "../../src/host/download";

/** A page whose object URLs and link clicks are recorded. */
function page() {
  const blobs: Blob[] = [];
  const revoked: string[] = [];
  const pending: (() => void)[] = [];
  const clicks: { href: string; download: string; attached: boolean }[] = [];
  const env: DownloadEnv = {
    document,
    createObjectURL: (b) => {
      blobs.push(b);
      return `blob:test/${blobs.length}`;
    },
    revokeObjectURL: (u) => revoked.push(u),
    later: (fn) => pending.push(fn),
  };
  const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    clicks.push({ href: this.getAttribute("href") ?? "", download: this.download, attached: document.body.contains(this) });
  });
  return { env, blobs, revoked, pending, clicks, restore: () => click.mockRestore() };
}

/** The bytes of a Blob (jsdom has FileReader, not Response). */
function text(b: Blob): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(Array.from(new Uint8Array(r.result as ArrayBuffer)));
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(b);
  });
}

describe("browserDownload", () => {
  test("offers the bytes as a file through a Blob URL, then releases the URL later and leaves no link behind", async () => {
    const p = page();
    try {
      await browserDownload("E101 Lincoln Elementary.xlsx", new Uint8Array([0x50, 0x4b, 3, 4]), "application/zip", p.env);
      expect(p.clicks).toEqual([{ href: "blob:test/1", download: "E101 Lincoln Elementary.xlsx", attached: true }]);
      expect(p.blobs[0].type).toBe("application/zip");
      expect(await text(p.blobs[0])).toEqual([0x50, 0x4b, 3, 4]);
      expect(document.querySelectorAll("a").length).toBe(0);
      expect(p.revoked).toEqual([]);
      p.pending.forEach((fn) => fn());
      expect(p.revoked).toEqual(["blob:test/1"]);
    } finally {
      p.restore();
    }
  });

  test("copies only the view's bytes (a view on a larger buffer)", async () => {
    const p = page();
    try {
      const whole = new Uint8Array([9, 9, 1, 2, 3, 9]);
      await browserDownload("a.bin", whole.subarray(2, 5), "application/octet-stream", p.env);
      expect(await text(p.blobs[0])).toEqual([1, 2, 3]);
    } finally {
      p.restore();
    }
  });

  test("nothing to download is refused before any link is clicked", async () => {
    const p = page();
    try {
      await expect(browserDownload("a.xlsx", new Uint8Array(0), "x", p.env)).rejects.toThrow(/nothing to download/);
      expect(p.clicks).toEqual([]);
      expect(p.blobs).toEqual([]);
    } finally {
      p.restore();
    }
  });
});

describe("safeFileName", () => {
  test("replaces characters no file system accepts and never returns an empty name", () => {
    expect(safeFileName('a/b\\c:d*e?"f"<g>|h.xlsx')).toBe("a_b_c_d_e__f__g__h.xlsx");
    expect(safeFileName("  School  calculators.zip ")).toBe("School calculators.zip");
    expect(safeFileName(" ... ")).toBe("download");
    expect(safeFileName("", "file.xlsx")).toBe("file.xlsx");
  });
});
