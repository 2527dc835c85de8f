import { lazyView, type PaneView } from "../../shell/registry";

export const scenariosView: PaneView = { id: "scenarios", label: "Scenarios", hint: "Save, load and compare decisions", Component: lazyView(() => import(/* webpackChunkName: "scenarios" */ "./ScenariosPage").then((m) => m.ScenariosPage)) };
