/**
 * Ownership that cannot be forged or confused, against all three hosts (Office.js on the Excel model, the .xlsx
 * writer with a save and load between steps, the in-memory host). A sheet is the tool's only when the registry lists
 * it AND it carries the tool's mark (src/host/ownership.ts).
 */
import type { SheetPlan } from "../../src/report/plan";
import { REGISTRY_NAME, decideOwnership, planReplacement, referenceSheet } from "../../src/host/ownership";
import { HOSTS } from "./hosts";

function plan(name: string, role: string, v: string): SheetPlan {
  return { name, role, cells: [{ r: 0, c: 0, v }], tables: [], charts: [] };
}

describe.each(HOSTS)("ownership: $name", (kind) => {
  test("a hand-made hidden _sfs_registry listing a user sheet does not get that sheet replaced (the reported defect)", async () => {
    const h = await kind.create();
    await h.addSheet("Notes", [["my notes"]]);
    await h.addSheet("_sfs_registry", [["Sheet", "Role", "Written"], ["Notes", "summary", ""], ["summary", "summary", ""]], "Hidden");
    const r = await h.render([plan("Summary", "summary", "tool")]);
    expect(await h.a1("Notes")).toBe("my notes");
    expect(await h.a1("_sfs_registry")).toBe("Sheet");
    expect(r.sheets).toEqual(["Summary"]);
    expect(await h.a1("Summary")).toBe("tool");
    expect(r.notes.join(" ")).toMatch(/"_sfs_registry" looks like the tool's list of its sheets but was not written by the tool/);
  });

  test("deleting the tool's Matrix and making your own: yours is kept, the tool writes Matrix (2) and says so", async () => {
    const h = await kind.create();
    await h.render([plan("Summary", "summary", "s1"), plan("Matrix", "matrix", "m1")]);
    await h.deleteSheet("Matrix");
    await h.addSheet("Matrix", [["my matrix"]]);
    const r = await h.render([plan("Summary", "summary", "s2"), plan("Matrix", "matrix", "m2")]);
    expect(r.sheets).toEqual(["Summary", "Matrix (2)"]);
    expect(await h.a1("Matrix")).toBe("my matrix");
    expect(await h.a1("Matrix (2)")).toBe("m2");
    expect(await h.a1("Summary")).toBe("s2");
    expect(r.notes).toContain('Your sheet "Matrix" was kept as it is; the tool wrote its sheet as "Matrix (2)".');
  });

  test("a forged registry with the right header and the registry name, listing a user sheet with a made-up mark, is not obeyed", async () => {
    const h = await kind.create();
    await h.render([plan("Summary", "summary", "s1")]);
    await h.addSheet("Notes", [["my notes"]]);
    await h.addSheet("_sfs_registry (9)", [["Sheet", "Role", "Written", "Mark"], ["Notes", "summary", "", "abcdefgh1234_1"]], "Hidden");
    // A user cannot re-point the tool's name without deleting it first; a forger adds a second candidate name.
    await h.addName("_sfs_own_abcdefgh1234_9", "Notes");
    const r = await h.render([plan("Summary", "summary", "s2"), plan("Notes", "summary", "tool notes")]);
    expect(await h.a1("Notes")).toBe("my notes");
    expect(r.sheets).toEqual(["Summary", "Notes (2)"]);
    expect(r.notes.join(" ")).toMatch(/Your sheet "Notes" was kept/);
  });

  test("a registry name pointing at a user's sheet makes that sheet neither a registry nor cleared", async () => {
    const h = await kind.create();
    await h.addSheet("Budget", [["Sheet", "Role", "Written", "Mark"], ["Budget", "summary", "", "abcdefgh1234_1"]]);
    await h.addName(REGISTRY_NAME, "Budget");
    await h.addName("_sfs_own_abcdefgh1234_1", "Budget");
    const r = await h.render([plan("Budget", "summary", "tool")]);
    expect(await h.a1("Budget")).toBe("Sheet");
    expect(r.sheets).toEqual(["Budget (2)"]);
    expect(r.notes.join(" ")).toMatch(/"Budget"\) is not one the tool wrote/);
    // The tool's own registry works from then on: a re-render replaces its own sheet and keeps the user's.
    const again = await h.render([plan("Budget", "summary", "tool 2")]);
    expect(again.sheets).toEqual(["Budget (2)"]);
    expect(await h.a1("Budget (2)")).toBe("tool 2");
    expect(await h.a1("Budget")).toBe("Sheet");
  });

  test("the tool's sheets are replaced on a re-render; a tool sheet the user renamed becomes the user's", async () => {
    const h = await kind.create();
    await h.render([plan("Summary", "summary", "s1"), plan("Matrix", "matrix", "m1")]);
    await h.renameSheet("Matrix", "Old Matrix");
    const r = await h.render([plan("Summary", "summary", "s2"), plan("Matrix", "matrix", "m2")]);
    expect(r.sheets).toEqual(["Summary", "Matrix"]);
    expect(r.notes).toEqual([]);
    expect(await h.a1("Summary")).toBe("s2");
    expect(await h.a1("Old Matrix")).toBe("m1");
    const names = await h.sheetNames();
    expect(names.filter((n) => n === "Summary")).toHaveLength(1);
    expect(names).toContain("Old Matrix");
  });
});

