/**
 * A small store: one reducer per feature slice, combined; views subscribe to the part they show with a selector
 * (`useStudio`), so an edit re-renders only the views whose data changed.
 */
import { createContext, useContext, useRef, useSyncExternalStore } from "react";

export interface Store<S, A> {
  getState(): S;
  dispatch(action: A): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<S, A>(reducer: (state: S, action: A) => S, initial: S): Store<S, A> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(action) {
      const next = reducer(state, action);
      if (next === state) return;
      state = next;
      for (const l of Array.from(listeners)) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Combine slice reducers: each slice sees every action and returns itself unchanged when it does not care. */
export function combine<R extends Record<string, (state: never, action: never) => unknown>>(
  reducers: R,
): (state: { [K in keyof R]: ReturnType<R[K]> }, action: Parameters<R[keyof R]>[1]) => { [K in keyof R]: ReturnType<R[K]> } {
  const keys = Object.keys(reducers) as (keyof R)[];
  return (state, action) => {
    let changed = false;
    const next = {} as { [K in keyof R]: ReturnType<R[K]> };
    for (const k of keys) {
      const before = state[k];
      const after = (reducers[k] as unknown as (s: unknown, a: unknown) => ReturnType<R[typeof k]>)(before, action);
      next[k] = after;
      if (after !== before) changed = true;
    }
    return changed ? next : state;
  };
}

/** Subscribe to `select(state)`; re-renders when the selected value changes (compared with Object.is). */
export function useSelector<S, A, T>(store: Store<S, A>, select: (state: S) => T): T {
  const last = useRef<{ state: S; value: T } | null>(null);
  const get = () => {
    const s = store.getState();
    if (last.current && last.current.state === s) return last.current.value;
    const value = select(s);
    if (last.current && Object.is(last.current.value, value)) {
      last.current = { state: s, value: last.current.value };
      return last.current.value;
    }
    last.current = { state: s, value };
    return value;
  };
  return useSyncExternalStore(store.subscribe, get, get);
}

export { createContext, useContext };
