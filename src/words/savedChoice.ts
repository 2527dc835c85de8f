/**
 * A choice saved in the workbook for a name its table no longer has (an initiative's action, an opportunity's
 * status): one sentence for both pane views. A module of its own, without the A-ROI analysis, so that the
 * planning view's first load does not carry it; src/words/aroi.ts re-exports it.
 */

/** What a choice saved in the workbook is for: an initiative's action (A-ROI) or an opportunity's status (savings). */
export type SavedChoice = "action" | "status";

const SAVED_FOR: Record<SavedChoice, string> = { action: "initiative", status: "opportunity" };

/** The pane's note on a choice saved for a name the table no longer has: kept in the workbook, not applied. */
export function savedChoiceUnmatchedText(choice: SavedChoice, name: string): string {
  return `A saved ${choice} for "${name}" is kept but no ${SAVED_FOR[choice]} has that name now.`;
}
