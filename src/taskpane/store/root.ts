/**
 * The pane's store: one slice per feature (each feature's state.ts), combined. A feature adds its slice here with
 * one line. Thunks (each feature's actions.ts) take the `Env`: the host and the store.
 */
import { createContext, useContext } from "react";
import type { Host, Progress } from "../../host/types";
import { allocationReducer } from "../features/allocation/state";
import { calculatorsReducer } from "../features/calculators/state";
import { equityReducer } from "../features/equity/state";
import { initiativesReducer } from "../features/initiatives/state";
import { inputsReducer } from "../features/inputs/state";
import { planningReducer } from "../features/planning/state";
import { scenariosReducer } from "../features/scenarios/state";
import { schoolsReducer } from "../features/schools/state";
import { shellReducer } from "../shell/state";
import { combine, createStore, useSelector, type Store } from "./store";

export const reducers = {
  shell: shellReducer,
  inputs: inputsReducer,
  allocation: allocationReducer,
  schools: schoolsReducer,
  scenarios: scenariosReducer,
  equity: equityReducer,
  initiatives: initiativesReducer,
  planning: planningReducer,
  calculators: calculatorsReducer,
};

type Reducers = typeof reducers;
export type RootState = { [K in keyof Reducers]: ReturnType<Reducers[K]> };
export type RootAction = Parameters<Reducers[keyof Reducers]>[1];

const INIT = { type: "@init" } as unknown as RootAction;

/** Every slice's initial state (each reducer's default, asked with an action no slice knows). */
export function initialRoot(): RootState {
  const state = {} as Record<string, unknown>;
  for (const [k, r] of Object.entries(reducers)) state[k] = (r as (s: unknown, a: RootAction) => unknown)(undefined, INIT);
  return state as RootState;
}

export const rootReducer = combine(reducers) as unknown as (state: RootState, action: RootAction) => RootState;

export type StudioStore = Store<RootState, RootAction>;

export function createStudioStore(initial: RootState = initialRoot()): StudioStore {
  return createStore(rootReducer, initial);
}

/**
 * Opening and saving whole workbook files, where the host offers it (the browser preview: the user's .xlsx is read
 * and written in the browser, nothing is uploaded).
 */
export interface PaneFiles {
  /** Replace the workbook with this file's; rejects with a located message when it is not a workbook. */
  open(file: File, onProgress: (p: Progress) => void): Promise<void>;
  /** Download the workbook with the tool's sheets written. */
  save(onProgress: (p: Progress) => void): Promise<string>;
}

/** What the features' thunks work with: the host, the store and the controllers of running jobs. */
export interface Env {
  host: Host;
  files: PaneFiles | null;
  dispatch: (action: RootAction) => void;
  getState: () => RootState;
  /** Abort controllers of running jobs (a write, the calculators' .zip), by job. */
  aborts: Map<string, AbortController>;
}

export function createEnv(host: Host, store: StudioStore, files: PaneFiles | null = null): Env {
  return { host, files, dispatch: store.dispatch, getState: store.getState, aborts: new Map() };
}

export interface StudioContextValue {
  store: StudioStore;
  env: Env;
}

export const StudioContext = createContext<StudioContextValue | null>(null);

function useStudioContext(): StudioContextValue {
  const c = useContext(StudioContext);
  if (!c) throw new Error("The pane's views must be rendered inside <StudioProvider>.");
  return c;
}

/** The part of the pane's state a view shows; the view re-renders only when it changes. */
export function useStudio<T>(select: (state: RootState) => T): T {
  return useSelector(useStudioContext().store, select);
}

/** The environment the feature thunks take (host + store). */
export function useEnv(): Env {
  return useStudioContext().env;
}
