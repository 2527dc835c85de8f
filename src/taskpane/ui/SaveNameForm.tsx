import { useState } from "react";
import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  save: { display: "flex", alignItems: "end", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: "150px" },
});

export interface SaveNameFormProps {
  /** The field's label, e.g. "Scenario name". */
  label: string;
  placeholder: string;
  /** The button's text, e.g. "Save scenario". */
  action: string;
  canSave: boolean;
  onSave: (name: string) => void;
}

/** A name and a Save button (scenarios, equity snapshots): saves only a non-blank name when saving is allowed; the name clears once saved. */
export function SaveNameForm({ label, placeholder, action, canSave, onSave }: SaveNameFormProps) {
  const s = useStyles();
  const [name, setName] = useState("");
  return (
    <form
      className={s.save}
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim() !== "" && canSave) {
          onSave(name);
          setName("");
        }
      }}
    >
      <Field label={label} className={s.grow} size="small">
        <Input size="small" value={name} onChange={(_, d) => setName(d.value)} placeholder={placeholder} />
      </Field>
      <Button type="submit" size="small" disabled={!canSave || name.trim() === ""}>
        {action}
      </Button>
    </form>
  );
}
