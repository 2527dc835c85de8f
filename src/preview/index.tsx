/** The browser preview: the same pane over an in-memory workbook, with the workbook shown beside it. */
import { createRoot } from "react-dom/client";
import { FluentProvider, makeStyles, webLightTheme } from "@fluentui/react-components";
import { createMemoryHost, type MemoryHost } from "../host/memory";
import { App } from "../taskpane/App";
import { WorkbookPanel } from "./WorkbookPanel";

const useStyles = makeStyles({
  layout: { display: "flex", alignItems: "flex-start", minHeight: "100vh" },
  pane: { width: "350px", flexShrink: 0, borderRight: "1px solid #d1d1d1", minHeight: "100vh" },
  book: { flexGrow: 1, minWidth: 0 },
});

export function Preview({ host }: { host: MemoryHost }) {
  const s = useStyles();
  return (
    <div className={s.layout}>
      <div className={s.pane}>
        <App host={host} />
      </div>
      <FluentProvider theme={webLightTheme} className={s.book}>
        <WorkbookPanel host={host} />
      </FluentProvider>
    </div>
  );
}

const container = document.getElementById("root");
if (container) {
  // A short pause per sheet makes the write progress visible, as in Excel.
  createRoot(container).render(<Preview host={createMemoryHost(null, { delayMs: 40 })} />);
}
