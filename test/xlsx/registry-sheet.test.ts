import ExcelJS from "exceljs";
import { REGISTRY_NAME } from "../../src/host/ownership";
import { REGISTRY_SHEET } from "../../src/report/registry";
import { addMark, addRegistryWorksheet, ownWorksheets, readRegistry, registryWorksheet, workbookOwnership } from "../../src/xlsx/registry-sheet";
import { load, save } from "./helpers";

const W = "2025-01-01T00:00:00.000Z";

describe("registry sheet", () => {
  test("no registry: nothing is ours", () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Summary");
    expect(registryWorksheet(wb)).toBeUndefined();
    expect(readRegistry(wb)).toEqual([]);
    expect(ownWorksheets(wb)).toEqual([]);
  });

  test("listed sheets that exist and carry their mark are ours (case-insensitive); survives a save", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("User");
    wb.addWorksheet("summary");
    wb.addWorksheet("Matrix");
    const entries = [
      { sheet: "Summary", role: "summary", written: W, mark: "abcdefgh1234_1" },
      { sheet: "Deleted by user", role: "school", written: W, mark: "abcdefgh1234_2" },
      { sheet: "Matrix", role: "matrix", written: W, mark: "abcdefgh1234_3" },
    ];
    addMark(wb, "summary", "abcdefgh1234_1");
    addMark(wb, "Matrix", "abcdefgh1234_3");
    const reg = addRegistryWorksheet(wb, REGISTRY_SHEET, entries);
    expect(reg.state).toBe("veryHidden");
    const back = await load(await save(wb));
    expect(registryWorksheet(back)!.state).toBe("veryHidden");
    expect(back.definedNames.getRanges(REGISTRY_NAME).ranges).toEqual([`'${REGISTRY_SHEET}'!$A$1`]);
    expect(readRegistry(back)).toEqual([
      { ...entries[0], sheet: "summary" },
      { ...entries[2] },
    ]);
    expect(ownWorksheets(back).map((w) => w.name)).toEqual(["summary", "Matrix"]);
  });

  test("the registry never lists itself as an own sheet", () => {
    const wb = new ExcelJS.Workbook();
    addMark(wb, REGISTRY_SHEET, "abcdefgh1234_1");
    addRegistryWorksheet(wb, REGISTRY_SHEET, [{ sheet: REGISTRY_SHEET, role: "x", written: "", mark: "abcdefgh1234_1" }]);
    expect(ownWorksheets(wb)).toEqual([]);
  });

  test("a hand-made registry sheet (no defined name, no marks) is ignored with a note", () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").getCell("A1").value = "my notes";
    const forged = wb.addWorksheet(REGISTRY_SHEET, { state: "hidden" });
    forged.addRow(["Sheet", "Role", "Written"]);
    forged.addRow(["Notes", "summary", ""]);
    const o = workbookOwnership(wb);
    expect(o.own).toEqual([]);
    expect(o.registrySheet).toBeNull();
    expect(o.notes.join(" ")).toMatch(/_sfs_registry.*not written by the tool/);
  });
});
