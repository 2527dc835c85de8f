/**
 * A view of the pane: one entry in the navigation. A feature exports its entry from its `index.ts`; adding a view
 * to the pane is one line in `shell/views.ts`.
 */
import { createElement, type ComponentType } from "react";
import type { RootState } from "../store/root";

export interface PaneView {
  /** Stable id, used in deep links (`goTo(env, id)`). */
  id: string;
  /** The navigation's label. */
  label: string;
  /** One line under the label in wide layouts, and the view's description to screen readers. */
  hint?: string;
  /** Shown in the navigation only when this holds (default: always). */
  available?: (state: RootState) => boolean;
  Component: ComponentType;
}

/**
 * A view whose code loads on demand (its own script, outside the pane's initial one). `preload` starts loading it;
 * once loaded it renders at once, before that it suspends (the shell shows "Loading…").
 */
export function lazyView(load: () => Promise<ComponentType>): ComponentType & { preload: () => Promise<void> } {
  let loaded: ComponentType | null = null;
  let pending: Promise<void> | null = null;
  const preload = () =>
    (pending ??= load().then((c) => {
      loaded = c;
    }));
  const View = () => {
    if (loaded) return createElement(loaded);
    throw preload();
  };
  return Object.assign(View, { preload });
}
