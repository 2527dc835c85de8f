import fc from "fast-check";
import { cutText, FILE_NAME_MAX_BYTES, safeFileName, sanitizeSheetName, SHEET_NAME_MAX, uniqueFileName, uniqueSheetName, utf8Bytes } from "../../src/report/names";

const isWellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe("sheet names are cut on character boundaries", () => {
  test("an emoji at the 31-character limit is kept whole or left out, never halved", () => {
    const name = "Escuela Primaria Benito Juárez 🎓 Norte";
    const s = sanitizeSheetName(name);
    expect(s.length).toBeLessThanOrEqual(SHEET_NAME_MAX);
    expect(isWellFormed(s)).toBe(true);
    expect(s).not.toContain("\uFFFD");
    const emojis = "🎓".repeat(20);
    const e = sanitizeSheetName(emojis);
    expect(e).toBe("🎓".repeat(15));
  });
  test("unique after cutting, case-insensitively", () => {
    const taken = new Set<string>();
    const long = "中文学校名称".repeat(8);
    const a = uniqueSheetName(long, taken);
    const b = uniqueSheetName(long, taken);
    const c = uniqueSheetName(long.toUpperCase(), taken);
    expect(new Set([a, b, c].map((x) => x.toLowerCase())).size).toBe(3);
    for (const x of [a, b, c]) expect(x.length).toBeLessThanOrEqual(SHEET_NAME_MAX);
    expect(b.endsWith(" (2)")).toBe(true);
  });
  test("property: every sheet name is legal, well formed and unique", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme", maxLength: 50 }), { maxLength: 12 }), (names) => {
        const taken = new Set<string>();
        const out = names.map((n) => uniqueSheetName(n, taken));
        for (const s of out) {
          expect(s.length).toBeGreaterThan(0);
          expect(s.length).toBeLessThanOrEqual(SHEET_NAME_MAX);
          expect(isWellFormed(s)).toBe(true);
          expect(s).not.toMatch(/[:\\/?*[\]]/);
          expect(s).not.toMatch(/^'|'$/);
        }
        expect(new Set(out.map((s) => s.toLowerCase())).size).toBe(out.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe("file names are cut by UTF-8 bytes", () => {
  test("a 100-character CJK school name fits the file system", () => {
    const name = safeFileName(`E101 ${"学".repeat(100)}`, ".xlsx");
    expect(utf8Bytes(name)).toBeLessThanOrEqual(FILE_NAME_MAX_BYTES);
    expect(name.endsWith(".xlsx")).toBe(true);
    expect(isWellFormed(name)).toBe(true);
  });
  test("reserved and empty names get a fallback; forbidden characters are replaced", () => {
    expect(safeFileName("CON", ".xlsx", "School_1")).toBe("School_1_CON.xlsx");
    expect(safeFileName("  ", ".xlsx", "School_1")).toBe("School_1.xlsx");
    expect(safeFileName('a/b:c*"d"?.', ".xlsx")).toBe("a_b_c__d__.xlsx");
  });
  test("property: unique, within the byte limit, never half a character", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme", maxLength: 150 }), { maxLength: 10 }), (bases) => {
        const taken = new Set<string>();
        const out = bases.map((b, i) => uniqueFileName(safeFileName(b, ".xlsx", `School_${i + 1}`), taken));
        for (const n of out) {
          expect(utf8Bytes(n)).toBeLessThanOrEqual(FILE_NAME_MAX_BYTES);
          expect(isWellFormed(n)).toBe(true);
          expect(n.endsWith(".xlsx")).toBe(true);
        }
        expect(new Set(out.map((s) => s.toLowerCase())).size).toBe(out.length);
      }),
      { numRuns: 200 },
    );
  });
  test("cutText keeps whole characters", () => {
    expect(cutText("ab😀c", 3)).toBe("ab");
    expect(cutText("ab😀c", 4)).toBe("ab😀");
    expect(cutText("éé", 3, utf8Bytes)).toBe("é");
  });
});

describe("utf8Bytes", () => {
  it("counts what Node's UTF-8 encoder writes, lone surrogates included (differential)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 3 }), (a, b) => {
        const s = a + b + a;
        expect(utf8Bytes(s)).toBe(Buffer.byteLength(s, "utf8"));
      }),
      { numRuns: 500 },
    );
  });
});
