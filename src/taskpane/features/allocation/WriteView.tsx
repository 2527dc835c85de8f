import { Button, makeStyles } from "@fluentui/react-components";
import type { WriteState } from "../../store/types";
import { WriteOutcome } from "../../ui/WriteStatus";
import { column, heading, actionRow } from "../../ui/styles";

const useStyles = makeStyles({
  root: column,
  actions: actionRow,
  h: heading,
});

export interface WriteViewProps {
  write: WriteState;
  selectedCount: number;
  canWrite: boolean;
  onWrite: (selectedOnly: boolean) => void;
  onCancel: () => void;
}

/** Writing the tool's own sheets, with progress, cancel, and an honest outcome. */
export function WriteView({ write, selectedCount, canWrite, onWrite, onCancel }: WriteViewProps) {
  const s = useStyles();
  const running = write.phase === "running";
  return (
    <section className={s.root} aria-labelledby="sfs-write">
      <h2 id="sfs-write" className={s.h}>
        Workbook
      </h2>
      <div className={s.actions}>
        <Button appearance="primary" disabled={!canWrite || running} onClick={() => onWrite(false)}>
          Write to workbook
        </Button>
        {selectedCount > 0 && (
          <Button disabled={!canWrite || running} onClick={() => onWrite(true)}>
            Write selected schools
          </Button>
        )}
      </div>
      <WriteOutcome write={write} onCancel={onCancel} />
    </section>
  );
}
