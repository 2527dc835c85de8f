import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import type { WriteState } from "../useStudio";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

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
  const s = useStyles();
  if (write.phase === "idle" || write.what !== what) return null;
  if (write.phase === "running")
    return (
      <>
        <Field label={`Writing ${write.what}`} hint={`${write.progress.label} (${write.progress.done} of ${write.progress.total})`}>
          <ProgressBar value={write.progress.total ? write.progress.done / write.progress.total : 0} />
        </Field>
        <div className={s.actions}>
          <Button onClick={onCancel}>Cancel</Button>
        </div>
      </>
    );
  if (write.phase === "done")
    return (
      <MessageBar intent="success">
        <MessageBarBody>
          <MessageBarTitle>Written</MessageBarTitle>
          {write.sheets.length === 1 ? "Sheet" : `${write.sheets.length} sheets`}: {write.sheets.join(", ")}.
        </MessageBarBody>
      </MessageBar>
    );
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
    <MessageBar intent="error">
      <MessageBarBody>
        <MessageBarTitle>The write failed</MessageBarTitle>
        {write.message} Nothing was changed.
      </MessageBarBody>
    </MessageBar>
  );
}
