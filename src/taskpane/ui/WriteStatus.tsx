import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import type { Progress } from "../../host/types";
import type { WriteState } from "../store/types";
import { actionRow } from "./styles";

const useStyles = makeStyles({
  actions: actionRow,
  sheets: { overflowWrap: "break-word" },
  notes: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

/** Up to this many sheet names are listed after a write; the rest are counted. */
export const LISTED_SHEETS = 8;

/** "3 sheets: Summary, Matrix, School Budgets." or, for many, the first few and how many more. */
export function sheetList(sheets: string[]): string {
  if (sheets.length === 0) return "No sheet was needed.";
  if (sheets.length === 1) return `Sheet: ${sheets[0]}.`;
  if (sheets.length <= LISTED_SHEETS + 1) return `${sheets.length} sheets: ${sheets.join(", ")}.`;
  return `${sheets.length} sheets: ${sheets.slice(0, LISTED_SHEETS).join(", ")} and ${sheets.length - LISTED_SHEETS} more.`;
}

export interface ProgressStatusProps {
  /** What is running, e.g. "Writing results". */
  label: string;
  progress: Progress;
  /** Shows a Cancel button when given. */
  onCancel?: () => void;
}

/** A long task's progress ("step (done of total)") and, when it can be stopped, its Cancel button. */
export function ProgressStatus({ label, progress, onCancel }: ProgressStatusProps) {
  const s = useStyles();
  return (
    <>
      <Field label={label} hint={`${progress.label} (${progress.done} of ${progress.total})`}>
        <ProgressBar value={progress.total ? progress.done / progress.total : 0} />
      </Field>
      {onCancel && (
        <div className={s.actions}>
          <Button onClick={onCancel}>Cancel</Button>
        </div>
      )}
    </>
  );
}

export interface WriteOutcomeProps {
  write: WriteState;
  onCancel: () => void;
}

/** Progress with Cancel while a write runs, then its honest outcome, including what was drawn differently. */
export function WriteOutcome({ write, onCancel }: WriteOutcomeProps) {
  const s = useStyles();
  if (write.phase === "idle") return null;
  if (write.phase === "running") return <ProgressStatus label={`Writing ${write.what}`} progress={write.progress} onCancel={onCancel} />;
  if (write.phase === "done") {
    const notes = write.notes ?? [];
    return (
      <>
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody className={s.sheets}>
            <MessageBarTitle>Written</MessageBarTitle>
            {sheetList(write.sheets)}
          </MessageBarBody>
        </MessageBar>
        {notes.length > 0 && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Drawn differently</MessageBarTitle>
              <ul className={s.notes} aria-label="Notes on the written sheets">
                {notes.map((n, k) => (
                  <li key={k}>{n}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
      </>
    );
  }
  if (write.phase === "cancelled")
    return (
      <MessageBar intent="warning">
        <MessageBarBody>
          <MessageBarTitle>Cancelled</MessageBarTitle>
          Nothing was changed.
        </MessageBarBody>
      </MessageBar>
    );
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>The write failed</MessageBarTitle>
        {write.message} Nothing was changed.
      </MessageBarBody>
    </MessageBar>
  );
}

export interface WriteStatusProps {
  /** The pane's write state; only shown when its `what` is `what`. */
  write: WriteState;
  what: string;
  onCancel: () => void;
}

/**
 * Progress, Cancel and the honest outcome of one kind of write (the same pattern as WriteView's), shown next to
 * the button that started it.
 */
export function WriteStatus({ write, what, onCancel }: WriteStatusProps) {
  if (write.phase === "idle" || write.what !== what) return null;
  return <WriteOutcome write={write} onCancel={onCancel} />;
}
