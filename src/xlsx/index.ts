/** .xlsx reading and writing with ExcelJS: the command line's (and tests') workbook host. */
export { DEFAULT_TABLE_NAMES, extractTables, loadWorkbook, looseName, readWorkbook } from "./read";
export type { FoundTable, LoadResult, ReadResult } from "./read";
export { PlanError, SKIPS_CHARTS, newWorkbook, renderPlans, writeWorkbook, writeWorkbookFile } from "./write";
export type { RenderPlansOptions, RenderPlansResult } from "./write";
export { COLORS, NUMBER_FORMATS, StyleCache, styleParts } from "./styles";
export { renameReferences } from "./formula";
export type { Renames } from "./formula";
export { repairLoadedTables } from "./loaded-tables";
export { addRegistryWorksheet, ownWorksheets, readRegistry, registryWorksheet } from "./registry-sheet";
export { cellToCell, planValueToExcel, valueToCell } from "./values";
