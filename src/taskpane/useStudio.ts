/**
 * The pane's state: what was read from the workbook, the district with the pane's decisions applied, the
 * allocation, the write in progress and the scenarios. Engine calls are synchronous and pure; the host is the
 * only asynchronous part.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import { allocate } from "../engine/allocate";
import { compareAllocations, type Comparison } from "../engine/compare";
import { applyDecisions, extractDecisions, parseDecisions, serializeDecisions } from "../engine/decisions";
import { formatError } from "../engine/errors";
import { parseDistrict } from "../engine/parse";
import type { Allocation, District, InputError, RawTables } from "../engine/types";
import type { Host, Progress, ScenarioRecord, TableStatus } from "../host/types";
import { comparisonPlan } from "../report/compare";
import { allocationPlans } from "../report/allocation";
import { columnLetter } from "../report/names";
import type { SheetPlan } from "../report/plan";
import { sampleDistrict } from "../sample/district";
import { blankTemplates } from "./templates";

export type Intent = "success" | "error" | "warning" | "info";

export interface Notice {
  intent: Intent;
  title: string;
  text: string;
}

export type WriteState =
  | { phase: "idle" }
  | { phase: "running"; what: string; progress: Progress }
  | { phase: "done"; what: string; sheets: string[] }
  | { phase: "cancelled"; what: string }
  | { phase: "failed"; what: string; message: string };

export interface ComparisonView {
  nameA: string;
  nameB: string;
  cmp: Comparison;
}

/** The pseudo-scenario meaning "the decisions in the pane right now". */
export const CURRENT = "Current decisions";

export interface StudioState {
  reading: boolean;
  /** Set once the workbook was read at least once. */
  status: TableStatus[] | null;
  tables: RawTables;
  capabilities: { ok: boolean; missing: string[] } | null;
  /** Read and parse problems, located. */
  problems: InputError[];
  warnings: string[];
  /** The district as the workbook states it. */
  parsed: District | null;
  /** The district with the pane's decisions applied. */
  district: District | null;
  /** Null until "Allocate". */
  allocation: Allocation | null;
  detail: number | null;
  /** Selected schools by index. */
  selected: number[];
  write: WriteState;
  scenarios: ScenarioRecord[];
  comparison: ComparisonView | null;
  notice: Notice | null;
  /** Bumped when decisions change from outside the editors (a re-read, a loaded scenario), to reset their drafts. */
  revision: number;
}

export const initialState: StudioState = {
  reading: false,
  status: null,
  tables: {},
  capabilities: null,
  problems: [],
  warnings: [],
  parsed: null,
  district: null,
  allocation: null,
  detail: null,
  selected: [],
  write: { phase: "idle" },
  scenarios: [],
  comparison: null,
  notice: null,
  revision: 0,
};

export type Action =
  | { type: "read/start" }
  | { type: "read/done"; tables: RawTables; status: TableStatus[]; readErrors: InputError[] }
  | { type: "read/failed"; message: string }
  | { type: "capabilities"; value: { ok: boolean; missing: string[] } }
  | { type: "allocate" }
  | { type: "district"; district: District; notice?: Notice; external?: boolean }
  | { type: "detail"; index: number | null }
  | { type: "select"; indexes: number[] }
  | { type: "write"; state: WriteState }
  | { type: "scenarios"; list: ScenarioRecord[] }
  | { type: "comparison"; value: ComparisonView | null }
  | { type: "notice"; notice: Notice | null };

