/** The pane: the store and the host for the features, and the thin shell that shows their views. */
import { useMemo } from "react";
import { FluentProvider, makeStyles, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { Host } from "../host/types";
import { ChartThemeContext } from "./charts/ChartView";
import { Shell } from "./shell/Shell";
import { VIEWS } from "./shell/views";
import { createEnv, createStudioStore, StudioContext, type PaneFiles } from "./store/root";

const useStyles = makeStyles({
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
});

export { REQUIRED_TABLES } from "./features/inputs/HomePage";
export { PLANNING_TABLES } from "./features/planning/PlanningPage";

export interface AppProps {
  host: Host;
  /** Follows Office's theme when the entry point can tell (default light). */
  theme?: "light" | "dark";
  /** Opening and saving workbook files (the browser preview). */
  files?: PaneFiles;
  /** The workbook's file name when the host knows it (a file opened in the preview). */
  workbookName?: string | null;
}

export function App({ host, theme = "light", files, workbookName = null }: AppProps) {
  const s = useStyles();
  const value = useMemo(() => {
    const store = createStudioStore();
    if (workbookName) store.dispatch({ type: "workbook/name", name: workbookName });
    return { store, env: createEnv(host, store, files ?? null) };
    // A new workbook (host) is a new pane; its name comes with it.
  }, [host, files]);
  return (
    // The layout styles go on an inner element: Fluent copies the provider's classes onto its portals (menus,
    // dialogs), which must not take a full-height background.
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme}>
      <div className={s.provider}>
        <StudioContext.Provider value={value}>
          <ChartThemeContext.Provider value={theme}>
            <Shell views={VIEWS} />
          </ChartThemeContext.Provider>
        </StudioContext.Provider>
      </div>
    </FluentProvider>
  );
}
