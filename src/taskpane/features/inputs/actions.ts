/** Reading the workbook, inserting the sample or blank tables, and pointing at a problem's cell. */
import { parseDistrict } from "../../../engine/parse";
import type { Allocation, District, InputError, RawTables } from "../../../engine/types";
import { columnLetter } from "../../../report/names";
import { notify, refreshRecords, tryAllocate } from "../../store/effects";
import type { Env } from "../../store/root";
import { message, type Notice } from "../../store/types";
import { presentTables } from "./state";
import { blankTemplates } from "./templates";
import { parseWarningWords } from "../../../words/parseErrors";

/** Read every input table, parse the district and (when results were shown) allocate it again. */
export async function readWorkbook(env: Env): Promise<void> {
  env.dispatch({ type: "read/start" });
  notify(env, null);
  try {
    const r = await env.host.readTables();
    const hadResults = env.getState().allocation.allocation !== null;
    let parsed: District | null = null;
    let allocation: Allocation | null = null;
    let problems: InputError[] = r.errors;
    let warnings: string[] = [];
    let failed: Notice | null = null;
    if (r.status.some((s) => s.found)) {
      const p = parseDistrict(r.tables);
      if (p.ok) warnings = p.warnings.map(parseWarningWords);
      if (!p.ok || r.errors.length > 0) problems = [...r.errors, ...(p.ok ? [] : p.errors)];
      else {
        parsed = p.district;
        // Keep showing results after a re-read when they were shown before.
        if (hadResults) {
          const a = tryAllocate(parsed);
          if ("allocation" in a) allocation = a.allocation;
          else failed = { intent: "error", title: "The allocation failed", text: a.error };
        }
      }
    }
    env.dispatch({ type: "workbook/read", tables: r.tables, status: r.status, problems, warnings, parsed, allocation });
    if (failed) notify(env, failed);
  } catch (e) {
    env.dispatch({ type: "read/failed" });
    notify(env, { intent: "error", title: "Could not read the workbook", text: message(e) });
  }
  await refreshRecords(env);
}

/** Add tables to the workbook (those it lacks), then read it again. */
export async function insertTables(env: Env, tables: RawTables, what: string): Promise<void> {
  try {
    await env.host.insertTables(tables);
    await readWorkbook(env);
    notify(env, { intent: "success", title: `Inserted ${what}`, text: `Added ${Object.values(tables).map((t) => t.name).join(", ")}.` });
  } catch (e) {
    notify(env, { intent: "error", title: `Could not insert ${what}`, text: `${message(e)} Nothing was changed.` });
  }
}

/** Insert the sample district (its generator is loaded on first use). */
export async function insertSample(env: Env): Promise<void> {
  const { sampleDistrict } = await import(/* webpackChunkName: "sample" */ "../../../sample/district");
  await insertTables(env, sampleDistrict(), "the sample district");
}
export const insertBlank = (env: Env) => insertTables(env, blankTemplates(presentTables(env.getState().inputs)), "blank templates");

/** Where a problem sits in the workbook, when it can be selected. */
export function locate(env: Env, e: InputError): { sheet: string; address: string } | null {
  const s = env.getState();
  // The planning tables may have been read again since the last full read: they locate their problems.
  const t = (s.planning.tables ?? s.inputs.tables)[e.table.toLowerCase()];
  const sheet = e.sheet ?? t?.origin.sheet;
  if (!sheet) return null;
  if (e.cell) return { sheet, address: e.cell };
  if (!t) return null;
  let col = t.origin.firstColumn;
  if (e.column) {
    const k = t.headers.findIndex((h) => h.trim().toLowerCase() === e.column?.trim().toLowerCase());
    if (k >= 0) col += k;
  }
  return { sheet, address: `${columnLetter(col)}${e.row ?? t.origin.headerRow}` };
}

/** Select a problem's cell in the workbook so the user sees it. */
export async function selectProblem(env: Env, e: InputError): Promise<void> {
  const at = locate(env, e);
  if (!at) return;
  try {
    await env.host.selectCell(at.sheet, at.address);
  } catch (err) {
    notify(env, { intent: "error", title: "Could not select the cell", text: message(err) });
  }
}

/** Ask the host what this Excel can do (once, at start). */
export async function checkCapabilities(env: Env): Promise<void> {
  try {
    env.dispatch({ type: "capabilities", value: await env.host.capabilities() });
  } catch (e) {
    env.dispatch({ type: "capabilities", value: { ok: false, missing: [message(e)] } });
  }
}

/** Open a workbook file in place of the current workbook (the preview), then read it. */
export async function openWorkbookFile(env: Env, file: File): Promise<void> {
  if (!env.files) return;
  env.dispatch({ type: "workbook/file", value: { what: "open", progress: { done: 0, total: 1, label: `Reading ${file.name}` } } });
  try {
    await env.files.open(file, (progress) => env.dispatch({ type: "workbook/file", value: { what: "open", progress } }));
  } catch (e) {
    env.dispatch({ type: "workbook/file", value: null });
    notify(env, { intent: "error", title: `Could not open ${file.name}`, text: `${message(e)} The workbook shown is unchanged.` });
    return;
  }
  // The host shows the opened workbook in a new pane (this one is replaced); nothing more to do here.
  env.dispatch({ type: "workbook/file", value: null });
}

/** Download the workbook with the tool's sheets written (the preview). */
export async function saveWorkbookFile(env: Env): Promise<void> {
  if (!env.files) return;
  env.dispatch({ type: "workbook/file", value: { what: "save", progress: { done: 0, total: 1, label: "Preparing the workbook" } } });
  try {
    const name = await env.files.save((progress) => env.dispatch({ type: "workbook/file", value: { what: "save", progress } }));
    notify(env, { intent: "success", title: "Workbook saved", text: `Downloaded ${name}.` });
  } catch (e) {
    notify(env, { intent: "error", title: "Could not save the workbook", text: message(e) });
  } finally {
    env.dispatch({ type: "workbook/file", value: null });
  }
}
