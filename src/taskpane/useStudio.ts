/**
 * The pane's state: what was read from the workbook, the district with the pane's decisions applied, the
 * allocation, the write in progress and the scenarios. Engine calls are synchronous and pure; the host is the
 * only asynchronous part.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { allocate } from "../engine/allocate";
import { ACTIONS, analyseInitiatives, withOverrides, type AroiAnalysis, type Override } from "../engine/aroi";
import { compareAllocations, type Comparison } from "../engine/compare";
import { applyDecisions, extractDecisions, parseDecisions, serializeDecisions } from "../engine/decisions";
import { formatError } from "../engine/errors";
import { compareSnapshots, equityInputs, equitySummary, snapshot, type EquitySummary, type Snapshot, type SnapshotComparison } from "../engine/equity";
import { parseDistrict } from "../engine/parse";
import { findTable, type ParseContext } from "../engine/parse/headers";
import { parseInitiatives, parseSegments } from "../engine/parse/initiatives";
import { parsePolicy } from "../engine/parse/policy";
import type { OpportunityStatus } from "../engine/plan";
import type { Allocation, District, InputError, RawTables } from "../engine/types";
import { XLSX_MIME, ZIP_MIME, type Host, type Progress, type ScenarioRecord, type TableStatus } from "../host/types";
import { comparisonPlan } from "../report/compare";
import { allocationPlans } from "../report/allocation";
import { aroiPlans } from "../report/aroi";
import { equityPlans } from "../report/equity";
import { columnLetter } from "../report/names";
import type { SheetPlan } from "../report/plan";
import { sampleDistrict } from "../sample/district";
import { OPPORTUNITY_STATUSES_RECORD, PLANNING_WRITE, parseStatuses, serializeStatuses, type PlanningOutcome, type StatusOverrides } from "./planning/records";
import { blankTemplates, initiativesTemplate } from "./templates";

export type Intent = "success" | "error" | "warning" | "info";

export interface Notice {
  intent: Intent;
  title: string;
  text: string;
}

export type WriteState =
  | { phase: "idle" }
  | { phase: "running"; what: string; progress: Progress }
  | { phase: "done"; what: string; sheets: string[]; notes?: string[] }
  | { phase: "cancelled"; what: string }
  | { phase: "failed"; what: string; message: string };

/** Building and handing out school calculator workbooks (one school, or all of them as a .zip). */
export type CalculatorState =
  | { phase: "idle" }
  | { phase: "running"; what: "one" | "all"; school: number | null; progress: Progress }
  | { phase: "done"; what: "one" | "all"; school: number | null; text: string }
  | { phase: "cancelled"; what: "one" | "all"; school: number | null }
  | {
      phase: "failed";
      what: "one" | "all";
      school: number | null;
      message: string;
      /** The built file when only handing it out failed (e.g. this Excel cannot open workbooks): offered as a download. */
      file: { name: string; bytes: Uint8Array } | null;
    };

/** The calculator files module, loaded on first use so that ExcelJS and JSZip stay out of the pane's initial script. */
export function loadCalculatorFiles(): Promise<typeof import("./calculatorFiles")> {
  return import(/* webpackChunkName: "calculators" */ "./calculatorFiles");
}

/** The planning engine, its sheet builders and its panels, loaded on first "Analyse planning". */
export type PlanningLib = typeof import("./planning/lib");
export function loadPlanning(): Promise<PlanningLib> {
  return import(/* webpackChunkName: "planning" */ "./planning/lib");
}

export interface ComparisonView {
  nameA: string;
  nameB: string;
  cmp: Comparison;
}

/** The pseudo-scenario meaning "the decisions in the pane right now". */
export const CURRENT = "Current decisions";

/** The scenario record that keeps the user's A-ROI action overrides (JSON) in the workbook. */
export const AROI_OVERRIDES_RECORD = "A-ROI overrides";
/** Scenario records named "Snapshot: <name>" hold equity snapshots (JSON of `snapshot()`). */
export const SNAPSHOT_PREFIX = "Snapshot: ";
/** What the A-ROI and equity writes are called in progress and outcome messages. */
export const AROI_WRITE = "A-ROI sheets";
export const EQUITY_WRITE = "equity sheets";

const OVERRIDES_FORMAT = "sfs-aroi-overrides";

