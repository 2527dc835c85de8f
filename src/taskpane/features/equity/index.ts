import type { PaneView } from "../../shell/registry";
import { EquityPage } from "./EquityPage";

export const equityView: PaneView = { id: "equity", label: "Equity", hint: "Is money following need?", Component: EquityPage };
