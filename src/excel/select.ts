/// <reference types="office-js" />

/** Show the user a cell: activate its sheet and select it. One sync. */
export async function selectCell(context: Excel.RequestContext, sheet: string, address: string): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address).select();
  await context.sync();
}
