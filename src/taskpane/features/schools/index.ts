import type { PaneView } from "../../shell/registry";
import { SchoolsPage } from "./SchoolsPage";

export const schoolsView: PaneView = { id: "schools", label: "Schools", hint: "Each school's budget and how it was calculated", Component: SchoolsPage };
