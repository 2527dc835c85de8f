import { readFileSync } from "fs";
import ExcelJS from "exceljs";
import { findNotCarried, notCarriedMessage } from "../../src/xlsx/carry";
import { writeWorkbook } from "../../src/xlsx/write";
import { SAMPLE } from "../helpers/cli";
import { withRichParts } from "../helpers/rich";

describe("what the result workbook does not carry", () => {
  test("the sample carries everything", async () => {
    expect(await findNotCarried(readFileSync(SAMPLE))).toEqual([]);
  });

  test("charts, shapes, pivot tables, slicers, controls, threaded comments, sparklines, macros, links and connections are found and named", async () => {
    const rich = await withRichParts(readFileSync(SAMPLE), { sheet: 1, charts: 2, shapes: 1, pivots: 1, slicers: 2, controls: 1, threaded: 3, sparklines: 1, macros: true, externalLinks: 1, connections: 1 });
    const list = await findNotCarried(rich);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(rich as unknown as ExcelJS.Buffer);
    const first = wb.worksheets[0].name;
    expect(list.map((x) => x.text)).toEqual([
      `1 sparkline group on '${first}'`,
      `2 charts on '${first}'`,
      `1 shape or text box on '${first}'`,
      `1 pivot table on '${first}'`,
      `2 slicers on '${first}'`,
      `1 form control on '${first}'`,
      `3 threaded comments (replies are lost; the first comment stays as a note) on '${first}'`,
      "macros (VBA project)",
      "1 link to another workbook",
      "1 data connection (Power Query or external data)",
    ]);
    expect(notCarriedMessage(list)).toMatch(/^sfs: note: the result workbook does not carry 1 sparkline group on .*; they stay in your workbook, which is unchanged\.$/);
    // The claim is true: the copy written through ExcelJS has none of them (and still opens).
    const out = await writeWorkbook([], wb);
    expect(await findNotCarried(out)).toEqual([]);
  });

  test("pictures and notes are carried, so they are not listed", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Notes");
    ws.getCell("A1").value = "x";
    ws.getCell("A1").note = "a note";
    const id = wb.addImage({ buffer: readFileSync("assets/icon-64.png") as unknown as ExcelJS.Buffer, extension: "png" });
    ws.addImage(id, "C3:D5");
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await findNotCarried(bytes)).toEqual([]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load((await writeWorkbook([], back)) as unknown as ExcelJS.Buffer);
    expect(copy.getWorksheet("Notes")!.getImages()).toHaveLength(1);
    expect(copy.getWorksheet("Notes")!.getCell("A1").note).toBeDefined();
  });

  test("not a zip: nothing to say", async () => {
    expect(await findNotCarried(Buffer.from("hello"))).toEqual([]);
  });
});
