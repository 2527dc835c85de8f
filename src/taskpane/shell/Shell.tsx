import { Suspense, useEffect, useState, type DragEvent } from "react";
import { Button, Spinner, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { redo, undo } from "../features/allocation/actions";
import { checkCapabilities, readWorkbook } from "../features/inputs/actions";
import { useEnv, useStudio } from "../store/root";
import { WIDE } from "../ui/styles";
import { ConfirmDiscard } from "./ConfirmDiscard";
import { requestDiscarding } from "./guard";
import { Header } from "./Header";
import { Nav } from "./Nav";
import type { PaneView } from "./registry";

const useStyles = makeStyles({
  main: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXXL}`,
    minWidth: 0,
    boxSizing: "border-box",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    // Views adapt to the pane's width (350 px in Excel, wider when projected) with container queries.
    containerType: "inline-size",
    containerName: "sfs-pane",
    // Fluent's tables lay columns out at equal fixed widths, which cuts long amounts off in a narrow pane:
    // size columns by their content instead (numbers never wrap; names and words do).
    "& table": { tableLayout: "auto" },
    "& th, & td": { overflowWrap: "break-word" },
    // Fields side by side share the width: a long option text or an input's default size never pushes one past the pane.
    "& .fui-Field": { minWidth: 0 },
    "& .fui-Input, & .fui-Select": { minWidth: 0, maxWidth: "100%" },
    "& .fui-Input > input, & .fui-Select > select": { minWidth: 0, textOverflow: "ellipsis" },
  },
  body: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    rowGap: tokens.spacingVerticalM,
    columnGap: tokens.spacingHorizontalL,
    [WIDE]: { gridTemplateColumns: "150px minmax(0, 1fr)", alignItems: "start" },
  },
  // The view is a container too: its tables choose their columns by the width the view has (beside the list of
  // views in a wide pane), not by the pane's.
  view: { minWidth: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL, containerType: "inline-size" },
  dropping: { outline: `${tokens.strokeWidthThickest} dashed ${tokens.colorBrandStroke1}`, outlineOffset: "-4px" },
});

/** True when the key press is Ctrl+Z / Ctrl+Y (⌘ on a Mac) outside a text field (which keeps its own undo). */
function editShortcut(e: KeyboardEvent): "undo" | "redo" | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const t = e.target as HTMLElement | null;
  if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable)) return null;
  const k = e.key.toLowerCase();
  if (k === "z" && !e.shiftKey) return "undo";
  if (k === "y" || (k === "z" && e.shiftKey)) return "redo";
  return null;
}

/** The thin shell: header, navigation, the message bar, the question before discarding edits, and the view shown. */
export function Shell({ views }: { views: readonly PaneView[] }) {
  const s = useStyles();
  const env = useEnv();
  const viewId = useStudio((x) => x.shell.view);
  const notice = useStudio((x) => x.shell.notice);
  const [dropping, setDropping] = useState(false);

  useEffect(() => {
    void checkCapabilities(env);
    void readWorkbook(env);
  }, [env]);

  // Views whose code loads on demand start loading once the pane is up, so that moving to one is instant.
  useEffect(() => {
    for (const v of views) {
      const preload = (v.Component as { preload?: () => Promise<void> }).preload;
      if (preload) void preload();
    }
  }, [views]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const what = editShortcut(e);
      if (!what) return;
      e.preventDefault();
      if (what === "undo") undo(env);
      else redo(env);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [env]);

  const view = views.find((v) => v.id === viewId) ?? views[0];
  const drop = env.files
    ? {
        onDragOver: (e: DragEvent) => {
          if (!Array.from(e.dataTransfer.types).includes("Files")) return;
          e.preventDefault();
          setDropping(true);
        },
        onDragLeave: () => setDropping(false),
        onDrop: (e: DragEvent) => {
          e.preventDefault();
          setDropping(false);
          const f = e.dataTransfer.files[0];
          if (f) requestDiscarding(env, { kind: "open", file: f });
        },
      }
    : {};
  return (
    <main className={mergeClasses(s.main, dropping && s.dropping)} aria-label="School Funding Studio" {...drop}>
      <Header />
      {notice && (
        <MessageBar intent={notice.intent}>
          <MessageBarBody>
            <MessageBarTitle>{notice.title}</MessageBarTitle>
            {notice.text}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" size="small" aria-label="Dismiss message" onClick={() => env.dispatch({ type: "notice", notice: null })}>
                ✕
              </Button>
            }
          />
        </MessageBar>
      )}
      <div className={s.body}>
        <Nav views={views} />
        <div className={s.view} key={view.id} data-view={view.id}>
          <Suspense fallback={<Spinner size="small" label="Loading…" />}>
            <view.Component />
          </Suspense>
        </div>
      </div>
      <ConfirmDiscard />
    </main>
  );
}
