/** The browser preview: the same pane over an in-memory workbook, with the workbook shown beside it. */
import { useMemo, useRef, useState } from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, makeStyles, mergeClasses, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { browserDownload } from "../host/download";
import { createMemoryHost, type MemoryHost } from "../host/memory";
import { XLSX_MIME } from "../host/types";
import type { RawTables } from "../engine/types";
import { App } from "../taskpane/App";
import type { PaneFiles } from "../taskpane/store/root";
import { openWorkbookFile, savedName, savedWorkbook, type OpenedWorkbook } from "./files";
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

/** The preview's in-memory workbook: a short pause per sheet shows the write progress, as in Excel; files it hands out are downloaded. */
export function previewHost(tables: RawTables | null): MemoryHost {
  return createMemoryHost(tables, { delayMs: 40, deliver: (name, bytes, mime) => browserDownload(name, bytes, mime) });
}

export interface PreviewProps {
  host: MemoryHost;
  theme?: "light" | "dark";
  /** Makes the in-memory workbook for an opened file (default: previewHost). */
  makeHost?: (tables: RawTables) => MemoryHost;
}

export function Preview({ host: startHost, theme: startTheme = "light", makeHost = previewHost }: PreviewProps) {
  const s = useStyles();
  const [theme, setTheme] = useState<"light" | "dark">(startTheme);
  // The workbook shown: the starting one, or the file the user opened (then a new in-memory workbook and pane).
  const [book, setBook] = useState<{ host: MemoryHost; opened: OpenedWorkbook | null }>({ host: startHost, opened: null });
  const bookRef = useRef(book);
  bookRef.current = book;
  const files = useMemo<PaneFiles>(
    () => ({
      open: async (file, onProgress) => {
        const opened = await openWorkbookFile(file, onProgress);
        setBook({ host: makeHost(opened.tables), opened });
      },
      save: async (onProgress) => {
        const { host, opened } = bookRef.current;
        const bytes = await savedWorkbook(host, opened, onProgress);
        const name = savedName(opened);
        await browserDownload(name, bytes, XLSX_MIME);
        return name;
      },
    }),
    [makeHost],
  );
  const host = book.host;
  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme}>
      <div className={mergeClasses(s.root, s.layout)}>
        <div className={s.pane}>
          <App host={host} theme={theme} files={files} workbookName={book.opened?.name ?? null} />
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
  createRoot(container).render(<Preview host={previewHost(null)} theme={initialTheme(window.location.search, prefersDark)} />);
}
