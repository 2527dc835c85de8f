import type { ParseContext } from "../../../src/engine/parse/headers";
import { defaultPolicy, parsePolicy } from "../../../src/engine/parse/policy";
import type { Cell } from "../../../src/engine/types";
import { rawTable } from "../../helpers/raw";
import { parseWarningWords } from "../../../src/words/parseErrors";

const parse = (...rows: Cell[][]) => {
  const c: ParseContext = { errors: [], warnings: [] };
  const policy = parsePolicy(rawTable("Policy", [["Setting", "Value"], ...rows]), c);
  return { policy, ...c };
};

describe("parsePolicy", () => {
  it("defaults when the table is absent", () => {
    const c: ParseContext = { errors: [], warnings: [] };
    expect(parsePolicy(undefined, c)).toEqual(defaultPolicy());
    expect(defaultPolicy()).toMatchObject({ baseAmount: null, foundationPerSchool: 0, phaseIn: 1, rounding: "cent", gainUnit: "effect size" });
  });

  it("reads every setting with header-normalised names", () => {
    const { policy, errors, warnings } = parse(
      ["Base Amount", "$4,250.25"],
      ["foundation_per_school", 150000],
      ["HOLD HARMLESS", "98%"],
      ["Gain-Cap", 5],
      ["Phase In %", 0.5],
      ["Rounding", "Dollar"],
      ["Learning Gain Unit", "scale points"],
    );
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    // Where each setting was read, so that a problem the allocation finds names its row.
    expect(policy.places?.holdHarmless).toEqual({ row: 4, column: "Value", cell: "B4", sheet: "Policy" });
    expect(Object.keys(policy.places ?? {})).toHaveLength(7);
    const { places: _places, ...read } = policy;
    expect(read).toEqual({
      adaLevels: null,
      baseAmount: 425025,
      foundationPerSchool: 15000000,
      holdHarmless: 0.98,
      gainCap: 0.05,
      phaseIn: 0.5,
      // Not in the table: its default, 0% (off).
      normAdjustment: 0,
      rounding: "dollar",
      gainUnit: "scale points",
      raw: {
        baseamount: "$4,250.25",
        foundationperschool: 150000,
        holdharmless: "98%",
        gaincap: 5,
        phasein: 0.5,
        rounding: "Dollar",
        learninggainunit: "scale points",
      },
    });
  });

  it("blank values take the defaults", () => {
    const { policy, errors } = parse(["Base Amount", null], ["Phase In", null], ["Rounding", ""], ["Hold Harmless", null]);
    expect(errors).toEqual([]);
    expect(policy).toMatchObject({ baseAmount: null, phaseIn: 1, rounding: "cent", holdHarmless: null });
  });

  it("keeps unknown settings in raw with a warning, not an error", () => {
    const { policy, errors, warnings } = parse(["Carry Over", "Yes"], [null, "row without a setting is skipped"]);
    expect(errors).toEqual([]);
    expect(policy.raw).toEqual({ carryover: "Yes" });
    expect(warnings).toHaveLength(1);
    expect(parseWarningWords(warnings[0])).toMatch(/Policy row 2: the setting "Carry Over" is not one the tool uses/);
  });

  it("accepts a gain cap above 100%", () => {
    expect(parse(["Gain Cap", "150%"]).policy.gainCap).toBe(1.5);
  });
});
