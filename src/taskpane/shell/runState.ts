/** The state of the run in a few words, for the header: inputs valid, allocated, unsaved edits, written. */
import { hasUnsavedEdits } from "../features/allocation/state";
import type { RootState } from "../store/root";
import { countOf } from "../../engine/money";

export interface RunStep {
  key: "inputs" | "allocated" | "edits" | "written";
  text: string;
  tone: "success" | "warning" | "danger" | "informative" | "subtle";
}

export function runState(s: RootState): RunStep[] {
  const steps: RunStep[] = [];
  const { status, problems, reading } = s.inputs;
  if (reading && !status) steps.push({ key: "inputs", text: "Reading…", tone: "subtle" });
  else if (!status) steps.push({ key: "inputs", text: "Not read", tone: "subtle" });
  else if (!status.some((t) => t.found)) steps.push({ key: "inputs", text: "No input tables", tone: "informative" });
  else if (s.allocation.district) steps.push({ key: "inputs", text: "Inputs valid", tone: "success" });
  else steps.push({ key: "inputs", text: problems.length === 1 ? "1 problem" : `${problems.length} problems`, tone: "danger" });
  if (!s.allocation.district) return steps;
  const a = s.allocation.allocation;
  if (!a) steps.push({ key: "allocated", text: "Not allocated", tone: "subtle" });
  else if (a.errors.length > 0) steps.push({ key: "allocated", text: "Cannot allocate", tone: "danger" });
  else steps.push({ key: "allocated", text: "Allocated", tone: "success" });
  if (hasUnsavedEdits(s.allocation)) steps.push({ key: "edits", text: "Unsaved edits", tone: "warning" });
  if (a && a.errors.length === 0) {
    if (s.allocation.written === a) steps.push({ key: "written", text: "Written to workbook", tone: "success" });
    else steps.push({ key: "written", text: s.allocation.written ? "Changed since written" : "Not written yet", tone: "subtle" });
  }
  return steps;
}

/** The header's line about the district: the workbook's name (when known), schools and students. */
export function districtLine(s: RootState): string {
  const d = s.allocation.district;
  const name = s.inputs.workbookName;
  if (!d) return name ?? "This workbook";
  const students = d.enrollment.reduce((n, e) => n + e.students, 0);
  const parts = [name ?? "This workbook", countOf(d.schools.length, "school")];
  if (students > 0) parts.push(countOf(Math.round(students), "student"));
  return parts.join(" · ");
}
