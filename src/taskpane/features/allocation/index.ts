import type { PaneView } from "../../shell/registry";
import { AllocationPage } from "./AllocationPage";

export const allocationView: PaneView = { id: "allocation", label: "Allocation", hint: "Totals, funding formula, sources, policy", Component: AllocationPage };
