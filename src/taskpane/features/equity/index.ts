import { lazyView, type PaneView } from "../../shell/registry";

export const equityView: PaneView = { id: "equity", label: "Equity", hint: "Is money following need?", Component: lazyView(() => import(/* webpackChunkName: "equity" */ "./EquityPage").then((m) => m.EquityPage)) };
