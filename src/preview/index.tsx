/** The browser preview: the same pane over an in-memory workbook, with the workbook shown beside it. */
import { useState } from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, makeStyles, mergeClasses, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { browserDownload } from "../host/download";
import { createMemoryHost, type MemoryHost } from "../host/memory";
import { App } from "../taskpane/App";
import { WorkbookPanel } from "./WorkbookPanel";

const useStyles = makeStyles({
  root: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground2 },
  layout: {
    display: "flex",
    alignItems: "flex-start",
    minHeight: "100vh",
    // A phone-sized window (or a 350 px test) stacks the pane above the workbook instead of squeezing both.
    "@media (max-width: 760px)": { flexDirection: "column", alignItems: "stretch" },
  },
  pane: {
    // Excel's pane is 350 px; a wide window gives the pane more (its wide layout starts at 500 px).
    width: "clamp(350px, 42vw, 900px)",
    flexShrink: 0,
    minHeight: "100vh",
    boxSizing: "border-box",
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    "@media (max-width: 760px)": {
      width: "100%",
      minHeight: "auto",
      borderRight: "none",
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
  },
  // The workbook stays in view while the pane beside it scrolls.
  book: {
    flexGrow: 1,
    minWidth: 0,
    position: "sticky",
    top: 0,
    maxHeight: "100vh",
    overflowY: "auto",
    "@media (max-width: 760px)": { position: "static", maxHeight: "none", overflowY: "visible" },
  },
});

/** Light or dark: `?theme=dark` or `?theme=light` in the address wins, else the system's preference. */
export function initialTheme(search: string, prefersDark: boolean): "light" | "dark" {
  const t = new URLSearchParams(search).get("theme");
  if (t === "dark" || t === "light") return t;
  return prefersDark ? "dark" : "light";
}

export function Preview({ host, theme: startTheme = "light" }: { host: MemoryHost; theme?: "light" | "dark" }) {
  const s = useStyles();
  const [theme, setTheme] = useState<"light" | "dark">(startTheme);
  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme}>
      <div className={mergeClasses(s.root, s.layout)}>
        <div className={s.pane}>
          <App host={host} theme={theme} />
        </div>
        <div className={s.book}>
          <WorkbookPanel host={host} theme={theme} onThemeChange={setTheme} />
        </div>
      </div>
    </FluentProvider>
  );
}

const container = document.getElementById("root");
if (container) {
  const prefersDark = typeof window.matchMedia === "function" && window.matchMedia("(prefers-color-scheme: dark)").matches;
  // A short pause per sheet makes the write progress visible, as in Excel. Workbooks the pane opens (school
  // calculators) and its downloads are saved by the browser.
  const host = createMemoryHost(null, { delayMs: 40, deliver: (name, bytes, mime) => browserDownload(name, bytes, mime) });
  createRoot(container).render(<Preview host={host} theme={initialTheme(window.location.search, prefersDark)} />);
}
