/**
 * The pane's views, in navigation order. Adding a view: export a `PaneView` from the feature's index.ts and add it
 * here (its state, if any, is one line in store/root.ts).
 */
import { allocationView } from "../features/allocation";
import { calculatorsView } from "../features/calculators";
import { equityView } from "../features/equity";
import { initiativesView } from "../features/initiatives";
import { homeView } from "../features/inputs";
import { planningView } from "../features/planning";
import { scenariosView } from "../features/scenarios";
import { schoolsView } from "../features/schools";
import { benchmarkView, voicesView } from "../features/voices";
import type { PaneView } from "./registry";

export const VIEWS: readonly PaneView[] = [homeView, allocationView, schoolsView, scenariosView, equityView, initiativesView, planningView, voicesView, benchmarkView, calculatorsView];
