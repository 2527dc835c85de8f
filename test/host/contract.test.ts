/**
 * The host contract, one suite run against each host: the Office.js host (on the in-memory Excel model), the .xlsx
 * reader and writer (saved and loaded again between steps) and the in-memory host the pane's tests and the browser
 * preview use. Reading, validation errors and sheet replacement must come out the same.
 */
import { parseDistrict } from "../../src/engine/parse";
import type { RawTables } from "../../src/engine/types";
import type { SheetPlan } from "../../src/report/plan";
import { smallDistrict } from "../taskpane/fixture";
import { HOSTS, type Harness } from "./hosts";

function plan(name: string, role: string, v: string): SheetPlan {
  return { name, role, cells: [{ r: 0, c: 0, v }], tables: [], charts: [] };
}

/** What every host must agree on: each table's headers, rows and where it was found. */
function shape(tables: RawTables) {
  return Object.fromEntries(
    Object.entries(tables)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, t]) => [k, { headers: t.headers, rows: t.rows, origin: { sheet: t.origin.sheet, headerRow: t.origin.headerRow, firstColumn: t.origin.firstColumn } }]),
  );
}

async function everyHost<T>(tables: RawTables | undefined, step: (h: Harness) => Promise<T>): Promise<{ name: string; result: T }[]> {
  const out: { name: string; result: T }[] = [];
  for (const kind of HOSTS) out.push({ name: kind.name, result: await step(await kind.create(tables)) });
  return out;
}

/** All hosts give the same result (compared to the first, with the host named on a difference). */
function expectSame<T>(results: { name: string; result: T }[]): T {
  const [first, ...rest] = results;
  for (const r of rest) expect({ host: r.name, result: r.result }).toEqual({ host: r.name, result: first.result });
  return first.result;
}

describe("host contract: reading", () => {
  test("the same workbook reads as the same tables in every host", async () => {
    const read = await everyHost(smallDistrict(), async (h) => {
      const r = await h.readTables();
      return { tables: shape(r.tables), errors: r.errors };
    });
    const first = expectSame(read);
    expect(Object.keys(first.tables)).toEqual(["enrollment", "revenue", "schools", "weights"]);
    expect(first.errors).toEqual([]);
  });

  test("a bad value gives the same located validation errors in every host", async () => {
    const errors = await everyHost(smallDistrict({ stateAid: "ten million" }), async (h) => {
      const parsed = parseDistrict((await h.readTables()).tables);
      return parsed.ok ? [] : parsed.errors;
    });
    const first = expectSame(errors);
    expect(first).toEqual([expect.objectContaining({ table: "Revenue", row: 2, column: "Amount" })]);
  });

  test("merged cells inside an input table are refused with the range named, in every host", async () => {
    const read = await everyHost(smallDistrict(), async (h) => {
      await h.merge("Enrollment", "A3:A4");
      return (await h.readTables()).errors;
    });
    const first = expectSame(read);
    expect(first).toEqual([
      expect.objectContaining({ table: "Enrollment", sheet: "Enrollment", row: 3, column: "School ID", cell: "A3:A4", found: "the merged range A3:A4" }),
    ]);
  });

  test("an optional extra table is read by every host", async () => {
    const tables: RawTables = {
      ...smallDistrict(),
      "budget lines": { name: "Budget Lines", headers: ["Line", "Amount"], rows: [["Books", 100]], origin: { sheet: "Budget Lines", headerRow: 1, firstColumn: 1, kind: "table" } },
    };
    const read = await everyHost(tables, async (h) => shape((await h.readTables()).tables)["budget lines"]);
    expect(expectSame(read)).toMatchObject({ headers: ["Line", "Amount"], rows: [["Books", 100]] });
  });

  test("the tool's own sheets are never read as input, a user's sheet of the same kind is", async () => {
    const read = await everyHost(undefined, async (h) => {
      await h.render([plan("Policy", "summary", "Setting")]);
      await h.addSheet("Initiatives", [["Initiative", "Cost"], ["Tutoring", 5]]);
      const r = await h.readTables();
      return Object.keys(r.tables).sort();
    });
    expect(expectSame(read)).toEqual(["initiatives"]);
  });
});

describe("host contract: sheet replacement", () => {
  test("two writes leave the same sheets, names and notes in every host; user sheets are never replaced", async () => {
    const results = await everyHost(smallDistrict(), async (h) => {
      await h.addSheet("Summary", [["my summary"]]);
      const first = await h.render([plan("Summary", "summary", "s1"), plan("Matrix", "matrix", "m1"), plan("Adams", "school", "a1")]);
      const second = await h.render([plan("Summary", "summary", "s2"), plan("Baker", "school", "b2")]);
      const names = (await h.sheetNames()).filter((n) => !n.startsWith("_sfs_"));
      const values = await Promise.all(names.map(async (n) => [n, await h.a1(n)]));
      return { first, second, values };
    });
    const same = expectSame(results);
    expect(same.first.sheets).toEqual(["Summary (2)", "Matrix", "Adams"]);
    expect(same.second).toEqual({ sheets: ["Summary (2)", "Baker"], notes: ['Your sheet "Summary" was kept as it is; the tool wrote its sheet as "Summary (2)".'] });
    expect(Object.fromEntries(same.values)).toMatchObject({ Summary: "my summary", "Summary (2)": "s2", Matrix: "m1", Baker: "b2" });
    expect(same.values.map(([n]) => n)).not.toContain("Adams");
  });
});

describe("host contract: values", () => {
  test("dates held as dates stay dates (the .xlsx reader and the in-memory host), never their text", async () => {
    const tables: RawTables = {
      ...smallDistrict(),
      opportunities: { name: "Opportunities", headers: ["Opportunity", "Contract End Date"], rows: [["Buses", new Date(Date.UTC(2027, 5, 30))]], origin: { sheet: "Opportunities", headerRow: 1, firstColumn: 1, kind: "table" } },
    };
    for (const kind of HOSTS.filter((k) => k.name !== "Office.js host")) {
      const read = await (await kind.create(tables)).readTables();
      expect({ host: kind.name, value: read.tables.opportunities.rows[0][1] }).toEqual({ host: kind.name, value: new Date(Date.UTC(2027, 5, 30)) });
    }
  });
});
