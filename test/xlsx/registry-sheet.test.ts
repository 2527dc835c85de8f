import ExcelJS from "exceljs";
import { REGISTRY_SHEET } from "../../src/report/registry";
import { addRegistryWorksheet, ownWorksheets, readRegistry, registryWorksheet } from "../../src/xlsx/registry-sheet";
import { load, save } from "./helpers";

describe("registry sheet", () => {
  test("no registry: nothing is ours", () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Summary");
    expect(registryWorksheet(wb)).toBeUndefined();
    expect(readRegistry(wb)).toEqual([]);
    expect(ownWorksheets(wb)).toEqual([]);
  });

  test("listed sheets that exist are ours (case-insensitive); survives a save", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("User");
    wb.addWorksheet("summary");
    wb.addWorksheet("Matrix");
    const entries = [
      { sheet: "Summary", role: "summary", written: "2025-01-01T00:00:00.000Z" },
      { sheet: "Deleted by user", role: "school", written: "2025-01-01T00:00:00.000Z" },
      { sheet: "Matrix", role: "matrix", written: "2025-01-01T00:00:00.000Z" },
    ];
    const reg = addRegistryWorksheet(wb, entries);
    expect(reg.state).toBe("veryHidden");
    const back = await load(await save(wb));
    expect(registryWorksheet(back)!.state).toBe("veryHidden");
    expect(readRegistry(back)).toEqual(entries);
    expect(ownWorksheets(back).map((w) => w.name)).toEqual(["summary", "Matrix"]);
  });

  test("the registry never lists itself as an own sheet", () => {
    const wb = new ExcelJS.Workbook();
    addRegistryWorksheet(wb, [{ sheet: REGISTRY_SHEET, role: "x", written: "" }]);
    expect(ownWorksheets(wb)).toEqual([]);
  });
});