/** True for scenario records the pane keeps for itself (overrides, snapshots), not the user's scenarios. */
export function isReservedRecord(name: string): boolean {
  const n = name.trim().toLowerCase();
  return n === AROI_OVERRIDES_RECORD.toLowerCase() || n === OPPORTUNITY_STATUSES_RECORD.toLowerCase() || n.startsWith(SNAPSHOT_PREFIX.trim().toLowerCase());
}

/** The overrides as the JSON text stored in the "A-ROI overrides" record. */
export function serializeOverrides(overrides: Readonly<Record<string, Override>>): string {
  const entries = Object.entries(overrides)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, o]) => ({ name, action: o.action, note: o.note }));
  return JSON.stringify({ format: OVERRIDES_FORMAT, version: 1, overrides: entries });
}

/** Read the "A-ROI overrides" record back; entries that are not valid overrides are reported, not guessed. */
export function parseOverrides(text: string): { ok: true; overrides: Record<string, Override> } | { ok: false; error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: "the saved overrides are not valid JSON" };
  }
  const list = (data as { format?: unknown; overrides?: unknown } | null)?.overrides;
  if (!data || typeof data !== "object" || (data as { format?: unknown }).format !== OVERRIDES_FORMAT || !Array.isArray(list)) {
    return { ok: false, error: "the saved overrides are not in the A-ROI overrides format" };
  }
  const overrides: Record<string, Override> = {};
  for (const item of list as unknown[]) {
    const x = item as { name?: unknown; action?: unknown; note?: unknown } | null;
    if (!x || typeof x.name !== "string" || x.name.trim() === "" || !ACTIONS.includes(x.action as Override["action"])) {
      return { ok: false, error: `an entry is not an override (an initiative name and one of: ${ACTIONS.join(", ")})` };
    }
    overrides[x.name] = { action: x.action as Override["action"], note: typeof x.note === "string" ? x.note : "" };
  }
  return { ok: true, overrides };
}

/** A saved equity snapshot, as listed in the pane. */
export interface SnapshotRecord {
  /** The name the user gave (without the "Snapshot: " prefix). */
  name: string;
  savedAt: string;
  /** Null when the stored JSON cannot be read (`error` says why). */
  snapshot: Snapshot | null;
  error: string | null;
}

function isStats(x: unknown): boolean {
  return !!x && typeof x === "object" && Object.values(x as Record<string, unknown>).every((v) => v === null || typeof v === "number");
}

/** A snapshot from its stored JSON, checked for the fields the comparison needs. */
export function parseSnapshot(text: string): { ok: true; snapshot: Snapshot } | { ok: false; error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: "the saved snapshot is not valid JSON" };
  }
  const x = data as Partial<Snapshot> | null;
  const okSchools =
    !!x && Array.isArray(x.perSchool) && x.perSchool.every((s) => s && typeof s.id === "string" && typeof s.name === "string" && typeof s.perPupil === "number");
  const okDeciles = !!x && Array.isArray(x.deciles) && x.deciles.every((d) => d && typeof d.decile === "number" && (d.perPupil === null || typeof d.perPupil === "number"));
  if (!x || typeof x.name !== "string" || !isStats(x.unweighted) || !isStats(x.pupilWeighted) || !okSchools || !okDeciles) {
    return { ok: false, error: "the saved snapshot lacks statistics, schools or deciles" };
  }
  return { ok: true, snapshot: x as Snapshot };
}

/** The A-ROI analysis of the Initiatives tables, or what stops it. */
export type AroiOutcome =
  | { kind: "missing" }
  | { kind: "problems"; errors: InputError[] }
  | { kind: "ok"; analysis: AroiAnalysis; unknownOverrides: string[] };

/**
 * Analyse the Initiatives (and Initiative Segments, Policy's Learning Gain Unit) tables on their own, so that the
 * analysis works in a workbook whose allocation tables are missing or still being filled. `schoolIds` expands
 * "All" in the Schools column.
 */
