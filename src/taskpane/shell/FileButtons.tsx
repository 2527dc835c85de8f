import { useRef } from "react";
import { Button, ProgressBar, Field } from "@fluentui/react-components";
import { saveWorkbookFile } from "../features/inputs/actions";
import { useEnv, useStudio } from "../store/root";
import { requestDiscarding } from "./guard";

/** The accepted workbook files (the picker's filter; anything else gets a located message). */
export const WORKBOOK_ACCEPT = ".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** "Open workbook…" and "Save workbook", where the host can open and save files (the browser preview). */
export function FileButtons() {
  const env = useEnv();
  const input = useRef<HTMLInputElement>(null);
  const file = useStudio((x) => x.inputs.file);
  const reading = useStudio((x) => x.inputs.reading);
  const writing = useStudio((x) => x.shell.write.phase === "running");
  const hasSheets = useStudio((x) => (x.inputs.status ?? []).some((t) => t.found));
  if (!env.files) return null;
  const busy = file !== null || reading || writing;
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={WORKBOOK_ACCEPT}
        hidden
        aria-label="Workbook file"
        data-testid="open-workbook-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = "";
          if (f) requestDiscarding(env, { kind: "open", file: f });
        }}
      />
      <Button size="small" appearance="subtle" disabled={busy} onClick={() => input.current?.click()}>
        Open workbook…
      </Button>
      <Button size="small" appearance="subtle" disabled={busy || !hasSheets} onClick={() => void saveWorkbookFile(env)}>
        Save workbook
      </Button>
      {file && (
        <Field label={file.progress.label} validationState="none" style={{ flexBasis: "100%" }}>
          <ProgressBar value={file.progress.total > 0 ? file.progress.done / file.progress.total : undefined} />
        </Field>
      )}
    </>
  );
}
