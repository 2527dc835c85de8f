/** A list in words: "A", "A and B", "A, B and C" (no Oxford comma). The one joiner of the messages and sheets. */
export function andList(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
