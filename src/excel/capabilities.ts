import { API_SETS, supports, type ExcelEnv } from "./env";

/**
 * What this Excel can do, in words the pane shows. ExcelApi 1.7 is the minimum (charts' series and
 * trendlines, freeze panes, tab colours, range-by-index writes); newer sets only improve things.
 */
export function capabilities(env: ExcelEnv): { ok: boolean; missing: string[] } {
  const missing: string[] = [];
  const ok = supports(env, API_SETS.minimum);
  if (!ok) {
    missing.push(
      "This version of Excel is too old for School Funding Studio: it needs Excel JavaScript API 1.7 or later " +
        "(Excel 2019, Excel for Microsoft 365 or Excel on the web).",
    );
  }
  if (!supports(env, API_SETS.dataValidation)) {
    missing.push("Drop-down lists in inserted tables need Excel JavaScript API 1.8; the tables are inserted without them.");
  }
  if (!supports(env, API_SETS.screenUpdating)) {
    missing.push(
      "Screen updating cannot be paused while sheets are written (Excel JavaScript API 1.9); large reports may flicker and take longer. " +
        "Page layout (landscape, fit to page) is not set either.",
    );
  }
  if (!supports(env, API_SETS.mergedAreas)) {
    missing.push(
      "Merged cells inside input tables are found only with Excel JavaScript API 1.13; in this Excel a merged cell reads as " +
        "its first row's value with blanks below, so unmerge input tables (Home > Merge & Center > Unmerge Cells).",
    );
  }
  return { ok, missing };
}
