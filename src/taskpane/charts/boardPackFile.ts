/** The board pack as a file, built in the pane (loaded lazily with the drawing library: a chunk of its own). */
import { parsePlanning } from "../../analysis/plan";
import type { Allocation, District, RawTables } from "../../engine/types";
import { boardPackInput, buildBoardPack } from "../../report/boardPack";

export interface BoardPackFile {
  name: string;
  bytes: Uint8Array;
  sections: string[];
}

/** `tables`: the workbook's tables when planning was analysed (the pack then has the multi-year plan). */
export function boardPackFile(district: District, allocation: Allocation, tables: RawTables | null, workbook: string, now: Date = new Date()): BoardPackFile {
  const planning = tables ? parsePlanning(tables, district) : null;
  const input = boardPackInput(district, allocation, { workbook, date: now, planning: planning && planning.errors.length === 0 ? planning.planning : null });
  const pack = buildBoardPack(input);
  return { name: `${input.district} board pack.html`, bytes: new TextEncoder().encode(pack.html), sections: pack.sections };
}
