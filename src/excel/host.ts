/// <reference types="office-js" />
import type { Host, RenderOptions, ScenarioRecord } from "../host/types";
import type { RawTables } from "../engine/types";
import type { SheetPlan } from "../report/plan";
import { capabilities } from "./capabilities";
import { officeEnv, type ExcelEnv } from "./env";
import { insertTables } from "./insertTables";
import { readTables } from "./readTables";
import type { ExcelRenderResult } from "./render";
import { deleteScenario, listScenarios, saveScenario } from "./scenarios";
import { selectCell } from "./select";
import { officeWorkbookFiles, openWorkbook, type WorkbookFiles } from "./workbooks";

/** Runs a batch against the open workbook: `Excel.run` in Office, a fake context in tests. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * Options of every batch: `delayForCellEdit` makes Excel wait while the user is typing in a cell instead of failing
 * the batch (without it, a user editing a cell makes every read and write fail).
 */
export const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };

export function officeRunner(): ExcelRunner {
  return <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(RUN_OPTIONS, batch);
}

/**
 * The Office.js host used by the task pane. Every workbook method is one `Excel.run` around a function that takes
 * a RequestContext (tested with an in-memory fake of the Excel object model); opening a new workbook and
 * downloading go through `files` (Excel.createWorkbook and a browser download).
 */
export function createExcelHost(run: ExcelRunner = officeRunner(), env: ExcelEnv = officeEnv(), files: WorkbookFiles = officeWorkbookFiles(env)): Host & {
  render(plans: SheetPlan[], options?: RenderOptions): Promise<ExcelRenderResult>;
} {
  return {
    kind: "excel",
    readTables: () => run((context) => readTables(context, env)),
    // The renderer loads with the first write (the pane's first load stays small).
    render: async (plans, options = {}) => {
      const { renderPlans } = await import(/* webpackChunkName: "render" */ "./render");
      return run((context) => renderPlans(context, plans, options, env));
    },
    selectCell: (sheet, address) => run((context) => selectCell(context, sheet, address)),
    insertTables: async (tables: RawTables) => {
      await run((context) => insertTables(context, tables, env));
    },
    listScenarios: () => run((context) => listScenarios(context)),
    saveScenario: (record: ScenarioRecord) => run((context) => saveScenario(context, record)),
    deleteScenario: (name: string) => run((context) => deleteScenario(context, name)),
    capabilities: async () => capabilities(env),
    openWorkbook: (name: string, xlsx: Uint8Array) => openWorkbook(env, files, name, xlsx),
    download: (name: string, bytes: Uint8Array, mime: string) => files.download(name, bytes, mime),
  };
}
