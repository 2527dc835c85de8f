import { useState } from "react";
import { Field, Input, makeStyles } from "@fluentui/react-components";

const useStyles = makeStyles({
  // Fill the field's width and never push past it (two fields side by side in a 350 px pane).
  input: { width: "100%", minWidth: 0, "& input": { minWidth: 0 } },
});

export interface CommitInputProps {
  label: string;
  /** The value as text, from the current district. */
  value: string;
  /** Try to apply typed text; return a message when it is not acceptable. */
  commit: (text: string) => string | null;
  hint?: string;
  placeholder?: string;
  /** Show the label visually (true) or only to assistive technology (false). */
  showLabel?: boolean;
  /** A shorter label to show (e.g. "School share") while `label` stays the input's accessible name. */
  visibleLabel?: string;
  className?: string;
  size?: "small" | "medium";
}

/**
 * An input that applies each acceptable entry at once and shows a field validation message otherwise. While the
 * user types, their text is kept; on leaving the field it shows the applied value again.
 */
export function CommitInput({ label, value, commit, hint, placeholder, showLabel = true, visibleLabel, className, size = "small" }: CommitInputProps) {
  const s = useStyles();
  const [draft, setDraft] = useState<{ text: string; error: string | null } | null>(null);
  const named = visibleLabel !== undefined || !showLabel;
  return (
    <Field
      className={className}
      label={visibleLabel ?? (showLabel ? label : undefined)}
      hint={hint}
      size={size}
      validationMessage={draft?.error ?? undefined}
      validationState={draft?.error ? "error" : "none"}
    >
      <Input
        className={s.input}
        size={size}
        aria-label={named ? label : undefined}
        value={draft ? draft.text : value}
        placeholder={placeholder}
        onChange={(_, d) => setDraft({ text: d.value, error: commit(d.value) })}
        onBlur={() => setDraft((cur) => (cur && cur.error ? cur : null))}
      />
    </Field>
  );
}
