/**
 * Problems the allocation finds are data: a code, the setting at fault, the inputs that cause them and the figures
 * in cents, beside the location; the sentence is built from them by formatError (src/words/errors.ts), the same for
 * every surface (test/words/errors.test.ts pins the sentences).
 */
import { allocate } from "../../src/engine/allocate/index";
import { dollars } from "../../src/engine/money";
import { parseDistrict } from "../../src/engine/parse";
import type { District } from "../../src/engine/types";
import { sampleDistrict } from "../../src/sample/district";
import { formatError } from "../../src/words/errors";

function sample(): District {
  const p = parseDistrict(sampleDistrict());
  if (!p.ok) throw new Error("the sample district should parse");
  return p.district;
}

describe("located allocation problems", () => {
  test("floors the general money cannot pay: code, setting, figures in cents, and the sentence from them", () => {
    const d = sample();
    const a = allocate({ ...d, policy: { ...d.policy, holdHarmless: 1.2 } });
    expect(a.errors).toHaveLength(1);
    const e = a.errors[0];
    expect(e).toMatchObject({ code: "floors", setting: "holdHarmless", table: "Policy", column: "Value" });
    const { available = 0, need = -1 } = e.values ?? {};
    expect(need).toBeGreaterThan(available);
    expect(Number.isInteger(available) && Number.isInteger(need)).toBe(true);
    expect(formatError(e)).toBe(
      `Policy row ${e.row}, column "Value" (${e.cell}): expected Hold Harmless: floors that the general school money can pay (${dollars(available)}), ` +
        `found floors needing ${dollars(need)} of general money, from Hold Harmless (Policy row ${e.row}) and Minimum Budget (Schools) together`,
    );
  });

  test("floors without a hold harmless are reported on Schools' Minimum Budget, with the same code and figures", () => {
    const d = sample();
    const schools = d.schools.map((s) => ({ ...s, minimum: (s.current ?? 0) * 2 }));
    const a = allocate({ ...d, schools, policy: { ...d.policy, holdHarmless: null } });
    expect(a.errors).toHaveLength(1);
    expect(a.errors[0]).toMatchObject({ code: "floors", table: "Schools", row: null, column: "Minimum Budget" });
    expect(a.errors[0].setting).toBeUndefined();
    expect(a.errors[0].values?.need).toBeGreaterThan(a.errors[0].values?.available ?? Infinity);
  });

  test("no general money to move: data only (no words in the engine), every input that asks for the move, where it was set", () => {
    const d = sample();
    const sources = d.sources.map((s) => ({ ...s, restricted: true }));
    const inSheet = allocate({ ...d, sources, policy: { ...d.policy, holdHarmless: 0.9, phaseIn: 0.5, foundationPerSchool: 0 } });
    const row = (k: "phaseIn" | "holdHarmless" | "gainCap") => d.policy.places?.[k]?.row;
    expect(inSheet.errors).toEqual([
      {
        code: "noGeneralMoney",
        table: "Revenue",
        row: null,
        column: "Status",
        causes: [
          { kind: "setting", setting: "phaseIn", row: row("phaseIn") },
          { kind: "setting", setting: "holdHarmless", row: row("holdHarmless") },
          { kind: "setting", setting: "gainCap", row: row("gainCap") },
          { kind: "minimumBudget" },
        ],
      },
    ]);
    const { places: _, ...setInPane } = d.policy;
    const inPane = allocate({ ...d, sources, policy: { ...setInPane, holdHarmless: 0.9, foundationPerSchool: 0 } });
    expect(inPane.errors[0]).toMatchObject({ code: "noGeneralMoney", causes: [{ setting: "holdHarmless", row: null }, { setting: "gainCap", row: null }, { kind: "minimumBudget" }] });
    expect(formatError(inPane.errors[0])).toContain("while Hold Harmless (set in the pane), Gain Cap (set in the pane) and Minimum Budget (Schools) change school totals");
  });
});

describe("a Foundation Per School that cannot be paid is data too", () => {
  test("too large for the general school pool: code, figures in cents, the sentence from them (set in the pane)", () => {
    const d = sample();
    const a = allocate({ ...d, policy: { ...d.policy, places: undefined, foundationPerSchool: 1_000_000_000_00 } });
    expect(a.errors).toHaveLength(1);
    const e = a.errors[0];
    expect(e).toMatchObject({ code: "foundationTooLarge", setting: "foundationPerSchool", table: "Policy", row: null, column: "Foundation Per School", values: { amount: 1_000_000_000_00 } });
    expect(e.expected).toBeUndefined();
    const { available = 0, schools = 0 } = e.values ?? {};
    expect(formatError(e)).toBe(
      `Policy, column "Foundation Per School": expected at most ${dollars(Math.floor(available / schools))} per school (the general school pool ${dollars(available)} ÷ ${schools} schools), found $1,000,000,000`,
    );
  });

  test("no general source to pay it: at its Policy cell, the setting named first", () => {
    const d = sample();
    expect(d.policy.places?.foundationPerSchool).toBeDefined();
    const a = allocate({ ...d, policy: { ...d.policy, foundationPerSchool: 5000_00 }, sources: d.sources.map((s) => ({ ...s, restricted: true })) });
    const e = a.errors.find((x) => x.code === "foundationNoPayer");
    expect(e).toBeDefined();
    if (!e) return;
    expect(e.values).toEqual({ amount: 5000_00 });
    expect(formatError(e)).toBe(
      `Policy row ${e.row}, column "Value" (${e.cell}): expected Foundation Per School: at least one Unlocked, unrestricted source that funds All for all schools, to pay the foundation, found $5,000 per school and no such source`,
    );
  });
});
