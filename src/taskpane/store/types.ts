/** Types shared by the pane's features: messages to the user and the state of a write to the workbook. */
import type { Progress } from "../../host/types";

export type Intent = "success" | "error" | "warning" | "info";

export interface Notice {
  intent: Intent;
  title: string;
  text: string;
}

export type WriteState =
  | { phase: "idle" }
  | { phase: "running"; what: string; progress: Progress }
  | { phase: "done"; what: string; sheets: string[]; notes?: string[] }
  | { phase: "cancelled"; what: string }
  | { phase: "failed"; what: string; message: string };

/** An error's message, whatever was thrown. */
export function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** `map` without the entry named `name` (names compared trimmed and case-insensitively), then `name` → `value` unless null. */
export function replaceKeyed<T>(map: Readonly<Record<string, T>>, name: string, value: T | null): Record<string, T> {
  const key = name.trim().toLowerCase();
  const next: Record<string, T> = {};
  for (const [n, v] of Object.entries(map)) if (n.trim().toLowerCase() !== key) next[n] = v;
  if (value !== null) next[name] = value;
  return next;
}
