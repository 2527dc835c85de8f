/// <reference types="office-js" />
import { RUN_OPTIONS, officeRunner } from "../../src/excel/host";

describe("officeRunner", () => {
  test("every batch runs with delayForCellEdit, so a user typing in a cell delays it instead of failing it", async () => {
    const calls: unknown[][] = [];
    const g = globalThis as unknown as { Excel?: unknown };
    const saved = g.Excel;
    g.Excel = { run: (...args: unknown[]) => (calls.push(args), (args[1] as (c: unknown) => Promise<unknown>)("ctx")) };
    try {
      const result = await officeRunner()(async (ctx) => `ran with ${String(ctx)}`);
      expect(result).toBe("ran with ctx");
      expect(calls).toHaveLength(1);
      expect(calls[0][0]).toEqual({ delayForCellEdit: true });
      expect(RUN_OPTIONS.delayForCellEdit).toBe(true);
    } finally {
      g.Excel = saved;
    }
  });
});
