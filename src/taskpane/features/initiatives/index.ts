import type { PaneView } from "../../shell/registry";
import { InitiativesPage } from "./InitiativesPage";

export const initiativesView: PaneView = { id: "initiatives", label: "Initiatives", hint: "A-ROI of programs", Component: InitiativesPage };
