/**
 * A view of the pane: one entry in the navigation. A feature exports its entry from its `index.ts`; adding a view
 * to the pane is one line in `shell/views.ts`.
 */
import type { ComponentType } from "react";
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
