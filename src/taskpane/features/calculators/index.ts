import type { PaneView } from "../../shell/registry";
import { CalculatorsPage } from "./CalculatorsPage";

export const calculatorsView: PaneView = { id: "calculators", label: "Calculators", hint: "A workbook for each principal", Component: CalculatorsPage };