export function aroiFromTables(tables: RawTables, schoolIds?: readonly string[]): AroiOutcome {
  const raw = findTable(tables, "Initiatives");
  if (!raw) return { kind: "missing" };
  const ctx: ParseContext = { errors: [], warnings: [] };
  const policy = parsePolicy(findTable(tables, "Policy"), ctx);
  const initiatives = parseInitiatives(raw, ctx);
  const segments = parseSegments(findTable(tables, "Initiative Segments"), initiatives, ctx);
  const errors = ctx.errors.filter((e) => e.table === "Initiatives" || e.table === "Initiative Segments");
  if (errors.length > 0 || initiatives.initiatives === null) return { kind: "problems", errors };
  const analysis = analyseInitiatives(initiatives.initiatives, segments, policy, undefined, undefined, schoolIds);
  return { kind: "ok", analysis, unknownOverrides: [] };
}

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
  /** The tables the A-ROI analysis reads; null until "Analyse initiatives". Refreshed by every read. */
  aroiTables: RawTables | null;
  /** The user's A-ROI action overrides by initiative name, as saved in the workbook. */
  aroiOverrides: Record<string, Override>;
  /** Saved equity snapshots. */
  snapshots: SnapshotRecord[];
  /** The snapshot compared with the current allocation, by name. */
  snapshotCompare: string | null;
  calculator: CalculatorState;
  /** The tables the planning analysis reads; null until "Analyse planning". Refreshed by every read. */
  planTables: RawTables | null;
  /** Years typed in the pane (null = the Policy's Plan Years). */
  planYears: number | null;
  /** The user's opportunity statuses by name, as saved in the workbook. */
  planStatuses: StatusOverrides;
  /** "Analyse planning" is loading the planning code or reading the tables. */
  planAnalysing: boolean;
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
  aroiTables: null,
  aroiOverrides: {},
  snapshots: [],
  snapshotCompare: null,
  calculator: { phase: "idle" },
  planTables: null,
  planYears: null,
  planStatuses: {},
  planAnalysing: false,
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
  | { type: "notice"; notice: Notice | null }
  | { type: "aroi/tables"; tables: RawTables }
  | { type: "aroi/overrides"; overrides: Record<string, Override> }
  | { type: "snapshot/compare"; name: string | null }
  | { type: "calculator"; state: CalculatorState }
  | { type: "planning/analysing"; value: boolean }
  | { type: "planning/tables"; tables: RawTables }
  | { type: "planning/years"; years: number | null }
  | { type: "planning/statuses"; statuses: StatusOverrides };

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
      const base = {
        ...state,
        revision: state.revision + 1,
        reading: false,
        status: action.status,
        tables: action.tables,
        detail: null,
        selected: [],
        comparison: null,
        aroiTables: state.aroiTables ? action.tables : null,
        planTables: state.planTables ? action.tables : null,
      };
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
    case "scenarios": {
      const scenarios = action.list.filter((r) => !isReservedRecord(r.name));
      const snapshots: SnapshotRecord[] = action.list
        .filter((r) => r.name.toLowerCase().startsWith(SNAPSHOT_PREFIX.toLowerCase()))
        .map((r) => {
          const p = parseSnapshot(r.json);
          return { name: r.name.slice(SNAPSHOT_PREFIX.length), savedAt: r.savedAt, snapshot: p.ok ? p.snapshot : null, error: p.ok ? null : p.error };
        });
      const record = action.list.find((r) => r.name.trim().toLowerCase() === AROI_OVERRIDES_RECORD.toLowerCase());
      let aroiOverrides: Record<string, Override> = {};
      let notice = state.notice;
      if (record) {
        const p = parseOverrides(record.json);
        if (p.ok) aroiOverrides = p.overrides;
        else notice = { intent: "warning", title: "The saved A-ROI overrides were not applied", text: `Record "${AROI_OVERRIDES_RECORD}": ${p.error}.` };
      }
      const statusRecord = action.list.find((r) => r.name.trim().toLowerCase() === OPPORTUNITY_STATUSES_RECORD.toLowerCase());
      let planStatuses: StatusOverrides = {};
      if (statusRecord) {
        const p = parseStatuses(statusRecord.json);
        if (p.ok) planStatuses = p.statuses;
        else notice = { intent: "warning", title: "The saved opportunity statuses were not applied", text: `Record "${OPPORTUNITY_STATUSES_RECORD}": ${p.error}.` };
      }
      const snapshotCompare = state.snapshotCompare !== null && snapshots.some((x) => x.name === state.snapshotCompare) ? state.snapshotCompare : null;
      return { ...state, scenarios, snapshots, aroiOverrides, planStatuses, notice, snapshotCompare };
    }
    case "comparison":
      return { ...state, comparison: action.value };
    case "notice":
      return { ...state, notice: action.notice };
    case "aroi/tables":
      return { ...state, aroiTables: action.tables };
    case "aroi/overrides":
      return { ...state, aroiOverrides: action.overrides };
    case "snapshot/compare":
      return { ...state, snapshotCompare: action.name };
    case "calculator":
      return { ...state, calculator: action.state };
    case "planning/analysing":
      return { ...state, planAnalysing: action.value };
    case "planning/tables":
      return { ...state, planTables: action.tables, planAnalysing: false };
    case "planning/years":
      return { ...state, planYears: action.years };
    case "planning/statuses":
      return { ...state, planStatuses: action.statuses };
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** `map` without the entry named `name` (names compared trimmed and case-insensitively), then `name` → `value` unless null. */
function replaceKeyed<T>(map: Readonly<Record<string, T>>, name: string, value: T | null): Record<string, T> {
  const key = name.trim().toLowerCase();
  const next: Record<string, T> = {};
  for (const [n, v] of Object.entries(map)) if (n.trim().toLowerCase() !== key) next[n] = v;
  if (value !== null) next[name] = value;
  return next;
}