function tryAllocate(district: District): { allocation: Allocation } | { error: string } {
  try {
    return { allocation: allocate(district) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

export function studioReducer(state: StudioState, action: Action): StudioState {
  switch (action.type) {
    case "read/start":
      return { ...state, reading: true, notice: null };
    case "read/done": {
      const base = { ...state, revision: state.revision + 1, reading: false, status: action.status, tables: action.tables, detail: null, selected: [], comparison: null };
      const anyTable = action.status.some((s) => s.found);
      if (!anyTable) return { ...base, problems: action.readErrors, warnings: [], parsed: null, district: null, allocation: null };
      const parsed = parseDistrict(action.tables);
      if (!parsed.ok || action.readErrors.length > 0) {
        return { ...base, problems: [...action.readErrors, ...(parsed.ok ? [] : parsed.errors)], warnings: parsed.ok ? parsed.warnings : [], parsed: null, district: null, allocation: null };
      }
      // Keep showing results after a re-read when they were shown before.
      let allocation: Allocation | null = null;
      let notice: Notice | null = null;
      if (state.allocation) {
        const r = tryAllocate(parsed.district);
        if ("allocation" in r) allocation = r.allocation;
        else notice = { intent: "error", title: "The allocation failed", text: r.error };
      }
      return { ...base, problems: [], warnings: parsed.warnings, parsed: parsed.district, district: parsed.district, allocation, notice };
    }
    case "read/failed":
      return { ...state, reading: false, notice: { intent: "error", title: "Could not read the workbook", text: action.message } };
    case "capabilities":
      return { ...state, capabilities: action.value };
    case "allocate": {
      if (!state.district) return state;
      const r = tryAllocate(state.district);
      if ("error" in r) return { ...state, notice: { intent: "error", title: "The allocation failed", text: r.error } };
      return { ...state, allocation: r.allocation, notice: null };
    }
    case "district": {
      const r = tryAllocate(action.district);
      if ("error" in r) return { ...state, notice: { intent: "error", title: "The allocation failed", text: r.error } };
      return {
        ...state,
        district: action.district,
        allocation: r.allocation,
        notice: action.notice ?? state.notice,
        revision: action.external ? state.revision + 1 : state.revision,
      };
    }
    case "detail":
      return { ...state, detail: action.index };
    case "select":
      return { ...state, selected: [...action.indexes].sort((a, b) => a - b) };
    case "write":
      return { ...state, write: action.state };
    case "scenarios":
      return { ...state, scenarios: action.list };
    case "comparison":
      return { ...state, comparison: action.value };
    case "notice":
      return { ...state, notice: action.notice };
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export interface Studio {
  state: StudioState;
  read(): Promise<void>;
  insertSample(): Promise<void>;
  insertBlank(): Promise<void>;
  runAllocation(): void;
  /** Apply a new district (a decision was edited): re-allocates at once. */
  update(district: District): void;
  showDetail(index: number | null): void;
  select(indexes: number[]): void;
  writeResults(selectedOnly: boolean): Promise<void>;
  cancelWrite(): void;
  selectProblem(e: InputError): Promise<void>;
  saveScenario(name: string): Promise<void>;
  loadScenario(name: string): Promise<void>;
  deleteScenario(name: string): Promise<void>;
  compare(nameA: string, nameB: string): void;
  writeComparison(): Promise<void>;
  dismissNotice(): void;
  /** Where a problem sits in the workbook, when it can be selected. */
  locate(e: InputError): { sheet: string; address: string } | null;
}

export function useStudio(host: Host): Studio {
  const [state, dispatch] = useReducer(studioReducer, initialState);
  const stateRef = useRef(state);
  stateRef.current = state;
  const abortRef = useRef<AbortController | null>(null);

  const refreshScenarios = useCallback(async () => {
    try {
      dispatch({ type: "scenarios", list: await host.listScenarios() });
    } catch (e) {
      dispatch({ type: "notice", notice: { intent: "error", title: "Could not list the scenarios", text: message(e) } });
    }
  }, [host]);

  const read = useCallback(async () => {
    dispatch({ type: "read/start" });
    try {
      const r = await host.readTables();
      dispatch({ type: "read/done", tables: r.tables, status: r.status, readErrors: r.errors });
    } catch (e) {
      dispatch({ type: "read/failed", message: message(e) });
    }
    await refreshScenarios();
  }, [host, refreshScenarios]);

  useEffect(() => {
    let live = true;
    host
      .capabilities()
      .then((value) => {
        if (live) dispatch({ type: "capabilities", value });
      })
      .catch((e: unknown) => {
        if (live) dispatch({ type: "capabilities", value: { ok: false, missing: [message(e)] } });
      });
    void read();
    return () => {
      live = false;
    };
  }, [host, read]);

  const insert = useCallback(
    async (tables: RawTables, what: string) => {
      try {
        await host.insertTables(tables);
        await read();
        dispatch({ type: "notice", notice: { intent: "success", title: `Inserted ${what}`, text: `Added ${Object.values(tables).map((t) => t.name).join(", ")}.` } });
      } catch (e) {
        dispatch({ type: "notice", notice: { intent: "error", title: `Could not insert ${what}`, text: `${message(e)} Nothing was changed.` } });
      }
    },
    [host, read],
  );

  const insertSample = useCallback(() => insert(sampleDistrict(), "the sample district"), [insert]);
  const insertBlank = useCallback(() => {
    const present = new Set((stateRef.current.status ?? []).filter((s) => s.found).map((s) => s.name.toLowerCase()));
    return insert(blankTemplates(present), "blank templates");
  }, [insert]);

  const render = useCallback(
    async (plans: SheetPlan[], what: string) => {
      if (stateRef.current.write.phase === "running") return;
      const controller = new AbortController();
      abortRef.current = controller;
      dispatch({ type: "write", state: { phase: "running", what, progress: { done: 0, total: plans.length, label: "Starting" } } });
      try {
        const res = await host.render(plans, {
          signal: controller.signal,
          onProgress: (progress) => {
            if (!controller.signal.aborted) dispatch({ type: "write", state: { phase: "running", what, progress } });
          },
        });
        if (res.cancelled) dispatch({ type: "write", state: { phase: "cancelled", what } });
        else dispatch({ type: "write", state: { phase: "done", what, sheets: res.sheets } });
      } catch (e) {
        dispatch({ type: "write", state: { phase: "failed", what, message: message(e) } });
      } finally {
        abortRef.current = null;
      }
    },
    [host],
  );

  const writeResults = useCallback(
    async (selectedOnly: boolean) => {
      const s = stateRef.current;
      if (!s.allocation) return;
      if (s.allocation.errors.length > 0) {
        dispatch({ type: "write", state: { phase: "failed", what: "results", message: s.allocation.errors.map(formatError).join(" ") } });
        return;
      }
      let plans: SheetPlan[];
      try {
        plans = allocationPlans(s.allocation, selectedOnly ? { schools: s.selected } : undefined);
      } catch (e) {
        dispatch({ type: "write", state: { phase: "failed", what: "results", message: message(e) } });
        return;
      }
      await render(plans, selectedOnly ? "selected schools" : "results");
    },
    [render],
  );

  const cancelWrite = useCallback(() => abortRef.current?.abort(), []);

  const locate = useCallback((e: InputError): { sheet: string; address: string } | null => {
    const t = stateRef.current.tables[e.table.toLowerCase()];
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
  }, []);

  const selectProblem = useCallback(
    async (e: InputError) => {
      const at = locate(e);
      if (!at) return;
      try {
        await host.selectCell(at.sheet, at.address);
      } catch (err) {
        dispatch({ type: "notice", notice: { intent: "error", title: "Could not select the cell", text: message(err) } });
      }
    },
    [host, locate],
  );

  /** A scenario's district (or the current one), applied to the workbook's district. */
  const scenarioDistrict = useCallback((name: string): { district: District } | { error: string } => {
    const s = stateRef.current;
    if (!s.parsed || !s.district) return { error: "Read a valid workbook first." };
    if (name === CURRENT) return { district: s.district };
    const record = s.scenarios.find((r) => r.name === name);
    if (!record) return { error: `There is no scenario named "${name}".` };
    const parsed = parseDecisions(record.json);
    if (!parsed.ok) return { error: `Scenario "${name}" cannot be read: ${parsed.error}` };
    const applied = applyDecisions(s.parsed, parsed.decisions);
    if (!applied.ok) return { error: `Scenario "${name}" does not fit this workbook: ${applied.errors.map(formatError).join(" ")}` };
    return { district: applied.district };
  }, []);

  const saveScenario = useCallback(
    async (name: string) => {
      const s = stateRef.current;
      const clean = name.trim();
      if (!s.district || clean === "") return;
      try {
        await host.saveScenario({ name: clean, savedAt: new Date().toISOString(), json: serializeDecisions(extractDecisions(s.district)) });
        dispatch({ type: "notice", notice: { intent: "success", title: "Scenario saved", text: `Saved "${clean}".` } });
      } catch (e) {
        dispatch({ type: "notice", notice: { intent: "error", title: "Could not save the scenario", text: message(e) } });
      }
      await refreshScenarios();
    },
    [host, refreshScenarios],
  );

  const loadScenario = useCallback((name: string) => {
    const r = scenarioDistrict(name);
    if ("error" in r) {
      dispatch({ type: "notice", notice: { intent: "error", title: "Could not load the scenario", text: r.error } });
      return Promise.resolve();
    }
    dispatch({ type: "district", district: r.district, external: true, notice: { intent: "success", title: "Scenario loaded", text: `Loaded "${name}".` } });
    return Promise.resolve();
  }, [scenarioDistrict]);

  const deleteScenario = useCallback(
    async (name: string) => {
      try {
        await host.deleteScenario(name);
      } catch (e) {
        dispatch({ type: "notice", notice: { intent: "error", title: "Could not delete the scenario", text: message(e) } });
      }
      const c = stateRef.current.comparison;
      if (c && (c.nameA === name || c.nameB === name)) dispatch({ type: "comparison", value: null });
      await refreshScenarios();
    },
    [host, refreshScenarios],
  );

  const compare = useCallback(
    (nameA: string, nameB: string) => {
      const a = scenarioDistrict(nameA);
      const b = scenarioDistrict(nameB);
      if ("error" in a || "error" in b) {
        const text = "error" in a ? a.error : "error" in b ? b.error : "";
        dispatch({ type: "notice", notice: { intent: "error", title: "Could not compare", text } });
        return;
      }
      try {
        const cmp = compareAllocations(allocate(a.district), allocate(b.district));
        dispatch({ type: "comparison", value: { nameA, nameB, cmp } });
      } catch (e) {
        dispatch({ type: "notice", notice: { intent: "error", title: "Could not compare", text: message(e) } });
      }
    },
    [scenarioDistrict],
  );

  const writeComparison = useCallback(async () => {
    const c = stateRef.current.comparison;
    if (!c) return;
    await render([comparisonPlan(c.nameA, c.nameB, c.cmp)], "comparison");
  }, [render]);

  return useMemo(
    () => ({
      state,
      read,
      insertSample,
      insertBlank,
      runAllocation: () => dispatch({ type: "allocate" }),
      update: (district: District) => dispatch({ type: "district", district }),
      showDetail: (index: number | null) => dispatch({ type: "detail", index }),
      select: (indexes: number[]) => dispatch({ type: "select", indexes }),
      writeResults,
      cancelWrite,
      selectProblem,
      saveScenario,
      loadScenario,
      deleteScenario,
      compare,
      writeComparison,
      dismissNotice: () => dispatch({ type: "notice", notice: null }),
      locate,
    }),
    [state, read, insertSample, insertBlank, writeResults, cancelWrite, selectProblem, saveScenario, loadScenario, deleteScenario, compare, writeComparison, locate],
  );
}
