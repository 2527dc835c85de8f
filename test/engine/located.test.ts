/**
 * Problems the allocation finds are data: a code, the setting at fault and the figures in cents, beside the
 * location; the sentence is built from them by formatError (src/words/errors.ts), the same for every surface.
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
    const { available, need } = e.values ?? {};
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
});
