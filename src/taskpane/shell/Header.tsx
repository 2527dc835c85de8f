import { Badge, Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { redo, undo } from "../features/allocation/actions";
import { useEnv, useStudio } from "../store/root";
import { FileButtons } from "./FileButtons";
import { GlossaryButton } from "./Glossary";
import { requestDiscarding } from "./guard";
import { districtLine, runState } from "./runState";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  row: { display: "flex", alignItems: "center", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500, margin: 0, minWidth: 0 },
  read: { flexShrink: 0, whiteSpace: "nowrap" },
  district: {
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    minWidth: 0,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  steps: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, listStyleType: "none", margin: 0, padding: 0, alignItems: "center" },
  tools: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS },
});

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform ?? "");

/** The persistent header: the district, the state of the run, and the commands every view needs. */
export function Header() {
  const s = useStyles();
  const env = useEnv();
  const reading = useStudio((x) => x.inputs.reading);
  const steps = useStudio(runState);
  const district = useStudio(districtLine);
  const canUndo = useStudio((x) => x.allocation.past.length > 0);
  const canRedo = useStudio((x) => x.allocation.future.length > 0);
  const capabilities = useStudio((x) => x.shell.capabilities);
  const mod = isMac ? "⌘" : "Ctrl+";
  return (
    <header className={s.root}>
      <div className={s.row}>
        <Text as="h1" className={s.title}>
          School Funding Studio
        </Text>
        <Button className={s.read} appearance="secondary" size="small" onClick={() => requestDiscarding(env, { kind: "read" })} disabled={reading}>
          Read workbook
        </Button>
      </div>
      <Text className={s.district} title={district}>
        {district}
      </Text>
      <div className={s.row}>
        <div role="status" aria-live="polite">
        <ul className={s.steps} aria-label="State of the run">
          {reading && (
            <li>
              <Spinner size="extra-tiny" label="Reading the workbook…" />
            </li>
          )}
          {steps.map((x) => (
            <li key={x.key}>
              <Badge appearance="tint" color={x.tone === "subtle" ? "informative" : x.tone} shape="rounded">
                {x.text}
              </Badge>
            </li>
          ))}
        </ul>
        </div>
      </div>
      <div className={s.tools}>
        <Button size="small" appearance="subtle" disabled={!canUndo} onClick={() => undo(env)} title={`Undo the last edit (${mod}Z)`} aria-keyshortcuts="Control+Z">
          Undo
        </Button>
        <Button size="small" appearance="subtle" disabled={!canRedo} onClick={() => redo(env)} title={`Redo (${mod}Y)`} aria-keyshortcuts="Control+Y">
          Redo
        </Button>
        <FileButtons />
        <GlossaryButton />
      </div>
      {capabilities && !capabilities.ok && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Some features are not available here</MessageBarTitle>
            This version of Excel lacks: {capabilities.missing.join("; ")}. Results can still be computed in the pane.
          </MessageBarBody>
        </MessageBar>
      )}
    </header>
  );
}
