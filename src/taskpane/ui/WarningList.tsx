import { useState } from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";

/** How many warnings show before "Show all". */
export const FIRST_WARNINGS = 3;

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  item: { overflowWrap: "break-word" },
  more: { marginTop: tokens.spacingVerticalXS, paddingLeft: 0, minWidth: 0 },
});

export interface WarningListProps {
  title?: string;
  warnings: string[];
}

/** Warnings as a list: the first few, and the rest one click away, so a long list never buries the pane. */
export function WarningList({ title = "Check these", warnings }: WarningListProps) {
  const s = useStyles();
  const [all, setAll] = useState(false);
  if (warnings.length === 0) return null;
  const shown = all ? warnings : warnings.slice(0, FIRST_WARNINGS);
  const hidden = warnings.length - shown.length;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          {title}
          {warnings.length > 1 ? ` (${warnings.length})` : ""}
        </MessageBarTitle>
        <ul className={s.list} aria-label={title}>
          {shown.map((w, k) => (
            <li key={k} className={s.item}>
              {w}
            </li>
          ))}
        </ul>
        {(hidden > 0 || all) && warnings.length > FIRST_WARNINGS && (
          <Button className={s.more} appearance="transparent" size="small" aria-expanded={all} onClick={() => setAll((x) => !x)}>
            {all ? "Show fewer" : `Show all ${warnings.length}`}
          </Button>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
