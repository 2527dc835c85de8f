/** Actions several features react to (each feature's own actions live in its state.ts). */
import type { Allocation, District, InputError, RawTables } from "../../engine/types";
import type { ScenarioRecord, TableStatus } from "../../host/types";

export type SharedAction =
  /** The workbook was read (and parsed; allocated again when results were shown). */
  | {
      type: "workbook/read";
      tables: RawTables;
      status: TableStatus[];
      problems: InputError[];
      warnings: string[];
      parsed: District | null;
      allocation: Allocation | null;
    }
  /** The workbook's saved records (scenarios, snapshots, overrides, statuses) were listed. */
  | { type: "records/listed"; list: ScenarioRecord[] };
