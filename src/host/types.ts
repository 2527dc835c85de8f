import type { InputError, RawTables } from "../engine/types";
import type { SheetPlan } from "../report/plan";

/** Progress of a long write, reported by a renderer. */
export interface Progress {
  done: number;
  total: number;
  label: string;
}

export interface RenderOptions {
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

export interface RenderResult {
  /** Final sheet names actually used, in plan order (a name may differ from the plan's when a user sheet had it). */
  sheets: string[];
  cancelled: boolean;
  /** Things drawn differently than planned (e.g. a bubble chart drawn as scatter), in words for the pane. */
  notes?: string[];
}

export interface TableStatus {
  name: string;
  found: boolean;
  rows: number;
  where: string | null;
}

export interface ScenarioRecord {
  name: string;
  savedAt: string;
  /** JSON text of the decisions. */
  json: string;
}

/**
 * What the pane needs from a workbook. Implemented by the Office.js host (src/excel), and by the in-memory
 * host used by tests and the browser preview. Hosts are injected into the pane.
 */
export interface Host {
  kind: "excel" | "preview";
  /** Read every contract table present (tables first, then sheets), as raw tables. */
  readTables(): Promise<{ tables: RawTables; status: TableStatus[]; errors: InputError[] }>;
  /** Create or replace only the tool's own sheets; all-or-nothing. */
  render(plans: SheetPlan[], options?: RenderOptions): Promise<RenderResult>;
  /** Select a cell so the user sees an input problem. */
  selectCell(sheet: string, address: string): Promise<void>;
  /** Create the input tables (sample or blank templates) as real tables with validation. */
  insertTables(tables: RawTables): Promise<void>;
  listScenarios(): Promise<ScenarioRecord[]>;
  saveScenario(record: ScenarioRecord): Promise<void>;
  deleteScenario(name: string): Promise<void>;
  /** Host capabilities and anything missing, in words, for the pane to show. */
  capabilities(): Promise<{ ok: boolean; missing: string[] }>;
  /**
   * Open an .xlsx file (e.g. a school calculator) as a new workbook: in Excel a new window (Excel.createWorkbook,
   * ExcelApi 1.8; rejects with a message saying so when missing), in the browser preview a download of the file.
   */
  openWorkbook(name: string, xlsx: Uint8Array): Promise<void>;
  /** Hand a file to the user (a browser download through a Blob URL; both hosts run in a browser). */
  download(name: string, bytes: Uint8Array, mime: string): Promise<void>;
}

/** MIME types of the files the pane hands out. */
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const ZIP_MIME = "application/zip";