/** The names of the input tables the workbook already has (lower case). */
function presentTables(state: StudioState): Set<string> {
  return new Set((state.status ?? []).filter((s) => s.found).map((s) => s.name.toLowerCase()));
}

/** How a change to the workbook's saved records is reported: a notice on success (if any), one on failure. */
interface RecordChange {
  done?: Notice;
  failTitle: string;
  /** Appended to the error's message in the failure notice. */
  failNote?: string;
  /** Run after the change (succeeded or not), before the records are listed again. */
  settle?: () => void;
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
  /** The A-ROI analysis with the user's overrides applied; null until "Analyse initiatives". */
  aroi: AroiOutcome | null;
  /** The equity summary of the current allocation; null before "Allocate". */
  equity: EquitySummary | null;
  /** The compared snapshot against the current allocation (base = the snapshot, other = CURRENT). */
  snapshotComparison: SnapshotComparison | null;
  /** Re-read the Initiatives tables from the workbook (the pane's decisions are kept) and analyse them. */
  analyseInitiatives(): Promise<void>;
  /** Add header-only Initiatives and Initiative Segments tables (those missing). */
  insertInitiativesTemplate(): Promise<void>;
  /** Set (or with null, remove) the user's action for an initiative; saved in the workbook at once. */
  setOverride(name: string, override: Override | null): Promise<void>;
  writeAroi(): Promise<void>;
  saveSnapshot(name: string): Promise<void>;
  deleteSnapshot(name: string): Promise<void>;
  /** Compare a saved snapshot with the current allocation (null clears the comparison). */
  compareSnapshot(name: string | null): void;
  writeEquity(): Promise<void>;
  /** Replace the decisions with a district computed elsewhere (e.g. a solved weight) and re-allocate. */
  applyDistrict(district: District, notice: Notice): void;
  /** Build school `index`'s calculator and open it as a new workbook (the preview downloads it). */
  createCalculator(index: number): Promise<void>;
  /** Build every school's calculator and download them as one .zip, with progress. */
  downloadAllCalculators(): Promise<void>;
  /** Stop building the .zip; nothing is downloaded. */
  cancelCalculators(): void;
  /** Download the calculator that could not be opened as a workbook. */
  downloadCalculatorInstead(): Promise<void>;
  /** The planning analysis of the pane's district; null until "Analyse planning". */
  planning: PlanningOutcome | null;
  /** The planning module once loaded (its panels render the analysis). */
  planningLib: PlanningLib | null;
  /** Load the planning code, re-read the planning tables (the pane's decisions are kept) and analyse them. */
  analysePlanning(): Promise<void>;
  /** Plan this many years (1-10), or null for the Policy's Plan Years. */
  setPlanYears(years: number | null): void;
  /** Set (or with null, return to the table's) an opportunity's status; saved in the workbook at once. */
  setOpportunityStatus(name: string, status: OpportunityStatus | null): Promise<void>;
  writePlanning(): Promise<void>;
}

