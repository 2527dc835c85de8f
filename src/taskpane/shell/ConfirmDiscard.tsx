import { useState } from "react";
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEnv, useStudio } from "../store/root";
import { cancelDiscarding, discardingText, proceed, saveThenProceed } from "./guard";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  surface: { maxWidth: "min(480px, calc(100vw - 24px))", boxSizing: "border-box" },
  actions: { flexWrap: "wrap" },
});

/** The question asked before an action would discard unsaved edits: save them as a scenario, discard, or cancel. */
export function ConfirmDiscard() {
  const s = useStyles();
  const env = useEnv();
  const what = useStudio((x) => x.shell.confirm);
  const [name, setName] = useState("");
  if (!what) return null;
  const clean = name.trim();
  return (
    <Dialog open modalType="alert" onOpenChange={(_, d) => !d.open && cancelDiscarding(env)}>
      <DialogSurface className={s.surface}>
        <DialogBody>
          <DialogTitle>Keep your unsaved edits?</DialogTitle>
          <DialogContent className={s.content}>
            <Text>{discardingText(what)} Your edits to weights, sources or policy have not been saved.</Text>
            <Field label="Save them as scenario" hint="They are kept in the workbook; load them again from Scenarios.">
              <Input value={name} onChange={(_, d) => setName(d.value)} placeholder="e.g. Raised poverty weight" />
            </Field>
          </DialogContent>
          <DialogActions className={s.actions}>
            <Button appearance="primary" disabled={clean === ""} onClick={() => void saveThenProceed(env, clean, what).then(() => setName(""))}>
              Save and continue
            </Button>
            <Button onClick={() => void proceed(env, what)}>Discard edits</Button>
            <Button appearance="subtle" onClick={() => cancelDiscarding(env)}>
              Cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
