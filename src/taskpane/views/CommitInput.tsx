import { useState } from "react";
import { Field, Input } from "@fluentui/react-components";

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
  size?: "small" | "medium";
}

/**
 * An input that applies each acceptable entry at once and shows a field validation message otherwise. While the
 * user types, their text is kept; on leaving the field it shows the applied value again.
 */
export function CommitInput({ label, value, commit, hint, placeholder, showLabel = true, size = "small" }: CommitInputProps) {
  const [draft, setDraft] = useState<{ text: string; error: string | null } | null>(null);
  return (
    <Field
      label={showLabel ? label : undefined}
      hint={hint}
      size={size}
      validationMessage={draft?.error ?? undefined}
      validationState={draft?.error ? "error" : "none"}
    >
      <Input
        size={size}
        aria-label={showLabel ? undefined : label}
        value={draft ? draft.text : value}
        placeholder={placeholder}
        onChange={(_, d) => setDraft({ text: d.value, error: commit(d.value) })}
        onBlur={() => setDraft((cur) => (cur && cur.error ? cur : null))}
      />
    </Field>
  );
}