export function useStudio(host: Host): Studio {
  const [state, dispatch] = useReducer(studioReducer, initialState);
  const stateRef = useRef(state);
  stateRef.current = state;
  const abortRef = useRef<AbortController | null>(null);
  const calcAbortRef = useRef<AbortController | null>(null);

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
  const insertBlank = useCallback(() => insert(blankTemplates(presentTables(stateRef.current)), "blank templates"), [insert]);

  /** Change the workbook's saved records, report how it went, then re-list them (the workbook is the reference). */
  const changeRecords = useCallback(
    async (change: () => Promise<void>, how: RecordChange) => {
      try {
        await change();
        if (how.done) dispatch({ type: "notice", notice: how.done });
      } catch (e) {
        dispatch({ type: "notice", notice: { intent: "error", title: how.failTitle, text: how.failNote ? `${message(e)} ${how.failNote}` : message(e) } });
      }
      how.settle?.();
      await refreshScenarios();
    },
    [refreshScenarios],
  );

  /** Save a keyed map as the named record, or delete the record when the map is empty. */
  const keepKeyedRecord = useCallback(
    <T,>(record: string, map: Record<string, T>, serialize: (map: Record<string, T>) => string, failTitle: string, failNote: string) =>
      changeRecords(
        async () => {
          if (Object.keys(map).length === 0) await host.deleteScenario(record);
          else await host.saveScenario({ name: record, savedAt: new Date().toISOString(), json: serialize(map) });
        },
        { failTitle, failNote },
      ),
    [host, changeRecords],
  );

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
        else dispatch({ type: "write", state: { phase: "done", what, sheets: res.sheets, notes: res.notes ?? [] } });
      } catch (e) {
        dispatch({ type: "write", state: { phase: "failed", what, message: message(e) } });
      } finally {
        abortRef.current = null;
      }
    },
    [host],
  );

  /**
   * Write the sheets `build` makes as `what`; a write that cannot start (input errors, a failed build) is a failed
   * write named `failedAs`.
   */
  const writePlans = useCallback(
    async (what: string, build: () => SheetPlan[], inputErrors: readonly InputError[] = [], failedAs: string = what) => {
      const fail = (text: string) => dispatch({ type: "write", state: { phase: "failed", what: failedAs, message: text } });
      if (inputErrors.length > 0) {
        fail(inputErrors.map(formatError).join(" "));
        return;
      }
      let plans: SheetPlan[];
      try {
        plans = build();
      } catch (e) {
        fail(message(e));
        return;
      }
      await render(plans, what);
    },
    [render],
  );

  const writeResults = useCallback(
    async (selectedOnly: boolean) => {
      const s = stateRef.current;
      const a = s.allocation;
      if (!a) return;
      await writePlans(selectedOnly ? "selected schools" : "results", () => allocationPlans(a, selectedOnly ? { schools: s.selected } : undefined), a.errors, "results");
    },
    [writePlans],
  );

  const cancelWrite = useCallback(() => abortRef.current?.abort(), []);

  const locate = useCallback((e: InputError): { sheet: string; address: string } | null => {
    // The planning tables may have been read again since the last full read: they locate their problems.
    const t = (stateRef.current.planTables ?? stateRef.current.tables)[e.table.toLowerCase()];
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
      const district = s.district;
      if (!district || clean === "") return;
      if (isReservedRecord(clean)) {
        dispatch({
          type: "notice",
          notice: {
            intent: "error",
            title: "Choose another name",
            text: `"${clean}" is reserved for the pane's own records (A-ROI overrides, opportunity statuses and equity snapshots).`,
          },
        });
        return;
      }
      await changeRecords(() => host.saveScenario({ name: clean, savedAt: new Date().toISOString(), json: serializeDecisions(extractDecisions(district)) }), {
        done: { intent: "success", title: "Scenario saved", text: `Saved "${clean}".` },
        failTitle: "Could not save the scenario",
      });
    },
    [host, changeRecords],
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
    (name: string) =>
      changeRecords(() => host.deleteScenario(name), {
        failTitle: "Could not delete the scenario",
        settle: () => {
          const c = stateRef.current.comparison;
          if (c && (c.nameA === name || c.nameB === name)) dispatch({ type: "comparison", value: null });
        },
      }),
    [host, changeRecords],
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

  const insertInitiativesTemplate = useCallback(() => insert(initiativesTemplate(presentTables(stateRef.current)), "the initiatives template"), [insert]);

  const analyse = useCallback(async () => {
    try {
      const r = await host.readTables();
      dispatch({ type: "aroi/tables", tables: r.tables });
    } catch (e) {
      dispatch({ type: "notice", notice: { intent: "error", title: "Could not read the initiatives", text: message(e) } });
    }
  }, [host]);

  const setOverride = useCallback(
    async (name: string, override: Override | null) => {
      const next = replaceKeyed(stateRef.current.aroiOverrides, name, override && { action: override.action, note: override.note.trim() });
      dispatch({ type: "aroi/overrides", overrides: next });
      await keepKeyedRecord(AROI_OVERRIDES_RECORD, next, serializeOverrides, "Could not save the override", "The workbook keeps the previous actions.");
    },
    [keepKeyedRecord],
  );

  const baseAroi = useMemo(
    () => (state.aroiTables ? aroiFromTables(state.aroiTables, state.parsed ? state.parsed.schools.map((x) => x.id) : undefined) : null),
    [state.aroiTables, state.parsed],
  );
  const aroi = useMemo((): AroiOutcome | null => {
    if (!baseAroi || baseAroi.kind !== "ok") return baseAroi;
    const names = new Set(baseAroi.analysis.results.map((r) => r.name.trim().toLowerCase()));
    return {
      kind: "ok",
      analysis: withOverrides(baseAroi.analysis, state.aroiOverrides),
      unknownOverrides: Object.keys(state.aroiOverrides).filter((n) => !names.has(n.trim().toLowerCase())),
    };
  }, [baseAroi, state.aroiOverrides]);

  const writeAroi = useCallback(async () => {
    if (!aroi || aroi.kind !== "ok") return;
    await writePlans(AROI_WRITE, () => aroiPlans(aroi.analysis));
  }, [aroi, writePlans]);

  const equity = useMemo(() => (state.allocation ? equitySummary(equityInputs(state.allocation)) : null), [state.allocation]);

  const snapshotComparison = useMemo(() => {
    const rec = state.snapshotCompare === null ? undefined : state.snapshots.find((x) => x.name === state.snapshotCompare);
    if (!rec || !rec.snapshot || !state.allocation) return null;
    return compareSnapshots(rec.snapshot, snapshot(CURRENT, equityInputs(state.allocation)));
  }, [state.snapshotCompare, state.snapshots, state.allocation]);

  const saveSnapshot = useCallback(
    async (name: string) => {
      const s = stateRef.current;
      const clean = name.trim();
      const allocation = s.allocation;
      if (!allocation || clean === "") return;
      await changeRecords(
        async () => {
          const json = JSON.stringify(snapshot(clean, equityInputs(allocation)));
          await host.saveScenario({ name: SNAPSHOT_PREFIX + clean, savedAt: new Date().toISOString(), json });
        },
        { done: { intent: "success", title: "Snapshot saved", text: `Saved the equity picture as "${clean}".` }, failTitle: "Could not save the snapshot" },
      );
    },
    [host, changeRecords],
  );

  const deleteSnapshot = useCallback(
    (name: string) => changeRecords(() => host.deleteScenario(SNAPSHOT_PREFIX + name), { failTitle: "Could not delete the snapshot" }),
    [host, changeRecords],
  );

  const writeEquity = useCallback(async () => {
    const s = stateRef.current;
    if (!equity || !s.allocation) return;
    await writePlans(EQUITY_WRITE, () => equityPlans(equity, snapshotComparison ? { comparison: snapshotComparison } : {}), s.allocation.errors);
  }, [equity, snapshotComparison, writePlans]);

  const createCalculator = useCallback(
    async (index: number) => {
      const s = stateRef.current;
      const a = s.allocation;
      if (!a || s.calculator.phase === "running" || !a.schools[index]) return;
      const school = a.schools[index].name;
      const set = (state: CalculatorState) => dispatch({ type: "calculator", state });
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
        await host.openWorkbook(file.name, file.bytes);
      } catch (e) {
        set({ phase: "failed", what: "one", school: index, message: message(e), file });
        return;
      }
      const text = host.kind === "excel" ? `Opened ${file.name} as a new workbook.` : `Downloaded ${file.name} (in Excel it opens as a new workbook).`;
      set({ phase: "done", what: "one", school: index, text });
    },
    [host],
  );

  const downloadCalculatorInstead = useCallback(async () => {
    const c = stateRef.current.calculator;
    if (c.phase !== "failed" || !c.file) return;
    try {
      await host.download(c.file.name, c.file.bytes, XLSX_MIME);
      dispatch({ type: "calculator", state: { phase: "done", what: c.what, school: c.school, text: `Downloaded ${c.file.name}.` } });
    } catch (e) {
      dispatch({ type: "calculator", state: { ...c, message: `${c.message} The download failed too: ${message(e)}` } });
    }
  }, [host]);

  const downloadAllCalculators = useCallback(async () => {
    const s = stateRef.current;
    const a = s.allocation;
    if (!a || s.calculator.phase === "running") return;
    const set = (state: CalculatorState) => dispatch({ type: "calculator", state });
    if (a.errors.length > 0) {
      set({ phase: "failed", what: "all", school: null, message: a.errors.map(formatError).join(" "), file: null });
      return;
    }
    const controller = new AbortController();
    calcAbortRef.current = controller;
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
        await host.download(zip.name, zip.bytes, ZIP_MIME);
      } catch (e) {
        set({ phase: "failed", what: "all", school: null, message: `The .zip was built but could not be downloaded: ${message(e)}`, file: null });
        return;
      }
      set({ phase: "done", what: "all", school: null, text: `Downloaded ${zip.name}: ${total === 1 ? "1 calculator" : `${total} calculators`}, one per school.` });
    } catch (e) {
      set({ phase: "failed", what: "all", school: null, message: `The calculators could not be built: ${message(e)}`, file: null });
    } finally {
      calcAbortRef.current = null;
    }
  }, [host]);

  const cancelCalculators = useCallback(() => calcAbortRef.current?.abort(), []);

  const [planningLib, setPlanningLib] = useState<PlanningLib | null>(null);

  const analysePlanningTables = useCallback(async () => {
    if (stateRef.current.planAnalysing) return;
    dispatch({ type: "planning/analysing", value: true });
    try {
      const lib = await loadPlanning();
      setPlanningLib(() => lib);
      const r = await host.readTables();
      dispatch({ type: "planning/tables", tables: r.tables });
    } catch (e) {
      dispatch({ type: "planning/analysing", value: false });
      dispatch({ type: "notice", notice: { intent: "error", title: "Could not read the planning tables", text: message(e) } });
    }
  }, [host]);

  const planning = useMemo((): PlanningOutcome | null => {
    if (!planningLib || !state.planTables || !state.district) return null;
    try {
      return planningLib.planningOutcome(state.planTables, state.district, { years: state.planYears, statuses: state.planStatuses, overrides: state.aroiOverrides });
    } catch (e) {
      return { kind: "failed", message: message(e) };
    }
  }, [planningLib, state.planTables, state.district, state.planYears, state.planStatuses, state.aroiOverrides]);

  const setOpportunityStatus = useCallback(
    async (name: string, status: OpportunityStatus | null) => {
      const next: StatusOverrides = replaceKeyed(stateRef.current.planStatuses, name, status);
      dispatch({ type: "planning/statuses", statuses: next });
      await keepKeyedRecord(OPPORTUNITY_STATUSES_RECORD, next, serializeStatuses, "Could not save the status", "The workbook keeps the previous statuses.");
    },
    [keepKeyedRecord],
  );

  const writePlanning = useCallback(async () => {
    if (!planningLib || !planning || planning.kind !== "ok") return;
    await writePlans(PLANNING_WRITE, () => planningLib.planningPlans(planning.analysis));
  }, [planningLib, planning, writePlans]);

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
      aroi,
      equity,
      snapshotComparison,
      analyseInitiatives: analyse,
      insertInitiativesTemplate,
      setOverride,
      writeAroi,
      saveSnapshot,
      deleteSnapshot,
      compareSnapshot: (name: string | null) => dispatch({ type: "snapshot/compare", name }),
      writeEquity,
      applyDistrict: (district: District, notice: Notice) => dispatch({ type: "district", district, notice, external: true }),
      createCalculator,
      downloadAllCalculators,
      cancelCalculators,
      downloadCalculatorInstead,
      planning,
      planningLib,
      analysePlanning: analysePlanningTables,
      setPlanYears: (years: number | null) => dispatch({ type: "planning/years", years }),
      setOpportunityStatus,
      writePlanning,
    }),
    [
      planning,
      planningLib,
      analysePlanningTables,
      setOpportunityStatus,
      writePlanning,
      createCalculator,
      downloadAllCalculators,
      cancelCalculators,
      downloadCalculatorInstead,
      state,
      read,
      insertSample,
      insertBlank,
      writeResults,
      cancelWrite,
      selectProblem,
      saveScenario,
      loadScenario,
      deleteScenario,
      compare,
      writeComparison,
      locate,
      aroi,
      equity,
      snapshotComparison,
      analyse,
      insertInitiativesTemplate,
      setOverride,
      writeAroi,
      saveSnapshot,
      deleteSnapshot,
      writeEquity,
    ],
  );
}
