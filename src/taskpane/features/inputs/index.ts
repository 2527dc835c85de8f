import type { PaneView } from "../../shell/registry";
import { HomePage } from "./HomePage";

export const homeView: PaneView = { id: "home", label: "Home", hint: "Input tables, problems, Allocate", Component: HomePage };
