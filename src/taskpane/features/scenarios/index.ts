import type { PaneView } from "../../shell/registry";
import { ScenariosPage } from "./ScenariosPage";

export const scenariosView: PaneView = { id: "scenarios", label: "Scenarios", hint: "Save, load and compare decisions", Component: ScenariosPage };
