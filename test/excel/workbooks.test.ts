/// <reference types="office-js" />
import fc from "fast-check";
import { createExcelHost, type ExcelRunner } from "../../src/excel/host";
import { CREATE_WORKBOOK_SET, cannotOpenMessage, openWorkbook, toBase64, type WorkbookFiles } from "../../src/excel/workbooks";
import { FakeExcel } from "./fakeExcel";
import { envUpTo } from "./helpers";

/** Records what the host asked Office and the page to do. */
function recorder() {
  const created: string[] = [];
  const downloads: { name: string; bytes: Uint8Array; mime: string }[] = [];
  const files: WorkbookFiles = {
    createWorkbook: async (base64) => {
      created.push(base64);
    },
    download: async (name, bytes, mime) => {
      downloads.push({ name, bytes, mime });
    },
  };
  return { files, created, downloads };
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const bytes = (...xs: number[]) => new Uint8Array(xs);

describe("toBase64", () => {
  test("is standard base64 with padding, as Node encodes it", () => {
    expect(toBase64(bytes())).toBe("");
    expect(toBase64(bytes(0x50))).toBe("UA==");
    expect(toBase64(bytes(0x50, 0x4b))).toBe("UEs=");
    expect(toBase64(bytes(0x50, 0x4b, 0x03))).toBe("UEsD");
    expect(toBase64(bytes(0xff, 0xfe, 0xfd, 0xfc))).toBe("//79/A==");
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (b) => {
        expect(toBase64(b)).toBe(Buffer.from(b).toString("base64"));
      }),
      { numRuns: 200 },
    );
  });

  test("a file larger than one chunk comes back byte for byte", () => {
    const big = new Uint8Array(200_003).map((_, i) => (i * 7919) & 255);
    expect(Buffer.from(toBase64(big), "base64").equals(Buffer.from(big))).toBe(true);
  });
});

describe("openWorkbook", () => {
  test(`opens the bytes with Excel.createWorkbook when ExcelApi ${CREATE_WORKBOOK_SET} is there`, async () => {
    const r = recorder();
    await openWorkbook(envUpTo("1.8"), r.files, "E101 Lincoln.xlsx", bytes(0x50, 0x4b, 3, 4, 9));
    expect(r.created).toEqual([Buffer.from([0x50, 0x4b, 3, 4, 9]).toString("base64")]);
  });

  test("without ExcelApi 1.8 it opens nothing and says what to do instead", async () => {
    const r = recorder();
    await expect(openWorkbook(envUpTo("1.7"), r.files, "E101 Lincoln.xlsx", bytes(1, 2, 3))).rejects.toThrow(cannotOpenMessage("E101 Lincoln.xlsx"));
    expect(cannotOpenMessage("x.xlsx")).toMatch(/Excel JavaScript API 1\.8.*Download the file instead/);
    expect(r.created).toEqual([]);
  });

  test("empty bytes are refused", async () => {
    const r = recorder();
    await expect(openWorkbook(envUpTo("1.12"), r.files, "a.xlsx", bytes())).rejects.toThrow(/empty/);
    expect(r.created).toEqual([]);
  });
});

describe("createExcelHost files", () => {
  function host(version: string) {
    const fx = new FakeExcel();
    const run: ExcelRunner = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => batch(fx.ctx);
    const r = recorder();
    return { host: createExcelHost(run, envUpTo(version), r.files), r, fx };
  }

  test("openWorkbook goes to Excel.createWorkbook, without touching the open workbook", async () => {
    const { host: h, r, fx } = host("1.9");
    await h.openWorkbook("S1 Adams.xlsx", bytes(9, 8, 7));
    expect(r.created).toEqual(["CQgH"]);
    expect(fx.syncCount).toBe(0);
  });

  test("download hands the bytes to the browser download as they are", async () => {
    const { host: h, r } = host("1.7");
    await h.download("S1 Adams.xlsx", bytes(1, 2), XLSX);
    expect(r.downloads).toEqual([{ name: "S1 Adams.xlsx", bytes: bytes(1, 2), mime: XLSX }]);
  });

  test("on an old Excel, openWorkbook rejects with the message and download still works", async () => {
    const { host: h, r } = host("1.7");
    await expect(h.openWorkbook("S1 Adams.xlsx", bytes(1))).rejects.toThrow(/needs Excel JavaScript API 1\.8/);
    await h.download("S1 Adams.xlsx", bytes(1), XLSX);
    expect(r.created).toEqual([]);
    expect(r.downloads).toHaveLength(1);
  });
});