describe("ownership rule (pure)", () => {
  const facts = (rows: unknown[][] | null, names: { name: string; sheet: string | null }[], sheets: string[]) => decideOwnership({ sheets, names, registryRows: rows });

  test("listed and marked: own; listed without mark, mark on another sheet, malformed mark, duplicate: the user's, with a note each", () => {
    const rows = [
      ["Sheet", "Role", "Written", "Mark"],
      ["Summary", "summary", "t", "abcdefgh1234_1"],
      ["Notes", "summary", "t", "abcdefgh1234_2"],
      ["Matrix", "matrix", "t", "abcdefgh1234_3"],
      ["Other", "matrix", "t", "not a mark"],
      ["summary", "summary", "t", "abcdefgh1234_1"],
    ];
    const names = [
      { name: REGISTRY_NAME, sheet: "_sfs_registry" },
      { name: "_sfs_own_abcdefgh1234_1", sheet: "Summary" },
      { name: "_sfs_own_abcdefgh1234_3", sheet: "Notes" },
    ];
    const o = facts(rows, names, ["Summary", "Notes", "Matrix", "Other", "_sfs_registry"]);
    expect(o.own.map((e) => e.sheet)).toEqual(["Summary"]);
    expect(o.notes).toHaveLength(4);
    expect(o.registrySheet).toBe("_sfs_registry");
  });

  test("a registry without the Mark column (hand-made, or an older format) is ignored as a whole", () => {
    const o = facts([["Sheet", "Role", "Written"], ["Notes", "summary", ""]], [{ name: REGISTRY_NAME, sheet: "_sfs_registry" }], ["Notes", "_sfs_registry"]);
    expect(o).toMatchObject({ own: [], registrySheet: null, registryNameStale: true });
  });

  test("planReplacement: roles being written are replaced, other roles kept, user sheets never", () => {
    const own = { registrySheet: "_sfs_registry", own: [{ sheet: "Summary", role: "summary", written: "", mark: "m" }, { sheet: "A-ROI", role: "aroi", written: "", mark: "n" }], notes: [], registryNameStale: false };
    const rep = planReplacement(own, ["Data", "Summary", "A-ROI", "Matrix", "_sfs_registry"], [{ name: "Summary", role: "summary" }, { name: "Matrix", role: "matrix" }]);
    expect(rep.replaced.map((e) => e.sheet)).toEqual(["Summary"]);
    expect(rep.kept.map((e) => e.sheet)).toEqual(["A-ROI"]);
    expect(rep.finals).toEqual(["Summary", "Matrix (2)"]);
    expect(rep.notes).toEqual(['Your sheet "Matrix" was kept as it is; the tool wrote its sheet as "Matrix (2)".']);
  });

  test("referenceSheet reads Office.js and ExcelJS references, and nothing else", () => {
    expect(referenceSheet("=Summary!$A$1")).toBe("Summary");
    expect(referenceSheet("='O''Brien (2)'!$A$1:$B$2")).toBe("O'Brien (2)");
    expect(referenceSheet("'_sfs_registry'!$A$1")).toBe("_sfs_registry");
    expect(referenceSheet("=#REF!$A$1")).toBeNull();
    expect(referenceSheet('="text"')).toBeNull();
    expect(referenceSheet("=SUM(Summary!A1)")).toBeNull();
  });
});
