/**
 * The three hosts behind one test harness, so the same tests run against each: the Office.js host (through the
 * in-memory Excel object model), the .xlsx writer and reader (ExcelJS, saved and loaded again between steps) and
 * the in-memory host. Each harness can also edit the workbook as a user would (add, delete, rename sheets, add
 * a defined name), which is how the ownership tests forge registries and re-create sheets.
 */
import ExcelJS from "exceljs";
import type { RawTables } from "../../src/engine/types";
import { createExcelHost } from "../../src/excel/host";
import { createMemoryHost } from "../../src/host/memory";
import type { TablesRead } from "../../src/host/tables";
import type { SheetPlan } from "../../src/report/plan";
import { extractTables } from "../../src/xlsx/read";
import { renderPlans as renderXlsx } from "../../src/xlsx/write";
import { FakeExcel, type Scalar } from "../excel/fakeExcel";
import { envUpTo } from "../excel/helpers";
import { load, save } from "../xlsx/helpers";

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface Harness {
  render(plans: SheetPlan[]): Promise<{ sheets: string[]; notes: string[] }>;
  readTables(): Promise<TablesRead>;
  /** Every sheet, whatever its visibility, in tab order. */
  sheetNames(): Promise<string[]>;
  /** The value in A1 of a sheet (a fingerprint of a user's sheet). */
  a1(sheet: string): Promise<unknown>;
  addSheet(name: string, rows: Scalar[][], visibility?: Visibility): Promise<void>;
  deleteSheet(name: string): Promise<void>;
  renameSheet(from: string, to: string): Promise<void>;
  /** A workbook-level defined name referring to A1 of the sheet. */
  addName(name: string, sheet: string): Promise<void>;
  /** Merge cells (e.g. "A3:A4"); only the top-left cell keeps its value. */
  merge(sheet: string, address: string): Promise<void>;
}

export interface HostKind {
  name: string;
  create(tables?: RawTables): Promise<Harness>;
}

/** The Office.js host on the in-memory Excel model. */
export const officeHost: HostKind = {
  name: "Office.js host",
  async create(tables) {
    const fx = new FakeExcel();
    const env = envUpTo("1.13");
    const host = createExcelHost((batch) => batch(fx.ctx), env);
    if (tables) await host.insertTables(tables);
    return {
      render: async (plans) => {
        const r = await host.render(plans);
        return { sheets: r.sheets, notes: r.notes ?? [] };
      },
      readTables: () => host.readTables(),
      sheetNames: async () => fx.sheetNames(),
      a1: async (sheet) => fx.cell(sheet, "A1")?.formula ?? fx.cell(sheet, "A1")?.value ?? null,
      addSheet: async (name, rows, visibility = "Visible") => {
        fx.addSheet(name, rows).visibility = visibility;
      },
      deleteSheet: async (name) => fx.deleteSheet(fx.sheet(name)),
      renameSheet: async (from, to) => fx.renameSheet(fx.sheet(from), to),
      addName: async (name, sheet) => fx.addName(name, sheet, "$A$1"),
      merge: async (sheet, address) => fx.merge(sheet, address),
    };
  },
};

/** The .xlsx writer: every step saves the workbook and loads it again, as the command line does between runs. */
export const xlsxHost: HostKind = {
  name: ".xlsx writer",
  async create(tables) {
    let wb = new ExcelJS.Workbook();
    for (const t of Object.values(tables ?? {})) {
      const ws = wb.addWorksheet(t.name);
      ws.addTable({ name: t.name.replace(/\s+/g, "_"), ref: "A1", headerRow: true, columns: t.headers.map((h) => ({ name: h })), rows: t.rows.map((r) => [...r]) });
    }
    const roundTrip = async () => {
      wb = await load(await save(wb));
    };
    await roundTrip();
    return {
      render: async (plans) => {
        const r = renderXlsx(wb, plans);
        await roundTrip();
        return { sheets: r.sheets, notes: r.notes };
      },
      readTables: async () => {
        const { tables: found, errors } = extractTables(wb);
        return { tables: found, status: [], errors };
      },
      sheetNames: async () => wb.worksheets.map((w) => w.name),
      a1: async (sheet) => {
        const v = wb.getWorksheet(sheet)?.getCell("A1").value ?? null;
        return v;
      },
      addSheet: async (name, rows, visibility = "Visible") => {
        const ws = wb.addWorksheet(name, { state: visibility === "Visible" ? "visible" : visibility === "Hidden" ? "hidden" : "veryHidden" });
        rows.forEach((r) => ws.addRow(r));
        await roundTrip();
      },
      deleteSheet: async (name) => {
        const ws = wb.getWorksheet(name);
        if (!ws) throw new Error(`no sheet ${name}`);
        wb.removeWorksheet(ws.id);
        // Excel turns names that pointed into a deleted sheet into #REF!; ExcelJS keeps them, so drop them here.
        const dn = wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] };
        dn.model = dn.model.filter((d) => !d.ranges.some((r) => r.replace(/'/g, "").startsWith(`${name}!`)));
        await roundTrip();
      },
      renameSheet: async (from, to) => {
        const ws = wb.getWorksheet(from);
        if (!ws) throw new Error(`no sheet ${from}`);
        ws.name = to;
        const dn = wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] };
        dn.model = dn.model.map((d) => ({ ...d, ranges: d.ranges.map((r) => r.replace(new RegExp(`^'?${from}'?!`), `'${to}'!`)) }));
        await roundTrip();
      },
      addName: async (name, sheet) => {
        wb.definedNames.add(`'${sheet}'!$A$1`, name);
        await roundTrip();
      },
      merge: async (sheet, address) => {
        const ws = wb.getWorksheet(sheet);
        if (!ws) throw new Error(`no sheet ${sheet}`);
        ws.mergeCells(address);
        await roundTrip();
      },
    };
  },
};

/** The in-memory host (tests and the browser preview). */
export const memoryHost: HostKind = {
  name: "in-memory host",
  async create(tables) {
    const host = createMemoryHost(tables ?? null);
    return {
      render: async (plans) => {
        const r = await host.render(plans);
        return { sheets: r.sheets, notes: r.notes ?? [] };
      },
      readTables: () => host.readTables(),
      sheetNames: async () => host.allSheetNames(),
      a1: async (sheet) => host.cellValue(sheet, 0, 0),
      addSheet: async (name, rows, visibility) => host.userEdit.addSheet(name, rows, visibility),
      deleteSheet: async (name) => host.userEdit.deleteSheet(name),
      renameSheet: async (from, to) => host.userEdit.renameSheet(from, to),
      addName: async (name, sheet) => host.userEdit.addName(name, sheet),
      merge: async (sheet, address) => host.userEdit.merge(sheet, address),
    };
  },
};

export const HOSTS: HostKind[] = [officeHost, xlsxHost, memoryHost];
