import type { PaneView } from "../../shell/registry";
import { PlanningPage } from "./PlanningPage";

export const planningView: PaneView = { id: "planning", label: "Planning", hint: "Budget tree, savings, multi-year plan", Component: PlanningPage };
