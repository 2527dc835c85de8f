/** Building school calculators: one opened as a new workbook (downloaded in the preview), or all as a .zip. */
import { formatError } from "../../../words/errors";
import { XLSX_MIME, ZIP_MIME } from "../../../host/types";
import type { Env } from "../../store/root";
import { message } from "../../store/types";
import type { CalculatorState } from "./state";

/** The calculator files module, loaded on first use so that ExcelJS and JSZip stay out of the pane's initial script. */
export function loadCalculatorFiles(): Promise<typeof import("./calculatorFiles")> {
  return import(/* webpackChunkName: "calculators" */ "./calculatorFiles");
}

const ZIP_JOB = "calculators";

/** Build school `index`'s calculator and open it as a new workbook (the preview downloads it). */
export async function createCalculator(env: Env, index: number): Promise<void> {
  const s = env.getState();
  const a = s.allocation.allocation;
  if (!a || s.calculators.phase === "running" || !a.schools[index]) return;
  const school = a.schools[index].name;
  const set = (state: CalculatorState) => env.dispatch({ type: "calculator", state });
  if (a.errors.length > 0) {
    set({ phase: "failed", what: "one", school: index, message: a.errors.map(formatError).join(" "), file: null });
    return;
  }
  set({ phase: "running", what: "one", school: index, progress: { done: 0, total: 1, label: `Building the calculator for ${school}` } });
  let file: { name: string; bytes: Uint8Array };
  try {
    file = await (await loadCalculatorFiles()).calculatorFile(a, index);
  } catch (e) {
    set({ phase: "failed", what: "one", school: index, message: `The calculator could not be built: ${message(e)}`, file: null });
    return;
  }
  try {
    await env.host.openWorkbook(file.name, file.bytes);
  } catch (e) {
    set({ phase: "failed", what: "one", school: index, message: message(e), file });
    return;
  }
  const text = env.host.kind === "excel" ? `Opened ${file.name} as a new workbook.` : `Downloaded ${file.name} (in Excel it opens as a new workbook).`;
  set({ phase: "done", what: "one", school: index, text });
}

/** Download the calculator that could not be opened as a workbook. */
export async function downloadCalculatorInstead(env: Env): Promise<void> {
  const c = env.getState().calculators;
  if (c.phase !== "failed" || !c.file) return;
  try {
    await env.host.download(c.file.name, c.file.bytes, XLSX_MIME);
    env.dispatch({ type: "calculator", state: { phase: "done", what: c.what, school: c.school, text: `Downloaded ${c.file.name}.` } });
  } catch (e) {
    env.dispatch({ type: "calculator", state: { ...c, message: `${c.message} The download failed too: ${message(e)}` } });
  }
}

/** Build every school's calculator and download them as one .zip, with progress. */
export async function downloadAllCalculators(env: Env): Promise<void> {
  const s = env.getState();
  const a = s.allocation.allocation;
  if (!a || s.calculators.phase === "running") return;
  const set = (state: CalculatorState) => env.dispatch({ type: "calculator", state });
  if (a.errors.length > 0) {
    set({ phase: "failed", what: "all", school: null, message: a.errors.map(formatError).join(" "), file: null });
    return;
  }
  const controller = new AbortController();
  env.aborts.set(ZIP_JOB, controller);
  const total = a.schools.length;
  set({ phase: "running", what: "all", school: null, progress: { done: 0, total, label: "Loading the workbook builder" } });
  try {
    const files = await loadCalculatorFiles();
    const zip = await files.calculatorsZipFile(a, {
      signal: controller.signal,
      onProgress: (progress) => {
        if (!controller.signal.aborted) set({ phase: "running", what: "all", school: null, progress });
      },
    });
    if (!zip || controller.signal.aborted) {
      set({ phase: "cancelled", what: "all", school: null });
      return;
    }
    try {
      await env.host.download(zip.name, zip.bytes, ZIP_MIME);
    } catch (e) {
      set({ phase: "failed", what: "all", school: null, message: `The .zip was built but could not be downloaded: ${message(e)}`, file: null });
      return;
    }
    set({ phase: "done", what: "all", school: null, text: `Downloaded ${zip.name}: ${total === 1 ? "1 calculator" : `${total} calculators`}, one per school.` });
  } catch (e) {
    set({ phase: "failed", what: "all", school: null, message: `The calculators could not be built: ${message(e)}`, file: null });
  } finally {
    env.aborts.delete(ZIP_JOB);
  }
}

/** Stop building the .zip; nothing is downloaded. */
export const cancelCalculators = (env: Env) => env.aborts.get(ZIP_JOB)?.abort();
