import { lazyView, type PaneView } from "../../shell/registry";

export const initiativesView: PaneView = { id: "initiatives", label: "Initiatives", hint: "A-ROI of programs", Component: lazyView(() => import(/* webpackChunkName: "initiatives" */ "./InitiativesPage").then((m) => m.InitiativesPage)) };
