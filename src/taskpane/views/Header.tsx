import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { TableStatus } from "../../host/types";
import { column } from "./styles";

const useStyles = makeStyles({
  root: column,
  row: { display: "flex", alignItems: "center", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500, margin: 0, minWidth: 0 },
  read: { flexShrink: 0, whiteSpace: "nowrap" },
  status: { color: tokens.colorNeutralForeground3 },
});

export interface HeaderProps {
  reading: boolean;
  status: TableStatus[] | null;
  required: string[];
  capabilities: { ok: boolean; missing: string[] } | null;
  onRead: () => void;
}

/** Workbook status in words, e.g. "4 of 4 required tables found". */
export function workbookStatus(status: TableStatus[] | null, required: string[]): string {
  if (!status) return "Workbook not read yet";
  const found = required.filter((r) => status.some((s) => s.name === r && s.found)).length;
  if (!status.some((s) => s.found)) return "No input tables in this workbook";
  return `${found} of ${required.length} required tables found`;
}

export function Header({ reading, status, required, capabilities, onRead }: HeaderProps) {
  const s = useStyles();
  return (
    <header className={s.root}>
      <div className={s.row}>
        <Text as="h1" className={s.title}>
          School Funding Studio
        </Text>
        <Button className={s.read} appearance="secondary" size="small" onClick={onRead} disabled={reading}>
          Read workbook
        </Button>
      </div>
      <div className={s.row} role="status" aria-live="polite">
        {reading ? <Spinner size="extra-tiny" label="Reading the workbook…" /> : <Text className={s.status}>{workbookStatus(status, required)}</Text>}
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
