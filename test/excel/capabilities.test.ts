import { capabilities } from "../../src/excel/capabilities";
import { envUpTo } from "./helpers";

describe("capabilities", () => {
  test("ExcelApi 1.13: nothing missing; 1.12: only the merged-cell check, in words", () => {
    expect(capabilities(envUpTo("1.13"))).toEqual({ ok: true, missing: [] });
    const c = capabilities(envUpTo("1.12"));
    expect(c.ok).toBe(true);
    expect(c.missing).toEqual([expect.stringMatching(/Merged cells inside input tables.*1\.13.*unmerge/)]);
  });
  test("ExcelApi 1.8: screen updating is reported in words; bubble charts (type 1.1, sizes 1.7) need nothing more", () => {
    const c = capabilities(envUpTo("1.8"));
    expect(c.ok).toBe(true);
    expect(c.missing).toHaveLength(2);
    expect(c.missing[0]).toMatch(/Screen updating.*1\.9/);
    expect(c.missing[1]).toMatch(/Merged cells.*1\.13/);
    expect(c.missing.join(" ")).not.toMatch(/bubble|document propert/i);
  });
  test("ExcelApi 1.6: too old", () => {
    const c = capabilities(envUpTo("1.6"));
    expect(c.ok).toBe(false);
    expect(c.missing[0]).toMatch(/too old.*1\.7/);
    expect(c.missing.some((m) => /Drop-down lists.*1\.8/.test(m))).toBe(true);
  });
});
